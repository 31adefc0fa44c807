"""What the news section is made of: a post as readers see it, and what a listing shows of the
posts (a selection, or the archives with their counts), with the dates as readers read them.

Nothing here reads a file or the environment: :mod:`lnox_site.news.collection` gathers the posts,
:mod:`lnox_site.news.directives` makes the listings, :mod:`lnox_site.news.rendering` draws them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lnox_site.content.languages import format_date
from lnox_site.content.posts import PostSource, tag_docname, year_docname

NEWS_INDEX = "actualites/index"
FEED = "actualites/atom.xml"


@dataclass(frozen=True)
class Post:
    """A post as readers see it: its front matter, and title and summary in the build language."""

    docname: str
    source: PostSource
    title: str
    summary: str

    @property
    def date(self) -> dt.date:
        return self.source.date

    @property
    def year(self) -> int:
        return self.source.date.year


def chronological(posts: Iterable[Post]) -> list[Post]:
    """Oldest first; posts of the same day in the order of their file names."""
    return sorted(posts, key=lambda post: (post.date, post.docname))


def newest_first(posts: Iterable[Post]) -> list[Post]:
    return chronological(posts)[::-1]


def neighbours(posts: dict[str, Post]) -> dict[str, tuple[Post | None, Post | None]]:
    """docname -> (older post, newer post)."""
    ordered = chronological(posts.values())
    return {
        post.docname: (
            ordered[index - 1] if index > 0 else None,
            ordered[index + 1] if index + 1 < len(ordered) else None,
        )
        for index, post in enumerate(ordered)
    }


def iso_date(source: PostSource) -> str:
    """ISO 8601, as precisely as the date is known: 2019-11-07, 2019-12 or 2012."""
    return source.date.isoformat()[: {"year": 4, "month": 7}.get(source.precision, 10)]


def display_date(source: PostSource, language: str) -> str:
    """« 7 novembre 2019 », « avril 2013 » or « 2012 », as precisely as the date is known."""
    if source.precision == "year":
        return str(source.date.year)
    if source.precision == "month":
        return format_date(source.date, language, "LLLL y")
    return format_date(source.date, language)


def archive_of(docname: str) -> tuple[str, int | str] | None:
    """("year", 2019) for actualites/2019/index, ("tag", "prix") for actualites/sujets/prix."""
    folder, _slash, name = docname.rpartition("/")
    year = folder.rpartition("/")[2]
    if year.isdigit() and docname == year_docname(int(year)):
        return "year", int(year)
    if docname == tag_docname(name):
        return "tag", name
    return None


@dataclass(frozen=True)
class Selection:
    """The posts of a ``news-list``: newest first, filtered, at most ``limit``."""

    limit: int | None = None
    tag: str | None = None
    theme: str | None = None
    year: int | None = None

    def apply(self, posts: Iterable[Post]) -> list[Post]:
        chosen = [
            post
            for post in newest_first(posts)
            if (self.tag is None or self.tag in post.source.tags)
            and (self.theme is None or self.theme in post.source.themes)
            and (self.year is None or post.year == self.year)
        ]
        return chosen[: self.limit] if self.limit else chosen


@dataclass(frozen=True)
class Archives:
    """The archive pages of a ``news-archives``, with the number of posts of each."""

    by: str  # "year" or "tag"

    def apply(self, posts: Iterable[Post]) -> list[tuple[Any, int]]:
        counts: dict[Any, int] = {}
        for post in posts:
            for key in [post.year] if self.by == "year" else post.source.tags:
                counts[key] = counts.get(key, 0) + 1
        keys = sorted(counts, reverse=True) if self.by == "year" else sorted(counts)
        return [(key, counts[key]) for key in keys]


Listing = Selection | Archives
