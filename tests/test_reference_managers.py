"""What reference managers read from every listed team publication (Publications page and theme
pages, both languages): its COinS and its RIS download, each parsed here on its own (urllib for
COinS, a reading of the RIS tag lines) and compared with the entry of references.bib as pybtex
reads it."""

from __future__ import annotations

import functools
import re
from urllib.parse import parse_qs

import pytest
from conftest import LANGUAGES
from docutils.nodes import make_id
from page_sources import bibliography, decoded

BIB = bibliography()
TEAM = {key for key, entry in BIB.items() if "lnox" in entry.fields["keywords"]}
# Each listed entry's list item has the id of its entry on the Publications page.
KEY_OF_ID = {make_id(f"pub-{key}"): key for key in TEAM}
RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - ?(.*)$")


def expected(key: str) -> dict[str, list[str]]:
    """The fields of an entry, by meaning, as plain text (missing fields left out); a copy of its
    own for each caller, who takes the fields off it as they are compared."""
    return {name: list(values) for name, values in _expected(key).items()}


@functools.cache
def _expected(key: str) -> dict[str, list[str]]:
    # An entry is listed on several pages of two languages: its fields are read once.
    entry = BIB[key]
    fields = {name: decoded(value) for name, value in entry.fields.items()}
    pages = re.split(r"\s*-+\s*", entry.fields.get("pages", ""), maxsplit=1)
    first, last = [*pages, ""][:2]
    authors = [
        decoded(" ".join(p.prelast_names + p.last_names))
        + (", " + decoded(" ".join(p.first_names + p.middle_names)) if p.first_names else "")
        for p in entry.persons.get("author", [])
        if str(p) != "others"
    ]
    found = {
        "title": fields.get("title"),
        "journal": fields.get("journal"),
        "volume": fields.get("volume"),
        "issue": fields.get("number"),
        "first page": first,
        "last page": last,
        "year": fields["year"],
        "doi": entry.fields.get("doi"),
        "university": fields.get("school"),
    }
    return {name: [value] for name, value in found.items() if value} | {"authors": authors}


def listed(site, language: str):
    """Every listed team entry of every page: (page, entry key, its list item)."""
    for page in site.pages(language):
        if "lnox-pub" not in site.html(language, page):
            continue
        for item in site.soup(language, page).select("li.lnox-pub"):
            yield page, KEY_OF_ID[item["id"]], item


def test_team_entries_are_listed(site):
    for language in LANGUAGES:
        assert {key for _, key, _ in listed(site, language)} == TEAM


COINS_FIELDS = {
    "title": ("rft.atitle", "rft.title"),
    "journal": ("rft.jtitle",),
    "volume": ("rft.volume",),
    "issue": ("rft.issue",),
    "first page": ("rft.spage",),
    "last page": ("rft.epage",),
    "year": ("rft.date",),
    "university": ("rft.inst",),
    "authors": ("rft.au", "rft.creator"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_coins_of_every_listed_entry_match_references_bib(site, language):
    for page, key, item in listed(site, language):
        spans = item.select("span.Z3988")
        assert len(spans) == 1, (page, key)
        assert not spans[0].get_text(), "a COinS span shows nothing"
        context = parse_qs(spans[0]["title"], strict_parsing=True)
        assert context.pop("ctx_ver") == ["Z39.88-2004"]
        assert context.pop("rft_val_fmt")[0].startswith("info:ofi/fmt:kev:mtx:")
        entry = expected(key)
        doi = entry.pop("doi", None)
        assert context.pop("rft_id", None) == ([f"info:doi/{doi[0]}"] if doi else None)
        context.pop("rft.genre", None)
        context.pop("rft.degree", None)
        read = {
            name: values
            for name, keys in COINS_FIELDS.items()
            for k in keys
            if (values := context.pop(k, None))
        }
        assert read == {name: value for name, value in entry.items() if value}, (page, key)
        assert not context, f"{page} {key}: unexpected {context}"


RIS_FIELDS = {
    "title": "TI",
    "journal": "T2",
    "volume": "VL",
    "issue": "IS",
    "first page": "SP",
    "last page": "EP",
    "year": "PY",
    "doi": "DO",
    "university": "PB",
    "authors": "AU",
}
RIS_TYPES = {"article": "JOUR", "phdthesis": "THES", "misc": "GEN"}


def read_ris(data: str) -> list[dict[str, list[str]]]:
    """Records of an RIS file: each tag's values, from ``TY`` to ``ER``."""
    records, record = [], None
    for line in data.splitlines():
        if not line.strip():
            continue
        match = RIS_LINE.match(line)
        assert match, f"not an RIS line: {line!r}"
        tag, value = match.groups()
        if tag == "TY":
            record = {}
        assert record is not None, "a record starts with TY"
        if tag == "ER":
            records.append(record)
            record = None
        else:
            record.setdefault(tag, []).append(value.strip())
    assert record is None, "a record ends with ER"
    return records


@pytest.mark.parametrize("language", LANGUAGES)
def test_ris_download_of_every_listed_entry_matches_references_bib(site, language):
    for page, key, item in listed(site, language):
        links = [a for a in item.select("a[download]") if a.get_text() == "RIS"]
        assert len(links) == 1, (page, key)
        path = (site.out / language / page).parent / links[0]["href"]
        (record,) = read_ris(path.read_text(encoding="utf-8"))
        assert record.pop("TY") == [RIS_TYPES[BIB[key].type]]
        assert record.pop("ID") == [key]
        record.pop("M3", None)  # the kind of thesis
        read = {name: record.pop(tag) for name, tag in RIS_FIELDS.items() if tag in record}
        assert read == {name: value for name, value in expected(key).items() if value}, key
        assert not record, f"{key}: unexpected {record}"
