"""What search engines and link previews read, and the page shown for a missing address.

* Every page: ``<meta name="description">`` (the page's own summary, see
  :mod:`lnox_site.site.descriptions`: a post's summary, a theme's sentence, an edition's facts,
  or the first paragraph of the page's text), OpenGraph and Twitter card tags with the page's
  ``og:locale`` and its own social card (:mod:`lnox_site.site.cards`). A news post is an
  ``article`` with its date and its tags.
* Every language: ``sitemap.xml`` with each page's ``hreflang`` alternates, and ``404.html``
  (template ``docs/_templates/404.html``).
* The site root (written by :mod:`lnox_site.build`): a sitemap index, ``robots.txt`` and a
  ``404.html`` that GitHub Pages serves for every missing address and that sends the reader to the
  404 page of the language in the address (or of their browser).

The sitemaps come from the documents Sphinx read and the pages of the team's publications
(:mod:`lnox_site.bibliography.publication_pages`), not from a list, so a new page is in them at once.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from lnox_site.bibliography import publication_pages
from lnox_site.content.languages import LANGUAGES, LOCALES, SOURCE_LANGUAGE
from lnox_site.site import cards, identity
from lnox_site.site.csp import PENDING, secure
from lnox_site.site.descriptions import (
    EVENT,
    Article,
    Description,
    first_paragraph,
    given,
    plain_text,
    shorten,
    with_titles,
)
from lnox_site.site.head import append_head
from lnox_site.site.i18n import language_root

NOT_FOUND_PAGE = "404"
SITEMAP = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def _own_paragraphs(env: BuildEnvironment) -> dict[str, str]:
    """docname -> the first paragraph of the page's text, as read (before the site adds to it)."""
    if not hasattr(env, "lnox_own_paragraphs"):
        env.lnox_own_paragraphs = {}
    return env.lnox_own_paragraphs


def _read_paragraph(app: Sphinx, doctree: nodes.document) -> None:
    paragraph = first_paragraph(doctree)
    if paragraph is not None:
        _own_paragraphs(app.env)[app.env.docname] = plain_text(paragraph, titles_later=True)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _own_paragraphs(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    theirs = _own_paragraphs(other)
    _own_paragraphs(env).update({name: theirs[name] for name in docnames if name in theirs})


def description(app: Sphinx, pagename: str, doctree: nodes.Node | None = None) -> Description:
    """What the page says of itself: its own ``description:``, else what its module says, else
    its first paragraph, else what the site is (search, page not found)."""
    found = app.emit_firstresult(EVENT, pagename)
    if found is None:
        own = _own_paragraphs(app.env).get(pagename)
        titles = app.env.titles
        own = own and with_titles(own, lambda d: titles[d].astext() if d in titles else d)
        found = Description(own or identity.text(app, app.config.lnox_description))
    return Description(given(doctree) or shorten(found.text), found.article)


def article_tags(article: Article) -> list[tuple[str, str, str]]:
    return [
        ("property", "article:published_time", article.published),
        *[("property", "article:tag", tag) for tag in article.tags],
    ]


@dataclass(frozen=True)
class Card:
    """What a page's link preview shows besides the page: the site's name and the page's card."""

    site: str
    image: str  # its address
    image_alt: str
    image_size: tuple[int, int]


def social_tags(
    title: str, page: Description, url: str | None, card: Card, language: str
) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each OpenGraph and Twitter card tag of a page."""
    text, image = page.text, card.image
    tags = [
        ("property", "og:type", "article" if page.article else "website"),
        ("property", "og:site_name", card.site),
        ("property", "og:title", title),
        ("property", "og:description", text),
        ("property", "og:locale", LOCALES[language]),
        *[("property", "og:locale:alternate", LOCALES[c]) for c in LANGUAGES if c != language],
        ("property", "og:image", image),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(card.image_size[0])),
        ("property", "og:image:height", str(card.image_size[1])),
        ("property", "og:image:alt", card.image_alt),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", text),
        ("name", "twitter:image", image),
        ("name", "twitter:image:alt", card.image_alt),
    ]
    if url:
        tags.insert(1, ("property", "og:url", url))
    if page.article:
        tags += article_tags(page.article)
    return tags


def _page_tags(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    language = app.config.language
    title = Markup(context.get("title") or context.get("docstitle") or "").striptags()
    page = description(app, pagename, doctree)
    image = cards.social_image(app, pagename, title)
    card = Card(app.config.project, image.url, image.alt, image.size)
    markup = [f'<meta name="description" content="{html.escape(page.text)}">']
    markup += [
        f'<meta {attribute}="{name}" content="{html.escape(content)}">'
        for attribute, name, content in social_tags(
            title, page, context.get("pageurl"), card, language
        )
    ]
    append_head(context, "\n".join(markup))


def sitemap(base: str, language: str, target_uris: list[str]) -> str:
    """The sitemap of one language: every page, with its address in each language."""
    entries = []
    for uri in target_uris:
        links = [(code, language_root(base, code) + uri) for code in LANGUAGES]
        links.append(("x-default", language_root(base, SOURCE_LANGUAGE) + uri))
        alternates = "".join(
            f'\n  <xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(url)}/>'
            for code, url in links
        )
        loc = escape(language_root(base, language) + uri)
        entries.append(f"<url>\n  <loc>{loc}</loc>{alternates}\n</url>")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">\n'
        + "\n".join(entries)
        + "\n</urlset>\n"
    )


def _write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    pages = {*app.env.found_docs, *publication_pages.names(app.env)}
    uris = [app.builder.get_target_uri(page) for page in sorted(pages)]
    text = sitemap(app.config.lnox_site_url, app.config.language, uris)
    (app.outdir / SITEMAP).write_text(text, encoding="utf-8")


def sitemap_index(base: str) -> str:
    """The root sitemap: one sitemap per language."""
    entries = "".join(
        f"\n<sitemap><loc>{escape(language_root(base, code) + SITEMAP)}</loc></sitemap>"
        for code in LANGUAGES
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">'
        f"{entries}\n</sitemapindex>\n"
    )


def robots(base: str) -> str:
    # Read by crawlers only at the root of a host: useful when the site is served there.
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}{SITEMAP}\n"


ROOT_NOT_FOUND = """<!doctype html>
<html lang="{default}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
{policy}
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="icon" href="{path}{default}/_static/favicon.svg">
<script>
// Served for every missing address of the site: show the "page not found" page of the language
// named in the address, or else of the reader's browser, French otherwise.
(function () {{
  var offered = {offered};
  if (/\\/404\\.html$/.test(location.pathname)) return;
  var parts = location.pathname.split("/");
  for (var i = 0; i < parts.length - 1; i++) {{
    if (offered.indexOf(parts[i]) !== -1) {{
      location.replace(parts.slice(0, i + 1).join("/") + "/404.html");
      return;
    }}
  }}
  var wanted = navigator.languages || [navigator.language || ""];
  for (var j = 0; j < wanted.length; j++) {{
    var code = String(wanted[j]).slice(0, 2).toLowerCase();
    if (offered.indexOf(code) !== -1) {{ location.replace("{path}" + code + "/404.html"); return; }}
  }}
  location.replace("{path}{default}/404.html");
}})();
</script>
</head>
<body>
<main>
{sections}
</main>
</body>
</html>
"""
ROOT_NOT_FOUND_TEXT = {
    "fr": ("Page introuvable", "Aucune page du site ne se trouve à cette adresse.", "Accueil"),
    "en": ("Page not found", "No page of the site lives at this address.", "Home page"),
}


def root_not_found(base: str, site: str) -> str:
    """The root 404.html (GitHub Pages serves it, with status 404, for any missing address)."""
    path = urlsplit(base).path
    sections = "\n".join(
        f'<section lang="{code}">\n<h1>{heading}</h1>\n<p>{text}</p>\n'
        f'<p><a href="{path}{code}/index.html" hreflang="{code}">{home}</a></p>\n</section>'
        for code, (heading, text, home) in ROOT_NOT_FOUND_TEXT.items()
    )
    title = " · ".join(text[0] for text in ROOT_NOT_FOUND_TEXT.values()) + f" — {site}"
    offered = "[" + ", ".join(f'"{code}"' for code in LANGUAGES) + "]"
    page = ROOT_NOT_FOUND.format(
        default=SOURCE_LANGUAGE,
        title=title,
        path=path,
        offered=offered,
        sections=sections,
        policy=PENDING,
    )
    return secure(page)


def root_files(base: str, site: str) -> dict[str, str]:
    """The files of the site root that tie the languages together, by name; ``site`` is the
    site's name (``project`` in conf.py)."""
    return {
        "sitemap.xml": sitemap_index(base),
        "robots.txt": robots(base),
        "404.html": root_not_found(base, site),
    }


def _add_not_found_page(app: Sphinx, config: Config) -> None:
    config.html_additional_pages = {**config.html_additional_pages, NOT_FOUND_PAGE: "404.html"}


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _add_not_found_page)
    app.connect("doctree-read", _read_paragraph)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("html-page-context", _page_tags)
    app.connect("build-finished", _write_sitemap)
