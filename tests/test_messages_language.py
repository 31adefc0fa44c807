"""What a contributor is told comes in the contributor's language: French on a French system,
English otherwise, ``LNOX_LANGUAGE`` to choose; the same file, line and fix in both. The French
expected here is written by hand, not read from the catalogue."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import with_kept_results

# An entry whose year is not one, added at the end of references.bib.
ENTRY = "@misc{essai2020,\n  title = {Essai},\n  year = {20x1},\n}\n"


def _environment(**variables: str) -> dict[str, str]:
    """The environment of a command run on a system whose locale is ``variables``."""
    environ = {
        name: value
        for name, value in os.environ.items()
        if name not in ("LNOX_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
    }
    return environ | variables


def _run(project: Path, module: str, *args: str, **variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=project, env=_environment(**variables), capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.fixture
def mistaken(project: Path) -> tuple[Path, int]:
    """The project with a year that is not one; the line of that year."""
    bib = project / "references.bib"
    text = bib.read_text(encoding="utf-8")
    text += "" if text.endswith("\n") else "\n"
    bib.write_text(text + "\n" + ENTRY, encoding="utf-8")
    return with_kept_results(project), len(text.splitlines()) + 1 + 3


@pytest.mark.parametrize(
    ("locale", "expected", "summary"),
    [
        (
            {"LANG": "fr_FR.UTF-8"},
            "essai2020: '20x1' n’est pas une année — écrivez quatre chiffres : year = {2021}",
            "1 problème trouvé.",
        ),
        (
            {"LANG": "C"},
            "essai2020: '20x1' is not a year — write four digits: year = {2021}",
            "1 problem found.",
        ),
        (
            {"LANG": "fr_FR.UTF-8", "LNOX_LANGUAGE": "en"},
            "essai2020: '20x1' is not a year — write four digits: year = {2021}",
            "1 problem found.",
        ),
        (
            {"LANG": "C", "LNOX_LANGUAGE": "fr"},
            "essai2020: '20x1' n’est pas une année — écrivez quatre chiffres : year = {2021}",
            "1 problème trouvé.",
        ),
    ],
    ids=["French system", "English system", "English chosen", "French chosen"],
)
def test_check_speaks_the_contributors_language(mistaken, locale, expected, summary):
    project, line = mistaken
    result = _run(project, "lnox_site.check", str(project), **locale)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [f"references.bib:{line}: {expected}", summary]


def test_kept_results_are_not_served_in_the_other_language(mistaken):
    """The second run reads the results kept by the first (lnox_site.checks.kept)."""
    project, _ = mistaken
    french = _run(project, "lnox_site.check", str(project), LNOX_LANGUAGE="fr")
    english = _run(project, "lnox_site.check", str(project), LNOX_LANGUAGE="en")
    again = _run(project, "lnox_site.check", str(project), LNOX_LANGUAGE="fr")
    assert "n’est pas une année" in french.stdout
    assert "is not a year" in english.stdout
    assert again.stdout == french.stdout


def test_the_summary_counts_problems_in_words(mistaken):
    project, _ = mistaken
    bib = project / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("{Essai}", "{}"), encoding="utf-8")
    assert _run(project, "lnox_site.check", ".", LANG="C").stdout.splitlines()[-1] == (
        "2 problems found."
    )
    assert _run(project, "lnox_site.check", ".", LANG="fr_FR.UTF-8").stdout.splitlines()[-1] == (
        "2 problèmes trouvés."
    )


@pytest.mark.parametrize(
    ("language", "said", "comment"),
    [("fr", "ajouté à la fin de", " : voir le haut de ce fichier"),
     ("en", "appended to", ": see the top of this file")],
)  # fmt: skip
def test_new_person_is_appended_with_comments_in_the_language(project, language, said, comment):
    people = project / "docs" / "_data" / "people.yaml"
    result = _run(project, "lnox_site.new", "person", "Camille Essai", LNOX_LANGUAGE=language)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{said} {people}\n"
    added = people.read_text(encoding="utf-8").split("- name: Camille Essai\n", 1)[1]
    status = added.splitlines()[0]
    assert status.startswith("  status: member  # leader, member")
    assert status.endswith(comment)


@pytest.mark.parametrize(
    ("language", "comments"),
    [
        ("fr", ["# Sujets possibles : ", "# themes: []    (thèmes de recherche liés : "]),
        ("en", ["# Possible tags: ", "# themes: []    (related research themes: "]),
    ],
)
def test_new_post_comments_are_in_the_language(project, language, comments):
    result = _run(
        project, "lnox_site.new", "news", "Essai de langue", "prix", "--date", "2031-05-04",
        LNOX_LANGUAGE=language,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    post = project / "docs" / "actualites" / "2031" / "2031-05-04-essai-de-langue.md"
    lines = post.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["---", "date: 2031-05-04"]
    for comment in comments:
        assert any(line.startswith(comment) for line in lines), lines
