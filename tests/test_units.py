"""Unit tests of the site package's small pieces."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import DOCS
from pybtex.database import parse_string
from sphinx.config import Config

from lnox_site import build
from lnox_site.bibliography.entry_dependencies import fingerprint
from lnox_site.content import records, summaries
from lnox_site.content.folding import fold
from lnox_site.content.languages import format_date
from lnox_site.content.posts import PostSource
from lnox_site.news import model as news
from lnox_site.pages import symposium
from lnox_site.site import i18n, root_pages
from lnox_site.translation import coverage


def test_site_url_defaults_and_gains_a_trailing_slash():
    assert i18n.site_url(environ={}) == "https://lnox.example.org/"
    assert i18n.site_url("https://conf.example/lnox", environ={}) == "https://conf.example/lnox/"
    overridden = {"LNOX_SITE_URL": "https://example.fr/lnox"}
    assert i18n.site_url("https://conf.example/", environ=overridden) == "https://example.fr/lnox/"
    # An empty variable (a CI secret not set) overrides nothing.
    assert i18n.site_url("https://conf.example/", {"LNOX_SITE_URL": " "}) == "https://conf.example/"


@pytest.fixture
def conf_with_address(tmp_path, monkeypatch):
    """A source folder whose conf.py sets ``lnox_site_url``, and no $LNOX_SITE_URL."""
    monkeypatch.delenv("LNOX_SITE_URL", raising=False)
    (tmp_path / "conf.py").write_text(
        'project = "Site"\nlnox_site_url = "https://conf.example/lnox"\n', encoding="utf-8"
    )
    return tmp_path


def test_the_site_address_of_conf_py_is_the_build_s_unless_the_variable_is_set(
    conf_with_address, monkeypatch
):
    def configured() -> Config:
        """The configuration as Sphinx has it when config-inited runs."""
        config = Config({"lnox_site_url": "https://conf.example/lnox", "language": "en"})
        config.add("html_baseurl", "", "html", frozenset({str}))
        config.add("lnox_site_url", "https://lnox.example.org/", "html", frozenset({str}))
        i18n._per_language_urls(None, config)
        return config

    config = configured()
    assert config.lnox_site_url == "https://conf.example/lnox/"
    assert config.html_baseurl == "https://conf.example/lnox/en/"
    # The root pages that python -m lnox_site.build writes use the same address.
    assert build.site_address(conf_with_address) == "https://conf.example/lnox/"
    monkeypatch.setenv("LNOX_SITE_URL", "https://pages.example/lnox")
    assert configured().html_baseurl == "https://pages.example/lnox/en/"
    assert build.site_address(conf_with_address) == "https://pages.example/lnox/"


def test_switcher_href_climbs_out_of_folders():
    assert i18n.switcher_href("index", "index.html", "en") == "../en/index.html"
    assert i18n.switcher_href("recherche/niche", "recherche/niche.html", "fr") == (
        "../../fr/recherche/niche.html"
    )


def test_alternates_are_absolute_for_every_language():
    urls = {
        a["code"]: a["url"] for a in i18n.alternates("https://x.org/", "contact", "contact.html")
    }
    assert urls == {"fr": "https://x.org/fr/contact.html", "en": "https://x.org/en/contact.html"}


def test_root_index_defaults_to_french():
    page = root_pages.root_index("LNOx")
    assert 'url=fr/"' in page
    assert "<title>LNOx</title>" in page
    assert '["fr", "en"]' in page


def test_sphinx_command_keeps_doctrees_out_of_the_site(tmp_path):
    command = build.sphinx_command(tmp_path / "docs", tmp_path / "out", "en")
    assert command[command.index("-d") + 1] == str(tmp_path / "doctrees" / "en")
    assert command[-1] == str(tmp_path / "out" / "en")
    assert {"-n", "-W", "language=en"} <= set(command)


def test_coverage_ignores_fuzzy_translations(tmp_path):
    po = tmp_path / "page.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Un"\nmsgstr "One"\n\n#, fuzzy\nmsgid "Deux"\nmsgstr "Two"\n\n'
        'msgid "Trois"\nmsgstr ""\n',
        encoding="utf-8",
    )
    result = coverage(po, tmp_path)
    assert (result.catalogue, result.translated, result.fuzzy, result.total) == ("page", 1, 1, 3)


@pytest.mark.parametrize(
    ("date", "language", "pattern", "expected"),
    [
        (dt.date(2021, 12, 1), "fr", "long", "1er décembre 2021"),
        (dt.date(2021, 12, 1), "en", "long", "1 December 2021"),
        (dt.date(2021, 12, 11), "fr", "long", "11 décembre 2021"),
        (dt.date(2019, 11, 1), "fr", "d", "1er"),
        (dt.date(2013, 4, 1), "fr", "LLLL y", "avril 2013"),
    ],
)
def test_dates_in_each_language(date, language, pattern, expected):
    assert format_date(date, language, pattern) == expected


# -- Descriptions ---------------------------------------------------------------------------------

# Two sentences of 120 characters each: together they are longer than a description.
FIRST = (
    "La thèse porte sur les cellules stromales de la moelle osseuse, qui entourent les cellules "
    "leucémiques et les protègent."
)
SECOND = (
    "Elle a été soutenue à Tours, devant un jury réuni par l’université et présidé par un "
    "professeur d’hématologie."
)


def test_a_description_keeps_whole_sentences():
    assert summaries.whole_sentences(f"{FIRST} {SECOND}") == FIRST
    assert summaries.whole_sentences(FIRST) == FIRST  # short enough: kept whole
    assert summaries.whole_sentences(f"{FIRST} {SECOND}", 300) == f"{FIRST} {SECOND}"


def test_an_initial_or_et_al_does_not_end_a_sentence():
    long = (
        "T. Francia, J. Hanna et O. Hérault, du service d’hématologie biologique du CHRU de "
        "Tours, publient dans une revue française une mise au point sur les hyperleucocytoses "
        "et sur ce que le laboratoire apporte au diagnostic."
    )
    assert summaries.sentences(f"{long} {SECOND}") == [long, SECOND]  # not « … et O. »
    cited = f"Comme l’ont montré Kouzi et al. Oncogene décrit {'une cellule ' * 20}."
    assert summaries.sentences(cited) == [cited]  # not « … Kouzi et al. »


def test_a_long_first_sentence_is_kept_whole_never_cut():
    """Too long for a description: the checks ask for a description: field; the sentence is never
    cut with an ellipsis."""
    words = ("cellule " * 40).strip() + "."  # 320 characters, one sentence
    assert summaries.whole_sentences(f"{words} {SECOND}") == words


def test_a_whole_sentence_ends_with_its_mark():
    assert summaries.is_whole(FIRST)
    assert summaries.is_whole("Le symposium «\u00a0Niches Tumorales\u00a0» a eu lieu à Tours.")
    assert summaries.is_whole("Qui finance l’équipe\u00a0?")
    for cut in ("L’équipe est soutenue par\u00a0:", "Pages 1198 à…", "Pages 1198 à...", "Tours,"):
        assert not summaries.is_whole(cut), cut


def test_descriptions_keep_french_non_breaking_spaces():
    text = "Le symposium «\u00a0Niches Tumorales\u00a0»\u00a0: une\nrencontre."
    assert (
        summaries.whole_sentences(text)
        == "Le symposium «\u00a0Niches Tumorales\u00a0»\u00a0: une rencontre."
    )


@pytest.mark.parametrize(
    ("number", "fr", "en"),
    [(1, "re", "st"), (2, "e", "nd"), (3, "e", "rd"), (4, "e", "th"), (9, "e", "th"),
     (11, "e", "th"), (12, "e", "th"), (13, "e", "th"), (21, "e", "st"), (22, "e", "nd"),
     (101, "e", "st"), (111, "e", "th")],
)  # fmt: skip
def test_ordinals_of_editions(number, fr, en):
    """« 1re édition », « 9e édition »; "1st", "22nd", "111th"."""
    assert (symposium.ordinal_suffix(number, "fr"), symposium.ordinal_suffix(number, "en")) == (
        fr,
        en,
    )


@pytest.mark.parametrize(
    ("precision", "published"), [("day", "2019-12-01"), ("month", "2019-12"), ("year", "2019")]
)
def test_a_post_is_published_as_precisely_as_its_date_is_known(precision, published):
    source = PostSource("x", dt.date(2019, 12, 1), precision, ("publication",), (), None, None)
    assert news.iso_date(source) == published


def test_entry_fingerprint_follows_what_pages_show_not_how_the_file_is_written():
    def entry(text: str):
        return next(iter(parse_string(text, "bibtex").entries.values()))

    base = "@article{k, author = {Roux, C. and Hérault, O.}, title = {A}, year = {2020}}"
    spaced = (
        "@article{k,\n  title  = {A},\n  author = {Roux, C. and Hérault, O.},\n  YEAR = 2020\n}"
    )
    assert fingerprint(entry(base)) == fingerprint(entry(spaced))
    for changed in (
        base.replace("{A}", "{B}"),
        base.replace("2020", "2021"),
        base.replace("Roux, C. and ", ""),
        base.replace("@article", "@misc"),
        base.replace("}}", "}, keywords = {lnox}}"),
    ):
        assert fingerprint(entry(changed)) != fingerprint(entry(base)), changed


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Hérault", "herault"),
        ("HÉRAULT", "herault"),
        ("cœur Æsop Straße", "coeur aesop strasse"),
        ("Gyan\u00a0E.,  Picou\u202fF.", "gyan e., picou f."),
    ],
)
def test_one_folding_for_names_search_and_file_names(text, folded):
    assert fold(text) == folded


def test_libyaml_reads_the_data_files_as_pyyaml_does_with_their_lines():
    assert records.FastLoader.__mro__[1] is yaml.CSafeLoader

    def with_lines(value):
        if isinstance(value, records.Fields):
            return {k: (value.line_of(k), with_lines(v)) for k, v in value.items()}
        return [with_lines(v) for v in value] if isinstance(value, list) else value

    for path in sorted((DOCS / "_data").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        fast, exact = (yaml.load(text, Loader=L) for L in (records.FastLoader, records.Loader))
        assert with_lines(fast) == with_lines(exact), path


def test_a_yaml_mistake_keeps_the_words_of_pyyaml():
    # libyaml says "found character that cannot start any token".
    _, problems = records.load_yaml("name: A\n\tstatus: member\n", "docs/_data/people.yaml")
    assert [(p.line, p.what) for p in problems] == [
        (2, "unreadable YAML: found character '\\t' that cannot start any token")
    ]
