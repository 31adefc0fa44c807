"""Unit tests of the site's bibliography style, citation forms, team matching and chart."""

from __future__ import annotations

import pytest
from pybtex.database import Entry, Person, parse_string

from lnox_site.bibliography.chart import html
from lnox_site.bibliography.citations import cited_names
from lnox_site.bibliography.publications import short_citation
from lnox_site.bibliography.style import style_for
from lnox_site.content.references import as_plain, publications
from lnox_site.content.team import signature
from lnox_site.pages.people import work_label

BIB = r"""
@article{two, author = {Boulais, P. E. and Frenette, P. S.}, title = {Niches}, journal = {Blood},
  year = {2015}, volume = {125}, pages = {2621--2629}}
@article{many, author = {Kouzi, Farah and Zibara, Kazem and H{\'e}rault, Olivier}, title = {Gap},
  journal = {Oncogene}, year = {2020}, volume = {39}, number = {6}, doi = {10.1038/x}}
@article{partial, author = {Picou, F. and others}, title = {Fatty acids}, journal = {Pharmacol Res},
  year = {2018}, number = {8-9}}
@article{nobody, title = {Anonymous work}, journal = {Antioxidants}, year = {2021}}
@article{abstract, author = {Ravalet, No{\'e}mie}, title = {DxH}, journal = {Blood}, year = {2018},
  keywords = {lnox, conference-abstract}}
@phdthesis{thesis, author = {Vignon, Christine}, title = {Contr{\^o}le}, school = {Universit{\'e} de Tours},
  year = {2011}}
@misc{other, author = {Picou, Fr{\'e}d{\'e}ric}, title = {Signatures}, year = {2019},
  howpublished = {PubMed Central, PMC6929385}}
"""
ENTRIES = parse_string(BIB, "bibtex").entries
MEMBERS = frozenset({signature(Person("Hérault, Olivier")), signature(Person("Picou, Frédéric"))})


def formatted(key: str, language: str) -> str:
    return as_plain(style_for(language, MEMBERS)().format_entry("", ENTRIES[key]).text)


@pytest.mark.parametrize(
    ("key", "language", "expected"),
    [
        (
            "two",
            "fr",
            "Boulais P. E. et Frenette P. S. (2015). Niches. Blood, 125, 2621\u20132629.",
        ),
        (
            "two",
            "en",
            "Boulais P. E. and Frenette P. S. (2015). Niches. Blood, 125, 2621\u20132629.",
        ),
        (
            "many",
            "fr",
            "Kouzi F., Zibara K. et Hérault O. (2020). Gap. Oncogene, 39(6). doi:10.1038/x",
        ),
        ("partial", "en", "Picou F. et al. (2018). Fatty acids. Pharmacol Res, no. 8-9."),
        ("partial", "fr", "Picou F. et al. (2018). Fatty acids. Pharmacol Res, n° 8-9."),
        ("nobody", "en", "Anonymous work (2021). Antioxidants."),
        ("abstract", "fr", "Ravalet N. (2018). DxH. Résumé de congrès, Blood."),
        ("abstract", "en", "Ravalet N. (2018). DxH. Conference abstract, Blood."),
        ("thesis", "fr", "Vignon C. (2011). Contrôle. Thèse de doctorat, Université de Tours."),
        ("thesis", "en", "Vignon C. (2011). Contrôle. PhD thesis, Université de Tours."),
        ("other", "fr", "Picou F. (2019). Signatures. PubMed Central, PMC6929385."),
    ],
)
def test_entries_read_in_the_page_language(key, language, expected):
    assert formatted(key, language).replace("\xa0", " ") == expected


def test_members_are_in_bold_whatever_the_accents():
    text = style_for("fr", MEMBERS)().format_entry("", ENTRIES["many"]).text.render_as("html")
    assert '<strong>H<span class="bibtex-protected">é</span>rault&nbsp;O.</strong>' in text
    assert "Kouzi&nbsp;F." in text
    assert "<strong>Kouzi" not in text
    partial = style_for("fr", MEMBERS)().format_entry("", ENTRIES["partial"]).text.render_as("html")
    assert partial.startswith("<strong>Picou&nbsp;F.</strong>")


@pytest.mark.parametrize(
    ("key", "language", "full", "expected"),
    [
        ("two", "fr", False, "Boulais et Frenette"),
        ("two", "en", False, "Boulais and Frenette"),
        ("many", "fr", False, "Kouzi et al."),
        ("many", "fr", True, "Kouzi, Zibara et Hérault"),
        ("partial", "en", False, "Picou et al."),
        ("partial", "en", True, "Picou et al."),
        ("thesis", "en", False, "Vignon"),
        ("nobody", "fr", False, "Anonymous work"),
    ],
)
def test_cited_names(key, language, full, expected):
    assert as_plain(cited_names(ENTRIES[key], language, full)) == expected


@pytest.mark.parametrize(
    ("language", "citation", "label"),
    [
        ("fr", "Boulais et Frenette (2015)", "Boulais et Frenette (2015) (Blood)"),
        ("en", "Boulais and Frenette (2015)", "Boulais and Frenette (2015) (Blood)"),
    ],
)
def test_links_to_an_entry_name_its_authors_in_the_page_language(language, citation, label):
    """The text of links to the Publications page (news posts, the Team page)."""
    two = publications(ENTRIES, "lnox")["two"]
    assert short_citation(two, language) == citation
    assert work_label(two, language) == label


def test_signature_ignores_accents_case_and_first_name_length():
    assert signature(Person(r"H{\'e}rault, Olivier")) == signature(Person("HERAULT, O."))
    assert signature(Person("Le Nail, Louis-Romée")) == signature(Person("le Nail, L."))
    assert signature(Person("Roux, Benjamin")) != signature(Person("Roux, Pierre"))


def test_chart_has_a_row_per_year_and_links_only_years_with_publications():
    chart = html([2020, 2020, 2018], "en", lambda year: f"y{year}")
    assert chart.count("<tr>") == 4  # header and 2020, 2019, 2018
    assert '<a href="#y2020">2020</a>' in chart
    assert '<th scope="row">2019</th><td><span class="lnox-chart-value">0</span>' in chart
    assert '<svg class="lnox-chart-bar" width="50%"></svg>' in chart
    assert "<caption>The team’s publications per year</caption>" in chart
    assert html([], "fr", str) == ""


def test_an_entry_without_the_fields_of_its_kind_still_renders():
    entry = Entry("article", fields={"title": "T", "journal": "J", "year": "2020"})
    assert as_plain(style_for("en", MEMBERS)().format_entry("", entry).text) == "T (2020). J."


def test_an_entry_is_formatted_once_per_build_and_again_when_edited():
    build = style_for("fr", MEMBERS)
    first = build().format_entry("", ENTRIES["two"])
    assert build().format_entry("", ENTRIES["two"]) is first
    assert style_for("fr", MEMBERS)().format_entry("", ENTRIES["two"]) is not first
    edited = parse_string(BIB.replace("{Niches}", "{Niches revues}"), "bibtex").entries["two"]
    assert "Niches revues" in as_plain(build().format_entry("", edited).text)
