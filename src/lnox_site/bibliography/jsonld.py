"""schema.org JSON-LD for the team's publications, in the ``<head>`` of the Publications page
(every entry) and of each entry's own page (:mod:`lnox_site.bibliography.publication_pages`).

Each team entry becomes a ``ScholarlyArticle`` (a ``Thesis`` for a doctoral thesis) whose ``@id``
and ``url`` are the absolute address of its own page, with its authors, year, journal (volume and
issue when known), pages, DOI, or the university of a thesis.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from lnox_site.bibliography import publications
from lnox_site.bibliography.publications import PUBLICATIONS_PAGE, page_of
from lnox_site.content.references import Publication, authors, full_name, team_only
from lnox_site.site.head import append_head, json_ld
from lnox_site.site.i18n import language_root


def _journal(pub: Publication) -> dict[str, Any]:
    """The periodical, inside its volume and issue when they are known."""
    part: dict[str, Any] = {"@type": "Periodical", "name": pub.field("journal")}
    if pub.field("volume"):
        part = {"@type": "PublicationVolume", "volumeNumber": pub.field("volume"), "isPartOf": part}
    if pub.field("number"):
        part = {"@type": "PublicationIssue", "issueNumber": pub.field("number"), "isPartOf": part}
    return part


def describe(pub: Publication, url: str) -> dict[str, Any]:
    """The schema.org description of one entry, found at ``url``."""
    data: dict[str, Any] = {
        "@type": "Thesis" if pub.kind == "thesis" else "ScholarlyArticle",
        "@id": url,
        "url": url,
        "name": pub.field("title"),
        "datePublished": str(pub.year),
    }
    people = [{"@type": "Person", "name": full_name(person)} for person in authors(pub.entry)]
    if people:
        data["author"] = people
    if pub.kind == "thesis":
        data["inSupportOf"] = "PhD"
        data["sourceOrganization"] = {"@type": "CollegeOrUniversity", "name": pub.field("school")}
    elif pub.field("journal"):
        data["isPartOf"] = _journal(pub)
    if pub.field("pages"):
        data["pagination"] = pub.field("pages")
    if pub.field("doi"):
        doi = pub.entry.fields["doi"]
        data["sameAs"] = f"https://doi.org/{doi}"
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": doi}
    return data


def address(app: Sphinx, pagename: str) -> str:
    """The absolute address of a page in the language of the build."""
    root = language_root(app.config.lnox_site_url, app.config.language)
    return root + app.builder.get_target_uri(pagename)


def _add_json_ld(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename != PUBLICATIONS_PAGE:
        return
    entries = publications.entries(app.env)
    graph = [describe(pub, address(app, page_of(pub.key))) for pub in team_only(entries.values())]
    append_head(context, json_ld({"@context": "https://schema.org", "@graph": graph}))


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _add_json_ld)
