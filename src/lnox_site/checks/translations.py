"""The translations keep the facts: every message of every catalogue is compared with its source.

A translation may reword a sentence but not change what it says. For each translated message of
``docs/locales/<language>/LC_MESSAGES/**/*.po``:

* the figures (numbers, percentages, amounts of money, ordinals), dates, DOIs, trial and unit
  identifiers (NCT…, UMR…, ERL…, EA…, GDR…), e-mail addresses and web addresses of the French
  source are all in the translation, and the translation adds none, once each language's notation
  is read (« 1,51 » = 1.51, « 3 955 » = 3,955, « 7 novembre 2019 » = 7 November 2019,
  « 40 000 € » = €40,000, « 9e » = 9th);
* the targets of MyST roles and links are the same (only the text shown is translated:
  ``{term}`AML <LAM>```), so that a translated message cannot break a reference.

A difference that is meant (a number written as a word) is declared above the entry by a
translator comment, which catalogue updates keep: ``# lnox: 3 = three`` (the French as written, an
equals sign, the translation as written). Each mistake is reported with the catalogue and the line
of its ``msgstr``: the French page is the source, and the build would only name the French page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, partial
from pathlib import Path

from babel.dates import get_month_names

from lnox_site.checks import kept
from lnox_site.content import catalogues, markdown
from lnox_site.content.doi import DOI
from lnox_site.content.languages import SOURCE_LANGUAGE
from lnox_site.content.paths import LOCALES
from lnox_site.content.problems import Problem
from lnox_site.content.wording import N__, __

MARKER = re.compile(r"^lnox:\s*(?P<source>.+?)\s+=\s+(?P<translation>.*?)\s*$")
MARKER_HELP = N__("# lnox: <French as written> = <translation as written>")
SPACE = "[ \u00a0\u202f]"  # thousands are grouped by a space, non-breaking or not, in French

# Web and e-mail addresses, DOIs and identifiers are read first and taken out of the text, so that
# their digits are not read again as figures.
URL = re.compile(r"(?:https?://|mailto:)[^\s<>`\"»)\]]+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
TRIAL = re.compile(r"\bNCT\d{8}\b")
UNIT = re.compile(rf"\b(UMR-?S|UMR|ERL|EA|GDR|FRE|UPR|U)(?:{SPACE}|-)?(\d{{3,4}})\b")
TRAILING = '.,;:!?»)"`'


@dataclass(frozen=True)
class Notation:
    """How one language writes numbers and dates."""

    group: str  # what separates the thousands (a character class)
    decimal: str  # the decimal marks (a character class)
    ordinal: str  # the suffixes of an ordinal after its digits
    months: dict[str, int]  # month name, lower case -> its number
    dates: tuple[str, ...]  # date patterns with named groups day, month, year

    @property
    def number(self) -> str:
        grouped = rf"\d{{1,3}}(?:{self.group}\d{{3}})+(?:{self.decimal}\d+)?(?!\d)"
        return rf"{grouped}|\d+(?:{self.decimal}\d+)?"


def _notation(locale: str, group: str, decimal: str, ordinal: str, dates: list[str]) -> Notation:
    names = get_month_names("wide", locale=locale)
    months = {name.lower(): number for number, name in names.items()}
    # As a language writes them (lower case in French), or opening a sentence.
    spellings = {form for name in names.values() for form in (name, name.capitalize())}
    month = "(?P<month>" + "|".join(sorted(spellings, key=len, reverse=True)) + ")"
    return Notation(group, decimal, ordinal, months, tuple(d.format(month=month) for d in dates))


# How each language of the site writes numbers and dates: its thousands and decimal marks, the
# suffixes of its ordinals, its date patterns ({month}: the month's name). A new language of the
# site needs its line here.
WRITING = {
    # « 3 955 », « 1,51 », « 9e », « 1er janvier 2021 », « novembre 2019 »; a dot is read as a
    # decimal mark too (a figure quoted from an English title).
    "fr": (
        SPACE, "[,.]", "(?:er|re|ère|e|ème|nd|nde|ᵉ)",
        [rf"\b(?P<day>1er|\d{{{{1,2}}}}){SPACE}+{{month}}(?:{SPACE}+(?P<year>\d{{{{4}}}}))?",
         rf"\b{{month}}{SPACE}+(?P<year>\d{{{{4}}}})"],
    ),
    # "3,955", "1.51", "9th", "21 January 2021", "January 21, 2021", "November 2019"
    "en": (
        ",", "[.]", "(?:st|nd|rd|th)",
        [r"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{month}(?:,?\s+(?P<year>\d{{4}}))?",
         r"\b{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
         r"\b{month}\s+(?P<year>\d{{4}})"],
    ),
}  # fmt: skip


@cache
def notation(language: str) -> Notation:
    """How ``language`` writes numbers and dates (read once: Babel's locale data takes a while)."""
    return _notation(language, *WRITING[language])


@dataclass(frozen=True, order=True)
class Fact:
    """Something a message states that a translation must keep: its kind and its value written
    the same way in every language (``number 1.51``, ``date 2019-11-07``, ``amount €40000``)."""

    kind: str
    value: str


def _number(written: str, notation: Notation) -> str:
    """A number as digits and a decimal point: « 3 955 » and "3,955" are 3955, « 1,51 » is 1.51."""
    plain = re.sub(notation.decimal, ".", re.sub(notation.group, "", written))
    return format(Decimal(plain).normalize(), "f")


# Makes the fact of a match (and the words it was read from); None when it is not one after all.
ReadFact = Callable[[re.Match[str], str], "Fact | None"]


class _Reader:
    """Reads the facts of one text, taking each one out of the text once it is read."""

    def __init__(self, text: str, language: str) -> None:
        self.text = " ".join(text.split())
        self.notation = notation(language)
        self.found: list[tuple[Fact, str]] = []  # each fact with the text it was read from

    def take(self, pattern: re.Pattern[str] | str, fact: ReadFact) -> None:
        def replace(match: re.Match[str]) -> str:
            written = match.group(0).rstrip(TRAILING)
            value = fact(match, written)
            if value is not None:
                self.found.append((value, written))
            return " " + match.group(0)[len(written) :]

        self.text = re.sub(pattern, replace, self.text)

    def read(self) -> list[tuple[Fact, str]]:
        n = self.notation
        number = f"(?<![\\w.,])(?P<n>{n.number})"
        self.take(URL, lambda m, w: Fact("address", w))
        self.take(EMAIL, lambda m, w: Fact("e-mail", w.lower()))
        self.take(DOI, lambda m, w: Fact("DOI", w.lower()))
        self.take(TRIAL, lambda m, w: Fact("identifier", w.upper()))
        self.take(UNIT, lambda m, w: Fact("identifier", f"{m.group(1).upper()} {m.group(2)}"))
        for pattern in n.dates:
            self.take(pattern, self._date)
        self.take(rf"{number}{SPACE}?(?P<unit>k€|M€|€|euros?\b)", self._amount)
        self.take(rf"€{SPACE}?{number}(?P<scale>\s(?:million|thousand)\b)?", self._amount)
        self.take(
            rf"{number}{SPACE}?(?:%|\s?per\s?cent\b)", lambda m, w: self._fact("percentage", m)
        )
        self.take(rf"(?<![\w.,])(?P<n>\d+){n.ordinal}(?!\w)", lambda m, w: self._fact("ordinal", m))
        # "the 1960s" is « les années 1960 »
        self.take(r"(?<![\w.,])(?P<n>\d{4})s(?!\w)", lambda m, w: self._fact("number", m))
        self.take(rf"{number}(?!\w)", lambda m, w: self._fact("number", m))
        return self.found

    def _fact(self, kind: str, match: re.Match[str]) -> Fact:
        return Fact(kind, _number(match.group("n"), self.notation))

    def _date(self, match: re.Match[str], written: str) -> Fact | None:
        groups = match.groupdict()
        month = self.notation.months.get(groups["month"].lower())
        day = groups.get("day")
        day = int(day.removesuffix("er")) if day else None
        year = groups.get("year")
        if month is None or (day is not None and not 1 <= day <= 31):
            return None
        return Fact(
            "date", f"{year or '-'}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
        )

    def _amount(self, match: re.Match[str], written: str) -> Fact:
        value = Decimal(_number(match.group("n"), self.notation))
        unit = (match.groupdict().get("unit") or "").lower()
        scale = (match.groupdict().get("scale") or "").strip().lower()
        if unit == "k€" or scale == "thousand":
            value *= 1000
        elif unit == "m€" or scale == "million":
            value *= 1_000_000
        return Fact("amount", "€" + format(value.normalize(), "f"))


def facts(text: str, language: str) -> list[tuple[Fact, str]]:
    """Every fact of ``text`` (written in ``language``) with the words it was read from."""
    if not re.search(r"\d|@", text):  # most messages state no figure: no need to read them
        return []
    return _Reader(text, language).read()


def targets(text: str, root: Path) -> Counter[str]:
    """The targets of the roles and links of a message, written as in the French message:
    ``{term}`LAM``` for ``{term}`AML <LAM>```, ``(page.md)`` for ``[text](page.md)``."""
    found: Counter[str] = Counter()
    # Every link, as the page safety check reads them (the message is parsed once for both).
    for located in markdown.walk(text, root, every_link=True):
        token = located.token
        if token.type == "myst_role":
            name, content = token.meta["name"], " ".join(token.content.split())
            explicit = markdown.explicit_target(content)
            target = explicit[1] if explicit else content
            for key in target.split(",") if "cite" in name else [target]:
                found[f"{{{name}}}`{key.strip()}`"] += 1
        elif token.type == "link_open" and token.markup not in ("autolink", "linkify"):
            found[f"({token.attrs['href']})"] += 1
    return found


@dataclass(frozen=True)
class Message:
    source: str
    translation: str
    line: int  # of the msgstr
    markers: tuple[str, ...]  # translator comments "lnox: … = …"


def messages(text: str) -> Iterator[Message]:
    """The translated, non-fuzzy messages of a catalogue (Sphinx ignores the others)."""
    for source, entry in catalogues.parse(text).items():
        if entry.current:
            markers = tuple(c.strip() for c in entry.comments if c.strip().startswith("lnox"))
            yield Message(source, entry.translation, entry.translation_line, markers)


def _listing(items: Iterable[str]) -> str:
    return ", ".join(items)


def _declared(message: Message, language: str) -> tuple[list[Fact], list[Fact], list[str]]:
    """The facts that the markers of a message declare different, and the malformed markers."""
    french, translated, bad = [], [], []
    for marker in message.markers:
        match = MARKER.match(marker)
        if match is None:
            bad.append(marker)
            continue
        french += [fact for fact, _ in facts(match.group("source"), SOURCE_LANGUAGE)]
        translated += [fact for fact, _ in facts(match.group("translation"), language)]
    return french, translated, bad


def message_problems(message: Message, language: str, where: str, root: Path) -> Iterator[Problem]:
    """What the translation of one message changes of its facts and of its role targets."""
    name = {"en": __("English")}.get(language, language)
    source = facts(message.source, SOURCE_LANGUAGE)
    translation = facts(message.translation, language)
    declared_source, declared_translation, bad = _declared(message, language)
    for marker in bad:
        yield Problem(
            where, message.line,
            __("the comment '# {marker}' is not understood").format(marker=marker),
            __("write it {form}, e.g. # lnox: 3 = three").format(form=__(MARKER_HELP)),
        )  # fmt: skip
    in_source, in_translation = {f for f, _ in source}, {f for f, _ in translation}
    missing = in_source - in_translation - set(declared_source)
    added = in_translation - in_source - set(declared_translation)
    stale = (set(declared_source) - in_source) | (set(declared_translation) - in_translation)
    if missing or added:
        nothing = __("nothing of it")
        said = _listing(dict.fromkeys(w for f, w in source if f in missing)) or nothing
        says = _listing(dict.fromkeys(w for f, w in translation if f in added)) or nothing
        yield Problem(
            where, message.line,
            __("the French says {said}, the {language} {says}").format(
                said=said, language=name, says=says
            ),
            __("correct the translation (the French page is the source); if the difference is "
               "meant (a number written as a word), say so on a line above msgid: {form}").format(
                form=__(MARKER_HELP)
            ),
        )  # fmt: skip
    if stale:
        yield Problem(
            where, message.line, __("a '# lnox:' comment names what the message no longer says"),
            __("correct the comment or remove it"),
        )  # fmt: skip
    expected, written = targets(message.source, root), targets(message.translation, root)
    if expected != written:
        lost = _listing((expected - written).elements()) or __("nothing")
        new = _listing((written - expected).elements()) or __("nothing")
        yield Problem(
            where, message.line,
            __("the French has {lost}, the {language} {new}").format(
                lost=lost, language=name, new=new
            ),
            __("keep the roles and link targets of the French as they are and translate only the "
               "text shown, e.g. {term}`AML <LAM>`"),
        )  # fmt: skip


def catalogue_problems(root: Path, language: str, path: Path, text: str) -> Iterator[Problem]:
    """The problems of the catalogue ``path`` (its ``text``) into ``language``."""
    where = path.relative_to(root).as_posix()
    for message in messages(text):
        yield from message_problems(message, language, where, root)


def check_translations(root: Path) -> Iterator[Problem]:
    for folder in sorted((root / LOCALES).glob("*/LC_MESSAGES")):
        language = folder.parent.name
        if language != SOURCE_LANGUAGE:
            check = partial(catalogue_problems, root, language)
            yield from kept.current(root).each("translations", sorted(folder.rglob("*.po")), check)
