"""Each team publication has a page of its own in both languages, ``publications/<key>.html``.

Expectations come from the sources: references.bib read with pybtex, the pages' Markdown read with
MyST's parser (the citations, ``{pub}`` roles, publication lists and front matter), and
docs/_data/*.yaml read with PyYAML; never from the code that writes the pages.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import DOCS, LANGUAGES, ROOT, TEST_SITE_URL, checked
from docutils.nodes import make_id
from page_sources import bibliography, decoded

from lnox_site.content.markdown import directive_name, options, walk

BIB = bibliography()
THEMES = yaml.safe_load((DOCS / "_data" / "themes.yaml").read_text(encoding="utf-8"))
PEOPLE = yaml.safe_load((DOCS / "_data" / "people.yaml").read_text(encoding="utf-8"))
TEAM = sorted(
    key for key, entry in BIB.items() if THEMES["team"] in entry.fields.get("keywords", "")
)
# The page's words, as a reader of each language expects them.
WORDS = {
    "fr": ("Cité sur ces pages", "Type\u00a0:", "Télécharger\u00a0:", "Année\u00a0:"),
    "en": ("Cited on these pages", "Type:", "Download:", "Year:"),
}


def keywords(key: str) -> set[str]:
    return {word.strip() for word in BIB[key].fields.get("keywords", "").split(",")}


def page(key: str) -> str:
    return f"publications/{key}.html"


@cache
def sources() -> dict[str, list]:
    """docname -> the tokens of its page."""
    found = {}
    for path in sorted(DOCS.rglob("*.md")):
        if "_build" not in path.parts:
            docname = path.relative_to(DOCS).with_suffix("").as_posix()
            found[docname] = list(walk(path.read_text(encoding="utf-8"), ROOT))
    return found


def roles(docname: str) -> list[tuple[str, list[str]]]:
    """The citing roles of a page (``footcite:p``, ``pub``…) with the keys each names."""
    return [
        (token.meta["name"], [key.strip() for key in token.content.split(",")])
        for token in (located.token for located in sources()[docname])
        if token.type == "myst_role"
        and (token.meta["name"] == "pub" or token.meta["name"].startswith("footcite"))
    ]


def directives(docname: str, name: str) -> list[dict[str, str]]:
    """The options of each ``name`` directive of a page."""
    return [
        options(located.token)
        for located in sources()[docname]
        if directive_name(located.token) == name
    ]


def front_matter(docname: str) -> dict:
    tokens = [located.token for located in sources()[docname]]
    return next((yaml.safe_load(t.content) for t in tokens if t.type == "front_matter"), {}) or {}


def team_page() -> str:
    [found] = [docname for docname in sources() if directives(docname, "people")]
    return found


def listed_by(options: dict[str, str]) -> set[str]:
    """The team entries a restricted publication list shows (empty: it is not restricted)."""
    selection = set(options.get("keywords", "").split())
    if "theme" in options:
        selection |= {k for k, theme in THEMES["keywords"].items() if theme == options["theme"]}
    return {key for key in TEAM if keywords(key) & selection}


def expected_mentions(key: str) -> set[str]:
    """``docname#anchor`` of every place of the site that talks about ``key``."""
    team = team_page()
    found = set()
    for docname in sources():
        if docname == team:
            continue
        cited = any(key in keys for _, keys in roles(docname))
        listed = any(key in listed_by(o) for o in directives(docname, "publication-list"))
        if cited or listed or front_matter(docname).get("bib") == key:
            found.add(docname)
    found |= {
        f"{team}#{make_id('person-' + person['name'])}"
        for person in PEOPLE
        if person.get("thesis") == key or key in person.get("works", [])
    }
    return found


def target(page_path: str, href: str) -> str:
    """``docname`` or ``docname#anchor`` of a link of a page of the site."""
    url = urlsplit(urljoin(f"https://site/{page_path}", href))
    docname = url.path.lstrip("/").removesuffix(".html")
    return f"{docname}#{url.fragment}" if url.fragment else docname


def meta(soup, name: str) -> list[str]:
    return [tag["content"] for tag in soup.head.find_all("meta", attrs={"name": name})]


def heading(site, language: str, docname: str) -> str:
    return site.soup(language, f"{docname}.html").h1.get_text().rstrip("¶").strip()


# -- The pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_team_publication_has_its_page(site, language):
    built = {p.as_posix() for p in site.pages(language) if p.parts[0] == "publications"}
    assert built == {page(key) for key in TEAM}
    for key in TEAM:
        soup = site.soup(language, page(key))
        assert soup.html["lang"] == language
        assert soup.h1.get_text().rstrip("¶").strip() == decoded(BIB[key].fields["title"])
        assert soup.find(id=make_id(f"pub-{key}")) is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_links_every_place_of_the_site_that_talks_about_it(site, language):
    """The pages that cite the entry, name it with {pub}, list it among a theme's works or are
    news about it, and the people whose thesis or works it is: each once, by its title."""
    team = team_page()
    for key in TEAM:
        soup = site.soup(language, page(key))
        links = soup.select("#mentions a.reference")
        found = {target(page(key), a["href"]): a.get_text() for a in links}
        assert len(found) == len(links), key
        assert set(found) == expected_mentions(key), key
        for where, text in found.items():
            docname, _, anchor = where.partition("#")
            if docname == team:
                assert make_id(f"person-{text}") == anchor
            else:
                assert text == heading(site, language, docname), (key, where)


@pytest.mark.parametrize("language", LANGUAGES)
def test_citation_tags_are_the_entry_of_references_bib(site, language):
    for key in TEAM:
        entry = BIB[key]
        fields = {name: decoded(value) for name, value in entry.fields.items()}
        first, _, last = entry.fields.get("pages", "").replace("--", "-").partition("-")
        authors = [
            decoded(" ".join(p.prelast_names + p.last_names))
            + (", " + decoded(" ".join(p.first_names + p.middle_names)) if p.first_names else "")
            for p in entry.persons.get("author", [])
            if str(p) != "others"
        ]
        soup = site.soup(language, page(key))
        assert meta(soup, "citation_title") == [fields["title"]]
        assert meta(soup, "citation_author") == authors
        assert meta(soup, "citation_publication_date") == [entry.fields["year"]]
        expected = {
            "citation_journal_title": fields.get("journal"),
            "citation_volume": fields.get("volume"),
            "citation_issue": fields.get("number"),
            "citation_firstpage": first.strip() or None,
            "citation_lastpage": last.strip() or None,
            "citation_doi": entry.fields.get("doi"),
            "citation_dissertation_institution": fields.get("school"),
        }
        for name, value in expected.items():
            assert meta(soup, name) == ([value] if value else []), (key, name)
        # No entry gives the address of a PDF: none is made up.
        assert meta(soup, "citation_pdf_url") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_json_ld_describes_the_entry(site, language):
    for key in TEAM:
        entry = BIB[key]
        soup = site.soup(language, page(key))
        [script] = soup.select('script[type="application/ld+json"]')
        data = json.loads(script.string)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == ("Thesis" if entry.type == "phdthesis" else "ScholarlyArticle")
        assert data["@id"] == data["url"] == f"{TEST_SITE_URL}{language}/{page(key)}"
        assert data["name"] == decoded(entry.fields["title"])
        assert data["datePublished"] == entry.fields["year"]
        names = [
            decoded(" ".join(p.first_names + p.middle_names + p.prelast_names + p.last_names))
            for p in entry.persons.get("author", [])
            if str(p) != "others"
        ]
        assert [author["name"] for author in data.get("author", [])] == names
        if "doi" in entry.fields:
            assert data["identifier"] == {
                "@type": "PropertyValue",
                "propertyID": "DOI",
                "value": entry.fields["doi"],
            }
        else:
            assert "identifier" not in data


@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_are_in_the_page_language(site, language):
    other = next(code for code in LANGUAGES if code != language)
    for key in TEAM:
        text = site.soup(language, page(key)).article.get_text()
        assert all(word in text for word in WORDS[language]), key
        assert not any(word in text for word in WORDS[other]), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_offers_its_downloads_and_the_doi(site, language):
    for key in TEAM:
        soup = site.soup(language, page(key))
        hrefs = {target(page(key), a["href"]) for a in soup.article.select("a[download]")}
        assert hrefs == {f"bib/{key}.bib", f"bib/{key}.ris"}
        doi = BIB[key].fields.get("doi")
        dois = soup.article.select('a[href^="https://doi.org/"]')
        assert {a["href"] for a in dois} == ({f"https://doi.org/{doi}"} if doi else set())
        assert len(soup.article.select("span.Z3988")) == 1


# -- The ways to it -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_publications_page_links_each_entry_to_its_page_and_keeps_its_anchor(site, language):
    soup = site.soup(language, "publications.html")
    for key in TEAM:
        item = soup.find(id=make_id(f"pub-{key}"))
        assert item is not None, f"publications.html#pub-{key} must keep working"
        links = {target("publications.html", a["href"]) for a in item.select("a.reference")}
        assert f"publications/{key}" in links


@pytest.mark.parametrize("language", LANGUAGES)
def test_pub_roles_link_to_the_publication_page(site, language):
    named = {
        docname: {key for role, keys in roles(docname) if role == "pub" for key in keys}
        for docname in sources()
    }
    assert any(named.values())
    for docname, keys in named.items():
        if not keys:
            continue
        soup = site.soup(language, f"{docname}.html")
        links = {target(f"{docname}.html", a["href"]) for a in soup.article.select("a[href]")}
        assert {f"publications/{key}" for key in keys} <= links, docname


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_team_page_links_theses_and_works_to_their_pages(site, language):
    team = team_page()
    soup = site.soup(language, f"{team}.html")
    for person in PEOPLE:
        entry = soup.find(id=make_id(f"person-{person['name']}"))
        assert entry is not None, person["name"]
        links = {target(f"{team}.html", a["href"]) for a in entry.select("a[href]")}
        works = [person["thesis"]] if "thesis" in person else []
        works += person.get("works", [])
        assert links == {f"publications/{key}" for key in works}, person["name"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_leads_to_each_publication_page(site, language):
    script = (site.out / language / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script.removeprefix("Search.setIndex(").removesuffix(")"))
    pages = {
        index["docnames"][file]: anchor
        for objects in index["objects"].values()
        for file, _, _, anchor, _ in objects
    }
    for key in TEAM:
        assert pages[f"publications/{key}"] == make_id(f"pub-{key}")
        position = index["docnames"].index(f"publications/{key}")
        assert index["titles"][position] == decoded(BIB[key].fields["title"])


# -- Mistakes -------------------------------------------------------------------------------------


def test_a_pub_role_for_an_entry_that_is_not_the_teams_is_reported(project):
    other = next(key for key in BIB if key not in TEAM)
    page_path = Path("docs") / "recherche" / "essai.md"
    text = f"# Essai\n\nVoir {{pub}}`{TEAM[0]}`.\n\nEt {{pub}}`{other}`.\n"
    (project / page_path).write_text(text, encoding="utf-8")
    # (The new page's missing English is reported too, by its own check.)
    problems = [p for p in checked(project) if "{pub}" in p]
    expected = (
        f"{page_path.as_posix()}:5: {other}: {{pub}} links to the page of a team publication, and "
        f"{other} is not one — cite it with {{footcite:p}}, or add {THEMES['team']} to its "
        "keywords in references.bib if it is the team's work"
    )
    assert problems == [expected]
