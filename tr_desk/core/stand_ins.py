"""Who stands in for an absent member (kommuneloven § 7-10): the member's list in rank order,
those already marked left out, and what the Møte pane offers and says."""

from __future__ import annotations

from tr_desk.core.context import MeetingContext
from tr_desk.core.names import sort_key
from tr_desk.core.votes import substitute_order


def substitutes_for(context: MeetingContext, member: int) -> list[int]:
    """The substitutes to call for ``member``: the member's list in rank order, those already
    marked left out."""
    meeting = context.meeting
    marked = {a.person_id for a in meeting.attendance if a.person_id is not None}
    return substitute_order(context.memberships, member, meeting.date, marked)


def substitute_choices(context: MeetingContext, member: int) -> list[tuple[int, str]]:
    """Whom to offer for ``member``: the member's list first, then the body's other
    substitutes, each with their party."""
    ordered = substitutes_for(context, member)
    ordered += [d for d in context.substitutes if d not in ordered]
    return [
        (
            d,
            (context.name(d) or "?")
            + (f" ({context.parties[d]})" if context.parties.get(d) else ""),
        )
        for d in ordered
    ]


def everyone(context: MeetingContext) -> list[tuple[int, str]]:
    """The register's people by name, for «someone else»."""
    people = [(pid, p.name) for pid, p in context.people.items()]
    return sorted(people, key=lambda p: sort_key(p[1]))


def vara_hint(context: MeetingContext, member: int) -> str:
    """After a member's «forfall»: who to call, the first one a click away (a link
    «vara:member:substitute»); empty when there is no one to call or ``member`` is none of
    the body's members."""
    order = substitutes_for(context, member)
    if member not in context.members or not order:
        return ""
    party = context.parties.get(member, "")
    listed = ", ".join(f"{i}. {context.name(pid)}" for i, pid in enumerate(order[:3], 1))
    where = f" fra {party}-lista" if party else ""
    return (
        f"Vara for {context.name(member)}{where}: {listed}. "
        f'<a href="vara:{member}:{order[0]}">Kall inn {context.name(order[0])}</a> '
        "(eller V for å velge)"
    )
