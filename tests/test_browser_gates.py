"""Quality gates in a real browser (Debian's Chromium), on every built page of both languages.

Each page is opened once in one reused tab and checked by axe-core in each colour scheme (the rules
on what only the templates write, on one page of each template); what it requested, the errors it
logged, the Content-Security-Policy violations it reported and axe-core's findings are recorded,
then each gate asserts on the record. A failure lists every page and every problem at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import LANGUAGES, ROOT, Build, Visit
from test_csp import recording
from test_csp import violations as blocked_by_policy

pytestmark = pytest.mark.browser

SCHEMES = ("light", "dark")
# The rules run in each colour scheme: all of them in the first; in the other, axe-core's colour
# rules, since only colours change with the scheme (Furo's colour variables, and which of two
# look-alike theme icons shows), not the markup nor the layout.
SCHEME_RULES = {"light": None, "dark": ["cat.color"]}
# The rules on what only the templates write (the document's language and head, the landmarks and
# the skip link, the search form, frames and media), run on one page of each template: a page's
# Markdown cannot change what they examine (MyST writes no head, landmark, form, frame or media, and
# the page-safety check refuses raw HTML but <abbr>, <sub>, <sup> and <br>). Every other rule looks
# at what a page's text can hold (headings, lists, tables, links, images and diagrams, ARIA of the
# site's directives, colours, an <aside> a page adds among the landmarks) and runs on every page.
TEMPLATE_RULES = [
    "html-has-lang", "html-lang-valid", "html-xml-lang-mismatch", "meta-viewport",
    "meta-viewport-large", "meta-refresh", "meta-refresh-no-exceptions", "aria-hidden-body",
    "css-orientation-lock", "accesskeys", "bypass", "skip-link", "region", "landmark-one-main",
    "landmark-no-duplicate-main", "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo", "landmark-main-is-top-level",
    "landmark-banner-is-top-level", "landmark-contentinfo-is-top-level", "label",
    "label-title-only", "form-field-multiple-labels", "select-name", "input-button-name",
    "input-image-alt", "autocomplete-valid", "frame-focusable-content", "frame-tested",
    "frame-title", "frame-title-unique", "audio-caption", "video-caption", "no-autoplay-audio",
    "blink", "marquee", "object-alt", "area-alt", "server-side-image-map",
]  # fmt: skip
# A page of each template (docs/_templates): page.html once with a table of contents (the home
# page) and once without (furo leaves it out of a page without sections), search.html, 404.html.
TEMPLATE_PAGES = ["index.html", "recherche/index.html", "search.html", "404.html"]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
# Screenshots for review, one per section, language and width (gitignored).
SCREENSHOTS = ROOT / "tests" / "output" / "screenshots"

# Every axe-core rule, best practices and experimental rules included, or those of the given tags,
# but the rules left out; only violations count (findings axe cannot decide alone, "incomplete",
# are not failures).
RUN_AXE = """async ([tags, leftOut]) => {
  const known = axe.getRules().map((rule) => rule.ruleId);
  const unknown = leftOut.filter((id) => !known.includes(id));
  if (unknown.length) throw new Error(`not rules of axe-core: ${unknown}`);
  const rules = (tags ? axe.getRules(tags) : axe.getRules())
    .map((rule) => rule.ruleId)
    .filter((id) => !leftOut.includes(id));
  const result = await axe.run(document, {
    runOnly: {type: "rule", values: rules},
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    // Each node: its selector and the last line of axe's explanation (the measured problem).
    nodes: v.nodes.map((n) => n.target.join(" ") + " — " + n.failureSummary.trim().split("\\n").pop().trim()),
  }));
}"""


# What Chromium logs for a document answered with status 404.
NOT_FOUND_CONSOLE_ERROR = (
    "Failed to load resource: the server responded with a status of 404 (Not Found)"
)


@dataclass
class PageRecord:
    path: str
    requests: list[str]
    errors: list[str]
    violations: dict[str, list[dict]]  # colour scheme -> axe-core's violations
    cookies: list[dict]
    blocked: list[str]  # what the page's Content-Security-Policy blocked, in both schemes


def built_pages(site: Build, language: str) -> list[str]:
    """Every HTML page of a language, as paths from the site root."""
    return [f"{language}/{page.as_posix()}" for page in site.pages(language)]


@pytest.fixture(scope="module")
def sweep(browser, server, site, axe_script) -> Iterator[Callable[[str], list[PageRecord]]]:
    """``sweep(language)``: every page of a language opened once, checked by axe-core in each
    colour scheme (the page is switched from one to the other, not loaded again), the rules on the
    templates on TEMPLATE_PAGES only."""
    records: dict[str, list[PageRecord]] = {}
    contexts = []

    def run(language: str) -> list[PageRecord]:
        if language not in records:
            tab = recording(browser, SCHEMES[0], viewport=DESKTOP)
            context = tab.page.context
            contexts.append(context)
            # Run by Chromium's DevTools in each page, as the policy allows no inline <script>;
            # added to each page by the context rather than sent from here (about 50 ms a page).
            context.add_init_script(axe_script)
            pages = []
            paths = built_pages(site, language)
            templates = [f"{language}/{page}" for page in TEMPLATE_PAGES]
            assert set(templates) <= set(paths), "a page of TEMPLATE_PAGES is no longer built"
            for path in paths:
                tab.open(server + path)
                left_out = [] if path in templates else TEMPLATE_RULES
                violations = {}
                for scheme in SCHEMES:
                    tab.page.emulate_media(color_scheme=scheme)
                    rules = [SCHEME_RULES[scheme], left_out]
                    violations[scheme] = tab.page.evaluate(RUN_AXE, rules)
                tab.page.emulate_media(color_scheme=SCHEMES[0])
                blocked = blocked_by_policy(tab.settle())
                pages.append(
                    PageRecord(
                        path,
                        list(tab.requests),
                        list(tab.errors),
                        violations,
                        context.cookies(),
                        blocked,
                    )
                )
            records[language] = pages
        return records[language]

    yield run
    for context in contexts:
        context.close()


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{path}:\n  " + "\n  ".join(items) for path, items in problems.items())


@pytest.mark.slow
class SweptPages:
    """The gates on the sweep of one language. A class per language: with the tests run in
    parallel, each class stays on one worker (pytest-xdist's --dist loadscope), and the two
    languages are swept at the same time. A minute or more per language: left to the whole suite
    (and CI), out of the quick lane."""

    language_code: str

    @pytest.fixture
    def language(self) -> str:
        return self.language_code

    @pytest.mark.parametrize("scheme", SCHEMES)
    def test_axe_finds_no_violation(self, sweep, language, scheme):
        problems = {
            record.path: [
                f"{v['id']} ({v['help']}):\n    " + "\n    ".join(v["nodes"])
                for v in record.violations[scheme]
            ]
            for record in sweep(language)
            if record.violations[scheme]
        }
        assert not problems, "axe-core violations:\n" + report(problems)

    def test_pages_load_nothing_from_elsewhere_and_set_no_cookie(self, sweep, server, language):
        origin = urlsplit(server).netloc
        problems = {}
        for record in sweep(language):
            foreign = [u for u in record.requests if urlsplit(u).scheme not in {"data", "blob"}]
            foreign = [u for u in foreign if urlsplit(u).netloc != origin]
            cookies = [f"cookie {c['name']}" for c in record.cookies]
            if foreign or cookies:
                problems[record.path] = foreign + cookies
        assert not problems, "requests outside the site or cookies:\n" + report(problems)

    def test_browser_blocks_nothing_the_site_wrote(self, sweep, language):
        problems = {r.path: r.blocked for r in sweep(language) if r.blocked}
        assert not problems, "Content-Security-Policy violations:\n" + report(problems)

    def test_pages_log_no_error_and_no_failed_request(self, sweep, language):
        problems = {r.path: r.errors for r in sweep(language) if r.errors}
        assert not problems, "console errors or failed requests:\n" + report(problems)


# TestPages_fr, TestPages_en: the classes pytest collects.
for _code in LANGUAGES:
    globals()[f"TestPages_{_code}"] = type(
        f"TestPages_{_code}", (SweptPages,), {"language_code": _code}
    )


def section(path: str) -> str:
    """The site section of a page: its first folder, or its own name for a page at the top."""
    parts = Path(path).parts[1:]
    return parts[0] if len(parts) > 1 else Path(parts[0]).stem


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(browser, server, site, language):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = Visit(context.new_page())
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    wide, shot = [], set()
    for path in built_pages(site, language):
        tab.open(server + path)
        width = tab.page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append(f"{path}: {width} px wide")
        if section(path) not in shot:
            shot.add(section(path))
            tab.page.screenshot(path=SCREENSHOTS / f"{language}-{section(path)}-phone.png")
    context.close()
    assert not wide, "pages wider than a phone:\n" + "\n".join(wide)


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_navigation_opens_and_closes(visit, language):
    from playwright.sync_api import expect

    tab = visit(f"{language}/index.html", viewport=PHONE, is_mobile=True, has_touch=True)
    page = tab.page
    drawer = page.locator(".sidebar-drawer")
    link = drawer.locator(".sidebar-tree a").first
    expect(drawer).not_to_be_in_viewport()
    page.locator("header .nav-overlay-icon").click()
    expect(drawer).to_be_in_viewport()
    expect(link).to_be_visible()
    # A tap beside the open menu closes it.
    page.locator(".sidebar-overlay").click(position={"x": PHONE["width"] - 10, "y": 400})
    expect(drawer).not_to_be_in_viewport()


def page_title(site: Build, language: str, page: str) -> str:
    return site.soup(language, page).h1.get_text(" ", strip=True).rstrip("¶").strip()


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_a_page_by_a_word_of_its_language(visit, site, server, language):
    """A reader types the first word of the glossary's title, in the site's language."""
    from playwright.sync_api import expect

    word = page_title(site, language, "glossaire.html").split()[0]
    tab = visit(f"{language}/index.html", viewport=DESKTOP)
    box = tab.page.locator(".sidebar-search")
    box.fill(word)
    box.press("Enter")
    results = tab.page.locator("#search-results ul.search a")
    expect(results.first).to_be_visible()
    targets = [urlsplit(href).path for href in results.evaluate_all("l => l.map(a => a.href)")]
    assert urlsplit(f"{server}{language}/glossaire.html").path in targets, (word, targets)
    status = tab.page.locator("#search-results p.search-summary").inner_text()
    other = "Search finished" if language == "fr" else "Recherche terminée"
    assert other not in status
    assert not tab.errors


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_address_shows_the_not_found_page_of_its_language(visit, server, language):
    """As on GitHub Pages: the root 404.html sends the reader to the page of their language."""
    missing = f"{server}{language}/rubrique/absente.html"
    tab = visit(f"{language}/rubrique/absente.html")
    tab.page.wait_for_url(f"{server}{language}/404.html")
    assert tab.page.locator("html").get_attribute("lang") == language
    assert tab.page.locator("h1").count() == 1
    # The only errors are Chromium's report of the 404 answer for the missing address itself.
    assert tab.errors == [f"404: {missing}", NOT_FOUND_CONSOLE_ERROR]


@pytest.mark.parametrize(("browser_language", "expected"), [("en-GB", "en"), ("fr-FR", "fr")])
def test_missing_address_outside_a_language_follows_the_browser(
    visit, server, browser_language, expected
):
    tab = visit("absente.html", locale=browser_language)
    tab.page.wait_for_url(f"{server}{expected}/404.html")
    assert tab.page.locator("html").get_attribute("lang") == expected
