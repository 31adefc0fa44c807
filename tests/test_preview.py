"""The live preview (``nox -s serve``) builds incrementally and never writes in the sources it
watches, so that it stays quiet when nobody edits."""

from __future__ import annotations

import queue
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import LANGUAGES, run_build

from lnox_site import preview

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


@pytest.mark.slow
def test_builds_write_nothing_in_the_sources(project):
    """Neither the preview's builds nor `nox -s docs`'s write beside the sources (Sphinx compiled
    the catalogues there, and the preview took each .mo written for an edit)."""
    before = snapshot(project / "docs")
    for language in LANGUAGES:
        preview_build = subprocess.run(
            [sys.executable, "-m", "sphinx", "build", *preview.sphinx_arguments(project, language)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert preview_build.returncode == 0, preview_build.stdout + preview_build.stderr
    # `nox -s docs` and the tests build the same way as each other (French is enough here: the
    # catalogues of both languages went through the preview's builds).
    site = run_build(project / "docs", project / "html", "--language", "fr")
    assert site.returncode == 0, site.log
    assert snapshot(project / "docs") == before


class Preview:
    """``python -m lnox_site.preview`` running on a project copy, its output read line by line."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lnox_site.preview", "--port", "0", "--root", str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_for(r"Serving on (http://\S+)")[1]
        self.wait_for(r"Waiting to detect changes")

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(re.sub(r"\x1b\[[0-9;]*m", "", line))

    def wait_for(self, pattern: str, timeout: float = PATIENCE) -> re.Match[str] | None:
        """The first line of output from now on that matches, None when none came in time."""
        end = time.monotonic() + timeout
        while (left := end - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            self.log.append(line)
            if match := re.search(pattern, line):
                return match
        return None

    def page(self, path: str) -> str:
        with urllib.request.urlopen(f"{self.url}/{path}", timeout=10) as response:
            return response.read().decode("utf-8")

    def wait_for_page(self, path: str, text: str) -> bool:
        end = time.monotonic() + PATIENCE
        while time.monotonic() < end:
            if text in self.page(path):
                return True
            time.sleep(0.2)
        return False

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def running(project: Path):
    server = Preview(project)
    yield server
    server.stop()


def _idle(server: Preview) -> None:
    rebuild = server.wait_for("Detected changes|Rebuilding", timeout=IDLE)
    assert rebuild is None, "".join(server.log[-20:])


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

    # A sentence added to a theme page: the page served shows it.
    page = project / THEME_PAGE
    title = re.search(r"^# .*$", page.read_text(encoding="utf-8"), re.MULTILINE)[0]
    sentence = "Une phrase ajoutée pendant l’aperçu."
    page.write_text(
        page.read_text(encoding="utf-8").replace(title, f"{title}\n\n{sentence}", 1),
        encoding="utf-8",
    )
    served = THEME_PAGE.relative_to("docs").with_suffix(".html").as_posix()
    assert running.wait_for_page(served, sentence), "".join(running.log[-30:])
    assert running.wait_for("Serving on"), "".join(running.log[-30:])
    _idle(running)

    # A new post: the news index lists it without a restart.
    post, text = _new_post(project)
    post.write_text(text, encoding="utf-8")
    listed = running.wait_for_page("actualites/index.html", NEW_TITLE)
    assert listed, "".join(running.log[-30:])
    assert running.process.poll() is None
