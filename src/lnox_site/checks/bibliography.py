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
from lnox_site.content.wording import N__, __

# The entry types the site's style renders, with the fields each needs.
REQUIRED = {
    "article": ("title", "journal", "year"),
    "phdthesis": ("author", "title", "school", "year"),
    "misc": ("title", "year"),
}
HINTS = {
    "author": N__("author = {Surname, First name and Surname, First name}"),
    "title": N__("title = {the title as printed}"),
    "journal": N__("journal = {the journal's full name}"),
    "school": N__("school = {the university that awarded the thesis}"),
    "year": N__("year = {the four-digit year of publication}"),
}
KEY_SYNTAX = re.compile(r"[A-Za-z0-9_:.-]+")
DOI_AS_URL = re.compile(r"^\s*(?:https?://)?(?:dx\.)?doi\.org/|^\s*doi:\s*", re.IGNORECASE)
FIRST_YEAR = 1900
NAME_LISTS = ("author", "editor")
# "and" between two names, at the outer level of a value (braced groups are taken out first).
AND = re.compile(r"(?<!\S)and(?!\S)", re.IGNORECASE)
NAMES_FIX = N__(
    "write the names as Surname, First name and Surname, First name — one 'and' between two "
    "people, none at the start or the end"
)


def _close(word: str, choices: list[str]) -> str:
    match = difflib.get_close_matches(word, choices, n=1)
    return " " + __("(did you mean {match}?)").format(match=repr(match[0])) if match else ""


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
        found.append(__("the list has an empty name (an 'and' at the start or the end, two in a "
                        "row, or an empty {})"))  # fmt: skip
    for name in names:
        if name.count(",") > 2:
            found.append(__("a name has {count} commas (at most two: Surname, Jr, First)").format(
                count=name.count(",")))  # fmt: skip
    return found


def _entry_problems(entry: Entry, vocabulary: set[str], where: str) -> Iterator[Problem]:
    """One entry's key, type, required fields, DOI, year and keywords."""
    fields = entry.fields

    def problem(line: int, what: str, fix: str) -> Problem:
        return Problem(where, line, what, fix, entry.key)

    if not KEY_SYNTAX.fullmatch(entry.key):
        yield problem(
            entry.line,
            __("the key {key} has characters other than letters, digits, - _ : .").format(
                key=repr(entry.key)
            ),
            __("rename it, e.g. kouzi2020oncogene (pages link to it)"),
        )
    if entry.type not in REQUIRED:
        yield problem(
            entry.line,
            __("@{type} entries are not rendered by the site").format(type=entry.type),
            __("use {types} (a work of another kind is a @misc with a howpublished field)").format(
                types=", ".join("@" + name for name in REQUIRED)
            ),
        )
    for name in REQUIRED.get(entry.type, ()):
        if name not in fields or not fields[name].value.strip():
            yield problem(
                entry.line,
                __("no {field} (required for @{type})").format(field=name, type=entry.type),
                __("add {hint}").format(hint=__(HINTS[name])),
            )
    for name in NAME_LISTS:
        if name in fields:
            for what in name_list_problems(fields[name].value):
                yield problem(fields[name].line, f"{name}: {what}", __(NAMES_FIX))
    if "doi" in fields:
        doi = fields["doi"].value.strip()
        if DOI_AS_URL.match(doi):
            yield problem(
                fields["doi"].line,
                __("DOI written as a URL or with a prefix: {doi}").format(doi=repr(doi)),
                __("keep only the DOI itself: {field}").format(
                    field=f"doi = {{{DOI_AS_URL.sub('', doi)}}}"
                ),
            )
        elif not is_doi(doi):
            yield problem(
                fields["doi"].line,
                __("{doi} is not a DOI").format(doi=repr(doi)),
                __(
                    "a DOI starts with '10.', a registrant number and '/', e.g. 10.1038/nature12984"
                ),
            )
    if "year" in fields:
        year, last = fields["year"].value.strip(), dt.date.today().year + 1
        if not re.fullmatch(r"\d{4}", year):
            yield problem(
                fields["year"].line,
                __("{year} is not a year").format(year=repr(year)),
                __("write four digits: year = {2021}"),
            )
        elif not FIRST_YEAR <= int(year) <= last:
            yield problem(
                fields["year"].line,
                __("the year {year} is not plausible").format(year=year),
                __("write the year of publication, between {first} and {last}").format(
                    first=FIRST_YEAR, last=last
                ),
            )
    if "keywords" in fields:
        for keyword in (k.strip() for k in fields["keywords"].value.split(",")):
            if keyword and keyword not in vocabulary:
                yield problem(
                    fields["keywords"].line,
                    __("the keyword {keyword} is not in the vocabulary").format(
                        keyword=repr(keyword)
                    )
                    + _close(keyword, sorted(vocabulary)),
                    __("use the keywords of {file}, or add it there with its theme").format(
                        file=THEMES
                    ),
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
                __("cannot be read: {error}").format(error=error),
                __("write the authors as: Surname, First name and Surname, First name"),
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
            __("{not_utf8} (the file was saved as Latin-1 or Windows-1252)").format(
                not_utf8=__(sources.NOT_UTF8)
            ),
            __("{save_as_utf8} in your editor, or write accents as {accent}").format(
                save_as_utf8=__(sources.SAVE_AS_UTF8), accent="{\\'e}"
            ),
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
                    __("the key is already used by the entry at line {line}").format(
                        line=earlier.line
                    ),
                    __("give one of them another key, e.g. {key}b (keys ignore case)").format(
                        key=entry.key
                    ),
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
                __("the bibliography is missing"),
                __("restore {file} at the top of the project").format(file=BIBFILE),
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
                __("a {bibliography} list would repeat entries listed on other pages"),
                __(
                    "cite with {footcite:p} and end the page with a {footbibliography} block; "
                    "list the team's work with the publication-list directive"
                ),
            )
        role, variant = markdown.role(token) if token.type == "myst_role" else ("", "")
        if role in CITING_ROLES:
            cited = [key.strip() for key in token.content.split(",")]
            for key in cited:
                if key.lower() not in keys:
                    yield Problem(
                        where,
                        line,
                        __("unknown BibTeX key in {role}").format(role=f"{{{role}}}")
                        + _close(key, choices),
                        __("use the key of an entry of {file}, or add the entry there").format(
                            file=BIBFILE
                        ),
                        key,
                    )
            if role == "pub" and team is not None:
                yield from _not_team_works(where, line, cited, keys, team)
            if role == "cite":
                variant = variant or "p"
                yield Problem(
                    where,
                    line,
                    __("{cite} needs a {{bibliography}} list, which the site does not use").format(
                        cite=f"{{cite:{variant}}}"
                    ),
                    __(
                        "write {footcite} and end the page with a {{footbibliography}} block "
                        "(or {{pub}} to link to the page of a team publication)"
                    ).format(footcite=f"{{footcite:{variant}}}"),
                    ", ".join(cited),
                )
            elif role == "footcite" and pending is None:
                pending = line
    if pending is not None:
        yield Problem(
            where,
            pending,
            __("no {footbibliography} after this citation: its reference would be missing"),
            __("end the page with a block ```{footbibliography}``` (after the last citation)"),
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
                __("{{pub}} links to the page of a team publication, and {key} is not one").format(
                    key=key
                ),
                __(
                    "cite it with {{footcite:p}}, or add {keyword} to its keywords in {file} "
                    "if it is the team's work"
                ).format(keyword=keyword, file=BIBFILE),
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
    team = results.result("team works", bib, lambda: _team(root))
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
