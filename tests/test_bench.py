"""The synthetic site of the benchmark (nox -s bench) builds, and holds what its scale says."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from conftest import ROOT, build_copy

from benchmarks import synthetic
from benchmarks.bench import Run, Save, bare_conf, page_weight, runs, table
from lnox_site.bibliography.publications import anchor
from lnox_site.content import paths, vocabulary
from lnox_site.content.paths import BIBFILE
from lnox_site.content.references import read, team_publications


@pytest.mark.slow
def test_synthetic_site_builds(tmp_path: Path) -> None:
    # x2 is the smallest scale that copies every kind of content (x1 is the site as it is).
    project = tmp_path / "x2"
    counts = synthetic.generate(ROOT, project, 2)
    real_posts = len(list((ROOT / "docs" / "actualites").glob("[0-9]*/*-*.md")))
    assert counts["posts"] == 2 * real_posts
    assert counts["entries"] == 2 * len(read(ROOT))
    again = synthetic.generate(ROOT, tmp_path / "again", 2)
    assert again == counts
    assert (project / BIBFILE).read_text() == (tmp_path / "again" / BIBFILE).read_text()

    build = build_copy(project)
    assert build.returncode == 0, build.log
    theme = build.soup("fr", "recherche/niche-copie1.html")
    assert "Synthetic study number" in theme.get_text()
    # A copied theme is a theme of its own: its publications and posts, not the original's.
    keywords = vocabulary.load(project).keywords_of("niche-copie1")
    expected = team_publications(project, keywords)
    assert expected
    listed = [item["id"] for item in theme.select(".lnox-publications li")]
    assert listed == [anchor(pub.key) for pub in expected]
    named = [
        path
        for path in (project / paths.NEWS).glob("[0-9]*/*-*.md")
        if "niche-copie1" in path.read_text(encoding="utf-8").split("\n---", 1)[0]
    ]
    assert named
    assert len(theme.select(".lnox-news .lnox-news-title")) == len(named)
    assert page_weight(build.out / "fr" / "index.html") > 0
    # The English build, as strict as the site's: what the copies add has its English.
    english = build_copy(project, "en")
    assert english.returncode == 0, english.log
    assert "Synthesis" in english.soup("en", "recherche/niche-copie1.html").get_text()


def _result(scale: int, seconds: float, status: int = 0) -> dict:
    def run(factor: float = 1.0) -> Run:
        return Run(status, seconds * factor, 100 * 1024, ["a", "b"], ["a"], cards=scale)

    return {
        "scale": scale, "languages": ["fr", "en"], "load": [1.0, 1.5],
        "clean": {"fr": run(), "en": run(1.5)}, "bare": run(0.5), "serial": run(1.2),
        "noop": run(0.1), "edit_post": run(0.2), "edit_theme": run(0.2), "edit_bib": run(0.3),
        "edit_unshown_bib": run(0.1),
        "output_bytes": 2**20, "home_bytes": 50 * 1024, "post_bytes": 40 * 1024,
        "search_index": {"fr": (80 * 1024, 25 * 1024), "en": (75 * 1024, 24 * 1024)},
        "preview_idle": False,
        "preview_theme": Save(0.8, 1.1, ["a", "b"], {"detect": 0.05, "check": 0.4}),
        "preview_post": Save(0.9, 1.2, ["a"]),
        "cards": {"count": 80, "ms_per_card": 8.4, "mean_bytes": 14 * 1024, "max_bytes": 20 * 1024},
    }  # fmt: skip


def test_report_has_a_column_per_scale_and_the_ratios():
    results = [_result(1, 4.0), _result(5, 20.0, status=2)]
    counts = [
        {"documents": 80, "posts": 39, "entries": 67},
        {"documents": 400, "posts": 195, "entries": 335},
    ]
    report = table(results, counts).splitlines()
    assert report[0] == "| measure | x1 | x5 |"
    cells = [line.removeprefix("| ").removesuffix(" |").split(" | ") for line in report[2:]]
    rows = {name: values for name, *values in cells}
    assert rows["clean build (s)"][0] == "4.0 + 6.0 = 10.0"
    assert rows["clean build per document (ms)"] == ["62", "62"]  # (4 + 6) s / (2 * 80)
    assert rows["site / bare, serial, fr"] == ["2.40", "2.40"]
    assert rows["no-op rebuild"][0] == "0.4 s; read 2 (a, b); written 1 (a); cards drawn: 1"
    assert rows["social cards drawn, clean build"] == ["1 + 1", "5 + 5"]
    assert rows["social card: time to draw one, bytes, fr"][0] == "8 ms; 14.0 KiB (largest 20.0)"
    assert rows["search index, gzip (raw) (KiB)"][0] == "fr 25.0 (80) + en 24.0 (75)"
    assert rows["preview: save recherche/niche → page shown"][0] == (
        "0.8 s; reloaded after 1.1 s; written 2 (a, b)"
    )
    assert rows["preview phases, recherche/niche (s)"][0] == "detect 0.05, check 0.40"
    assert rows["preview: a build within 3 s with no edit"] == ["no", "no"]
    assert "**failed (2)**" in rows["clean, serial (-j 1), fr (s)"][1]
    assert all(run.status == 2 for run in runs(results[1]))


# What the pages use that Sphinx and MyST define themselves.
SPHINX_DIRECTIVES = {"toctree", "glossary"}
SPHINX_ROLES = {"doc", "term"}


def test_the_bare_configuration_stands_in_for_the_site_s_directives_and_roles(tmp_path: Path):
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    directives = set(re.findall(r"^[`:]{3,}\{([a-z-]+)\}", pages, re.MULTILINE))
    roles = set(re.findall(r"\{([a-z:-]+)\}`", pages))
    conf = runpy.run_path(str(bare_conf(tmp_path) / "conf.py"))
    assert directives - SPHINX_DIRECTIVES <= set(conf["DIRECTIVES"])
    assert roles - SPHINX_ROLES <= set(conf["ROLES"])
