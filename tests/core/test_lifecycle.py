"""The meeting's life in one place: every step from every state, and what it brings."""

from __future__ import annotations

import datetime as dt

import pytest

from tr_desk.core import lifecycle
from tr_desk.core.errors import UserError
from tr_desk.core.model import Case, CaseKind, Meeting, MeetingStatus, Outcome

S = MeetingStatus
DAY = dt.date(2022, 12, 2)


def meeting(status: S, **kwargs) -> Meeting:
    return Meeting(id=1, body_id=1, date=DAY, status=status, **kwargs)


# For each step, the state it leads to from each state (None: refused).
STEPS = {
    "issue": {S.PLANNED: S.NOTICE_ISSUED, S.NOTICE_ISSUED: S.NOTICE_ISSUED, S.HELD: S.HELD,
              S.APPROVED: S.APPROVED, S.CANCELLED: S.CANCELLED},
    "start": {S.PLANNED: S.HELD, S.NOTICE_ISSUED: S.HELD, S.HELD: S.HELD,
              S.APPROVED: S.APPROVED, S.CANCELLED: S.CANCELLED},
    "approve": {S.PLANNED: None, S.NOTICE_ISSUED: None, S.HELD: S.APPROVED,
                S.APPROVED: S.APPROVED, S.CANCELLED: None},
    "reopen": {S.PLANNED: None, S.NOTICE_ISSUED: None, S.HELD: S.HELD, S.APPROVED: S.HELD,
               S.CANCELLED: None},
    "move": {S.PLANNED: S.PLANNED, S.NOTICE_ISSUED: S.NOTICE_ISSUED, S.HELD: None,
             S.APPROVED: None, S.CANCELLED: None},
    "cancel": {S.PLANNED: S.CANCELLED, S.NOTICE_ISSUED: S.CANCELLED, S.HELD: None,
               S.APPROVED: None, S.CANCELLED: S.CANCELLED},
}  # fmt: skip
APPLY = {
    "issue": lambda m: lifecycle.issue(m, DAY),
    "start": lambda m: lifecycle.with_held_times(m, dt.time(9), None),
    "approve": lambda m: lifecycle.approve(m, DAY),
    "reopen": lambda m: lifecycle.reopen(m, DAY),
    "move": lambda m: lifecycle.moved(m, DAY + dt.timedelta(days=7)),
    "cancel": lambda m: lifecycle.cancelled(m, "  For  få saker "),
}


@pytest.mark.parametrize(
    ("step", "state"), [(step, state) for step in STEPS for state in MeetingStatus]
)
def test_every_step_from_every_state(step: str, state: MeetingStatus) -> None:
    expected = STEPS[step][state]
    if expected is None:
        with pytest.raises(UserError) as caught:
            APPLY[step](meeting(state))
        assert caught.value.english  # told in both languages
    else:
        assert APPLY[step](meeting(state)).status is expected


def test_each_step_records_what_it_implies() -> None:
    assert lifecycle.issue(meeting(S.PLANNED), DAY).notice_date == DAY
    dated = meeting(S.PLANNED, notice_date=dt.date(2022, 11, 25))
    assert lifecycle.issue(dated, DAY).notice_date == dt.date(2022, 11, 25)
    assert lifecycle.approve(meeting(S.HELD), DAY).approved_on == DAY
    assert lifecycle.reopen(meeting(S.APPROVED), DAY).reopened_on == DAY
    assert lifecycle.cancelled(meeting(S.PLANNED), "  For  få saker ").cancel_reason == (
        "For få saker"
    )
    # An end time alone does not make a meeting held.
    assert lifecycle.with_held_times(meeting(S.PLANNED), None, dt.time(11)).status is S.PLANNED


def test_a_called_meeting_keeps_its_year_and_numbers() -> None:
    with pytest.raises(UserError):
        lifecycle.moved(meeting(S.NOTICE_ISSUED), dt.date(2023, 1, 6))
    assert lifecycle.moved(meeting(S.PLANNED), dt.date(2023, 1, 6)).date.year == 2023
    assert lifecycle.freezes_numbers(meeting(S.PLANNED), meeting(S.HELD))
    assert not lifecycle.freezes_numbers(meeting(S.NOTICE_ISSUED), meeting(S.HELD))
    with pytest.raises(UserError):
        lifecycle.check_deletable(meeting(S.NOTICE_ISSUED))
    lifecycle.check_deletable(meeting(S.PLANNED))


def test_approved_minutes_are_locked() -> None:
    with pytest.raises(UserError):
        lifecycle.check_unlocked(meeting(S.APPROVED))
    lifecycle.check_unlocked(meeting(S.HELD))


CLOSING = [Case("Orienteringer", CaseKind.BRIEFINGS), Case("Eventuelt", CaseKind.ANY_OTHER)]


def test_a_postponed_case_goes_before_the_closing_cases_and_back_off() -> None:
    old = Case("Veiplan", id=7, outcome=None, proposal="Ja.", resolution="Vedtatt.")
    new = Case("Veiplan", id=7, outcome=Outcome.POSTPONED, proposal="Ja.", resolution="Vedtatt.")
    draft = Meeting(id=2, body_id=1, date=dt.date(2023, 2, 3), cases=[Case("Referat"), *CLOSING])
    changes = lifecycle.outcome_changes(meeting(S.HELD), old, new, "KF 44/22", draft, None)
    assert changes.target == 2 and changes.position == 1
    assert changes.carry is not None and changes.carry.postponed_from == "KF 44/22"
    assert changes.carry.resolution == "" and changes.carry.id is None  # the papers, not minutes
    carried = Case("Veiplan", id=30, postponed_from="KF 44/22")
    draft_with = Meeting(id=2, body_id=1, date=dt.date(2023, 2, 3), cases=[carried, *CLOSING])
    back = lifecycle.outcome_changes(meeting(S.HELD), new, old, "KF 44/22", draft_with, None)
    assert back.uncarry == (30,) and back.carry is None
    # Postponed twice: carried once.
    again = lifecycle.outcome_changes(meeting(S.HELD), old, new, "KF 44/22", draft_with, None)
    assert again.carry is None
    # No draft to carry to (the next meeting is called): nothing.
    assert lifecycle.outcome_changes(meeting(S.HELD), old, new, "KF 44/22", None, None).empty


def test_the_approval_case_approves_the_previous_minutes_and_takes_it_back() -> None:
    case = Case("Referat fra møte 16.09.2022", CaseKind.APPROVAL, id=1)
    dealt = Case("Referat fra møte 16.09.2022", CaseKind.APPROVAL, id=1, outcome=Outcome.DEALT_WITH)
    previous = Meeting(id=9, body_id=1, date=dt.date(2022, 9, 16), status=S.HELD)
    approved = lifecycle.outcome_changes(meeting(S.HELD), case, dealt, "", None, previous)
    assert [(m.id, m.status, m.approved_on) for m in approved.meetings] == [(9, S.APPROVED, DAY)]
    undone = lifecycle.outcome_changes(meeting(S.HELD), dealt, case, "", None, approved.meetings[0])
    assert [(m.status, m.approved_on) for m in undone.meetings] == [(S.HELD, None)]
    # Approved by hand on another day: changing this case does not take that back.
    by_hand = Meeting(id=9, body_id=1, date=dt.date(2022, 9, 16), status=S.APPROVED,
                      approved_on=dt.date(2022, 10, 1))  # fmt: skip
    assert lifecycle.outcome_changes(meeting(S.HELD), dealt, case, "", None, by_hand).empty


def test_new_agendas_put_carried_cases_before_the_closing_cases() -> None:
    carried = [Case("Utsatt sak", postponed_from="KF 44/22")]
    agenda = lifecycle.with_carried([Case("Referat", CaseKind.APPROVAL), *CLOSING], carried)
    assert [c.title for c in agenda] == ["Referat", "Utsatt sak", "Orienteringer", "Eventuelt"]
    assert lifecycle.closing_position([Case("A")]) == 1
