"""The search as people type it: words that must all match, «"en frase"», «energi*», «-ord»,
and case numbers («KF 46/22») — read into an FTS5 query, and the snippet that shows a hit.

The index (``storage/search.py``) tokenizes like FTS5's ``unicode61`` with æ, ø and å kept
as letters of their own; the snippet here finds the same words in the text again. No I/O.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum

from tr_desk.core.errors import UserError
from tr_desk.core.messages import Code


class Field(IntEnum):
    """Where a hit matched. The index's fields are numbered as the low four bits of its rowids
    (``storage/migrations.SEARCH_FIELDS``, the attachments 8); the meeting and who was there
    are read with the case."""

    TITLE = 1
    TEXT = 2
    PROPOSAL = 3
    RESOLUTION = 4
    INTRODUCTION = 5
    NOTES = 6
    NAMES = 7
    ATTACHMENT = 8
    MEETING = 9  # the meeting's body and place
    PRESENT = 10  # who was at the meeting or sent forfall


# Where a hit matched, as the user reads it.
FIELD_LABELS = {
    Field.TITLE: "Tittel", Field.TEXT: "Sak", Field.PROPOSAL: "Forslag til vedtak",
    Field.RESOLUTION: "Vedtak", Field.INTRODUCTION: "Innledning", Field.NOTES: "Fra møtet",
    Field.NAMES: "Navn", Field.ATTACHMENT: "Vedlegg", Field.MEETING: "Møtet",
    Field.PRESENT: "Til stede",
}  # fmt: skip
NUMBER_FIELD = "Saksnummer"
# The same fields as the case editors call them (where a hit opens).
FIELD_KEYS = {
    Field.TITLE: "title", Field.TEXT: "text", Field.PROPOSAL: "proposal",
    Field.RESOLUTION: "resolution", Field.INTRODUCTION: "introduction", Field.NOTES: "notes",
    Field.NAMES: "presenter", Field.ATTACHMENT: "attachments",
}  # fmt: skip
CASE_NUMBER = re.compile(r"\b([A-ZÆØÅa-zæøå]{2,3})(?:-sak)?\s*(\d{1,4})\s*/\s*(\d{2})\b")
# «sak 17/20» or «17/20» with no body named: the case of that number in any body
ANY_BODY = "*"
_BARE_NUMBER = re.compile(r"(?<![\w/])(\d{1,4})\s*/\s*(\d{2})(?![\w/])")
# A word as the index's tokenizer (unicode61) sees one: letters and digits; «_» and every
# other sign part words («budsjett_2023» is two, as in the index).
_TOKEN = re.compile(r"[^\W_]+")
MAX_QUERY = 200  # letters in a query; a longer one is refused with a message
_MARKUP = re.compile(
    r"\*{1,3}|^#+\s|^\s*[-|]\s*|\[([^\]]*)\]\([^)]*\)|\||(?<![^\s|]):?-{2,}:?(?![^\s|])",
    re.MULTILINE,
)  # emphasis, headings, list marks, links (their text kept), table rules


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...] = ()  # all must match; «energi*» matches words that start so
    phrases: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()  # «KF 46/22»

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases or self.numbers)

    def fts(self) -> str | None:
        """The FTS5 MATCH expression, every word quoted (no syntax can leak in); a phrase's
        words must all be there (the index knows no positions: ``matches`` checks the order);
        None when only case numbers were asked for."""
        parts = [_quoted(w) for w in self.words]
        parts += [_quoted(t.casefold()) for p in self.phrases for t in _TOKEN.findall(p)]
        if not parts:
            return None
        return " AND ".join(parts) + "".join(f" NOT {_quoted(w)}" for w in self.excluded)

    def excluded_fts(self) -> str:
        """The «-ord» as one FTS5 expression: a case with any of them is left out (one pass
        over the index, however many)."""
        return " OR ".join(_quoted(w) for w in dict.fromkeys(self.excluded))

    def terms(self) -> list[tuple[str, str]]:
        """Each word the query needs, as an FTS5 expression of its own and as written (a
        prefix with its «*»): for a case whose words are spread over its fields."""
        words = [*self.words, *(t.casefold() for p in self.phrases for t in _TOKEN.findall(p))]
        return [(_quoted(w), w) for w in dict.fromkeys(words)]

    @functools.cached_property
    def _phrase_patterns(self) -> list[re.Pattern[str]]:
        """Each phrase as a pattern on the case-folded text: its words with only signs and
        spaces between them (what Markdown puts between words is signs, too)."""
        out = []
        for phrase in self.phrases:
            parts = [re.escape(t) for t in _TOKEN.findall(phrase.casefold())]
            if parts:  # starting with the word lets the pattern skip to where it is
                out.append(re.compile(r"[\W_]+".join(parts) + r"(?![^\W_])"))
        return out

    def matches(self, text: str) -> bool:
        """Whether ``text`` has every phrase, its words in order (the index cannot tell)."""
        if not self.phrases:
            return True
        if "](" not in text:  # no link, whose address would come between the words
            folded = text.casefold()
            return all(_whole(p, folded) for p in self._phrase_patterns)
        plain = plain_text(text)
        tokens = list(_TOKEN.finditer(plain))
        found = _matched(plain, tokens, Query(phrases=self.phrases))
        return len({_phrase_of(plain, tokens, f, t) for f, t in found}) >= len(
            {" ".join(_TOKEN.findall(p.casefold())) for p in self.phrases}
        )


def prefixed(query: Query) -> str:
    """What to try when ``query`` found nothing: its longer words cut to their start with «*»
    (energistasjon → «energistasj*»), its phrases kept; empty when no word can be cut."""
    short = [w for w in query.words if not w.endswith("*") and len(w) > 3]
    if not short:
        return ""
    stem = " ".join(f"{w[: max(4, len(w) - 2)]}*" for w in short)
    rest = " ".join(f'"{p}"' for p in query.phrases)
    return f"{stem} {rest}".strip()


def _quoted(word: str) -> str:
    prefix = word.endswith("*")
    core = word.rstrip("*")
    return '"' + core.replace('"', '""') + '"' + ("*" if prefix else "")


def _whole(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` matches ``text`` beginning at the start of a word."""
    for match in pattern.finditer(text):
        start = match.start()
        if start == 0 or not _TOKEN.match(text, start - 1):
            return True
    return False


# Bokmål's inflectional endings, longest first: «energistasjonene» and «energistasjoner» are
# found by «energistasjon», and the other way round (a light stemmer, no dictionary).
_ENDINGS = ("ene", "ane", "ere", "est", "er", "en", "et", "ar", "a", "e")
MIN_STEM = 4  # a shorter stem finds too much («bus*» for «busser»)


def inflected(word: str) -> str:
    """The word as the search asks for it: a word of letters, cut to its stem, with «*» (all
    its inflected forms); a short word, a number, or one already with «*», as it is."""
    if word.endswith("*") or not word.isalpha() or len(word) < MIN_STEM + 1:
        return word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)] + "*"
    return word + "*"


def parse_query(text: str) -> Query:
    """«energi* "Talent Attraction" -vindkraft KF 46/22» read; an empty or only-negative query
    is refused with a message."""
    if len(text) > MAX_QUERY:
        raise UserError.of(
            Code.QUERY_TOO_LONG_CHARACTERS_MOST, count=len(text), max_query=MAX_QUERY
        )
    numbers = []
    for match in CASE_NUMBER.finditer(text):
        prefix = match[1].upper()
        prefix = ANY_BODY if prefix == "SAK" else prefix
        numbers.append(f"{prefix} {int(match[2]):02d}/{match[3]}")
    rest = CASE_NUMBER.sub(" ", text)
    for match in _BARE_NUMBER.finditer(rest):  # never dropped: a number in any body
        numbers.append(f"{ANY_BODY} {int(match[1]):02d}/{match[2]}")
    rest = _BARE_NUMBER.sub(" ", rest)
    phrases = [p.strip() for p in re.findall(r'"([^"]*)(?:"|$)', rest) if p.strip()]
    rest = re.sub(r'"[^"]*"?', " ", rest)
    words: list[str] = []
    excluded: list[str] = []
    for raw in rest.split():
        negative = raw.startswith("-") and len(raw) > 1
        star = raw.endswith("*")
        for token in _TOKEN.findall(raw):
            (excluded if negative else words).append(token.casefold())
        if star and not negative and words and _TOKEN.findall(raw):
            words[-1] += "*"
    words = [inflected(word) for word in words]
    query = Query(  # each word once: «og og og …» asks the index once
        tuple(dict.fromkeys(words)), tuple(dict.fromkeys(phrases)),
        tuple(dict.fromkeys(excluded)), tuple(dict.fromkeys(numbers)),
    )  # fmt: skip
    if query.empty:
        raise UserError.of(Code.GIVE_WORD_PHRASE_CASE_NUMBER)
    return query


@dataclass(frozen=True)
class Snippet:
    """A few words around the first match, and where the matched words are in it."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()

    def marked(self, before: str = "«", after: str = "»") -> str:
        out, last = [], 0
        for start, end in self.marks:
            out += [self.text[last:start], before, self.text[start:end], after]
            last = end
        return "".join(out) + self.text[last:]


def plain_text(markdown: str) -> str:
    """The words of a case's Markdown, as one line: markup gone, links by their text."""
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or " ", markdown).split())


def snippet(text: str, query: Query, width: int = 14) -> Snippet:
    """``width`` words either side of the first matched word, the matched words marked."""
    plain = plain_text(text)
    tokens = list(_TOKEN.finditer(plain))
    hits = _matched(plain, tokens, query)
    if not tokens:
        return Snippet("")
    first = min((i for i, _ in hits), default=0)
    lo, hi = max(0, first - width // 3), min(len(tokens), first + width)
    start = tokens[lo].start() if lo else 0
    end = tokens[hi - 1].end() if hi < len(tokens) else len(plain)
    marks = tuple(
        (tokens[i].start() - start, tokens[j].end() - start) for i, j in hits if lo <= i and j < hi
    )
    lead, tail = ("…" if lo else ""), ("…" if hi < len(tokens) else "")
    shifted = tuple((a + len(lead), b + len(lead)) for a, b in marks)
    return Snippet(lead + plain[start:end] + tail, shifted)


def word_matches(wanted: str, word: str) -> bool:
    """Whether the casefolded ``word`` is ``wanted``, or for «energi*» starts so."""
    return word.startswith(wanted[:-1]) if wanted.endswith("*") else word == wanted


def words_of(text: str) -> set[str]:
    """The casefolded words of ``text``, as the index tokenizes them."""
    return {t.casefold() for t in _TOKEN.findall(text)}


def match_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Where ``query``'s words and phrases are in ``text`` (start, end), for highlighting
    them in an editor that shows the text as it is."""
    tokens = list(_TOKEN.finditer(text))
    return [(tokens[i].start(), tokens[j].end()) for i, j in _matched(text, tokens, query)]


def _phrase_of(plain: str, tokens: list[re.Match[str]], first: int, last: int) -> str:
    return " ".join(t[0].casefold() for t in tokens[first : last + 1])


def _matched(plain: str, tokens: list[re.Match[str]], query: Query) -> list[tuple[int, int]]:
    """(first, last) token of each match: a word, a prefix, or a phrase's run of words."""
    words = [t[0].casefold() for t in tokens]
    out = []
    for i, word in enumerate(words):
        if any(word_matches(wanted, word) for wanted in query.words):
            out.append((i, i))
    for phrase in query.phrases:
        parts = [p.casefold() for p in _TOKEN.findall(phrase)]
        for i in range(len(words) - len(parts) + 1):
            if parts and words[i : i + len(parts)] == parts:
                out.append((i, i + len(parts) - 1))
    return sorted(set(out))


# -- references between cases ---------------------------------------------------------------

REFERENCE = re.compile(
    r"(?:\b(?P<prefix>[A-ZÆØÅ]{2,3})(?:-sak|\s+sak)?|\b[Ss]ak)\s*(?P<number>\d{1,3})\s*/\s*"
    r"(?P<year>\d{2})(?!\d)"
)
_KINDS = (("oppfølging", "oppfølging av"), ("utsatt", "utsatt fra"), ("behandlet", "behandlet i"))


@dataclass(frozen=True)
class Reference:
    label: str  # «KF 51/21», the prefix as written (an earlier one is read by the store)
    kind: str  # «oppfølging av», «utsatt fra», «viser til»
    ambiguous: bool = False  # «sak 14/21» with no body named: which body's is not said


def references(
    text: str, own_prefix: str, bodies: Mapping[str, str] | None = None
) -> list[Reference]:
    """The cases a text points at: «oppfølging fra KF-sak 51/21», «sak TR 49/21», «RF-sak
    19/21». A bare «sak 14/21» is the case of the body the sentence names («I sak 14/21
    vedtok Regionrådet», ``bodies``: a body's name, case-folded, to its prefix); with no
    body named it is read in the text's own body's numbering but marked ``ambiguous``."""
    out: dict[str, Reference] = {}
    previous_end = 0
    for match in REFERENCE.finditer(text):
        prefix = match["prefix"] or own_prefix
        ambiguous = False
        floor, previous_end = previous_end, match.end()
        if prefix.casefold() == "sak" or not match["prefix"]:
            named = _body_named(text, floor, match.start(), match.end(), bodies or {})
            prefix, ambiguous = (named, False) if named else (own_prefix, True)
        label = f"{prefix.upper()} {int(match['number']):02d}/{match['year']}"
        before = text[max(0, match.start() - 40) : match.start()].casefold()
        # The nearest word before the number says how it is referred to.
        at, kind = max(((before.rfind(word), k) for word, k in _KINDS), default=(-1, ""))
        kind = kind if at >= 0 else "viser til"
        out.setdefault(label, Reference(label, kind, ambiguous))
    return list(out.values())


def _body_named(text: str, floor: int, start: int, end: int, bodies: Mapping[str, str]) -> str:
    """The prefix of the body the sentence names for a bare case number, nearest first:
    after it, before another number («… vedtok Regionrådet»), then just before it
    («Arbeidsutvalgets sak …», not past the number before)."""
    after = re.split(r"[.!?;]\s", text[end : end + 60])[0]
    after = REFERENCE.split(after)[0].casefold() if REFERENCE.search(after) else after.casefold()
    before = re.split(r"[.!?;]\s", text[max(floor, start - 25) : start])[-1].casefold()
    for window in (after, before):
        found = [(window.find(name), prefix) for name, prefix in bodies.items() if name in window]
        if found:
            return min(found)[1]
    return ""
