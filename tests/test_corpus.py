"""The import on a corpus of its own, made to be hard (``benchmarks/corpus.py``): notices and
minutes written with the habits real archives have (copied title dates, wrapped titles,
foreign prefixes, wrong years, numbers without a space, labels without a colon …), as text
and as Word files, with the truth beside each. The benchmark runs a larger one through
LibreOffice to Word and PDF as well."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import corpus

from tests.test_cli import run


def test_the_corpus_imports_with_its_fields_right_and_no_document_lost(tmp_path) -> None:
    items = corpus.build(tmp_path, documents=60, seed=3, office=False)
    assert len(items) >= 50 and {h for i in items for h in i["habits"]} == set(corpus.HABITS)
    result = corpus.measure(tmp_path, items)
    assert result["import_docs_lost"] == 0
    assert result["import_field_accuracy"] >= 0.99, result["import_accuracy_by_field"]


def test_the_dry_run_says_what_the_import_does_for_every_document(tmp_path, capsys) -> None:
    corpus.build(tmp_path, documents=40, seed=5, office=False)
    said = run(capsys, "--db", str(tmp_path / "dry.sqlite"), "import", str(tmp_path / "txt"),
               "--dry-run", "--json")  # fmt: skip
    done = run(capsys, "--db", str(tmp_path / "real.sqlite"), "import", str(tmp_path / "txt"),
               "--json")  # fmt: skip
    assert said[0] == done[0]
    report = json.loads(done[1])
    for meeting in report["meetings"]:
        meeting.pop("uid")
    assert json.loads(said[1]) == report
