"""A JSON file of TR Desk's (a meeting file, a profile) read within bounds: UTF-8, strict JSON,
nesting, counts and text lengths limited, every failure one line naming the path."""

from __future__ import annotations

from typing import Any

from tr_desk.core.formats import shown


class MeetingFileError(ValueError):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path


# Limits of a meeting file: far beyond any real meeting, well below what hurts.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 12
MAX_COUNT = 999
MAX_ITEMS = 1000  # in any one list: cases, attendance, names, attachments …
MAX_VALUES = 100_000  # in the whole file (a real meeting has a few hundred)
MAX_TEXT = 1_000_000  # characters in one text


def parse_meeting_json(data: bytes) -> Any:
    """Parse the bytes of a meeting file (UTF-8, a BOM allowed) and check its shape.

    Every failure is a MeetingFileError with a one-line message: broken JSON names its line,
    and the shape check names the path of the key (nesting too deep, a number too large,
    text that is not valid Unicode).
    """
    import json

    if len(data) > MAX_FILE_BYTES:
        raise MeetingFileError("", f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MeetingFileError("", f"not a UTF-8 text file (byte {exc.start})") from None
    try:
        obj = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise MeetingFileError("", f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise MeetingFileError("", f"nested deeper than {MAX_DEPTH} levels") from None
    except (ValueError, OverflowError) as exc:  # e.g. an integer of more than 4,300 digits
        raise MeetingFileError("", f"not a valid meeting file: {shown(str(exc))}") from None
    except MemoryError:
        raise MeetingFileError("", "the file is too large to read") from None
    check_shape(obj)
    return obj


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def check_shape(obj: Any) -> None:
    """Depth, numbers and text of a parsed file, before any key is read."""
    stack: list[tuple[Any, str, int]] = [(obj, "", 0)]
    values = 0
    while stack:
        value, path, depth = stack.pop()
        values += 1
        if values > MAX_VALUES:
            raise MeetingFileError("", f"more than {MAX_VALUES:,} values: not a meeting")
        if depth > MAX_DEPTH:
            raise MeetingFileError(path, f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(value, dict):
            if len(value) > MAX_ITEMS:
                raise MeetingFileError(path, f"more than {MAX_ITEMS} keys")
            for key, item in value.items():
                _check_text(path, key)
                stack.append((item, key_path(path, key), depth + 1))
        elif isinstance(value, list):
            if len(value) > MAX_ITEMS:
                raise MeetingFileError(path, f"a list of {len(value):,} (at most {MAX_ITEMS})")
            stack.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value))
        elif isinstance(value, str):
            _check_text(path, value)
        elif isinstance(value, float):
            raise MeetingFileError(path, "expected a whole number, text or an object")
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**6:
            raise MeetingFileError(path, "number too large")


def _check_text(path: str, text: str) -> None:
    if len(text) > MAX_TEXT:
        raise MeetingFileError(path, f"a text of {len(text):,} characters (at most {MAX_TEXT:,})")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise MeetingFileError(path, "text is not valid Unicode (a lone surrogate)") from None
    if "\x00" in text:
        raise MeetingFileError(path, "text contains a NUL character")


def key_path(path: str, key: str) -> str:
    """The path of a key; a key that is not a plain word is quoted (and cut short)."""
    if not (key.isascii() and key.replace("_", "a").isalnum()) or len(key) > 40:
        return f"{path}[{shown(key)}]"
    return f"{path}.{key}" if path else key
