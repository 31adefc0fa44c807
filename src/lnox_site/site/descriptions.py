"""What a page says of itself in a sentence or two: the summary of a post in listings and feeds,
and the description that search engines and link previews show (:mod:`lnox_site.site.metadata`).

A page's own summary is the first paragraph of its running text, read from the page as its author
wrote it (in English, as translated): not a paragraph of a list, a table or a figure, unless the
page has no other, and never one that the site adds when the page is written (a post's date line,
an edition's facts). Citations are left out: a summary is read away from the page's reference
list.

A module that knows better what one of its pages is (a post, a theme, an edition) answers the event
:data:`EVENT` with a :class:`Description`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import docname_join

from lnox_site.bibliography import publications

# Sent as app.emit_firstresult(EVENT, docname); a handler returns a Description or None.
EVENT = "lnox-page-description"
# Search engines show about 160 characters; link previews a little more.
DESCRIPTION_LENGTH = 200
# The end of a sentence: its mark, closing quotes or brackets, a space, and a capital, a digit or an
# opening quote. An initial (« O. Hérault »), "et al." or « p. ex. » does not end one.
SENTENCE_END = re.compile(
    r"(?<=[.!?…])(?<!\b[A-ZÀ-ÖØ-Þ]\.)(?<!\bal\.)([»”\")]*) (?=[«“\"(]?[A-ZÀ-ÖØ-Þ0-9])"
)
# Around the name of a page whose title stands in the text ({doc}`niche`, with no text of its own):
# titles are known only once every page is read.
TITLE = "\ue000"  # a private-use character (docutils drops NUL from text)
# Line breaks and runs of spaces; non-breaking spaces (French typography) are kept.
SPACES = re.compile(r"[ \t\r\n]+")


@dataclass(frozen=True)
class Article:
    """A dated page (a news post), for ``og:type`` article."""

    published: str  # ISO 8601, as precise as the date is known: 2019-11-07, 2019-12 or 2012
    tags: tuple[str, ...]  # names in the page's language


@dataclass(frozen=True)
class Description:
    text: str
    article: Article | None = None


def is_reference_key(node: nodes.Node) -> bool:
    """A citation or footnote mark, which shows as a key or a number away from its page."""
    if isinstance(node, addnodes.pending_xref):
        return node.get("refdomain") == "cite"
    return isinstance(
        node, (publications.publication_ref, nodes.footnote_reference, nodes.citation_reference)
    )


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
    text = SPACES.sub(" ", copy.astext()).strip()
    return re.sub(r" (?=[,.])", "", text)  # the space that stood before a removed citation


def with_titles(text: str, title_of: Callable[[str], str]) -> str:
    """``text`` of :func:`plain_text` with the titles of the pages it names."""
    return re.sub(f"{TITLE}([^{TITLE}]*){TITLE}", lambda name: title_of(name[1]), text)


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """``text`` cut to whole sentences of at most ``length`` characters in all; a first sentence
    longer than that is cut after a word, with an ellipsis."""
    text = SPACES.sub(" ", text).strip()
    if len(text) <= length:
        return text
    kept = ""
    for end in SENTENCE_END.finditer(text):
        if end.start() + len(end[1]) > length:
            break
        kept = text[: end.start() + len(end[1])]
    if kept:
        return kept
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def setup(app: Sphinx) -> None:
    # Before the modules that answer it connect to it.
    app.add_event(EVENT)
