"""Mistakes that used to pass unnoticed stop `nox -s check` and the build, each with its file, line
and fix: a line lost as a MyST comment, a translated figure or role target that differs from the
French, a malformed author list, a file that is not UTF-8, a theme page without glossary link or
source, a diagram whose text alternative is a bare name.

All the mistakes are made in one copy of the project, each in a file of its own, so that one run
of the checks (in process) and one build show every message; the place each message must point to
is read from the copy's files."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, build_copy, checked, copy_project

from lnox_site.checks import comments, diagrams, themes
from lnox_site.checks import translations as translation_check
from lnox_site.checks.bibliography import check_bibliography

CATALOGUES = Path("docs") / "locales" / "en" / "LC_MESSAGES"
PESTICIDES = CATALOGUES / "actualites" / "2021" / "2021-01-21-pesticides-et-risque-de-lam.po"
NICHE = CATALOGUES / "recherche" / "niche.po"


def line_of(path: Path, needle: str, start: int = 1) -> int:
    """The 1-based line of the first line holding ``needle`` at or after line ``start``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n >= start and needle in line)


def edit(path: Path, old: str, new: str, encoding: str = "utf-8") -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {path}"
    path.write_text(text.replace(old, new, 1), encoding=encoding)


def wrapped_percent(root: Path) -> str:
    page = root / "docs" / "recherche" / "environnement.md"
    line = line_of(page, "à 95 %") + 1
    edit(page, "à 95 %\n", "à 95\n% ")
    return f"docs/recherche/environnement.md:{line}: this line starts with % and would disappear"


def wrong_figure(root: Path) -> str:
    msgstr = line_of(root / PESTICIDES, "msgstr", start=line_of(root / PESTICIDES, "1,51"))
    edit(root / PESTICIDES, "odds ratio 1.51;", "odds ratio 1.58;")
    return f"{PESTICIDES.as_posix()}:{msgstr}: the French says 1,51, the English 1.58"


def wrong_term(root: Path) -> str:
    translated = "the {term}`niches <niche>`. When"  # in the msgstr, which follows its msgid
    msgstr = line_of(root / NICHE, "msgstr", start=line_of(root / NICHE, "{term}`niches <niche>`"))
    assert line_of(root / NICHE, translated) > msgstr
    edit(root / NICHE, translated, translated.replace("<niche>", "<nich>"))
    return (
        f"{NICHE.as_posix()}:{msgstr}: the French has {{term}}`niche`, the English {{term}}`nich`"
    )


def empty_author(root: Path) -> str:
    bib = root / "references.bib"
    line = line_of(bib, "Kouzi, Farah and ")
    edit(bib, "Kouzi, Farah and ", "Kouzi, Farah and and ")
    key = re.findall(r"@\w+\{([^,]+),", "\n".join(bib.read_text("utf-8").splitlines()[:line]))[-1]
    return f"references.bib:{line}: {key}: author: the list has an empty name"


def latin1(relative: str, encoding: str = "latin-1") -> Callable[[Path], str]:
    def save(root: Path) -> str:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        line = next(n for n, t in enumerate(text.splitlines(), 1) if not t.isascii())
        path.write_bytes(text.encode(encoding, errors="replace"))
        return f"{relative}:{line}: not valid UTF-8 — save the file as UTF-8"

    return save


def intro_without_term(root: Path) -> str:
    page = root / "docs" / "recherche" / "lipides.md"
    text = page.read_text(encoding="utf-8")
    line, intro = themes.introduction(text, root)
    assert "{term}`" in intro.content
    lines = text.splitlines()
    end = line
    while end < len(lines) and lines[end].strip():
        end += 1
    # The introduction, on one line, with the text of each glossary link kept and the link taken out.
    paragraph = " ".join(lines[line - 1 : end])
    lines[line - 1 : end] = [re.sub(r"\{term\}`([^`<]*?)\s*(?:<[^`]*>)?`", r"\1", paragraph)]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"docs/recherche/lipides.md:{line}: lipides: the introduction links no term"


def nothing_cited(root: Path) -> str:
    page = root / "docs" / "recherche" / "epigenetique.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"\s?\{footcite:[pt]\}`[^`]*`", "", text), encoding="utf-8")
    return "docs/recherche/epigenetique.md:1: epigenetique: the page cites no source"


def short_diagram_title(root: Path) -> str:
    page = root / "docs" / "recherche" / "jonctions-gap.md"
    svg = root / "docs" / "recherche" / "schemas" / "jonctions-gap.svg"
    title = re.search(r"<title>(.*?)</title>", svg.read_text(encoding="utf-8"), re.DOTALL)
    edit(svg, title.group(0), "<title>Jonctions gap</title>")
    line = line_of(page, "```{diagram} schemas/jonctions-gap.svg")
    return (
        f"docs/recherche/jonctions-gap.md:{line}: schemas/jonctions-gap.svg: "
        "the <title> 'Jonctions gap' is too short"
    )


MISTAKES = {
    "percent-line": wrapped_percent,
    "translated-figure": wrong_figure,
    "translated-term": wrong_term,
    "empty-author": empty_author,
    "latin-1-page": latin1("docs/contact.md"),
    "windows-1252-data": latin1("docs/_data/team.yaml", "cp1252"),
    "latin-1-catalogue": latin1(f"{CATALOGUES.as_posix()}/glossaire.po"),
    "intro-without-term": intro_without_term,
    "nothing-cited": nothing_cited,
    "short-diagram-title": short_diagram_title,
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The copy with every mistake made, and the expected message of each mistake."""
    root = copy_project(tmp_path_factory.mktemp("broken") / "project")
    return root, {name: make(root) for name, make in MISTAKES.items()}


@pytest.fixture(scope="module")
def reported(broken: tuple[Path, dict[str, str]]) -> list[str]:
    """What `nox -s check` reports for the broken copy."""
    return checked(broken[0])


@pytest.mark.parametrize("mistake", MISTAKES)
def test_mistake_stops_the_check_with_its_place(broken, reported, mistake):
    _, expected = broken
    assert any(line.startswith(expected[mistake]) for line in reported), reported


@pytest.mark.slow
def test_every_mistake_stops_the_build_with_its_place(broken):
    """The build runs the same checks before it reads a page: one build shows every message."""
    root, expected = broken
    build = build_copy(root)
    assert build.returncode != 0, build.log
    assert "Traceback" not in build.log
    lines = build.log.splitlines()
    missing = [
        m for m, message in expected.items() if not any(x.startswith(message) for x in lines)
    ]
    assert not missing, f"{missing} not in the log:\n{build.log}"


def test_todays_content_passes_these_checks():
    for check in (
        comments.check_comment_lines,
        translation_check.check_translations,
        themes.check_themes,
        diagrams.check_diagrams,
        check_bibliography,
    ):
        assert not list(check(ROOT)), check.__name__


@pytest.mark.parametrize(
    "missing",
    ["docs/_data/people.yaml", "docs/_data/team.yaml", "docs/_data/themes.yaml",
     "docs/_data/tags.yaml", "references.bib"],
)  # fmt: skip
def test_a_missing_data_file_is_a_problem_that_names_it(project, missing):
    (project / missing).unlink()
    named = [line for line in checked(project) if line.startswith(f"{missing}: ")]
    assert len(named) == 1
    assert "missing" in named[0]
