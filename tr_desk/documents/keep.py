"""What stays together on paper: a case's heading with the first lines of its text, and its
closing block («Forslag til vedtak», «Vedtak» and the vote) with the last lines of its text,
so that neither stands alone at a page's foot or top; a short list is not split.

ReportLab's ``keepWithNext`` would move the whole next paragraph (a gap of half a page before
a long one) and cannot pull text back to a block that moves; these keepers split the
neighbouring flowable instead, as a word processor's «hold sammen med neste» does. They
measure what they hold through each other (ReportLab's own KeepTogether reports an endless
height to force a split, so one inside another would always start a new page).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

TAIL_LINES = 2  # the lines of text that go with a closing block to the next page
SHORT_LIST = 6  # items: a list this short is never split


def _flat(flowables: list[Any]) -> list[Any]:
    """What a page would hold: the keepers' contents in their place."""
    from reportlab.platypus import KeepTogether

    out: list[Any] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            out += _flat(flowable._content)
        else:
            out.append(flowable)
    return out


def _height(flowables: list[Any], width: float, canv: Any) -> float:
    from reportlab.platypus.flowables import _listWrapOn

    return float(_listWrapOn(_flat(flowables), width, canv)[1])


def _parts(flowable: Any, canv: Any, width: float, height: float) -> list[Any]:
    """``flowable`` split so that its first part fits ``height`` with content in it; [] when it
    cannot be split so (it would go to the next page whole)."""
    from reportlab.platypus.doctemplate import ActionFlowable, NullActionFlowable

    if height <= 0:
        return []
    parts = [p for p in flowable.splitOn(canv, width, height) if type(p) is not NullActionFlowable]
    if len(parts) < 2 or isinstance(parts[0], ActionFlowable):
        return []
    return parts


def _laid(parts: list[Any]) -> list[Any]:
    """What a keeper's split returns: ReportLab places the first part of a split at once and
    fails if it does not fit whole, so a keeper (which always splits) never comes first."""
    from reportlab.platypus.doctemplate import NullActionFlowable

    return [NullActionFlowable(), *parts]


def _leading(flowable: Any) -> float:
    style = getattr(flowable, "style", None)
    return float(getattr(style, "leading", 0) or 0)


@cache
def _classes() -> tuple[type, type, type]:
    from reportlab.platypus import KeepTogether
    from reportlab.platypus.flowables import _listWrapOn

    class Together(KeepTogether):  # type: ignore[misc]
        """KeepTogether that measures keepers inside it by what they hold."""

        def wrap(self, aW: float, aH: float) -> tuple[float, float]:
            dims: list[tuple[float, float]] = []
            width, height = _listWrapOn(_flat(self._content), aW, self.canv, dims=dims)
            self._H = height
            self._H0 = dims[0][1] if dims else 0
            self._wrapInfo = aW, aH
            return width, 0xFFFFFF  # as KeepTogether: always split (into what it holds)

        def _fresh(self, aW: float, aH: float) -> None:
            if getattr(self, "_wrapInfo", None) != (aW, aH):
                self.wrap(aW, aH)

    class KeepWithStart(Together):
        def split(self, aW: float, aH: float) -> list[Any]:
            self._fresh(aW, aH)
            if aH >= self._H:
                return _laid(self._content)
            *head, body = self._content
            spaces = head[0].getSpaceBefore() + head[-1].getSpaceAfter() + body.getSpaceBefore()
            parts = _parts(body, self.canv, aW, aH - _height(head, aW, self.canv) - spaces)
            if parts:
                return _laid([*head, *parts])
            return list(super().split(aW, aH))  # to the next page, together

    class KeepWithEnd(Together):
        def split(self, aW: float, aH: float) -> list[Any]:
            self._fresh(aW, aH)
            if aH >= self._H:
                return _laid(self._content)
            body, *block = self._content
            body_h = _height([body], aW, self.canv)
            if body_h > aH:  # the body runs over this page anyway: fill it, then look again
                parts = _parts(body, self.canv, aW, aH)
                if parts:
                    return _laid([*parts[:-1], KeepWithEnd([parts[-1], *block])])
            elif tail := TAIL_LINES * _leading(body):  # send the body's tail with the block
                room = body_h - body.getSpaceAfter() - tail
                parts = _parts(body, self.canv, aW, room)
                if parts:
                    return _laid([*parts[:-1], Together([parts[-1], *block])])
            return list(super().split(aW, aH))

    return Together, KeepWithStart, KeepWithEnd


def together_class() -> type:
    """The class a document keeps «keep with next» chains in (see ``build_pdf``)."""
    return _classes()[0]


def together(flowables: list[Any]) -> Any:
    """``flowables`` on one page (on the next, if they do not fit here but would there)."""
    return _classes()[0](flowables)


def keep_with_start(head: list[Any], body: Any) -> Any:
    """``head`` (a heading and its notes) on the page where ``body`` starts, with at least its
    first lines (the orphan rule: never one)."""
    return _classes()[1]([*head, body])


def keep_with_end(body: Any, block: list[Any]) -> Any:
    """``block`` (a case's proposal or resolution) on the page where ``body`` ends, with at
    least its last ``TAIL_LINES`` lines when the block goes to a new page."""
    return _classes()[2]([body, *block])


@dataclass
class CaseParts:
    """A case on paper: ``head`` is the heading and what belongs to it (notes, the
    attachments), ``body`` the text, ``block`` the proposal or resolution and the vote."""

    head: list[Any]
    body: list[Any] = field(default_factory=list)
    block: list[Any] = field(default_factory=list)


def _is_space(flowable: Any) -> bool:
    from reportlab.platypus import Spacer

    return isinstance(flowable, Spacer)


def keep_cases(
    cases: Sequence[CaseParts], separator: Callable[[], Any], closing: list[Any]
) -> list[Any]:
    """The cases one after another, ``separator()`` (the rule) before each, then ``closing``
    (the signature). A case that is only a heading («Orienteringer») goes with the next
    one's start, the last one with the closing, so that no heading ends a page."""
    out: list[Any] = []
    pending: list[Any] = []
    for case in cases:
        head = [*pending, separator(), *case.head]
        if not case.block and all(_is_space(f) for f in case.body):
            pending = [*head, *case.body]
            continue
        out += keep_case(head, case.body, case.block)
        pending = []
    return out + ([together([*pending, *closing])] if pending else closing)


def keep_case(head: list[Any], body: list[Any], block: list[Any]) -> list[Any]:
    """A case's flowables with its heading kept to the start of its text and its closing
    block to the end of it. ``head`` is the heading and what belongs to it (notes, the
    attachments), ``body`` the text, ``block`` the proposal or resolution (may be empty)."""
    # The last piece with text in it (a trailing space, an empty list, goes with the block).
    last = max((i for i, f in enumerate(body) if not _is_space(f)), default=-1)
    if last < 0:
        return [together([*head, *body, *block])]
    end: Any = keep_with_end(body[last], [*body[last + 1 :], *block]) if block else body[last]
    if last == 0:
        return [keep_with_start(head, end), *([] if block else body[1:])]
    rest = [] if block else body[last + 1 :]
    return [keep_with_start(head, body[0]), *body[1:last], end, *rest]


def keep_short_list(flowable: Any, items: int) -> Any:
    """A list of a few items as one piece (1. | 2.–3. across a page break reads badly)."""
    return together([flowable]) if items <= SHORT_LIST else flowable
