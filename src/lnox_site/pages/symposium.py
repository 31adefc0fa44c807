"""The « Niches Tumorales » symposium's pages, from the facts of each edition
(:mod:`lnox_site.content.editions`). The site writes:

* at the top of each edition page, a summary of the edition in the page's language;
* on the series page, the table of the editions (``symposium-editions`` directive), newest first,
  followed by the numbers of the editions that no page describes yet;
* in each edition page's ``<head>``, a schema.org ``Event`` in JSON-LD, and a description made of
  its number, place and dates.

``nox -s new -- edition 2020`` writes the skeleton of a new edition page
(:mod:`lnox_site.new.edition`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel import Locale
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from lnox_site.content.editions import Edition, edition_files, load
from lnox_site.content.languages import format_date
from lnox_site.content.paths import root_of
from lnox_site.content.wording import N_, _
from lnox_site.site.descriptions import EVENT, KIND, Description
from lnox_site.site.head import append_head, json_ld
from lnox_site.site.i18n import language_root

SERIES_PAGE = "symposium/index"

DASH = "\u2013"  # en dash, between the two ends of a range of dates

LABELS = {
    "edition": N_("Edition"),
    "year": N_("Year"),
    "dates": N_("Dates"),
    "place": N_("Place"),
    "chair": N_("Chair"),
    "aegis": N_("Under the aegis of"),
    "organisers": N_("Organisers"),
    "partners": N_("Partners"),
    "themes": N_("Themes"),
    "speakers": N_("Speakers"),
    "programme": N_("Programme"),
    "links": N_("Links"),
}

# -- Rendering, in the language of the page ----------------------------------------------------


# The suffix of an ordinal number, by its CLDR ordinal category (Babel's ``ordinal_form``): "1st",
# "2nd", "3rd", "4th". Each language translates the four (French: « 1re », « 2e », of an édition).
SUFFIXES = {
    # Translators: the suffix of 1st, 21st (an edition of the symposium).
    "one": N_("st"),
    # Translators: the suffix of 2nd, 22nd.
    "two": N_("nd"),
    # Translators: the suffix of 3rd, 23rd.
    "few": N_("rd"),
    # Translators: the suffix of 4th, 11th, 12th…
    "other": N_("th"),
}
# The languages whose ordinals raise their suffix (« 9ᵉ »).
RAISED_SUFFIX = {"fr"}


def ordinal_suffix(number: int, language: str) -> str:
    """« re », « e » in French, "st", "nd", "rd", "th" in English."""
    category = Locale.parse(language).ordinal_form(number)
    return _(SUFFIXES.get(category, SUFFIXES["other"]), language)


def ordinal(number: int, language: str) -> list[nodes.Node]:
    """« 9ᵉ », « 1ʳᵉ » in French (suffix in superscript), "9th", "21st" in English."""
    suffix = ordinal_suffix(number, language)
    if language in RAISED_SUFFIX:
        return [nodes.Text(str(number)), nodes.superscript(text=suffix)]
    return [nodes.Text(f"{number}{suffix}")]


def date_span(start: dt.date, end: dt.date | None, language: str) -> str:
    """« 7-8 novembre 2019 », "7 November - 2 December 2019" (en dashes): days come first."""
    if end is None or end == start:
        return format_date(start, language)
    if (start.year, start.month) == (end.year, end.month):
        return f"{format_date(start, language, 'd')}{DASH}{format_date(end, language)}"
    if start.year == end.year:
        first = format_date(start, language, "d MMMM")
        return f"{first} {DASH} {format_date(end, language)}"
    return f"{format_date(start, language)} {DASH} {format_date(end, language)}"


def place(edition: Edition) -> str:
    return ", ".join(part for part in (edition.venue, edition.city) if part)


def _paragraph(*children: nodes.Node | str) -> nodes.paragraph:
    para = nodes.paragraph()
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def _items(children: list[nodes.Node | str]) -> nodes.bullet_list:
    listing = nodes.bullet_list()
    for child in children:
        listing += nodes.list_item("", _paragraph(child))
    return listing


def _link(text: str, uri: str) -> nodes.reference:
    return nodes.reference("", text, refuri=uri)


def summary(edition: Edition, language: str) -> nodes.definition_list:
    """The facts of an edition, as they head its page."""
    listing = nodes.definition_list(classes=["lnox-edition"])

    def add(key: str, body: nodes.Element) -> None:
        term = nodes.term(text=_(LABELS[key], language))
        listing.append(nodes.definition_list_item("", term, nodes.definition("", body)))

    add("edition", _paragraph(*ordinal(edition.number, language)))
    add("year", _paragraph(str(edition.year)))
    if edition.start:
        add("dates", _paragraph(date_span(edition.start, edition.end, language)))
    if place(edition):
        add("place", _paragraph(place(edition)))
    if edition.chair:
        add("chair", _paragraph(edition.chair))
    for key in ("aegis", "organisers", "partners", "speakers"):
        if getattr(edition, key):
            add(key, _items(getattr(edition, key)))
    if edition.themes:
        add("themes", _items([theme[language] for theme in edition.themes]))
    if edition.programme:
        add(
            "programme",
            _paragraph(_link(_("the edition’s programme", language), edition.programme)),
        )
    if edition.links:
        add(
            "links",
            _items([_link(link["title"][language], link["url"]) for link in edition.links]),
        )
    return listing


def _cell(*children: nodes.Node | str) -> nodes.entry:
    return nodes.entry("", _paragraph(*children))


def series_table(editions: list[Edition], language: str, uri_of) -> nodes.table:
    """Every edition, newest first: number (linking to its page), year, dates, place."""
    headers = ("edition", "year", "dates", "place")
    group = nodes.tgroup(cols=len(headers))
    group += [nodes.colspec(colwidth=1) for _header in headers]
    group += nodes.thead("", nodes.row("", *(_cell(_(LABELS[h], language)) for h in headers)))
    body = nodes.tbody()
    for edition in sorted(editions, key=lambda e: -e.number):
        number = nodes.reference(
            "",
            "",
            *ordinal(edition.number, language),
            refuri=uri_of(edition.docname),
            internal=True,
        )
        dates = (
            date_span(edition.start, edition.end, language)
            if edition.start
            else _("not recorded", language)
        )
        body += nodes.row(
            "", _cell(number), _cell(str(edition.year)), _cell(dates), _cell(place(edition) or "—")
        )
    group += body
    return nodes.table("", group, classes=["lnox-editions"])


def undescribed(editions: list[Edition], language: str) -> nodes.paragraph | None:
    """The numbers below the latest edition that no page describes, as ranges: « 1ʳᵉ à 8ᵉ »."""
    known = {e.number for e in editions}
    missing = [n for n in range(1, max(known, default=0)) if n not in known]
    if not missing:
        return None
    ranges: list[list[int]] = []
    for number in missing:
        if ranges and ranges[-1][-1] == number - 1:
            ranges[-1].append(number)
        else:
            ranges.append([number])
    para = _paragraph(_("Editions that have no page on this site yet:", language) + " ")
    for index, run in enumerate(ranges):
        if index:
            last = index == len(ranges) - 1
            para += nodes.Text(" " + _("and", language) + " " if last else ", ")
        para.extend(ordinal(run[0], language))
        if len(run) > 1:
            # Translators: between the first and the last number of a run of editions, « 1re à 8e ».
            para += nodes.Text(" " + _("to", language) + " ")
            para.extend(ordinal(run[-1], language))
    para += nodes.Text(".")
    return para


class edition_table(nodes.General, nodes.Element):
    """Placeholder for the table of the editions, rendered when the page is written."""


class EditionsDirective(SphinxDirective):
    """``symposium-editions``: the table of every edition of the series."""

    def run(self) -> list[nodes.Node]:
        # The series page is read again whenever an edition page changes.
        for path in edition_files(root_of(self.env.srcdir)):
            self.env.note_dependency(str(path))
        return [edition_table()]


def _by_docname(app: Sphinx) -> dict[str, Edition]:
    return {e.docname: e for e in load(root_of(app.srcdir))[0]}


def _render(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    language = app.config.language
    editions = _by_docname(app)

    def uri_of(target: str) -> str:
        return app.builder.get_relative_uri(docname, target)

    for node in list(doctree.findall(edition_table)):
        table = series_table(list(editions.values()), language, uri_of)
        note = undescribed(list(editions.values()), language)
        node.replace_self([table, note] if note else [table])
    edition = editions.get(docname)
    if edition is not None:
        section = next(iter(doctree.findall(nodes.section)))
        section.insert(
            section.first_child_matching_class(nodes.title) + 1, summary(edition, language)
        )


def event(edition: Edition, name: str, url: str, series: dict[str, str]) -> dict[str, Any]:
    """The schema.org Event of an edition; ``series`` names the series and gives its address."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        "url": url,
        "superEvent": {"@type": "EventSeries", **series},
    }
    if edition.start:
        data["startDate"] = edition.start.isoformat()
        data["endDate"] = edition.last_day.isoformat()
    if edition.city or edition.venue:
        location: dict[str, Any] = {"@type": "Place", "name": place(edition)}
        if edition.city:
            location["address"] = {"@type": "PostalAddress", "addressLocality": edition.city}
        data["location"] = location
        # A meeting with a known place took place there (the series meets in person).
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
    # The bodies of ``aegis`` stay out: schema.org has no property for patronage, and organizer or
    # sponsor would claim more than the sources say.
    organisers = [{"@type": "Person", "name": edition.chair}] if edition.chair else []
    organisers += [{"@type": "Organization", "name": body} for body in edition.organisers]
    if organisers:
        data["organizer"] = organisers
    if edition.speakers:
        data["performer"] = [{"@type": "Person", "name": speaker} for speaker in edition.speakers]
    return data


def description(edition: Edition, language: str) -> str:
    """« 9e édition du symposium « Niches Tumorales » : Tours, 7-8 novembre 2019. »"""
    values = {
        # Plain text: « 9e » rather than a superscript (a description has no markup).
        "edition": f"{edition.number}{ordinal_suffix(edition.number, language)}",
        "dates": date_span(edition.start, edition.end, language)
        if edition.start
        else str(edition.year),
        "city": edition.city,
    }
    if edition.city:
        return _("{edition} “Niches Tumorales” symposium: {city}, {dates}.", language).format(
            **values
        )
    return _("{edition} “Niches Tumorales” symposium: {dates}.", language).format(**values)


def _description(app: Sphinx, docname: str) -> Description | None:
    edition = _by_docname(app).get(docname)
    return Description(description(edition, app.config.language)) if edition else None


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    edition = _by_docname(app).get(pagename)
    if edition is None:
        return
    root = language_root(app.config.lnox_site_url, app.config.language)
    series = {
        "name": app.env.titles[SERIES_PAGE].astext(),
        "url": root + app.builder.get_target_uri(SERIES_PAGE),
    }
    name = app.env.titles[pagename].astext()
    url = root + app.builder.get_target_uri(pagename)
    append_head(context, json_ld(event(edition, name, url, series)))


def _kind(app: Sphinx, docname: str) -> tuple[str, str] | None:
    """What a page of the symposium is, for its social card."""
    language = app.config.language
    edition = next((e for e in load(root_of(app.srcdir))[0] if e.docname == docname), None)
    if edition is not None:
        if edition.start:
            return "edition", date_span(edition.start, edition.end, language)
        return "edition", str(edition.year)
    return ("series", "") if docname == SERIES_PAGE else None


def setup(app: Sphinx) -> None:
    app.connect(KIND, _kind)
    app.add_node(edition_table)
    app.add_directive("symposium-editions", EditionsDirective)
    app.connect("doctree-resolved", _render)
    app.connect("html-page-context", _page_context)
    app.connect(EVENT, _description)
