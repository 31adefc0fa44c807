"""The team as an organisation (docs/_data/team.yaml): names, address, parent bodies, history.

* ``team-address`` directive: the postal address (Contact page);
* ``team-history`` directive: the labels and host units of the team over time, as a timeline;
* a schema.org ``ResearchOrganization`` in JSON-LD on the Team page (name, address, parents).

The history gives, for each label, the years of the documents that show it; an inferred year is
marked as such on the page, and an entry may have no year at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import records
from .head import append_head, json_ld
from .i18n import language_root, localise
from .records import Field
from .validation import Problem, project_root, validator

TEAM_FILE = "docs/_data/team.yaml"
TEAM_PAGE = "equipe/index"
DASH = "\u2013"  # en dash, between two years

ADDRESS = {
    key: Field(records.name, how, required=key != "building")
    for key, how in {
        "organisation": "the institution, e.g. Faculté de Médecine de Tours",
        "building": "the building",
        "street": "number and street",
        "po_box": "the post-office box, e.g. BP 3223",
        "postal_code": "the postal code, in quotes: '37032'",
        "locality": "the town as the post writes it, e.g. Tours Cedex 1",
        "country": "the country, e.g. France",
        "country_code": "the two-letter country code, e.g. FR",
    }.items()
}
FIELDS = {
    "name": Field(records.name, "the team's short name", required=True),
    "full_name": Field(records.name, "the team's full name", required=True),
    "alternate_names": Field(records.listing(records.name), "a list of other names"),
    "address": Field(records.record(ADDRESS), f"the fields {', '.join(ADDRESS)}", required=True),
    "parents": Field(records.listing(records.name), "a list of parent bodies", required=True),
    "history": Field(records.sequence, "a list of labels, each starting with '- '", required=True),
}
HISTORY = {
    "from": Field(records.year, "the year of the first document that shows the label"),
    "to": Field(records.year, "the year of the last document that shows the label"),
    "onward": Field(records.flag, "true when the label was still shown afterwards"),
    "inferred": Field(records.flag, "true when the year is a deduction, not read in a document"),
    "label": Field(records.name, "the label or unit, as it is written", required=True),
    "text": Field(records.translated, "what the documents say, as fr: … en: …", required=True),
}
LABELS = {
    "onward": {"fr": "À partir de {}", "en": "From {}"},
    "inferred": {"fr": " (date déduite)", "en": " (inferred date)"},
    "undated": {"fr": "Date inconnue", "en": "Date unknown"},
}


@dataclass(frozen=True)
class Period:
    label: str
    text: dict[str, str]
    start: int | None = None
    end: int | None = None
    onward: bool = False
    inferred: bool = False

    def when(self, language: str) -> str:
        """« 2013-2015 » (en dash), « À partir de 2018 », « 2025 (date déduite) », « Date inconnue »."""
        if self.start is None:
            return localise(LABELS["undated"], language)
        years = f"{self.start}{DASH}{self.end}" if self.end else str(self.start)
        if self.onward:
            years = localise(LABELS["onward"], language).format(years)
        return years + (localise(LABELS["inferred"], language) if self.inferred else "")


@dataclass(frozen=True)
class Team:
    name: str
    full_name: str
    address: dict[str, str]
    parents: list[str]
    history: list[Period]
    alternate_names: list[str]

    def address_lines(self) -> list[str]:
        a = self.address
        street = ", ".join(part for part in (a["street"], a["po_box"]) if part)
        lines = [a["organisation"], a.get("building"), street]
        return [*filter(None, lines), f"{a['postal_code']} {a['locality']}", a["country"]]


def load(root: Path) -> tuple[Team | None, list[Problem]]:
    """The team's data, and every problem found (read again when the file changes)."""
    return _load(root, (root / TEAM_FILE).stat().st_mtime)


@cache
def _load(root: Path, mtime: float) -> tuple[Team | None, list[Problem]]:
    data, problems = records.read_yaml(root, TEAM_FILE)
    if problems:
        return None, problems
    if not isinstance(data, records.Fields):
        what = "the file should hold the team's fields"
        return None, [Problem(TEAM_FILE, 1, what, f"write {', '.join(FIELDS)}, one per line")]
    values, problems = records.check(data, FIELDS, TEAM_FILE, "team")
    history = []
    for entry in values.get("history", []):
        period, found = _period(entry, data.line_of("history"))
        problems += found
        history.append(period)
    if problems:
        return None, problems
    values["history"] = history
    values.setdefault("alternate_names", [])
    return Team(**values), []


def _period(entry: Any, history_line: int) -> tuple[Period | None, list[Problem]]:
    if not isinstance(entry, records.Fields):
        what = f"an entry of the history is not a set of fields: {entry!r}"
        return None, [Problem(TEAM_FILE, history_line, what, f"give it {', '.join(HISTORY)}")]
    values, problems = records.check(entry, HISTORY, TEAM_FILE, "history")
    start, end = values.get("from"), values.get("to")
    if end is not None and (start is None or end < start):
        what = f"'to: {end}' comes without 'from' or before it"
        problems.append(
            Problem(TEAM_FILE, entry.line_of("to"), what, "check both years", "history")
        )
    if problems:
        return None, problems
    return Period(
        values["label"], values["text"], start, end,
        values.get("onward", False), values.get("inferred", False),
    ), []  # fmt: skip


@validator
def check_team(root: Path) -> list[Problem]:
    return load(root)[1]


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
        self.env.note_dependency(str(project_root(self.env.app) / TEAM_FILE))
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
            nodes.paragraph(text=localise(period.text, language)),
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
    team = load(project_root(app))[0]
    for node in list(doctree.findall(team_address)):
        node.replace_self(address(team))
    for node in list(doctree.findall(team_history)):
        node.replace_self(timeline(team.history, app.config.language))


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if pagename == TEAM_PAGE:
        home = language_root(app.config.lnox_site_url, app.config.language)
        append_head(context, json_ld(organisation(load(project_root(app))[0], home)))


def setup(app: Sphinx) -> None:
    app.add_node(team_address)
    app.add_node(team_history)
    app.add_directive("team-address", AddressDirective)
    app.add_directive("team-history", HistoryDirective)
    app.connect("doctree-resolved", _render)
    app.connect("html-page-context", _page_context)
