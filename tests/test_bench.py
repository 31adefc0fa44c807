"""The synthetic site of the benchmark (nox -s bench) builds, and holds what its scale says."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, build_copy

from lnox_site import posts, synthetic, vocabulary
from lnox_site.bench import page_weight
from lnox_site.publications import anchor
from lnox_site.references import BIBFILE, read, team_publications


def test_synthetic_site_builds(tmp_path: Path) -> None:
    # x2 is the smallest scale that copies every kind of content (x1 is the site as it is).
    project = tmp_path / "x2"
    counts = synthetic.generate(ROOT, project, 2)
    real_posts = len(list((ROOT / "docs" / "actualites").glob("[0-9]*/*-*.md")))
    assert counts["posts"] == 2 * real_posts
    assert counts["entries"] == 2 * len(read(ROOT / BIBFILE))
    again = synthetic.generate(ROOT, tmp_path / "again", 2)
    assert again == counts
    assert (project / BIBFILE).read_text() == (tmp_path / "again" / BIBFILE).read_text()

    build = build_copy(project)
    assert build.returncode == 0, build.log
    theme = build.soup("fr", "recherche/niche-copie1.html")
    assert "Synthetic study number" in theme.get_text()
    # A copied theme is a theme of its own: its publications and posts, not the original's.
    keywords = vocabulary.load(project).keywords_of("niche-copie1")
    expected = team_publications(project / BIBFILE, keywords)
    assert expected
    listed = [item["id"] for item in theme.select(".lnox-publications li")]
    assert listed == [anchor(pub.key) for pub in expected]
    named = [
        path
        for path in (project / posts.NEWS_DIR).glob("[0-9]*/*-*.md")
        if "niche-copie1" in path.read_text(encoding="utf-8").split("\n---", 1)[0]
    ]
    assert named
    assert len(theme.select(".lnox-news .lnox-news-title")) == len(named)
    assert page_weight(build.out / "fr" / "index.html") > 0
