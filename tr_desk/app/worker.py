"""A render worker: a separate Python process that typesets documents for the live preview.

    python -m tr_desk.app.worker      (installed with pip)
    tr-desk --tr-desk-worker          (the desktop program: its own executable, a hidden flag)

Requests and answers are pickled, each preceded by its length (8 bytes, big-endian), on
stdin and stdout. A request is ``(target, data)`` with target a name of ``TARGETS``; the answer
is ``("ok", pdf_bytes)`` or ``("error", message)``. The worker ends when stdin closes (also
when the program that started it is killed).
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

HEADER = struct.Struct(">Q")
FLAG = "--tr-desk-worker"  # the frozen program's hidden argument: be the worker


def command() -> list[str]:
    """How to start the worker: the desktop program (PyInstaller) is its own interpreter and
    knows no ``-m``, so it is started with the hidden flag; from pip, Python runs the module."""
    if getattr(sys, "frozen", False):
        program = Path(sys.executable)
        if sys.platform == "win32":  # the windowed «TR Desk.exe» has no standard streams:
            console = program.with_name("tr-desk.exe")  # its console twin serves, unseen
            program = console if console.exists() else program
        return [str(program), FLAG]
    return [sys.executable, "-m", "tr_desk.app.worker"]


def start_options() -> dict[str, Any]:
    """On Windows the worker gets no console window of its own."""
    if sys.platform == "win32":
        import subprocess

        return {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)}
    return {}


def send(stream: IO[bytes], message: Any) -> None:
    import pickle  # here, not at import: every start of tr-desk reads this module for FLAG

    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(payload)) + payload)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """The next message, or raises EOFError when the other side has gone."""
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        raise EOFError
    (size,) = HEADER.unpack(header)
    payload = stream.read(size)
    if len(payload) < size:
        raise EOFError
    import pickle

    return pickle.loads(payload)


def warm(_data: Any = None) -> bytes:
    """Import the renderers and register the fonts, so that the first preview is quick."""
    from tr_desk.documents import minutes, notice  # noqa: F401
    from tr_desk.documents.styles import styles

    styles()
    return b""


def _notice(data: Any) -> bytes:
    from tr_desk.documents.notice import render_notice

    return render_notice(data)


def _minutes(data: Any) -> bytes:
    from tr_desk.documents.minutes import render_minutes

    return render_minutes(data)


def _read_for_window(data: Any) -> Any:
    from tr_desk.app.importing import read_for_window

    return read_for_window(data)


# What the worker does, by name: the live previews, and the import's preview reading a file.
TARGETS: dict[str, Callable[[Any], Any]] = {
    "warm": warm, "notice": _notice, "minutes": _minutes, "import": _read_for_window,
}  # fmt: skip


def render(target: str, data: Any) -> Any:
    work = TARGETS.get(target)
    if work is None:
        raise ValueError(f"not a renderer: {target}")
    return work(data)


def serve(inp: IO[bytes], out: IO[bytes]) -> None:
    while True:
        try:
            target, data = receive(inp)
        except EOFError:
            return
        try:
            send(out, ("ok", render(target, data)))
        except Exception as exc:  # reported to the window, which shows it
            send(out, ("error", f"{type(exc).__name__}: {exc}"))


def main() -> int:
    serve(sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
