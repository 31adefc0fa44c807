"""The Team page: the ``people`` directive lists the people of docs/_data/people.yaml
(read by :mod:`lnox_site.content.people`), one group per status, in the language of the page.
Each person's entry has an id (:func:`person_anchor`) that the publications' pages link to; theses
and works link to the publications' own pages. :func:`team_pages`: the pages that show the people."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from lnox_site.bibliography import entry_dependencies, publications
from lnox_site.bibliography.publication_pages import MENTIONS, PERSON_PAGE, Mention
from lnox_site.bibliography.publications import page_of, short_citation
from lnox_site.content.languages import format_date
from lnox_site.content.paths import PEOPLE, root_of
from lnox_site.content.people import STATUSES, Person, load
from lnox_site.content.references import Publication, plain
from lnox_site.content.wording import _
from lnox_site.site.collectors import PageRecords
from lnox_site.site.descriptions import KIND

# -- The Team page --------------------------------------------------------------------------------


def person_anchor(name: str) -> str:
    """The id of a person's entry on the Team page (``person-farah-kouzi``)."""
    return nodes.make_id(f"person-{name}")


class TeamPages(PageRecords):
    """The pages that show the people (docname -> True): the Team page."""

    name = "lnox_team_pages"


def team_pages(env: BuildEnvironment) -> set[str]:
    """The pages that show the people (the Team page)."""
    return set(TeamPages.of(env))


class people_list(nodes.General, nodes.Element):
    """Placeholder for the groups of people, rendered in the language of the page."""


class PeopleDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        root = root_of(self.env.srcdir)
        self.env.note_dependency(str(root / PEOPLE))
        TeamPages.of(self.env)[self.env.docname] = True
        # The theses and works are rendered when the page is written: written again when one of
        # their entries changes (the order of the theses follows their years).
        for person in load(root)[0]:
            for key in filter(None, [person.thesis, *person.works]):
                entry_dependencies.note_named(self.env, key)
        return [people_list()]


def _entry(person: Person, language: str, bib: dict[str, Publication], link) -> nodes.list_item:
    item = nodes.list_item(ids=[person_anchor(person.name)], classes=["lnox-person"])
    item += nodes.paragraph("", "", nodes.strong(text=person.name))
    for role in person.roles:
        item += nodes.paragraph(text=role[language])
    if person.thesis:
        thesis = bib[person.thesis]
        if person.defended:
            day = format_date(person.defended, language)
            intro = _("Thesis defended on {date}:", language).format(date=day)
        else:
            intro = _("Thesis defended in {year}:", language).format(year=thesis.year)
        title = plain(thesis.entry.fields["title"])
        item += nodes.paragraph("", f"{intro} ", link(title, person.thesis, nodes.emphasis))
    if person.works:
        para = nodes.paragraph("", _("Publications:", language) + " ")
        for index, key in enumerate(person.works):
            para += [nodes.Text(", ")] if index else []
            para += link(work_label(bib[key], language), key, nodes.inline)
        item += para
    return item


def work_label(pub: Publication, language: str) -> str:
    """``Kouzi et al. 2020 (Oncogene)``: the journal tells apart two papers of the same year."""
    cited = short_citation(pub, language)
    journal = pub.entry.fields.get("journal")
    return f"{cited} ({plain(journal)})" if journal else cited


def groups(people: list[Person]) -> dict[str, list[Person]]:
    """The people of each status, in the order of the statuses; people with a thesis come newest
    thesis first, the others keep the order of the file."""
    ordered = sorted(people, key=lambda p: -p.thesis_year)
    found = {status: [p for p in ordered if p.status == status] for status in STATUSES}
    return {status: members for status, members in found.items() if members}


def render(people: list[Person], language: str, bib, link) -> list[nodes.section]:
    sections = []
    for status, members in groups(people).items():
        section = nodes.section(ids=[f"people-{status}"], classes=["lnox-people"])
        section += nodes.title(text=_(STATUSES[status].heading, language))
        listing = nodes.bullet_list()
        listing += [_entry(person, language, bib, link) for person in members]
        section += listing
        sections.append(section)
    return sections


def _render(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(people_list))
    if not placeholders:
        return
    root = root_of(app.srcdir)
    bib = publications.entries(app.env)  # as parsed for this build by sphinxcontrib-bibtex

    def link(text: str, key: str, wrapper: type[nodes.Element]) -> nodes.reference:
        uri = app.builder.get_relative_uri(docname, page_of(key))
        return nodes.reference("", "", wrapper(text=text), refuri=uri, internal=True)

    for node in placeholders:
        node.replace_self(render(load(root)[0], app.config.language, bib, link))


def _kind(app: Sphinx, docname: str) -> tuple[str, str] | None:
    """The Team page, for its social card."""
    return ("people", "") if docname in TeamPages.of(app.env) else None


def _mentions(app: Sphinx, key: str, shown: set[str]) -> list[Mention]:
    """The people whose thesis or works the entry ``key`` is, on the Team page."""
    teams = team_pages(app.env)
    if not teams:
        return []
    return [
        Mention("people", person.name, min(teams), person_anchor(person.name))
        for person in load(root_of(app.srcdir))[0]
        if key == person.thesis or key in person.works
    ]


def _person_page(app: Sphinx, name: str) -> tuple[str, str] | None:
    """Where the person's entry is on the Team page."""
    teams = team_pages(app.env)
    return (min(teams), person_anchor(name)) if teams else None


def setup(app: Sphinx) -> None:
    app.connect(MENTIONS, _mentions)
    app.connect(PERSON_PAGE, _person_page)
    app.connect(KIND, _kind)
    app.add_node(people_list)
    app.add_directive("people", PeopleDirective)
    app.connect("doctree-resolved", _render)
    app.add_env_collector(TeamPages)
