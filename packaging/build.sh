#!/usr/bin/env bash
# Build the desktop program from packaging/tr-desk.spec: dist/tr-desk/ (one folder) and, on
# Linux, dist/tr-desk-linux-<arch>.tar.gz with the launcher's .desktop file, icon and
# install.sh. PYTHON: the interpreter whose environment has TR Desk installed (.venv's).
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
"$python" -m pip install -q 'pyinstaller>=6.10,<7'
# No --clean: PyInstaller's cache of analysed binaries (~/.cache/pyinstaller) is kept between
# builds of the same environment.
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller packaging/tr-desk.spec
if [ "$(uname -s)" = "Linux" ]; then
    cp packaging/tr-desk.desktop packaging/install.sh packaging/icons/tr-desk-256.png \
        packaging/icons/tr-desk.svg dist/tr-desk/
    tar -czf "dist/tr-desk-linux-$(uname -m).tar.gz" -C dist tr-desk
fi
du -sm dist/tr-desk | awk '{print "dist/tr-desk: " $1 " MB"}'
