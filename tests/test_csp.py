"""The Content-Security-Policy of every page: in the HTML, and enforced by Chromium.

The policy's fixed directives are written here by hand; the hashes are computed by the tests from
each page's own inline scripts and styles, so that a template changed without its hash fails.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import LANGUAGES, SITE_PATH, Build, PagesHandler, Visit, parsed

# What the policy must say besides the hashes (the brief of the site's security, by hand).
FIXED = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "object-src": {"'none'"},
    "frame-src": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
}
# The <script> types a browser runs; JSON-LD and other data blocks need no hash.
RUN_TYPES = {None, "", "text/javascript", "module"}
ROOT_PAGES = ("index.html", "404.html")
# Records each violation the page reports, from before its first script runs.
RECORD_VIOLATIONS = """
window.lnoxViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.lnoxViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
});
"""
# The search count in the plural (Sphinx's sphinx/locale/fr/LC_MESSAGES/sphinx.js; searchtools.js).
RESULTS = {"fr": " pages trouvées", "en": " pages matching"}
# Pages of each kind, the same address in both languages.
REPRESENTATIVE = (
    "index.html",
    "recherche/niche.html",  # a theme page with its diagram
    "actualites/2019/2019-11-07-oncogene-jonctions-gap.html",
    "search.html?q=niche",
    "404.html",
)


def every_page(site: Build) -> Iterator[tuple[str, BeautifulSoup]]:
    for language in LANGUAGES:
        for page in site.pages(language):
            yield f"{language}/{page.as_posix()}", site.soup(language, page)
    for name in ROOT_PAGES:
        yield name, parsed(site.out / name)


def policy_meta(tag: Tag) -> bool:
    return tag.name == "meta" and tag.get("http-equiv", "").lower() == "content-security-policy"


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_page_has_one_policy_first_in_its_head_with_the_hashes_of_its_inline_code(site):
    problems = []
    for path, soup in every_page(site):
        metas = soup.find_all(policy_meta)
        if len(metas) != 1 or metas[0].parent is not soup.head:
            problems.append(f"{path}: {len(metas)} policy tags, expected one in <head>")
            continue
        before = [tag.name for tag in metas[0].find_all_previous(True) if tag.parent is soup.head]
        if set(before) - {"meta"}:
            problems.append(f"{path}: the policy comes after {before}")
        directives = {}
        for directive in metas[0]["content"].split(";"):
            name, *sources = directive.split()
            directives[name] = set(sources)
        # Only the templates' inline code is allowed: the page's content (<article>) holds none.
        scripts = [s for s in soup.find_all("script") if not s.has_attr("src")]
        running = [s for s in scripts if s.get("type") in RUN_TYPES]
        in_content = [s.name for s in running + soup.find_all("style") if s.find_parent("article")]
        if in_content:
            problems.append(f"{path}: inline {in_content} in the page's content")
        hashed = {
            "script-src": {sha256(s.string or "") for s in running},
            "style-src": {sha256(s.string or "") for s in soup.find_all("style")},
        }
        expected = {name: FIXED[name] | hashed.get(name, set()) for name in FIXED}
        if directives != expected:
            problems.append(f"{path}: policy {directives}\n  expected {expected}")
        # A style attribute would need 'unsafe-hashes' or 'unsafe-inline' (lnox_site.site.csp).
        styled = [tag.name for tag in soup.find_all(style=True)]
        if styled:
            problems.append(f"{path}: style attributes on {styled}")
    assert not problems, "\n".join(problems)


def test_the_theme_and_root_pages_inline_scripts_are_hashed(site):
    """Guards the test above from passing on pages that had nothing inline."""
    home = site.soup("fr", "index.html")
    theme_switch = home.body.find("script")
    assert "localStorage" in theme_switch.string
    policy = home.find(policy_meta)["content"]
    assert sha256(theme_switch.string) in policy
    assert sha256(home.head.style.string) in policy
    for name in ROOT_PAGES:
        root = parsed(site.out / name)
        assert sha256(root.head.script.string) in root.find(policy_meta)["content"]


def test_code_in_the_content_of_a_page_gets_no_hash():
    # A script that slipped into a page's text past the content checks stays blocked.
    from lnox_site.site.csp import PENDING, secure

    page = (
        f"<html><head>{PENDING}<style>body{{}}</style></head><body><script>theme()</script>"
        "<article><script>steal()</script><style>p{}</style></article></body></html>"
    )
    policy = secure(page)
    assert sha256("theme()") in policy
    assert sha256("body{}") in policy
    assert sha256("steal()") not in policy
    assert sha256("p{}") not in policy


def recording(browser, scheme: str, **context_options: object) -> Visit:
    """A tab in a new context of the colour scheme, each page of which records the violations of
    its policy (RECORD_VIOLATIONS)."""
    context = browser.new_context(color_scheme=scheme, **context_options)
    context.add_init_script(RECORD_VIOLATIONS)
    return Visit(context.new_page())


def violations(tab: Visit) -> list[str]:
    return tab.page.evaluate("window.lnoxViolations")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_representative_pages_work_without_a_violation(browser, server, language, scheme):
    from playwright.sync_api import expect

    pages = [f"{language}/{page}" for page in REPRESENTATIVE] + list(ROOT_PAGES)
    problems = {}
    tab = recording(browser, scheme)
    for path in pages:
        tab.open(server + path)
        if path == "index.html":  # the root sends the reader to a language
            tab.page.wait_for_url(lambda url: url.removeprefix(server) in {"fr/", "en/"})
            tab.page.wait_for_load_state()
        if path.endswith("search.html?q=niche"):
            # The results are listed, their summaries read from the other pages.
            summary = tab.page.locator("#search-results p.search-summary")
            expect(summary).to_contain_text(RESULTS[language])
        blocked = violations(tab.settle())
        errors = [e for e in tab.errors if "Content Security Policy" in e]
        if blocked or errors:
            problems[path] = blocked + errors
    tab.page.context.close()
    assert not problems, problems


@pytest.mark.browser
def test_french_plural_rule_is_read_without_eval(browser, server):
    """Sphinx's French catalogue: (n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2."""
    tab = recording(browser, "light").open(server + "fr/search.html?q=niche")
    forms = tab.page.evaluate("[0, 1, 2, 1000000, 1000001].map(Documentation.PLURAL_EXPR)")
    assert forms == [0, 0, 2, 1, 2]
    assert not violations(tab)
    tab.page.context.close()


class CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serving(handler) -> Iterator[str]:
    """``handler`` served on the loopback interface; yields the server's address."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture
def elsewhere() -> Iterator[tuple[str, list[str]]]:
    """Another origin that counts the requests it receives."""
    requests: list[str] = []
    with serving(type("Counting", (CountingHandler,), {"requests": requests})) as address:
        yield address, requests


@pytest.mark.browser
def test_code_injected_in_a_built_page_is_blocked(browser, site, tmp_path, elsewhere):
    other, requests = elsewhere
    copy = tmp_path / "html"
    shutil.copytree(site.out, copy)
    page = copy / "fr" / "contact.html"
    injected = (
        '<script>document.documentElement.dataset.injected = "ran";</script>'
        f'<img src="{other}/pixel.png" alt="">'
    )
    html = page.read_text(encoding="utf-8")
    assert "</article>" in html
    page.write_text(html.replace("</article>", injected + "</article>", 1), encoding="utf-8")
    with serving(functools.partial(PagesHandler, directory=str(copy))) as address:
        tab = recording(browser, "light").open(f"{address}{SITE_PATH}fr/contact.html")
        ran = tab.page.evaluate("document.documentElement.dataset.injected")
        blocked = violations(tab)
        tab.page.context.close()
    assert ran is None
    assert requests == []
    assert any(v.startswith("script-src-elem inline ") for v in blocked), blocked
    assert any(v.startswith(f"img-src {other}/pixel.png ") for v in blocked), blocked
