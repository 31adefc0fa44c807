"""The words the extension writes have one catalogue per audience, gathered from the code, and
each is translated into every language that needs it (lnox_site.content.wording): a word without
its translation is reported by the checks and by the build of its language; a new language of the
site is the files lnox_site.content.language_files lists. Expected French: hand-written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import DOCS, ROOT, checked

from lnox_site.checks.translations import WRITING
from lnox_site.content import wording
from lnox_site.content.language_files import needed
from lnox_site.content.languages import LANGUAGES, LOCALES
from lnox_site.content.wording import (
    DOMAINS,
    PAGES,
    _,
    catalogue_path,
    contributor_language,
    n_,
    template_path,
    untranslated,
)
from lnox_site.wording_catalogues import languages, template


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_template_holds_every_word_the_code_marks(domain):
    with template_path(domain).open("rb") as handle:
        kept = {m.id for m in read_po(handle) if m.id}
    marked = {m.id for m in template(domain) if m.id}
    assert kept == marked, "run `nox -s translate`: it gathers the words again"


@pytest.mark.parametrize(
    ("domain", "language"), [(d, lang) for d in DOMAINS for lang in languages(d)]
)
def test_every_word_is_translated(domain, language):
    left = [f"{w.catalogue.name}:{w.line}: {w.message}" for w in untranslated(language, domain)]
    assert left == []


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C", "LNOX_LANGUAGE": "fr"}, "fr"),
        ({"LANG": "fr_FR.UTF-8", "LNOX_LANGUAGE": "en"}, "en"),
    ],
)
def test_a_contributor_is_told_things_in_the_language_of_their_system(environ, language):
    assert contributor_language(environ) == language


# -- A word on the pages, in each language -------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "language", "expected"),
    [
        (1, "fr", "1 publication de l’équipe\u00a0: 1 article."),
        (2, "fr", "2 publications de l’équipe\u00a0: 2 articles."),
        (1, "en", "1 publication by the team: 1 article."),
        (2, "en", "2 publications by the team: 2 articles."),
    ],
)
def test_a_counted_word_takes_the_plural_of_its_language(count, language, expected):
    kinds = n_("{count} article", "{count} articles", count, language).format(count=count)
    total = n_(
        "{count} publication by the team: {kinds}.",
        "{count} publications by the team: {kinds}.",
        count,
        language,
    )
    assert total.format(count=count, kinds=kinds) == expected


def test_a_word_is_written_in_the_language_of_the_page():
    assert (_("Themes:", "fr"), _("Themes:", "en")) == ("Thèmes\u00a0:", "Themes:")


# -- A word without its translation is an error ----------------------------------------------------

PAGE_CATALOGUE = "src/lnox_site/locales/fr/LC_MESSAGES/lnox_site.po"
WORD = "All the team’s publications"


@pytest.fixture
def code_catalogues(tmp_path, monkeypatch):
    """A copy of the code's catalogues, read in their place, to break on purpose; messages to the
    contributor in English."""
    locales = tmp_path / "code" / "src" / "lnox_site" / "locales"
    shutil.copytree(wording.LOCALE_DIR, locales)
    monkeypatch.setattr(wording, "LOCALE_DIR", locales)
    monkeypatch.setenv("LNOX_LANGUAGE", "en")
    return locales


def without_french(locales: Path, word: str) -> int:
    """Empties the French of ``word``; the line of its msgid."""
    po = locales / "fr" / "LC_MESSAGES" / "lnox_site.po"
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines.index(f'msgid "{word}"\n')
    lines[line + 1] = 'msgstr ""\n'
    po.write_text("".join(lines), encoding="utf-8")
    return line + 1


def test_a_page_word_without_its_french_is_reported_on_its_line(project, code_catalogues):
    line = without_french(code_catalogues, WORD)
    assert (
        f"{PAGE_CATALOGUE}:{line}: “{WORD}”, written on the pages, has no French translation"
        " — write its French in msgstr; nox -s translate lists what is left"
    ) in checked(project)


def test_a_missing_page_catalogue_is_one_problem(project, code_catalogues):
    (code_catalogues / "fr" / "LC_MESSAGES" / "lnox_site.po").unlink()
    found = [p for p in checked(project) if p.startswith(PAGE_CATALOGUE)]
    assert found == [
        (
            f"{PAGE_CATALOGUE}: the words written on the pages have no French catalogue — run nox"
            " -s translate: it creates it; then write each msgstr in French"
        )
    ]


def test_a_language_without_its_templates_catalogue_is_reported(project):
    (project / "docs" / "locales" / "fr" / "LC_MESSAGES" / "sphinx.po").unlink()
    assert (
        "docs/locales/fr/LC_MESSAGES/sphinx.po: this catalogue of the site in French is missing"
        " — copy docs/locales/en/LC_MESSAGES/sphinx.po here and write each msgstr in French"
    ) in checked(project)


def test_the_build_of_a_language_warns_about_its_missing_words(project, code_catalogues, make_app):
    line = without_french(code_catalogues, WORD)
    french = make_app("html", srcdir=project / "docs", confoverrides={"language": "fr"})
    assert f"{PAGE_CATALOGUE}:{line}: WARNING: “{WORD}”, written on the pages, has no French" in (
        french.warning.getvalue()
    )
    english = make_app("html", srcdir=project / "docs", confoverrides={"language": "en"})
    assert PAGE_CATALOGUE not in english.warning.getvalue()


# -- A third language is a set of files ----------------------------------------------------------


def test_a_new_language_needs_a_catalogue_of_each_page_and_of_each_interface():
    pages = sorted(
        page.relative_to(DOCS).with_suffix(".po")
        for page in DOCS.rglob("*.md")
        if page.relative_to(DOCS).parts[0] not in {"_build", "locales"} and page.name != "README.md"
    )
    catalogues = DOCS / "locales" / "de" / "LC_MESSAGES"
    assert needed(ROOT, "de") == [
        *(catalogues / page for page in pages),
        catalogues / "conf.po",
        catalogues / "sphinx.po",
        ROOT / "src" / "lnox_site" / "locales" / "de" / "LC_MESSAGES" / "lnox_site.po",
    ]
    # And its entry in each table of the languages: dates, and how figures are written (which
    # the check of translations compares).
    assert set(LOCALES) == set(LANGUAGES)
    assert set(WRITING) == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_of_the_site_has_every_file_it_needs(language):
    assert [path for path in needed(ROOT, language) if not path.is_file()] == []


def test_a_fixed_word_makes_every_page_of_its_language_written_again(
    project, code_catalogues, make_app
):
    """The words are part of the configuration (``rebuild="env"``): Sphinx reads and writes every
    page again when they change, as after an edit of conf.py."""
    before = make_app("html", srcdir=project / "docs", confoverrides={"language": "fr"})
    without_french(code_catalogues, WORD)
    after = make_app("html", srcdir=project / "docs", confoverrides={"language": "fr"})
    english = make_app("html", srcdir=project / "docs", confoverrides={"language": "en"})
    assert before.config.lnox_page_words != after.config.lnox_page_words
    assert english.config.lnox_page_words == ""
    assert before.config.values["lnox_page_words"].rebuild == "env"


def test_french_words_of_the_pages_keep_one_typography():
    """French puts a non-breaking space before : ; ? ! and inside « » (the line never breaks
    there), the same in every word the site writes (« Thèmes : » was once written two ways)."""
    with catalogue_path("fr", PAGES).open("rb") as handle:
        catalogue = read_po(handle)
    plain = [
        text
        for word in catalogue
        if word.id
        for text in (word.string if isinstance(word.string, tuple) else (word.string,))
        if any(mark in text for mark in (" :", " ;", " ?", " !", " »", "« "))
    ]
    assert plain == []
