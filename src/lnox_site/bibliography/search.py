"""The team's publications as results of the site's search.

Each entry of the Publications page is an object of Sphinx's search index (a small domain,
``pub``): a search for a word of its title, an author's surname, its journal or its DOI lists the
entry itself, linked to its own page (``publications/<key>.html``, whose heading has the entry's
anchor), with its citation as the result's text (as the page shows it, in the page's language) and
« Publication » as its kind. The page is in the index with its title and no text
(:mod:`lnox_site.bibliography.publication_pages`), so that it is listed once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pybtex.plugin
from sphinx.application import Sphinx
from sphinx.domains import Domain, ObjType

from lnox_site.bibliography import publications
from lnox_site.bibliography.publications import PUBLICATIONS_PAGE, anchor, page_of
from lnox_site.content.references import as_plain, team_only
from lnox_site.content.wording import N_, _

KIND = N_("Publication")
# "Important" objects for Sphinx's search: an entry found by a word of its citation comes before
# the pages that only mention that word in their text.
PRIORITY = 0
# Beside the doctrees: each entry's citation as the search shows it, by what it is made from.
CITATIONS = "lnox-search-citations.json"


class PublicationDomain(Domain):
    name = "pub"
    label = "Publications"
    object_types: ClassVar = {"publication": ObjType("publication")}

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        return _(KIND, self.env.config.language)

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        if PUBLICATIONS_PAGE not in self.env.all_docs:
            return
        config = self.env.config
        # Each citation is formatted once, and kept beside the doctrees for the next builds
        # under what it is made from: pybtex takes a few milliseconds an entry.
        store = Path(self.env.doctreedir) / CITATIONS
        before = json.loads(store.read_text(encoding="utf-8")) if store.exists() else {}
        made_by = (publications.renderer_digest(), config.bibtex_default_style, config.language)
        now = {}
        for pub in team_only(publications.entries(self.env).values()):
            key = repr((made_by, publications.entry_digest(pub)))
            now[key] = before.get(key) or as_plain(self._style().format_entry("", pub.entry).text)
            yield now[key], now[key], "publication", page_of(pub.key), anchor(pub.key), PRIORITY
        if now != before:
            store.write_text(json.dumps(now, indent=0, sort_keys=True), encoding="utf-8")

    def _style(self) -> Any:
        name = self.env.config.bibtex_default_style
        return pybtex.plugin.find_plugin("pybtex.style.formatting", name)()

    def merge_domaindata(self, docnames: Any, otherdata: dict[str, Any]) -> None:
        """Nothing to merge: the objects come from references.bib, not from the pages."""

    def resolve_any_xref(self, *args: Any) -> list[tuple[str, Any]]:
        return []


def setup(app: Sphinx) -> None:
    app.add_domain(PublicationDomain)
