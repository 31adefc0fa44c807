"""The news section: posts collected while Sphinx reads them, their listings and their pages.

Directives (the files of the posts themselves are described in :mod:`lnox_site.content.posts`):

* ``news-list``: posts, newest first, as date, title, tags and summary. Options: ``:limit: 5``,
  ``:tag: prix``, ``:theme: niche`` (the news of a theme page), ``:year: 2019``; ``:feed:`` adds
  the link to the Atom feed. A list with no post says so in a sentence.
* ``news-archive``: a whole archive page, title and list, on ``actualites/<year>/index.md`` (the
  posts of that year) or ``actualites/sujets/<tag>.md`` (the posts of that tag).
* ``news-archives``: links to the archive pages with their number of posts, ``:by: year`` or
  ``:by: tag``.

A post page shows its date, tags, themes (linked to their pages) and publication under its title,
and the older and newer posts at its end. Search engines and link previews read a post as an
article described by its summary, with its date and tags; an archive page by what it lists. Posts and archive pages are left out of the sidebar
(Sphinx "orphans"): the sidebar is the same with 5 posts or 500, and the archives by year carry the
posts.

Titles and summaries are read from the doctree after the translation is applied, so English pages
and the English feed show the English text. Lists are rendered when a page is written, in its
language. After an incremental read, every page whose lists or neighbours changed is written again
(``env-get-updated``); posts read in parallel are merged (``env-merge-info``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from lnox_site.bibliography import publications
from lnox_site.content import posts as post_files
from lnox_site.content import vocabulary
from lnox_site.content.languages import format_date, localise
from lnox_site.content.paths import TAGS, THEMES, root_of
from lnox_site.content.posts import PostSource, is_post_docname, tag_docname, year_docname
from lnox_site.site.descriptions import (
    EVENT,
    Article,
    Description,
    first_paragraph,
    given,
    is_reference_key,
    plain_text,
    shorten,
)

logger = logging.getLogger(__name__)
# Interface strings (docs/locales/<language>/LC_MESSAGES/sphinx.po): English, translated there.
_ = get_translation("sphinx")

NEWS_INDEX = "actualites/index"
FEED = "actualites/atom.xml"
SUMMARY_LENGTH = 300

# Words of the generated parts of the pages, in each language.
LABELS: dict[str, dict[str, str]] = {
    "empty": {"fr": "Aucune actualité pour l’instant.", "en": "No news yet."},
    "empty_theme": {
        "fr": "Aucune actualité sur ce thème pour l’instant.",
        "en": "No news on this theme yet.",
    },
    "year_page": {"fr": "Actualités de {year}", "en": "News from {year}"},
    "tag_page": {"fr": "Actualités : {name}", "en": "News: {name}"},
    "themes": {"fr": "Thèmes : ", "en": "Themes: "},
    "publication": {"fr": "Publication : ", "en": "Publication: "},
    "older": {"fr": "Actualité précédente : ", "en": "Previous: "},
    "newer": {"fr": "Actualité suivante : ", "en": "Next: "},
    "all_year": {"fr": "Toutes les actualités de {year}", "en": "All news from {year}"},
    "all": {"fr": "Toutes les actualités", "en": "All news"},
    "feed": {"fr": "Suivre les actualités : flux Atom", "en": "Follow the news: Atom feed"},
}


def label(key: str, language: str, **values: object) -> str:
    return localise(LABELS[key], language).format(**values)


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


# -- What a listing shows ----------------------------------------------------------------------


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


class news_listing(nodes.General, nodes.Element):
    """Placeholder for a listing (``listing`` attribute), rendered when the page is written."""


# -- What the environment keeps ----------------------------------------------------------------


def all_posts(env: BuildEnvironment) -> dict[str, Post]:
    """docname -> Post, for every post read so far."""
    if not hasattr(env, "lnox_news_posts"):
        env.lnox_news_posts = {}
    return env.lnox_news_posts


def _listings(env: BuildEnvironment) -> dict[str, list[Listing]]:
    """docname -> the listings of that page, to know which pages a change of the posts touches."""
    if not hasattr(env, "lnox_news_listings"):
        env.lnox_news_listings = {}
    return env.lnox_news_listings


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    all_posts(env).pop(docname, None)
    _listings(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    for mine, theirs in ((all_posts(env), all_posts(other)), (_listings(env), _listings(other))):
        mine.update({docname: theirs[docname] for docname in docnames if docname in theirs})


def _remember_posts(app: Sphinx, env: BuildEnvironment, *changes: set[str]) -> list[str]:
    # env-get-outdated comes before the purge of changed and removed documents: keep the posts
    # as they were, to compare them with the posts as read.
    env.lnox_news_before = dict(all_posts(env))
    return []


def _neighbours(posts: dict[str, Post]) -> dict[str, tuple[Post | None, Post | None]]:
    """docname -> (older post, newer post)."""
    ordered = chronological(posts.values())
    return {
        post.docname: (
            ordered[index - 1] if index > 0 else None,
            ordered[index + 1] if index + 1 < len(ordered) else None,
        )
        for index, post in enumerate(ordered)
    }


def _pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages not read again whose lists or previous/next links changed with the posts read."""
    before, after = getattr(env, "lnox_news_before", {}), all_posts(env)
    env.lnox_news_before = {}
    if before == after:
        return []
    pages = [
        docname
        for docname, listings in _listings(env).items()
        if any(
            listing.apply(before.values()) != listing.apply(after.values()) for listing in listings
        )
    ]
    old, new = _neighbours(before), _neighbours(after)
    pages += [docname for docname in after if old.get(docname) != new[docname]]
    return pages


def _cited(app: Sphinx, posts: Iterable[Post]) -> dict[str, str | None]:
    """The publication key of each post -> what its header shows of the entry."""
    entries = publications.entries(app.env)  # as parsed for this build by sphinxcontrib-bibtex
    keys = {post.source.bib for post in posts if post.source.bib}
    language = app.config.language
    return {
        key: publications.short_citation(entries[key], language) if key in entries else None
        for key in keys
    }


def _posts_of_changed_entries(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Posts whose publication now shows differently: written again, not read again (their header
    is made when the page is written), so that editing references.bib does not re-read every
    post that names a publication."""
    posts = all_posts(env).values()
    before, env.lnox_news_cited = getattr(env, "lnox_news_cited", {}), _cited(app, posts)
    return [
        post.docname
        for post in posts
        if post.source.bib and before.get(post.source.bib) != env.lnox_news_cited[post.source.bib]
    ]


# -- Reading -----------------------------------------------------------------------------------


def _data_files(app: Sphinx) -> list[Path]:
    root = root_of(app.srcdir)
    return [root / TAGS, root / THEMES]


def _collect(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    if not is_post_docname(docname):
        return
    source, problems = post_files.read_post(root_of(app.srcdir), Path(env.doc2path(docname)))
    for problem in problems:  # the checks before the build stop these; kept for safety
        logger.warning(str(problem), location=docname, type="lnox", subtype="news")
    if source is None:
        return
    env.metadata[docname]["orphan"] = True
    for path in _data_files(app):
        env.note_dependency(str(path))
    section = next(iter(doctree.findall(nodes.section)), None)
    title = section[0].astext() if section else ""
    summary = given(doctree) or _summary(first_paragraph(doctree))
    all_posts(env)[docname] = Post(docname, source, title, summary)


def _summary(paragraph: nodes.paragraph | None) -> str:
    """The first paragraph as plain text, cut to whole sentences like a description (French
    non-breaking spaces kept): what listings, feeds and the page's description show of a post that
    has no ``description:`` of its own."""
    if paragraph is None:
        return ""
    for node in paragraph.findall(is_reference_key):
        logger.warning(
            "the first paragraph of a post is its summary in listings and feeds, where a "
            "reference would show as its key — move the reference to a later paragraph",
            location=node, type="lnox", subtype="news",
        )  # fmt: skip
    return shorten(plain_text(paragraph), SUMMARY_LENGTH)


def archive_of(docname: str) -> tuple[str, int | str] | None:
    """("year", 2019) for actualites/2019/index, ("tag", "prix") for actualites/sujets/prix."""
    folder, _slash, name = docname.rpartition("/")
    year = folder.rpartition("/")[2]
    if year.isdigit() and docname == year_docname(int(year)):
        return "year", int(year)
    if docname == tag_docname(name):
        return "tag", name
    return None


def _description(app: Sphinx, docname: str) -> Description | None:
    """A post is an article described by its summary; an archive page says what it lists."""
    language = app.config.language
    names = post_files.load_tags(root_of(app.srcdir))
    post = all_posts(app.env).get(docname)
    if post is not None:
        tags = tuple(localise(names[tag], language) for tag in post.source.tags)
        return Description(post.summary, Article(iso_date(post.source), tags))
    archive = archive_of(docname)
    if archive is None or docname not in app.env.all_docs:
        return None
    kind, key = archive
    if kind == "year":
        return Description(
            _("All the %(site)s team’s news from %(year)s, newest first.")
            % {"site": app.config.project, "year": key}
        )
    if key not in names:
        return None
    sentence = _("All the %(site)s team’s news on the topic “%(tag)s”, newest first.")
    return Description(
        sentence % {"site": app.config.project, "tag": localise(names[key], language)}
    )


class NewsDirective(SphinxDirective):
    @property
    def root(self) -> Path:
        """The project folder (the one holding docs/)."""
        return Path(self.env.srcdir).parent

    def listing(self, listing: Listing) -> news_listing:
        """The placeholder of ``listing``, remembered so that its page follows the posts."""
        _listings(self.env).setdefault(self.env.docname, []).append(listing)
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
            title = label("year_page", language, year=key)
        elif kind == "tag":
            tag = self.known_tag(key)
            names = post_files.load_tags(self.root)[tag]
            selection = Selection(tag=tag)
            title = label("tag_page", language, name=localise(names, language))
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


# -- Writing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    """The page being written: links are relative to it, words in its language."""

    app: Sphinx
    docname: str

    @property
    def language(self) -> str:
        return self.app.config.language

    def link(self, target: str, text: str, anchor: str = "") -> nodes.Node:
        if target == self.docname and not anchor:
            return nodes.Text(text)  # no link from a page to itself
        uri = self.app.builder.get_relative_uri(self.docname, target)
        return nodes.reference(
            "", text, refuri=uri + (f"#{anchor}" if anchor else ""), internal=True
        )

    def feed_link(self) -> nodes.reference:
        uri = relative_uri(self.app.builder.get_target_uri(self.docname), FEED)
        return nodes.reference("", label("feed", self.language), refuri=uri)

    def tag_links(self, tags: Iterable[str]) -> list[nodes.Node]:
        names = post_files.load_tags(root_of(self.app.srcdir))
        links = [self.link(tag_docname(tag), localise(names[tag], self.language)) for tag in tags]
        return _joined(links)

    def theme_links(self, slugs: Iterable[str]) -> list[nodes.Node]:
        # Every theme has its page: the checks of themes.yaml stop the build otherwise.
        themes = vocabulary.load(root_of(self.app.srcdir)).themes
        chosen = [themes[slug] for slug in slugs]
        return _joined([self.link(t.page, localise(t.titles, self.language)) for t in chosen])


def _joined(items: list[nodes.Node], separator: str = " · ") -> list[nodes.Node]:
    joined: list[nodes.Node] = []
    for index, item in enumerate(items):
        joined += [nodes.Text(separator), item] if index else [item]
    return joined


def _date(page: _Page, post: Post) -> nodes.inline:
    return nodes.inline("", display_date(post.source, page.language), classes=["lnox-news-date"])


def _item(page: _Page, post: Post) -> nodes.list_item:
    title = nodes.paragraph(classes=["lnox-news-title"])
    title += page.link(post.docname, post.title)
    meta = nodes.paragraph(classes=["lnox-news-meta"])
    meta += [_date(page, post), nodes.Text(" · "), *page.tag_links(post.source.tags)]
    item = nodes.list_item("", title, meta)
    if post.summary:
        item += nodes.paragraph(post.summary, post.summary, classes=["lnox-news-summary"])
    return item


def _render_selection(
    page: _Page, selection: Selection, posts: dict[str, Post]
) -> list[nodes.Node]:
    chosen = selection.apply(posts.values())
    if not chosen:
        empty = label("empty_theme" if selection.theme else "empty", page.language)
        return [nodes.paragraph("", empty, classes=["lnox-news-empty"])]
    listing = nodes.bullet_list(classes=["lnox-news"])
    listing += [_item(page, post) for post in chosen]
    return [listing]


def _render_archives(page: _Page, archives: Archives, posts: dict[str, Post]) -> list[nodes.Node]:
    names = post_files.load_tags(root_of(page.app.srcdir))
    listing = nodes.bullet_list(classes=["lnox-news-archives"])
    for key, count in archives.apply(posts.values()):
        if archives.by == "year":
            link = page.link(year_docname(key), str(key))
        else:
            link = page.link(tag_docname(key), localise(names[key], page.language))
        listing += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(f" ({count})")))
    return [listing]


def _post_header(page: _Page, post: Post) -> nodes.container:
    header = nodes.container(classes=["lnox-post-meta"])
    header += nodes.paragraph(
        "", "", _date(page, post), nodes.Text(" · "), *page.tag_links(post.source.tags)
    )
    if post.source.themes:
        themes = nodes.paragraph("", label("themes", page.language))
        themes += page.theme_links(post.source.themes)
        header += themes
    if post.source.bib or post.source.doi:
        paper = nodes.paragraph("", label("publication", page.language))
        links: list[nodes.Node] = []
        pub = publications.entries(page.app.env).get(post.source.bib or "")
        if pub is not None:
            links.append(
                page.link(publications.page_of(pub.key),
                          publications.short_citation(pub, page.language))
            )  # fmt: skip
        if post.source.doi:
            doi = post.source.doi
            links.append(nodes.reference("", f"doi:{doi}", refuri=f"https://doi.org/{doi}"))
        paper += _joined(links)
        header += paper
    return header


def _post_footer(page: _Page, post: Post, posts: dict[str, Post]) -> nodes.container:
    footer = nodes.container(classes=["lnox-post-nav"])
    older, newer = _neighbours(posts)[post.docname]
    for name, neighbour in (("older", older), ("newer", newer)):
        if neighbour is not None:
            footer += nodes.paragraph(
                "", label(name, page.language), page.link(neighbour.docname, neighbour.title)
            )
    footer += nodes.paragraph(
        "", "",
        page.link(year_docname(post.year), label("all_year", page.language, year=post.year)),
        nodes.Text(" · "),
        page.link(NEWS_INDEX, label("all", page.language)),
    )  # fmt: skip
    return footer


def _render(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    page, posts = _Page(app, docname), all_posts(app.env)
    for node in list(doctree.findall(news_listing)):
        listing = node["listing"]
        if isinstance(listing, Archives):
            rendered = _render_archives(page, listing, posts)
        else:
            rendered = _render_selection(page, listing, posts)
        if node.get("feed"):
            rendered.append(nodes.paragraph("", "", page.feed_link(), classes=["lnox-news-feed"]))
        node.replace_self(rendered)
    post = posts.get(docname)
    section = next(iter(doctree.findall(nodes.section)), None)
    if post is not None and section is not None:
        section.insert(1, _post_header(page, post))
        section += _post_footer(page, post, posts)


def setup(app: Sphinx) -> None:
    app.add_node(news_listing)
    app.add_directive("news-list", NewsList)
    app.add_directive("news-archive", NewsArchive)
    app.add_directive("news-archives", NewsArchives)
    app.add_css_file("news.css")
    app.connect("doctree-read", _collect)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _remember_posts)
    app.connect("env-get-updated", _pages_to_rewrite)
    app.connect("env-get-updated", _posts_of_changed_entries)
    app.connect("doctree-resolved", _render)
    app.connect(EVENT, _description)
