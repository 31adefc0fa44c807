"""Shared fixtures: the site built once per run, temporary copies for bad-input builds, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LANGUAGES = ("fr", "en")
# The tests build with a site address of their own, to check that it reaches every absolute URL.
TEST_SITE_URL = "https://lnox.test/site/"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic",
]  # fmt: skip


@dataclass(frozen=True)
class Build:
    """The result of one ``python -m lnox_site.build`` run."""

    out: Path
    returncode: int
    log: str

    def pages(self, language: str) -> list[Path]:
        """Every HTML page of a language, as paths relative to its folder."""
        folder = self.out / language
        return sorted(p.relative_to(folder) for p in folder.rglob("*.html"))

    def html(self, language: str, page: str | Path) -> str:
        return (self.out / language / page).read_text(encoding="utf-8")

    def soup(self, language: str, page: str | Path) -> BeautifulSoup:
        return BeautifulSoup(self.html(language, page), "html.parser")


def run_build(source: Path, out: Path, *options: str, env: dict[str, str] | None = None) -> Build:
    command = [sys.executable, "-m", "lnox_site.build", str(source), str(out), *options]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={**os.environ, "LNOX_SITE_URL": TEST_SITE_URL, **(env or {})},
        check=False,
    )
    return Build(out, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Both languages of the real site, built once for the whole run."""
    build = run_build(DOCS, tmp_path_factory.mktemp("site") / "html")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project (pages, data, bibliography) to break on purpose."""
    copy = tmp_path / "project"
    shutil.copytree(
        DOCS, copy / "docs", ignore=shutil.ignore_patterns("_build", "*.mo", "__pycache__")
    )
    shutil.copy2(ROOT / "references.bib", copy / "references.bib")
    return copy


def build_copy(project: Path, language: str = "fr") -> Build:
    """Build one language of a project copy, the way `nox -s docs` does."""
    return run_build(project / "docs", project / "html", "--language", language)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: install Debian's chromium package to run the browser tests"
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (browser tests may not be skipped in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def server(site: Build) -> Iterator[str]:
    """The built site served on the loopback interface; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site.out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (Playwright's own browsers are never downloaded)."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """A page opened in Chromium, with every request it made and every console error."""

    page: object
    requests: list[str]
    errors: list[str]


@pytest.fixture
def visit(browser, server: str) -> Iterator:
    """Open ``path`` (relative to the site root) in a fresh browser context."""
    contexts = []

    def open_page(path: str, **context_options: object) -> Visit:
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.on("requestfailed", lambda request: errors.append(f"failed: {request.url}"))
        page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status}: {r.url}"))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(server + path, wait_until="networkidle")
        return Visit(page, requests, errors)

    yield open_page
    for context in contexts:
        context.close()
