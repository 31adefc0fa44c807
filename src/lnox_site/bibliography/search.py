"""The team's publications as results of the site's search.

Each entry of the Publications page is an object of Sphinx's search index (a small domain,
``pub``): a search for a word of its title, an author's surname, its journal or its DOI lists the
entry itself, linked to its own page (``publications/<key>.html``, whose heading has the entry's
anchor), with its citation as the result's text (as the page shows it, in the page's language) and
« Publication » as its kind. The page is in the index with its title and no text
(:mod:`lnox_site.bibliography.publication_pages`), so that it is listed once.
"""

from __future__ import annotations

from collections.abc import Iterator
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
        style = pybtex.plugin.find_plugin("pybtex.style.formatting", config.bibtex_default_style)()
        entries = publications.entries(self.env)
        for pub in team_only(entries.values()):
            citation = as_plain(style.format_entry("", pub.entry).text)
            yield citation, citation, "publication", page_of(pub.key), anchor(pub.key), PRIORITY

    def merge_domaindata(self, docnames: Any, otherdata: dict[str, Any]) -> None:
        """Nothing to merge: the objects come from references.bib, not from the pages."""

    def resolve_any_xref(self, *args: Any) -> list[tuple[str, Any]]:
        return []


def setup(app: Sphinx) -> None:
    app.add_domain(PublicationDomain)
