"""The one date and time style of the documents; weekdays are always computed, never typed."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import PurePath

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "desember",
)  # fmt: skip


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def weekday_name(day: dt.date) -> str:
    """«Fredag»."""
    return _capitalize(WEEKDAYS[day.weekday()])


def month_name(month: int) -> str:
    """«desember»."""
    return MONTHS[month - 1]


def date_short(day: dt.date) -> str:
    """«02.12.2022»: titles, standard cases, references to other meetings."""
    return day.strftime("%d.%m.%Y")


def date_long(day: dt.date) -> str:
    """«25. november 2022»: the notice's and the minutes' own date."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def date_with_weekday(day: dt.date) -> str:
    """«Fredag 02. desember 2022»."""
    return f"{weekday_name(day)} {day.day:02d}. {MONTHS[day.month - 1]} {day.year}"


def plan_date(day: dt.date) -> str:
    """«Onsdag 25.01»: one line of the meeting plan."""
    return f"{weekday_name(day)} {day.strftime('%d.%m')}"


def clock(time: dt.time) -> str:
    """«0830»: the house style writes times without a colon."""
    return time.strftime("%H%M")


def time_slot(start: dt.time | None, end: dt.time | None) -> str:
    """«kl 0830-1130»; empty when there is no slot (written procedure)."""
    if start is None:
        return ""
    if end is None:
        return f"kl {clock(start)}"
    return f"kl {clock(start)}-{clock(end)}"


def period(day: dt.date, start: dt.time | None, end: dt.time | None) -> str:
    """«Fredag 02. desember 2022 kl 0830-1130»: the Tidsrom line."""
    slot = time_slot(start, end)
    return f"{date_with_weekday(day)} {slot}".strip()


_TIME = re.compile(r"\s*([0-9]{1,2})[:.]?([0-9]{2})\s*")
_ISO_TIME = re.compile(r"([0-9]{2}):([0-9]{2})")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
SHOWN_MAX = 80


def shown(value: object) -> str:
    """A value quoted for an error line: at most ~80 characters, control characters escaped.

    ``repr`` escapes what a terminal would act on (escape sequences, newlines, lone
    surrogates), so a hostile or huge value can neither scroll the screen nor flood it.
    """
    text = value if isinstance(value, str) else str(value)
    if len(text) > SHOWN_MAX:
        text = text[: SHOWN_MAX - 1] + "…"
    return repr(text)


_SURROGATES = re.compile("[\ud800-\udfff]")


def file_name(path: PurePath) -> str:
    """A file's name as text that can be stored and printed: bytes that are not UTF-8 (a
    name from another system) become «�», control characters «?»."""
    return "".join("?" if unicodedata.category(c) == "Cc" else c for c in decoded(path.name))


def decoded(text: str) -> str:
    """Text with the undecodable bytes of a file name («\udcff») as «�»: it can be stored,
    printed and shown."""
    return _SURROGATES.sub("\ufffd", text)


def parse_time(text: str) -> dt.time:
    """Read «08:30», «0830» or «8.30». Raises ValueError on «2500» and the like."""
    match = _TIME.fullmatch(text)
    if not match:
        raise ValueError(f"not a time: {shown(text)} (expected HH:MM)")
    return _time_of_day(text, int(match[1]), int(match[2]))


def parse_iso_time(text: str) -> dt.time:
    """Read «08:30» exactly (the meeting file): two digits, a colon, two digits."""
    match = _ISO_TIME.fullmatch(text)
    if not match:
        raise ValueError(f"not a time: {shown(text)} (expected HH:MM, e.g. 08:30)")
    return _time_of_day(text, int(match[1]), int(match[2]))


def _time_of_day(text: str, hour: int, minute: int) -> dt.time:
    if hour > 23 or minute > 59:
        raise ValueError(f"not a time of day: {shown(text)}")
    return dt.time(hour, minute)


def parse_date(text: str) -> dt.date:
    """Read an ISO date exactly (YYYY-MM-DD, ASCII digits, nothing around it)."""
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"not a date: {shown(text)} (expected YYYY-MM-DD)")


def iso_time(time: dt.time | None) -> str | None:
    return None if time is None else time.strftime("%H:%M")


_USER_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")


def parse_user_date(text: str) -> dt.date | None:
    """Read a date as typed in the window: «01.01.2023», «1.1.2023» or ISO; empty is None."""
    text = text.strip()
    if not text:
        return None
    match = _USER_DATE.match(text)
    try:
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise ValueError(f"«{text}» er ikke en dato. Skriv f.eks. 01.01.2023.")


def genitive(name: str) -> str:
    """«Regionrådets», «Styrets»; a name ending in s, x or z takes an apostrophe («Hans'»)."""
    return f"{name}'" if name[-1:].lower() in {"s", "x", "z"} else f"{name}s"


def counted(count: int, one: str, many: str) -> str:
    """A count and its noun in bokmål: «1 person», «3 personer», «0 saker»."""
    return f"{count} {one if count == 1 else many}"
