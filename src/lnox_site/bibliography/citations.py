"""Citations in the pages: ``{footcite:p}`` / ``{footcite:t}`` written author-year, and the page's
reference list (``{footbibliography}``) as an alphabetical list of entries in the site's style.

``(Kouzi et al., 2020)`` and ``Kouzi et al. (2020)`` link to the entry in the list at the end of
the page. Footnote citations are the only kind the site uses: each page lists its own references,
so the same entry can never appear in two bibliographies (no duplicate-citation or duplicate-label
warning can arise), and the bibliography lint rejects ``{cite}`` and ``{bibliography}``.

The site's styles are registered as plugins the supported way (``pybtex.plugin.register_plugin``
and ``sphinxcontrib.bibtex.plugin.register_plugin``), for the language of the build. A registered
plugin is found by a dictionary lookup: sphinxcontrib-bibtex looks the formatting style up once per
citation, and without the registration each lookup scans every installed package's entry points.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from docutils import nodes
from docutils.transforms.references import Footnotes
from pybtex.database import Entry
from pybtex.richtext import Tag, Text
from pybtex.style.template import field, join, node
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinxcontrib.bibtex.richtext import BaseReferenceText
from sphinxcontrib.bibtex.style.referencing import BaseReferenceStyle
from sphinxcontrib.bibtex.style.template import FootReferenceInfo

from lnox_site.bibliography import entry_dependencies
from lnox_site.bibliography.style import style_for, word
from lnox_site.content import team
from lnox_site.content.folding import fold
from lnox_site.content.languages import SOURCE_LANGUAGE
from lnox_site.content.paths import PEOPLE, root_of
from lnox_site.content.references import authors
from lnox_site.upstream.docutils import forget_footnote

# The name under which both styles are registered; docs/conf.py selects them by this name.
STYLE = "lnox"


class CitationLink(BaseReferenceText[FootReferenceInfo]):
    """The citation text, as a link to its entry in the page's reference list."""

    def render(self, backend: Any) -> list[nodes.Node]:
        info = self.info[0]
        # Rendered while the page is read: the page is read again when this entry changes.
        entry_dependencies.note_cited(info.document.settings.env, info.key)
        # The name, resolved by docutils to the entry's id, is also what Sphinx compares to check
        # that a translation keeps the citations of the original.
        link = nodes.reference(info.refname, "", *super().render(backend), refname=info.refname)
        info.document.note_refname(link)
        return [link]


@node
def link(children: list, data: dict[str, Any]) -> Text:
    return CitationLink(data["reference_info"], join[children].format_data(data))


@node
def capitalised(children: list, data: dict[str, Any]) -> Text:
    return join[children].format_data(data).capfirst()


def cited_names(entry: Entry, language: str, full: bool = False) -> Text:
    """``Kouzi et al.``, ``Deynoux et Mazurier``, ``Vignon``; the title when no author is known.

    ``full`` names every author, as ``{footcite:ps}`` asks.
    """
    named = authors(entry)
    if not named:
        return Tag("em", Text.from_latex(entry.fields["title"]))
    names = [Text.from_latex(" ".join(p.prelast_names + p.last_names)) for p in named]
    partial = len(named) < len(entry.persons["author"])
    and_ = f" {word('and', language)} "
    if full or (len(named) == 2 and not partial):
        listed = join(sep=", ", sep2=and_, last_sep=and_)[names].format()
        return Text(listed, " ", word("et al.", language)) if partial else listed
    if len(named) == 1 and not partial:
        return names[0]
    return Text(names[0], " ", word("et al.", language))


@node
def surnames(children: list, data: dict[str, Any], full: bool = False) -> Text:
    return cited_names(data["entry"], data["style"].language, full)


@dataclass
class Citations(BaseReferenceStyle):
    """``{footcite:p}`` → ``(Kouzi et al., 2020; Roux et al., 2022)``; ``{footcite:t}`` →
    ``Kouzi et al. (2020)``; ``ps``/``ts`` name every author, ``ct``/``cts`` capitalise."""

    language: ClassVar[str] = SOURCE_LANGUAGE

    def role_names(self) -> list[str]:
        return ["p", "ps", "t", "ts", "ct", "cts"]

    def outer(self, role_name: str, children: list[Text]) -> Any:
        if role_name.startswith("p"):
            return join["(", join(sep="; ")[children], ")"]
        and_ = f" {word('and', self.language)} "
        listed = join(sep=", ", sep2=and_, last_sep=and_)[children]
        return capitalised[listed] if role_name.startswith("c") else listed

    def inner(self, role_name: str) -> Any:
        full = role_name.endswith("s")
        if role_name.startswith("p"):
            return link[surnames(full=full), ", ", field("year")]
        return link[surnames(full=full), " (", field("year"), ")"]


def citations_for(language: str) -> type[Citations]:
    return type(f"Citations_{language}", (Citations,), {"language": language})


def _register_styles(app: Sphinx) -> None:
    # After the content gate: an unreadable people file has stopped the build with its problem.
    members = team.members(root_of(app.srcdir))
    pybtex.plugin.register_plugin(
        "pybtex.style.formatting", STYLE, style_for(app.config.language, members), force=True
    )
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing",
        STYLE,
        citations_for(app.config.language),
        force=True,
    )


class ReferenceLists(SphinxTransform):
    """Each ``{footbibliography}`` becomes a plain list of entries sorted by author.

    Footnote numbers would mean nothing next to author-year citations. This runs before docutils
    numbers the footnotes and Sphinx reports unreferenced ones: the citations link to the entries
    by name, which docutils resolves later to the ids the list items keep.
    """

    default_priority = Footnotes.default_priority - 1

    def apply(self, **kwargs: Any) -> None:
        lists = [
            container
            for container in self.document.findall(nodes.container)
            if container.children
            and all(isinstance(child, nodes.footnote) for child in container.children)
        ]
        for container in lists:
            items = []
            for footnote in container.children:
                forget_footnote(self.document, footnote)
                item = nodes.list_item(ids=footnote["ids"])
                item += footnote.children
                items.append(item)
            listing = nodes.bullet_list(ids=container["ids"], classes=["lnox-references"])
            listing += sorted(items, key=lambda item: fold(item.astext()))
            container.replace_self(listing)
        if lists:
            # The entries show the team's members in bold: a change of the list re-renders them.
            self.env.note_dependency(str(root_of(self.env.srcdir) / PEOPLE))


def setup(app: Sphinx) -> None:
    # After the content gate (priority 100), before sphinxcontrib-bibtex looks the styles up (500).
    app.connect("builder-inited", _register_styles, priority=200)
    app.add_transform(ReferenceLists)
