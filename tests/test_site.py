"""The built site, in both languages: complete, switchable, rendered and in the right language."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import DOCS, LANGUAGES, ROOT, TEST_SITE_URL
from page_sources import Sources

# Sphinx's own pages, which have no source file.
GENERATED = {"search.html"}


def source_pages() -> list[Path]:
    return sorted(
        p.relative_to(DOCS).with_suffix(".html")
        for p in DOCS.rglob("*.md")
        if "_build" not in p.parts and p.name != "README.md"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_source_page_is_built(site, language):
    built = set(site.pages(language))
    missing = [str(p) for p in source_pages() if p not in built]
    assert not missing


def test_both_languages_have_the_same_pages(site):
    assert site.pages("fr") == site.pages("en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_html_lang_attribute(site, language):
    for page in site.pages(language):
        assert site.soup(language, page).html["lang"] == language, page


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_links_reach_the_same_page_in_the_other_language(site, language):
    for page in site.pages(language):
        switcher = site.soup(language, page).select_one("nav.lnox-languages")
        assert switcher is not None, page
        links = switcher.select("a[hreflang]")
        assert [a["hreflang"] for a in links] == [c for c in LANGUAGES if c != language], page
        for link in links:
            target = (site.out / language / page).parent / link["href"]
            expected = site.out / link["hreflang"] / page
            assert target.resolve() == expected.resolve(), (page, link["href"])
            assert expected.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_alternates_and_canonical_are_absolute(site, language):
    for page in set(site.pages(language)) - GENERATED:
        soup = site.soup(language, page)
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        assert canonical == f"{TEST_SITE_URL}{language}/{page.as_posix()}"
        alternates = {
            a["hreflang"]: a["href"] for a in soup.select('link[rel="alternate"][hreflang]')
        }
        expected = {code: f"{TEST_SITE_URL}{code}/{page.as_posix()}" for code in LANGUAGES}
        assert alternates == {**expected, "x-default": expected["fr"]}, page


UNRENDERED = re.compile(r":::|```|\{(cite|term|doc|ref|bibliography|footcite)[:}]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_unrendered_markup(site, language):
    for page in site.pages(language):
        article = site.soup(language, page).select_one("article")
        assert article is not None, page
        assert not UNRENDERED.search(article.get_text()), page


def test_english_pages_are_translated(site):
    """Each page shows its title as its source writes it (French) or its catalogue translates it
    (English), and an English page is not the French one."""
    sources = Sources()
    for page in set(source_pages()):
        docname = page.with_suffix("").as_posix()
        for language in LANGUAGES:
            expected = sources.page_title(docname, language)
            title = site.soup(language, page).select_one("article h1").get_text().rstrip("¶")
            assert expected is None or title == expected, (page, language)
        fr = site.soup("fr", page).select_one("article").get_text(" ", strip=True)
        en = site.soup("en", page).select_one("article").get_text(" ", strip=True)
        assert fr != en, f"{page}: the English page shows the French text"


def test_translated_doctrees_hold_only_their_own_page(site):
    """Each English page's pickled doctree holds that page, not the documents of its messages
    (whose settings carry the whole build environment)."""
    doctrees = sorted((site.out.parent / "doctrees" / "en").rglob("*.doctree"))
    assert len(doctrees) == len(source_pages())
    for path in doctrees:
        doctree = pickle.loads(path.read_bytes())
        strays = [node for node in doctree.findall() if node.document is not doctree]
        assert not strays, path


def test_catalogues_are_fully_translated():
    """Every message of every English catalogue has a translation that Sphinx uses (not fuzzy)."""
    untranslated = []
    for po in sorted((DOCS / "locales" / "en" / "LC_MESSAGES").rglob("*.po")):
        with po.open("rb") as handle:
            messages = [m for m in read_po(handle) if m.id]
        untranslated += [
            f"{po.relative_to(ROOT)}:{m.lineno}: {m.id[:60]!r}"
            for m in messages
            if not m.string or m.fuzzy
        ]
    assert not untranslated, "to translate (`nox -s translate`):\n" + "\n".join(untranslated)


def test_root_page_offers_every_language(site):
    root = (site.out / "index.html").read_text(encoding="utf-8")
    for code in LANGUAGES:
        assert f'href="{code}/"' in root
        assert (site.out / code / "index.html").exists()


def test_the_build_log_reads_one_language_after_the_other(site):
    """The languages are built at the same time (lnox_site.build), their logs shown in turn."""
    folders = [
        {language for language in LANGUAGES if f"html/{language}" in line}
        for line in site.log.splitlines()
    ]
    order = [language for found in folders for language in found]
    assert order == sorted(order, key=LANGUAGES.index)
    assert set(order) == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_templates_compiled_code_is_kept_for_the_next_build(site, language):
    kept = site.out.parent / "doctrees" / language / "templates"
    assert len(list(kept.iterdir())) >= len(["page.html", "search.html"])
