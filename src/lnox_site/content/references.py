"""The entries of references.bib as the site sees them: year, keywords, kind of work, team work.

The conventions are those of the file's header comment: the keyword named ``team`` in
docs/_data/themes.yaml (``lnox``) marks the team's own work, ``conference-abstract`` marks a
conference abstract (an ``@article`` in a journal supplement), and ``@phdthesis`` entries are
doctoral theses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pybtex.backends.plaintext import Backend as PlainText
from pybtex.database import Entry, Person
from pybtex.database.input.bibtex import Parser
from pybtex.errors import capture
from pybtex.richtext import BaseText, Text

from lnox_site.content import sources, vocabulary
from lnox_site.content.paths import BIBFILE

ABSTRACT_KEYWORD = "conference-abstract"
# Kinds of work, in the order the Publications page counts them.
KINDS = ("article", "abstract", "thesis", "other")

_PLAIN = PlainText()


def as_plain(text: BaseText) -> str:
    """Rich text (pybtex) as plain Unicode."""
    return text.render(_PLAIN)


@cache  # names recur in many entries, and decoding LaTeX is the slow part of formatting
def plain(latex: str) -> str:
    """BibTeX text (``H{\\'e}rault``) as plain Unicode (``Hérault``)."""
    return as_plain(Text.from_latex(latex))


def keywords(entry: Entry) -> set[str]:
    raw = entry.fields.get("keywords", "")
    return {word.strip() for word in raw.split(",") if word.strip()}


def kind(entry: Entry) -> str:
    """``article``, ``abstract``, ``thesis`` or ``other`` (see :data:`KINDS`)."""
    if entry.type == "phdthesis":
        return "thesis"
    if entry.type == "article":
        return "abstract" if ABSTRACT_KEYWORD in keywords(entry) else "article"
    return "other"


def is_others(person: Person) -> bool:
    """The ``and others`` that ends an author list known only in part."""
    return str(person) == "others"


def authors(entry: Entry) -> list[Person]:
    """The named authors (without the final ``others`` of a partial list)."""
    return [person for person in entry.persons.get("author", []) if not is_others(person)]


def full_name(person: Person) -> str:
    """``Olivier Hérault``: the name as it is spoken, for structured data."""
    return plain(" ".join(person.first_names + person.middle_names + person.prelast_names
                          + person.last_names + person.lineage_names))  # fmt: skip


@dataclass(frozen=True)
class Publication:
    key: str
    entry: Entry
    is_team_work: bool = False  # the entry has the team's keyword

    @property
    def year(self) -> int:
        return int(self.entry.fields.get("year", 0))

    @property
    def keywords(self) -> set[str]:
        return keywords(self.entry)

    @property
    def kind(self) -> str:
        return kind(self.entry)

    def field(self, name: str) -> str:
        """A field as plain text ("" when the entry has none)."""
        return plain(self.entry.fields.get(name, ""))


def publications(entries: Mapping[str, Entry], team: str) -> dict[str, Publication]:
    """The entries as publications, those with the keyword ``team`` being the team's work."""
    return {key: Publication(key, entry, team in keywords(entry)) for key, entry in entries.items()}


@cache
def _read(path: Path, mtime: float | None, team: str) -> dict[str, Publication]:
    if mtime is None:
        return {}  # the bibliography's own check reports the missing file
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    with capture():  # a mistake in the file is the bibliography lint's to report, with its line
        return publications(Parser().parse_string(text).entries, team)


def read(root: Path) -> dict[str, Publication]:
    """Every entry of the references.bib of the project at ``root`` that can be read, even when
    the file has mistakes, so that the checks of other content still run (parsed again only when
    the file changes)."""
    path = root / BIBFILE
    return _read(path, sources.stamp(path), vocabulary.load(root).team)


def team_only(pubs: Iterable[Publication], keywords: set[str] | None = None) -> list[Publication]:
    """The team's entries, newest first, restricted to ``keywords`` when given."""
    selected = [
        pub for pub in pubs if pub.is_team_work and (not keywords or pub.keywords & keywords)
    ]
    return sorted(selected, key=lambda pub: (-pub.year, pub.key))


def team_publications(root: Path, keywords: set[str] | None = None) -> list[Publication]:
    """The team's entries of the project at ``root``, newest first (see :func:`team_only`)."""
    return team_only(read(root).values(), keywords)
