#!/bin/sh
# TR Desk for Linux: put the program in the menu (for this user). Run it from the unpacked
# folder: ./install.sh. The program stays where it is; your data is in ~/.local/share/TR Desk.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/tr-desk-256.png" "$icons/tr-desk.png"
sed "s|^Exec=tr-desk|Exec=\"$here/tr-desk\"|" "$here/tr-desk.desktop" > "$apps/tr-desk.desktop"
echo "TR Desk is in the menu (Office). To remove it: rm \"$apps/tr-desk.desktop\""
