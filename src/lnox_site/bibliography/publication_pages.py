"""A page per team publication: ``publications/<key>.html``, in each language.

Readers arrive at a paper from a search engine, Google Scholar or Zotero; its page says what the
paper is and where the team talks about it:

* the entry in the site's style, as the Publications page shows it, with its COinS; its authors
  (the people of the Team page linked to their entry there), its kind, journal or university,
  year, DOI, themes (linked to the theme pages), and its BibTeX and RIS downloads;
* where the site talks about it (:func:`mentions`): the pages that cite it (``{footcite}``), name
  it (``{pub}``) or list it (a theme's ``publication-list``), as
  :mod:`lnox_site.bibliography.entry_dependencies` recorded them while reading, the news posts
  about it (``bib:`` in their front matter), and the people whose thesis or works it is
  (docs/_data/people.yaml), each by its title in the page's language;
* in its ``<head>``, the ``citation_*`` tags that Google Scholar and Zotero read (only the fields
  the entry has) and its schema.org JSON-LD (:mod:`lnox_site.bibliography.jsonld`).

The pages have no source file: they are written when every page has been read
(``html-collect-pages``), through Sphinx's page template like any page (navigation, metadata,
social card). An incremental build makes and writes a page only when what it is made from
changed: the digest of each page's sources (its entry, the pages that talk about it, the team's
people and themes, the site's code and tools, and what makes Sphinx write every page again: its
configuration and templates) is kept beside the doctrees, with its title. A build that read no
page, and found the team's entries and the rest unchanged, does not look at each entry: every
page is the one it kept. The page of an entry that is no longer the team's is removed.

Search: each page is in Sphinx's index by its title, with no text, and is found through its
publication object (:mod:`lnox_site.bibliography.search`), which matches the whole citation: it is
listed once. Sphinx drops from the index, as it writes it, every page that is not a document: the
index is told to keep these.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from docutils import nodes
from pybtex.database import Person
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import new_document

from lnox_site.bibliography import entry_dependencies, jsonld, publications
from lnox_site.bibliography.publications import (
    DOWNLOADS,
    PAGES,
    PUBLICATIONS_PAGE,
    Page,
    anchor,
    page_of,
)
from lnox_site.bibliography.reference_managers import inverted_name, page_range
from lnox_site.bibliography.style import word
from lnox_site.content import editions, people, vocabulary
from lnox_site.content.paths import PEOPLE, THEMES, root_of
from lnox_site.content.references import Publication, authors, full_name, team_only
from lnox_site.content.team import signature
from lnox_site.content.wording import N_, _
from lnox_site.site.descriptions import EVENT, Description
from lnox_site.site.head import json_ld
from lnox_site.site.sitemaps import PAGES_WITHOUT_SOURCE
from lnox_site.upstream import sphinx as upstream

LABELS = {
    "kind": N_("Type:"),
    "authors": N_("Authors:"),
    "journal": N_("Journal:"),
    "school": N_("University:"),
    "year": N_("Year:"),
    "doi": N_("DOI:"),
    "themes": N_("Themes:"),
    "download": N_("Download:"),
    "mentions": N_("Cited on these pages"),
    "no-mentions": N_("No page of the site discusses this publication yet."),
    "all": N_("All the team’s publications"),
}
# What each kind of work (references.KINDS) is called on its page.
KIND_NAMES = {
    "article": N_("Article"),
    "abstract": N_("Conference abstract"),
    "thesis": N_("Doctoral thesis"),
    "other": N_("Other publication"),
}
# The kinds of pages that talk about a publication, in the order its page lists them.
PAGE_KINDS = {
    "themes": N_("Research themes"),
    "news": N_("News"),
    "symposium": N_("Symposium"),
    "people": N_("Team"),
    "other": N_("Other pages"),
}
# Beside the doctrees: the digest of what each page was last made from.
DIGESTS = "lnox-publication-pages.json"
# Sent as app.emit(MENTIONS, key, shown), ``shown`` being the pages that cite, name or list the
# entry: the parts of the site that know better what some pages are (the news, the Team page) each
# return the Mentions of their pages about the entry, in the order the page lists them; a page of
# ``shown`` that a mention is on is not listed again.
MENTIONS = "lnox-publication-mentions"
# Sent as app.emit_firstresult(PERSON_PAGE, name): where the person's entry is, (docname, anchor),
# or None.
PERSON_PAGE = "lnox-person-page"


def label(name: str, language: str) -> str:
    return _(LABELS[name], language)


@dataclass(frozen=True)
class Mention:
    """A place of the site that talks about a publication."""

    kind: str  # a key of PAGE_KINDS
    title: str  # in the page's language
    docname: str
    anchor: str = ""


class Mentions:
    """Where the site talks about each publication, from what is known of the pages once per build
    (the pages that show each entry are found in one pass over them)."""

    def __init__(self, app: Sphinx) -> None:
        root = root_of(app.srcdir)
        words = vocabulary.load(root)
        self.app = app
        self.showing = entry_dependencies.showing(app.env, words.team)
        self.themes = {theme.page for theme in words.themes.values()}
        self.symposium = {edition.docname for edition in editions.load(root)[0]}

    def _kind(self, docname: str) -> str:
        if docname in self.themes:
            return "themes"
        return "symposium" if docname in self.symposium else "other"

    def of(self, pub: Publication) -> list[Mention]:
        """Where the site talks about ``pub``, grouped by kind of page (:data:`PAGE_KINDS`):
        theme pages by title, news newest first, editions by year, people in the order of the
        Team page, other pages by title."""
        shown = self.showing.get(pub.key, set())
        answered = [m for found in self.app.emit(MENTIONS, pub.key, shown) for m in found]
        found: dict[str, list[Mention]] = {name: [] for name in PAGE_KINDS}
        for docname in shown - {mention.docname for mention in answered}:
            title = self.app.env.titles[docname].astext()
            found[self._kind(docname)].append(Mention(self._kind(docname), title, docname))
        for group in ("themes", "other"):
            found[group].sort(key=lambda mention: (mention.title.casefold(), mention.docname))
        found["symposium"].sort(key=lambda mention: mention.docname)
        for mention in answered:
            found[mention.kind].append(mention)
        return [mention for group in found.values() for mention in group]


def citation_tags(pub: Publication) -> list[tuple[str, str]]:
    """The ``citation_*`` meta tags of Google Scholar (and Zotero), from the fields the entry has:
    https://scholar.google.com/intl/en/scholar/inclusion.html#indexing"""
    first, last = page_range(pub)
    doi = pub.entry.fields.get("doi", "")
    url = pub.entry.fields.get("url", "")
    tags = [("citation_title", pub.field("title"))]
    tags += [("citation_author", inverted_name(person)) for person in authors(pub.entry)]
    tags += [
        ("citation_publication_date", str(pub.year)),
        ("citation_journal_title", pub.field("journal")),
        ("citation_dissertation_institution", pub.field("school") if pub.kind == "thesis" else ""),
        ("citation_volume", pub.field("volume")),
        ("citation_issue", pub.field("number")),
        ("citation_firstpage", first),
        ("citation_lastpage", last),
        ("citation_doi", doi),
        # Only an address that the entry gives as its PDF.
        ("citation_pdf_url", url if url.lower().endswith(".pdf") else ""),
    ]
    return [(name, value) for name, value in tags if value]


def head(app: Sphinx, pub: Publication) -> str:
    """What the page adds to its ``<head>``: the citation tags and the JSON-LD."""
    tags = [
        f'<meta name="{name}" content="{html.escape(value)}">' for name, value in citation_tags(pub)
    ]
    data = jsonld.describe(pub, jsonld.address(app, page_of(pub.key)))
    tags.append(json_ld({"@context": "https://schema.org", **data}))
    return "\n".join(tags)


def description(pub: Publication) -> str:
    """``Title. Journal, 2020.``: what the page is, for search engines and link previews."""
    title = pub.field("title")
    where = pub.field("school") if pub.kind == "thesis" else pub.field("journal")
    stop = "" if title.endswith((".", "?", "!")) else "."
    return f"{title}{stop} {where + ', ' if where else ''}{pub.year}."


class _Body:
    """The text of the page of one entry, as docutils nodes."""

    def __init__(self, app: Sphinx, pub: Publication, members: dict[str, str]) -> None:
        self.app, self.pub, self.members = app, pub, members
        self.pagename = page_of(pub.key)
        self.page = Page.of(app, self.pagename)
        self.language = self.page.language

    def link(self, text: str, docname: str, fragment: str = "") -> nodes.reference:
        uri = self.app.builder.get_relative_uri(self.pagename, docname)
        return nodes.reference(
            "", text, refuri=uri + (f"#{fragment}" if fragment else ""), internal=True
        )

    def fact(self, name: str, *children: nodes.Node) -> nodes.paragraph:
        return nodes.paragraph(
            "", "", nodes.strong(text=label(name, self.language)), nodes.Text(" "), *children
        )

    def authors(self) -> list[nodes.Node]:
        """Every named author, those of the Team page linked to their entry there."""
        named = authors(self.pub.entry)
        names: list[nodes.Node] = []
        for person in named:
            member = self.members.get(signature(person))
            entry = self.app.emit_firstresult(PERSON_PAGE, member) if member else None
            if entry is not None:
                names.append(self.link(full_name(person), *entry))
            else:
                names.append(nodes.Text(full_name(person)))
        partial = len(named) < len(self.pub.entry.persons.get("author", []))
        joined: list[nodes.Node] = []
        for index, name in enumerate(names):
            if index:
                last = index == len(names) - 1 and not partial
                joined.append(nodes.Text(f" {word('and', self.language)} " if last else ", "))
            joined.append(name)
        return joined + ([nodes.Text(f" {word('et al.', self.language)}")] if partial else [])

    def facts(self) -> list[nodes.paragraph]:
        pub, page = self.pub, self.page
        facts = [self.fact("kind", nodes.Text(_(KIND_NAMES[pub.kind], self.language)))]
        if authors(pub.entry):
            facts.append(self.fact("authors", *self.authors()))
        if pub.kind == "thesis" and pub.field("school"):
            facts.append(self.fact("school", nodes.Text(pub.field("school"))))
        elif pub.field("journal"):
            facts.append(self.fact("journal", nodes.emphasis(text=pub.field("journal"))))
        facts.append(self.fact("year", nodes.Text(str(pub.year))))
        if "doi" in pub.entry.fields:
            doi = pub.entry.fields["doi"]
            facts.append(
                self.fact("doi", nodes.reference("", doi, refuri=f"https://doi.org/{doi}"))
            )
        themes = page.theme_links(pub)
        if themes:
            facts.append(self.fact("themes", *_joined(themes)))
        downloads = [
            page.download(name, f"{DOWNLOADS}/{pub.key}.{suffix}")
            for name, suffix in (("BibTeX", "bib"), ("RIS", "ris"))
        ]
        facts.append(self.fact("download", *_joined(downloads, " · ")))
        return facts

    def mentions_section(self, found: list[Mention]) -> nodes.section:
        section = nodes.section(ids=["mentions"])
        section += nodes.title(text=label("mentions", self.language))
        if not found:
            section += nodes.paragraph(text=label("no-mentions", self.language))
        for kind, heading in PAGE_KINDS.items():
            group = [mention for mention in found if mention.kind == kind]
            if not group:
                continue
            part = nodes.section(ids=[f"mentions-{kind}"])
            part += nodes.title(text=_(heading, self.language))
            listing = nodes.bullet_list()
            for mention in group:
                link = self.link(mention.title, mention.docname, mention.anchor)
                listing += nodes.list_item("", nodes.paragraph("", "", link))
            part += listing
            section += part
        return section

    def document(self, found: list[Mention]) -> nodes.document:
        """The page, ``found`` being where the site talks about the entry (:func:`mentions`)."""
        pub, page = self.pub, self.page
        section = nodes.section(ids=[anchor(pub.key)], classes=["lnox-pub-page"])
        section += nodes.title(text=pub.field("title"))
        section += nodes.paragraph("", "", *page.formatted(pub), classes=["lnox-pub-citation"])
        section += page.coins(pub)
        section += nodes.container("", *self.facts(), classes=["lnox-pub-facts"])
        section += self.mentions_section(found)
        if PUBLICATIONS_PAGE in self.app.env.found_docs:
            back = self.link(label("all", self.language), PUBLICATIONS_PAGE, anchor(pub.key))
            section += nodes.paragraph("", "", back)
        document = new_document(self.pagename)
        document += section
        return document


def _joined(parts: Iterable[nodes.Node], separator: str = ", ") -> list[nodes.Node]:
    joined: list[nodes.Node] = []
    for index, part in enumerate(parts):
        joined += [nodes.Text(separator)] if index else []
        joined.append(part)
    return joined


def names(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The names of the pages of the team's entries (``publications/kouzi2020oncogene``)."""
    return [page_of(pub.key) for pub in team_only(publications.entries(env).values())]


def _shared_sources(app: Sphinx) -> str:
    """A digest of what every page of an entry is made from besides its entry and the pages of the
    site: the site's code and tools, its configuration and templates, the list of pages (the Team
    and Publications pages, the pages a mention links), the people and the themes."""
    root, builder = root_of(app.srcdir), app.builder
    data = [(root / path).read_bytes() for path in (PEOPLE, THEMES) if (root / path).exists()]
    pages = sorted(app.env.found_docs)
    shared = (
        publications.renderer_digest(),
        upstream.site_digest(builder),
        app.config.language,
        data,
        pages,
    )
    # A digest, not the text itself, goes into each entry's (the largest bench site has 1,216 pages).
    return hashlib.blake2b(repr(shared).encode(), digest_size=16).hexdigest()


def _pages(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """The pages of the team's entries whose sources changed, for Sphinx to write."""
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder):
        return []
    store = Path(app.doctreedir) / DIGESTS
    before = json.loads(store.read_text(encoding="utf-8")) if store.exists() else {}
    shared = _shared_sources(app)
    # The team's entries as they say (an edit of another entry changes no page of one).
    team = {
        pub.key: (pub, publications.entry_digest(pub))
        for pub in team_only(publications.entries(app.env).values())
    }
    said = sorted((key, digest) for key, (_pub, digest) in team.items())
    sources = {
        "shared": shared,
        "entries": hashlib.blake2b(repr(said).encode(), digest_size=16).hexdigest(),
    }
    if _as_before(app, before, sources):
        kept, to_write = before["pages"], []
    else:
        kept, to_write = _made_again(app, before.get("pages", {}), shared, team.values())
    for pagename, (_digest, title) in kept.items():
        upstream.feed_index(builder, pagename, title, new_document(pagename))
    for gone in before.get("pages", {}).keys() - kept.keys():
        _output(builder, gone).unlink(missing_ok=True)
    store.write_text(
        json.dumps({**sources, "pages": kept}, indent=0, sort_keys=True), encoding="utf-8"
    )
    # Sphinx prunes from the index, as it writes it, the pages that are not documents.
    upstream.keep_in_index(builder, set(kept))
    return to_write


def _as_before(app: Sphinx, before: dict[str, Any], sources: dict[str, str]) -> bool:
    """Whether every page is the one of the last build, without looking at each: no page of the
    site was read or removed (what the pages say of an entry is as it was), the team's entries
    and the shared sources are unchanged, and each page is still there."""
    return (
        not _READ.get(app)
        and all(before.get(name) == digest for name, digest in sources.items())
        and all(_output(app.builder, name).exists() for name in before["pages"])
    )


def _made_again(
    app: Sphinx,
    before: dict[str, list[str]],
    shared: str,
    team: Iterable[tuple[Publication, str]],
) -> tuple[dict[str, list[str]], list[tuple[str, dict[str, Any], str]]]:
    """Each page's digest and title, and the pages whose digest changed, made again; ``team``:
    the team's entries, each with its :func:`publications.entry_digest`."""
    builder = app.builder
    members = {
        signature(Person(member.name)): member.name
        for member in people.load(root_of(app.srcdir))[0]
    }
    now, to_write, places = {}, [], Mentions(app)
    for pub, entry_digest in team:
        pagename, found = page_of(pub.key), places.of(pub)
        sources = repr((shared, entry_digest, found))
        digest = hashlib.blake2b(sources.encode(), digest_size=16).hexdigest()
        kept = before.get(pagename)
        if kept and kept[0] == digest and _output(builder, pagename).exists():
            now[pagename] = kept  # its title too, which the digest covers
            continue
        title = pub.field("title")
        now[pagename] = [digest, title]
        text = upstream.page_html(builder, pagename, _Body(app, pub, members).document(found))
        context = {"title": html.escape(title), "body": text, "metatags": head(app, pub) + "\n"}
        context |= {"toc": "", "display_toc": False, "meta": {}, "sourcename": ""}
        to_write.append((pagename, context, "page.html"))
    return now, to_write


def _output(builder: StandaloneHTMLBuilder, pagename: str) -> Path:
    return Path(builder.get_outfilename(pagename))


def _description(app: Sphinx, docname: str) -> Description | None:
    folder, _, key = docname.partition("/")
    if folder != PAGES:
        return None
    pub = publications.entries(app.env).get(key)
    return Description(description(pub)) if pub and pub.is_team_work else None


# The pages of the site read or removed in this build, for each application (_as_before).
_READ: WeakKeyDictionary[Sphinx, set[str]] = WeakKeyDictionary()


def _note_read(app: Sphinx, env: BuildEnvironment, docnames: Iterable[str] | str) -> None:
    _READ.setdefault(app, set()).update([docnames] if isinstance(docnames, str) else docnames)


def setup(app: Sphinx) -> None:
    # Every page read (env-before-read-docs) or removed (env-purge-doc, also sent for each page
    # read again).
    app.connect("env-before-read-docs", _note_read)
    app.connect("env-purge-doc", _note_read)
    # After the search index is mended (lnox_site.site.search_index, at the default priority): the
    # pages are fed to it in the same order in a clean and in an incremental build.
    app.connect("html-collect-pages", _pages, priority=600)
    app.connect(EVENT, _description)
    app.connect(PAGES_WITHOUT_SOURCE, names)
    # Before the parts that answer them connect to them.
    app.add_event(MENTIONS)
    app.add_event(PERSON_PAGE)
