"""The extension holds nothing of this team: a made-up site (tests/second-site/), built through it
with the LNOx site's templates, styles and interface catalogues, names itself everywhere and never
LNOx. Its expected texts come from its own conf.py, catalogues and data files."""

from __future__ import annotations

import json
import re

import pytest
from conftest import LANGUAGES, SECOND, assemble, run_build
from page_sources import Sources
from PIL import Image
from pybtex.database import parse_file

from lnox_site.bibliography import publications
from lnox_site.bibliography.publications import anchor
from lnox_site.site import identity

# Its expected values: its own conf.py, catalogues and data, read without the site's code.
SOURCES = Sources(SECOND / "docs")


@pytest.fixture(scope="module")
def second(tmp_path_factory):
    project = assemble(tmp_path_factory.mktemp("second") / "project")
    build = run_build(project / "docs", project / "html")
    assert build.returncode == 0, build.log
    return build


def written(build) -> dict[str, str]:
    """Every page, feed, sitemap and root file the build wrote (the borrowed files aside)."""
    return {
        path.relative_to(build.out).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(build.out.rglob("*"))
        if path.suffix in {".html", ".xml", ".txt"} and "_static" not in path.parts
    }


@pytest.mark.slow
def test_nothing_of_lnox_shows_through(second):
    leaks = {name: sorted(set(re.findall(r"LNOx|Tours|Hérault", text)))
             for name, text in written(second).items()}  # fmt: skip
    assert {name: found for name, found in leaks.items() if found} == {}


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_names_and_describes_itself(second, language):
    search = second.soup(language, "search.html")
    site_name = search.find("meta", attrs={"property": "og:site_name"})["content"]
    assert site_name == SOURCES.conf("project")
    description = search.find("meta", attrs={"name": "description"})["content"]
    assert description == SOURCES.conf_text("lnox_description", language)
    alt = search.find("meta", attrs={"property": "og:image:alt"})["content"]
    assert alt.endswith(f" ({SOURCES.conf_text('author', language)})")
    width = search.find("meta", attrs={"property": "og:image:width"})["content"]
    height = search.find("meta", attrs={"property": "og:image:height"})["content"]
    with Image.open(second.out / language / "_cards" / "search.png") as card:
        assert (int(width), int(height)) == card.size
        shown = json.loads(card.text["lnox-card"])
    # The card names the team and says what it is, in the site's words; without brand colours
    # in its html_theme_options, in grey.
    assert shown["team"] == SOURCES.conf_text("author", language)
    assert shown["footer"] == SOURCES.conf_text("lnox_image_alt", language)
    assert (shown["background"], shown["accent"]) == ("#2b2d31", "#d0d3d8")


@pytest.mark.slow
@pytest.mark.parametrize(("language", "news"), [("fr", "actualités"), ("en", "news")])
def test_the_feed_is_titled_and_signed_by_the_site(second, language, news):
    feed = (second.out / language / "actualites" / "atom.xml").read_text(encoding="utf-8")
    assert f"<title>{SOURCES.conf('project')} — {news}</title>" in feed
    assert f"<name>{SOURCES.conf_text('author', language)}</name>" in feed


@pytest.mark.slow
def test_the_root_page_bears_the_site_name(second):
    root = (second.out / "index.html").read_text(encoding="utf-8")
    assert f"<title>{SOURCES.conf('project')}</title>" in root
    assert f" — {SOURCES.conf('project')}</title>" in (second.out / "404.html").read_text()


def expected_team_works() -> set[str]:
    """The keys of the second site's references.bib that carry the keyword its themes.yaml names
    as the team's, read with pybtex and PyYAML."""
    team = SOURCES.data("themes")["team"]
    entries = parse_file(str(SECOND / "references.bib")).entries
    return {key for key, e in entries.items() if team in e.fields["keywords"].split(", ")}


@pytest.mark.slow
def test_the_team_keyword_comes_from_the_data(second):
    # themes.yaml of the second site names its own keyword: the entries that carry it are listed.
    listed = {li["id"] for li in second.soup("fr", "publications.html").select("li.lnox-pub")}
    assert listed == {anchor(key) for key in expected_team_works()}


# -- In process, with Sphinx's test fixtures: what the extension makes of the second site's data.


@pytest.fixture
def app(make_app, tmp_path):
    return make_app("html", srcdir=assemble(tmp_path / "project") / "docs", freshenv=True)


@pytest.mark.slow
def test_the_extension_reads_the_team_from_the_second_site(app):
    app.build()
    assert app.statuscode == 0
    assert app.warning.getvalue() == ""
    team_works = {key for key, pub in publications.entries(app.env).items() if pub.is_team_work}
    assert team_works == expected_team_works()
    assert identity.text(app, app.config.author) == SOURCES.conf("author")
