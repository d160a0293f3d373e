"""The register: bodies, people (with their spellings) and memberships."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tr_desk.core.context import roster
from tr_desk.core.messages import Code
from tr_desk.core.model import (
    Body,
    Membership,
    Person,
    Role,
)
from tr_desk.core.names import sort_key
from tr_desk.storage import rows
from tr_desk.storage.database import StoreError
from tr_desk.storage.rows import Part

if TYPE_CHECKING:
    from sqlite_utils import Database


class Register(Part):
    """Bodies, people and memberships."""

    def general_manager(self) -> Person | None:
        """The daglig leder: case officer, minute taker and signatory by default."""
        pid = self._store.settings.setting("daglig_leder_id")
        return self.person(int(pid)) if pid else None

    def bodies(self) -> list[Body]:
        return [
            rows.body(r) for r in self._store.rows("SELECT * FROM body ORDER BY sort_order, id")
        ]

    def body(self, body_id: int) -> Body:
        found = self._store.rows("SELECT * FROM body WHERE id = ?", [body_id])
        if not found:
            raise StoreError.of(Code.NO_BODY, body_id=body_id)
        return rows.body(found[0])

    def body_by_prefix(self, prefix: str) -> Body | None:
        prefix = prefix.upper()
        return next((b for b in self.bodies() if prefix in {b.prefix, *b.former_prefixes}), None)

    def council(self) -> Body | None:
        """The organisation's top body (the role «council»), if it has one."""
        return next((b for b in self.bodies() if b.is_council), None)

    def add_body(self, body: Body) -> int:
        """Insert a body (keeping ``body.id`` if given, for undo); the prefix must be free."""
        if self.body_by_prefix(body.prefix) is not None:
            raise StoreError.of(Code.PREFIX_ALREADY_USE, upper=body.prefix.upper())
        with self._store.transaction() as db:
            row = rows.body_row(body)
            if body.id is not None:
                row["id"] = body.id
            if not body.sort_order:
                row["sort_order"] = (
                    1 + db.execute("SELECT coalesce(max(sort_order), 0) FROM body").fetchone()[0]
                )
            return rows.insert(db, "body", row)

    def delete_body(self, body_id: int) -> None:
        """Remove a body added by mistake; one with meetings or members stays."""
        used = self._store.rows(
            """SELECT (SELECT count(*) FROM meeting WHERE body_id = :b)
                    + (SELECT count(*) FROM membership WHERE body_id = :b) AS n""",
            {"b": body_id},  # type: ignore[arg-type]
        )[0]["n"]
        if used:
            raise StoreError.of(Code.BODY_HAS_MEETINGS_MEMBERS_CANNOT)
        with self._store.transaction() as db:
            db.execute("DELETE FROM year_start WHERE body_id = ?", [body_id])
            db.execute("DELETE FROM body WHERE id = ?", [body_id])

    def update_body(self, body: Body) -> None:
        """Save every field of ``body``; refuses a prefix another body has."""
        assert body.id is not None
        other = self.body_by_prefix(body.prefix)
        if other is not None and other.id != body.id:
            raise StoreError.of(Code.PREFIX_ALREADY_USED, prefix=body.prefix, name=other.name)
        council = self.council()
        if body.is_council and council is not None and council.id != body.id:
            raise StoreError.of(
                Code.ALREADY_COUNCIL_ONLY_ONE_BODY, name=council.name, prefix=council.prefix
            )
        with self._store.transaction() as db:
            db.table("body").update(body.id, rows.body_row(body))

    def people(self) -> list[Person]:
        aliases: dict[int, list[str]] = {}
        for row in self._store.rows("SELECT person_id, alias FROM person_alias ORDER BY id"):
            aliases.setdefault(row["person_id"], []).append(row["alias"])
        people = [
            rows.person(r, aliases.get(r["id"], []))
            for r in self._store.rows("SELECT * FROM person ORDER BY id")
        ]
        return sorted(people, key=lambda p: sort_key(p.name))

    def people_by_id(self) -> dict[int, Person]:
        return {p.id: p for p in self.people() if p.id is not None}

    def person(self, person_id: int) -> Person | None:
        found = self._store.rows("SELECT * FROM person WHERE id = ?", [person_id])
        if not found:
            return None
        aliases = [
            r["alias"]
            for r in self._store.rows(
                "SELECT alias FROM person_alias WHERE person_id = ? ORDER BY id", [person_id]
            )
        ]
        return rows.person(found[0], aliases)

    def add_person(self, person: Person) -> int:
        """Insert a person (keeping ``person.id`` if given, for undo) with aliases."""
        with self._store.transaction() as db:
            row = rows.person_row(person)
            if person.id is not None:
                row["id"] = person.id
            pid = rows.insert(db, "person", row)
            self._write_aliases(db, pid, person.aliases)
            return pid

    def update_person(self, person: Person) -> None:
        assert person.id is not None
        with self._store.transaction() as db:
            db.table("person").update(person.id, rows.person_row(person))
            self._write_aliases(db, person.id, person.aliases)

    def _write_aliases(self, db: Database, person_id: int, aliases: Sequence[str]) -> None:
        db.execute("DELETE FROM person_alias WHERE person_id = ?", [person_id])
        clean = list(dict.fromkeys(a.strip() for a in aliases if a.strip()))
        if clean:
            db.table("person_alias").insert_all(
                [{"person_id": person_id, "alias": alias} for alias in clean]
            )

    def person_usage(self, person_id: int) -> int:
        """How many meetings name this person; such a person cannot be deleted."""
        row = self._store.rows(
            """SELECT (SELECT count(*) FROM attendance
                       WHERE person_id = :p OR substitute_for = :p)
                    + (SELECT count(*) FROM meeting WHERE case_officer_id = :p
                       OR chair_id = :p OR minute_taker_id = :p) AS n""",
            {"p": person_id},  # type: ignore[arg-type]
        )[0]
        return int(row["n"])

    def delete_person(self, person_id: int) -> None:
        """Remove a person entered by mistake, with their memberships."""
        if self.person_usage(person_id):
            raise StoreError.of(Code.PERSON_NAMED_MEETINGS_CANNOT_DELETED)
        with self._store.transaction() as db:
            db.execute("DELETE FROM person_alias WHERE person_id = ?", [person_id])
            db.execute("DELETE FROM membership WHERE person_id = ?", [person_id])
            db.execute("DELETE FROM person WHERE id = ?", [person_id])

    def memberships(
        self, body_id: int | None = None, person_id: int | None = None
    ) -> list[Membership]:
        sql = "SELECT * FROM membership WHERE 1 = 1"
        params: list[Any] = []
        if body_id is not None:
            sql += " AND body_id = ?"
            params.append(body_id)
        if person_id is not None:
            sql += " AND person_id = ?"
            params.append(person_id)
        sql += " ORDER BY body_id, sort_order, id"
        return [rows.membership(r) for r in self._store.rows(sql, params)]

    def add_membership(self, membership: Membership) -> int:
        with self._store.transaction() as db:
            row = rows.membership_row(membership)
            if membership.id is not None:
                row["id"] = membership.id
            if not membership.sort_order:
                top = db.execute(
                    "SELECT coalesce(max(sort_order), 0) FROM membership WHERE body_id = ?",
                    [membership.body_id],
                ).fetchone()[0]
                row["sort_order"] = top + 1
            return rows.insert(db, "membership", row)

    def update_membership(self, membership: Membership) -> None:
        assert membership.id is not None
        if membership.end is not None and membership.end < membership.start:
            raise StoreError.of(Code.MEMBERSHIP_CANNOT_END_BEFORE_BEGINS)
        with self._store.transaction() as db:
            db.table("membership").update(membership.id, rows.membership_row(membership))

    def swap_roster_order(self, first_id: int, second_id: int) -> None:
        """Swap two memberships' places in the roster (the order of «Innkalt» and «Til stede»)."""
        with self._store.transaction() as db:
            found = {
                r[0]: r[1]
                for r in db.execute(
                    "SELECT id, sort_order FROM membership WHERE id IN (?, ?)",
                    [first_id, second_id],
                ).fetchall()
            }
            if len(found) != 2:
                raise StoreError.of(Code.MEMBERSHIP_NO_LONGER_EXISTS)
            db.execute(
                "UPDATE membership SET sort_order = ? WHERE id = ?", [found[second_id], first_id]
            )
            db.execute(
                "UPDATE membership SET sort_order = ? WHERE id = ?", [found[first_id], second_id]
            )

    def delete_membership(self, membership_id: int) -> None:
        with self._store.transaction() as db:
            db.execute("DELETE FROM membership WHERE id = ?", [membership_id])

    def roster(self, body_id: int, day: dt.date, roles: Sequence[str]) -> list[int]:
        """Person ids holding one of ``roles`` in the body on ``day``, in roster order."""
        return roster(self.memberships(body_id=body_id), day, [Role(r) for r in roles])
