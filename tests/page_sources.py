"""What each page should say of itself, read from the sources alone: the ``description:`` of the
page's front matter (read with PyYAML) or the Markdown of the French page (parsed with MyST's own
Markdown parser, so that front matter, ``%`` comments and directives are what MyST sees), the
English catalogue of the page (read with Babel), docs/_data/*.yaml, the edition's front matter,
references.bib (read with pybtex) and the interface catalogues (read with Babel). Nothing here reads a built page or
calls the code that writes the descriptions."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import runpy
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel.messages.pofile import read_po
from conftest import DOCS, ROOT
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from pybtex.backends.plaintext import Backend as PlainText
from pybtex.database import parse_file
from pybtex.richtext import Text

# Roles that show a citation: a description leaves them out.
CITING_ROLES = re.compile(r"^(footcite|cite|pub)(:|$)")
# {term}`shown text <target>`: the reader sees the text before the target.
EXPLICIT_TITLE = re.compile(r"^(.*?)\s*<[^<>]+>$", re.DOTALL)
# Where a citation was removed.
DROPPED = "\0"

# The English sentences of the site's generated descriptions (the French ones are in the French
# catalogue of the words the site's code writes on the pages); {site} is the site's name,
# `project` in conf.py.
YEAR_ARCHIVE = "All the {site} team’s news from {year}, newest first."
TAG_ARCHIVE = "All the {site} team’s news on the topic “{tag}”, newest first."
EDITION = "{edition} “Niches Tumorales” symposium: {city}, {dates}."
EDITION_WITHOUT_CITY = "{edition} “Niches Tumorales” symposium: {dates}."
# The catalogues of the words the site's code writes on the pages: <language>/LC_MESSAGES/lnox_site.po
PAGE_WORDS = ROOT / "src" / "lnox_site" / "locales"


def decoded(latex: str) -> str:
    """BibTeX text (``H{\\'e}rault``) as plain text, by pybtex's plain-text backend itself rather
    than by its name (pybtex looks a name up among the entry points of every installed package,
    milliseconds a call)."""
    return Text.from_latex(latex).render(PlainText())


@cache
def bibliography() -> dict:
    """The entries of references.bib, parsed once."""
    return parse_file(str(ROOT / "references.bib")).entries


# Dates as French and English readers write them, written out by hand (the site asks Babel).
MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "January February March April May June July August September October November December",
}
DASH = "\u2013"  # en dash, between the two ends of a range


def written_day(date: dt.date, language: str) -> str:
    """« 1er », « 7 », "1": French writes the first of a month as an ordinal."""
    return "1er" if language == "fr" and date.day == 1 else str(date.day)


def written_date(date: dt.date, language: str, precision: str = "day") -> str:
    """« 1er décembre 2021 », "7 November 2019", « avril 2013 », "2012"."""
    month = MONTHS[language].split()[date.month - 1]
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{month} {date.year}"
    return f"{written_day(date, language)} {month} {date.year}"


def written_span(start: dt.date, end: dt.date | None, language: str) -> str:
    """« 7–8 novembre 2019 », "30 November – 2 December 2019": the shared month and year once."""  # noqa: RUF002
    if end is None or end == start:
        return written_date(start, language)
    if (start.year, start.month) == (end.year, end.month):
        return f"{written_day(start, language)}{DASH}{written_date(end, language)}"
    if start.year == end.year:
        month = MONTHS[language].split()[start.month - 1]
        return f"{written_day(start, language)} {month} {DASH} {written_date(end, language)}"
    return f"{written_date(start, language)} {DASH} {written_date(end, language)}"


def ordinal(number: int, language: str) -> str:
    """« 9e », « 1re » (of an édition, feminine), "9th", "21st", "12th"."""
    if language == "fr":
        return f"{number}re" if number == 1 else f"{number}e"
    teen = 10 <= number % 100 <= 20
    return f"{number}{'th' if teen else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


@dataclass(frozen=True)
class Expected:
    text: str  # the whole summary, before any cut to the length of a description
    published: str | None = None  # posts: ISO date, as precise as the front matter says
    tags: tuple[str, ...] = ()  # posts: tag names in the page's language
    given: bool = False  # the page's own description: (or its translation), never cut


@cache
def _parser():
    config = MdParserConfig(enable_extensions={"colon_fence", "deflist", "attrs_inline"})
    return create_md_parser(config, RendererHTML)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1]) if text.startswith("---") else {}


def first_paragraph(markdown: str) -> Token | None:
    """The inline content of the first paragraph of running text (not nested in a list, a quote,
    a definition…), or else of the first paragraph at all."""
    tokens = _parser().parse(markdown)
    paragraphs = [i + 1 for i, token in enumerate(tokens) if token.type == "paragraph_open"]
    running = [i for i in paragraphs if tokens[i - 1].level == 0]
    chosen = running or paragraphs
    return tokens[chosen[0]] if chosen else None


def read_catalogue(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id and m.string and not m.fuzzy}


@cache
def _conf_values(docs: Path) -> dict[str, Any]:
    return runpy.run_path(str(docs / "conf.py"))


class Sources:
    """The sources of a site: ``docs`` is the real one or a copy of it."""

    def __init__(self, docs: Path = DOCS) -> None:
        self.docs = docs

    def conf(self, name: str) -> Any:
        """A value of the site's ``conf.py``, read without Sphinx."""
        return _conf_values(self.docs)[name]

    def conf_text(self, name: str, language: str) -> str:
        """A text of ``conf.py`` in ``language``: as written (French), or as conf.po translates it."""
        french = self.conf(name)
        return french if language == "fr" else self.catalogue(language, "conf")[french]

    @property
    def site(self) -> str:
        """The site's name (``project`` in conf.py)."""
        return self.conf("project")

    def markdown(self, docname: str) -> str:
        return (self.docs / f"{docname}.md").read_text(encoding="utf-8")

    def data(self, name: str) -> dict:
        return yaml.safe_load((self.docs / "_data" / f"{name}.yaml").read_text(encoding="utf-8"))

    def catalogue(self, language: str, name: str) -> dict[str, str]:
        return read_catalogue(self.docs / "locales" / language / "LC_MESSAGES" / f"{name}.po")

    def interface_string(self, english: str, language: str) -> str:
        """A string of the site's interface, as the catalogue of ``language`` translates it."""
        return english if language == "en" else self.catalogue(language, "sphinx")[english]

    @staticmethod
    def page_word(english: str, language: str) -> str:
        """A word the site's code writes on the pages, as its catalogue of ``language`` translates
        it."""
        if language == "en":
            return english
        return read_catalogue(PAGE_WORDS / language / "LC_MESSAGES" / "lnox_site.po")[english]

    def plain_text(self, inline: Token, docname: str, language: str) -> str:
        """What a reader of ``docname`` sees of a paragraph's Markdown, on one line, citations
        left out."""
        parts = []
        for child in inline.children or []:
            if child.type in {"text", "code_inline"}:
                parts.append(child.content)
            elif child.type in {"softbreak", "hardbreak"}:
                parts.append(" ")
            elif child.type == "myst_role":
                parts.append(self._role_text(child, docname, language))
        text = re.sub(rf" *{DROPPED}(?=[,.])", "", "".join(parts)).replace(DROPPED, "")
        return re.sub(r"[ \t\r\n]+", " ", text).strip()

    def _role_text(self, role: Token, docname: str, language: str) -> str:
        title = EXPLICIT_TITLE.match(role.content)
        if CITING_ROLES.match(role.meta["name"]):
            return DROPPED
        if title:
            return title[1]
        if role.meta["name"] == "doc":  # the page's title stands in the text
            target = role.content.strip()
            if not target.startswith("/"):
                target = posixpath.join(posixpath.dirname(docname), target)
            return self.page_title(posixpath.normpath(target).lstrip("/"), language)
        return role.content

    def page_title(self, docname: str, language: str) -> str | None:
        """The page's first heading (None: the page has none, its title is generated)."""
        tokens = _parser().parse(self.markdown(docname))
        headings = (tokens[i + 1] for i, t in enumerate(tokens) if t.type == "heading_open")
        heading = next(headings, None)
        if heading is None:
            return None
        if language != "fr":
            translated = self.catalogue(language, docname)[heading.content]
            heading = _parser().parse(translated)[1]
        return self.plain_text(heading, docname, language)

    def own_paragraph(self, docname: str, language: str) -> str | None:
        """The page's first paragraph: in French from its Markdown, in English from its
        catalogue."""
        inline = first_paragraph(self.markdown(docname))
        if inline is None:
            return None
        if language != "fr":
            translated = self.catalogue(language, docname)[inline.content.replace("\n", " ")]
            inline = first_paragraph(translated)
        return self.plain_text(inline, docname, language)

    def given(self, docname: str, language: str) -> str | None:
        """The page's ``description:``: in French from its front matter, in English from its
        catalogue."""
        french = front_matter(self.docs / f"{docname}.md").get("description")
        if french is None or language == "fr":
            return french
        return self.catalogue(language, docname)[french]

    def _post(self, docname: str, language: str) -> Expected:
        meta = front_matter(self.docs / f"{docname}.md")
        digits = {"year": 4, "month": 7}.get(meta.get("date_precision", "day"), 10)
        tags = tuple(self.data("tags")["tags"][tag][language] for tag in meta["tags"])
        given = self.given(docname, language)
        text = given or self.own_paragraph(docname, language)
        return Expected(text, str(meta["date"])[:digits], tags, given is not None)

    def _edition(self, docname: str, language: str) -> Expected:
        meta = front_matter(self.docs / f"{docname}.md")
        number = meta["edition"]
        values = {
            "edition": ordinal(number, language),
            "dates": written_span(meta["start"], meta.get("end"), language)
            if meta.get("start")
            else str(meta["year"]),
            "city": meta.get("city"),
        }
        pattern = EDITION if meta.get("city") else EDITION_WITHOUT_CITY
        return Expected(self.page_word(pattern, language).format(**values))

    def _publication(self, key: str) -> Expected:
        """A team publication's page: ``Title. Journal, 2020.`` (the university of a thesis)."""
        entry = bibliography()[key]
        title = decoded(entry.fields["title"])
        where = entry.fields.get("school" if entry.type == "phdthesis" else "journal")
        where = decoded(where) + ", " if where else ""
        stop = "" if title[-1] in ".?!" else "."
        return Expected(f"{title}{stop} {where}{entry.fields['year']}.")

    def expected(self, docname: str, language: str) -> Expected | None:
        """What the page ``docname`` should say of itself in ``language`` (None: nothing)."""
        parts = docname.split("/")
        if parts[0] == "publications" and len(parts) == 2:
            return self._publication(parts[1])
        in_year = parts[0] == "actualites" and len(parts) == 3 and parts[1].isdigit()
        if in_year and parts[2] != "index":
            return self._post(docname, language)
        if given := self.given(docname, language):
            return Expected(given, given=True)
        if in_year:
            sentence = self.page_word(YEAR_ARCHIVE, language)
            return Expected(sentence.format(site=self.site, year=parts[1]))
        if parts[:2] == ["actualites", "sujets"]:
            tag = self.data("tags")["tags"][parts[2]][language]
            sentence = self.page_word(TAG_ARCHIVE, language)
            return Expected(sentence.format(site=self.site, tag=tag))
        if parts[0] == "symposium" and re.fullmatch(r"\d{4}", parts[-1]):
            return self._edition(docname, language)
        for theme in self.data("themes")["themes"].values():
            if theme["page"] == docname:
                return Expected(theme["summary"][language])
        text = self.own_paragraph(docname, language)
        return Expected(text) if text else None


# A description is the page's own description: as written, or else the whole sentences that open
# its summary, as many as fit in this many characters (the checks ask for a description: when the
# first sentence alone is longer). It never stops inside a sentence, nor with an ellipsis.
DESCRIPTION_LENGTH = 200
SENTENCE_END = re.compile(r"[.!?][»”\")]*$")


def mid_phrase(description: str) -> str | None:
    """Why ``description`` does not end as a whole sentence does (None when it does)."""
    if description.endswith(("…", "...")) or not SENTENCE_END.search(description):
        return f"{description!r} stops mid-phrase"
    return None


def not_whole(description: str, want: Expected, length: int = DESCRIPTION_LENGTH) -> str | None:
    """Why ``description`` is not ``want``'s description or its first whole sentences, within
    ``length`` characters (None when it is)."""
    whole = want.text
    if want.given or len(whole) <= length:
        return None if description == whole else f"expected {whole!r}"
    if len(description) > length:
        return f"{len(description)} characters"
    if not whole.startswith(description):
        return f"not the start of {whole!r}"
    follows = whole[len(description)]
    if follows != " " or re.search(r"\b\w\.$", description):
        return f"cut inside a sentence of {whole!r}"
    return mid_phrase(description)
