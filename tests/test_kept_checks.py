"""The checks' results kept per file (lnox_site.checks.kept): a run with kept results reports what a
run from nothing reports, and re-checks only the files that changed, by content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lnox_site import checks
from lnox_site.checks import kept

PAGE = "docs/contact.md"
STORE = "docs/_build/.checks"


def _run(project: Path) -> tuple[list[str], set[tuple[str, str]]]:
    """What a run reports, and the (kind, file) whose result it computed rather than kept."""
    results = kept.Kept(project)
    problems = [str(problem) for problem in checks.run(project, results=results)]
    return problems, set(results.computed)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_kept_results_report_what_a_run_from_nothing_reports(project: Path) -> None:
    first, computed = _run(project)
    assert first == []
    assert ("untranslated", PAGE) in computed
    assert _run(project) == ([], set())  # every result kept
    # Mistakes in several files, one of them (the bibliography) read by the checks of others.
    _edit(project / "docs/recherche/diagnostic.md", "ravalet2018bloodabstract", "ravalet2018blod")
    _append(project / PAGE, "\nUn taux de 95\n% perdu.\n")
    (project / "docs/locales/en/LC_MESSAGES/glossaire.po").unlink()
    _append(
        project / "references.bib", "\n@misc{nouveau2020,\n  title = {T},\n  year = {20x0},\n}\n"
    )
    kept_run, computed = _run(project)
    assert ("comments", "docs/recherche/diagnostic.md") in computed
    shutil.rmtree(project / STORE)
    assert _run(project)[0] == kept_run
    assert [problem.split(" — ")[0] for problem in kept_run] == [
        f"{PAGE}:25: this paragraph has no English in docs/locales/en/LC_MESSAGES/contact.po",
        f"{PAGE}:26: this line starts with % and would disappear from the page (MyST comment)",
        (
            "docs/glossaire.md:1: this page has no English catalogue "
            "(docs/locales/en/LC_MESSAGES/glossaire.po)"
        ),
        (
            "docs/recherche/diagnostic.md:20: this paragraph has no English in "
            "docs/locales/en/LC_MESSAGES/recherche/diagnostic.po"
        ),
        (
            "docs/recherche/diagnostic.md:24: ravalet2018blod: unknown BibTeX key in {footcite} "
            "(did you mean 'ravalet2018bloodabstract'?)"
        ),
        "references.bib:976: nouveau2020: '20x0' is not a year",
    ]


def test_an_edited_page_is_the_only_file_read_again_and_its_old_text_is_kept(project: Path) -> None:
    _run(project)
    _edit(project / PAGE, "# ", "# Nous contacter — ")
    problems, computed = _run(project)
    assert {name for _, name in computed} == {PAGE}
    assert ("untranslated", PAGE) in computed
    assert f"{PAGE}:1: " in "".join(problems)
    _edit(project / PAGE, "# Nous contacter — ", "# ")  # as a git checkout restores it
    assert _run(project) == ([], set())


def test_a_page_is_read_again_when_its_catalogue_changes(project: Path) -> None:
    _run(project)
    _append(project / "docs/locales/en/LC_MESSAGES/contact.po", "\n# a translator's note\n")
    _, computed = _run(project)
    assert ("untranslated", PAGE) in computed
    assert ("comments", PAGE) not in computed


def test_a_change_of_the_code_reads_everything_again(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = shutil.copytree(kept.CODE, tmp_path / "lnox_site")
    monkeypatch.setattr(kept, "CODE", code)
    _run(project)
    assert _run(project)[1] == set()
    _append(code / "checks" / "comments.py", "\n# a new line of the site's code\n")
    _, computed = _run(project)
    assert {
        ("comments", PAGE),
        ("untranslated", PAGE),
        ("bibliography", "references.bib"),
    } <= computed


def test_a_theme_page_is_checked_again_when_it_changes_and_only_then(project: Path) -> None:
    theme = "docs/recherche/niche.md"
    _run(project)
    assert ("theme page", theme) not in _run(project)[1]
    _append(project / theme, "\nUne phrase de plus.\n")
    assert ("theme page", theme) in _run(project)[1]
    assert ("theme page", "docs/recherche/jonctions-gap.md") not in _run(project)[1]
