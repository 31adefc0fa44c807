"""What the pages show of the team as an organisation (read by
:mod:`lnox_site.content.organisation` from docs/_data/team.yaml):

* ``team-address`` directive: the postal address (Contact page);
* ``team-history`` directive: the labels and host units of the team over time, as a timeline
  (an inferred year marked as such);
* a schema.org ``ResearchOrganization`` in JSON-LD on the Team page (name, address, parents).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from lnox_site.content.organisation import Period, Team, load
from lnox_site.content.paths import TEAM, root_of
from lnox_site.site.head import append_head, json_ld
from lnox_site.site.i18n import language_root

TEAM_PAGE = "equipe/index"


def organisation(team: Team, url: str) -> dict[str, Any]:
    """The schema.org ResearchOrganization of the team; ``url`` is the site's home page."""
    a = team.address
    street = ", ".join(part for part in (a["organisation"], a.get("building"), a["street"]) if part)
    return {
        "@context": "https://schema.org",
        "@type": "ResearchOrganization",
        "name": team.name,
        "alternateName": [team.full_name, *team.alternate_names],
        "url": url,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": street,
            "postOfficeBoxNumber": a["po_box"],
            "postalCode": a["postal_code"],
            "addressLocality": a["locality"],
            "addressCountry": a["country_code"],
        },
        "parentOrganization": [{"@type": "Organization", "name": name} for name in team.parents],
    }


# -- Rendering ------------------------------------------------------------------------------------


class team_address(nodes.General, nodes.Element):
    """Placeholder for the postal address."""


class team_history(nodes.General, nodes.Element):
    """Placeholder for the timeline, rendered in the language of the page when it is written."""


class _DataDirective(SphinxDirective):
    node_class: type[nodes.Element]

    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(root_of(self.env.srcdir) / TEAM))
        return [self.node_class()]


class AddressDirective(_DataDirective):
    node_class = team_address


class HistoryDirective(_DataDirective):
    node_class = team_history


def timeline(history: list[Period], language: str) -> nodes.definition_list:
    listing = nodes.definition_list(classes=["lnox-timeline"])
    for period in history:
        term = nodes.term("", period.when(language))
        body = nodes.definition(
            "",
            nodes.paragraph("", "", nodes.strong(text=period.label)),
            nodes.paragraph(text=period.text[language]),
        )
        listing += nodes.definition_list_item("", term, body)
    return listing


def address(team: Team) -> nodes.line_block:
    block = nodes.line_block(classes=["lnox-address"])
    for line in team.address_lines():
        block += nodes.line(text=line)
    return block


def _render(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not any(doctree.findall(team_address)) and not any(doctree.findall(team_history)):
        return
    team = load(root_of(app.srcdir))[0]
    for node in list(doctree.findall(team_address)):
        node.replace_self(address(team))
    for node in list(doctree.findall(team_history)):
        node.replace_self(timeline(team.history, app.config.language))


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if pagename == TEAM_PAGE:
        home = language_root(app.config.lnox_site_url, app.config.language)
        append_head(context, json_ld(organisation(load(root_of(app.srcdir))[0], home)))


def setup(app: Sphinx) -> None:
    app.add_node(team_address)
    app.add_node(team_history)
    app.add_directive("team-address", AddressDirective)
    app.add_directive("team-history", HistoryDirective)
    app.connect("doctree-resolved", _render)
    app.connect("html-page-context", _page_context)
