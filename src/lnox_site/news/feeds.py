"""An Atom feed of the news per language, ``<lang>/actualites/atom.xml``, made with feedgen.

Entries carry absolute links, an id that lasts as long as the post keeps its slug, ``updated`` and
``published`` from the post's date (never the time of the build, so that an unchanged post stays
unchanged for feed readers; an item known to the month or year gets the first day of it), and the
title, summary and tag names in the feed's language. Every page announces the feed in its
``<head>`` (feed autodiscovery).
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from lnox_site.content import posts as post_files
from lnox_site.content.paths import root_of
from lnox_site.content.wording import _
from lnox_site.news.collection import all_posts
from lnox_site.news.model import FEED, NEWS_INDEX, Post, newest_first
from lnox_site.site import identity
from lnox_site.site.head import append_head

# Ids are names in this namespace: the same post keeps the same id from build to build and when
# the site moves to another address.
ID_NAMESPACE = uuid.UUID("5b0f1d62-3c1e-4d0a-9a57-6c2f0f4b7e21")
# Date of a feed without any post (the build time would change the feed at every build).
NO_POST = dt.date(2000, 1, 1)


def feed_id(language: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'news/{language}')}"


def entry_id(language: str, slug: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'news/{language}/{slug}')}"


def timestamp(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)


def title(app: Sphinx) -> str:
    return _("{site} — news", app.config.language).format(site=app.config.project)


def make_feed(
    app: Sphinx, posts: list[Post], url_of: Any, tag_names: dict[str, dict[str, str]]
) -> FeedGenerator:
    """The feed of ``posts`` (newest first); ``url_of(docname)`` gives absolute addresses."""
    language = app.config.language
    feed = FeedGenerator()
    feed.id(feed_id(language))
    feed.title(title(app))
    feed.author(name=identity.text(app, app.config.author))
    feed.language(language)
    feed.link(href=url_of(NEWS_INDEX), rel="alternate", type="text/html")
    feed.link(href=url_of(FEED), rel="self", type="application/atom+xml")
    feed.updated(timestamp(posts[0].date if posts else NO_POST))
    for post in posts:
        entry = feed.add_entry(order="append")
        entry.id(entry_id(language, post.source.slug))
        entry.title(post.title)
        entry.link(href=url_of(post.docname), rel="alternate", type="text/html")
        entry.published(timestamp(post.date))
        entry.updated(timestamp(post.date))
        if post.summary:
            entry.summary(post.summary)
        for tag in post.source.tags:
            entry.category(term=tag, label=tag_names[tag][language])
    return feed


def _write(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    base = app.config.html_baseurl

    def url_of(name: str) -> str:
        return base + (name if name.endswith(".xml") else app.builder.get_target_uri(name))

    posts = newest_first(all_posts(app.env).values())
    tag_names = post_files.load_tags(root_of(app.srcdir))
    feed = make_feed(app, posts, url_of, tag_names)
    path = Path(app.outdir) / FEED
    path.parent.mkdir(parents=True, exist_ok=True)
    feed.atom_file(str(path), pretty=True)


def _announce(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    href = relative_uri(app.builder.get_target_uri(pagename), FEED)
    title_attribute = html.escape(title(app))
    link = f'<link rel="alternate" type="application/atom+xml" title="{title_attribute}"'
    append_head(context, f'{link} href="{href}">')


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _announce)
    app.connect("build-finished", _write)
