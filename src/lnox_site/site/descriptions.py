"""What a page says of itself in a sentence or two: the summary of a post in listings and feeds,
and the description that search engines and link previews show (:mod:`lnox_site.site.metadata`).

A page's ``description:`` (front matter) comes first. It becomes a message of the page's catalogue
(:class:`page_description`, a hidden node that Sphinx's gettext builder collects and its ``Locale``
transform translates like a paragraph), so that its English is written beside the page's other
texts and reported as untranslated like them.

Without one, a page's own summary is the first paragraph of its running text, read from the page
as its author wrote it (in English, as translated): not a paragraph of a list, a table or a figure,
unless the page has no other, and never one that the site adds when the page is written (a post's
date line, an edition's facts). Citations are left out: a summary is read away from the page's
reference list. It is cut to whole sentences only (:mod:`lnox_site.content.summaries`); a first
sentence too long for a description is a content problem, reported before the build.

A module that knows better what one of its pages is (a post, a theme, an edition) answers the event
:data:`EVENT` with a :class:`Description`, and the event :data:`KIND` with what the page is, as its
social card says (:mod:`lnox_site.site.cards`): the site's own parts answer for their pages without
this package importing them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import docname_join

from lnox_site.content import sources
from lnox_site.content.frontmatter import FrontMatterError, front_matter
from lnox_site.content.paths import root_of
from lnox_site.content.problems import ContentError
from lnox_site.content.summaries import DESCRIPTION_LENGTH, FIELD, one_line, whole_sentences

# Sent as app.emit_firstresult(EVENT, docname); a handler returns a Description or None.
EVENT = "lnox-page-description"
# Sent as app.emit_firstresult(KIND, docname); a handler returns (a key of site.cards.KINDS, the date
# the kind shows or "") for a page of its own, or None.
KIND = "lnox-page-kind"
# Around the name of a page whose title stands in the text ({doc}`niche`, with no text of its own):
# titles are known only once every page is read.
TITLE = "\ue000"  # a private-use character (docutils drops NUL from text)


@dataclass(frozen=True)
class Article:
    """A dated page (a news post), for ``og:type`` article."""

    published: str  # ISO 8601, as precise as the date is known: 2019-11-07, 2019-12 or 2012
    tags: tuple[str, ...]  # names in the page's language


@dataclass(frozen=True)
class Description:
    text: str
    article: Article | None = None


class reference_key(nodes.Inline, nodes.Element):
    """A mark of the site's own that shows as a key away from its page (the ``{pub}`` role's):
    left out of summaries like a citation."""


def is_reference_key(node: nodes.Node) -> bool:
    """A citation or footnote mark, which shows as a key or a number away from its page."""
    if isinstance(node, addnodes.pending_xref):
        return node.get("refdomain") == "cite"
    return isinstance(node, (reference_key, nodes.footnote_reference, nodes.citation_reference))


def first_paragraph(doctree: nodes.Node) -> nodes.paragraph | None:
    """The first paragraph of the page's running text (directly under a section or the page), or
    else the first paragraph of the page (in a list, a table…)."""
    paragraphs = list(doctree.findall(nodes.paragraph))
    running = (p for p in paragraphs if isinstance(p.parent, (nodes.section, nodes.document)))
    return next(running, None) or next(iter(paragraphs), None)


def plain_text(paragraph: nodes.paragraph, *, titles_later: bool = False) -> str:
    """The paragraph on one line, without its citations; with ``titles_later``, a link to a page
    that shows the page's title is kept as the page's name, for :func:`with_titles`."""
    copy = paragraph.deepcopy()
    for node in list(copy.findall(is_reference_key)):
        node.parent.remove(node)
    for xref in list(copy.findall(addnodes.pending_xref)) if titles_later else ():
        if xref.get("reftype") == "doc" and not xref.get("refexplicit"):
            target = docname_join(xref.get("refdoc", ""), xref["reftarget"])
            xref.replace_self(nodes.Text(f"{TITLE}{target}{TITLE}"))
    text = one_line(copy.astext())
    return re.sub(r" (?=[,.])", "", text)  # the space that stood before a removed citation


def with_titles(text: str, title_of: Callable[[str], str]) -> str:
    """``text`` of :func:`plain_text` with the titles of the pages it names."""
    return re.sub(f"{TITLE}([^{TITLE}]*){TITLE}", lambda name: title_of(name[1]), text)


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """``text`` cut to its first whole sentences of at most ``length`` characters in all (the first
    one whole whatever its length: the checks ask for a ``description:`` instead)."""
    return whole_sentences(text, length)


# -- A page's own description (front matter) ---------------------------------------------------


class page_description(nodes.PreBibliographic, nodes.Element, addnodes.translatable):
    """A page's ``description:``, in the page's language once translated; never shown. Placed
    first, before the front matter that docutils then still reads as the page's metadata."""

    def preserve_original_messages(self) -> None:
        self.setdefault("original", self["text"])

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        self["text"] = translated_message

    def extract_original_messages(self) -> list[str]:
        return [self.get("original", self["text"])]


def _hidden(translator: Any, node: page_description) -> None:
    raise nodes.SkipNode


class FrontMatterDescription(SphinxTransform):
    """Puts the page's ``description:`` in the doctree before the translation is applied."""

    # Before Sphinx preserves (10) and translates (20) the messages of the page.
    default_priority = 5

    def apply(self, **kwargs: Any) -> None:
        path = Path(self.document.get("source", ""))
        # Not in a message that Sphinx parses on its own (a translation of this page).
        docname = self.env.docname
        if not docname or path != Path(self.env.doc2path(docname)):
            return
        try:
            fields = front_matter(sources.read_text(path, root_of(self.env.srcdir))) or {}
        except (ContentError, FrontMatterError):
            return  # reported by the checks that stop the build
        given = fields.get(FIELD)
        if given is None or not isinstance(given.value, str) or not one_line(given.value):
            return
        text = one_line(given.value)
        node = page_description(text=text, original=text)
        node.source, node.line = str(path), given.line
        self.document.insert(0, node)


def given(doctree: nodes.Node | None) -> str | None:
    """The page's own ``description:``, translated; None without one."""
    found = next(iter(doctree.findall(page_description)), None) if doctree else None
    return found["text"] if found is not None else None


def setup(app: Sphinx) -> None:
    # Before the modules that answer it connect to it.
    app.add_event(EVENT)
    app.add_event(KIND)
    app.add_node(page_description, html=(_hidden, None))
    app.add_transform(FrontMatterDescription)
