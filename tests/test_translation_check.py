"""Translations keep the facts of the French: figures, dates, identifiers, addresses, role targets."""

from __future__ import annotations

import io

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from conftest import ROOT

from lnox_site.checks.translations import Message, message_problems

WHERE = "docs/locales/en/LC_MESSAGES/page.po"


def problems(french: str, english: str, *markers: str) -> list[str]:
    message = Message(french, english, 12, markers)
    return [str(problem) for problem in message_problems(message, "en", WHERE, ROOT)]


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("rapport de cotes 1,51 ; IC à 95 % de 1,10 à 2,08", "odds ratio 1.51; 95% CI 1.10 to 2.08"),
        ("3 955 cas et 9\u00a0948 témoins, 12\u202f000 patients", "3,955 cases, 9,948 controls, 12,000 patients"),
        ("le 7 novembre 2019", "on 7 November 2019"),
        ("le 1er décembre 2021", "on 1 December 2021"),
        ("en novembre 2019", "in November 2019"),
        ("le 7 novembre 2019", "on November 7, 2019"),
        ("40 000 € puis 124 000 euros", "€40,000 then €124,000"),
        ("la 9e édition", "the 9th edition"),
        ("le 1er congrès", "the 1st congress"),
        ("dès la fin des années 1960", "since the late 1960s"),
        ("l’UMR 7292 et l’ERL 7001, l’EA 7501, le GDR 3697", "UMR 7292 and ERL 7001, EA 7501, GDR 3697"),
        ("l’essai NCT05792007", "trial NCT05792007"),
        ("écrire à lnox@univ-tours.fr", "write to lnox@univ-tours.fr"),
        ("voir https://doi.org/10.1038/s41388-019-1069-y.", "see https://doi.org/10.1038/s41388-019-1069-y."),
        ("{footcite:p}`foucault2021scirep` {term}`LAM`", "{footcite:p}`foucault2021scirep` {term}`AML <LAM>`"),
        ("[la page](../2019/2019-11-07-symposium.md)", "[the page](../2019/2019-11-07-symposium.md)"),
        # A role or a link shown as code is an example, not a reference: its words are translated.
        ("écrire ``{term}`LAM` `` ou `[texte](page.md)`", "write ``{term}`AML` `` or `[text](page.md)`"),
        ("le DOI « 10.1038/s41388-019-1069-y »", "the DOI \"10.1038/s41388-019-1069-y\""),
    ],
)  # fmt: skip
def test_same_facts_in_each_notation_pass(french, english):
    assert problems(french, english) == []


@pytest.mark.parametrize(
    ("french", "english", "said"),
    [
        ("rapport de cotes 1,51", "odds ratio 1.58", "the French says 1,51, the English 1.58"),
        ("3 955 cas", "3,965 cases", "the French says 3 955, the English 3,965"),
        ("3 955 cas", "3.955 cases", "the French says 3 955, the English 3.955"),
        ("le 7 novembre 2019", "on 7 October 2019", "the French says 7 novembre 2019, the English 7 October 2019"),
        ("40 000 €", "€4,000", "the French says 40 000 €, the English €4,000"),
        ("77 % des patients", "77 patients", "the French says 77 %, the English 77"),
        ("l’UMR 7292", "UMR 7293", "the French says UMR 7292, the English UMR 7293"),
        ("30 patients", "patients", "the French says 30, the English nothing of it"),
        ("des patients", "30 patients", "the French says nothing of it, the English 30"),
    ],
)  # fmt: skip
def test_a_changed_fact_is_reported_with_both_versions(french, english, said):
    found = problems(french, english)
    assert len(found) == 1
    assert found[0].startswith(f"{WHERE}:12: {said} — correct the translation")


def test_a_marker_allows_a_number_written_as_a_word():
    assert problems("3 brevets", "three patents")
    assert problems("3 brevets", "three patents", "lnox: 3 = three") == []


@pytest.mark.parametrize(
    ("french", "flag"),
    [("L’équipe a déposé 3 brevets.", ""), ("Elle a déposé 3 brevets depuis 2010.", "#, fuzzy\n")],
)
def test_the_marker_survives_a_catalogue_update(french, flag):
    """`nox -s translate` updates each catalogue with Babel's Catalog.update (sphinx-intl): the
    marker stays above its message, also when the French changed and the entry turns fuzzy."""
    po = '# lnox: 3 = three\nmsgid "L’équipe a déposé 3 brevets."\nmsgstr "The team has three."\n'
    catalogue = read_po(io.StringIO(po))
    template = Catalog()
    template.add(french)
    catalogue.update(template)
    written = io.BytesIO()
    write_po(written, catalogue, width=100)
    assert f'# lnox: 3 = three\n{flag}msgid "{french}"' in written.getvalue().decode("utf-8")


def test_a_stale_or_malformed_marker_is_reported():
    stale = problems("des brevets", "patents", "lnox: 3 = three")
    assert any("no longer says" in p for p in stale)
    assert any("not understood" in p for p in problems("3 brevets", "3 patents", "lnox: trois"))


@pytest.mark.parametrize(
    ("french", "english", "said"),
    [
        ("la {term}`niche`", "the {term}`niche <nich>`", "the French has {term}`niche`, the English {term}`nich`"),
        ("une {term}`LAM`", "an {term}`AML`", "the French has {term}`LAM`, the English {term}`AML`"),
        ("une {term}`LAM`", "an {term}`AML <LAM>", "the French has {term}`LAM`, the English nothing"),
        ("{footcite:p}`a2019,b2020`", "{footcite:p}`a2019`", "the French has {footcite:p}`b2020`, the English nothing"),
        ("[page](a.md)", "[page](b.md)", "the French has (a.md), the English (b.md)"),
    ],
)  # fmt: skip
def test_roles_and_links_keep_their_targets(french, english, said):
    assert [p for p in problems(french, english) if said in p], problems(french, english)
