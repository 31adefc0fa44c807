"""The research themes: one cited, translated page per theme of docs/_data/themes.yaml, reachable
from the home page and the Recherche page, with the team's publications, glossary links and
diagrams that stay legible in the dark theme."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import DOCS, LANGUAGES, ROOT
from page_sources import Sources

from lnox_site.bibliography.publications import anchor
from lnox_site.checks.diagrams import check_diagrams
from lnox_site.checks.themes import check_themes
from lnox_site.content import vocabulary
from lnox_site.content.diagrams import labelled, parse
from lnox_site.content.references import read, team_publications

BIB = ROOT / "references.bib"
VOCABULARY = vocabulary.load(ROOT)
THEMES = list(VOCABULARY.themes.values())
SLUGS = [theme.slug for theme in THEMES]
# The pages the issue asks a diagram for; other theme pages may have one too.
WITH_DIAGRAM = ["niche", "jonctions-gap"]
TEXT_TAGS = ["title", "desc", "text", "tspan"]
CITATION = re.compile(r"\{footcite:[pt]\}`([^`]+)`")
DIAGRAM = re.compile(r"```\{diagram\}\s+(\S+)")


def html_page(docname: str) -> str:
    return f"{docname}.html"


def source(theme: vocabulary.Theme) -> str:
    return (DOCS / f"{theme.page}.md").read_text(encoding="utf-8")


def cited_keys(theme: vocabulary.Theme) -> set[str]:
    return {key.strip() for keys in CITATION.findall(source(theme)) for key in keys.split(",")}


def resolve(page: Path, href: str) -> tuple[Path, str]:
    """The file and fragment a relative link of ``page`` points to."""
    parts = urlsplit(href)
    return (page.parent / parts.path if parts.path else page).resolve(), parts.fragment


def article(site, language: str, docname: str):
    return site.soup(language, html_page(docname)).select_one("article")


# --- reaching the themes ---------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("start", ["index", "recherche/index"])
def test_cards_link_every_theme_in_order(site, language, start):
    page = site.out / language / html_page(start)
    cards = site.soup(language, html_page(start)).select(".lnox-cards .lnox-card")
    targets = [resolve(page, card.select_one("a")["href"])[0] for card in cards]
    expected = [(site.out / language / html_page(t.page)).resolve() for t in THEMES]
    assert targets == expected
    for card, theme in zip(cards, THEMES, strict=True):
        assert card.select_one("a").get_text(strip=True) == theme.titles[language]
        assert theme.summaries[language] in card.get_text(" ", strip=True)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_theme_page_title_is_the_theme_name(site, language, slug):
    theme = VOCABULARY.themes[slug]
    h1 = article(site, language, theme.page).select_one("h1")
    assert h1.get_text(strip=True).rstrip("¶") == theme.titles[language]


@pytest.mark.parametrize("slug", SLUGS)
def test_theme_page_links_related_themes(site, slug):
    theme = VOCABULARY.themes[slug]
    page = site.out / "fr" / html_page(theme.page)
    pages = {t.page for t in THEMES} - {theme.page}
    linked = {
        resolve(page, a["href"])[0]
        for a in article(site, "fr", theme.page).select("a.reference.internal")
    }
    assert linked & {(site.out / "fr" / html_page(p)).resolve() for p in pages}


# --- publications and citations --------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_theme_page_lists_the_team_publications_of_its_keywords(site, language, slug):
    theme = VOCABULARY.themes[slug]
    expected = team_publications(ROOT, VOCABULARY.keywords_of(slug))
    assert expected, f"no team publication carries a keyword of {slug}"
    body = article(site, language, theme.page)
    missing = [pub.key for pub in expected if body.find(id=anchor(pub.key)) is None]
    assert not missing


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_every_citation_leads_to_its_entry_in_the_page_reference_list(site, language, slug):
    theme = VOCABULARY.themes[slug]
    keys = cited_keys(theme)
    soup = site.soup(language, html_page(theme.page))
    body = soup.select_one("article")
    in_page = {a["href"][1:] for a in body.select('a[href^="#"]') if a["href"] != "#"}
    assert all(soup.find(id=target) for target in in_page), "a link of the page leads nowhere"
    entries = read(ROOT)
    for key in keys:
        targets = [el for el in body.find_all(id=re.compile(re.escape(key))) if el["id"] in in_page]
        assert targets, f"{key}: no citation links to its reference entry"
        doi = entries[key].entry.fields.get("doi")
        if doi:
            assert any(t.find("a", href=f"https://doi.org/{doi}") for t in targets), key


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_no_unresolved_citation_or_raw_key(site, language, slug):
    text = article(site, language, VOCABULARY.themes[slug].page).get_text(" ")
    assert "[?]" not in text
    assert "(?)" not in text
    assert not [key for key in read(ROOT) if key in text]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_publication_links_reach_the_publications_pages(site, language, slug):
    """Links to the Publications page and to the pages of the team's publications."""
    theme = VOCABULARY.themes[slug]
    page = site.out / language / html_page(theme.page)
    links = article(site, language, theme.page).select('a[href*="publications"]')
    assert links
    for link in links:
        target, fragment = resolve(page, link["href"])
        assert target.exists()
        assert not fragment or f'id="{fragment}"' in target.read_text(encoding="utf-8")


# --- glossary ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("docname", ["recherche/index", "glossaire", *(t.page for t in THEMES)])
def test_glossary_links_resolve(site, language, docname):
    page = site.out / language / html_page(docname)
    glossary = site.out / language / "glossaire.html"
    ids = {el["id"] for el in site.soup(language, "glossaire.html").find_all(id=True)}
    links = [
        resolve(page, a["href"])
        for a in article(site, language, docname).select("a[href]")
        if "glossaire.html#" in a["href"] or (docname == "glossaire" and a["href"][:1] == "#")
    ]
    for target, fragment in links:
        assert target == glossary.resolve(), fragment
        assert fragment in ids, fragment


# --- diagrams ----------------------------------------------------------------------------------


def diagram_sources(theme: vocabulary.Theme) -> list[Path]:
    return [(DOCS / theme.page).parent / path for path in DIAGRAM.findall(source(theme))]


def catalogue(docname: str) -> dict[str, str]:
    return Sources().catalogue("en", docname)


@pytest.mark.parametrize("slug", WITH_DIAGRAM)
def test_required_diagrams_exist(slug):
    assert diagram_sources(VOCABULARY.themes[slug])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_diagrams_have_a_text_alternative_and_labels_in_the_page_language(site, language, slug):
    theme = VOCABULARY.themes[slug]
    figures = article(site, language, theme.page).select("figure.lnox-diagram")
    sources = diagram_sources(theme)
    assert len(figures) == len(sources)
    english = catalogue(theme.page)
    for figure, path in zip(figures, sources, strict=True):
        svg = figure.select_one("svg")
        assert svg["role"] == "img"
        title = svg.find("title", id=svg["aria-labelledby"])
        assert title is not None
        assert figure.select_one("figcaption").get_text(strip=True)
        french = [" ".join(el.text.split()) for el in labelled(parse(path.read_text("utf-8")))]
        untranslated = [text for text in french if text not in english]
        assert not untranslated, f"{path.name}: translate these labels in {theme.page}.po"
        expected = french if language == "fr" else [english[text] for text in french]
        own = (el.find_all(string=True, recursive=False) for el in svg.find_all(TEXT_TAGS))
        shown = [" ".join("".join(strings).split()) for strings in own]
        assert [text for text in shown if text] == expected


# --- content checks of themes.yaml -------------------------------------------------------------


def write_project(root: Path, themes: str, pages: list[str]) -> Path:
    (root / "docs" / "_data").mkdir(parents=True)
    (root / "docs" / "_data" / "themes.yaml").write_text(
        "team: lnox\nkeywords: {niche: niche, lnox: null}\nthemes:\n" + themes, encoding="utf-8"
    )
    for page in pages:
        (root / "docs" / f"{page}.md").parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / f"{page}.md").write_text(THEME_PAGE, encoding="utf-8")
    return root


# What a theme page needs: an introduction with a glossary link, and a source.
THEME_PAGE = "# Page\n\nLa {term}`niche`.\n\nUn fait {footcite:p}`kouzi2020oncogene`.\n"
COMPLETE = (
    "  niche:\n    page: recherche/niche\n    fr: La niche\n    en: The niche\n"
    '    summary:\n      fr: "Une phrase."\n      en: "A sentence."\n'
)


def test_complete_theme_passes(tmp_path):
    assert not list(check_themes(write_project(tmp_path, COMPLETE, ["recherche/niche"])))


def test_missing_page_is_reported_on_its_line(tmp_path):
    problems = list(check_themes(write_project(tmp_path, COMPLETE, [])))
    assert [(p.path, p.line, p.subject) for p in problems] == [
        ("docs/_data/themes.yaml", 5, "niche")
    ]
    assert "docs/recherche/niche.md" in problems[0].fix


def test_missing_summary_is_reported_for_each_language(tmp_path):
    themes = COMPLETE.replace('      en: "A sentence."\n', "")
    problems = list(check_themes(write_project(tmp_path, themes, ["recherche/niche"])))
    assert len(problems) == 1
    assert (problems[0].line, "'en'" in problems[0].what) == (8, True)
    assert "summary:" in problems[0].fix


def test_misspelt_key_is_reported(tmp_path):
    themes = COMPLETE.replace("    summary:", "    sumary:")
    problems = list(check_themes(write_project(tmp_path, themes, ["recherche/niche"])))
    assert [(p.line, p.what) for p in problems] == [
        (8, "unknown key 'sumary'"),
        (4, "no summary in language 'fr'"),
        (4, "no summary in language 'en'"),
    ]


@pytest.mark.parametrize(
    ("page", "line", "what"),
    [
        ("# Page\n\nLa niche,\nsans lien.\n\nUn fait {footcite:p}`k`.\n", 3, "links no term"),
        ("---\nx: 1\n---\n# Page\n\n\nLa niche.\n\nLa {term}`niche` {footcite:p}`k`.\n", 7,
         "links no term"),
        ("# Page\n\nLa {term}`niche`.\n", 1, "cites no source"),
    ],
)  # fmt: skip
def test_theme_page_rules_are_checked_on_their_line(tmp_path, page, line, what):
    root = write_project(tmp_path, COMPLETE, ["recherche/niche"])
    (root / "docs" / "recherche" / "niche.md").write_text(page, encoding="utf-8")
    problems = list(check_themes(root))
    assert [(p.path, p.line, p.subject) for p in problems] == [
        ("docs/recherche/niche.md", line, "niche")
    ]
    assert what in problems[0].what


def test_missing_diagram_file_is_reported_on_the_directive_line(tmp_path):
    page = tmp_path / "docs" / "recherche" / "essai.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Essai\n\n```{diagram} schemas/absent.svg\nLégende\n```\n", "utf-8")
    problems = list(check_diagrams(tmp_path))
    assert [(p.path, p.line, p.subject) for p in problems] == [
        ("docs/recherche/essai.md", 3, "schemas/absent.svg")
    ]


# --- in the browser: the diagram in the dark theme ---------------------------------------------

CONTRASTS = """() => {
  // "rgb(r, g, b)" or, for colours mixed with color-mix(), "color(srgb r g b)" with 0-1 channels.
  const rgb = (c) => {
    const channels = c.match(/[\\d.]+/g).slice(0, 3).map(Number);
    return c.startsWith("color(") ? channels.map((v) => v * 255) : channels;
  };
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const svg = document.querySelector("figure.lnox-diagram svg");
  const page = getComputedStyle(document.body).backgroundColor;
  const shapes = [...svg.querySelectorAll(".lnox-d-shape")];
  const overlaps = (a, b) => !(a.right < b.left || b.right < a.left || a.bottom < b.top || b.bottom < a.top);
  return [...svg.querySelectorAll("text")].map((text) => {
    const box = text.getBoundingClientRect();
    const grounds = [page, ...shapes
      .filter((s) => overlaps(box, s.getBoundingClientRect()))
      .map((s) => getComputedStyle(s).fill)];
    return {
      label: text.textContent,
      fill: getComputedStyle(text).fill,
      contrast: Math.min(...grounds.map((g) => ratio(getComputedStyle(text).fill, g))),
    };
  });
}"""


@pytest.mark.browser
@pytest.mark.parametrize("slug", WITH_DIAGRAM)
def test_diagram_stays_legible_when_the_theme_turns_dark(visit, slug):
    opened = visit(
        f"fr/{VOCABULARY.themes[slug].page}.html", viewport={"width": 375, "height": 800}
    )
    page = opened.page
    svg = page.locator("figure.lnox-diagram svg").first
    box = svg.bounding_box()
    assert box["width"] > 300
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 375
    colours = {}
    for theme in ("light", "dark"):
        page.evaluate(f"document.body.dataset.theme = '{theme}'")
        labels = page.evaluate(CONTRASTS)
        low = [
            (label["label"], round(label["contrast"], 2))
            for label in labels
            if label["contrast"] < 4.5
        ]
        assert not low, f"{theme}: labels below the 4.5:1 contrast of WCAG AA: {low}"
        colours[theme] = {label["fill"] for label in labels}
    assert colours["light"].isdisjoint(colours["dark"])
    assert not opened.errors
