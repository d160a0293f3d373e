"""What ``show --json`` writes, ``load`` reads, and the same meeting comes back — for meetings
of any year (1999's «KF 01/99», 2099's), the 1000th case, long and odd text: a property test
over generated meetings. (15 files that show wrote were refused by load.)"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_cli import run

TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"), max_size=120
)
CASE = st.fixed_dictionaries(
    {"title": TEXT.filter(lambda t: t.strip() != "")},
    optional={"text": TEXT, "proposal": TEXT, "resolution": TEXT, "notes": TEXT},
)


@st.composite
def meetings(draw: st.DrawFn) -> dict:
    body = draw(st.sampled_from(["KF", "AU", "TR", "NR"]))
    year = draw(st.sampled_from([1925, 1999, 2000, 2022, 2099]) | st.integers(1950, 2090))
    day = f"{year:04d}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}"
    cases = draw(st.lists(CASE, max_size=6))
    first = draw(st.sampled_from([1, 7, 99, 995, 1000]))
    numbered = draw(st.booleans())
    for i, case in enumerate(cases):
        if numbered:
            case["number"] = f"{body} {first + i:02d}/{year % 100:02d}"
    return {"body": body, "date": day, "status": "avholdt" if numbered else "planlagt",
            "cases": cases}  # fmt: skip


def show(capsys, db: Path, key: str) -> dict:
    code, out, err = run(capsys, "--db", str(db), "show", key, "--json")
    assert code == 0, err
    data = json.loads(out)
    data.pop("uid", None)
    return data


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(meeting=meetings())
def test_what_show_writes_load_reads(meeting: dict, tmp_path_factory, capsys) -> None:
    folder = tmp_path_factory.mktemp("rundtur")
    db, path = folder / "db.sqlite", folder / "m.json"
    path.write_text(json.dumps(meeting, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db), "load", str(path))
    assert code == 0, err
    key = f"{meeting['body']} {meeting['date']}"
    first = show(capsys, db, key)
    assert len(first["cases"]) == len(meeting["cases"])
    if meeting["status"] == "avholdt":  # the numbers as given, whatever the century
        assert [c["number"] for c in first["cases"]] == [c["number"] for c in meeting["cases"]]
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db), "load", str(path))
    assert code == 0, err
    assert show(capsys, db, key) == first
    if first["cases"]:
        number = first["cases"][-1].get("number")
        target = folder / "ut.pdf"
        code, _, err = run(capsys, "--db", str(db), "pdf", "innkalling", key, "-o", str(target))
        assert code == 0, err
        if number:  # the case found by its number, whatever the century
            code, _, err = run(
                capsys, "--db", str(db), "pdf", "utskrift", number, "-o", str(target)
            )
            assert code == 0, err
