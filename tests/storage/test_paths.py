"""Where the database lives, and what an output may never overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest

from tr_desk.storage.paths import belongs_to_database, default_database_path


def test_the_default_database_is_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_database_path() == tmp_path / "TR Desk" / "tr-desk.sqlite"


def test_an_output_never_goes_over_the_database_or_what_lies_beside_it(tmp_path: Path) -> None:
    db = tmp_path / "tr.sqlite"
    for path in (db, tmp_path / "tr.sqlite-wal", tmp_path / "tr.sqlite.lock",
                 tmp_path / "sikkerhetskopier" / "x.sqlite", tmp_path / "vedlegg" / "a.pdf"):  # fmt: skip
        assert belongs_to_database(path, db), path
    assert not belongs_to_database(tmp_path / "innkalling.pdf", db)
