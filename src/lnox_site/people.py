"""The people of the team (docs/_data/people.yaml) and the Team page built from them.

Each person has a name, a status from :data:`STATUSES`, and optionally roles (in each language),
a thesis and works (keys of references.bib, linked to their entries on the Publications page).
The ``people`` directive lists them, one group per status, in the language of the page.

A status only says what is known: « Thèses liées à l'équipe » does not claim that the doctor is
still in the team, « Membres » / « Anciens membres » are for people whose membership the team
confirms, « Direction de l’équipe » is for those who lead LNOx itself, and « Partenaires » for
those who work with it without being its members. ``nox -s new -- person "Prénom Nom"`` adds a
person to the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from docutils import nodes
from pybtex.exceptions import PybtexError
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import entry_dependencies, publications, records, sources
from .i18n import format_date, localise
from .new import scaffold
from .publications import BIBFILE, PUBLICATIONS_PAGE, Publication, anchor, plain, short_citation
from .records import Field
from .validation import Problem, project_root, validator

PEOPLE_FILE = "docs/_data/people.yaml"


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
LABELS = {
    "defended-on": {"fr": "Thèse soutenue le {} : ", "en": "Thesis defended on {}: "},
    "defended-in": {"fr": "Thèse soutenue en {} : ", "en": "Thesis defended in {}: "},
    "works": {"fr": "Publications : ", "en": "Publications: "},
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
    return _load(root, (root / PEOPLE_FILE).stat().st_mtime, bib.stat().st_mtime)


@cache
def _load(root: Path, *mtimes: float) -> tuple[list[Person], list[Problem]]:
    data, problems = records.read_yaml(root, PEOPLE_FILE)
    entries, found = records.items(data, PEOPLE_FILE, "person") if not problems else ([], [])
    problems += found
    try:
        bib = publications.read(root / BIBFILE)
    except PybtexError as error:
        what = f"unreadable ({error}), so the keys of {PEOPLE_FILE} could not be checked"
        return [], [*problems, Problem(BIBFILE, 0, what, "fix the bibliography first")]
    people = []
    for entry in entries:
        values, found = records.check(entry, FIELDS, PEOPLE_FILE, str(entry.get("name", "")))
        found += _status_problems(values, entry) + _key_problems(values, entry, bib)
        if not found:
            thesis = bib.get(values.get("thesis", ""))
            people.append(Person(**values, thesis_year=thesis.year if thesis else 0))
        problems += found
    repeats = records.duplicates((e.get("name"), PEOPLE_FILE, e.line_of("name")) for e in entries)
    problems += [
        Problem(PEOPLE_FILE, line, f"already listed at line {first}", "keep one entry", name)
        for name, _, line, _, first in repeats
    ]
    return people, problems


def _status_problems(values: dict, entry: records.Fields) -> list[Problem]:
    problems = []

    def report(line: int, what: str, fix: str) -> None:
        problems.append(Problem(PEOPLE_FILE, line, what, fix, values.get("name", "")))

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


def _key_problems(values: dict, entry: records.Fields, bib: dict[str, Publication]):
    """Keys missing from the bibliography, or whose entry the Publications page does not show."""
    problems = []

    def report(line: int, what: str, fix: str) -> None:
        problems.append(Problem(PEOPLE_FILE, line, what, fix, values.get("name", "")))

    keys = [("thesis", values["thesis"])] if "thesis" in values else []
    keys += [("works", key) for key in values.get("works", [])]
    for field_name, key in keys:
        line, pub = entry.line_of(field_name), bib.get(key)
        if pub is None:
            report(line, f"{key!r} is not a key of {BIBFILE}",
                   f"add the entry to {BIBFILE} or correct the key")  # fmt: skip
        elif not pub.is_team_work:
            report(line, f"{key!r} is not on the Publications page",
                   f"add the keyword lnox to its entry in {BIBFILE}")  # fmt: skip
        elif field_name == "thesis" and pub.entry.type != "phdthesis":
            report(line, f"{key!r} is a @{pub.entry.type}, not a thesis",
                   "give the key of a @phdthesis entry")  # fmt: skip
    defended, thesis = values.get("defended"), bib.get(values.get("thesis", ""))
    if defended and thesis and defended.year != thesis.year:
        report(entry.line_of("defended"),
               f"defended in {defended.year} but {BIBFILE} dates the thesis {thesis.year}",
               "correct the date or the year of the entry")  # fmt: skip
    return problems


@validator
def check_people(root: Path) -> list[Problem]:
    return load(root)[1]


# -- The Team page --------------------------------------------------------------------------------


class people_list(nodes.General, nodes.Element):
    """Placeholder for the groups of people, rendered in the language of the page."""


class PeopleDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        root = project_root(self.env.app)
        self.env.note_dependency(str(root / PEOPLE_FILE))
        # The theses and works are rendered when the page is written: written again when one of
        # their entries changes (the order of the theses follows their years).
        for person in load(root)[0]:
            for key in filter(None, [person.thesis, *person.works]):
                entry_dependencies.note_named(self.env, key)
        return [people_list()]


def _entry(person: Person, language: str, bib: dict[str, Publication], link) -> nodes.list_item:
    item = nodes.list_item(classes=["lnox-person"])
    item += nodes.paragraph("", "", nodes.strong(text=person.name))
    for role in person.roles:
        item += nodes.paragraph(text=localise(role, language))
    if person.thesis:
        thesis = bib[person.thesis]
        if person.defended:
            intro = localise(LABELS["defended-on"], language).format(
                format_date(person.defended, language)
            )
        else:
            intro = localise(LABELS["defended-in"], language).format(thesis.year)
        title = plain(thesis.entry.fields["title"])
        item += nodes.paragraph("", intro, link(title, person.thesis, nodes.emphasis))
    if person.works:
        para = nodes.paragraph("", localise(LABELS["works"], language))
        for index, key in enumerate(person.works):
            para += [nodes.Text(", ")] if index else []
            para += link(work_label(bib[key], language), key, nodes.inline)
        item += para
    return item


def work_label(pub: Publication, language: str) -> str:
    """``Kouzi et al. 2020 (Oncogene)``: the journal tells apart two papers of the same year."""
    cited = short_citation(pub, language)
    journal = pub.entry.fields.get("journal")
    return f"{cited} ({plain(journal)})" if journal else cited


def groups(people: list[Person]) -> dict[str, list[Person]]:
    """The people of each status, in the order of the statuses; people with a thesis come newest
    thesis first, the others keep the order of the file."""
    ordered = sorted(people, key=lambda p: -p.thesis_year)
    found = {status: [p for p in ordered if p.status == status] for status in STATUSES}
    return {status: members for status, members in found.items() if members}


def render(people: list[Person], language: str, bib, link) -> list[nodes.section]:
    sections = []
    for status, members in groups(people).items():
        section = nodes.section(ids=[f"people-{status}"], classes=["lnox-people"])
        section += nodes.title(text=localise(STATUSES[status].heading, language))
        listing = nodes.bullet_list()
        listing += [_entry(person, language, bib, link) for person in members]
        section += listing
        sections.append(section)
    return sections


def _render(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(people_list))
    if not placeholders:
        return
    root = project_root(app)
    bib = publications.read(root / BIBFILE)
    page = app.builder.get_relative_uri(docname, PUBLICATIONS_PAGE)

    def link(text: str, key: str, wrapper: type[nodes.Element]) -> nodes.reference:
        return nodes.reference("", "", wrapper(text=text), refuri=f"{page}#{anchor(key)}",
                               internal=True)  # fmt: skip

    for node in placeholders:
        node.replace_self(render(load(root)[0], app.config.language, bib, link))


# -- A new person ---------------------------------------------------------------------------------

TEMPLATE = """
- name: {name}
  status: member  # {statuses}: see the top of this file
  # roles:
  #   - fr: Ingénieure de recherche
  #     en: Research engineer
  # thesis: key of the thesis in references.bib
  # defended: YYYY-MM-DD
  # works: [key1, key2]  # keys of publications in references.bib
"""


@scaffold("person", '"Prénom Nom"')
def new_person(root: Path, args: list[str]) -> list[Path]:
    name = " ".join(args).strip()
    if not name:
        raise SystemExit('usage: nox -s new -- person "Prénom Nom"')
    path = root / PEOPLE_FILE
    data, _ = records.read_yaml(root, PEOPLE_FILE)
    for entry in data if isinstance(data, list) else []:
        if isinstance(entry, records.Fields) and entry.get("name") == name:
            raise SystemExit(f"{name} is already in {PEOPLE_FILE}, line {entry.line}: edit it")
    text = sources.read_text(path, root)
    addition = TEMPLATE.format(name=name, statuses=", ".join(STATUSES))
    path.write_text(text + ("" if text.endswith("\n") else "\n") + addition, encoding="utf-8")
    return [path]


def setup(app: Sphinx) -> None:
    app.add_node(people_list)
    app.add_directive("people", PeopleDirective)
    app.connect("doctree-resolved", _render)
