"""The team's publications, from references.bib (entries with the keyword ``lnox``).

* ``publication-list`` directive: the team's entries, newest first, each in the site's style (all
  authors, members in bold; journal or thesis; DOI link), with links to the theme pages of its
  keywords, its BibTeX and RIS as downloads, and its COinS for reference managers
  (:mod:`lnox_site.bibliography.reference_managers`) and a link to its own page. ``:theme: jonctions-gap`` (every keyword of
  that theme in docs/_data/themes.yaml) or ``:keywords: gap-junctions connexins`` select entries;
  ``:by-year:`` puts them under one heading per year (the Publications page).
* ``publication-summary`` directive: the counts per kind of work, the chart per year and the whole
  references.bib as a download.
* ``pub`` role: a link to the page of a team entry (:func:`page_of`, written by
  :mod:`lnox_site.bibliography.publication_pages`), e.g. ``{pub}`kouzi2020oncogene```.
* :func:`anchor`: the id of an entry on the Publications page (stable: other sites link to it).

Lists are rendered when the page is written, in the page's language, in one pass over the entries
that sphinxcontrib-bibtex has already parsed; they are never extracted for translation. The BibTeX
and RIS files offered for download are written to ``bib/`` in the output when the build ends.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import shutil
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any, ClassVar
from weakref import WeakKeyDictionary

import pybtex.plugin
import pybtex_docutils
from babel.lists import format_list
from docutils import nodes
from docutils.parsers.rst import directives
from pybtex.database import BibliographyData
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.osutil import relative_uri

from lnox_site.bibliography import chart as publication_chart
from lnox_site.bibliography import entry_dependencies, reference_managers
from lnox_site.bibliography.citations import cited_names
from lnox_site.content import vocabulary
from lnox_site.content.bibfile import scan
from lnox_site.content.languages import LOCALES
from lnox_site.content.paths import BIBFILE, PEOPLE, THEMES, root_of
from lnox_site.content.references import (
    KINDS,
    Publication,
    as_plain,
    publications,
    team_only,
)
from lnox_site.content.wording import N_, Nn_, _, __, n_
from lnox_site.site.descriptions import KIND, reference_key
from lnox_site.upstream import bibtex

logger = logging.getLogger(__name__)


@cache
def renderer_digest() -> str:
    """The site's code and the releases of the tools that render an entry: with another, what was
    made from an entry in an earlier build is made anew."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(Path(__file__).parents[1].rglob("*.py")):
        digest.update(path.read_bytes())
    for tool in ("sphinx", "docutils", "pybtex", "sphinxcontrib-bibtex", "furo"):
        digest.update(version(tool).encode())
    return digest.hexdigest()


def entry_digest(pub: Publication) -> str:
    """What an entry says: its kind, fields and people."""
    entry = pub.entry
    persons = [(role, [str(person) for person in names]) for role, names in entry.persons.items()]
    said = repr((pub.key, entry.type, list(entry.fields.items()), persons))
    return hashlib.blake2b(said.encode(), digest_size=16).hexdigest()


PUBLICATIONS_PAGE = "publications"
PAGES = "publications"  # folder of the output that holds a page per team entry
DOWNLOADS = "bib"  # folder of the output that holds the BibTeX downloads
BACKEND = pybtex_docutils.Backend()

LABELS = {
    "page": N_("Publication page"),
    "themes": N_("Themes:"),
    "members": N_("The names of the people presented on the Team page are in bold."),
    "download": N_("The site’s whole bibliography in BibTeX format"),
}
# How many works of each kind (see references.KINDS), singular and plural.
KIND_COUNTS = {
    "article": Nn_("{count} article", "{count} articles"),
    "abstract": Nn_("{count} conference abstract", "{count} conference abstracts"),
    "thesis": Nn_("{count} doctoral thesis", "{count} doctoral theses"),
    "other": Nn_("{count} other publication", "{count} other publications"),
}


def anchor(key: str) -> str:
    """The id of an entry on the Publications page (stable: other pages link to it)."""
    return nodes.make_id(f"pub-{key}")


def page_of(key: str) -> str:
    """The page name of a team entry's own page (``publications/kouzi2020oncogene``)."""
    return f"{PAGES}/{key}"


def short_citation(pub: Publication, language: str) -> str:
    """``Kouzi et al. (2020)``: the text of a link to an entry, as ``{footcite:t}`` writes it in
    ``language`` (« et » or "and" between two authors)."""
    return f"{as_plain(cited_names(pub.entry, language))} ({pub.year})"


def year_anchor(year: int) -> str:
    return f"year-{year}"


def bibfile(app: Sphinx) -> Path:
    return root_of(app.srcdir) / BIBFILE


# The publications of the last parse of the file (its data, the team's keyword, the publications),
# made once rather than once per page that asks.
_made: list[tuple[BibliographyData, str, dict[str, Publication]]] = []
# The entries formatted in the site's style, per build (the language is the build's).
_formatted: WeakKeyDictionary[Sphinx, dict[str, list[nodes.Node]]] = WeakKeyDictionary()


def entries(env: BuildEnvironment) -> dict[str, Publication]:
    """Every entry of references.bib, as parsed once per build by sphinxcontrib-bibtex (shared by
    every caller: not to be changed)."""
    team = vocabulary.load(root_of(env.srcdir)).team
    data = bibtex.bibliography(env)
    if not (_made and _made[0][0] is data and _made[0][1] == team):
        _made[:] = [(data, team, publications(data.entries, team))]
    return _made[0][2]


class publication_list(nodes.General, nodes.Element):
    """Placeholder, replaced by the rendered list when the page is written."""


class publication_summary(nodes.General, nodes.Element):
    """Placeholder, replaced by the counts and the chart when the page is written."""


class publication_ref(reference_key):
    """Placeholder for a ``pub`` link, resolved when the page is written."""


def _note_dependencies(directive: SphinxDirective) -> None:
    """What a list shows besides its entries (:func:`entry_dependencies.note_list`): the members
    and the themes. Not the theme pages: the checks of themes.yaml stop the build while a theme's
    page is missing, so that a page can only appear or go with a change of themes.yaml, and editing
    the text of one theme page does not make every list be read again."""
    root = root_of(directive.env.srcdir)
    for path in (root / PEOPLE, root / THEMES):
        directive.env.note_dependency(str(path))


class PublicationList(SphinxDirective):
    option_spec: ClassVar = {
        "keywords": directives.unchanged,
        "theme": directives.unchanged,
        "by-year": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        _note_dependencies(self)
        keywords = set(self.options.get("keywords", "").split())
        if "theme" in self.options:
            themes = vocabulary.load(root_of(self.env.srcdir))
            theme = self.options["theme"].strip()
            if theme not in themes.themes:
                known = ", ".join(sorted(themes.themes))
                raise self.error(
                    __("unknown theme {theme}: use one of {known}").format(
                        theme=repr(theme), known=known
                    )
                )
            keywords |= themes.keywords_of(theme)
        entry_dependencies.note_list(self.env, keywords)
        node = publication_list(keywords=sorted(keywords), by_year="by-year" in self.options)
        self.set_source_info(node)
        return [node]


class PublicationSummary(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        _note_dependencies(self)
        entry_dependencies.note_list(self.env)  # every team entry is counted
        node = publication_summary()
        self.set_source_info(node)
        return [node]


class PublicationRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        node = publication_ref(key=self.text.strip())
        entry_dependencies.note_named(self.env, node["key"])
        self.set_source_info(node)
        return [node], []


@dataclass
class Page:
    """What rendering the lists of one page needs, gathered once."""

    app: Sphinx
    docname: str
    entries: dict[str, Publication]
    vocabulary: vocabulary.Vocabulary
    style: Any  # the pybtex formatting style of the build
    ids: set[str] = field(default_factory=set)  # given on this page so far

    def unique(self, id_: str) -> list[str]:
        """``[id_]`` the first time, then ``[]``: a list shown twice keeps its ids valid."""
        if id_ in self.ids:
            return []
        self.ids.add(id_)
        return [id_]

    @classmethod
    def of(cls, app: Sphinx, docname: str) -> Page:
        style = pybtex.plugin.find_plugin(
            "pybtex.style.formatting", app.config.bibtex_default_style
        )
        return cls(app, docname, entries(app.env), vocabulary.load(root_of(app.srcdir)), style())

    @property
    def language(self) -> str:
        return self.app.config.language

    def label(self, name: str) -> str:
        return _(LABELS[name], self.language)

    def uri(self, path: str) -> str:
        """Relative link from this page to a file of the output."""
        return relative_uri(self.app.builder.get_target_uri(self.docname), path)

    def download(self, text: str, path: str) -> addnodes.download_reference:
        return addnodes.download_reference("", text, refuri=self.uri(path))

    def theme_links(self, pub: Publication) -> list[nodes.Node]:
        """Links to the existing theme pages of the entry's keywords (not to this page)."""
        themes = [self.vocabulary.theme_of(keyword) for keyword in pub.keywords]
        pages = {theme.page: theme for theme in themes if theme}
        builder = self.app.builder
        return [
            nodes.reference(
                "",
                theme.titles[self.language],
                refuri=builder.get_relative_uri(self.docname, page),
                internal=True,
            )
            for page, theme in sorted(pages.items())
            if page in self.app.env.found_docs and page != self.docname
        ]

    def formatted(self, pub: Publication) -> list[nodes.Node]:
        """The entry in the site's style. Formatted once per build and language, and copied for
        each list that shows it: theme pages and the Publications page show the same entries."""
        done = _formatted.setdefault(self.app, {})
        if pub.key not in done:
            done[pub.key] = list(self.style.format_entry("", pub.entry).text.render(BACKEND))
        return [node.deepcopy() for node in done[pub.key]]

    def page_link(self, key: str, text: str) -> nodes.reference:
        """A link to the page of a team entry."""
        uri = self.app.builder.get_relative_uri(self.docname, page_of(key))
        return nodes.reference("", text, refuri=uri, internal=True)

    def coins(self, pub: Publication) -> nodes.raw:
        """The entry's COinS, which reference managers read beside the entry."""
        title = html.escape(reference_managers.coins(pub))
        return nodes.raw("", f'<span class="Z3988" title="{title}"></span>', format="html")

    def item(self, pub: Publication) -> nodes.list_item:
        item = nodes.list_item(ids=self.unique(anchor(pub.key)), classes=["lnox-pub"])
        item += nodes.paragraph("", "", *self.formatted(pub))
        details = nodes.paragraph(classes=["lnox-pub-details"])
        details += [self.page_link(pub.key, self.label("page")), nodes.Text(" · ")]
        links = self.theme_links(pub)
        if links:
            details += nodes.Text(self.label("themes") + " ")
            for index, link in enumerate(links):
                details += [nodes.Text(", ")] if index else []
                details += link
            details += nodes.Text(" · ")
        details += self.download("BibTeX", f"{DOWNLOADS}/{pub.key}.bib")
        details += nodes.Text(" · ")
        details += self.download("RIS", f"{DOWNLOADS}/{pub.key}.ris")
        item += details
        item += self.coins(pub)
        return item

    def listing(self, pubs: list[Publication]) -> nodes.bullet_list:
        listing = nodes.bullet_list(classes=["lnox-publications"])
        listing += [self.item(pub) for pub in pubs]
        return listing

    def by_year(self, pubs: list[Publication]) -> list[nodes.Node]:
        """One section per year, newest first (``pubs`` is sorted newest first)."""
        sections = []
        for year, group in itertools.groupby(pubs, key=lambda pub: pub.year):
            section = nodes.section(ids=self.unique(year_anchor(year)))
            section += nodes.title(text=str(year))
            section += self.listing(list(group))
            sections.append(section)
        return sections

    def summary(self) -> list[nodes.Node]:
        team_pubs = team_only(self.entries.values())
        per_kind = [
            n_(*KIND_COUNTS[kind], count, self.language).format(count=count)
            for kind in KINDS
            if (count := sum(1 for pub in team_pubs if pub.kind == kind))
        ]
        counts = format_list(per_kind, locale=LOCALES[self.language])
        total = n_(
            "{count} publication by the team: {kinds}.",
            "{count} publications by the team: {kinds}.",
            len(team_pubs),
            self.language,
        ).format(count=len(team_pubs), kinds=counts)
        chart = publication_chart.html([pub.year for pub in team_pubs], self.language, year_anchor)
        whole = nodes.paragraph()
        whole += self.download(self.label("download"), f"{DOWNLOADS}/{BIBFILE}")
        whole += nodes.Text(f" ({BIBFILE})")
        return [
            nodes.paragraph(text=total),
            nodes.paragraph(text=self.label("members")),
            nodes.raw("", chart, format="html"),
            whole,
        ]


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    lists = list(doctree.findall(publication_list))
    summaries = list(doctree.findall(publication_summary))
    refs = list(doctree.findall(publication_ref))
    if not (lists or summaries or refs):
        return
    page = Page.of(app, docname)
    for node in lists:
        pubs = team_only(page.entries.values(), set(node["keywords"]) or None)
        node.replace_self(page.by_year(pubs) if node["by_year"] else page.listing(pubs))
    for node in summaries:
        node.replace_self(page.summary())
    for node in refs:
        pub = page.entries.get(node["key"])
        if pub is None or not pub.is_team_work:
            logger.warning(
                __("{{pub}} links to the page of a team publication: {key} is not one — use the "
                   "key of an entry of {file} marked {keyword}, or cite it with {{footcite:p}}"
                   ).format(key=repr(node["key"]), file=BIBFILE, keyword=page.vocabulary.team),
                location=node, type="lnox", subtype="pub",
            )  # fmt: skip
            node.replace_self(nodes.Text(node["key"]))
            continue
        node.replace_self(page.page_link(pub.key, short_citation(pub, page.language)))


def _write_downloads(app: Sphinx, exception: Exception | None) -> None:
    """Each team entry's BibTeX, exactly as written in references.bib, and RIS, and the whole file;
    only the files whose text changed are written (the others keep their date), and the downloads
    of entries that are no longer the team's are removed."""
    if exception or app.builder.format != "html":
        return
    source = bibfile(app)
    folder = Path(app.outdir) / DOWNLOADS
    whole = folder / BIBFILE
    if whole.exists() and whole.read_bytes() == source.read_bytes():
        return  # written by an earlier build from the same file
    folder.mkdir(exist_ok=True)
    team = {pub.key: pub for pub in entries(app.env).values() if pub.is_team_work}
    wanted = {}
    for entry in scan(source.read_text(encoding="utf-8")).entries:
        if entry.key in team:
            wanted[folder / f"{entry.key}.bib"] = entry.text + "\n"
            wanted[folder / f"{entry.key}.ris"] = reference_managers.ris(team[entry.key])
    for path in [*folder.glob("*.bib"), *folder.glob("*.ris")]:
        if path != whole and path not in wanted:
            path.unlink()
    for path, text in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    shutil.copyfile(source, whole)  # last: the mark that every download is written


def _kind(app: Sphinx, docname: str) -> tuple[str, str] | None:
    """The Publications page, for its social card."""
    return ("publications", "") if docname == PUBLICATIONS_PAGE else None


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect(KIND, _kind)
    app.add_node(publication_list)
    app.add_node(publication_summary)
    app.add_node(publication_ref)
    app.add_directive("publication-list", PublicationList)
    app.add_directive("publication-summary", PublicationSummary)
    app.add_role("pub", PublicationRole())
    app.connect("doctree-resolved", _resolve)
    app.connect("build-finished", _write_downloads)
    return {}
