"""The notice and the minutes of one meeting made one meeting, and with what the database
has: only empty fields filled, differences said."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, cast

from tr_desk.core.importing.shapes import Register
from tr_desk.core.importing.text import Said, _short
from tr_desk.core.meeting_data import MeetingData
from tr_desk.core.messages import Code

NOTICE_CASE_FIELDS = ("title", "kind", "text", "attachments", "proposal", "presenter", "follows")


def merge_files(first: MeetingData, second: MeetingData) -> tuple[MeetingData, list[str]]:
    """Two meeting files of the same meeting (notice and minutes, or what the database has and
    a document): each field from whichever has it; where both have a different value, the
    first is kept and the difference said."""
    merged: dict[str, Any] = dict(first)  # field by field, whatever the key
    differences: list[str] = []
    for key, value in second.items():
        if key == "cases":
            continue
        if key == "status":
            order = ["planlagt", "innkalt", "avholdt", "godkjent"]
            ranks = [order.index(v) if v in order else -1 for v in (merged.get(key), value)]
            merged[key] = value if ranks[1] > ranks[0] else merged.get(key, value)
            continue
        if _empty(merged.get(key)):
            merged[key] = value
        elif not _empty(value) and not _alike(merged[key], value) and key not in ("attendance",):
            kept, other = _apart(merged[key], value)
            differences.append(Said.coded(Code.KEPT_NOT, key=key, kept=kept, other=other))
    cases: dict[str, dict[str, Any]] = {
        c.get("number") or "": dict(c) for c in first.get("cases", [])
    }
    order = [c.get("number") or "" for c in first.get("cases", [])]
    for case in second.get("cases", []):
        number = case.get("number") or ""
        if number not in cases:
            cases[number] = dict(case)
            order.append(number)
            continue
        target = cases[number]
        for key, value in case.items():
            if _empty(target.get(key)) or (key == "kind" and target.get(key) == "ordinær"):
                target[key] = value
            elif (
                not _empty(value)
                and not _alike(target[key], value)
                and key not in ("outcome", "kind")
            ):
                kept, other = _apart(target[key], value)
                differences.append(
                    Said.coded(Code.KEPT_NOT_2, number=number, key=key, kept=kept, other=other)
                )
    if cases:
        merged["cases"] = sorted((cases[n] for n in order), key=_case_order)
    return cast("MeetingData", merged), differences


def _case_order(case: Mapping[str, Any]) -> tuple[int, int]:
    number, year = case["number"].split()[1].split("/")
    return int(year), int(number)


def _empty(value: object) -> bool:
    """Nothing, or text that is no text: whitespace, a lone bullet, punctuation."""
    if isinstance(value, str):
        return not re.sub(r"[\W_]+", "", value)
    return value is None or value == [] or value == {}


def _alike(first: object, second: object) -> bool:
    """The same, or texts that differ only in spacing and a closing full stop."""
    if isinstance(first, str) and isinstance(second, str):
        return " ".join(first.split()).rstrip(".") == " ".join(second.split()).rstrip(".")
    return first == second


def _apart(first: object, second: object) -> tuple[str, str]:
    """Two long texts shown where they start to differ, so the difference can be seen."""
    a, b = str(first).replace("\n", " "), str(second).replace("\n", " ")
    if len(a) <= 60 and len(b) <= 60:
        return a, b
    start = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    start = max(0, start - 20)
    lead = "…" if start else ""
    return _short(lead + a[start:]), _short(lead + b[start:])


def merge_all(files: Iterable[MeetingData]) -> tuple[list[MeetingData], list[str]]:
    """Meeting files from several files, merged by body and date."""
    merged: dict[tuple[str, str], MeetingData] = {}
    warnings: list[str] = []
    for file in files:
        key = (file["body"], file["date"])
        if key in merged:
            merged[key], differences = merge_files(merged[key], file)
            warnings += [Said.of(d).prefixed(f"{key[0]} {key[1]}") for d in differences]
        else:
            merged[key] = file
    return list(merged.values()), warnings


PERSON_FIELDS = ("case_officer", "chair", "minute_taker")


def _name_slots(file: MeetingData) -> Iterator[tuple[Any, Any]]:
    """Every place of a meeting file that holds a person's name, as (container, key)."""
    for key in PERSON_FIELDS:
        if file.get(key):
            yield file, key
    for names in (file.get("invited") or [], file.get("copy") or []):
        for index in range(len(names)):
            yield names, index
    for line in file.get("attendance") or []:
        for key in ("name", "substitute_for"):
            if line.get(key):
                yield line, key
    for case in file.get("cases") or []:
        if case.get("presenter"):
            yield case, "presenter"


def unknown_names(files: Iterable[MeetingData], register: Register) -> list[str]:
    """The names in the files that the register does not know, in the order they come."""
    found: dict[str, None] = {}
    for file in files:
        for holder, key in _name_slots(file):
            if register.index.find(holder[key]) is None:
                found.setdefault(holder[key])
    return list(found)


def renamed(file: MeetingData, names: Mapping[str, str]) -> MeetingData:
    """The file with each name written as in ``names`` replaced (a copy; the file is kept)."""
    import copy

    out = copy.deepcopy(file)
    for holder, key in _name_slots(out):
        holder[key] = names.get(holder[key], holder[key])
    return out
