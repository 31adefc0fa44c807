"""What search engines and link previews read of a page, and the page shown for a missing address.

* Every page: ``<meta name="description">`` (the page's own summary, see
  :mod:`lnox_site.site.descriptions`: a post's summary, a theme's sentence, an edition's facts,
  or the first paragraph of the page's text), OpenGraph and Twitter card tags with the page's
  ``og:locale`` and its own social card (:mod:`lnox_site.site.cards`). A news post is an
  ``article`` with its date and its tags.
* Every language: ``404.html`` (template ``docs/_templates/404.html``).

The sitemaps and ``robots.txt`` are :mod:`lnox_site.site.sitemaps`'s; the pages of the site root,
:mod:`lnox_site.site.root_pages`'s.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config

from lnox_site.content.languages import LANGUAGES, LOCALES
from lnox_site.site import cards, identity
from lnox_site.site.collectors import PageRecords
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

NOT_FOUND_PAGE = "404"
SITEMAP = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


class OwnParagraphs(PageRecords):
    """docname -> the first paragraph of the page's text, as read (before the site adds to it)."""

    name = "lnox_own_paragraphs"

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        paragraph = first_paragraph(doctree)
        if paragraph is not None:
            self.of(app.env)[app.env.docname] = plain_text(paragraph, titles_later=True)


def description(app: Sphinx, pagename: str, doctree: nodes.Node | None = None) -> Description:
    """What the page says of itself: its own ``description:``, else what its module says, else
    its first paragraph, else what the site is (search, page not found)."""
    found = app.emit_firstresult(EVENT, pagename)
    if found is None:
        own = OwnParagraphs.of(app.env).get(pagename)
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


def _add_not_found_page(app: Sphinx, config: Config) -> None:
    config.html_additional_pages = {**config.html_additional_pages, NOT_FOUND_PAGE: "404.html"}


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _add_not_found_page)
    app.add_env_collector(OwnParagraphs)
    app.connect("html-page-context", _page_tags)
