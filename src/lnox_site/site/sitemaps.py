"""What crawlers read of the site's shape: a ``sitemap.xml`` per language, with each page's
``hreflang`` alternates, and at the site root a sitemap index and ``robots.txt``
(:mod:`lnox_site.site.root_pages`).

The sitemaps come from the documents Sphinx read and the pages that parts of the site write without
a source (the publications' own pages answer :data:`PAGES_WITHOUT_SOURCE`), not from a list, so a
new page is in them at once.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from sphinx.application import Sphinx

from lnox_site.content.languages import LANGUAGES, SOURCE_LANGUAGE
from lnox_site.site.i18n import language_root

SITEMAP = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# Sent as app.emit(PAGES_WITHOUT_SOURCE, env) once every page is read: each handler returns the
# names of the pages it writes without a source file.
PAGES_WITHOUT_SOURCE = "lnox-pages-without-source"


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
    written = [name for names in app.emit(PAGES_WITHOUT_SOURCE, app.env) for name in names]
    pages = {*app.env.found_docs, *written}
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


def setup(app: Sphinx) -> None:
    # Before the parts that answer it connect to it.
    app.add_event(PAGES_WITHOUT_SOURCE)
    app.connect("build-finished", _write_sitemap)
