"""The meeting file (DESIGN.md §6) as types: what ``show --json`` writes, ``load`` reads and
the import builds, key by key. The file is JSON, so these are typed dictionaries; every key
but the meeting's body and date may be left out (``core.meeting_file`` says what each may
hold, and reads them strictly)."""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict


class AttachmentData(TypedDict):
    title: str
    file: NotRequired[str | None]  # a stored attachment's name, or a path next to the file
    text: NotRequired[str]  # known by its text only (the import): typeset when loaded


class ExemptData(TypedDict):
    basis: str  # «Offl. § 13 jf. fvl. § 13 første ledd nr. 1»
    public_title: NotRequired[str]


# «for» is a keyword: these are spelled in the functional form.
PartyVoteData = TypedDict(
    "PartyVoteData",
    {
        "party": str, "for": int, "against": int, "blank": NotRequired[int],
        "names_for": NotRequired[list[str]], "names_against": NotRequired[list[str]],
        "names_blank": NotRequired[list[str]],
    },
)  # fmt: skip
VoteData = TypedDict(
    "VoteData",
    {
        "for": int, "against": int, "blank": int, "note": NotRequired[str],
        "parties": NotRequired[list[PartyVoteData]],
    },
)  # fmt: skip


class ExclusionData(TypedDict):
    name: str | None
    kind: str
    basis: str


class AnswerData(TypedDict):
    name: str | None
    answer: str


class FollowUpData(TypedDict):
    what: str
    status: str
    who: NotRequired[str]
    due: NotRequired[str]
    note: NotRequired[str]
    closed_by: NotRequired[str]


class CaseData(TypedDict, total=False):
    number: str | None  # «KF 46/22»
    title: str
    kind: str
    text: str
    attachments: list[AttachmentData]
    proposal: str
    presenter: str | None
    follows: str | None
    exempt: ExemptData | None
    introduced_by: str | None
    introduction: str
    notes: str
    resolution: str
    vote: VoteData | Literal["enstemmig"] | None
    outcome: str | None
    postponed_from: str  # «KF 40/22»
    links: list[str]
    show_history: bool
    closed: str  # what closed the matter
    late: bool
    objections: list[str]
    followups: list[FollowUpData]
    exclusions: list[ExclusionData]
    answers: list[AnswerData]


class AttendanceData(TypedDict):
    name: str | None
    status: str
    substitute_for: NotRequired[str | None]
    reason: NotRequired[str]
    role: NotRequired[str]
    from_case: NotRequired[str]
    to_case: NotRequired[str]
    party: NotRequired[str]


class HeldData(TypedDict):
    start: str | None
    end: str | None


class MeetingData(TypedDict, total=False):
    body: str  # the body's prefix
    date: str  # ISO
    start: str | None
    end: str | None
    place: str
    mode: str
    status: str
    notice_date: str | None
    reference: str
    case_officer: str | None
    chair: str | None
    minute_taker: str | None
    invited: list[str | None]
    copy: list[str | None]
    held: HeldData | None
    notice_remarks: str
    note: str
    cancel_reason: str
    uid: str
    minutes_date: str
    approved_on: str
    reopened_on: str
    attendance: list[AttendanceData]
    cases: list[CaseData]
