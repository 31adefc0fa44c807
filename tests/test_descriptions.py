"""A page's description is whole: its own ``description:`` (front matter, its English in the page's
catalogue), or its first sentence when that fits; a first sentence too long for a description is
reported with its file and line, in French and in English. The descriptions of the real site are
compared with their sources in ``test_gates.py`` (pages) and ``test_news.py`` (listings, feeds).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import checked, run_build

from lnox_site.checks import descriptions

POST = "docs/actualites/2025/2025-03-01-essai.md"
CATALOGUE = "docs/locales/en/LC_MESSAGES/actualites/2025/2025-03-01-essai.po"
SHORT = "Une phrase courte."
# One sentence, longer than a description.
LONG = "L’équipe publie un article " + "très " * 42 + "long sur la niche."
LONG_EN = "The team publishes a " + "very " * 42 + "long article on the niche."
ADD = (
    'add description: "…" to the front matter, a sentence of at most 200 characters that says '
    "what the page is about"
)


def write_post(project: Path, paragraph: str, description: str | None = None) -> None:
    """A post; its description, if any, on line 4, and its first paragraph on line 8 without
    one."""
    field = f"description: {description}\n" if description is not None else ""
    text = f"---\ndate: 2025-03-01\ntags: [publication]\n{field}---\n\n# Essai\n\n{paragraph}\n"
    (project / POST).write_text(text, encoding="utf-8")


def write_catalogue(project: Path, pairs: dict[str, str]) -> dict[str, int]:
    """The post's English catalogue; the line of each message's entry."""
    entries = [
        ("", "Content-Type: text/plain; charset=UTF-8\\n"),
        ("Essai", "Test"),
        *pairs.items(),
    ]
    text = "".join(f'msgid "{fr}"\nmsgstr "{en}"\n\n' for fr, en in entries)
    path = project / CATALOGUE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    return {fr: lines.index(f'msgid "{fr}"') + 1 for fr in pairs}


def problems_of(project: Path) -> list[str]:
    """What the description check reports (a new post also lacks its English catalogue, which
    another check reports)."""
    found = descriptions.check_descriptions(project)
    return [str(p) for p in found if p.path in (POST, CATALOGUE)]


def test_a_first_sentence_too_long_asks_for_a_description(project):
    write_post(project, f"{LONG} Une autre phrase.")
    expected = (
        f"{POST}:8: the first sentence is {len(LONG)} characters long, too long for a "
        f"description (at most 200) — {ADD}"
    )
    assert problems_of(project) == [expected]


def test_a_first_paragraph_that_stops_on_a_colon_asks_for_a_description(project):
    write_post(project, "Les financeurs de l’équipe sont\u00a0:")
    problems = problems_of(project)
    assert len(problems) == 1
    assert problems[0].startswith(f"{POST}:8: the first sentence does not end with . ! or ?")
    assert problems[0].endswith(ADD)


def test_a_description_stands_for_a_long_first_sentence(project):
    write_post(project, LONG, f'"{SHORT}"')
    write_catalogue(project, {SHORT: "A short sentence.", LONG: LONG_EN})
    assert problems_of(project) == []


def test_a_short_first_sentence_needs_no_description(project):
    write_post(project, f"{SHORT} {LONG}")
    assert problems_of(project) == []


@pytest.mark.parametrize(
    ("description", "what"),
    [
        (
            f'"{LONG}"',
            f"the description is {len(LONG)} characters long, too long for a description",
        ),
        ('"Une phrase qui s’arrête sur…"', "the description does not end with . ! or ?"),
        ('"Les financeurs\u00a0:"', "the description does not end with . ! or ?"),
        ('""', "description is empty"),
        ("[Une, liste]", "description is a list"),
    ],
)
def test_a_description_is_one_whole_short_sentence(project, description, what):
    write_post(project, SHORT, description)
    problems = problems_of(project)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{POST}:4: {what}"), problems


def test_an_english_first_sentence_too_long_is_reported_in_the_catalogue(project):
    write_post(project, f"{SHORT} Une autre.")
    line = write_catalogue(project, {f"{SHORT} Une autre.": f"{LONG_EN} Another."})
    expected = (
        f"{CATALOGUE}:{line[f'{SHORT} Une autre.']}: the first sentence in en is "
        f"{len(LONG_EN)} characters long, too long for a description (at most 200) — shorten "
        f"the translation, or add description: to the front matter of {POST} (a sentence of at "
        "most 200 characters that says what the page is about) and translate it here"
    )
    assert problems_of(project) == [expected]


def test_an_english_description_too_long_is_reported_in_the_catalogue(project):
    write_post(project, SHORT, f'"{SHORT}"')
    line = write_catalogue(project, {SHORT: LONG_EN})
    problems = problems_of(project)
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        f"{CATALOGUE}:{line[SHORT]}: description: its en translation is {len(LONG_EN)} "
        "characters long"
    )


def test_an_edition_may_give_its_description(project):
    edition = project / "docs" / "symposium" / "2019.md"
    text = edition.read_text(encoding="utf-8")
    edition.write_text(text.replace("---\n", f'---\ndescription: "{SHORT}"\n', 1), "utf-8")
    # Accepted by the edition's check; only its English is still to write.
    problems = [p for p in checked(project) if "symposium/2019" in p]
    assert len(problems) == 1, problems
    assert problems[0].startswith("docs/symposium/2019.md:2: this description has no English in")


# -- Through the build ---------------------------------------------------------------------------

PAGE = "equipe/histoire"
FRENCH = "L’histoire des labels et des unités d’accueil de l’équipe."
ENGLISH = "The history of the team’s labels and host units."


def meta(soup: BeautifulSoup, attribute: str, name: str) -> list[str]:
    return [tag["content"] for tag in soup.find_all("meta", attrs={attribute: name})]


@pytest.mark.slow
def test_a_description_reaches_the_page_in_each_language_through_the_catalogue(project):
    """The front matter's description: is a message of the page's catalogue (what `nox -s
    translate` extracts), the page's description in French, and its translation in English."""
    docs = project / "docs"
    page = docs / f"{PAGE}.md"
    page.write_text(f'---\ndescription: "{FRENCH}"\n---\n\n' + page.read_text("utf-8"), "utf-8")
    catalogue = docs / "locales" / "en" / "LC_MESSAGES" / f"{PAGE}.po"
    with catalogue.open("a", encoding="utf-8") as handle:
        handle.write(f'\nmsgid "{FRENCH}"\nmsgstr "{ENGLISH}"\n')

    gettext = project / "gettext"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "gettext", str(docs), str(gettext)]
    subprocess.run(command, check=True, capture_output=True)
    with (gettext / f"{PAGE}.pot").open("rb") as handle:
        messages = [message.id for message in read_po(handle) if message.id]
    assert messages[:2] == [FRENCH, "Histoire"]  # the description, then the page as before
    with (gettext / "actualites/2020/2020-02-06-oncogene-numero-de-fevrier.pot").open("rb") as f:
        post = [message.id for message in read_po(f) if message.id]
    assert not {"date", "2020-02-06", "tags"} & set(post)  # the other fields are not messages

    build = run_build(docs, project / "html")
    assert build.returncode == 0, build.log
    for language, text in (("fr", FRENCH), ("en", ENGLISH)):
        soup = build.soup(language, f"{PAGE}.html")
        assert meta(soup, "name", "description") == [text], language
        assert meta(soup, "property", "og:description") == [text], language
        assert text not in soup.select_one("article").get_text(), language  # not shown
