"""A render worker: a separate Python process that typesets documents for the live preview.

    python -m tr_desk.documents.worker

Requests and answers are pickled, each preceded by its length (8 bytes, big-endian), on
stdin and stdout. A request is ``(target, data)`` with target «module:function»; the answer
is ``("ok", pdf_bytes)`` or ``("error", message)``. The worker ends when stdin closes (also
when the program that started it is killed).
"""

from __future__ import annotations

import importlib
import pickle
import struct
import sys
from typing import IO, Any

HEADER = struct.Struct(">Q")


def send(stream: IO[bytes], message: Any) -> None:
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
    return pickle.loads(payload)


def warm(_data: Any = None) -> bytes:
    """Import the renderers and register the fonts, so that the first preview is quick."""
    from tr_desk.documents import minutes, notice  # noqa: F401
    from tr_desk.documents.styles import styles

    styles()
    return b""


READERS = {"tr_desk.importer:read_for_window"}  # the import's preview reads files here too


def render(target: str, data: Any) -> Any:
    module, name = target.split(":")
    if not (module.startswith("tr_desk.documents.") or target in READERS):
        raise ValueError(f"not a renderer: {target}")
    return getattr(importlib.import_module(module), name)(data)


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


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
