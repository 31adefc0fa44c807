"""No French on an English page: a French text whose English is missing, empty or fuzzy is
reported by `nox -s check` and by the English build on its line of the French page, the translate
session lists it and keeps the catalogues wrapped one way, and no English page of the built site
repeats a French block outside an element marked lang="fr"."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import DOCS, ROOT, build_copy, checked

from lnox_site import translation
from lnox_site.checks.untranslated import check_untranslated
from lnox_site.content import sources
from lnox_site.content.messages import messages

LOCALES = DOCS / "locales" / "en" / "LC_MESSAGES"
PAGES = [page.relative_to(DOCS).with_suffix("").as_posix() for page in sources.pages(ROOT)]
DIAGNOSTIC = "docs/recherche/diagnostic.md"
DIAGNOSTIC_PO = "docs/locales/en/LC_MESSAGES/recherche/diagnostic.po"
# The paragraph of docs/recherche/diagnostic.md that the tests change, by its first words.
ANTIOXYDOGRAMME = "L’{term}`antioxydogramme`"


def msgids(po: Path) -> set[str]:
    with po.open("rb") as handle:
        return {m.id for m in read_po(handle) if m.id}


def line_of(path: Path, start: str) -> int:
    """The 1-based line of ``path`` that starts with ``start``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(start))


def paragraph(path: Path, start: str) -> str:
    """The paragraph of ``path`` that starts with ``start``, its lines joined by spaces: its msgid."""
    lines = path.read_text(encoding="utf-8").splitlines()[line_of(path, start) - 1 :]
    return " ".join(lines[: lines.index("")])


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def english(po: Path, msgid: str) -> str:
    with po.open("rb") as handle:
        return next(m.string for m in read_po(handle) if m.id == msgid)


def add_entry(po: Path, msgid: str, msgstr: str) -> None:
    quoted = [text.replace("\\", "\\\\").replace('"', '\\"') for text in (msgid, msgstr)]
    with po.open("a", encoding="utf-8") as handle:
        handle.write(f'\nmsgid "{quoted[0]}"\nmsgstr "{quoted[1]}"\n')


# --- the messages a page has are those of its catalogue ----------------------------------------


@pytest.mark.parametrize("docname", PAGES)
def test_the_messages_read_from_a_page_are_the_msgids_of_its_catalogue(docname):
    """The proof that the check reads a page as Sphinx extracts it (`nox -s translate` wrote the
    catalogues): not one message more or less, for every page."""
    read = {message.text for message in messages(ROOT, DOCS / f"{docname}.md")}
    assert read == msgids(LOCALES / f"{docname}.po")


def test_todays_pages_have_all_their_english():
    assert list(check_untranslated(ROOT)) == []


# --- what the check reports --------------------------------------------------------------------


@pytest.fixture
def reworded(project: Path) -> Path:
    """The copy with « et » made « ainsi que » in one paragraph of the diagnostic page."""
    replace(project / DIAGNOSTIC, "maladie et un score", "maladie ainsi qu’un score")
    return project


def test_a_reworded_paragraph_is_reported_on_its_line_with_its_catalogue(reworded):
    line = line_of(reworded / DIAGNOSTIC, ANTIOXYDOGRAMME)
    assert checked(reworded) == [
        (
            f"{DIAGNOSTIC}:{line}: this paragraph has no English in {DIAGNOSTIC_PO} — run nox -s "
            "translate, then write its English in the msgstr of its entry (an entry marked #, fuzzy "
            "holds a guess made from the old French: correct it and delete the word fuzzy from that "
            "line)"
        )
    ]


def test_the_reworded_paragraph_passes_once_translated(reworded):
    old = paragraph(ROOT / DIAGNOSTIC, ANTIOXYDOGRAMME)
    po = reworded / DIAGNOSTIC_PO
    add_entry(po, paragraph(reworded / DIAGNOSTIC, ANTIOXYDOGRAMME), english(po, old))
    assert checked(reworded) == []


def test_an_english_identical_to_the_french_counts_as_translated(reworded):
    """A message may be translated by itself (a name, a link to a page)."""
    new = paragraph(reworded / DIAGNOSTIC, ANTIOXYDOGRAMME)
    add_entry(reworded / DIAGNOSTIC_PO, new, new)
    assert checked(reworded) == []


@pytest.mark.parametrize(
    ("page", "anchor", "new", "said"),
    [
        ("recherche/diagnostic", "## Les équipements", "## Une nouvelle section\n\nDu texte neuf.\n\n",
         "this heading has no English"),
        ("recherche/diagnostic", "- Quels modèles", "- Une question de plus ?\n",
         "this list item has no English"),
    ],
)  # fmt: skip
def test_a_new_block_is_reported_on_its_line(project, page, anchor, new, said):
    path = project / "docs" / f"{page}.md"
    replace(path, anchor, new + anchor)
    line = line_of(path, new.split("\n")[0])
    problems = checked(project)
    assert problems[0].startswith(f"docs/{page}.md:{line}: {said} in ")
    assert f"docs/locales/en/LC_MESSAGES/{page}.po — run nox -s translate" in problems[0]


def test_a_changed_glossary_definition_is_reported_on_its_line(project):
    replace(project / "docs/glossaire.md", "Enzyme qui neutralise", "Enzyme qui détruit")
    line = line_of(project / "docs/glossaire.md", "  Enzyme qui détruit")
    assert [p.split(" in ")[0] for p in checked(project)] == [
        (f"docs/glossaire.md:{line}: this definition has no English")
    ]


def test_a_changed_diagram_label_is_reported_on_the_directive_line(project):
    replace(project / "docs/recherche/schemas/niche.svg", ">Os<", ">L’os<")
    line = line_of(project / "docs/recherche/niche.md", "```{diagram}")
    assert [p.split(" — ")[0] for p in checked(project)] == [
        (
            f"docs/recherche/niche.md:{line}: niche.svg: the text « L’os » has no English in "
            "docs/locales/en/LC_MESSAGES/recherche/niche.po"
        )
    ]


def test_a_fuzzy_entry_is_reported_with_its_place_in_the_catalogue(project):
    po = project / DIAGNOSTIC_PO
    replace(po, 'msgid "Les équipements"', '#, fuzzy\nmsgid "Les équipements"')
    heading = line_of(project / DIAGNOSTIC, "## Les équipements")
    entry = line_of(po, 'msgid "Les équipements"')
    assert checked(project) == [
        (
            f"{DIAGNOSTIC}:{heading}: the English of this heading is out of date: its entry at "
            f"{DIAGNOSTIC_PO}:{entry} is marked fuzzy (the French changed) — correct the msgstr to "
            "say what the French says now, then delete the word fuzzy from its '#, fuzzy' line "
            "('#, fuzzy, python-brace-format' becomes '#, python-brace-format')"
        )
    ]


def test_an_empty_translation_is_reported(project):
    po = project / DIAGNOSTIC_PO
    replace(po, 'msgid "Les équipements"\nmsgstr "Equipment"', 'msgid "Les équipements"\nmsgstr ""')
    entry = line_of(po, 'msgid "Les équipements"')
    assert [p.split(" — ")[0] for p in checked(project)] == [
        (
            f"{DIAGNOSTIC}:{line_of(project / DIAGNOSTIC, '## Les équipements')}: this heading has "
            f"no English yet: its msgstr at {DIAGNOSTIC_PO}:{entry} is empty"
        )
    ]


def test_a_page_without_catalogue_is_one_problem(project):
    (project / "docs/equipe/nouvelle.md").write_text("# Une page\n\nSon texte.\n", "utf-8")
    assert checked(project) == [
        (
            "docs/equipe/nouvelle.md:1: this page has no English catalogue "
            "(docs/locales/en/LC_MESSAGES/equipe/nouvelle.po) — run nox -s translate, then write the "
            "English of every entry of the catalogue it creates"
        )
    ]


# --- nox -s translate --------------------------------------------------------------------------


def test_the_report_lists_what_is_left_and_fails(reworded, capsys):
    assert translation.main(["--root", str(reworded)]) == 1
    line = line_of(reworded / DIAGNOSTIC, ANTIOXYDOGRAMME)
    assert f"\n{DIAGNOSTIC}:{line}: this paragraph has no English in" in capsys.readouterr().out
    assert translation.main(["--root", str(ROOT)]) == 0


def test_a_hand_edited_entry_is_rewrapped_the_way_the_translate_session_writes_it(project):
    po = project / DIAGNOSTIC_PO
    written = po.read_text(encoding="utf-8")
    # The English of the first paragraph, typed on one line as an editor would leave it.
    start = written.index('msgstr ""\n"Several members')
    end = written.index("\n\n", start)
    one_line = "".join(line.strip().strip('"') for line in written[start:end].splitlines()[1:])
    po.write_text(f'{written[:start]}msgstr "{one_line}"{written[end:]}', encoding="utf-8")
    assert po.read_text(encoding="utf-8") != written
    assert translation.main(["--wrap", "--root", str(project)]) == 0
    assert po.read_text(encoding="utf-8") == written
    assert translation.wrap(project) == []  # wrapped: the lint hook passes


# --- the English build -------------------------------------------------------------------------


@pytest.mark.slow
def test_the_english_build_fails_on_the_french_line_and_marks_the_french(reworded):
    build = build_copy(reworded, "en")
    line = line_of(reworded / DIAGNOSTIC, ANTIOXYDOGRAMME)
    assert build.returncode != 0
    assert f"{DIAGNOSTIC}:{line}: WARNING: this paragraph has no English in {DIAGNOSTIC_PO}" in (
        build.log
    )
    # Written all the same (the preview shows it): the French marked as French, and said so.
    page = build.soup("en", "recherche/diagnostic.html")
    (french,) = page.select("article [lang=fr]")
    assert french.name == "p"
    assert " ".join(french.get_text().split()).startswith("L’antioxydogramme, mis au point")
    assert page.select_one(".lnox-translation-in-progress").get_text(" ", strip=True) == (
        "Translation in progress Parts of this page are not translated yet: they are in French."
    )


# --- the built site ----------------------------------------------------------------------------

# The blocks of text of a page, and what the site writes itself in every language (lists of
# publications and references, theme cards, the team's history), which the catalogues do not
# translate.
BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, td, th, figcaption, caption, title, desc, text"
GENERATED = (
    ".lnox-publications, .lnox-references, .footnote-list, .lnox-cards, .lnox-timeline, aside"
)
WORD = re.compile(r"\w+")


def page_blocks(site, language: str, page: Path) -> dict[str, str]:
    """The text of each block of the page's article that is not marked French, by its text."""
    article = site.soup(language, page).select_one("article")
    if article is None:
        return {}
    # A copy: the page's tree is shared with the other tests.
    article = copy.copy(article)
    for generated in article.select(GENERATED):
        generated.decompose()
    texts = {}
    for block in article.select(BLOCKS):
        marked = block.select_one("[lang=fr]") is not None
        for element in [block, *block.parents]:
            if element is article:
                break
            marked = marked or element.get("lang") == "fr"
        if not marked:
            texts[" ".join(block.get_text(" ").split())] = block.name
    return texts


def french_only_words(docname: str) -> set[str]:
    """The words of the page's French messages that its English never uses: a block of the
    English page that has one is French. Names, numbers, identifiers and titles cited as they are
    are in the English too, and are not French-only."""
    with (LOCALES / f"{docname}.po").open("rb") as handle:
        entries = [m for m in read_po(handle) if m.id]
    words = {w.lower() for m in entries if m.string != m.id for w in WORD.findall(m.id)}
    return words - {w.lower() for m in entries for w in WORD.findall(m.string)}


def repeated(french: dict[str, str], english: dict[str, str], only: set[str]) -> list[str]:
    """The blocks of ``english`` that are blocks of ``french`` with a French-only word."""
    return [
        f"<{tag}>: « {text} »"
        for text, tag in english.items()
        if text in french and only & {w.lower() for w in WORD.findall(text)}
    ]


def test_no_english_page_repeats_a_french_block(site):
    found, seen = [], []
    for docname in PAGES:
        page = Path(f"{docname}.html")
        french, only = page_blocks(site, "fr", page), french_only_words(docname)
        found += [f"en/{page} repeats the French {block}" for block in
                  repeated(french, page_blocks(site, "en", page), only)]  # fmt: skip
        # The same comparison finds the French page's own blocks: it can see French.
        seen += [docname] if repeated(french, french, only) else []
    assert seen == [docname for docname in PAGES if french_only_words(docname)]
    assert not found, (
        'English pages show French outside lang="fr" (run nox -s translate and write the English '
        "of these messages):\n" + "\n".join(found)
    )
