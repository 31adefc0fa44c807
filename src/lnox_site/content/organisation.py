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

from lnox_site.content import records, sources
from lnox_site.content.languages import localise
from lnox_site.content.paths import TEAM
from lnox_site.content.problems import Problem
from lnox_site.content.records import Field

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
    return _load(root, sources.stamp(root / TEAM))


@cache
def _load(root: Path, mtime: float | None) -> tuple[Team | None, list[Problem]]:
    data, problems = records.read_yaml(root, TEAM)
    if problems:
        return None, problems
    if not isinstance(data, records.Fields):
        what = "the file should hold the team's fields"
        return None, [Problem(TEAM, 1, what, f"write {', '.join(FIELDS)}, one per line")]
    values, problems = records.check(data, FIELDS, TEAM, "team")
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
        return None, [Problem(TEAM, history_line, what, f"give it {', '.join(HISTORY)}")]
    values, problems = records.check(entry, HISTORY, TEAM, "history")
    start, end = values.get("from"), values.get("to")
    if end is not None and (start is None or end < start):
        what = f"'to: {end}' comes without 'from' or before it"
        problems.append(Problem(TEAM, entry.line_of("to"), what, "check both years", "history"))
    if problems:
        return None, problems
    return Period(
        values["label"], values["text"], start, end,
        values.get("onward", False), values.get("inferred", False),
    ), []  # fmt: skip
