"""The synthetic site of the benchmark (nox -s bench) builds, and holds what its scale says."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, build_copy

from lnox_site import synthetic
from lnox_site.bench import page_weight
from lnox_site.references import BIBFILE, read


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
    assert page_weight(build.out / "fr" / "index.html") > 0
