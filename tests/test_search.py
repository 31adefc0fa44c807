"""The site's search forgives accents, case, elision and British or American spelling, keeps French
stemming, and lists the team's publications as results; in Debian's Chromium on the built site.
The normalisation of the index (Python) and of the query (JavaScript) is checked word for word."""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest
from babel.messages.pofile import read_po
from conftest import LANGUAGES, ROOT, Visit, require
from docutils.nodes import make_id
from page_sources import bibliography, decoded

from lnox_site.site.search import English, French, normalise

BIB = bibliography()
CATALOGUES = ROOT / "docs" / "locales" / "en" / "LC_MESSAGES"
SEARCH_LANGUAGES = {"fr": French, "en": English}

# The queries of the report that asked for a forgiving search: what readers type, and the spelling
# of the pages.
TYPED_AND_WRITTEN = [
    ("fr", "Herault", "Hérault"),
    ("en", "Herault", "Hérault"),
    ("fr", "metabolisme", "métabolisme"),
    ("en", "leukemia", "leukaemia"),
    ("fr", "leucemies", "leucémies"),
    ("fr", "hypoxie", "l'hypoxie"),
    ("fr", "hypoxie", "l’hypoxie"),
    ("en", "hematopoiesis", "haematopoiesis"),
    ("en", "tumor", "tumour"),
]


# -- The same normalisation in Python and JavaScript -------------------------------------------


def source_words() -> set[str]:
    """Every word of the site's French pages and of their English translation."""
    words = set()
    for path in CATALOGUES.rglob("*.po"):
        with path.open("rb") as file:
            for message in read_po(file):
                text = f"{message.id} {message.string}"
                words |= set(re.findall(r"[^\W\d_]+", text))
    return words


WORDS = sorted(
    source_words()
    | {w for _, typed, written in TYPED_AND_WRITTEN for w in (typed, written)}
    | {"œil", "oeil", "Œdème", "anaemia", "anemia", "characterise", "characterize", "Tours"}
)

# Runs the built language_data.js (stdin) on a list of words (argument): what the search page does
# with each word of a query (searchtools.js: split, lower case, stop words, stemmer).
RUN_JS = """
const fs = require("fs");
const [code, words] = [fs.readFileSync(0, "utf8"), JSON.parse(process.argv[1])];
const window = globalThis;
eval(code + "; globalThis.lnox = {Stemmer, splitQuery, stopwords};");
const stemmer = new lnox.Stemmer();
const out = words.map((w) => [lnox.splitQuery(w), stemmer.stemWord(w.toLowerCase())]);
console.log(JSON.stringify({words: out, stopwords: [...lnox.stopwords].sort()}));
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_index_and_query_normalise_every_word_alike(site, language):
    """The page's script (JavaScript) and the index (Python) split, normalise and stem the words of
    the site's pages, in French and English, into the same terms."""
    node = shutil.which("node")
    require(node is not None, "node is missing: install Debian's nodejs package")
    code = (site.out / language / "_static" / "language_data.js").read_text(encoding="utf-8")
    result = subprocess.run(
        [node, "-e", RUN_JS, json.dumps(WORDS)],
        input=code, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    in_browser = json.loads(result.stdout)
    search = SEARCH_LANGUAGES[language]({})
    in_index = [[search.split(word), search.stem(word).lower()] for word in WORDS]
    differ = [
        (word, browser, index)
        for word, browser, index in zip(WORDS, in_browser["words"], in_index, strict=True)
        if browser != index
    ]
    assert not differ, differ[:20]
    assert in_browser["stopwords"] == sorted(search.stopwords)
    assert len(WORDS) > 1000


@pytest.mark.parametrize(
    ("language", "variants"),
    [
        ("fr", ["Hérault", "Herault", "HERAULT"]),
        ("fr", ["œil", "oeil"]),
        ("fr", ["leucémies", "leucemies"]),
        ("en", ["leukaemia", "leukemia"]),
        ("en", ["haematopoiesis", "hematopoiesis"]),
        ("en", ["tumour", "tumor"]),
        ("en", ["tumours", "tumors"]),
        ("en", ["haemoglobin", "hemoglobin"]),
        ("en", ["anaemia", "anemia"]),
        ("en", ["characterise", "characterize"]),
        ("en", ["organisation", "organization"]),
        ("en", ["centre", "center"]),
        ("en", ["signalling", "signaling"]),
        ("en", ["behaviour", "behavior"]),
        ("en", ["oedema", "edema"]),
    ],
)
def test_spellings_of_a_word_are_one_word(language, variants):
    assert len({normalise(word, language) for word in variants}) == 1


@pytest.mark.parametrize("word", ["Tours", "four", "hour", "your", "tour", "pour", "rise"])
def test_english_words_that_only_look_british_keep_their_spelling(word):
    assert normalise(word, "en") == word.lower()


def test_french_elided_words_are_not_searched():
    french = French({})
    for phrase, word in [("l’hypoxie", "hypoxie"), ("jusqu’à", "à"), ("qu'elle", "elle")]:
        first, second = french.split(phrase)
        assert first in french.stopwords, phrase
        assert second == word


# -- In the browser ----------------------------------------------------------------------------


# What a result shows: its page (with its anchor), link text, details, kind (``object``, ``title``,
# ``text``, ``index``) and score.
READ_RESULTS = """items => items.map(li => {
  const a = li.querySelector("a");
  const url = new URL(a.href);
  return {
    path: url.pathname.split("/").slice(-1)[0] + url.hash,
    text: a.textContent,
    details: li.querySelector(":scope > span")?.textContent ?? "",
    kind: li.className.replace("kind-", ""),
    score: Number(a.dataset.score),
  };
})"""


@pytest.fixture(scope="module")
def search(browser, server) -> Iterator[Callable[[str, str], list[dict[str, str]]]]:
    """``search(language, query)``: the results of a query on the search page, best first, as
    READ_RESULTS reads them. The queries of a language run one after the other in one tab, each
    once for the whole module (several tests ask the same)."""
    from playwright.sync_api import expect

    tabs: dict[str, Visit] = {}
    found: dict[tuple[str, str], list[dict[str, str]]] = {}

    def run(language: str, query: str) -> list[dict[str, str]]:
        if (language, query) not in found:
            if language not in tabs:
                tabs[language] = Visit(browser.new_context().new_page())
                # Playwright's clock: the search lists its results one by one, 5 ms apart
                # (searchtools.js), which run_for lets happen at once.
                tabs[language].page.clock.install()
            tab = tabs[language].open(f"{server}{language}/search.html?q={quote(query)}")
            tab.page.clock.run_for(60_000)
            expect(tab.page.locator("#search-results p.search-summary")).not_to_have_text("")
            # Every result is listed by now, and the fetches of their summaries started.
            assert not tab.settle().errors, (query, tab.errors)
            items = tab.page.locator("#search-results ul.search > li")
            found[language, query] = items.evaluate_all(READ_RESULTS)
        return found[language, query]

    yield run
    for tab in tabs.values():
        tab.page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("language", "typed", "written"), TYPED_AND_WRITTEN)
def test_a_query_finds_what_the_spelling_of_the_pages_finds(search, language, typed, written):
    expected = search(language, written)
    assert expected, written
    assert search(language, typed)[:10] == expected[:10]


@pytest.mark.browser
def test_french_stemming_finds_the_singular_from_the_plural(search, site):
    """« leucémiques » finds a page that only writes « leucémique ». (A publication's page is
    found by its citation, not by its text: see the tests of publications below.)"""
    singular_only = [
        page.as_posix()
        for page in site.pages("fr")
        if page.parts[0] != "publications"
        and "leucémique" in (text := site.soup("fr", page).article.get_text(" "))
        and "leucémiques" not in text
    ]
    assert singular_only
    found = {result["path"].split("#")[0] for result in search("fr", "leucémiques")}
    assert {page.split("/")[-1] for page in singular_only} <= found


def team_key_with(field: str) -> str:
    return next(
        key for key, e in BIB.items() if "lnox" in e.fields["keywords"] and field in e.fields
    )


# A publication is the subject of its own page: its result does not say « in » that page.
KIND = {"fr": "Publication", "en": "Publication"}
TEAM = [key for key, entry in BIB.items() if "lnox" in entry.fields["keywords"]]


def entry_page(key: str) -> str:
    """The path of a result that opens the page of the team publication ``key``."""
    return f"{key}.html#{make_id(f'pub-{key}')}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_team_publication_is_in_the_search_index(site, language):
    """Each entry, on its own page by its anchor, with its title, year and DOI."""
    script = (site.out / language / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script.removeprefix("Search.setIndex(").removesuffix(")"))
    found = {
        (index["docnames"][file], anchor): html.unescape(f"{prefix}.{name}" if prefix else name)
        for prefix, objects in index["objects"].items()
        for file, _, _, anchor, name in objects
    }
    assert sorted(found) == sorted((f"publications/{key}", make_id(f"pub-{key}")) for key in TEAM)
    for key in TEAM:
        citation = found[(f"publications/{key}", make_id(f"pub-{key}"))]
        assert decoded(BIB[key].fields["title"]) in citation
        assert BIB[key].fields["year"] in citation
        assert BIB[key].fields.get("doi", "") in citation


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_journal_and_a_title_word_lead_to_the_entry(search, language):
    key = team_key_with("journal")
    words = re.findall(r"[^\W\d_]{6,}", decoded(BIB[key].fields["title"]))
    for query in (decoded(BIB[key].fields["journal"]), max(words, key=len)):
        paths = [result["path"] for result in search(language, query)]
        assert entry_page(key) in paths, query


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_doi_leads_to_its_entry_first(search, language):
    key = team_key_with("doi")
    best = search(language, BIB[key].fields["doi"])[0]
    assert best["path"] == entry_page(key)
    assert decoded(BIB[key].fields["title"]) in best["text"]
    assert BIB[key].fields["doi"] in best["text"]
    assert best["details"].strip() == f"({KIND[language]})"


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_author_surname_leads_to_the_entry_with_its_citation(search, language):
    """A doctoral thesis, whose citation says in the page's language what it is."""
    key = next(
        k for k, e in BIB.items() if "lnox" in e.fields["keywords"] and e.type == "phdthesis"
    )
    entry = BIB[key]
    surname = decoded(" ".join(entry.persons["author"][0].last_names))
    results = search(language, surname)
    found = next(r for r in results if r["path"] == entry_page(key))
    assert decoded(entry.fields["title"]) in found["text"]
    assert surname in found["text"]
    assert ("Thèse de doctorat" if language == "fr" else "PhD thesis") in found["text"]
    assert found["details"].strip() == f"({KIND[language]})"
    # Ranked with the best pages (those with the name in their title), above the other pages.
    assert found["score"] >= max(r["score"] for r in results if r["kind"] == "text")


# -- Weight ------------------------------------------------------------------------------------

# The search index that a reader's browser downloads for the search page, gzip-compressed as web
# servers send it. Measured in December 2026 (`nox -s bench -- --scales 1`): 25.2 KiB in French,
# 23.9 KiB in English, publications included (about 2.5 KiB of it); the budget leaves room for
# about a quarter more content.
SEARCH_INDEX_BUDGET = 32 * 1024


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_index_stays_within_its_budget(site, language):
    index = (site.out / language / "searchindex.js").read_bytes()
    assert len(gzip.compress(index, compresslevel=6)) <= SEARCH_INDEX_BUDGET


@pytest.mark.browser
def test_a_page_opened_from_the_search_highlights_the_searched_word(visit):
    from playwright.sync_api import expect

    tab = visit("fr/search.html?q=hypoxie")
    result = tab.page.locator("#search-results ul.search li.kind-text > a").first
    expect(result).to_be_visible()
    result.click()
    expect(tab.page.locator("span.highlighted").first).to_have_text(
        re.compile("hypoxie", re.IGNORECASE)
    )
    assert not tab.errors
    # The highlighting script loads only after a search.
    assert not [url for url in visit("fr/index.html").requests if "sphinx_highlight" in url]
