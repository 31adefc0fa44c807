"""The people of the team (docs/_data/people.yaml), read and checked.

Each person has a name, a status from :data:`STATUSES`, and optionally roles (in each language),
a thesis and works (keys of references.bib, linked to the pages of these publications).
The Team page (:mod:`lnox_site.pages.people`) lists them, one group per status.

A status only says what is known: « Thèses liées à l'équipe » does not claim that the doctor is
still in the team, « Membres » / « Anciens membres » are for people whose membership the team
confirms, « Direction de l’équipe » is for those who lead or co-lead the team under one of its
names (LNOx, or N2COx in its INSERM form), and « Partenaires » for those who work with it without
being its members. ``nox -s new -- person "Prénom Nom"`` adds a person to the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pybtex.exceptions import PybtexError

from lnox_site.content import records, sources, vocabulary
from lnox_site.content.paths import BIBFILE, PEOPLE
from lnox_site.content.problems import Problem
from lnox_site.content.records import Field
from lnox_site.content.references import Publication, read


@dataclass(frozen=True)
class Status:
    heading: dict[str, str]  # the title of the group of people with this status
    requires: str | None = None  # a field that a person with this status must have


# In the order of the groups on the Team page.
STATUSES = {
    "leader": Status({"fr": "Direction de l’équipe", "en": "Team leadership"}),
    "member": Status({"fr": "Membres de l’équipe", "en": "Team members"}),
    "phd": Status(
        {"fr": "Thèses liées à l’équipe", "en": "Doctoral theses linked to the team"},
        requires="thesis",
    ),
    "contributor": Status(
        {"fr": "Contributions aux travaux de l’équipe", "en": "Contributors to the team’s work"},
        requires="works",
    ),
    "partner": Status({"fr": "Partenaires de l’équipe", "en": "The team’s partners"}),
    "alumnus": Status({"fr": "Anciens membres", "en": "Former members"}),
}
BIBKEY_HOW = f"a key of {BIBFILE}"
FIELDS = {
    "name": Field(records.name, "the person's first name and surname", required=True),
    "status": Field(records.name, f"one of {', '.join(STATUSES)}", required=True),
    "roles": Field(records.listing(records.translated), "a list of roles, each as fr: … en: …"),
    "thesis": Field(records.name, f"{BIBKEY_HOW} (a @phdthesis entry)"),
    "defended": Field(records.date, "the day of the defence, written YYYY-MM-DD"),
    "works": Field(records.listing(records.name), f"a list of keys of {BIBFILE}"),
}


@dataclass(frozen=True)
class Person:
    name: str
    status: str
    roles: list[dict[str, str]] = field(default_factory=list)
    thesis: str | None = None
    defended: dt.date | None = None
    works: list[str] = field(default_factory=list)
    thesis_year: int = 0  # from references.bib


def load(root: Path) -> tuple[list[Person], list[Problem]]:
    """The people, in the order of the file, and every problem found.

    Read again when the people file or the bibliography changes.
    """
    bib = root / BIBFILE
    return _load(root, sources.stamp(root / PEOPLE), sources.stamp(bib))


@cache
def _load(root: Path, *mtimes: float | None) -> tuple[list[Person], list[Problem]]:
    data, problems = records.read_yaml(root, PEOPLE)
    entries, found = records.items(data, PEOPLE, "person") if not problems else ([], [])
    problems += found
    try:
        bib = read(root)
    except PybtexError as error:
        what = f"unreadable ({error}), so the keys of {PEOPLE} could not be checked"
        return [], [*problems, Problem(BIBFILE, 0, what, "fix the bibliography first")]
    people = []
    for entry in entries:
        values, found = records.check(entry, FIELDS, PEOPLE, str(entry.get("name", "")))
        found += _status_problems(values, entry) + _key_problems(
            values, entry, bib, vocabulary.load(root).team
        )
        if not found:
            thesis = bib.get(values.get("thesis", ""))
            people.append(Person(**values, thesis_year=thesis.year if thesis else 0))
        problems += found
    repeats = records.duplicates((e.get("name"), PEOPLE, e.line_of("name")) for e in entries)
    problems += [
        Problem(PEOPLE, line, f"already listed at line {first}", "keep one entry", name)
        for name, _, line, _, first in repeats
    ]
    return people, problems


def _status_problems(values: dict, entry: records.Fields) -> list[Problem]:
    problems = []

    def report(line: int, what: str, fix: str) -> None:
        problems.append(Problem(PEOPLE, line, what, fix, values.get("name", "")))

    status = STATUSES.get(values.get("status", ""))
    if "status" in values and status is None:
        fix = f"use one of: {', '.join(STATUSES)} (see the top of the file)"
        report(entry.line_of("status"), f"unknown status {values['status']!r}", fix)
    if status and status.requires and status.requires not in entry:
        what = f"the status {values['status']!r} needs the field {status.requires!r}"
        report(entry.line, what, f"add {status.requires}: {FIELDS[status.requires].how}")
    if "defended" in entry and "thesis" not in entry:
        report(entry.line_of("defended"), "a defence date without a thesis", "add thesis:")
    return problems


def _key_problems(values: dict, entry: records.Fields, bib: dict[str, Publication], team: str):
    """Keys missing from the bibliography, or whose entry the Publications page does not show."""
    problems = []

    def report(line: int, what: str, fix: str) -> None:
        problems.append(Problem(PEOPLE, line, what, fix, values.get("name", "")))

    keys = [("thesis", values["thesis"])] if "thesis" in values else []
    keys += [("works", key) for key in values.get("works", [])]
    for field_name, key in keys:
        line, pub = entry.line_of(field_name), bib.get(key)
        if pub is None:
            report(line, f"{key!r} is not a key of {BIBFILE}",
                   f"add the entry to {BIBFILE} or correct the key")  # fmt: skip
        elif not pub.is_team_work:
            report(line, f"{key!r} is not on the Publications page",
                   f"add the keyword {team} to its entry in {BIBFILE}")  # fmt: skip
        elif field_name == "thesis" and pub.entry.type != "phdthesis":
            report(line, f"{key!r} is a @{pub.entry.type}, not a thesis",
                   "give the key of a @phdthesis entry")  # fmt: skip
    defended, thesis = values.get("defended"), bib.get(values.get("thesis", ""))
    if defended and thesis and defended.year != thesis.year:
        report(entry.line_of("defended"),
               f"defended in {defended.year} but {BIBFILE} dates the thesis {thesis.year}",
               "correct the date or the year of the entry")  # fmt: skip
    return problems
