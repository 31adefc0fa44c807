"""The Publications page lists the team's entries of references.bib, in both languages, and pages
cite author-year with their reference list; expectations come from references.bib."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import LANGUAGES, ROOT, TEST_SITE_URL, build_copy
from pybtex.database import Person, parse_file

from lnox_site.bibliography.publications import anchor
from lnox_site.content.references import authors, kind, plain, read, team_publications
from lnox_site.content.vocabulary import load

# The words of an entry and of the page's counts, as each language writes them.
WORDS = {
    "and": {"fr": "et", "en": "and"},
    "thesis": {"fr": "Thèse de doctorat", "en": "PhD thesis"},
    "abstract": {"fr": "Résumé de congrès", "en": "Conference abstract"},
}
KIND_NAMES = {  # singular, plural
    "article": {"fr": ("article", "articles"), "en": ("article", "articles")},
    "abstract": {
        "fr": ("résumé de congrès", "résumés de congrès"),
        "en": ("conference abstract", "conference abstracts"),
    },
    "thesis": {
        "fr": ("thèse de doctorat", "thèses de doctorat"),
        "en": ("doctoral thesis", "doctoral theses"),
    },
    "other": {
        "fr": ("autre publication", "autres publications"),
        "en": ("other publication", "other publications"),
    },
}
BIB = ROOT / "references.bib"
TEAM = team_publications(ROOT)
PAGE = "publications.html"
# The words an entry needs besides its fields, as a reader of each language reads them.
WORDS = {
    "thesis": {"fr": "Thèse de doctorat", "en": "PhD thesis"},
    "abstract": {"fr": "Résumé de congrès", "en": "Conference abstract"},
    "and": {"fr": "et", "en": "and"},
}
# How the summary counts each kind of work: one, then more than one.
KIND_COUNTS = {
    "fr": {
        "article": ("article", "articles"),
        "abstract": ("résumé de congrès", "résumés de congrès"),
        "thesis": ("thèse de doctorat", "thèses de doctorat"),
        "other": ("autre publication", "autres publications"),
    },
    "en": {
        "article": ("article", "articles"),
        "abstract": ("conference abstract", "conference abstracts"),
        "thesis": ("doctoral thesis", "doctoral theses"),
        "other": ("other publication", "other publications"),
    },
}


def surname(person) -> str:
    return plain(" ".join(person.prelast_names + person.last_names))


def folded(text: str) -> str:
    """Lower case without accents, so that ``Herault`` is ``Hérault``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def surname_and_initial(person) -> tuple[str, str]:
    """How an author is known as a member of the team: surname and first initial agree."""
    first = plain(" ".join(person.first_names + person.middle_names))
    return folded(surname(person)), folded(first[:1])


# The team's members: the names of docs/_data/people.yaml, read with PyYAML.
MEMBERS = {
    surname_and_initial(Person(person["name"]))
    for person in yaml.safe_load((ROOT / "docs/_data/people.yaml").read_text(encoding="utf-8"))
}


def entry_text(soup: BeautifulSoup, key: str) -> str:
    return soup.find(id=anchor(key)).p.get_text()


def test_team_entries_are_the_ones_marked_lnox():
    team = {pub.key for pub in TEAM}
    marked = {key for key, pub in read(ROOT).items() if "lnox" in pub.keywords}
    assert team == marked
    assert team


def test_team_entries_are_newest_first():
    years = [pub.year for pub in TEAM]
    assert years == sorted(years, reverse=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_team_entry_is_listed_once_under_its_year(site, language):
    soup = site.soup(language, PAGE)
    assert [li["id"] for li in soup.select("li.lnox-pub")] == [anchor(pub.key) for pub in TEAM]
    for pub in TEAM:
        assert soup.find(id=anchor(pub.key)).find_parent("section")["id"] == f"year-{pub.year}"
    headings = [
        int(h.get_text(strip=True).rstrip("¶")) for h in soup.select("section[id^=year-] h2")
    ]
    assert headings == sorted({pub.year for pub in TEAM}, reverse=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_entries_name_every_author_with_the_members_in_bold(site, language):
    soup = site.soup(language, PAGE)
    for pub in TEAM:
        paragraph = soup.find(id=anchor(pub.key)).p
        named = authors(pub.entry)
        for person in named:
            assert surname(person) in paragraph.get_text(), (pub.key, surname(person))
        bold = [strong.get_text().split("\xa0")[0] for strong in paragraph.find_all("strong")]
        assert bold == [surname(p) for p in named if surname_and_initial(p) in MEMBERS], pub.key


@pytest.mark.parametrize("language", LANGUAGES)
def test_entries_say_where_they_appeared_in_the_page_language(site, language):
    soup = site.soup(language, PAGE)
    for pub in TEAM:
        text = entry_text(soup, pub.key)
        assert pub.field("title") in text, pub.key
        assert f"({pub.year})" in text, pub.key
        if pub.kind == "thesis":
            assert f"{WORDS['thesis'][language]}, {pub.field('school')}." in text, pub.key
        if pub.kind in ("article", "abstract"):
            assert pub.field("journal") in text, pub.key
            assert pub.field("pages") in text, pub.key
        assert (WORDS["abstract"][language] in text) == (pub.kind == "abstract"), pub.key


@pytest.mark.parametrize("language", LANGUAGES)
def test_last_two_authors_are_joined_by_the_page_word_for_and(site, language):
    soup = site.soup(language, PAGE)
    complete = [
        pub
        for pub in TEAM
        if len(authors(pub.entry)) == len(pub.entry.persons.get("author", [])) > 1
    ]
    assert complete
    for pub in complete:
        last = surname(authors(pub.entry)[-1])
        assert f" {WORDS['and'][language]} {last}" in entry_text(soup, pub.key), pub.key


@pytest.mark.parametrize("language", LANGUAGES)
def test_doi_links(site, language):
    soup = site.soup(language, PAGE)
    for pub in TEAM:
        links = soup.find(id=anchor(pub.key)).select('a[href^="https://doi.org/"]')
        expected = (
            [f"https://doi.org/{pub.entry.fields['doi']}"] if "doi" in pub.entry.fields else []
        )
        assert [a["href"] for a in links] == expected, pub.key


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_entry_downloads_as_its_own_bibtex(site, language):
    soup, source = site.soup(language, PAGE), read(ROOT)
    for pub in TEAM:
        link = soup.find(id=anchor(pub.key)).select_one("a[download]")
        downloaded = parse_file(str(site.out / language / link["href"])).entries
        assert list(downloaded) == [pub.key]
        assert dict(downloaded[pub.key].fields) == dict(source[pub.key].entry.fields)


@pytest.mark.slow
def test_an_edited_entry_is_listed_and_downloaded_as_edited(project):
    assert build_copy(project).returncode == 0
    pub = TEAM[0]
    bib = project / "references.bib"
    title = pub.entry.fields["title"]
    bib.write_text(bib.read_text(encoding="utf-8").replace(title, f"Édité : {title}", 1))
    edited = build_copy(project)
    assert edited.returncode == 0, edited.log
    assert "Édité : " in entry_text(edited.soup("fr", PAGE), pub.key)
    download = edited.out / "fr" / "bib" / f"{pub.key}.bib"
    assert parse_file(str(download)).entries[pub.key].fields["title"] == f"Édité : {title}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_whole_bibliography_downloads(site, language):
    link = site.soup(language, PAGE).select_one('a[download][href$="/references.bib"]')
    assert (site.out / language / link["href"]).read_bytes() == BIB.read_bytes()


def check_theme_tags(build, language: str) -> None:
    """Each entry links to the pages of its keywords' themes that exist, under their titles."""
    vocabulary = load(ROOT)
    soup = build.soup(language, PAGE)
    for pub in TEAM:
        themes = {t.page: t for k in pub.keywords if (t := vocabulary.theme_of(k))}
        existing = {page for page in themes if (build.out / language / f"{page}.html").exists()}
        details = soup.find(id=anchor(pub.key)).select_one(".lnox-pub-details")
        assert {a["href"] for a in details.select("a:not([download])")} == {
            f"{page}.html" for page in existing
        } | {f"publications/{pub.key}.html"}, pub.key
        for page, theme in themes.items():
            assert (theme.titles[language] in details.get_text()) == (page in existing), pub.key


@pytest.mark.parametrize("language", LANGUAGES)
def test_theme_tags_link_to_the_existing_theme_pages(site, language):
    check_theme_tags(site, language)


@pytest.mark.slow
def test_theme_tags_appear_when_the_theme_page_exists(project):
    # A bare page that still meets the content checks of a theme page (a glossary link, a source).
    (project / "docs" / "recherche" / "niche.md").write_text(
        "# Niche\n\nLa {term}`niche leucémique` {footcite:p}`kouzi2020oncogene`.\n\n"
        "```{footbibliography}\n```\n",
        encoding="utf-8",
    )
    index = project / "docs" / "recherche" / "index.md"
    index.write_text(index.read_text() + "\n```{toctree}\n:hidden:\n\nniche\n```\n")
    build = build_copy(project, "fr")
    assert build.returncode == 0, build.log
    check_theme_tags(build, "fr")
    assert build.soup("fr", PAGE).select('.lnox-pub-details a[href="recherche/niche.html"]')


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_per_kind_and_per_year(site, language):
    soup = site.soup(language, PAGE)
    summary = soup.select_one("article").get_text(" ")
    assert f"{len(TEAM)} publications" in summary
    for name, count in Counter(kind(pub.entry) for pub in TEAM).items():
        assert f"{count} {KIND_COUNTS[language][name][count > 1]}" in summary
    per_year = Counter(pub.year for pub in TEAM)
    rows = {
        int(row.th.get_text()): int(row.td.get_text())
        for row in soup.select("table.lnox-chart tbody tr")
    }
    years = range(min(per_year), max(per_year) + 1)
    assert rows == {year: per_year[year] for year in years}


@pytest.mark.parametrize("language", LANGUAGES)
def test_chart_links_each_year_to_its_heading(site, language):
    soup = site.soup(language, PAGE)
    chart = soup.select_one("table.lnox-chart")
    assert chart.caption.get_text(strip=True)
    for link in chart.select("a"):
        assert soup.find(id=link["href"].lstrip("#")) is not None
    assert len(chart.select("a")) == len({pub.year for pub in TEAM})


@pytest.mark.parametrize("language", LANGUAGES)
def test_json_ld_describes_every_team_entry(site, language):
    soup = site.soup(language, PAGE)
    graph = [
        item
        for script in soup.select('script[type="application/ld+json"]')
        for item in json.loads(script.string).get("@graph", [])
    ]
    described = {item["@id"]: item for item in graph}
    for pub in TEAM:
        item = described[f"{TEST_SITE_URL}{language}/publications/{pub.key}.html"]
        assert item["@type"] == ("Thesis" if pub.kind == "thesis" else "ScholarlyArticle")
        assert item["name"] == pub.field("title")
        assert item["datePublished"] == str(pub.year)
        assert len(item.get("author", [])) == len(authors(pub.entry))
        if "doi" in pub.entry.fields:
            assert item["sameAs"] == f"https://doi.org/{pub.entry.fields['doi']}"
    assert len(described) == len(TEAM)


# A page citing the way research pages do, with its translation.
CITING_PAGE = """# Essai

La niche protège ces cellules {footcite:p}`kouzi2020oncogene`. Selon {footcite:t}`boulais2015blood`,
elles sont plusieurs {footcite:p}`morrison2014nature,kfoury2015csc` ; voir {pub}`vignon2011thesis`.

```{footbibliography}
```
"""
CITING_PO = """msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

msgid "Essai"
msgstr "Test"

msgid "La niche protège ces cellules {footcite:p}`kouzi2020oncogene`. Selon {footcite:t}`boulais2015blood`, elles sont plusieurs {footcite:p}`morrison2014nature,kfoury2015csc` ; voir {pub}`vignon2011thesis`."
msgstr "The niche protects these cells {footcite:p}`kouzi2020oncogene`. According to {footcite:t}`boulais2015blood`, there are several {footcite:p}`morrison2014nature,kfoury2015csc`; see {pub}`vignon2011thesis`."
"""


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_citations_are_author_year_links_to_the_page_reference_list(project, language):
    (project / "docs" / "recherche" / "essai.md").write_text(CITING_PAGE, encoding="utf-8")
    index = project / "docs" / "recherche" / "index.md"
    index.write_text(index.read_text() + "\n```{toctree}\n:hidden:\n\nessai\n```\n")
    po = project / "docs" / "locales" / "en" / "LC_MESSAGES" / "recherche" / "essai.po"
    po.write_text(CITING_PO, encoding="utf-8")
    build = build_copy(project, language)
    assert build.returncode == 0, build.log
    soup = build.soup(language, "recherche/essai.html")
    and_ = WORDS["and"][language]
    cited = {a.get_text(): a["href"] for a in soup.select("article p a.internal")}
    assert cited == {
        "Kouzi et al., 2020": "#footcite-kouzi2020oncogene",
        f"Boulais {and_} Frenette (2015)": "#footcite-boulais2015blood",
        f"Morrison {and_} Scadden, 2014": "#footcite-morrison2014nature",
        f"Kfoury {and_} Scadden, 2015": "#footcite-kfoury2015csc",
        # {pub} leads to the publication's own page.
        "Vignon (2011)": "../publications/vignon2011thesis.html",
    }
    listed = soup.select("ul.lnox-references > li")
    assert [li["id"] for li in listed] == [
        "footcite-boulais2015blood",
        "footcite-kfoury2015csc",
        "footcite-kouzi2020oncogene",
        "footcite-morrison2014nature",
    ]
    kouzi = soup.find(id="footcite-kouzi2020oncogene")
    assert f" {and_} Hérault\xa0O. (2020)" in kouzi.get_text()
    assert "Hérault\xa0O." in [strong.get_text() for strong in kouzi.find_all("strong")]
    assert not soup.select("aside.footnote, .footnote-list")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_bars_show_in_both_colour_schemes(visit, scheme):
    page = visit(f"fr/{PAGE}", color_scheme=scheme, viewport={"width": 390, "height": 844})
    assert not page.errors
    bars = page.page.locator(".lnox-chart-bar")
    assert bars.count() == len({pub.year for pub in TEAM})
    colours = page.page.evaluate(
        """() => {
            const bar = document.querySelector('.lnox-chart-bar');
            const box = bar.getBoundingClientRect();
            return [getComputedStyle(bar).backgroundColor,
                    getComputedStyle(document.body).backgroundColor, box.width, box.height];
        }"""
    )
    bar, background, width, height = colours
    assert bar != background
    assert width > 0
    assert height > 0
