"""The bibliography lint: references.bib and the citations of the pages, checked before every build.

Each problem is reported as ``references.bib:LINE: key: what is wrong — how to fix it`` (or with the
page and its line), all of them at once, and stops the build before a page is written. The same
checks run with ``nox -s check`` and in the tests.

references.bib: readable as UTF-8; balanced braces and well-formed entries; no key used twice; the
fields each kind of entry needs; a DOI written as ``10.xxxx/…``, not as a URL; a plausible year;
keywords from the site's vocabulary (docs/_data/themes.yaml).

Pages: every cited key exists; citations are ``{footcite:p}``/``{footcite:t}`` followed by the
page's ``{footbibliography}`` (``{cite}`` and ``{bibliography}`` are refused: a second list of the
same entry is what produces duplicate-citation warnings); ``{pub}`` names a team publication (it
links to that publication's page).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from pathlib import Path

from pybtex.exceptions import PybtexError

from lnox_site.checks import kept
from lnox_site.content import markdown, sources
from lnox_site.content.bibfile import BibFile, Entry, scan
from lnox_site.content.doi import is_doi
from lnox_site.content.paths import BIBFILE, THEMES
from lnox_site.content.problems import ContentError, Problem
from lnox_site.content.references import parse_entry, parsed, read
from lnox_site.content.vocabulary import load

# The entry types the site's style renders, with the fields each needs.
REQUIRED = {
    "article": ("title", "journal", "year"),
    "phdthesis": ("author", "title", "school", "year"),
    "misc": ("title", "year"),
}
HINTS = {
    "author": "author = {Surname, First name and Surname, First name}",
    "title": "title = {the title as printed}",
    "journal": "journal = {the journal's full name}",
    "school": "school = {the university that awarded the thesis}",
    "year": "year = {the four-digit year of publication}",
}
KEY_SYNTAX = re.compile(r"[A-Za-z0-9_:.-]+")
DOI_AS_URL = re.compile(r"^\s*(?:https?://)?(?:dx\.)?doi\.org/|^\s*doi:\s*", re.IGNORECASE)
FIRST_YEAR = 1900
NAME_LISTS = ("author", "editor")
# "and" between two names, at the outer level of a value (braced groups are taken out first).
AND = re.compile(r"(?<!\S)and(?!\S)", re.IGNORECASE)
NAMES_FIX = (
    "write the names as Surname, First name and Surname, First name — one 'and' between two "
    "people, none at the start or the end"
)


def _close(word: str, choices: list[str]) -> str:
    match = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean {match[0]!r}?)" if match else ""


def _read(path: Path) -> tuple[str, list[int]]:
    """The text of the file, and the lines that are not valid UTF-8 (each is reported with its
    entry, and the rest of the file is still checked)."""
    raw = path.read_bytes()
    return raw.decode("utf-8-sig", errors="replace"), sources.bad_lines(raw)


def name_list_problems(value: str) -> list[str]:
    """What pybtex would read as an empty or malformed name in an author or editor list."""
    flat = value
    while True:  # a braced group is one word, whatever it holds; an empty one is no name at all
        inner = re.sub(r"\{[^{}]*\}", lambda m: "x" if m.group(0)[1:-1].strip() else "", flat)
        if inner == flat:
            break
        flat = inner
    names = [name.strip() for name in AND.split(flat)]
    found = []
    if any(not name for name in names):
        found.append("the list has an empty name (an 'and' at the start or the end, two in a "
                     "row, or an empty {})")  # fmt: skip
    for name in names:
        if name.count(",") > 2:
            found.append(f"a name has {name.count(',')} commas (at most two: Surname, Jr, First)")
    return found


def _entry_problems(entry: Entry, vocabulary: set[str], where: str) -> Iterator[Problem]:
    """One entry's key, type, required fields, DOI, year and keywords."""
    fields = entry.fields

    def problem(line: int, what: str, fix: str) -> Problem:
        return Problem(where, line, what, fix, entry.key)

    if not KEY_SYNTAX.fullmatch(entry.key):
        yield problem(
            entry.line,
            f"the key {entry.key!r} has characters other than letters, digits, - _ : .",
            "rename it, e.g. kouzi2020oncogene (pages link to it)",
        )
    if entry.type not in REQUIRED:
        yield problem(
            entry.line,
            f"@{entry.type} entries are not rendered by the site",
            f"use {', '.join('@' + name for name in REQUIRED)} "
            "(a work of another kind is a @misc with a howpublished field)",
        )
    for name in REQUIRED.get(entry.type, ()):
        if name not in fields or not fields[name].value.strip():
            yield problem(
                entry.line, f"no {name} (required for @{entry.type})", f"add {HINTS[name]}"
            )
    for name in NAME_LISTS:
        if name in fields:
            for what in name_list_problems(fields[name].value):
                yield problem(fields[name].line, f"{name}: {what}", NAMES_FIX)
    if "doi" in fields:
        doi = fields["doi"].value.strip()
        if DOI_AS_URL.match(doi):
            yield problem(
                fields["doi"].line,
                f"DOI written as a URL or with a prefix: {doi!r}",
                f"keep only the DOI itself: doi = {{{DOI_AS_URL.sub('', doi)}}}",
            )
        elif not is_doi(doi):
            yield problem(
                fields["doi"].line,
                f"{doi!r} is not a DOI",
                "a DOI starts with '10.', a registrant number and '/', e.g. 10.1038/nature12984",
            )
    if "year" in fields:
        year, last = fields["year"].value.strip(), dt.date.today().year + 1
        if not re.fullmatch(r"\d{4}", year):
            yield problem(
                fields["year"].line, f"{year!r} is not a year", "write four digits: year = {2021}"
            )
        elif not FIRST_YEAR <= int(year) <= last:
            yield problem(
                fields["year"].line,
                f"the year {year} is not plausible",
                f"write the year of publication, between {FIRST_YEAR} and {last}",
            )
    if "keywords" in fields:
        for keyword in (k.strip() for k in fields["keywords"].value.split(",")):
            if keyword and keyword not in vocabulary:
                yield problem(
                    fields["keywords"].line,
                    f"the keyword {keyword!r} is not in the vocabulary"
                    + _close(keyword, sorted(vocabulary)),
                    f"use the keywords of {THEMES}, or add it there with its theme",
                )


def _refused_by_pybtex(bib: BibFile, text: str, where: str) -> Iterator[Problem]:
    """What pybtex still refuses once the structure is sound (e.g. a malformed author name)."""
    try:
        parsed(text, bib)
        return
    except PybtexError:
        pass
    for entry in bib.entries:  # find the entries at fault
        try:
            parse_entry(entry.text)
        except PybtexError as error:
            yield Problem(
                where,
                entry.line,
                f"cannot be read: {error}",
                "write the authors as: Surname, First name and Surname, First name",
                entry.key,
            )


def problems_of(path: Path, vocabulary: set[str]) -> list[Problem]:
    """Every problem of a bibliography file, reported against its name and lines."""
    where = path.name
    text, bad_lines = _read(path)
    bib = scan(text)
    found = [
        Problem(
            where,
            line,
            f"{sources.NOT_UTF8} (the file was saved as Latin-1 or Windows-1252)",
            f"{sources.SAVE_AS_UTF8} in your editor, or write accents as {{\\'e}}",
            bib.entry_at(line),
        )
        for line in bad_lines
    ]
    found += [Problem(where, m.line, m.what, m.fix, m.key) for m in bib.mistakes]
    first_seen: dict[str, Entry] = {}
    for entry in bib.entries:
        earlier = first_seen.setdefault(entry.key.lower(), entry)
        if earlier is not entry:
            found.append(
                Problem(
                    where,
                    entry.line,
                    f"the key is already used by the entry at line {earlier.line}",
                    f"give one of them another key, e.g. {entry.key}b (keys ignore case)",
                    entry.key,
                )
            )
        if entry.text:  # an entry that could not be read to its end has its mistake reported
            found += _entry_problems(entry, vocabulary, where)
    return found or list(_refused_by_pybtex(bib, text, where))


def check_bibliography(root: Path) -> list[Problem]:
    path = root / BIBFILE
    if not path.exists():
        return [
            Problem(
                BIBFILE,
                0,
                "the bibliography is missing",
                f"restore {BIBFILE} at the top of the project",
            )
        ]
    return kept.current(root).result(
        "bibliography", path, lambda: problems_of(path, set(load(root).keywords))
    )


# {footcite:p}`a,b`, {cite:t}`a`, {pub}`a`
CITING_ROLES = ("footcite", "cite", "pub")


Team = tuple[str, frozenset[str]]  # the keyword of the team's works, their lower-case keys


def citation_problems(
    where: str, page: str, root: Path, keys: dict[str, str], team: Team | None = None
) -> Iterator[Problem]:
    """Problems of the text of one page (examples of syntax in code are not citations); ``keys``
    maps each lower-case key of references.bib to its spelling; ``team`` tells the team's works
    (None: unknown, ``{pub}`` is not checked)."""
    pending: int | None = None  # first footcite not yet followed by a {footbibliography}
    choices = sorted(keys.values())
    for located in markdown.walk(page, root):
        token, line = located.token, located.line
        directive = markdown.directive_name(token)
        if directive == "footbibliography":
            pending = None
        elif directive == "bibliography":
            yield Problem(
                where,
                line,
                "a {bibliography} list would repeat entries listed on other pages",
                "cite with {footcite:p} and end the page with a {footbibliography} block; "
                "list the team's work with the publication-list directive",
            )
        role, variant = markdown.role(token) if token.type == "myst_role" else ("", "")
        if role in CITING_ROLES:
            cited = [key.strip() for key in token.content.split(",")]
            for key in cited:
                if key.lower() not in keys:
                    yield Problem(
                        where,
                        line,
                        f"unknown BibTeX key in {{{role}}}" + _close(key, choices),
                        f"use the key of an entry of {BIBFILE}, or add the entry there",
                        key,
                    )
            if role == "pub" and team is not None:
                yield from _not_team_works(where, line, cited, keys, team)
            if role == "cite":
                variant = variant or "p"
                yield Problem(
                    where,
                    line,
                    f"{{cite:{variant}}} needs a {{bibliography}} list, which the site does not use",
                    f"write {{footcite:{variant}}} and end the page with a {{footbibliography}} block "
                    "(or {pub} to link to the page of a team publication)",
                    ", ".join(cited),
                )
            elif role == "footcite" and pending is None:
                pending = line
    if pending is not None:
        yield Problem(
            where,
            pending,
            "no {footbibliography} after this citation: its reference would be missing",
            "end the page with a block ```{footbibliography}``` (after the last citation)",
        )


def _not_team_works(
    where: str, line: int, cited: list[str], keys: dict[str, str], team: Team
) -> Iterator[Problem]:
    keyword, works = team
    for key in cited:
        if key.lower() in keys and key.lower() not in works:
            yield Problem(
                where,
                line,
                f"{{pub}} links to the page of a team publication, and {key} is not one",
                f"cite it with {{footcite:p}}, or add {keyword} to its keywords in {BIBFILE} "
                "if it is the team's work",
                key,
            )


def _team(root: Path) -> Team | None:
    """The team's works; None when themes.yaml cannot say (its own check tells why)."""
    try:
        keyword = load(root).team
    except ContentError:
        return None
    return keyword, frozenset(key.lower() for key, pub in read(root).items() if pub.is_team_work)


def check_citations(root: Path) -> Iterator[Problem]:
    bib = root / BIBFILE
    if not bib.exists():
        return
    results = kept.current(root)
    keys: dict[str, str] = results.result(
        "keys", bib, lambda: {entry.key.lower(): entry.key for entry in scan(_read(bib)[0]).entries}
    )
    team = _team(root)
    # A page's result depends on which keys exist, and on which are the team's works.
    inputs = [*sorted(keys.values()), repr(team and (team[0], sorted(team[1])))]
    yield from results.each(
        "citations",
        sources.pages(root),
        lambda page, text: citation_problems(
            page.relative_to(root).as_posix(), text, root, keys, team
        ),
        *inputs,
    )
