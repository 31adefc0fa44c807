"""Quality gates on the built files of every page of both languages (no browser needed):
valid HTML, internal links and anchors, nothing embedded from elsewhere, no interface text in the
wrong language, and the metadata read by search engines and link previews.
"""

from __future__ import annotations

import ast
import json
import re
import struct
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup, Comment, PageElement
from conftest import LANGUAGES, TEST_SITE_URL, Build, build_copy
from conftest import parsed as parse
from page_sources import Sources, mid_phrase, not_whole
from pybtex.database import parse_file as parse_bib

import lnox_site
from benchmarks.bench import page_weight
from lnox_site.bibliography.style import WORDS
from lnox_site.content.languages import LOCALES
from lnox_site.site.metadata import (
    NOT_FOUND_PAGE,
    SITEMAP_NS,
    XHTML_NS,
)
from lnox_site.site.theme import FOLD_LABEL

# Pages Sphinx writes without a source file; they are left out of the sitemaps.
GENERATED = {"search.html", f"{NOT_FOUND_PAGE}.html"}
LINKING = {"href", "src", "poster", "data"}  # attributes that point at another file
# Elements that make the browser fetch something (links to other pages are not fetched).
EMBEDDING = (
    "script[src], link[href]:not([rel~=canonical], [rel~=alternate]), img[src], iframe[src],"
    " source[src], video, audio, object"
)


def html_files(site: Build) -> list[Path]:
    """Every HTML file of the published folder: both languages and the root pages."""
    return sorted(site.out.rglob("*.html"))


@cache
def ids(path: Path) -> frozenset[str]:
    soup = parse(path)
    return frozenset(
        [tag["id"] for tag in soup.find_all(id=True)]
        + [tag["name"] for tag in soup.find_all("a", attrs={"name": True})]
    )


def local_file(site: Build, page: Path, url: str) -> Path | None:
    """The built file ``url`` points to from ``page``, or None for an address outside the site."""
    parts = urlsplit(url)
    if parts.scheme in {"mailto", "tel", "data"}:
        return None
    if parts.scheme or parts.netloc:
        if not url.startswith(TEST_SITE_URL):
            return None
        target = site.out / unquote(urlsplit(url[len(TEST_SITE_URL) :]).path)
    elif parts.path.startswith("/"):
        target = site.out / unquote(parts.path).removeprefix(urlsplit(TEST_SITE_URL).path)
    else:
        target = (page.parent / unquote(parts.path)) if parts.path else page
    return target / "index.html" if target.is_dir() else target


def vnu_path(url: str, site: Build) -> str:
    """A page named by the checker (``file:/tmp/…/fr/index.html``) as ``fr/index.html``."""
    return Path(unquote(urlsplit(url).path)).resolve().relative_to(site.out.resolve()).as_posix()


def test_html_is_valid(site, vnu):
    """The Nu Html Checker finds no error in any page."""
    result = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", *map(str, html_files(site))],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{vnu_path(m['url'], site)}:{m.get('lastLine', 0)}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "invalid HTML:\n" + "\n".join(errors)


def test_internal_links_and_anchors_resolve(site):
    broken = []
    for page in html_files(site):
        soup = parse(page)
        urls = [value for tag in soup.find_all(True) for a in LINKING if (value := tag.get(a))]
        urls += [m["content"] for m in soup.select('meta[property$=":url"], meta[content^="http"]')]
        for url in urls:
            target = local_file(site, page, url)
            if target is None:
                continue
            where = f"{page.relative_to(site.out)}: {url}"
            fragment = unquote(urlsplit(url).fragment)
            if not target.exists():
                broken.append(f"{where} (no file {target.relative_to(site.out)})")
            elif fragment and target.suffix == ".html" and fragment not in ids(target):
                broken.append(f"{where} (no id {fragment!r})")
    assert not broken, "broken internal links:\n" + "\n".join(broken)


def test_pages_embed_nothing_from_elsewhere(site):
    """No script, style, font or image comes from another site (privacy: no third party)."""
    foreign = []
    for page in html_files(site):
        for tag in parse(page).select(EMBEDDING):
            for attribute in ("src", "href", "data", "poster"):
                url = tag.get(attribute)
                if url and urlsplit(url).netloc:
                    foreign.append(f"{page.relative_to(site.out)}: <{tag.name} {attribute}={url}>")
    for sheet in site.out.rglob("*.css"):
        for url in re.findall(r"(?:url\(|@import\s+)['\"]?([^'\")\s]+)", sheet.read_text("utf-8")):
            if urlsplit(url).netloc:
                foreign.append(f"{sheet.relative_to(site.out)}: {url}")
    assert not foreign, "content from elsewhere:\n" + "\n".join(foreign)


# The home page is what most readers open first, often on a phone.
HOME_PAGE_BUDGET = 100 * 1024


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_loads_little_and_only_what_it_uses(site, language):
    home = site.out / language / "index.html"
    assert page_weight(home) <= HOME_PAGE_BUDGET, "the home page loads more than 100 KiB"
    sheets = [link["href"] for link in parse(home).select('link[rel="stylesheet"]')]
    unused = [s for s in sheets if "furo-extensions" in s or "pygments" in s]
    assert not unused, f"styles of things the home page does not show: {unused}"


# --- Interface language ------------------------------------------------------------------------

# English strings of furo and Sphinx that reach the interface unless translated.
FURO_ENGLISH = [
    "Skip to content", "Back to top", "Toggle", "On this page", "Made with", "Search", "Contents",
    "Next", "Previous", "Home", "Light mode", "Dark mode", "Expand", "Copyright",
    "Last updated on", "Please activate JavaScript", "Error", "pradyunsg",
]  # fmt: skip


def catalogue(language: str) -> dict[str, str]:
    return Sources().catalogue(language, "sphinx")


def wrong_language_strings(language: str) -> set[str]:
    """Interface strings that belong to the other language, for pages in ``language``."""
    french = {k: v for k, v in catalogue("fr").items() if k != v}
    fold = {code: text.split("{}")[0].strip() for code, text in FOLD_LABEL.items()}
    if language == "fr":
        return set(french) | set(FURO_ENGLISH) | {fold["en"], "Toggle navigation of"}
    return set(french.values()) | {fold["fr"]}


def in_content(node: PageElement) -> bool:
    """Whether ``node`` is or is inside the page's own content, a script or a style."""
    return any(element.name in {"article", "script", "style"} for element in [node, *node.parents])


def interface_text(soup: BeautifulSoup) -> str:
    """What a page says around its content: visible text, labels, titles, placeholders."""
    texts = [
        t for t in soup.find_all(string=True) if not isinstance(t, Comment) and not in_content(t)
    ]
    labels = [
        value
        for tag in soup.find_all(True)
        if not in_content(tag)
        for name in ("aria-label", "title", "placeholder", "alt")
        if (value := tag.get(name))
    ]
    return " | ".join(" ".join(t.split()) for t in texts + labels if t.strip())


@pytest.mark.parametrize("language", LANGUAGES)
def test_interface_is_in_the_page_language(site, language):
    forbidden = wrong_language_strings(language)
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in sorted(forbidden)))
    problems = []
    for page in site.pages(language):
        text = interface_text(site.soup(language, page))
        found = sorted(set(pattern.findall(text)))
        if found:
            problems.append(f"{language}/{page}: {found}")
    assert not problems, "interface text in the other language:\n" + "\n".join(problems)


def test_every_interface_string_has_its_french():
    """The English catalogue holds every string of the templates (`nox -s translate`)."""
    missing = sorted(set(catalogue("en")) - set(catalogue("fr")))
    assert not missing, f"add to docs/locales/fr/LC_MESSAGES/sphinx.po: {missing}"


def extension_strings() -> set[str]:
    """The interface strings that the site's extension writes through Sphinx's catalogue: the
    ``_("…")`` of its modules that take ``_`` from ``get_translation("sphinx")`` (the others use
    the extension's own catalogues: tests/test_wording.py)."""
    strings = set()
    for module in Path(lnox_site.__file__).parent.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        if 'get_translation("sphinx")' not in text:
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_" and node.args:
                strings.add(ast.literal_eval(node.args[0]))
    return strings


def test_every_string_of_the_extension_has_its_french():
    """Sentences the site writes itself (descriptions of editions and archives) are in the French
    catalogue: `nox -s translate` does not collect them from the code."""
    assert extension_strings()
    missing = sorted(extension_strings() - set(catalogue("fr")))
    assert not missing, f"add to docs/locales/fr/LC_MESSAGES/sphinx.po: {missing}"


# --- Metadata ----------------------------------------------------------------------------------


def meta(soup: BeautifulSoup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_social_tags(site, language):
    others = sorted(LOCALES[c] for c in LANGUAGES if c != language)
    team = Sources().conf_text("author", language)
    for page in site.pages(language):
        soup = site.soup(language, page)
        canonical = soup.select_one('link[rel="canonical"]')
        # The page's own card (tests/test_cards.py tells what it shows).
        image = f"{TEST_SITE_URL}{language}/_cards/{page.with_suffix('.png').as_posix()}"
        expected = {
            "og:locale": LOCALES[language],
            "og:image": image,
            "og:url": canonical["href"] if canonical else None,
            "twitter:card": "summary_large_image",
            "twitter:image": image,
            "og:site_name": Sources().conf("project"),
        }
        found = {name: meta(soup, name) for name in expected}
        assert found == expected, page
        assert meta(soup, "og:image:alt").endswith(f" ({team})"), page
        assert meta(soup, "og:image:alt") == meta(soup, "twitter:image:alt"), page
        assert meta(soup, "og:title")
        assert meta(soup, "og:title") == meta(soup, "twitter:title")
        alternates = [m["content"] for m in soup.select('meta[property="og:locale:alternate"]')]
        assert sorted(alternates) == others, page
        assert soup.select_one('link[rel~="icon"]'), page


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_describes_itself_as_its_sources_say(site, language):
    """The description of each page is its own summary, read from the sources: a post's first
    paragraph, a theme's sentence, an edition's facts, an archive's subject, or else the first
    paragraph of the page's text — in French from the page, in English from its catalogue."""
    sources, problems, site_descriptions = Sources(), [], set()
    for page in site.pages(language):
        soup = site.soup(language, page)
        found = meta(soup, "description")
        assert found, page
        assert meta(soup, "og:description") == found, page
        assert meta(soup, "twitter:description") == found, page
        if why := mid_phrase(found):
            problems.append(f"{page}: {why}")
        if page.as_posix() in GENERATED:
            site_descriptions.add(found)
            continue
        want = sources.expected(page.with_suffix("").as_posix(), language)
        if want is None:
            problems.append(f"{page}: the page has no paragraph to describe it")
        elif why := not_whole(found, want):
            problems.append(f"{page}: {found!r}: {why}")
        article = {m["property"]: m["content"] for m in soup.select('meta[property^="article:"]')}
        tags = tuple(m["content"] for m in soup.select('meta[property="article:tag"]'))
        if want and want.published:
            shown = (meta(soup, "og:type"), article.get("article:published_time"), tags)
            if shown != ("article", want.published, want.tags):
                problems.append(f"{page}: {shown}, expected an article of {want.published}")
        elif meta(soup, "og:type") != "website" or article:
            problems.append(f"{page}: not a post, yet {meta(soup, 'og:type')} {article}")
    # Search and not-found pages: the site's description (conf.py, its English in conf.po).
    assert site_descriptions == {Sources().conf_text("lnox_description", language)}
    assert not problems, "pages that do not describe themselves:\n" + "\n".join(problems)


DESCRIBED_PAGE = """# Essai

- Un point de liste, qui ne présente pas la page.

Cette page renvoie à {doc}`niche` et cite une thèse {pub}`vignon2011thesis`, comme la page
{doc}`/index`.

## Suite

Un autre paragraphe.
"""


@pytest.mark.slow
def test_a_page_is_described_by_its_own_running_text(project):
    """Not a list item; the title of a linked page as the reader sees it; no citation."""
    page = project / "docs" / "recherche" / "essai.md"
    page.write_text(DESCRIBED_PAGE, encoding="utf-8")
    index = project / "docs" / "recherche" / "index.md"
    index.write_text(index.read_text() + "\n```{toctree}\n:hidden:\n\nessai\n```\n")
    build = build_copy(project)
    assert build.returncode == 0, build.log
    want = Sources(project / "docs").expected("recherche/essai", "fr")
    assert want.text == (
        "Cette page renvoie à La niche leucémique et cite une thèse, comme la page "
        "LNOx — Niche leucémique et métabolisme oxydatif."
    )
    assert meta(build.soup("fr", "recherche/essai.html"), "description") == want.text


def test_social_image_is_a_png_of_the_announced_size(site):
    for language in LANGUAGES:
        home = site.soup(language, "index.html")
        data = (site.out / language / "_cards" / "index.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        announced = int(meta(home, "og:image:width")), int(meta(home, "og:image:height"))
        assert announced == struct.unpack(">II", data[16:24])


NS = {"s": SITEMAP_NS, "x": XHTML_NS}


def sitemap_urls(path: Path) -> dict[str, dict[str, str]]:
    """Each address of a sitemap (or sitemap index) with its alternates by hreflang."""
    root = ElementTree.parse(path).getroot()
    return {
        entry.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)
        }
        for entry in root
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_sitemap_lists_every_page_with_its_alternates(site, language):
    listed = sitemap_urls(site.out / language / "sitemap.xml")
    pages = [p.as_posix() for p in site.pages(language) if p.as_posix() not in GENERATED]
    assert sorted(listed) == sorted(f"{TEST_SITE_URL}{language}/{p}" for p in pages)
    for page in pages:
        links = listed[f"{TEST_SITE_URL}{language}/{page}"]
        expected = {code: f"{TEST_SITE_URL}{code}/{page}" for code in LANGUAGES}
        assert links == {**expected, "x-default": expected["fr"]}, page


def test_root_ties_the_languages_together(site):
    listed = list(sitemap_urls(site.out / "sitemap.xml"))
    assert listed == [f"{TEST_SITE_URL}{code}/sitemap.xml" for code in LANGUAGES]
    robots = (site.out / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {TEST_SITE_URL}sitemap.xml" in robots.splitlines()
    assert "Disallow: /" not in robots.splitlines()
    for listed_url in listed:
        assert (
            site.out / urlsplit(listed_url).path.removeprefix(urlsplit(TEST_SITE_URL).path)
        ).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_in_each_language(site, language):
    soup = site.soup(language, f"{NOT_FOUND_PAGE}.html")
    heading = catalogue(language).get("Page not found", "Page not found")
    assert soup.h1.get_text(strip=True) == heading
    assert meta(soup, "robots") == "noindex"
    root = parse(site.out / "404.html")
    assert urljoin(TEST_SITE_URL, root.find("a", hreflang=language)["href"]).startswith(
        f"{TEST_SITE_URL}{language}/"
    )


CITING_PAGE = """# Essai

Une thèse {footcite:p}`{thesis}`, deux auteurs {footcite:t}`{pair}`, et des auteurs non nommés
{footcite:p}`{others}`.

## Références

```{footbibliography}
```
"""


@pytest.mark.slow
def test_reference_lists_are_valid_and_in_the_page_language(project, vnu):
    """A page's reference list is valid HTML, in French words, with no deprecated DPUB role."""
    bibliography = parse_bib(str(project / "references.bib")).entries
    thesis = next(key for key, e in bibliography.items() if e.type == "phdthesis")
    pair = next(
        key
        for key, e in bibliography.items()
        if len(authors := e.persons.get("author", [])) == 2 and "others" not in map(str, authors)
    )
    others = next(
        k for k, e in bibliography.items() if "others" in map(str, e.persons.get("author", []))
    )
    keys = {"{thesis}": thesis, "{pair}": pair, "{others}": others}
    page = project / "docs" / "recherche" / "essai.md"
    page.write_text(re.sub("|".join(map(re.escape, keys)), lambda m: keys[m[0]], CITING_PAGE))
    index = project / "docs" / "recherche" / "index.md"
    index.write_text(index.read_text() + "\n```{toctree}\n:hidden:\n\nessai\n```\n")
    build = build_copy(project)
    assert build.returncode == 0, build.log
    html = build.out / "fr" / "recherche" / "essai.html"
    assert "doc-biblioentry" not in html.read_text(encoding="utf-8")
    result = subprocess.run(
        [*vnu, "--errors-only", str(html)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    text = parse(html).article.get_text(" ")
    assert WORDS["thesis"]["fr"] in text
    assert WORDS["thesis"]["en"] not in text
    assert "others" not in text  # BibTeX's "and others" is written « et al. »
    assert f" {WORDS['and']['fr']} " in text
