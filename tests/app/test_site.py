"""`tr-desk site`: the demo's website, the same bytes for the same data, and a publish that
writes only what changed and removes only what it wrote before."""

from __future__ import annotations

from pathlib import Path

from tr_desk.app.site import MANIFEST, publish_site, site_files
from tr_desk.storage.store import Store


def test_the_demo_site_has_its_pages_and_public_pdfs(demo_store: Store) -> None:
    files = site_files(demo_store)
    assert {"index.html", "stil.css", "moteplan-2022.html", "moteplan-2022.ics",
            "moter/kf-2022-09-16.html", "dokumenter/KF-2022-09-16-innkalling-offentlig.pdf",
            "dokumenter/KF-2022-06-03-protokoll-offentlig.pdf"} <= set(files)  # fmt: skip
    assert "moter/tr-2022-12-16.html" not in files  # planned, not called: in the plan only
    plan = files["moteplan-2022.html"].decode()
    assert 'href="moter/kf-2022-09-16.html"' in plan and "Regionrådet" in plan
    june = files["moter/kf-2022-06-03.html"].decode()
    assert "<h4>Vedtak</h4>" in june and "protokollen er godkjent" in june
    heard: list[tuple[int, int, str]] = []
    assert site_files(demo_store, progress=lambda *step: heard.append(step)) == files  # same bytes
    assert [h[0] for h in heard] == list(range(5)) and {h[1] for h in heard} == {5}
    assert heard[0][2] == "Kommunedirektørforum 03.06.2022"
    assert set(site_files(demo_store, 2023)) == {"index.html", "stil.css"}


def test_a_publish_writes_what_changed_and_keeps_what_is_not_its_own(
    demo_store: Store, tmp_path: Path
) -> None:
    site = tmp_path / "nettsted"
    site.mkdir()
    (site / "kontakt.html").write_text("vår egen side")
    first = publish_site(site, site_files(demo_store))
    assert "index.html" in first.added and not first.changed and not first.removed
    assert not publish_site(site, site_files(demo_store)).any  # nothing new
    files = site_files(demo_store)
    del files["moter/kf-2022-12-02.html"]  # a meeting no longer on the site
    files["index.html"] += b"\n"
    again = publish_site(site, files)
    assert again.changed == ["index.html"] and again.removed == ["moter/kf-2022-12-02.html"]
    assert not (site / "moter" / "kf-2022-12-02.html").exists()
    assert (site / "kontakt.html").read_text() == "vår egen side"  # not ours: kept
    assert (site / MANIFEST).exists()
