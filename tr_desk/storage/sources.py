"""The imported originals («Kilde»): each file kept by its hash, linked from the meetings it
made; the import writes and takes back these rows in its own transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

    from tr_desk.storage.hub import Hub


def known_sources(store: Hub) -> frozenset[str]:
    """The hashes of every file imported before."""
    return frozenset(r["hash"] for r in store.rows("SELECT hash FROM source"))


def add_source(db: Database, digest: str, name: str, file: str, imported_at: str) -> None:
    db.table("source").insert(
        {"hash": digest, "name": name, "file": file, "imported_at": imported_at}
    )


def link_source(store: Hub, db: Database, meeting_id: int, digest: str) -> bool:
    """Link a meeting to the file it was read from; False when it was linked already."""
    if store.rows(
        "SELECT 1 FROM meeting_source WHERE meeting_id = ? AND hash = ?", [meeting_id, digest]
    ):
        return False
    db.table("meeting_source").insert({"meeting_id": meeting_id, "hash": digest})
    return True


def unlink_source(db: Database, meeting_id: int, digest: str) -> None:
    db.execute("DELETE FROM meeting_source WHERE meeting_id = ? AND hash = ?", [meeting_id, digest])


def forget_source(db: Database, digest: str) -> None:
    db.execute("DELETE FROM source WHERE hash = ?", [digest])


def forget_sources_of(db: Database, meeting_id: int) -> None:
    """A meeting the import made, taken back: its links go (the meeting goes by the caller)."""
    db.execute("DELETE FROM meeting_source WHERE meeting_id = ?", [meeting_id])
