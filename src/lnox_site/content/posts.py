"""News posts as files: where they live and what their front matter may say.

A post is one MyST file per news item, ``docs/actualites/<year>/<date>-<slug>.md``::

    ---
    date: 2019-11-07            # required, YYYY-MM-DD
    tags: [publication]         # one or more tags of docs/_data/tags.yaml
    themes: [jonctions-gap]     # optional, research themes of docs/_data/themes.yaml
    bib: kouzi2020oncogene      # optional, the team's publication in references.bib
    doi: 10.1038/s41388-019-1069-y   # optional, for a paper that has no entry there
    description: "…"            # optional; needed when the first sentence is too long
    ---

    # Title of the news item

    The first paragraph: its first sentences (or the description) are the summary shown in
    listings, feeds and link previews (:mod:`lnox_site.content.summaries`).

An item known only by its month or year says so with ``date_precision: month`` (date on the 1st of
that month) or ``date_precision: year`` (date on 1 January): the date then sorts the post, and pages
and feeds show only the month or the year.

Each year folder has an archive page (``index.md``) and each tag a page ``sujets/<tag>.md``; both
hold only the ``news-archive`` directive. A post's file is checked as it is read
(:func:`read_post`), the whole folder by :mod:`lnox_site.checks.news`: both before every build and
with ``nox -s check``. ``nox -s new -- news "Titre"`` starts a post (:mod:`lnox_site.new.news`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lnox_site.content import markdown, records, sources, vocabulary
from lnox_site.content.doi import is_doi
from lnox_site.content.frontmatter import FrontMatterError, Value, front_matter
from lnox_site.content.paths import BIBFILE, DOCS, NEWS, TAGS
from lnox_site.content.problems import ContentError, Problem
from lnox_site.content.references import read
from lnox_site.content.wording import __

NEWS_DOCNAME = "actualites"  # the news folder as Sphinx names it
TAG_FOLDER = "sujets"
ARCHIVE_PAGE = "index.md"

FIELDS = ("date", "date_precision", "tags", "themes", "bib", "doi", "description")
# Fields that make a page a news post: anywhere else they are a mistake.
POST_FIELDS = ("date", "tags")
PRECISIONS = ("day", "month", "year")
YEAR = re.compile(r"^\d{4}$")
FILE_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
EXAMPLE_DATE = "2019-11-07"


@dataclass(frozen=True)
class PostSource:
    """What a post's file name and front matter say (the text is read by Sphinx)."""

    slug: str
    date: dt.date
    precision: str
    tags: tuple[str, ...]
    themes: tuple[str, ...]
    bib: str | None
    doi: str | None


# -- Vocabulary of tags ------------------------------------------------------------------------


@cache
def _load_tags(root: Path, mtime: float | None) -> dict[str, dict[str, str]]:
    data, problems = records.read_yaml(root, TAGS)
    if problems:
        raise ContentError(problems[0])
    tags = data.get("tags") if isinstance(data, dict) else None
    return {
        str(slug): dict(names) if isinstance(names, dict) else {}
        for slug, names in (tags or {}).items()
    }


def load_tags(root: Path) -> dict[str, dict[str, str]]:
    """Tag slug -> its name in each language (docs/_data/tags.yaml, re-read when it changes);
    ContentError, with the line, when the file cannot be read."""
    return _load_tags(root, sources.stamp(root / TAGS))


# -- Where things are --------------------------------------------------------------------------


def is_post_docname(docname: str) -> bool:
    """``actualites/2019/2019-11-07-slug``: a file of a year folder other than its archive page."""
    parts = docname.split("/")
    return (
        len(parts) == 3
        and parts[0] == NEWS_DOCNAME
        and bool(YEAR.match(parts[1]))
        and parts[2] != "index"
    )


def year_docname(year: int) -> str:
    return f"{NEWS_DOCNAME}/{year}/index"


def tag_docname(tag: str) -> str:
    return f"{NEWS_DOCNAME}/{TAG_FOLDER}/{tag}"


def post_files(root: Path) -> list[Path]:
    return [path for path in sources.pages(root) if is_post_docname(docname_of(root, path))]


def docname_of(root: Path, path: Path) -> str:
    """docs/actualites/2019/x.md -> actualites/2019/x, as Sphinx names the page."""
    return path.relative_to(root / DOCS).with_suffix("").as_posix()


def _as_list(field: Value | None) -> list[str]:
    if field is None:
        return []
    return field.value if isinstance(field.value, list) else [field.value] if field.value else []


def _suggest(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1)
    return __("did you mean {word}?").format(word=close[0]) + " " if close else ""


# -- Checking a post ---------------------------------------------------------------------------


@dataclass
class _Check:
    """The problems of one file, with the place they belong to."""

    path: str
    problems: list[Problem]

    def add(self, line: int, what: str, fix: str, subject: str = "") -> None:
        self.problems.append(Problem(self.path, line, what, fix, subject))


def read_post(root: Path, path: Path) -> tuple[PostSource | None, list[Problem]]:
    """A post's file name and front matter, checked; None when anything is wrong."""
    check = _Check(path.relative_to(root).as_posix(), [])
    name = FILE_NAME.match(path.name)
    if not name:
        check.add(
            0,
            __("the file name of a post must be YYYY-MM-DD-slug.md"),
            __(
                "rename it, e.g. {date}-article-oncogene.md (the date of the news, then "
                "a few words in lower case joined by hyphens)"
            ).format(date=EXAMPLE_DATE),
        )
        return None, check.problems
    try:
        text = sources.read_text(path, root)
    except ContentError as error:
        return None, [error.problem]
    try:
        fields = front_matter(text)
    except FrontMatterError as error:
        check.add(error.line, error.what, error.fix)
        return None, check.problems
    if fields is None:
        check.add(
            1,
            __("the post has no front matter"),
            __("start the file with the lines ---, date: {date}, tags: [publication], ---").format(
                date=name["date"]
            ),
        )
        return None, check.problems
    for key, field in fields.items():
        if key not in FIELDS:
            check.add(
                field.line,
                __("unknown field {field}").format(field=repr(key)),
                _suggest(key, list(FIELDS))
                + __("the fields of a post are {fields}").format(fields=", ".join(FIELDS)),
            )
    date, precision = _check_date(check, fields, name["date"], path.parent.name)
    tags = _check_words(
        check,
        fields,
        "tags",
        sorted(load_tags(root)),
        required=True,
        where=TAGS,
    )
    themes = _check_words(
        check,
        fields,
        "themes",
        sorted(vocabulary.load(root).themes),
        required=False,
        where=vocabulary.THEMES,
    )
    bib = _check_bib(root, check, fields.get("bib"))
    doi = _check_doi(check, fields.get("doi"))
    _check_text(check, text, root)
    if check.problems or date is None:
        return None, check.problems
    return PostSource(name["slug"], date, precision, tags, themes, bib, doi), []


def _check_date(
    check: _Check, fields: dict[str, Value], named: str, folder: str
) -> tuple[dt.date | None, str]:
    field = fields.get("date")
    if field is None or not field.value:
        check.add(
            1,
            __("the post has no date"),
            __(
                "add a line `date: {date}` to the front matter (the day of the news, YYYY-MM-DD)"
            ).format(date=named),
        )
        return None, "day"
    try:
        date = records.date(field.value)
    except ValueError as error:
        check.add(
            field.line,
            __("the date {error}").format(error=error),
            __("write it like {date} (year, month, day)").format(date=EXAMPLE_DATE),
        )
        return None, "day"
    if date.isoformat() != named:
        check.add(
            field.line,
            __("the file name says {named} but the date is {date}").format(named=named, date=date),
            __("rename the file to {date}-….md, or correct the date").format(date=date),
        )
    if str(date.year) != folder:
        check.add(
            field.line,
            __("a post of {year} is in the folder {folder}").format(year=date.year, folder=folder),
            __("move it to {folder}").format(folder=f"{NEWS}/{date.year}/"),
        )
    precision_field = fields.get("date_precision")
    precision = precision_field.value if precision_field else "day"
    if precision not in PRECISIONS:
        check.add(
            precision_field.line,
            __("unknown date_precision {precision}").format(precision=repr(precision)),
            __("use day (the default), month or year"),
        )
        return date, "day"
    first = {"month": date.replace(day=1), "year": date.replace(month=1, day=1)}.get(precision)
    if first and first != date:
        check.add(
            precision_field.line,
            __("a date known to the {precision} is written {first}").format(
                precision=precision, first=first
            ),
            __("write date: {first} (and name the file after it)").format(first=first),
        )
    return date, str(precision)


def _check_words(
    check: _Check,
    fields: dict[str, Value],
    key: str,
    known: list[str],
    *,
    required: bool,
    where: str,
) -> tuple[str, ...]:
    field = fields.get(key)
    words = _as_list(field)
    if required and not words:
        check.add(
            field.line if field else 1,
            __("the post has no {field}").format(field=key),
            __("add `{field}: [{first}]` with one or more of: {known}").format(
                field=key, first=known[0], known=", ".join(known)
            ),
        )
    for word in words:
        if word not in known:
            check.add(
                field.line,
                __("unknown {kind} {word}").format(kind=key[:-1], word=repr(word)),
                _suggest(word, known)
                + __("use one of {known} (declared in {file})").format(
                    known=", ".join(known), file=where
                ),
            )
    return tuple(words)


def _check_bib(root: Path, check: _Check, field: Value | None) -> str | None:
    if field is None or not field.value:
        return None
    key = str(field.value)
    entries = read(root)
    if key not in entries:
        check.add(
            field.line,
            __("no entry {key} in {file}").format(key=repr(key), file=BIBFILE),
            _suggest(key, sorted(entries))
            + __("use the key of the publication (the word after @article{)"),
        )
    elif not entries[key].is_team_work:
        check.add(
            field.line,
            __("{key} is not on the Publications page").format(key=repr(key)),
            __(
                "add the keyword {keyword} to the entry if it is the team's work, or link the "
                "paper with doi:"
            ).format(keyword=vocabulary.load(root).team),
        )
    return key


def _check_doi(check: _Check, field: Value | None) -> str | None:
    if field is None or not field.value:
        return None
    doi = str(field.value)
    if not is_doi(doi):
        check.add(
            field.line,
            __("{doi} is not a DOI").format(doi=repr(doi)),
            __("write the bare DOI, e.g. 10.1038/s41388-019-1069-y (no https://doi.org/)"),
        )
    return doi


def _check_text(check: _Check, text: str, root: Path) -> None:
    """The title is the first heading; a paragraph must follow it (the summary)."""
    blocks = [t for t in markdown.tokens(text, root) if t.map and t.type != "front_matter"]
    if not blocks or blocks[0].type != "heading_open" or blocks[0].tag != "h1":
        check.add(
            blocks[0].map[0] + 1 if blocks else 0,
            __("the post does not start with its title"),
            __("write the title on the first line after the front matter: # Title"),
        )
    elif not any(t.type != "myst_line_comment" for t in blocks[2:]):  # after the title's text
        check.add(
            blocks[0].map[0] + 1,
            __("the post has no text after its title"),
            __(
                "write at least one paragraph: the first one is the summary shown in "
                "listings and the feed"
            ),
        )
