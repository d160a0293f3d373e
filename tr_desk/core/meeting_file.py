"""The meeting file (DESIGN.md §6): one meeting as JSON, for scripting, exchange and tests.
This module reads it (``core.meeting_json`` writes it).

Reading is strict: an unknown key, a wrong type, a bad date or time is an error naming the
path of the key (``cases[3].vote.for``). Names are matched to the register; a name that
matches no one is reported, and kept as a guest only where the person was present.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from tr_desk.core.formats import parse_date, parse_iso_time, shown
from tr_desk.core.json_file import MAX_COUNT, key_path
from tr_desk.core.json_file import MeetingFileError as MeetingFileError  # its readers catch it here
from tr_desk.core.model import (
    Answer,
    Attachment,
    Attendance,
    AttendanceStatus,
    Body,
    Case,
    CaseKind,
    Exclusion,
    ExclusionKind,
    Exemption,
    FollowUp,
    FollowUpStatus,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Outcome,
    PartyVote,
    Person,
    Vote,
)
from tr_desk.core.names import NameIndex
from tr_desk.core.numbering import parse_case_number


@dataclass
class LoadedMeeting:
    """A meeting read from a file, resolved against the register."""

    meeting: Meeting
    body: Body
    warnings: list[str] = field(default_factory=list)
    given_numbers: dict[int, int] = field(default_factory=dict)  # case index -> number
    # attendance index -> (first, last) case index it took part in; None: open
    attendance_spans: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)


TOP_KEYS = {
    "body", "date", "start", "end", "place", "mode", "status", "notice_date", "reference",
    "case_officer", "chair", "minute_taker", "invited", "copy", "held", "notice_remarks",
    "note", "attendance", "cases", "minutes_date", "approved_on", "reopened_on",
    "cancel_reason", "uid",
}  # fmt: skip
ATTENDANCE_KEYS = {
    "name", "status", "substitute_for", "reason", "role", "from_case", "to_case", "party",
}  # fmt: skip
CASE_KEYS = {
    "number", "title", "kind", "text", "attachments", "proposal", "presenter", "follows",
    "exempt", "introduced_by", "introduction", "notes", "resolution", "vote", "outcome",
    "exclusions", "answers", "postponed_from", "links", "show_history", "closed", "late",
    "objections", "followups",
}  # fmt: skip
EXCLUSION_KEYS = {"name", "kind", "basis"}
ANSWER_KEYS = {"name", "answer"}
ATTACHMENT_KEYS = {"title", "file"}
EXEMPT_KEYS = {"basis", "public_title"}
VOTE_KEYS = {"for", "against", "blank", "note", "parties"}
PARTY_VOTE_KEYS = {
    "party", "for", "against", "blank", "names_for", "names_against", "names_blank",
}  # fmt: skip
FOLLOWUP_KEYS = {"what", "who", "due", "status", "note", "closed_by"}
HELD_KEYS = {"start", "end"}

T = TypeVar("T")


class _Reader:
    """Typed access to one JSON object, naming the path of every key in its errors."""

    def __init__(self, obj: Any, path: str, allowed: set[str], required: Sequence[str] = ()):
        if not isinstance(obj, dict):
            raise MeetingFileError(path or "(top)", f"expected an object, got {_type_name(obj)}")
        for key in obj:
            if key not in allowed:
                raise MeetingFileError(key_path(path, key), "unknown key")
        for key in required:
            value = obj.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                raise MeetingFileError(key_path(path, key), "missing")
        self.obj = obj
        self.path = path

    def at(self, key: str) -> str:
        return key_path(self.path, key)

    def text(self, key: str) -> str:
        value = self.obj.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise MeetingFileError(self.at(key), f"expected text, got {_type_name(value)}")
        return value

    def parsed(self, key: str, parse: Callable[[str], T]) -> T | None:
        value = self.text(key)
        if not value:
            return None
        try:
            return parse(value)
        except ValueError as exc:
            raise MeetingFileError(self.at(key), str(exc)) from None

    def items(self, key: str) -> list[Any]:
        value = self.obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise MeetingFileError(self.at(key), f"expected a list, got {_type_name(value)}")
        return value

    def name(self, key: str) -> str:
        """A person's name: text, not blank; inner spaces as written, the ends trimmed."""
        value = self.text(key)
        if value and not value.strip():
            raise MeetingFileError(self.at(key), "a name cannot be blank")
        return " ".join(value.split())

    def flag(self, key: str) -> bool:
        value = self.obj.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise MeetingFileError(self.at(key), f"expected true/false, got {_type_name(value)}")
        return value

    def case_numbers(self, key: str) -> list[str]:
        """«["AU 30/22", "TR 12/22"]»: case numbers, as TR Desk writes them."""
        from tr_desk.core.numbering import format_case_number, parse_case_number

        out = []
        for j, value in enumerate(self.items(key)):
            at = f"{self.at(key)}[{j}]"
            if not isinstance(value, str):
                raise MeetingFileError(at, f"expected a case number, got {_type_name(value)}")
            try:
                ref = parse_case_number(value)
            except ValueError:
                raise MeetingFileError(at, f"{shown(value)} is not a case number") from None
            label = format_case_number(ref.prefix, ref.number, ref.year)
            if label not in out:
                out.append(label)
        return out

    def names(self, key: str) -> list[str]:
        """A list of names as written (not matched: who objected, who voted how)."""
        out = []
        for j, value in enumerate(self.items(key)):
            if not isinstance(value, str) or not value.strip():
                raise MeetingFileError(f"{self.at(key)}[{j}]", "expected a name")
            out.append(" ".join(value.split()))
        return out

    def count(self, key: str) -> int:
        value = self.obj.get(key, 0)
        if value is None:
            return 0
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise MeetingFileError(self.at(key), "expected a whole number ≥ 0")
        if value > MAX_COUNT:
            raise MeetingFileError(self.at(key), f"{value} votes is more than any roster")
        return value


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), "a number" if isinstance(value, int | float) else "null"
    )


def _enum(reader: _Reader, key: str, enum: type[T], default: T | None) -> T | None:
    value = reader.text(key)
    if not value:
        return default
    try:
        return enum(value)  # type: ignore[call-arg]
    except ValueError:
        choices = " | ".join(m.value for m in enum)  # type: ignore[attr-defined]
        raise MeetingFileError(reader.at(key), f"{shown(value)} is not one of {choices}") from None


def read_meeting_file(obj: Any, bodies: Sequence[Body], people: Sequence[Person]) -> LoadedMeeting:
    """Check a parsed JSON object and turn it into a Meeting with register ids."""
    top = _Reader(obj, "", TOP_KEYS, required=("body", "date"))
    body = _body(top, bodies)
    date = top.parsed("date", parse_date)
    assert date is not None
    names = _People(people)
    meeting = _header(top, body, date, names)
    loaded = LoadedMeeting(meeting=meeting, body=body, warnings=names.warnings)
    attendance: list[Attendance] = []
    readers: list[_Reader] = []
    spans: list[tuple[_Reader, int]] = []
    for i, item in enumerate(top.items("attendance")):
        reader = _Reader(item, f"attendance[{i}]", ATTENDANCE_KEYS, ("name", "status"))
        line = _read_attendance(reader, names.index, names.warnings)
        if line is not None:
            attendance.append(line)
            readers.append(reader)
            if reader.text("from_case") or reader.text("to_case"):
                spans.append((reader, len(attendance) - 1))
    _check_attendance(attendance, readers)
    cases = _cases(top, body, date, names, attendance, loaded)
    loaded.meeting = replace(meeting, attendance=attendance, cases=cases)
    seen: dict[int, int] = {}
    for i, given in loaded.given_numbers.items():
        if given in seen:
            raise MeetingFileError(f"cases[{i}].number", f"same number as cases[{seen[given]}]")
        seen[given] = i
    for reader, line_index in spans:
        loaded.attendance_spans[line_index] = _span(reader, body, seen)
    return loaded


def _body(top: _Reader, bodies: Sequence[Body]) -> Body:
    """The body by its prefix (or an earlier one), or by its name."""
    body_text = top.text("body")
    body = next(
        (b for b in bodies if body_text.upper() in {b.prefix, *b.former_prefixes}), None
    ) or next((b for b in bodies if b.name.casefold() == body_text.casefold()), None)
    if body is None:
        known = ", ".join(b.prefix for b in bodies)
        raise MeetingFileError("body", f"unknown body {shown(body_text)} (known: {known})")
    assert body.id is not None
    return body


class _People:
    """The register's people by the names the file writes; a name it does not know is said."""

    def __init__(self, people: Sequence[Person]) -> None:
        self.index = NameIndex(people)
        self.warnings: list[str] = []

    def person_id(self, path: str, name: str | None) -> int | None:
        if not name:
            return None
        person = self.index.find(name)
        if person is None:
            self.warnings.append(f"{path}: {shown(name)} is not in the register")
            return None
        return person.id

    def name_list(self, top: _Reader, key: str) -> tuple[list[int] | None, list[str]]:
        """Registered people by id; a name not in the register stays as written."""
        if top.obj.get(key) is None:
            return None, []
        ids: dict[int, None] = {}  # in order, and looked up at once (8,000 names took 9 s)
        others: dict[str, str] = {}
        for i, name in enumerate(top.items(key)):
            path = f"{key}[{i}]"
            if not isinstance(name, str) or not name.strip():
                raise MeetingFileError(path, "expected a name")
            pid = self.person_id(path, name)
            if pid is not None:
                if pid in ids:
                    raise MeetingFileError(path, "listed twice")
                ids[pid] = None
            else:
                clean = " ".join(name.split())
                if clean.casefold() in others:
                    raise MeetingFileError(path, "listed twice")
                others[clean.casefold()] = clean
        return list(ids), list(others.values())


def _header(top: _Reader, body: Body, date: dt.date, names: _People) -> Meeting:
    """The meeting's own fields (no cases, no attendance yet)."""
    assert body.id is not None
    invited_ids, invited_other = names.name_list(top, "invited")
    copy_ids, copy_other = names.name_list(top, "copy")
    held_start = held_end = None
    if top.obj.get("held") is not None:
        held = _Reader(top.obj["held"], "held", HELD_KEYS)
        held_start = held.parsed("start", parse_iso_time)
        held_end = held.parsed("end", parse_iso_time)
    meeting = Meeting(
        id=None,
        body_id=body.id,
        date=date,
        start=top.parsed("start", parse_iso_time),
        end=top.parsed("end", parse_iso_time),
        place=top.text("place"),
        mode=_enum(top, "mode", MeetingMode, MeetingMode.IN_PERSON) or MeetingMode.IN_PERSON,
        status=_enum(top, "status", MeetingStatus, MeetingStatus.PLANNED) or MeetingStatus.PLANNED,
        notice_date=top.parsed("notice_date", parse_date),
        reference=top.text("reference"),
        case_officer_id=names.person_id("case_officer", top.name("case_officer")),
        chair_id=names.person_id("chair", top.name("chair")),
        minute_taker_id=names.person_id("minute_taker", top.name("minute_taker")),
        invited_ids=invited_ids,
        copy_ids=copy_ids,
        invited_other=invited_other,
        copy_other=copy_other,
        held_start=held_start,
        held_end=held_end,
        notice_remarks=top.text("notice_remarks"),
        note=top.text("note"),
        minutes_date=top.parsed("minutes_date", parse_date),
        approved_on=top.parsed("approved_on", parse_date),
        reopened_on=top.parsed("reopened_on", parse_date),
        cancel_reason=top.text("cancel_reason"),
        uid=top.text("uid"),
    )
    if meeting.start and meeting.end and meeting.end < meeting.start:
        raise MeetingFileError("end", "the meeting ends before it starts")
    if held_start and held_end and held_end < held_start:
        raise MeetingFileError("held.end", "the meeting ends before it starts")
    return meeting


def _cases(
    top: _Reader,
    body: Body,
    date: dt.date,
    names: _People,
    attendance: Sequence[Attendance],
    loaded: LoadedMeeting,
) -> list[Case]:
    """The cases, each number checked to be this body's of this year (``given_numbers``),
    and no vote with more votes than people present."""
    present = sum(1 for a in attendance if a.status is not AttendanceStatus.ABSENT)
    cases: list[Case] = []
    for i, item in enumerate(top.items("cases")):
        reader = _Reader(item, f"cases[{i}]", CASE_KEYS, ("title",))
        case = _read_case(reader, names.person_id, names.index)
        if case.vote is not None and attendance:
            votes = case.vote.votes_for + case.vote.against + case.vote.blank
            if votes > present:
                raise MeetingFileError(
                    reader.at("vote"), f"{votes} votes, but only {present} present"
                )
        number = reader.parsed("number", lambda text: parse_case_number(text, date.year))
        if number is not None:
            if number.prefix not in {body.prefix, *body.former_prefixes}:
                raise MeetingFileError(reader.at("number"), f"{number} is not a {body.prefix} case")
            if number.year != date.year:
                raise MeetingFileError(
                    reader.at("number"), f"{number} is not of the meeting's year {date.year}"
                )
            loaded.given_numbers[i] = number.number
        cases.append(case)
    return cases


def _span(reader: _Reader, body: Body, seen: Mapping[int, int]) -> tuple[int | None, int | None]:
    """The cases (first, last) an attendance line took part in, by their numbers."""

    def case_index(key: str) -> int | None:
        number = reader.parsed(key, parse_case_number)
        if number is None:
            return None
        prefixes = {body.prefix, *body.former_prefixes}
        if number.number not in seen or number.prefix not in prefixes:
            raise MeetingFileError(reader.at(key), f"{number} is not a case of this meeting")
        index: int = seen[number.number]
        return index

    first, last = case_index("from_case"), case_index("to_case")
    if first is not None and last is not None and first > last:
        raise MeetingFileError(reader.at("to_case"), "comes before from_case")
    return first, last


def _check_attendance(lines: Sequence[Attendance], readers: Sequence[_Reader]) -> None:
    """One line per person; a substitute stands in for someone else, who is absent."""
    seen: dict[object, int] = {}
    for i, line in enumerate(lines):
        key: object = line.person_id if line.person_id is not None else line.guest_name.casefold()
        if key in seen:
            raise MeetingFileError(
                readers[i].at("name"), f"already listed at {readers[seen[key]].path}"
            )
        seen[key] = i
    status = {line.person_id: line.status for line in lines if line.person_id is not None}
    for i, line in enumerate(lines):
        if line.substitute_for is None:
            continue
        where = readers[i].at("substitute_for")
        if line.substitute_for == line.person_id:
            raise MeetingFileError(where, "a person cannot substitute for himself or herself")
        if line.status is AttendanceStatus.ABSENT:
            raise MeetingFileError(readers[i].at("status"), "a substitute who is absent")
        if status.get(line.substitute_for) is not AttendanceStatus.ABSENT:
            raise MeetingFileError(where, "the member substituted for is not listed as absent")


def _read_attendance(reader: _Reader, names: NameIndex, warnings: list[str]) -> Attendance | None:
    status = _enum(reader, "status", AttendanceStatus, None)
    assert status is not None
    name = reader.name("name")
    person = names.find(name)
    substitute_for = None
    sub_name = reader.name("substitute_for")
    if sub_name:
        member = names.find(sub_name)
        if member is None:
            warnings.append(
                f"{reader.at('substitute_for')}: {shown(sub_name)} is not in the register"
            )
        else:
            substitute_for = member.id
    line = Attendance(
        status=status,
        reason=reader.text("reason"),
        role=reader.text("role"),
        substitute_for=substitute_for,
        party=" ".join(reader.text("party").split()),
    )
    if person is not None:
        return replace(line, person_id=person.id)
    if status is AttendanceStatus.ABSENT:
        warnings.append(f"{reader.at('name')}: {shown(name)} is not in the register; left out")
        return None
    warnings.append(f"{reader.at('name')}: {shown(name)} is not in the register; added as a guest")
    return replace(line, guest_name=name)


def _read_case(
    reader: _Reader, person_id: Callable[[str, str | None], int | None], names: NameIndex
) -> Case:
    attachments = []
    for j, item in enumerate(reader.items("attachments")):
        att = _Reader(item, f"{reader.path}.attachments[{j}]", ATTACHMENT_KEYS, ("title",))
        attachments.append(Attachment(title=att.text("title"), file=att.text("file") or None))
    exempt = None
    if reader.obj.get("exempt") is not None:
        ex = _Reader(reader.obj["exempt"], reader.at("exempt"), EXEMPT_KEYS, ("basis",))
        exempt = Exemption(basis=ex.text("basis"), public_title=ex.text("public_title"))
    vote = None
    raw_vote = reader.obj.get("vote")
    if raw_vote == "enstemmig":
        vote = Vote(unanimous=True)
    elif isinstance(raw_vote, str):
        raise MeetingFileError(reader.at("vote"), 'expected "enstemmig" or an object')
    elif raw_vote is not None:
        v = _Reader(raw_vote, reader.at("vote"), VOTE_KEYS)
        vote = Vote(
            votes_for=v.count("for"), against=v.count("against"), blank=v.count("blank"),
            note=v.text("note"), parties=_party_votes(v),
        )  # fmt: skip
    exclusions: list[Exclusion] = []
    for j, item in enumerate(reader.items("exclusions")):
        ex = _Reader(item, f"{reader.path}.exclusions[{j}]", EXCLUSION_KEYS, ("name",))
        pid = person_id(ex.at("name"), ex.name("name"))
        kind = _enum(ex, "kind", ExclusionKind, ExclusionKind.DISQUALIFIED)
        if pid is not None and kind is not None:
            if any(e.person_id == pid for e in exclusions):
                raise MeetingFileError(ex.at("name"), "already excluded from this case")
            exclusions.append(Exclusion(pid, kind, ex.text("basis")))
    answers = {}
    for j, item in enumerate(reader.items("answers")):
        an = _Reader(item, f"{reader.path}.answers[{j}]", ANSWER_KEYS, ("name", "answer"))
        pid = person_id(an.at("name"), an.name("name"))
        answer = _enum(an, "answer", Answer, None)
        if pid is not None and answer is not None:
            if pid in answers:
                raise MeetingFileError(an.at("name"), "a second answer from the same member")
            answers[pid] = answer
    closed = ""
    if reader.text("closed"):
        from tr_desk.core.law import parse_closed

        closed = reader.parsed("closed", parse_closed) or ""
    followups = [
        _read_followup(_Reader(item, f"{reader.path}.followups[{j}]", FOLLOWUP_KEYS, ("what",)),
                       names)
        for j, item in enumerate(reader.items("followups"))
    ]  # fmt: skip
    return Case(
        title=reader.text("title"),
        kind=_enum(reader, "kind", CaseKind, CaseKind.ORDINARY) or CaseKind.ORDINARY,
        text=reader.text("text"),
        attachments=attachments,
        proposal=reader.text("proposal"),
        presenter=reader.name("presenter"),
        follows=reader.text("follows"),
        exempt=exempt,
        introduced_by=reader.name("introduced_by"),
        introduction=reader.text("introduction"),
        notes=reader.text("notes"),
        resolution=reader.text("resolution"),
        vote=vote,
        outcome=_enum(reader, "outcome", Outcome, None),
        exclusions=exclusions,
        answers=answers,
        postponed_from=reader.text("postponed_from"),
        links=reader.case_numbers("links"),
        show_history=reader.flag("show_history"),
        closed=closed,
        late=reader.flag("late"),
        objections=reader.names("objections"),
        followups=followups,
    )


def _party_votes(vote: _Reader) -> list[PartyVote]:
    """«parties»: each party's votes, names where it split; the counts must be their sums."""
    out: list[PartyVote] = []
    for j, item in enumerate(vote.items("parties")):
        p = _Reader(item, f"{vote.at('parties')}[{j}]", PARTY_VOTE_KEYS, ("party",))
        party = " ".join(p.text("party").split())
        if any(o.party.casefold() == party.casefold() for o in out):
            raise MeetingFileError(p.at("party"), f"{shown(party)} is listed twice")
        item_vote = PartyVote(
            party, votes_for=p.count("for"), against=p.count("against"), blank=p.count("blank"),
            names_for=p.names("names_for"), names_against=p.names("names_against"),
            names_blank=p.names("names_blank"),
        )  # fmt: skip
        for attr, count in (("names_for", "for"), ("names_against", "against"),
                            ("names_blank", "blank")):  # fmt: skip
            named = getattr(item_vote, attr)
            if named and len(named) != p.count(count):
                raise MeetingFileError(p.at(attr), f"{len(named)} names for {p.count(count)} votes")
        out.append(item_vote)
    if out:
        for key, attr in (("for", "votes_for"), ("against", "against"), ("blank", "blank")):
            total = sum(getattr(o, attr) for o in out)
            if total != vote.count(key):
                raise MeetingFileError(
                    vote.at(key), f"{vote.count(key)}, but the parties' votes add up to {total}"
                )
    return out


def _read_followup(reader: _Reader, names: NameIndex) -> FollowUp:
    """A follow-up item; «who» is a person of the register where the name is one, else kept
    as written (a unit, «sekretariatet»)."""
    who = reader.name("who")
    found = names.find(who) if who else None
    pid = found.id if found is not None else None
    return FollowUp(
        what=reader.text("what").strip(),
        person_id=pid,
        who="" if pid is not None else who,
        due=reader.parsed("due", parse_date),
        status=_enum(reader, "status", FollowUpStatus, FollowUpStatus.OPEN) or FollowUpStatus.OPEN,
        note=reader.text("note"),
        closed_by=_case_number(reader, "closed_by"),
    )


def _case_number(reader: _Reader, key: str) -> str:
    """One case number («AB 12/23»), as TR Desk writes it; empty when not given."""
    from tr_desk.core.numbering import format_case_number

    ref = reader.parsed(key, parse_case_number)
    return format_case_number(ref.prefix, ref.number, ref.year) if ref else ""


def meeting_key(text: str) -> tuple[str, dt.date]:
    """Read «AB 2022-12-02» (body prefix and ISO date) as given on the command line."""
    parts = text.split()
    if len(parts) != 2:
        raise ValueError(f"not a meeting: {shown(text)} (expected e.g. 'AB 2022-12-02')")
    return parts[0].upper(), parse_date(parts[1])
