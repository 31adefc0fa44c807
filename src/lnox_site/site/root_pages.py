"""The pages of the site root, which tie the languages together (written by
:mod:`lnox_site.build` after every language is built):

* ``index.html``: sends the reader to the language their browser asks for (French otherwise), with
  a link to each language for a browser without JavaScript;
* ``404.html``, which GitHub Pages serves for every missing address: sends the reader to the "page
  not found" page of the language in the address, or of their browser;
* ``sitemap.xml`` (a sitemap index) and ``robots.txt`` (:mod:`lnox_site.site.sitemaps`).

Both pages come from one template, ``site/templates/root.html``; each keeps its own script (the
404's also reads the address), and its Content-Security-Policy hashes them
(:func:`lnox_site.site.csp.secure`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader

from lnox_site.content.languages import LANGUAGES, SOURCE_LANGUAGE
from lnox_site.content.wording import N_, _
from lnox_site.site.csp import PENDING, secure
from lnox_site.site.sitemaps import robots, sitemap_index

TEMPLATES = Path(__file__).parent / "templates"
# What the root 404 page says, in every language at once: the address names none.
NOT_FOUND = {
    "heading": N_("Page not found"),
    "text": N_("No page of the site lives at this address."),
    "home": N_("Home page"),
}


def _render(**values: object) -> str:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), trim_blocks=True, keep_trailing_newline=True
    )
    offered = "[" + ", ".join(f'"{code}"' for code in LANGUAGES) + "]"
    page = environment.get_template("root.html").render(
        default=SOURCE_LANGUAGE, offered=offered, policy=PENDING, **values
    )
    return secure(page)


def root_index(site: str) -> str:
    """The page served at the site root: a redirect to the reader's language; ``site`` is the
    site's name (``project`` in conf.py)."""
    return _render(not_found=False, title=site, path="", languages=list(LANGUAGES.items()))


def root_not_found(base: str, site: str) -> str:
    """The root 404.html (GitHub Pages serves it, with status 404, for any missing address)."""
    sections = [
        {"code": code, **{key: _(word, code) for key, word in NOT_FOUND.items()}}
        for code in LANGUAGES
    ]
    title = " · ".join(section["heading"] for section in sections) + f" — {site}"
    return _render(not_found=True, title=title, path=urlsplit(base).path, sections=sections)


def root_files(base: str, site: str) -> dict[str, str]:
    """The files of the site root, by name; ``base`` is the site's address."""
    return {
        "index.html": root_index(site),
        "sitemap.xml": sitemap_index(base),
        "robots.txt": robots(base),
        "404.html": root_not_found(base, site),
    }
