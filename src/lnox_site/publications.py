"""The team's publications, read once from references.bib.

* ``publication-list`` directive: the team's entries (keyword ``lnox``), newest first, optionally only
  those of a theme (``:theme: jonctions-gap``, every keyword of that theme in docs/_data/themes.yaml)
  or with some keywords (``:keywords: gap-junctions connexins``) — used by the Publications page and
  the theme pages.
* ``pub`` role: a link to an entry of the Publications page, e.g. ``{pub}`kouzi2020oncogene```.

Lists are rendered when the page is written, in the page's language; they are never extracted for
translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from pybtex.database import Entry, parse_file
from pybtex.richtext import Text
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from . import vocabulary
from .vocabulary import TEAM_KEYWORD

logger = logging.getLogger(__name__)

BIBFILE = "references.bib"
PUBLICATIONS_PAGE = "publications"


@dataclass(frozen=True)
class Publication:
    key: str
    entry: Entry

    @property
    def year(self) -> int:
        return int(self.entry.fields.get("year", 0))

    @property
    def keywords(self) -> set[str]:
        raw = self.entry.fields.get("keywords", "")
        return {word.strip() for word in raw.split(",") if word.strip()}

    @property
    def is_team_work(self) -> bool:
        return TEAM_KEYWORD in self.keywords


def anchor(key: str) -> str:
    """The id of an entry on the Publications page (stable: other pages link to it)."""
    return nodes.make_id(f"pub-{key}")


@cache
def _read(path: Path, mtime: float) -> dict[str, Publication]:
    data = parse_file(str(path), bib_format="bibtex")
    return {key: Publication(key, entry) for key, entry in data.entries.items()}


def read(path: Path) -> dict[str, Publication]:
    """Every entry of the bibliography (parsed again only when the file changes)."""
    return _read(path, path.stat().st_mtime)


def team_publications(path: Path, keywords: set[str] | None = None) -> list[Publication]:
    """The team's entries, newest first, restricted to ``keywords`` when given."""
    selected = [
        pub
        for pub in read(path).values()
        if pub.is_team_work and (not keywords or pub.keywords & keywords)
    ]
    return sorted(selected, key=lambda pub: (-pub.year, pub.key))


def bibfile(app: Sphinx) -> Path:
    return Path(app.srcdir).parent / BIBFILE


class publication_list(nodes.General, nodes.Element):
    """Placeholder, replaced by the rendered list when the page is written."""


class publication_ref(nodes.Inline, nodes.Element):
    """Placeholder for a ``pub`` link, resolved when the page is written."""


class PublicationList(SphinxDirective):
    option_spec: ClassVar = {"keywords": directives.unchanged, "theme": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(bibfile(self.env.app)))
        keywords = set(self.options.get("keywords", "").split())
        if "theme" in self.options:
            themes = vocabulary.load(Path(self.env.srcdir).parent)
            theme = self.options["theme"].strip()
            if theme not in themes.themes:
                known = ", ".join(sorted(themes.themes))
                raise self.error(f"unknown theme {theme!r}: use one of {known}")
            keywords |= themes.keywords_of(theme)
        node = publication_list()
        node["keywords"] = sorted(keywords)
        self.set_source_info(node)
        return [node]


class PublicationRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.env.note_dependency(str(bibfile(self.env.app)))
        node = publication_ref(key=self.text.strip())
        self.set_source_info(node)
        return [node], []


def short_citation(pub: Publication) -> str:
    """``Kouzi et al. 2020``: first author's surname, then the year."""
    people = pub.entry.persons.get("author", [])
    if not people:
        return f"{pub.entry.fields.get('title', pub.key)[:40]}… {pub.year}"
    surname = plain(" ".join(people[0].last_names))
    more = " et al." if len(people) > 1 else ""
    return f"{surname}{more} {pub.year}"


def plain(latex: str) -> str:
    """BibTeX text (``H{\\'e}rault``) as plain Unicode (``Hérault``)."""
    return Text.from_latex(latex).render_as("text")


def render_entry(pub: Publication) -> nodes.list_item:
    fields = {name: plain(value) for name, value in pub.entry.fields.items()}
    people = pub.entry.persons.get("author", [])
    authors = ", ".join(plain(str(person)) for person in people)
    item = nodes.list_item(ids=[anchor(pub.key)])
    para = nodes.paragraph()
    if authors:
        para += nodes.Text(f"{authors} ({pub.year}). ")
    para += nodes.emphasis(text=fields.get("title", ""))
    venue = fields.get("journal") or fields.get("school") or fields.get("howpublished", "")
    if venue:
        para += nodes.Text(f". {venue}")
    para += nodes.Text(".")
    if "doi" in fields:
        para += nodes.Text(" ")
        doi = fields["doi"]
        para += nodes.reference("", f"doi:{doi}", refuri=f"https://doi.org/{doi}")
    item += para
    return item


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    path = bibfile(app)
    for node in list(doctree.findall(publication_list)):
        keywords = set(node["keywords"]) or None
        listing = nodes.bullet_list(classes=["lnox-publications"])
        for pub in team_publications(path, keywords):
            listing += render_entry(pub)
        node.replace_self(listing)
    entries = read(path)
    for node in list(doctree.findall(publication_ref)):
        pub = entries.get(node["key"])
        if pub is None:
            logger.warning(
                "unknown BibTeX key %r in {pub} — use a key of %s", node["key"], BIBFILE,
                location=node, type="lnox", subtype="pub",
            )  # fmt: skip
            node.replace_self(nodes.Text(node["key"]))
            continue
        uri = app.builder.get_relative_uri(docname, PUBLICATIONS_PAGE) + "#" + anchor(pub.key)
        node.replace_self(nodes.reference("", short_citation(pub), refuri=uri, internal=True))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(publication_list)
    app.add_node(publication_ref)
    app.add_directive("publication-list", PublicationList)
    app.add_role("pub", PublicationRole())
    app.connect("doctree-resolved", _resolve)
    return {}
