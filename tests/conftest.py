"""Shared fixtures: the site built once per run, temporary copies for bad-input builds, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from filelock import FileLock

# Sphinx's own fixtures (make_app, app) for small projects built in process.
pytest_plugins = ("sphinx.testing.fixtures",)
# Messages to contributors follow the machine's language (lnox_site.content.wording): the tests
# expect the English ones wherever they run, subprocesses included; a test that wants another
# language sets it itself.
os.environ["LNOX_LANGUAGE"] = "en"

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LANGUAGES = ("fr", "en")
# The tests build with a site address of their own, to check that it reaches every absolute URL.
TEST_SITE_URL = "https://lnox.test/site/"
# Where the test server publishes the site, as GitHub Pages does for a project site.
SITE_PATH = urlsplit(TEST_SITE_URL).path
CHROMIUM = Path("/usr/bin/chromium")
# The checkers that run in the browser or on the built pages, pinned in package-lock.json (`npm ci`).
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
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
        """The page parsed, shared by every test that reads it: not to be modified."""
        return parsed(self.out / language / page)


def parsed(path: Path) -> BeautifulSoup:
    """The HTML file ``path`` parsed, once per run and content (a rebuilt page is parsed again):
    the same tree for every test that reads it, which none may modify."""
    return _parse(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=512)
def _parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


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
    """Both languages of the real site, built once for the whole run: when the tests run in
    parallel (pytest-xdist), by the first worker that needs it, the others waiting for it."""
    base = tmp_path_factory.getbasetemp()
    # A worker's temporary folder is inside the run's, which all workers share.
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "site"
    with FileLock(f"{folder}.lock"):
        log = folder / "build.log"
        if log.exists():
            return Build(folder / "html", 0, log.read_text(encoding="utf-8"))
        build = run_build(DOCS, folder / "html")
        assert build.returncode == 0, build.log
        log.write_text(build.log, encoding="utf-8")
        return build


def copy_project(copy: Path) -> Path:
    """Copy the project's pages, data and bibliography to ``copy``."""
    shutil.copytree(
        DOCS, copy / "docs", ignore=shutil.ignore_patterns("_build", "*.mo", "__pycache__")
    )
    shutil.copy2(ROOT / "references.bib", copy / "references.bib")
    return copy


# A made-up site built through the same extension (tests/test_second_site.py), with what it borrows
# from the LNOx site: its templates, styles and interface catalogues.
SECOND = ROOT / "tests" / "second-site"
BORROWED = ("_templates", "_static")


def assemble(project: Path) -> Path:
    """The second site in ``project``, with what it borrows from the LNOx site."""
    shutil.copytree(SECOND, project)
    for folder in BORROWED:
        shutil.copytree(DOCS / folder, project / "docs" / folder)
    for language in LANGUAGES:
        catalogue = Path("locales", language, "LC_MESSAGES", "sphinx.po")
        (project / "docs" / catalogue).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DOCS / catalogue, project / "docs" / catalogue)
    return project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of the project (pages, data, bibliography) to break on purpose."""
    return copy_project(tmp_path / "project")


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    """``nox -s check`` on a project copy."""
    command = [sys.executable, "-m", "lnox_site.check", str(project)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@functools.cache
def _results_of_the_project() -> bytes:
    """The checks' kept results (lnox_site.checks.kept) on the project as it is, in each language
    a contributor may read them in, computed once per test process in a copy that lives as long
    as the process."""
    from lnox_site import checks
    from lnox_site.checks import kept
    from lnox_site.content.wording import CONTRIBUTOR_LANGUAGES, LANGUAGE_VARIABLE

    folder = tempfile.TemporaryDirectory(prefix="lnox-checked-")
    weakref.finalize(_results_of_the_project, folder.cleanup)
    pristine = copy_project(Path(folder.name) / "project")
    with pytest.MonkeyPatch.context() as patch:
        for language in CONTRIBUTOR_LANGUAGES:
            patch.setenv(LANGUAGE_VARIABLE, language)
            checks.run(pristine)
    return (pristine / kept.FOLDER / kept.STORE).read_bytes()


def with_kept_results(project: Path) -> Path:
    """The copy with the results kept for the project as it is, as a contributor's checkout has
    them: a check, in process or not, reads again only the files a test changed
    (tests/test_kept_checks.py shows that this reports what a run from nothing does)."""
    from lnox_site.checks import kept

    store = project / kept.FOLDER / kept.STORE
    if not store.exists():
        store.parent.mkdir(parents=True, exist_ok=True)
        store.write_bytes(_results_of_the_project())
    return project


def checked(project: Path) -> list[str]:
    """What ``nox -s check`` reports for a project copy, each problem as it prints it, from the
    checks run in process (no build, no new Python), starting from the kept results."""
    from lnox_site import checks

    return [str(problem) for problem in checks.run(with_kept_results(project))]


def build_copy(project: Path, language: str = "fr") -> Build:
    """Build one language of a project copy, the way `nox -s docs` does."""
    return run_build(project / "docs", project / "html", "--language", language)


def require(present: bool, reason: str) -> None:
    """Skip a test whose tool is missing, except in CI (CI=true), where a skipped gate is a failure."""
    if present:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (these tests may not be skipped in CI)")
    pytest.skip(reason)


def _require_chromium() -> None:
    require(CHROMIUM.exists(), f"{CHROMIUM} is missing: install Debian's chromium package")


@pytest.fixture(scope="session")
def axe_script() -> str:
    """The source of axe-core, injected into each page by the accessibility tests."""
    require(AXE.exists(), f"{AXE.relative_to(ROOT)} is missing: run `npm ci` in {ROOT}")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    """The command that runs the Nu Html Checker (a Java program)."""
    java = shutil.which("java")
    require(java is not None, "java is missing: install Debian's default-jre-headless package")
    require(VNU.exists(), f"{VNU.relative_to(ROOT)} is missing: run `npm ci` in {ROOT}")
    return [str(java), "-jar", str(VNU)]


@pytest.fixture(scope="session")
def server(site: Build) -> Iterator[str]:
    """The built site served on the loopback interface the way GitHub Pages serves it: under the
    path of the site's address, with the root 404.html (status 404) for any missing file.
    Yields the site's local base URL."""
    handler = functools.partial(PagesHandler, directory=str(site.out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}{SITE_PATH}"
    httpd.shutdown()


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        if not path.startswith(SITE_PATH):
            return str(Path(self.directory) / "missing")
        return super().translate_path("/" + path.removeprefix(SITE_PATH))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

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


# How Chromium reports a request dropped because its page was left.
CANCELLED = "net::ERR_ABORTED"


@dataclass
class Visit:
    """A page opened in Chromium, with every request it made and every console error."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # The requests not yet answered in full (see settle).
    pending: set = field(default_factory=set)

    def __post_init__(self) -> None:
        page = self.page
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)
        page.on("requestfailed", self._failed)
        page.on(
            "response", lambda r: r.status >= 400 and self.errors.append(f"{r.status}: {r.url}")
        )
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _started(self, request) -> None:
        self.requests.append(request.url)
        self.pending.add(request)

    def _ended(self, request) -> None:
        self.pending.discard(request)

    def _failed(self, request) -> None:
        # Cancelled, not failed: what a page was still fetching when it was left (its icon, say,
        # or the root page a script sends on to a language) is dropped by Chromium.
        if request.failure != CANCELLED:
            self.errors.append(f"failed: {request.url} {request.failure}")

    def open(self, url: str, wait_until: str = "load") -> Visit:
        """Go to ``url`` in the same tab, forgetting what the previous page recorded; returns once
        the page has loaded and every request it made by then is answered (``settle``)."""
        self.requests.clear()
        self.errors.clear()
        self.page.goto(url, wait_until=wait_until)
        return self.settle()

    def settle(self) -> Visit:
        """Wait until every request the page has made so far is answered in full or has failed:
        request by request, rather than for the half second without traffic of Playwright's
        "networkidle". A test waits first for what starts the requests it cares about (the search's
        results, say)."""
        while self.pending:
            request = next(iter(self.pending))
            response = request.response()
            if response is not None:
                response.finished()
            self.pending.discard(request)
        return self


@pytest.fixture
def visit(browser, server: str) -> Iterator:
    """Open ``path`` (relative to the site root) in a fresh browser context."""
    contexts = []

    def open_page(path: str, **context_options: object) -> Visit:
        context = browser.new_context(**context_options)
        contexts.append(context)
        return Visit(context.new_page()).open(server + path)

    yield open_page
    for context in contexts:
        context.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--against",
        metavar="REV",
        help="also check that the site is byte for byte the one git revision REV builds",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``against`` run only when a revision is given (--against REV); the long
    tests start first."""
    if not config.getoption("against"):
        kept = [item for item in items if item.get_closest_marker("against") is None]
        if len(kept) < len(items):
            config.hook.pytest_deselected(items=[i for i in items if i not in kept])
            items[:] = kept
    items[:] = longest_first(items)


# How long a group of tests is likely to take, by the marks of its tests: the browser sweeps of
# every page are both.
WEIGHTS = {"slow": 2, "browser": 1}


def longest_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """The items with the groups that pytest-xdist keeps on one worker (a module, or a class:
    --dist loadscope) in order of their marks, slow first, then browser, then the rest, each group
    whole and in its own order. Workers take groups in this order: a long one started last would
    leave the other workers idle while it ends."""

    def group(item: pytest.Item) -> str:
        return item.nodeid.rsplit("::", 1)[0]

    weight: dict[str, int] = {}
    for item in items:
        marks = {mark.name for mark in item.iter_markers()}
        own = sum(WEIGHTS.get(mark, 0) for mark in marks)
        weight[group(item)] = max(weight.get(group(item), 0), own)
    return sorted(items, key=lambda item: -weight[group(item)])
