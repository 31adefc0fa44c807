"""The Publications page lists the team's entries of references.bib, in both languages."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES, ROOT

from lnox_site.publications import anchor, read, team_publications

BIB = ROOT / "references.bib"


def test_team_entries_are_the_ones_marked_lnox():
    team = {pub.key for pub in team_publications(BIB)}
    marked = {key for key, pub in read(BIB).items() if "lnox" in pub.keywords}
    assert team == marked
    assert team


def test_team_entries_are_newest_first():
    years = [pub.year for pub in team_publications(BIB)]
    assert years == sorted(years, reverse=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_publications_page_has_an_anchor_per_team_entry(site, language):
    soup = site.soup(language, "publications.html")
    for pub in team_publications(BIB):
        assert soup.find(id=anchor(pub.key)) is not None, pub.key
