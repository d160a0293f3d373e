"""The schema, as migrations. Never edit one that has shipped: add a new one.

Imported only when a database is created or upgraded (sqlite-utils costs ~110 ms to import).
After applying, ``PRAGMA user_version`` is set to the number of migrations so that start-up
can tell an up-to-date database with one cheap query.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from tr_desk.storage.database import APPLICATION_ID, NAMES_A_CASE

if TYPE_CHECKING:
    from tr_desk.core.profile import Profile

MIGRATIONS = Migrations("tr_desk")


@MIGRATIONS()
def m001_register_and_meetings(db: Database) -> None:
    db.table("setting").create({"key": str, "value": str}, pk="key")
    db.table("body").create(
        {
            "id": int, "prefix": str, "name": str, "minutes_kind": str, "weekday": int,
            "start": str, "end": str, "place": str, "former_prefixes": str, "sort_order": int,
        },
        pk="id", not_null={"prefix", "name", "minutes_kind"},
        defaults={"place": "", "former_prefixes": "[]", "sort_order": 0},
    )  # fmt: skip
    db.table("body").create_index(["prefix"], unique=True)
    db.table("person").create(
        {"id": int, "name": str, "title": str, "municipality": str, "email": str},
        pk="id", not_null={"name"},
        defaults={"title": "", "municipality": "", "email": ""},
    )  # fmt: skip
    db.table("person_alias").create(
        {"id": int, "person_id": int, "alias": str},
        pk="id", not_null={"person_id", "alias"},
        foreign_keys=[("person_id", "person", "id")],
    )  # fmt: skip
    db.table("person_alias").create_index(["person_id"])
    db.table("membership").create(
        {
            "id": int, "person_id": int, "body_id": int, "role": str, "start": str, "end": str,
            "sort_order": int,
        },
        pk="id", not_null={"person_id", "body_id", "role", "start"}, defaults={"sort_order": 0},
        foreign_keys=[("person_id", "person", "id"), ("body_id", "body", "id")],
    )  # fmt: skip
    db.table("membership").create_index(["body_id"])
    db.table("membership").create_index(["person_id"])
    db.table("meeting").create(
        {
            "id": int, "body_id": int, "date": str, "start": str, "end": str, "place": str,
            "mode": str, "status": str, "notice_date": str, "reference": str,
            "case_officer_id": int, "chair_id": int, "minute_taker_id": int,
            "invited_ids": str, "copy_ids": str, "held_start": str, "held_end": str,
            "notice_remarks": str, "note": str,
        },
        pk="id", not_null={"body_id", "date", "mode", "status"},
        defaults={"place": "", "reference": "", "notice_remarks": "", "note": ""},
        foreign_keys=[
            ("body_id", "body", "id"), ("case_officer_id", "person", "id"),
            ("chair_id", "person", "id"), ("minute_taker_id", "person", "id"),
        ],
    )  # fmt: skip
    db.table("meeting").create_index(["body_id", "date"], unique=True)
    db.table("agenda_case").create(
        {
            "id": int, "meeting_id": int, "position": int, "number": int, "title": str,
            "kind": str, "text": str, "proposal": str, "presenter": str, "follows": str,
            "exempt_basis": str, "exempt_public_title": str, "introduced_by": str,
            "introduction": str, "notes": str, "resolution": str, "vote": str, "outcome": str,
        },
        pk="id", not_null={"meeting_id", "position", "title", "kind"},
        defaults={
            "text": "", "proposal": "", "presenter": "", "follows": "", "introduced_by": "",
            "introduction": "", "notes": "", "resolution": "",
        },
        foreign_keys=[("meeting_id", "meeting", "id")],
    )  # fmt: skip
    db.table("agenda_case").create_index(["meeting_id", "position"])
    db.table("attachment").create(
        {"id": int, "case_id": int, "position": int, "title": str, "file": str},
        pk="id", not_null={"case_id", "position", "title"},
        foreign_keys=[("case_id", "agenda_case", "id")],
    )  # fmt: skip
    db.table("attachment").create_index(["case_id", "position"])
    db.table("attendance").create(
        {
            "id": int, "meeting_id": int, "position": int, "person_id": int,
            "guest_name": str, "status": str, "reason": str, "substitute_for": int,
            "role": str,
        },
        pk="id", not_null={"meeting_id", "position", "status"},
        defaults={"guest_name": "", "reason": "", "role": ""},
        foreign_keys=[
            ("meeting_id", "meeting", "id"), ("person_id", "person", "id"),
            ("substitute_for", "person", "id"),
        ],
    )  # fmt: skip
    db.table("attendance").create_index(["meeting_id", "position"])
    db.table("year_start").create(
        {"body_id": int, "year": int, "first_number": int},
        pk=("body_id", "year"), foreign_keys=[("body_id", "body", "id")],
    )  # fmt: skip


@MIGRATIONS()
def m002_notice_revisions(db: Database) -> None:
    """Each issued notice, kept as sent: revision 0 is the notice, later ones «Revidert»."""
    db.table("notice_revision").create(
        {
            "id": int, "meeting_id": int, "revision": int, "issued_at": str, "file": str,
            "public_file": str, "content_hash": str,
        },
        pk="id", not_null={"meeting_id", "revision", "issued_at", "file"},
        foreign_keys=[("meeting_id", "meeting", "id")],
    )  # fmt: skip
    db.table("notice_revision").create_index(["meeting_id", "revision"], unique=True)


@MIGRATIONS()
def m003_minutes(db: Database) -> None:
    """The meeting as held: attendance per case, disqualifications, written answers, approval."""
    meeting = db.table("meeting")
    for column in ("minutes_date", "approved_on", "reopened_on"):
        meeting.add_column(column, str)
    db.execute("ALTER TABLE agenda_case ADD COLUMN postponed_from TEXT NOT NULL DEFAULT ''")
    attendance = db.table("attendance")
    attendance.add_column("from_case_id", int)
    attendance.add_column("to_case_id", int)
    db.table("case_exclusion").create(
        {"id": int, "case_id": int, "position": int, "person_id": int, "kind": str, "basis": str},
        pk="id", not_null={"case_id", "position", "person_id", "kind"}, defaults={"basis": ""},
        foreign_keys=[("case_id", "agenda_case", "id"), ("person_id", "person", "id")],
    )  # fmt: skip
    db.table("case_exclusion").create_index(["case_id"])
    db.table("written_answer").create(
        {"case_id": int, "person_id": int, "answer": str},
        pk=("case_id", "person_id"), not_null={"answer"},
        foreign_keys=[("case_id", "agenda_case", "id"), ("person_id", "person", "id")],
    )  # fmt: skip


@MIGRATIONS()
def m004_plan(db: Database) -> None:
    """The meeting plan: why a meeting was cancelled, and a calendar UID that never changes."""
    db.execute("ALTER TABLE meeting ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE meeting ADD COLUMN uid TEXT")
    db.execute(
        "UPDATE meeting SET uid = lower(hex(randomblob(16))) || '@' || ? WHERE uid IS NULL",
        [_standard().organisation.uid_domain],  # databases of then were all the standard's
    )
    db.execute("CREATE UNIQUE INDEX idx_meeting_uid ON meeting (uid)")


@MIGRATIONS()
def m005_trust(db: Database) -> None:
    """Which bodies are elected (quorum is judged for them); names invited as written."""
    db.execute("ALTER TABLE body ADD COLUMN elected INTEGER NOT NULL DEFAULT 0")
    elected = [b.prefix for b in _standard().bodies if b.elected]
    db.execute(
        f"UPDATE body SET elected = 1 WHERE prefix IN ({', '.join('?' for _ in elected)})",
        elected,
    )
    db.execute("ALTER TABLE meeting ADD COLUMN invited_other TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE meeting ADD COLUMN copy_other TEXT NOT NULL DEFAULT '[]'")


@MIGRATIONS()
def m006_import(db: Database) -> None:
    """Importing the years before: a body's earlier names (Rådmannsforum), and each imported
    original file, kept by its hash and linked from the meetings it made («Kilde»)."""
    db.execute("ALTER TABLE body ADD COLUMN former_names TEXT NOT NULL DEFAULT '[]'")
    for body in _standard().bodies:  # databases of then were all the standard profile's
        if body.former_names and body.former_prefixes:
            db.execute(
                "UPDATE body SET former_names = ? WHERE prefix = ? AND former_prefixes LIKE ?",
                [json.dumps(list(body.former_names), ensure_ascii=False), body.prefix,
                 f'%"{body.former_prefixes[0]}"%'],
            )  # fmt: skip
    db.table("source").create(
        {"hash": str, "name": str, "file": str, "imported_at": str},
        pk="hash", not_null={"name", "file", "imported_at"},
    )  # fmt: skip
    db.table("meeting_source").create(
        {"meeting_id": int, "hash": str},
        pk=("meeting_id", "hash"),
        foreign_keys=[("meeting_id", "meeting", "id"), ("hash", "source", "hash")],
    )  # fmt: skip


# The full-text index: one row per case and text field, and one per attachment with text.
# Contentless (the texts live in their tables; the index holds only the words): a row's id
# is the case's or attachment's id × 16 + the field's number below (8: an attachment).
SEARCH_FIELDS = (
    (1, "title"), (2, "text"), (3, "proposal"), (4, "resolution"), (5, "introduction"),
    (6, "notes"), (7, "names"),
)  # fmt: skip
ATTACHMENT_FIELD = 8


def _field(alias: str, number: int, column: str) -> str:
    if column == "names":
        return f"{alias}.presenter || ' ' || {alias}.introduced_by"
    return f"{alias}.{column}"


def _case_rows(alias: str, command: str = "") -> str:
    """The index rows of a case's fields that are not empty (``command`` «'delete'» for the
    old ones: the same rows, so the index stays exact)."""
    rows = " UNION ALL ".join(
        f"SELECT {alias}.id * 16 + {n} AS r, {_field(alias, n, column)} AS t"
        for n, column in SEARCH_FIELDS
    )
    first = f"{command}, " if command else ""
    return (
        f"INSERT INTO search_index(search_index, rowid, text) SELECT {first}r, t"
        if command
        else "INSERT INTO search_index(rowid, text) SELECT r, t"
    ) + f" FROM ({rows}) WHERE trim(coalesce(t, '')) != ''"


@MIGRATIONS()
def m007_search(db: Database) -> None:
    """Full-text search over every case, its attachments' text and the names in it (FTS5,
    æ/ø/å kept distinct), kept by triggers in the same transaction as each edit; filled here
    for the cases already there. The index holds which rows have which words, not where
    (``detail=none``: a fifth of the size with positions; a phrase is checked in the text);
    attachments' text is extracted once, when attached (or, for files from before, at the
    first search)."""
    db.execute("CREATE TABLE attachment_text (file TEXT PRIMARY KEY, text TEXT NOT NULL)")
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(text, content='',"
        " tokenize='unicode61 remove_diacritics 0', detail=none)"
    )
    insert_new, delete_old = _case_rows("NEW"), _case_rows("OLD", "'delete'")
    fields = "title, text, proposal, resolution, introduction, notes, presenter, introduced_by"
    attachment_new, attachment_old = (
        f"INSERT INTO search_index({columns}) SELECT {command}{row}.id * 16 + {ATTACHMENT_FIELD},"
        f" t.text FROM attachment_text t WHERE t.file = {row}.file"
        for row, columns, command in (
            ("NEW", "rowid, text", ""), ("OLD", "search_index, rowid, text", "'delete', ")
        )
    )  # fmt: skip
    db.executescript(f"""
        CREATE TRIGGER case_search_insert AFTER INSERT ON agenda_case BEGIN
            {insert_new};
        END;
        CREATE TRIGGER case_search_delete AFTER DELETE ON agenda_case BEGIN
            {delete_old};
        END;
        CREATE TRIGGER case_search_update AFTER UPDATE OF {fields} ON agenda_case BEGIN
            {delete_old};
            {insert_new};
        END;
        CREATE TRIGGER attachment_search_insert AFTER INSERT ON attachment BEGIN
            {attachment_new};
        END;
        CREATE TRIGGER attachment_search_delete AFTER DELETE ON attachment BEGIN
            {attachment_old};
        END;
        CREATE TRIGGER attachment_search_update AFTER UPDATE OF file ON attachment BEGIN
            {attachment_old};
            {attachment_new};
        END;
        CREATE TRIGGER attachment_text_insert AFTER INSERT ON attachment_text BEGIN
            INSERT INTO search_index(rowid, text)
            SELECT a.id * 16 + {ATTACHMENT_FIELD}, NEW.text FROM attachment a
            WHERE a.file = NEW.file;
        END;
    """)
    for number, column in SEARCH_FIELDS:
        db.execute(
            f"INSERT INTO search_index(rowid, text) SELECT c.id * 16 + {number},"
            f" {_field('c', number, column)} FROM agenda_case c"
            f" WHERE trim(coalesce({_field('c', number, column)}, '')) != ''"
        )


@MIGRATIONS()
def m008_case_links(db: Database) -> None:
    """A matter's way through the bodies: the cases confirmed to be the same matter in another
    body (``links``, «AU 30/22, TR 12/22»), and whether the notice prints the earlier steps
    under the case (``show_history``)."""
    db.execute("ALTER TABLE agenda_case ADD COLUMN links TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE agenda_case ADD COLUMN show_history INTEGER NOT NULL DEFAULT 0")


@MIGRATIONS()
def m009_law_and_followup(db: Database) -> None:
    """What kommuneloven asks of the minutes, and the follow-up of decisions: a membership's
    party or list and a substitute's rank (§ 7-10), the party an attendance line sat for,
    a case's closing (§ 11-5 basis) and late item with its objections (§ 11-3), the
    supplementary notices (Tilleggsinnkalling) issued, and follow-up items per case."""
    db.execute("ALTER TABLE membership ADD COLUMN party TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE membership ADD COLUMN rank INTEGER")
    db.execute("ALTER TABLE attendance ADD COLUMN party TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE agenda_case ADD COLUMN closed TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE agenda_case ADD COLUMN late INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE agenda_case ADD COLUMN objections TEXT NOT NULL DEFAULT '[]'")
    db.table("supplement_notice").create(
        {
            "id": int, "meeting_id": int, "issued_at": str, "file": str, "public_file": str,
            "case_ids": str,
        },
        pk="id", not_null={"meeting_id", "issued_at", "file", "case_ids"},
        foreign_keys=[("meeting_id", "meeting", "id")],
    )  # fmt: skip
    db.table("supplement_notice").create_index(["meeting_id"])
    db.table("followup").create(
        {
            "id": int, "case_id": int, "position": int, "what": str, "person_id": int,
            "who": str, "due": str, "status": str, "note": str, "closed_by": str,
        },
        pk="id", not_null={"case_id", "position", "what", "status"},
        defaults={"who": "", "note": "", "closed_by": ""},
        foreign_keys=[("case_id", "agenda_case", "id"), ("person_id", "person", "id")],
    )  # fmt: skip
    db.table("followup").create_index(["case_id"])


@MIGRATIONS()
def m010_case_references(db: Database) -> None:
    """The few cases that name another in a field of its own (oppfølging av, utsatt fra, «samme
    sak») in an index of their own: the saksgang finds the cases pointing at one without
    reading every case of a long history."""
    db.execute(
        f"CREATE INDEX idx_agenda_case_references ON agenda_case (follows, postponed_from, links)"
        f" WHERE {NAMES_A_CASE}"
    )


@MIGRATIONS()
def m011_search_prefixes(db: Database) -> None:
    """The search index again, with the first one, two and three letters of each word
    indexed too: «energi*» and the like read a short list instead of merging every word that
    starts so (a query of a few such words took seconds in a long history). The texts are
    indexed again from their tables (the index is contentless: it cannot be copied)."""
    db.execute("DROP TABLE search_index")
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(text, content='',"
        " tokenize='unicode61 remove_diacritics 0', detail=none, prefix='1 2 3')"
    )
    for number, column in SEARCH_FIELDS:
        db.execute(
            f"INSERT INTO search_index(rowid, text) SELECT c.id * 16 + {number},"
            f" {_field('c', number, column)} FROM agenda_case c"
            f" WHERE trim(coalesce({_field('c', number, column)}, '')) != ''"
        )
    db.execute(
        f"INSERT INTO search_index(rowid, text) SELECT a.id * 16 + {ATTACHMENT_FIELD}, t.text"
        " FROM attachment a JOIN attachment_text t ON t.file = a.file"
    )


@MIGRATIONS()
def m012_organisation(db: Database) -> None:
    """The organisation as data: each body's role (the council is found by it, no longer by
    its prefix) and the profile's organisation kept in the database. A database made before
    this was made from the standard profile: its bodies get that profile's roles and it gets
    that organisation (a new database gets its own profile's, written after the schema)."""
    db.execute("ALTER TABLE body ADD COLUMN role TEXT NOT NULL DEFAULT 'other'")
    if not db.execute("SELECT 1 FROM body LIMIT 1").fetchall():
        return
    standard = _standard()
    for body in standard.bodies:
        for prefix in {body.prefix, *body.former_prefixes}:
            db.execute("UPDATE body SET role = ? WHERE prefix = ?", [body.role.value, prefix])
    db.execute(
        "INSERT OR IGNORE INTO setting (key, value) VALUES ('organisation', ?)",
        [json.dumps(standard.organisation.to_json(), ensure_ascii=False)],
    )


def _standard() -> Profile:
    from tr_desk.storage.profile import default_profile

    return default_profile()


def apply(db: Database) -> None:
    MIGRATIONS.apply(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # the file is TR Desk's
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS._migrations)}")
