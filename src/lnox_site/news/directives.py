"""The directives of the news section, each a placeholder rendered when its page is written
(:mod:`lnox_site.news.rendering`):

* ``news-list``: posts, newest first, as date, title, tags and summary. Options: ``:limit: 5``,
  ``:tag: prix``, ``:theme: niche`` (the news of a theme page), ``:year: 2019``; ``:feed:`` adds
  the link to the Atom feed. A list with no post says so in a sentence.
* ``news-archive``: a whole archive page, title and list, on ``actualites/<year>/index.md`` (the
  posts of that year) or ``actualites/sujets/<tag>.md`` (the posts of that tag).
* ``news-archives``: links to the archive pages with their number of posts, ``:by: year`` or
  ``:by: tag``.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from lnox_site.content import posts as post_files
from lnox_site.content import vocabulary
from lnox_site.content.paths import TAGS, THEMES, root_of
from lnox_site.content.wording import N_, _
from lnox_site.news.collection import note_listing
from lnox_site.news.model import Archives, Listing, Selection, archive_of

# The title of an archive page.
TITLES = {"year": N_("News from {year}"), "tag": N_("News: {name}")}


class news_listing(nodes.General, nodes.Element):
    """Placeholder for a listing (``listing`` attribute), rendered when the page is written."""


class NewsDirective(SphinxDirective):
    @property
    def root(self) -> Path:
        """The project folder (the one holding docs/)."""
        return root_of(self.env.srcdir)

    def listing(self, listing: Listing) -> news_listing:
        """The placeholder of ``listing``, remembered so that its page follows the posts."""
        note_listing(self.env, listing)
        self.env.note_dependency(str(self.root / TAGS))
        node = news_listing(listing=listing)
        self.set_source_info(node)
        return node

    def known_tag(self, tag: str) -> str:
        tags = post_files.load_tags(self.root)
        if tag not in tags:
            raise self.error(f"unknown tag {tag!r}: use one of {', '.join(sorted(tags))}")
        return tag

    def known_theme(self, theme: str) -> str:
        self.env.note_dependency(str(self.root / THEMES))
        themes = vocabulary.load(self.root).themes
        if theme not in themes:
            raise self.error(f"unknown theme {theme!r}: use one of {', '.join(sorted(themes))}")
        return theme


class NewsList(NewsDirective):
    option_spec: ClassVar = {
        "limit": directives.positive_int,
        "tag": directives.unchanged_required,
        "theme": directives.unchanged_required,
        "year": directives.positive_int,
        "feed": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        tag, theme = self.options.get("tag"), self.options.get("theme")
        selection = Selection(
            limit=self.options.get("limit"),
            tag=tag and self.known_tag(tag.strip()),
            theme=theme and self.known_theme(theme.strip()),
            year=self.options.get("year"),
        )
        node = self.listing(selection)
        node["feed"] = "feed" in self.options
        return [node]


class NewsArchive(NewsDirective):
    """The archive page of a year or of a tag; which one follows from where the page is."""

    def run(self) -> list[nodes.Node]:
        docname, language = self.env.docname, self.config.language
        kind, key = archive_of(docname) or (None, None)
        if kind == "year":
            selection = Selection(year=key)
            title = _(TITLES["year"], language).format(year=key)
        elif kind == "tag":
            tag = self.known_tag(key)
            names = post_files.load_tags(self.root)[tag]
            selection = Selection(tag=tag)
            title = _(TITLES["tag"], language).format(name=names[language])
        else:
            raise self.error(
                "news-archive makes the archive page of a year (actualites/YYYY/index.md) or of "
                "a tag (actualites/sujets/TAG.md); elsewhere, use news-list"
            )
        # Archives are reached from the news index, not from the sidebar.
        self.env.metadata[docname]["orphan"] = True
        section = nodes.section(
            ids=[nodes.make_id(title)], names=[nodes.fully_normalize_name(title)]
        )
        # Written in the build language from the data: not a message for the catalogues.
        section += nodes.title(title, title, translatable=False)
        section += self.listing(selection)
        return [section]


class NewsArchives(NewsDirective):
    option_spec: ClassVar = {"by": lambda value: directives.choice(value, ("year", "tag"))}

    def run(self) -> list[nodes.Node]:
        if "by" not in self.options:
            raise self.error("say which archives to list: :by: year or :by: tag")
        return [self.listing(Archives(self.options["by"]))]


def setup(app: Sphinx) -> None:
    app.add_node(news_listing)
    app.add_directive("news-list", NewsList)
    app.add_directive("news-archive", NewsArchive)
    app.add_directive("news-archives", NewsArchives)
