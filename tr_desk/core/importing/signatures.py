"""The end of a document: the signature block (who signed, as what) and the papers printed
after it, as the texts of the attachments they name."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, cast

from tr_desk.core.importing.text import _CHAIR_TITLES, _SIGN_TITLES, Said, _short, clean, markdown
from tr_desk.core.meeting_data import CaseData
from tr_desk.core.messages import Code


def _attachment_texts(
    files: Sequence[CaseData], lines: Sequence[tuple[int, str]], warnings: list[str]
) -> list[tuple[int, str]]:
    """The text after the signature — a programme, a letter, an agreement: the notice's
    attachments, printed after it — as the text of the attachment it is: a part begins at a
    short line that names an attachment («Vedlegg 2: Prosjektbeskrivelse») or the case it
    belongs to. A case with no attachment gets one named by that line. Returns the lines that
    belong to none."""
    from rapidfuzz import fuzz

    # Each attachment gathers its «lines» here before they become its text.
    cases = cast("Sequence[dict[str, Any]]", files)

    def key(text: str) -> str:
        return " ".join(re.findall(r"[^\W_]+", text.casefold()))

    def alike(title: str, wanted: str) -> bool:
        """A heading that is the title (a «Vedlegg 2:» before it, a word more or less), not
        a sentence that mentions it."""
        if not title or len(wanted) > len(title) + 16:
            return False
        return title in wanted or fuzz.ratio(title, wanted) >= 88

    def names(heading: str) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
        wanted = key(heading)
        if not wanted or len(heading) > 160:
            return None
        found = [(case, attachment) for case in cases for attachment in case.get("attachments", [])
                 if alike(key(attachment["title"]), wanted)]  # fmt: skip
        if found:  # the same title twice (two cases' notes): the first not yet given a text
            return next(((c, a) for c, a in found if "lines" not in a), found[-1])
        for case in cases:
            title = key(case["title"])
            if len(title) >= 8 and alike(title, wanted):
                return case, None
        return None

    left: list[tuple[int, str]] = []
    current: list[str] | None = None
    for number, line in lines:
        found = names(clean(line)) if clean(line) else None
        if found is not None:
            case, attachment = found
            if attachment is None:
                attachment = {"title": clean(line).rstrip(" ."), "file": None}
                case.setdefault("attachments", []).append(attachment)
            current = attachment.setdefault("lines", [])
            warnings.append(
                Said.coded(
                    Code.TEXT_AFTER_SIGNATURE_FROM_ATTACHMENT,
                    short=_short(clean(line)),
                    attachment=attachment["title"],
                    case=case["number"],
                )
            )
            continue  # the heading is the attachment's title, not its text
        if current is None:
            if clean(line):
                left.append((number, line))
            continue
        current.append(line)
    for case in cases:
        for attachment in case.get("attachments", []):
            if "lines" in attachment:
                text = markdown(attachment.pop("lines"))
                if text:
                    attachment["text"] = text
    return left


def _signature_at(lines: Sequence[str]) -> int | None:
    """Where the closing signature starts: a short name line over «Daglig leder» or the like."""
    plain = [clean(line) for line in lines]
    for i, line in enumerate(lines):
        titles = _sign_titles(line)
        if titles:
            j = i - 1
            while j >= 0 and (not plain[j] or plain[j].casefold() == "(sign)"):
                j -= 1
            words = 5 * len(titles)  # side by side: a name over each title
            if j >= 0 and len(plain[j].split()) <= words and not plain[j].endswith((".", ":")):
                return j
    return None


def _sign_titles(line: str) -> list[str]:
    """The signers' titles a line holds, left to right («Møteleder», «Møteleder Referent»,
    «Daglig leder»), whatever the spacing (a PDF keeps one space of a tab); empty when the
    line is anything else."""
    words = clean(line).casefold().replace("(sign)", " ").split()
    titles: list[str] = []
    i = 0
    while i < len(words):
        two = " ".join(words[i : i + 2]).rstrip(".")
        if two in _SIGN_TITLES:
            titles.append(two)
            i += 2
        elif words[i].rstrip(".") in _SIGN_TITLES:
            titles.append(words[i].rstrip("."))
            i += 1
        else:
            return []
    return titles


def _signatures(
    lines: Sequence[str], known: Callable[[str], bool] = lambda _: False
) -> tuple[dict[str, str], int]:
    """Who signed, from the signature block: each name over its title («Ola Nordmann /
    Møteleder», «Bård Eidet / Referent»), one after the other or side by side (names on one
    line, titles on the next, apart by a tab or wide spacing). The chair is the one titled
    møteleder or leder (on the left); the writer the referent, sekretær or daglig leder.
    Returns who by role and how many lines the block took."""
    signed: dict[str, str] = {}
    i = 0
    plain = [clean(line) for line in lines]
    while i + 1 < len(lines):
        if plain[i].casefold() == "(sign)":
            i += 1
            continue
        titles = _sign_titles(lines[i + 1])
        names = _names_apart(lines[i], len(titles), known) if titles else []
        if titles and len(names) == len(titles):
            for name, title in zip(names, titles, strict=True):
                role = "chair" if title in _CHAIR_TITLES else "minute_taker"
                signed.setdefault(role, clean(name))
            i += 2
            continue
        break
    return signed, max(i, 2)


def _names_apart(line: str, count: int, known: Callable[[str], bool]) -> list[str]:
    """``count`` names written side by side: apart by a tab or wide spacing, or (a PDF keeps
    one space) where the words split into names the register knows."""
    columns = [c for c in re.split(r"\t+|\s{3,}", line.strip()) if c.strip()]
    if len(columns) == count:
        return columns
    words = clean(line).split()
    if count == 2:
        for cut in range(1, len(words)):
            first, second = " ".join(words[:cut]), " ".join(words[cut:])
            if known(first) and known(second):
                return [first, second]
    return []


def _strip_signature(lines: list[str]) -> list[str]:
    """The closing signatures («Bård Eidet / Daglig leder», «(sign)») are not case text."""
    out = list(lines)
    while out and not clean(out[-1]):
        out.pop()
    for _ in range(4):
        last = clean(out[-1]).casefold() if out else ""
        if last == "(sign)":
            out.pop()
        elif len(out) >= 2 and last.rstrip(".") in _SIGN_TITLES:
            out.pop()
            name = clean(out[-1]) if out else ""
            # the name over the title; a sentence of the case («Godkjent.») is no name
            if name and len(name.split()) <= 5 and not name.endswith((".", ":")):
                out.pop()
        while out and not clean(out[-1]):
            out.pop()
    return out
