"""The team as an organisation, read from docs/_data/team.yaml: its names, postal address,
parent bodies and history, each field checked with its line (``check_team``). The pages that show
it are made by :mod:`lnox_site.pages.organisation`.

The history gives, for each label, the years of the documents that show it; an inferred year is
marked as such, and an entry may have no year at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lnox_site.content import records, sources
from lnox_site.content.paths import TEAM
from lnox_site.content.problems import Problem
from lnox_site.content.records import Field
from lnox_site.content.wording import N__, _, __

DASH = "\u2013"  # en dash, between two years

ADDRESS = {
    key: Field(records.name, how, required=key != "building")
    for key, how in {
        "organisation": N__("the institution, e.g. Faculté de Médecine de Tours"),
        "building": N__("the building"),
        "street": N__("number and street"),
        "po_box": N__("the post-office box, e.g. BP 3223"),
        "postal_code": N__("the postal code, in quotes: '37032'"),
        "locality": N__("the town as the post writes it, e.g. Tours Cedex 1"),
        "country": N__("the country, e.g. France"),
        "country_code": N__("the two-letter country code, e.g. FR"),
    }.items()
}
FIELDS = {
    "name": Field(records.name, N__("the team's short name"), required=True),
    "full_name": Field(records.name, N__("the team's full name"), required=True),
    "alternate_names": Field(records.listing(records.name), N__("a list of other names")),
    "address": Field(
        records.record(ADDRESS),
        N__("the fields {fields}"),
        required=True,
        words=(("fields", ", ".join(ADDRESS)),),
    ),
    "parents": Field(records.listing(records.name), N__("a list of parent bodies"), required=True),
    "history": Field(
        records.sequence, N__("a list of labels, each starting with '- '"), required=True
    ),
}
HISTORY = {
    "from": Field(records.year, N__("the year of the first document that shows the label")),
    "to": Field(records.year, N__("the year of the last document that shows the label")),
    "onward": Field(records.flag, N__("true when the label was still shown afterwards")),
    "inferred": Field(
        records.flag, N__("true when the year is a deduction, not read in a document")
    ),
    "label": Field(records.name, N__("the label or unit, as it is written"), required=True),
    "text": Field(records.translated, N__("what the documents say, as fr: … en: …"), required=True),
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
            return _("Date unknown", language)
        years = f"{self.start}{DASH}{self.end}" if self.end else str(self.start)
        if self.onward:
            years = _("From {years}", language).format(years=years)
        return years + " (" + _("inferred date", language) + ")" if self.inferred else years


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
        what = __("the file should hold the team's fields")
        fix = __("write {fields}, one per line").format(fields=", ".join(FIELDS))
        return None, [Problem(TEAM, 1, what, fix)]
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
        what = __("an entry of the history is not a set of fields: {entry}").format(
            entry=repr(entry)
        )
        fix = __("give it {fields}").format(fields=", ".join(HISTORY))
        return None, [Problem(TEAM, history_line, what, fix)]
    values, problems = records.check(entry, HISTORY, TEAM, "history")
    start, end = values.get("from"), values.get("to")
    if end is not None and (start is None or end < start):
        what = __("'to: {end}' comes without 'from' or before it").format(end=end)
        fix = __("check both years")
        problems.append(Problem(TEAM, entry.line_of("to"), what, fix, "history"))
    if problems:
        return None, problems
    return Period(
        values["label"], values["text"], start, end,
        values.get("onward", False), values.get("inferred", False),
    ), []  # fmt: skip
