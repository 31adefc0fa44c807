"""What reference managers (Zotero, Mendeley, EndNote) read from a publication of the site.

* :func:`coins`: the entry as an OpenURL ContextObject (COinS, Z39.88-2004), written in the
  ``title`` of an empty ``<span class="Z3988">`` beside each listed entry; browser connectors
  detect a list of items from these spans.
* :func:`ris`: the entry as an RIS file, offered for download beside its BibTeX.

Both are made from the entry of references.bib that the visible text is formatted from, as plain
Unicode (LaTeX accents decoded). COinS: https://web.archive.org/web/2016/http://ocoins.info/cobg.html
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import rispy
from pybtex.database import Person

from lnox_site.content.references import Publication, authors, plain

# OpenURL formats of each kind of work (references.KINDS).
COINS_FORMATS = {
    "article": "info:ofi/fmt:kev:mtx:journal",
    "abstract": "info:ofi/fmt:kev:mtx:journal",
    "thesis": "info:ofi/fmt:kev:mtx:dissertation",
    "other": "info:ofi/fmt:kev:mtx:dc",
}
RIS_TYPES = {"article": "JOUR", "abstract": "JOUR", "thesis": "THES", "other": "GEN"}
PAGE_RANGE = re.compile(r"\s*[-\u2013\u2014]+\s*")  # hyphens, en and em dashes


class RisWriter(rispy.RisWriter):
    """rispy's writer without its ``1.`` line before each record, which RIS does not define."""

    def set_header(self, count: int) -> str:
        return ""


def inverted_name(person: Person) -> str:
    """``Hérault, Olivier``: surname first, as RIS and COinS write authors."""
    surname = plain(" ".join(person.prelast_names + person.last_names + person.lineage_names))
    given = plain(" ".join(person.first_names + person.middle_names))
    return f"{surname}, {given}" if given else surname


def page_range(pub: Publication) -> tuple[str, str]:
    """First and last page (``1198--1212``); the last is "" for one page or an article number."""
    first, _, last = PAGE_RANGE.sub("-", pub.field("pages")).partition("-")
    return first, last


def coins(pub: Publication) -> str:
    """The ContextObject of an entry, as the ``title`` of a COinS span holds it (unescaped)."""
    pairs = [("ctx_ver", "Z39.88-2004"), ("rft_val_fmt", COINS_FORMATS[pub.kind])]
    names = [inverted_name(person) for person in authors(pub.entry)]
    fields: list[tuple[str, str]] = []
    if pub.kind in {"article", "abstract"}:
        first, last = page_range(pub)
        fields += [
            ("rft.genre", "article"),
            ("rft.atitle", pub.field("title")),
            ("rft.jtitle", pub.field("journal")),
            ("rft.volume", pub.field("volume")),
            ("rft.issue", pub.field("number")),
            ("rft.spage", first),
            ("rft.epage", last),
        ]
        fields += [("rft.au", name) for name in names]
    elif pub.kind == "thesis":
        fields += [("rft.title", pub.field("title")), ("rft.inst", pub.field("school"))]
        fields += [("rft.degree", "PhD")] + [("rft.au", name) for name in names]
    else:
        fields += [("rft.title", pub.field("title"))] + [("rft.creator", name) for name in names]
    fields.append(("rft.date", str(pub.year)))
    if pub.field("doi"):
        fields.append(("rft_id", f"info:doi/{pub.entry.fields['doi']}"))
    return urlencode(pairs + [(key, value) for key, value in fields if value])


def ris(pub: Publication) -> str:
    """The entry as an RIS record (UTF-8 text)."""
    first, last = page_range(pub)
    record = {
        "type_of_reference": RIS_TYPES[pub.kind],
        "id": pub.key,
        "authors": [inverted_name(person) for person in authors(pub.entry)],
        "title": pub.field("title"),
        "secondary_title": pub.field("journal"),
        "volume": pub.field("volume"),
        "number": pub.field("number"),
        "start_page": first,
        "end_page": last,
        "year": str(pub.year),
        "publisher": pub.field("school"),
        "type_of_work": "PhD thesis" if pub.kind == "thesis" else "",
        "doi": pub.entry.fields.get("doi", ""),
    }
    return rispy.dumps(
        [{key: value for key, value in record.items() if value}], implementation=RisWriter
    )
