"""The team's members as authors: the one list of names shown in bold in author lists.

The names are those of the people of the Team page, ``docs/_data/people.yaml`` (its header says who
is listed and why). A BibTeX author is a member when the surname and the first initial agree,
accents and case aside, so that the forms found in references.bib (``Herault, O.``,
``H{\\'e}rault, Olivier``) all match ``Olivier Hérault``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pybtex.database import Person

from lnox_site.content import records, sources
from lnox_site.content.folding import fold
from lnox_site.content.paths import PEOPLE
from lnox_site.content.problems import ContentError
from lnox_site.content.references import plain

Signature = tuple[str, str]  # folded surname, folded first initial


def signature(person: Person) -> Signature:
    surname = plain(" ".join(person.prelast_names + person.last_names))
    first = plain(" ".join(person.first_names + person.middle_names))
    return fold(surname), fold(first[:1])


@cache
def _load(root: Path, mtime: float | None) -> frozenset[Signature]:
    entries, problems = records.read_yaml(root, PEOPLE)
    if problems:
        raise ContentError(problems[0])
    if not isinstance(entries, list):
        return frozenset()  # not a list of people: its check says so (content.people)
    names = (entry.get("name") for entry in entries if isinstance(entry, dict))
    return frozenset(signature(Person(name)) for name in names if isinstance(name, str))


def members(root: Path) -> frozenset[Signature]:
    """The signatures of the people of the project at ``root``.

    Raises ContentError when the people file cannot be read (no bold names would be a silent
    mistake); other mistakes in it are reported by its own check (lnox_site.content.people).
    """
    return _load(root, sources.stamp(root / PEOPLE))
