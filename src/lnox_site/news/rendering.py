"""The news as pages show it, drawn when a page is written, in its language: each listing of
:mod:`lnox_site.news.directives`, and on a post's page its date, tags, themes (linked to their
pages) and publication under its title, and the older and newer posts at its end."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from lnox_site.bibliography import publications
from lnox_site.content import posts as post_files
from lnox_site.content import vocabulary
from lnox_site.content.paths import root_of
from lnox_site.content.posts import tag_docname, year_docname
from lnox_site.content.wording import N_, _
from lnox_site.news.collection import all_posts
from lnox_site.news.directives import news_listing
from lnox_site.news.model import (
    FEED,
    NEWS_INDEX,
    Archives,
    Post,
    Selection,
    display_date,
    neighbours,
)

# Words of the generated parts of the pages; the links of a label with a {placeholder} stand
# where the translation puts it.
LABELS = {
    "empty": N_("No news yet."),
    "empty_theme": N_("No news on this theme yet."),
    "themes": N_("Themes: {themes}"),
    "publication": N_("Publication: {publication}"),
    "older": N_("Previous: {post}"),
    "newer": N_("Next: {post}"),
    "all_year": N_("All news from {year}"),
    "all": N_("All news"),
    "feed": N_("Follow the news: Atom feed"),
}


@dataclass(frozen=True)
class _Page:
    """The page being written: links are relative to it, words in its language."""

    app: Sphinx
    docname: str

    @property
    def language(self) -> str:
        return self.app.config.language

    def label(self, key: str, **values: object) -> str:
        return self.label_text(key).format(**values)

    def labelled(self, key: str, links: list[nodes.Node]) -> nodes.paragraph:
        """A paragraph of the label ``key`` with ``links`` in the place of its placeholder."""
        before, _brace, rest = self.label_text(key).partition("{")
        after = rest.partition("}")[2]
        paragraph = nodes.paragraph("", before, *links)
        if after:
            paragraph += nodes.Text(after)
        return paragraph

    def label_text(self, key: str) -> str:
        return _(LABELS[key], self.language)

    def link(self, target: str, text: str, anchor: str = "") -> nodes.Node:
        if target == self.docname and not anchor:
            return nodes.Text(text)  # no link from a page to itself
        uri = self.app.builder.get_relative_uri(self.docname, target)
        return nodes.reference(
            "", text, refuri=uri + (f"#{anchor}" if anchor else ""), internal=True
        )

    def feed_link(self) -> nodes.reference:
        uri = relative_uri(self.app.builder.get_target_uri(self.docname), FEED)
        return nodes.reference("", self.label("feed"), refuri=uri)

    def tag_links(self, tags: Iterable[str]) -> list[nodes.Node]:
        names = post_files.load_tags(root_of(self.app.srcdir))
        links = [self.link(tag_docname(tag), names[tag][self.language]) for tag in tags]
        return _joined(links)

    def theme_links(self, slugs: Iterable[str]) -> list[nodes.Node]:
        # Every theme has its page: the checks of themes.yaml stop the build otherwise.
        themes = vocabulary.load(root_of(self.app.srcdir)).themes
        chosen = [themes[slug] for slug in slugs]
        return _joined([self.link(t.page, t.titles[self.language]) for t in chosen])


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
        empty = page.label("empty_theme" if selection.theme else "empty")
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
            link = page.link(tag_docname(key), names[key][page.language])
        listing += nodes.list_item("", nodes.paragraph("", "", link, nodes.Text(f" ({count})")))
    return [listing]


def _post_header(page: _Page, post: Post) -> nodes.container:
    header = nodes.container(classes=["lnox-post-meta"])
    header += nodes.paragraph(
        "", "", _date(page, post), nodes.Text(" · "), *page.tag_links(post.source.tags)
    )
    if post.source.themes:
        header += page.labelled("themes", page.theme_links(post.source.themes))
    if post.source.bib or post.source.doi:
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
        header += page.labelled("publication", _joined(links))
    return header


def _post_footer(page: _Page, post: Post, posts: dict[str, Post]) -> nodes.container:
    footer = nodes.container(classes=["lnox-post-nav"])
    older, newer = neighbours(posts)[post.docname]
    for name, neighbour in (("older", older), ("newer", newer)):
        if neighbour is not None:
            footer += page.labelled(name, [page.link(neighbour.docname, neighbour.title)])
    footer += nodes.paragraph(
        "", "",
        page.link(year_docname(post.year), page.label("all_year", year=post.year)),
        nodes.Text(" · "),
        page.link(NEWS_INDEX, page.label("all")),
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
    app.add_css_file("news.css")
    app.connect("doctree-resolved", _render)
