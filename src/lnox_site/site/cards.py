"""Each page's social card: the picture that link previews show (``og:image``), made when the page
is written, in its language (drawn by :mod:`lnox_site.site.card_image`).

A card shows the page's title, what the page is (:data:`KINDS`: a research theme, a news post and
its date, an edition of the symposium…, found from what the site knows of the page: the themes of
``themes.yaml``, the part of the site that owns the page (a post, an edition, the Team page answer
:data:`lnox_site.site.descriptions.KIND`), the directives on the page), the team's name
(``author`` in conf.py) and its line (``lnox_image_alt``), in the colours of the theme
(``color-brand-primary`` of ``html_theme_options``, light for the background, dark for the accent).

Cards are drawn once: each is kept under its key (:meth:`CardText.key`, a digest of what it shows
and of how it is drawn) in ``<doctrees>/social-cards/``, and copied to ``_cards/<page>.png`` of the
output when its page is written. An unchanged page costs a copy; a changed title draws one card.
The build says how many cards it drew.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging

from lnox_site.content import vocabulary
from lnox_site.content.paths import root_of
from lnox_site.content.wording import N_, _
from lnox_site.site import identity
from lnox_site.site.card_image import SIZE, CardText, draw
from lnox_site.site.collectors import PageRecords
from lnox_site.site.descriptions import KIND
from lnox_site.site.i18n import language_root

logger = logging.getLogger(__name__)

FOLDER = "_cards"  # of the output
CACHE = "social-cards"  # of the doctrees folder
SEARCH_PAGE = "search"  # Sphinx's
NOT_FOUND_PAGE = "404"  # lnox_site.site.metadata's, which imports this module
# What a page is, as its card says (in capitals) and its text says, in each language.
KINDS = {
    "home": N_("home page"),
    "theme": N_("research theme"),
    "post": N_("news · {date}"),
    "news": N_("news"),
    "archive": N_("news archive"),
    "series": N_("symposium"),
    "edition": N_("symposium edition · {date}"),
    "people": N_("team members"),
    "publications": N_("publications"),
    "glossary": N_("glossary"),
    "search": N_("site search"),
    "not-found": N_("page not found"),
}
# Pages of Sphinx known by their name, and pages known by a directive of Sphinx they hold; the
# site's own parts answer for theirs (KIND).
NAMED = {SEARCH_PAGE: "search", NOT_FOUND_PAGE: "not-found"}
HOLDING = ((addnodes.glossary, "glossary"),)
# Without brand colours in html_theme_options: a dark grey and a light one.
DEFAULT_COLOURS = ("#2b2d31", "#d0d3d8")


@dataclass(frozen=True)
class SocialImage:
    url: str
    alt: str
    size: tuple[int, int]


class HeldKinds(PageRecords):
    """docname -> the kind that a directive of the page gives it (the glossary)."""

    name = "lnox_card_kinds"

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        for node_class, kind in HOLDING:
            if next(iter(doctree.findall(node_class)), None) is not None:
                self.of(app.env)[app.env.docname] = kind
                return


def kind_of(app: Sphinx, pagename: str) -> str:
    """What the page is, in the build's language ("" for a page of no kind of its own)."""
    language, root = app.config.language, root_of(app.srcdir)
    owned = app.emit_firstresult(KIND, pagename)
    themes = vocabulary.load(root).themes.values()
    if owned is not None:
        key, date = owned
    elif any(theme.page == pagename for theme in themes):
        key, date = "theme", ""
    elif pagename == app.config.root_doc:
        key, date = "home", ""
    else:
        key, date = NAMED.get(pagename) or HeldKinds.of(app.env).get(pagename, ""), ""
    return _(KINDS[key], language).format(date=date) if key else ""


def _colours(app: Sphinx) -> tuple[str, str]:
    options = app.config.html_theme_options
    light = options.get("light_css_variables", {}).get("color-brand-primary")
    dark = options.get("dark_css_variables", {}).get("color-brand-primary")
    return (light, dark) if light and dark else DEFAULT_COLOURS


def _cache(app: Sphinx) -> Path:
    return Path(app.doctreedir) / CACHE


def _cached_png(folder: Path, card: CardText) -> Path:
    """The card's PNG in the cache, drawn if it is not there yet."""
    path = folder / f"{card.key()}.png"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        # Written whole under another name first: pages are written by parallel processes.
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
        with os.fdopen(handle, "wb") as file:
            file.write(draw(card))
        os.replace(temporary, path)
    return path


def social_image(app: Sphinx, pagename: str, title: str) -> SocialImage:
    """The card of the page being written: copied to the output, drawn first if needed.
    ``title`` is the page's title, for pages that Sphinx did not read (search, page not found)."""
    language = app.config.language
    if pagename in app.env.titles:  # with its non-breaking spaces, which the HTML title loses
        title = app.env.titles[pagename].astext()
    team = identity.text(app, app.config.author)
    kind = kind_of(app, pagename)
    background, accent = _colours(app)
    footer = identity.text(app, app.config.lnox_image_alt)
    card = CardText(title, kind, team, footer, language, background, accent)
    name = f"{FOLDER}/{pagename}.png"
    target = Path(app.outdir, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_cached_png(_cache(app), card), target)
    words = {"title": title, "kind": kind, "team": team}
    # The card's text for screen readers (og:image:alt): what it shows.
    if kind:
        alt = _("Card: {title} — {kind} ({team})", language).format(**words)
    else:
        alt = _("Card: {title} ({team})", language).format(**words)
    return SocialImage(language_root(app.config.lnox_site_url, language) + name, alt, SIZE)


def _note_cache(app: Sphinx) -> None:
    folder = _cache(app)
    app.lnox_cards_before = set(folder.iterdir()) if folder.is_dir() else set()


def _report(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    folder = _cache(app)
    drawn = set(folder.glob("*.png")) - app.lnox_cards_before if folder.is_dir() else set()
    logger.info("social cards: %d drawn", len(drawn))


def setup(app: Sphinx) -> None:
    app.add_env_collector(HeldKinds)
    app.connect("builder-inited", _note_cache)
    app.connect("build-finished", _report)
