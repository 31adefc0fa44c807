"""The live preview (``nox -s serve``) builds incrementally and never writes in the sources it
watches, so that it stays quiet when nobody edits."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import LANGUAGES, run_build

from lnox_site import forked_builds, preview
from lnox_site.preview import Running

# How long the preview must stay idle without an edit, and how long an edit may take to show.
IDLE = 4.0
PATIENCE = 30.0
THEME_PAGE = Path("docs/recherche/niche.md")
NEWS_YEAR = Path("docs/actualites/2025")


def snapshot(docs: Path) -> dict[str, tuple[int, int]]:
    """Every file of docs/ outside the build folder, with its modification time and size."""
    build = preview.build_folder(docs.parent)
    return {
        path.relative_to(docs).as_posix(): (path.stat().st_mtime_ns, path.stat().st_size)
        for path in docs.rglob("*")
        if path.is_file() and build not in path.parents
    }


def preview_build(project: Path, language: str) -> subprocess.CompletedProcess[str]:
    """One build of the preview, as sphinx-autobuild starts it."""
    command = ["-m", "sphinx", "build", *preview.sphinx_arguments(project, language)]
    result = subprocess.run([sys.executable, *command], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.mark.slow
def test_builds_write_nothing_in_the_sources(project):
    """Neither the preview's builds nor `nox -s docs`'s write beside the sources (Sphinx compiled
    the catalogues there, and the preview took each .mo written for an edit)."""
    before = snapshot(project / "docs")
    for language in LANGUAGES:
        preview_build(project, language)
    # `nox -s docs` and the tests build the same way as each other (French is enough here: the
    # catalogues of both languages went through the preview's builds).
    site = run_build(project / "docs", project / "html", "--language", "fr")
    assert site.returncode == 0, site.log
    assert snapshot(project / "docs") == before

    # A build with nothing changed says so and nothing else: it neither finds the configuration
    # changed nor prints MyST's.
    # Without colour codes, which Sphinx adds when the terminal or the environment asks for them.
    again = re.sub(r"\x1b\[[0-9;]*m", "", preview_build(project, "fr").stdout)
    assert "updating environment: 0 added, 0 changed, 0 removed" in again
    assert "configuration has changed" not in again
    assert "MdParserConfig" not in again


def page(server: Running, path: str) -> str:
    with urllib.request.urlopen(f"{server.url}/{path}", timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for_page(server: Running, path: str, text: str) -> bool:
    """Whether the served page shows ``text`` within PATIENCE seconds: read again each time the
    preview says it serves the pages of a new build ("Serving on", once they are written)."""
    end = time.monotonic() + PATIENCE
    while (left := end - time.monotonic()) > 0 and server.wait_for("Serving on", left):
        if text in page(server, path):
            return True
    return False


@pytest.fixture
def running(project: Path):
    with Running(project, timeout=PATIENCE * 2) as server:
        yield server


def _idle(server: Running) -> None:
    rebuild = server.wait_for("Detected changes|Rebuilding", IDLE)
    assert rebuild is None, server.recent()


NEW_TITLE = "Essai de l’aperçu en direct"


def _new_post(project: Path) -> tuple[Path, str]:
    """A post dated after every other one, so that it heads the latest news."""
    dates = sorted(
        path.name[:10] for path in (project / "docs/actualites").rglob("????-??-??-*.md")
    )
    assert dates[-1] < "2025-12-31"
    post = project / NEWS_YEAR / "2025-12-31-essai-de-l-apercu-en-direct.md"
    text = f"---\ndate: 2025-12-31\ntags: [prix]\n---\n\n# {NEW_TITLE}\n\nUn paragraphe d’essai.\n"
    return post, text


@pytest.mark.slow
def test_the_preview_is_quiet_and_shows_each_edit(project, running):
    _idle(running)

    # A sentence added to a theme page, as a paragraph of its own before its first section: the
    # page served shows it.
    page = project / THEME_PAGE
    sentence = "Une phrase ajoutée pendant l’aperçu."
    text = page.read_text(encoding="utf-8")
    assert "\n## " in text
    page.write_text(text.replace("\n## ", f"\n{sentence}\n\n## ", 1), encoding="utf-8")
    served = THEME_PAGE.relative_to("docs").with_suffix(".html").as_posix()
    assert wait_for_page(running, served, sentence), running.recent()
    _idle(running)

    # A new post: the news index lists it without a restart.
    post, text = _new_post(project)
    post.write_text(text, encoding="utf-8")
    listed = wait_for_page(running, "actualites/index.html", NEW_TITLE)
    assert listed, running.recent()
    assert running.process.poll() is None


def test_a_build_prepared_before_the_save_builds_pages_only():
    """What a save changed decides: pages are built by the process that started Sphinx before
    the save; anything else Sphinx reads when it starts needs a build from scratch."""
    page, post = Path("docs/recherche/niche.md"), NEWS_YEAR / "2025-01-01-essai.md"
    assert forked_builds.only_pages([page, post])
    assert not forked_builds.only_pages([page, Path("references.bib")])
    assert not forked_builds.only_pages([Path("docs/locales/en/LC_MESSAGES/index.po")])
    assert not forked_builds.only_pages([Path("docs/_data/themes.yaml")])
    assert not forked_builds.only_pages([])
