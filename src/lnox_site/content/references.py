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
from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.input.bibtex import Parser
from pybtex.errors import capture
from pybtex.exceptions import PybtexError
from pybtex.richtext import BaseText, Text

from lnox_site.content import sources, vocabulary
from lnox_site.content.bibfile import BibFile, scan
from lnox_site.content.paths import BIBFILE

ABSTRACT_KEYWORD = "conference-abstract"
# Kinds of work, in the order the Publications page counts them.
KINDS = ("article", "abstract", "thesis", "other")

_PLAIN = PlainText()
# What pybtex made of each entry's text (or the first error it found in it), so that after an edit
# of references.bib only the entries whose text changed are parsed again (pybtex reads about 6,000
# entries a second; a site of 2,000 entries is read several times per build).
_PARSED: dict[str, Entry | PybtexError] = {}


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


def remember(text: str, entry: Entry) -> None:
    """``entry`` is what pybtex made of the entry written ``text`` (in an earlier build, kept in its
    environment): it is not parsed again."""
    _PARSED.setdefault(text, entry)


def parse_entry(text: str) -> Entry:
    """The entry written ``text`` (from its ``@`` to its closing brace), parsed once per text;
    raises the first error pybtex finds in it."""
    if text not in _PARSED:
        try:
            with capture() as errors:
                data = Parser().parse_string(text)
        except PybtexError as error:
            errors.append(error)
        _PARSED[text] = errors[0] if errors else next(iter(data.entries.values()))
    found = _PARSED[text]
    if isinstance(found, PybtexError):
        raise found
    return found


def parsed(text: str, bib: BibFile | None = None) -> BibliographyData:
    """The entries of a BibTeX text as ``Parser().parse_string(text)`` reads them (raising the first
    error), each entry parsed once per text (:func:`parse_entry`). ``bib``: the text's
    :func:`~lnox_site.content.bibfile.scan`, when the caller has it."""
    bib = bib or scan(text)
    if bib.mistakes or bib.commands:
        # Entries cut short, or abbreviations: an entry alone may not read as it does in the file.
        return Parser().parse_string(text)
    data = BibliographyData()
    for entry in bib.entries:
        data.add_entry(entry.key, parse_entry(entry.text))
    return data


@cache
def _read(path: Path, mtime: float | None, team: str) -> dict[str, Publication]:
    if mtime is None:
        return {}  # the bibliography's own check reports the missing file
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    try:
        return publications(parsed(text).entries, team)
    except PybtexError:
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
