"""Reading the years before TR Desk: old notices, minutes and plans, as text, into meetings.

The readers (``documents/readers.py``) turn a Word file, a PDF or a text file into lines of
light Markdown (``**bold**``, ``*italic*``, ``- `` lists, ``|`` tables), the form of the seeds.
Here those lines are split into documents at each title line, each document is recognised
(notice, minutes, plan; body, date) and read into meeting files (DESIGN.md §6) — the shared
interface that ``tr-desk load`` reads — with a warning for everything that was unclear. The
notice and the minutes of one meeting become one meeting (``merge_files``). No I/O here.

The parts: ``text`` (lines, labels, dates), ``shapes`` (what is read into), ``documents``
(files split into documents), ``cases`` (a document's lines read), ``signatures`` (its end),
``merging``."""

from tr_desk.core.importing.documents import (
    read_document,
    read_documents,
    read_lines,
    split_documents,
)
from tr_desk.core.importing.merging import (
    NOTICE_CASE_FIELDS,
    PERSON_FIELDS,
    merge_all,
    merge_files,
    renamed,
    unknown_names,
)
from tr_desk.core.importing.shapes import Document, ReadResult, Register, unused_said
from tr_desk.core.importing.text import (
    KIND_EN,
    MONTHS,
    TITLE_WORDS,
    DocKind,
    Said,
    clean,
    english,
    find_date,
    find_slot,
    line_ranges,
    markdown,
    normal_dates,
)

__all__ = [
    "KIND_EN",
    "MONTHS",
    "NOTICE_CASE_FIELDS",
    "PERSON_FIELDS",
    "TITLE_WORDS",
    "DocKind",
    "Document",
    "ReadResult",
    "Register",
    "Said",
    "clean",
    "english",
    "find_date",
    "find_slot",
    "line_ranges",
    "markdown",
    "merge_all",
    "merge_files",
    "normal_dates",
    "read_document",
    "read_documents",
    "read_lines",
    "renamed",
    "split_documents",
    "unknown_names",
    "unused_said",
]
