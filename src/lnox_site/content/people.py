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
from lnox_site.content.wording import N_, N__, __


@dataclass(frozen=True)
class Status:
    heading: str  # the title of the group of people with this status, marked with N_
    requires: str | None = None  # a field that a person with this status must have


# In the order of the groups on the Team page.
STATUSES = {
    "leader": Status(N_("Team leadership")),
    "member": Status(N_("Team members")),
    "phd": Status(N_("Doctoral theses linked to the team"), requires="thesis"),
    "contributor": Status(N_("Contributors to the team’s work"), requires="works"),
    "partner": Status(N_("The team’s partners")),
    "alumnus": Status(N_("Former members")),
}
BIBFILE_WORDS = (("bibfile", BIBFILE),)
FIELDS = {
    "name": Field(records.name, N__("the person's first name and surname"), required=True),
    "status": Field(
        records.name,
        N__("one of {statuses}"),
        required=True,
        words=(("statuses", ", ".join(STATUSES)),),
    ),
    "roles": Field(
        records.listing(records.translated), N__("a list of roles, each as fr: … en: …")
    ),
    "thesis": Field(
        records.name, N__("a key of {bibfile} (a @phdthesis entry)"), words=BIBFILE_WORDS
    ),
    "defended": Field(records.date, N__("the day of the defence, written YYYY-MM-DD")),
    "works": Field(
        records.listing(records.name), N__("a list of keys of {bibfile}"), words=BIBFILE_WORDS
    ),
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
    entries, found = records.items(data, PEOPLE, N__("person")) if not problems else ([], [])
    problems += found
    try:
        bib = read(root)
    except PybtexError as error:
        what = __("unreadable ({error}), so the keys of {file} could not be checked").format(
            error=error, file=PEOPLE
        )
        return [], [*problems, Problem(BIBFILE, 0, what, __("fix the bibliography first"))]
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
        Problem(
            PEOPLE,
            line,
            __("already listed at line {line}").format(line=first),
            __("keep one entry"),
            name,
        )
        for name, _, line, _, first in repeats
    ]
    return people, problems


def _status_problems(values: dict, entry: records.Fields) -> list[Problem]:
    problems = []

    def report(line: int, what: str, fix: str) -> None:
        problems.append(Problem(PEOPLE, line, what, fix, values.get("name", "")))

    status = STATUSES.get(values.get("status", ""))
    if "status" in values and status is None:
        fix = __("use one of: {statuses} (see the top of the file)").format(
            statuses=", ".join(STATUSES)
        )
        what = __("unknown status {status}").format(status=repr(values["status"]))
        report(entry.line_of("status"), what, fix)
    if status and status.requires and status.requires not in entry:
        what = __("the status {status} needs the field {field}").format(
            status=repr(values["status"]), field=repr(status.requires)
        )
        fix = __("add {field}: {how}").format(
            field=status.requires, how=FIELDS[status.requires].said()
        )
        report(entry.line, what, fix)
    if "defended" in entry and "thesis" not in entry:
        what = __("a defence date without a thesis")
        report(entry.line_of("defended"), what, __("add thesis:"))
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
            report(line, __("{key} is not a key of {file}").format(key=repr(key), file=BIBFILE),
                   __("add the entry to {file} or correct the key").format(file=BIBFILE))  # fmt: skip
        elif not pub.is_team_work:
            report(line, __("{key} is not on the Publications page").format(key=repr(key)),
                   __("add the keyword {keyword} to its entry in {file}").format(
                       keyword=team, file=BIBFILE))  # fmt: skip
        elif field_name == "thesis" and pub.entry.type != "phdthesis":
            report(line, __("{key} is a @{type}, not a thesis").format(
                       key=repr(key), type=pub.entry.type),
                   __("give the key of a @phdthesis entry"))  # fmt: skip
    defended, thesis = values.get("defended"), bib.get(values.get("thesis", ""))
    if defended and thesis and defended.year != thesis.year:
        report(entry.line_of("defended"),
               __("defended in {defended} but {file} dates the thesis {year}").format(
                   defended=defended.year, file=BIBFILE, year=thesis.year),
               __("correct the date or the year of the entry"))  # fmt: skip
    return problems
