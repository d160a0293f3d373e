"""The program's icons from ``icons/tr-desk.svg``: PNGs for Linux (16–256 px) and a
multi-size ICO for Windows. Qt draws the SVG; Pillow writes the ICO.

    python packaging/make_icons.py
"""

from __future__ import annotations

import io
from pathlib import Path

HERE = Path(__file__).resolve().parent / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> None:
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "tr-desk.svg"))
    images = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(HERE / f"tr-desk-{size}.png"))
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        images.append(Image.open(io.BytesIO(bytes(buffer.data()))))
    largest = images[-1]
    largest.save(HERE / "tr-desk.ico", sizes=[(s, s) for s in SIZES])
    del app
    print(f"icons in {HERE}")


if __name__ == "__main__":
    main()
