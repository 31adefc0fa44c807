"""The bibliography lint: every mistake in references.bib or in a citation is reported with its
file, line, key and fix, all at once, and stops the build before any page is written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build_copy, checked

from lnox_site.checks.bibliography import check_bibliography, check_citations, problems_of
from lnox_site.content.bibfile import scan
from lnox_site.content.paths import THEMES
from lnox_site.content.references import read
from lnox_site.content.vocabulary import load

BIB = ROOT / "references.bib"
KEY = "kouzi2020oncogene"  # a team entry with every field


def line_of(text: str, pattern: str, after: int = 0) -> int:
    """1-based number of the first line matching ``pattern`` from line ``after`` on."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number >= after and re.search(pattern, line):
            return number
    raise AssertionError(pattern)


def entry_line(text: str, key: str = KEY) -> int:
    return line_of(text, rf"^@\w+\{{{key},")


def test_the_project_is_clean():
    assert check_bibliography(ROOT) == []
    assert list(check_citations(ROOT)) == []


def test_every_entry_is_read_with_its_line():
    text = BIB.read_text(encoding="utf-8")
    entries = scan(text).entries
    assert len(entries) == text.count("\n@")
    for entry in entries:
        assert text.splitlines()[entry.line - 1].startswith(f"@{entry.type}{{{entry.key},")


# The bad inputs: how to break the project's references.bib, and the line, key and words of the
# message each must produce.
def drop_closing_brace(text: str) -> tuple[str, int, str, str]:
    start = entry_line(text)
    closing = line_of(text, r"^\}$", after=start)
    lines = text.splitlines(keepends=True)
    del lines[closing - 1]
    return "".join(lines), closing - 1, KEY, "not closed"


def duplicate_key(text: str) -> tuple[str, int, str, str]:
    copy = (
        f"\n@article{{{KEY},\n  title = {{Another}},\n  journal = {{J}},\n  year = {{2020}}\n}}\n"
    )
    return (
        text + copy,
        text.count("\n") + 2,
        KEY,
        f"already used by the entry at line {entry_line(text)}",
    )


def doi_as_url(text: str) -> tuple[str, int, str, str]:
    doi = "10.1038/s41388-019-1069-y"
    broken = text.replace(f"{{{doi}}}", f"{{https://doi.org/{doi}}}", 1)
    return broken, line_of(text, re.escape(doi)), KEY, f"doi = {{{doi}}}"


def no_year(text: str) -> tuple[str, int, str, str]:
    year = line_of(text, r"^\s*year\s*=", after=entry_line(text))
    lines = text.splitlines(keepends=True)
    del lines[year - 1]
    return "".join(lines), entry_line(text), KEY, "no year"


def unknown_keyword(text: str) -> tuple[str, int, str, str]:
    line = line_of(text, r"^\s*keywords\s*=", after=entry_line(text))
    broken = text.replace("keywords = {niche,", "keywords = {gap-junction, niche,", 1)
    return broken, line, KEY, "did you mean 'gap-junctions'?"


def missing_comma(text: str) -> tuple[str, int, str, str]:
    """The comma between ``journal`` and ``year`` left out (BibTeX sees a stray 'y')."""
    journal = line_of(text, r"^\s*journal\s*=", after=entry_line(text))
    lines = text.splitlines(keepends=True)
    assert lines[journal].lstrip().startswith("year")
    lines[journal - 1] = lines[journal - 1].replace("},\n", "}\n")
    words = "a comma is missing after the field 'journal', before the field 'year'"
    return "".join(lines), journal, KEY, words


BIB_CASES = {
    "missing-closing-brace": drop_closing_brace,
    "duplicate-key": duplicate_key,
    "doi-as-url": doi_as_url,
    "no-year": no_year,
    "missing-comma": missing_comma,
    "keyword-outside-vocabulary": unknown_keyword,
}


def assert_reported(lines: list[str], place: str, key: str, words: str) -> None:
    """``place: key:`` is named with ``words`` and a fix."""
    reported = [line for line in lines if line.startswith(f"{place}: {key}: ")]
    assert any(words in line and " — " in line for line in reported), lines


def assert_fails_before_writing(project: Path, place: str, key: str, words: str) -> None:
    build = build_copy(project)
    assert build.returncode != 0
    assert_reported(build.log.splitlines(), place, key, words)
    assert not list((project / "html" / "fr").rglob("*.html")), "a page was written"


def break_bibliography(project: Path, case: str) -> tuple[str, str, str]:
    """Make the mistake ``case`` in the copy's references.bib; the place, key and words of its
    message."""
    bib = project / "references.bib"
    text, line, key, words = BIB_CASES[case](bib.read_text(encoding="utf-8"))
    bib.write_text(text, encoding="utf-8")
    return f"references.bib:{line}", key, words


@pytest.mark.parametrize("case", BIB_CASES)
def test_bad_bibliography_is_reported(project, case):
    place, key, words = break_bibliography(project, case)
    assert_reported(checked(project), place, key, words)


@pytest.mark.slow
def test_bad_bibliography_stops_the_build_before_writing(project):
    """The build runs the same checks before it writes a page: one mistake proves it."""
    assert_fails_before_writing(project, *break_bibliography(project, "no-year"))


def test_latin1_file_is_reported(project):
    bib = project / "references.bib"
    text = bib.read_text(encoding="utf-8").replace("{\\'e}", "é")
    bib.write_bytes(text.encode("latin-1", errors="replace"))
    first = line_of(text, "é")
    key = scan(text).entry_at(first)
    assert_reported(checked(project), f"references.bib:{first}", key, "not valid UTF-8")


@pytest.mark.parametrize("role", ["cite:p", "footcite:p"])
def test_unknown_key_in_a_page_is_reported(project, role):
    page = project / "docs" / "recherche" / "essai.md"
    page.write_text(
        f"# Essai\n\nVu {{{role}}}`kouzi2020oncogen`.\n\n```{{footbibliography}}\n```\n"
    )
    assert_reported(
        checked(project),
        "docs/recherche/essai.md:3",
        "kouzi2020oncogen",
        "did you mean 'kouzi2020oncogene'?",
    )


# Unit checks of the messages, on small files.
def problems(tmp_path: Path, text: str) -> list[str]:
    bib = tmp_path / "references.bib"
    bib.write_text(text, encoding="utf-8")
    return [str(problem) for problem in problems_of(bib, set(load(ROOT).keywords))]


ENTRY = "@article{a2020j,\n  title = {T},\n  journal = {J},\n  year = {2020}\n}\n"


def test_all_problems_are_reported_at_once(tmp_path):
    text = ENTRY.replace("year = {2020}", "year = {3020},\n  doi = {doi:10.1/x}") + ENTRY
    found = problems(tmp_path, text)
    assert any(
        p.startswith("references.bib:4: a2020j: the year 3020 is not plausible") for p in found
    )
    assert any(p.startswith("references.bib:5: a2020j: DOI written as a URL") for p in found)
    assert any(p.startswith("references.bib:7: a2020j: the key is already used") for p in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@article{a,\n  title = {T,\n  journal = {J},\n  year = {2020}\n}\n",
         "references.bib:2: a: the value of 'title' is missing its closing brace"),
        ("@article{a,\n  title = {T}},\n  journal = {J},\n  year = {2020}\n}\n",
         "references.bib:2: a: text with braces after the end of the entry"),
        ("@article{a,\n  title = {T}\n  journal = {J},\n  year = {2020}\n}\n",
         ("references.bib:2: a: a comma is missing after the field 'title', before the field "
          "'journal' — put a comma at the end of the title value")),
        ("@article{a,\n  title = {T} {U},\n  year = {2020}\n}\n",
         "references.bib:2: a: unexpected '{' after the value of 'title'"),
        ("@book{a,\n  title = {T},\n  year = {2020}\n}\n",
         "references.bib:1: a: @book entries are not rendered by the site"),
        ("@phdthesis{a,\n  title = {T},\n  year = {2020}\n}\n",
         "references.bib:1: a: no author (required for @phdthesis) — add author = {Surname"),
        ("@article{a b,\n  title = {T}\n}\n", "references.bib:1: a: no comma after the key 'a'"),
        ("% see @article in the text\n" + ENTRY,
         "references.bib:1: BibTeX reads '@article' as the start of an entry"),
        (ENTRY.replace("2020}", "2020},\n  author = {Doe, J., Jr., X}"),
         "references.bib:5: a2020j: author: a name has 3 commas (at most two"),
        (ENTRY.replace("2020}", "2020},\n  author = {Kouzi, Farah and and Zibara, Kazem}"),
         "references.bib:5: a2020j: author: the list has an empty name"),
        (ENTRY.replace("2020}", "2020},\n  author = {Kouzi, Farah and Zibara, Kazem and}"),
         "references.bib:5: a2020j: author: the list has an empty name"),
        (ENTRY.replace("2020}", "2020},\n  editor = {and Kouzi, Farah}"),
         "references.bib:5: a2020j: editor: the list has an empty name"),
        (ENTRY.replace("2020}", "2020},\n  author = {Kouzi, Farah and {}}"),
         "references.bib:5: a2020j: author: the list has an empty name"),
        (ENTRY.replace("{J}", "{J},\n  doi = {11.5/x}"), "references.bib:4: a2020j: '11.5/x' is not a DOI"),
    ],
)  # fmt: skip
def test_message(tmp_path, text, expected):
    assert any(p.startswith(expected) for p in problems(tmp_path, text)), problems(tmp_path, text)


def test_well_formed_name_lists_pass(tmp_path):
    author = "{Kouzi and Zibara}, F. and B{\\'e}n{\\'e}, Marie C. and {Groupe FILO} and others"
    assert problems(tmp_path, ENTRY.replace("2020}", f"2020}},\n  author = {{{author}}}")) == []


def test_citations_in_code_examples_are_ignored(tmp_path):
    (tmp_path / "references.bib").write_text(ENTRY, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    page = (
        "# P\n\n```\n{cite:p}`nothing`\n```\n\n{footcite:p}`a2020j`\n\n```{footbibliography}\n```\n"
    )
    (tmp_path / "docs" / "page.md").write_text(page, encoding="utf-8")
    assert list(check_citations(tmp_path)) == []


@pytest.mark.parametrize(
    "example",
    [
        "Écrivez ``{cite:p}`nothing` `` pour citer.",  # a code span
        "Par exemple :\n\n    {cite:p}`nothing`",  # an indented code block
        "````md\n```{bibliography}\n```\n{cite:p}`nothing`\n````",  # a fence around a fence
    ],
)
def test_citation_syntax_shown_as_code_is_not_read(tmp_path, example):
    (tmp_path / "references.bib").write_text(ENTRY, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    page = f"# P\n\n{example}\n\nLe texte {{footcite:p}}`a2020j`.\n\n```{{footbibliography}}\n```\n"
    (tmp_path / "docs" / "page.md").write_text(page, encoding="utf-8")
    assert list(check_citations(tmp_path)) == []


def test_a_citation_after_the_last_reference_list_is_reported(tmp_path):
    (tmp_path / "references.bib").write_text(ENTRY, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    page = "# P\n\n```{footbibliography}\n```\n\n{footcite:t}`a2020j`\n"
    (tmp_path / "docs" / "page.md").write_text(page, encoding="utf-8")
    [problem] = check_citations(tmp_path)
    assert str(problem).startswith("docs/page.md:6: no {footbibliography} after this citation")


def test_a_bibliography_directive_is_refused(tmp_path):
    (tmp_path / "references.bib").write_text(ENTRY, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# P\n\n```{bibliography}\n```\n", encoding="utf-8")
    [problem] = check_citations(tmp_path)
    assert str(problem).startswith("docs/page.md:3: a {bibliography} list would repeat entries")


def test_a_broken_file_is_still_read_for_the_other_checks(tmp_path):
    bib = tmp_path / "references.bib"
    broken = ENTRY + ENTRY + ENTRY.replace("a2020j", "b2021j").replace("{T}", "{Tr\xe9s}")
    bib.write_bytes(broken.encode("latin-1"))
    (tmp_path / "docs" / "_data").mkdir(parents=True)
    shutil.copy(ROOT / THEMES, tmp_path / THEMES)
    assert set(read(tmp_path)) == {"a2020j", "b2021j"}
