"""The team's members as authors: the one list of names shown in bold in author lists.

The list is ``docs/_data/authors.yaml``; its header says who is listed and why. A BibTeX author is a
member when the surname and the first initial agree, accents and case aside, so that the forms
found in references.bib (``Herault, O.``, ``H{\\'e}rault, Olivier``) all match ``Hérault, Olivier``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import yaml
from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person
from pybtex.errors import capture
from sphinx.application import Sphinx

from .bibfile import scan
from .references import BIBFILE, is_others, plain
from .validation import Problem, validator

AUTHORS_FILE = Path("docs") / "_data" / "authors.yaml"
EXAMPLE = "Hérault, Olivier"

Signature = tuple[str, str]  # folded surname, folded first initial


def fold(text: str) -> str:
    """Lower case without accents: ``Hérault`` and ``Herault`` compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def signature(person: Person) -> Signature:
    surname = plain(" ".join(person.prelast_names + person.last_names))
    first = plain(" ".join(person.first_names + person.middle_names))
    return fold(surname), fold(first[:1])


def _names(path: Path) -> list[tuple[int, object]]:
    """Each listed member with its line; raises ``yaml.YAMLError`` on a syntax error."""
    root = yaml.compose(path.read_text(encoding="utf-8"))
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == "members" and isinstance(value, yaml.SequenceNode):
            return [(item.start_mark.line + 1, item.value) for item in value.value]
    return []


@cache
def _load(path: Path, mtime: float) -> frozenset[Signature]:
    return frozenset(signature(Person(name)) for _, name in _names(path))


def members(root: Path) -> frozenset[Signature]:
    """The signatures of the team's members listed in the project at ``root``."""
    path = root / AUTHORS_FILE
    return _load(path, path.stat().st_mtime)


def _bib_authors(root: Path) -> set[Signature]:
    text = (root / BIBFILE).read_bytes().decode("utf-8", errors="replace")
    found = set()
    with capture():  # a malformed name is the bibliography lint's to report
        for entry in scan(text).entries:
            if "author" in entry.fields:
                for name in split_name_list(entry.fields["author"].value):
                    person = Person(name)
                    if not is_others(person):
                        found.add(signature(person))
    return found


@validator
def check_authors(root: Path) -> Iterator[Problem]:
    """Every member is written ``Surname, First name`` and signs at least one entry."""
    where = AUTHORS_FILE.as_posix()
    path = root / AUTHORS_FILE
    if not path.exists():
        yield Problem(
            where,
            0,
            "the list of the team's members is missing",
            f"create it with a 'members:' list of names such as '{EXAMPLE}'",
        )
        return
    try:
        names = _names(path)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        yield Problem(
            where,
            line,
            f"not valid YAML ({getattr(error, 'problem', error)})",
            "indent each name under 'members:' as '  - Surname, First name'",
        )
        return
    if not names:
        yield Problem(where, 0, "no 'members:' list", f"list the members as '  - {EXAMPLE}'")
        return
    known = _bib_authors(root) if (root / BIBFILE).exists() else set()
    for line, name in names:
        if not isinstance(name, str) or name.count(",") != 1:
            yield Problem(
                where,
                line,
                f"{name!r} is not written 'Surname, First name'",
                f"write the name as in {BIBFILE}, e.g. '{EXAMPLE}'",
                str(name),
            )
        elif signature(Person(name)) not in known:
            yield Problem(
                where,
                line,
                f"no author of {BIBFILE} matches {name!r}",
                f"check the spelling against the author fields of {BIBFILE}",
                name,
            )


def setup(app: Sphinx) -> None:
    """Nothing to connect: importing the module registers its validator (see lnox_site.validation)."""
