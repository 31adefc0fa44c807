"""Each page's social card: its own PNG of the announced size, showing the page's title (read from
the page's source, not from the built page), what the page is and the team's name, in the page's
language; every letter of French and English drawn; cards drawn once and redrawn only when what
they show changes."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from io import BytesIO
from pathlib import Path

import pytest
from conftest import DOCS, LANGUAGES, TEST_SITE_URL, run_build
from page_sources import Sources, front_matter
from PIL import Image, ImageFont

from lnox_site.site import card_image
from lnox_site.site.card_image import CardText, draw, fit

# The chunk of the PNG that holds what the card shows, as JSON.
KEYWORD = "lnox-card"
SIZE = (1200, 630)
TEXT_COLOUR = (255, 255, 255)
# Where the title sits: below what the page is, above the footer, inside the side margins.
TITLE_BOX = (80, 240, 1120, 530)
# What each kind of page is called on its card, and in its text.
KINDS = {
    "theme": {"fr": "thème de recherche", "en": "research theme"},
    "post": {"fr": "actualité · ", "en": "news · "},
    "archive": {"fr": "archive des actualités", "en": "news archive"},
    "edition": {"fr": "édition du symposium · ", "en": "symposium edition · "},
}
NAMED = {
    "index": {"fr": "accueil", "en": "home page"},
    "actualites/index": {"fr": "actualités", "en": "news"},
    "symposium/index": {"fr": "symposium", "en": "symposium"},
    "publications": {"fr": "publications", "en": "publications"},
    "equipe/index": {"fr": "membres de l’équipe", "en": "team members"},
    "glossaire": {"fr": "glossaire", "en": "glossary"},
    "search": {"fr": "recherche dans le site", "en": "site search"},
    "404": {"fr": "page introuvable", "en": "page not found"},
}
ARCHIVE_TITLES = {
    "year": {"fr": "Actualités de {}", "en": "News from {}"},
    "tag": {"fr": "Actualités\u00a0: {}", "en": "News: {}"},
}
ALT = {"fr": "Carte\u00a0: {} — {} ({})", "en": "Card: {} — {} ({})"}
ALT_WITHOUT_KIND = {"fr": "Carte\u00a0: {} ({})", "en": "Card: {} ({})"}
# Letters of French and English text beyond ASCII, typographic quotes, dashes and the spaces that
# French sets before « : » and inside « ».
LETTERS = "œŒÉÈÀÇéèêëàâîïôûùüÿç’\u2018“”«»\u2013—…·\u00a0\u202f"


def docnames() -> list[str]:
    return sorted(
        path.relative_to(DOCS).with_suffix("").as_posix()
        for path in DOCS.rglob("*.md")
        if not {"_build", "locales"} & set(path.relative_to(DOCS).parts)
        and path.name != "README.md"
    )


def expected_title(docname: str, language: str) -> str:
    """The page's title from its source: its heading, or an archive's generated title."""
    parts = docname.split("/")
    if parts[0] == "actualites" and parts[1:] and parts[1].isdigit() and parts[-1] == "index":
        return ARCHIVE_TITLES["year"][language].format(parts[1])
    if parts[:2] == ["actualites", "sujets"]:
        name = Sources().data("tags")["tags"][parts[2]][language]
        return ARCHIVE_TITLES["tag"][language].format(name)
    return Sources().page_title(docname, language)


def expected_kind(docname: str, language: str) -> tuple[str, str | None]:
    """What the card says the page is: its start, and how it ends (a year), if it is dated."""
    parts = docname.split("/")
    if docname in NAMED:
        return NAMED[docname][language], None
    if parts[0] == "actualites" and (parts[-1] == "index" or parts[1] == "sujets"):
        return KINDS["archive"][language], None
    if parts[0] == "actualites":
        return KINDS["post"][language], str(front_matter(DOCS / f"{docname}.md")["date"].year)
    if parts[0] == "symposium":
        return KINDS["edition"][language], parts[1]
    themes = Sources().data("themes")["themes"].values()
    if any(theme["page"] == docname for theme in themes):
        return KINDS["theme"][language], None
    return "", None


def card_file(site, language: str, page: Path) -> Path:
    """The card a page announces, in the built site."""
    soup = site.soup(language, page)
    image = soup.find("meta", attrs={"property": "og:image"})["content"]
    assert image.startswith(f"{TEST_SITE_URL}{language}/"), page
    return site.out / language / image.removeprefix(f"{TEST_SITE_URL}{language}/")


def shown(png: Path) -> dict:
    with Image.open(png) as image:
        return json.loads(image.text[KEYWORD])


def meta(soup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_its_own_card_of_the_announced_size(site, language):
    cards = {}
    for page in site.pages(language):
        soup = site.soup(language, page)
        path = card_file(site, language, page)
        assert meta(soup, "twitter:image") == meta(soup, "og:image"), page
        assert meta(soup, "twitter:card") == "summary_large_image", page
        assert meta(soup, "og:image:type") == "image/png", page
        with Image.open(path) as image:
            assert image.format == "PNG", page
            assert image.size == SIZE, page
            announced = int(meta(soup, "og:image:width")), int(meta(soup, "og:image:height"))
            assert announced == image.size, page
        cards[page] = path
    assert len(set(cards.values())) == len(cards), "two pages share a card"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_card_shows_its_page_title_kind_and_team(site, language):
    team = Sources().conf_text("author", language)
    footer = Sources().conf_text("lnox_image_alt", language)
    for docname in [*docnames(), "search", "404"]:
        page = Path(f"{docname}.html")
        card = shown(card_file(site, language, page))
        kind, ending = expected_kind(docname, language)
        assert card["language"] == language, docname
        assert (card["team"], card["footer"]) == (team, footer), docname
        if kind.endswith(" · "):
            assert card["kind"].startswith(kind), docname
            assert card["kind"].endswith(ending), docname
        else:
            assert card["kind"] == kind, docname
        if docname in ("search", "404"):  # written by Sphinx from templates: the site's title
            assert card["title"] == Sources().conf("html_title")
        else:
            assert card["title"] == expected_title(docname, language), docname
        # Nothing of the site's titles is cut: the lines drawn are the whole title.
        assert " ".join(card["title_lines"]) == card["title"], docname
        alt = meta(site.soup(language, page), "og:image:alt")
        if kind:
            assert alt == ALT[language].format(card["title"], card["kind"], team), docname
        else:
            assert alt == ALT_WITHOUT_KIND[language].format(card["title"], team), docname


def ink(image: Image.Image, box: tuple[int, int, int, int], colour: tuple[int, int, int]) -> int:
    """How many pixels of ``box`` are exactly ``colour``."""
    counts = image.convert("RGB").crop(box).getcolors(maxcolors=1 << 20)
    return sum(count for count, found in counts if found == colour)


def test_the_title_is_drawn_where_it_sits_and_nothing_overflows(site):
    background = Sources().conf("html_theme_options")["light_css_variables"]["color-brand-primary"]
    blank = Image.new("RGB", SIZE, background)
    with Image.open(card_file(site, "fr", Path("recherche/jonctions-gap.html"))) as card:
        assert ink(card, TITLE_BOX, TEXT_COLOUR) > 5000
    assert ink(blank, TITLE_BOX, TEXT_COLOUR) == 0
    margin = (SIZE[0] - 70, 0, SIZE[0], SIZE[1] - 20)  # right of every line, above the band
    for language in LANGUAGES:
        for page in site.pages(language):
            with Image.open(card_file(site, language, page)) as card:
                colours = card.convert("RGB").crop(margin).getcolors()
                assert [colour for _count, colour in colours] == [blank.getpixel((0, 0))], page


def package_fonts() -> list[Path]:
    """The fonts as the installed package holds them."""
    folder = Path(str(files("lnox_site.site") / "fonts"))
    return [folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"]


def is_tofu(face: ImageFont.FreeTypeFont, letter: str) -> bool:
    """Whether ``letter`` is drawn as the font's box for a missing glyph (.notdef)."""
    missing = face.getmask("\uffff")  # a noncharacter: no font has a glyph for it
    mask = face.getmask(letter)
    return (mask.size, bytes(mask)) == (missing.size, bytes(missing))


@pytest.mark.parametrize("path", package_fonts(), ids=lambda path: path.name)
def test_french_and_english_letters_are_drawn(path):
    assert (path.parent / "LICENSE").is_file()
    face = ImageFont.truetype(str(path), 60, layout_engine=ImageFont.Layout.BASIC)
    assert is_tofu(face, "漢")  # a font without CJK draws its box: the test can fail
    assert [letter for letter in LETTERS if is_tofu(face, letter)] == []
    for space in "\u00a0\u202f":
        assert 0 < face.getlength(space) <= face.getlength(" ") + 1


def card(title: str, language: str = "fr") -> CardText:
    return CardText(title, "thème de recherche", "Équipe", "Pied", language, "#8c1c2b", "#ffb3bd")


def test_a_card_is_the_same_bytes_for_the_same_text_and_carries_it():
    text = card("Œuvres « complètes » de l’équipe : É")
    png = draw(text)
    assert png == draw(text)
    assert b"tIME" not in png  # no time stamp
    with Image.open(BytesIO(png)) as image:
        assert json.loads(image.text[KEYWORD])["title"] == "Œuvres « complètes » de l’équipe : É"
    assert draw(card("Autre titre")) != png


def test_a_long_title_wraps_in_three_lines_at_most_and_shrinks():
    title = (
        "Une longue actualité sur la niche leucémique, les jonctions gap et le métabolisme "
        "oxydatif des leucémies"
    )
    face, lines = fit(title, card_image.BOLD, card_image.TITLE_SIZES, 3)
    assert 1 < len(lines) <= 3
    assert face.size < card_image.TITLE_SIZES[0]
    assert " ".join(lines) == title  # whole words, none left out
    assert all(face.getlength(line) <= card_image.WIDTH for line in lines)


def test_a_line_never_breaks_at_a_non_breaking_space_nor_before_a_colon():
    title = "Symposium «\u00a0Niches\u00a0Tumorales\u00a0» et résumés des interventions : bilan"
    _face, lines = fit(title, card_image.BOLD, (120,), 5)
    assert any("«\u00a0Niches\u00a0Tumorales\u00a0»" in line for line in lines)
    assert not any(line.startswith(":") for line in lines)
    _face, lines = fit("Prix de thèse : Amélie Foucault", card_image.BOLD, (150,), 5)
    assert not any(line.startswith(":") for line in lines)


def test_a_title_too_long_ends_on_a_whole_word_and_an_ellipsis():
    title = " ".join(f"mot{number}" for number in range(200))
    face, lines = fit(title, card_image.BOLD, card_image.TITLE_SIZES, 3)
    assert len(lines) == 3
    assert face.size == card_image.TITLE_SIZES[-1]
    assert lines[-1].endswith("…")
    shown_words = " ".join(lines).removesuffix("…").split(" ")
    assert shown_words == title.split(" ")[: len(shown_words)]


def test_a_word_wider_than_a_line_is_set_smaller_not_cut():
    word = "Anticonstitutionnellement" * 3
    face, lines = fit(word, card_image.BOLD, card_image.TITLE_SIZES, 3)
    assert lines == [word]
    assert face.getlength(word) <= card_image.WIDTH


def drawn(log: str) -> list[int]:
    """How many cards each language's build drew, as its log says."""
    return [int(count) for count in re.findall(r"^social cards: (\d+) drawn$", log, re.MULTILINE)]


@pytest.mark.slow
def test_cards_are_drawn_once_and_again_only_when_their_text_changes(project):
    docs, out = project / "docs", project / "html"
    first = run_build(docs, out)
    assert first.returncode == 0, first.log
    assert drawn(first.log) == [len(first.pages(language)) for language in LANGUAGES]
    again = run_build(docs, out)
    assert again.returncode == 0, again.log
    assert drawn(again.log) == [0, 0]
    # A new title, in French and in its English catalogue, as a contributor writes it.
    edits = {
        docs / "recherche" / "lipides.md": ("# Lipides et nutrition\n", "# Lipides et cancers\n"),
        docs / "locales" / "en" / "LC_MESSAGES" / "recherche" / "lipides.po": (
            'msgid "Lipides et nutrition"\nmsgstr "Lipids and nutrition"',
            'msgid "Lipides et cancers"\nmsgstr "Lipids and cancers"',
        ),
    }
    for path, (old, new) in edits.items():
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    edited = run_build(docs, out)
    assert edited.returncode == 0, edited.log
    assert drawn(edited.log) == [1, 1]  # the page's card in French, and in English
    titles = {"fr": "Lipides et cancers", "en": "Lipids and cancers"}
    for language in LANGUAGES:
        card = shown(out / language / "_cards" / "recherche" / "lipides.png")
        assert card["title"] == titles[language]
