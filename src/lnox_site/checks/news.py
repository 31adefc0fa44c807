"""The checks of the news folder (the posts themselves are read by
:mod:`lnox_site.content.posts`): the tag vocabulary, each post, its slug, the archive pages of
years and tags, and pages that look like posts outside the year folders. Each file's result is kept
by :mod:`lnox_site.checks.kept`: a post is read again only when it changed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lnox_site.checks import kept
from lnox_site.content import sources
from lnox_site.content.frontmatter import FrontMatterError, front_matter
from lnox_site.content.languages import LANGUAGES
from lnox_site.content.paths import NEWS, TAGS
from lnox_site.content.posts import (
    ARCHIVE_PAGE,
    POST_FIELDS,
    TAG_FOLDER,
    docname_of,
    is_post_docname,
    load_tags,
    read_post,
)
from lnox_site.content.problems import ContentError, Problem
from lnox_site.content.wording import __


def check_news(root: Path) -> Iterator[Problem]:
    """Posts, their slugs, the archive pages, and pages that look like posts elsewhere."""
    result = kept.current(root).result
    if not (root / TAGS).exists():
        yield Problem(
            TAGS,
            0,
            __("the vocabulary of news tags is missing"),
            __("restore it from the project's history"),
        )
        return
    tags = load_tags(root)
    yield from _check_tag_vocabulary(tags)
    slugs: dict[str, str] = {}
    years: set[str] = set()
    for path in sources.pages(root):
        docname = docname_of(root, path)
        relative = path.relative_to(root).as_posix()
        if not is_post_docname(docname):
            yield from result(
                "not a post", path, lambda p=path, r=relative: list(_check_not_a_post(root, p, r))
            )
            continue
        source, problems = result("post", path, lambda path=path: read_post(root, path))
        yield from problems
        years.add(path.parent.name)
        if source is None:
            continue
        if source.slug in slugs:
            yield Problem(
                relative,
                0,
                __("the slug {slug} is already used by {page}").format(
                    slug=repr(source.slug), page=slugs[source.slug]
                ),
                __(
                    "give one of the two posts another name "
                    "after the date (the slug identifies the post in the feeds)"
                ),
            )
        slugs.setdefault(source.slug, relative)
    for year in sorted(years):
        page = Path(NEWS) / year / ARCHIVE_PAGE
        if not (root / page).exists():
            yield Problem(
                page.as_posix(),
                0,
                __("the posts of {year} have no archive page").format(year=year),
                __(
                    "create it with the three lines ```{news-archive}, ``` "
                    "(see the page of another year)"
                ),
            )
    for tag in tags:
        page = Path(NEWS) / TAG_FOLDER / f"{tag}.md"
        if not (root / page).exists():
            yield Problem(
                page.as_posix(),
                0,
                __("the tag {tag} has no page").format(tag=repr(tag)),
                __("create it as a copy of the page of another tag"),
            )
    for page in sorted((root / NEWS / TAG_FOLDER).glob("*.md")):
        if page.stem not in tags:
            yield Problem(
                page.relative_to(root).as_posix(),
                0,
                __("no tag {tag} in {file}").format(tag=repr(page.stem), file=TAGS),
                __("declare the tag there, or delete this page"),
            )


def _check_tag_vocabulary(tags: dict[str, dict[str, str]]) -> Iterator[Problem]:
    for slug, names in tags.items():
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug):
            yield Problem(
                TAGS,
                0,
                __("a tag is written in lower case, digits and hyphens"),
                __("rename it, e.g. etude-clinique"),
                slug,
            )
        for language in LANGUAGES:
            if not isinstance(names, dict) or not names.get(language):
                yield Problem(
                    TAGS,
                    0,
                    __("the tag has no {language} name").format(language=language),
                    __("add `{language}: …` under it").format(language=language),
                    slug,
                )


def _check_not_a_post(root: Path, path: Path, relative: str) -> Iterator[Problem]:
    """A page outside the year folders that carries a post's front matter was misplaced."""
    try:
        text = sources.read_text(path, root)
    except ContentError as error:
        yield error.problem
        return
    try:
        fields = front_matter(text) or {}
    except FrontMatterError:
        return  # not a post: its own checks, or MyST, report the YAML
    found = [key for key in POST_FIELDS if key in fields]
    if found:
        yield Problem(
            relative,
            fields[found[0]].line,
            __(
                "this page has the {fields} of a news post but is not in a year folder of the news"
            ).format(fields=(" " + __("and") + " ").join(found)),
            __("move it to {path}, or remove {fields} if it is not a news item").format(
                path=f"{NEWS}/YYYY/YYYY-MM-DD-slug.md", fields=", ".join(found)
            ),
        )
