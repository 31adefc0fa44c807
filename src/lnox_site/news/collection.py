"""The posts, collected while Sphinx reads them, and the pages that follow them.

Each post's facts come from its front matter (:mod:`lnox_site.content.posts`); its title and
summary are read from the doctree after the translation is applied, so that English pages and the
English feed show the English text. Posts and archive pages are left out of the sidebar (Sphinx
"orphans"): the sidebar is the same with 5 posts or 500, and the archives by year carry the posts.

After an incremental read, every page whose lists or previous/next links changed with the posts is
written again, and so is every post whose publication now shows differently
(``get_updated_docs``); posts read in parallel are merged (``merge_other``). Search engines and link
previews read a post as an article described by its summary, with its date and tags, and an archive
page by what it lists (:data:`lnox_site.site.descriptions.EVENT`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from lnox_site.bibliography import publications
from lnox_site.bibliography.publication_pages import MENTIONS, Mention
from lnox_site.content import posts as post_files
from lnox_site.content.paths import TAGS, THEMES, root_of
from lnox_site.content.posts import is_post_docname
from lnox_site.content.wording import _
from lnox_site.news.model import (
    NEWS_INDEX,
    Listing,
    Post,
    archive_of,
    display_date,
    iso_date,
    neighbours,
)
from lnox_site.site.collectors import PageRecords
from lnox_site.site.descriptions import (
    EVENT,
    KIND,
    Article,
    Description,
    first_paragraph,
    given,
    is_reference_key,
    plain_text,
    shorten,
)

logger = logging.getLogger(__name__)

SUMMARY_LENGTH = 300


class Listings(PageRecords):
    """docname -> the listings of that page (noted by the directives), to know which pages a
    change of the posts touches."""

    name = "lnox_news_listings"


class Posts(PageRecords):
    """docname -> :class:`~lnox_site.news.model.Post`, for every post read so far."""

    name = "lnox_news_posts"
    CITED = "lnox_news_cited"  # environment attribute: what each post's header showed of its entry

    def __init__(self) -> None:
        self.before: dict[str, Post] = {}  # the posts before this build read any page

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        docname = env.docname
        if not is_post_docname(docname):
            return
        # A post with a mistake has stopped the build already (the checks of content.posts).
        source, _problems = post_files.read_post(root_of(app.srcdir), Path(env.doc2path(docname)))
        if source is None:
            return
        env.metadata[docname]["orphan"] = True
        root = root_of(app.srcdir)
        for path in (root / TAGS, root / THEMES):
            env.note_dependency(str(path))
        section = next(iter(doctree.findall(nodes.section)), None)
        title = section[0].astext() if section else ""
        summary = given(doctree) or _summary(first_paragraph(doctree))
        self.of(env)[docname] = Post(docname, source, title, summary)

    def get_outdated_docs(
        self, app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
        removed: set[str],
    ) -> list[str]:  # fmt: skip
        # Before the purge of changed and removed documents: the posts as they were, to compare
        # them with the posts as read.
        self.before = dict(self.of(env))
        return []

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        return self._pages_to_rewrite(env) + self._posts_of_changed_entries(app, env)

    def _pages_to_rewrite(self, env: BuildEnvironment) -> list[str]:
        """Pages not read again whose lists or previous/next links changed with the posts read."""
        before, after = self.before, self.of(env)
        self.before = {}
        if before == after:
            return []
        pages = [
            docname
            for docname, listings in Listings.of(env).items()
            if any(
                listing.apply(before.values()) != listing.apply(after.values())
                for listing in listings
            )
        ]
        old, new = neighbours(before), neighbours(after)
        pages += [docname for docname in after if old.get(docname) != new[docname]]
        return pages

    def _posts_of_changed_entries(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """Posts whose publication now shows differently: written again, not read again (their
        header is made when the page is written), so that editing references.bib does not re-read
        every post that names a publication."""
        posts = self.of(env).values()
        before, now = vars(env).get(self.CITED, {}), _cited(app, posts)
        vars(env)[self.CITED] = now
        return [
            post.docname
            for post in posts
            if post.source.bib and before.get(post.source.bib) != now[post.source.bib]
        ]


def all_posts(env: BuildEnvironment) -> dict[str, Post]:
    """docname -> Post, for every post read so far."""
    return Posts.of(env)


def note_listing(env: BuildEnvironment, listing: Listing) -> None:
    """The page being read shows ``listing``: written again when the posts it shows change."""
    Listings.of(env).setdefault(env.docname, []).append(listing)


def _cited(app: Sphinx, posts: Iterable[Post]) -> dict[str, str | None]:
    """The publication key of each post -> what its header shows of the entry."""
    entries = publications.entries(app.env)  # as parsed for this build by sphinxcontrib-bibtex
    keys = {post.source.bib for post in posts if post.source.bib}
    language = app.config.language
    return {
        key: publications.short_citation(entries[key], language) if key in entries else None
        for key in keys
    }


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


def _description(app: Sphinx, docname: str) -> Description | None:
    """A post is an article described by its summary; an archive page says what it lists."""
    language = app.config.language
    names = post_files.load_tags(root_of(app.srcdir))
    post = all_posts(app.env).get(docname)
    if post is not None:
        tags = tuple(names[tag][language] for tag in post.source.tags)
        return Description(post.summary, Article(iso_date(post.source), tags))
    archive = archive_of(docname)
    if archive is None or docname not in app.env.all_docs:
        return None
    kind, key = archive
    site = app.config.project
    if kind == "year":
        sentence = _("All the {site} team’s news from {year}, newest first.", language)
        return Description(sentence.format(site=site, year=key))
    if key not in names:
        return None
    sentence = _("All the {site} team’s news on the topic “{tag}”, newest first.", language)
    return Description(sentence.format(site=site, tag=names[key][language]))


def _kind(app: Sphinx, docname: str) -> tuple[str, str] | None:
    """What a page of the news is, for its social card."""
    post = all_posts(app.env).get(docname)
    if post is not None:
        return "post", display_date(post.source, app.config.language)
    if archive_of(docname) and docname in app.env.all_docs:
        return "archive", ""
    return ("news", "") if docname == NEWS_INDEX else None


def _mentions(app: Sphinx, key: str, shown: set[str]) -> list[Mention]:
    """The posts about a publication (``bib:``, or a page of ``shown``), newest first."""
    about = [
        post for docname, post in all_posts(app.env).items()
        if docname in shown or post.source.bib == key
    ]  # fmt: skip
    return [
        Mention("news", app.env.titles[post.docname].astext(), post.docname)
        for post in sorted(about, key=lambda post: (post.date, post.docname), reverse=True)
    ]


def setup(app: Sphinx) -> None:
    app.connect(MENTIONS, _mentions)
    app.add_env_collector(Posts)
    app.add_env_collector(Listings)
    app.connect(EVENT, _description)
    app.connect(KIND, _kind)
