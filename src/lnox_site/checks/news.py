"""The checks of the news and of the people (:mod:`lnox_site.content.posts`,
:mod:`lnox_site.content.people`), their results kept by :mod:`lnox_site.checks.kept`: each post is
read again only when it changed, the people when their file or what it names changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lnox_site.checks import kept
from lnox_site.content import people, posts
from lnox_site.content.paths import PEOPLE
from lnox_site.content.problems import Problem


def check_news(root: Path) -> Iterator[Problem]:
    yield from posts.check_news(root, kept.current(root).result)


def check_people(root: Path) -> list[Problem]:
    return kept.current(root).result("people", root / PEOPLE, lambda: people.check_people(root))
