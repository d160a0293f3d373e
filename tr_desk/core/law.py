"""What kommuneloven asks of the minutes beyond the counts: closed items (§ 11-5, § 11-7) and
late items (§ 11-3). The wording lives here once; the editors, the check and the documents
use it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tr_desk.core.model import Attendance, AttendanceStatus, Meeting, MeetingMode


@dataclass(frozen=True)
class ClosedBasis:
    key: str  # what the database and the meeting file hold
    paragraph: str  # «andre ledd bokstav a»
    reason: str  # what it covers, for the editor's list
    mandatory: bool  # § 11-5 second paragraph: the meeting *shall* be closed

    @property
    def law(self) -> str:
        return f"kommuneloven § 11-5 {self.paragraph}"

    @property
    def choice(self) -> str:
        """«§ 11-5 andre ledd bokstav a – en arbeidstakers tjenstlige forhold»."""
        return f"§ 11-5 {self.paragraph} – {self.reason}"


CLOSED_BASES = (
    ClosedBasis("2a", "andre ledd bokstav a", "en arbeidstakers tjenstlige forhold", True),
    ClosedBasis("2b", "andre ledd bokstav b", "taushetsplikt", True),
    ClosedBasis("3a", "tredje ledd bokstav a", "personvern", False),
    ClosedBasis("3b", "tredje ledd bokstav b", "tungtveiende offentlige interesser", False),
)
BY_KEY = {b.key: b for b in CLOSED_BASES}


def closed_basis(key: str) -> ClosedBasis | None:
    return BY_KEY.get(key)


def parse_closed(text: str) -> str:
    """«2a», «andre ledd bokstav a», «§ 11-5 (2) a» → the key; ValueError otherwise."""
    folded = " ".join(text.casefold().replace("§", " ").replace("11-5", " ").split())
    if folded in BY_KEY:
        return folded
    for basis in CLOSED_BASES:
        if folded in (basis.paragraph, f"({basis.key[0]}) {basis.key[1]}"):
            return basis.key
    keys = " | ".join(BY_KEY)
    raise ValueError(f"{text!r} is not a basis for closing the meeting ({keys})")


def closed_line(key: str) -> str:
    """«Møtet ble lukket under behandlingen av saken, jf. kommuneloven § 11-5 andre ledd
    bokstav a.» — in the minutes and in their public version."""
    basis = closed_basis(key)
    where = f", jf. {basis.law}" if basis else ""
    return f"Møtet ble lukket under behandlingen av saken{where}."


def is_remote(meeting: Meeting) -> bool:
    """A remote meeting (§ 11-7): held as one, or anyone took part digitally."""
    return meeting.mode is MeetingMode.REMOTE or any(
        a.status is AttendanceStatus.DIGITAL for a in meeting.attendance
    )


# -- late items (tilleggssaker) ------------------------------------------------------------

LATE_TITLE = "Tilleggssak"


def join_names(names: Sequence[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


def objection_blocks(objections: Sequence[str], chair: str, voting: int) -> bool:
    """§ 11-3: a late item is not decided if the chair or a third of the members object."""
    names = {" ".join(n.split()).casefold() for n in objections if n.strip()}
    if chair and " ".join(chair.split()).casefold() in names:
        return True
    return bool(names) and voting > 0 and 3 * len(names) >= voting


LATE_ITEM = "Saken var ikke med i innkallingen."


def late_line(objections: Sequence[str], blocked: bool) -> str:
    """What the minutes say of a late item's being dealt with."""
    names = [" ".join(n.split()) for n in objections if n.strip()]
    if not names:
        return f"{LATE_ITEM} Ingen motsatte seg at saken ble behandlet."
    who = join_names(names)
    if blocked:
        return (
            f"{LATE_ITEM} {who} motsatte seg at saken ble behandlet; "
            "den ble derfor utsatt, jf. kommuneloven § 11-3."
        )
    return (
        f"{LATE_ITEM} {who} motsatte seg at saken ble behandlet, men "
        "det er ikke møteleder eller en tredjedel av medlemmene (kommuneloven § 11-3)."
    )


def called_substitutes(lines: Sequence[Attendance]) -> dict[int, int]:
    """Member → the substitute marked in the member's seat."""
    return {
        a.substitute_for: a.person_id
        for a in lines
        if a.substitute_for is not None and a.person_id is not None
    }
