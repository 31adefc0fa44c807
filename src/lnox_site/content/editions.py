"""The editions of the « Niches Tumorales » symposium, read from their pages and checked.

An edition is a page ``docs/symposium/<year>.md`` whose front matter holds the edition's number,
year, dates, place, chair, the bodies it is held under… (see :data:`FIELDS`). The edition pages
and the series page are written from them by :mod:`lnox_site.pages.symposium`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lnox_site.content import frontmatter, records
from lnox_site.content.paths import SYMPOSIUM
from lnox_site.content.problems import Problem
from lnox_site.content.records import Field
from lnox_site.content.wording import N__, __

EDITION_FILE = re.compile(r"(\d{4})\.md")
DATE_HOW = N__("a date as YYYY-MM-DD, e.g. 2019-11-07")
NAMES_HOW = N__("a list of names, one per line, each starting with '- '")

FIELDS = {
    "edition": Field(
        records.number, N__("the edition's number in the series, e.g. 9"), required=True
    ),
    "year": Field(
        records.year, N__("the year of the edition, the same as the file name"), required=True
    ),
    "start": Field(records.date, DATE_HOW),
    "end": Field(
        records.date,
        N__("a date as YYYY-MM-DD, e.g. 2019-11-07 (leave it out for a one-day meeting)"),
    ),
    "city": Field(records.name, N__("the city, e.g. Tours")),
    "venue": Field(records.name, N__("the building or the room")),
    "chair": Field(records.name, N__("the name of the person who chairs the edition")),
    # « sous l'égide de »: the bodies an edition is held under, which does not say they organise it.
    "aegis": Field(records.listing(records.name), NAMES_HOW),
    "organisers": Field(records.listing(records.name), NAMES_HOW),
    "partners": Field(records.listing(records.name), NAMES_HOW),
    "themes": Field(
        records.listing(records.translated), N__("a list of themes, each as fr: … en: …")
    ),
    "speakers": Field(records.listing(records.name), NAMES_HOW),
    "programme": Field(records.url, N__("the web address of the programme, https://…")),
    # What search engines show of the page (content.summaries), its English in the catalogue.
    "description": Field(records.name, N__("a sentence of at most 200 characters")),
    "links": Field(
        records.listing(
            records.record(
                {
                    "title": Field(records.text, "", required=True),
                    "url": Field(records.url, "", required=True),
                }
            )
        ),
        N__("a list of links, each with a title (fr: … en: …) and a url (https://…)"),
    ),
}


@dataclass(frozen=True)
class Edition:
    path: str  # relative to the project root
    number: int
    year: int
    start: dt.date | None = None
    end: dt.date | None = None
    city: str | None = None
    venue: str | None = None
    chair: str | None = None
    aegis: list[str] = field(default_factory=list)
    organisers: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    themes: list[dict[str, str]] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    programme: str | None = None
    links: list[dict[str, Any]] = field(default_factory=list)

    @property
    def docname(self) -> str:
        return f"symposium/{self.year}"

    @property
    def last_day(self) -> dt.date | None:
        return self.end or self.start


def edition_files(root: Path) -> list[Path]:
    folder = root / SYMPOSIUM
    return sorted(p for p in folder.glob("*.md") if EDITION_FILE.fullmatch(p.name))


def load(root: Path) -> tuple[list[Edition], list[Problem]]:
    """Every edition described under docs/symposium/, sorted by number, and every problem found.

    Read again only when a file is added, removed or changed.
    """
    stamps = tuple((p.name, p.stat().st_mtime) for p in edition_files(root))
    return _load(root, stamps)


@cache
def _load(root: Path, stamps: tuple[tuple[str, float], ...]) -> tuple[list[Edition], list[Problem]]:
    editions: list[Edition] = []
    problems: list[Problem] = []
    lines: dict[str, records.Fields] = {}
    numbers: list[tuple[int, str, int]] = []  # every readable number, for duplicates
    for name, _ in stamps:
        path = f"{SYMPOSIUM}/{name}"
        fields, found = frontmatter.read(root, path)
        if fields is None and not found:
            found = [
                Problem(
                    path,
                    1,
                    __("an edition page needs its front matter"),
                    __(
                        "start the page with the fields between two '---' lines; "
                        "`nox -s new -- edition YEAR` writes an example"
                    ),
                )
            ]
        if fields is not None:
            subject = __("edition {year}").format(year=name[:-3])
            values, checked = records.check(fields, FIELDS, path, subject)
            found += checked + _coherence(values, fields, path, int(name[:-3]))
            if "edition" in values:
                numbers.append((values["edition"], path, fields.line_of("edition")))
            if not found:
                values.pop("description", None)  # the page's, translated by Sphinx
                editions.append(Edition(path, values.pop("edition"), **values))
                lines[path] = fields
        problems += found
    editions.sort(key=lambda e: e.number)
    problems += _series_problems(editions, lines, numbers)
    return editions, problems


def _coherence(
    values: dict[str, Any], fields: records.Fields, path: str, file_year: int
) -> list[Problem]:
    """Dates that contradict each other or the file name."""
    start, end, year = values.get("start"), values.get("end"), values.get("year")
    checks = [
        (year is not None and year != file_year, "year",
         __("year {year} but the file is named {file_year}.md").format(
             year=year, file_year=file_year),
         __("make the year and the file name agree")),
        (bool(start and year and start.year != year), "start",
         __("start {start} is not in {year}").format(start=start, year=year),
         __("check the start date and the year")),
        (bool(end and "start" not in fields), "end", __("an end date without a start date"),
         __("add start: {how}").format(how=__(DATE_HOW))),
        (bool(start and end and end < start), "end",
         __("the end {end} is before the start {start}").format(end=end, start=start),
         __("check both dates (YYYY-MM-DD)")),
    ]  # fmt: skip
    subject = __("edition {year}").format(year=file_year)
    return [
        Problem(path, fields.line_of(key), what, fix, subject)
        for failed, key, what, fix in checks
        if failed
    ]


def _series_problems(
    editions: list[Edition], lines: dict[str, records.Fields], numbers: list[tuple[int, str, int]]
) -> list[Problem]:
    """An edition number used twice, or numbers that do not follow the years."""
    problems = [
        Problem(
            path,
            line,
            __("edition number {number} is already used by {place}").format(
                number=number, place=f"{first}:{first_line}"
            ),
            __("give each edition its own number"),
            __("edition {year}").format(year=Path(path).stem),
        )
        for number, path, line, first, first_line in records.duplicates(numbers)
    ]
    for before, after in itertools.pairwise(editions):
        if before.number != after.number and before.year >= after.year:
            problems.append(
                Problem(
                    after.path,
                    lines[after.path].line_of("edition"),
                    __(
                        "edition {number} in {year} comes after edition {before_number} in "
                        "{before_year} ({before_path})"
                    ).format(
                        number=after.number,
                        year=after.year,
                        before_number=before.number,
                        before_year=before.year,
                        before_path=before.path,
                    ),
                    __("check the numbers and the years of both editions"),
                    __("edition {year}").format(year=after.year),
                )
            )
    return problems
