"""Structured content that contributors write by hand: YAML data files and page front matter.

The one YAML reader of the site: every YAML file and front matter is parsed by :func:`parse`.

Every value is read together with its line, so that a check can point at the exact line of a
mistake. A record's fields are described once (:class:`Field`): what kind of value, whether it is
required, and how to write it; :func:`check` converts a record and reports every problem at once.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lnox_site.content import sources
from lnox_site.content.languages import LANGUAGES
from lnox_site.content.problems import ContentError, Problem
from lnox_site.content.wording import N__, __


class Fields(dict):
    """A YAML mapping that remembers its own line and the line of each of its keys."""

    line: int = 0
    lines: Mapping[str, int] = {}  # replaced per instance by the loader

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class Loader(yaml.SafeLoader):
    """Safe YAML, with line numbers, duplicate keys refused and dates kept as text.

    Dates are parsed by :func:`date` instead of PyYAML: an impossible date such as 2019-11-31 then
    becomes a problem with its line rather than a crash of the loader.
    """


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping(loader: Loader, node: yaml.MappingNode) -> Fields:
    loader.flatten_mapping(node)
    fields = Fields()
    fields.line = node.start_mark.line + 1
    fields.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in fields:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                __("the key {key} appears twice").format(key=repr(key)),
                key_node.start_mark,
            )
        fields[key] = loader.construct_object(value_node, deep=True)
        fields.lines[key] = key_node.start_mark.line + 1
    return fields


Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


class FastLoader(getattr(yaml, "CSafeLoader", Loader)):
    """:class:`Loader` with libyaml's parser when PyYAML was built with it (about ten times
    faster): the same resolvers and constructors, other words for its errors."""


FastLoader.yaml_implicit_resolvers = Loader.yaml_implicit_resolvers
FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def parse(read: Callable[[type[Loader]], Any]) -> Any:
    """``read(loader)`` with :class:`FastLoader`; a text it refuses is read again with
    :class:`Loader`, so that a mistake gets the words it has always had."""
    try:
        return read(FastLoader)
    except yaml.YAMLError:
        return read(Loader)


YAML_FIX = N__(
    "check the indentation, the colon after each key and the quotes around text with ': '"
)


def load_yaml(text: str, path: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse ``text``, which starts at line ``first_line`` of the file ``path``."""
    # Blank lines in front keep the parser's line numbers equal to the file's.
    padded = "\n" * (first_line - 1) + text
    try:
        return parse(lambda loader: yaml.load(padded, Loader=loader)), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # An error found at the end of the text is reported on its last line.
        line = min(mark.line + 1, len(padded.splitlines())) if mark else 0
        what = __("unreadable YAML: {problem}").format(problem=error.problem)
        return None, [Problem(path, line, what, __(YAML_FIX))]


def read_yaml(root: Path, path: str) -> tuple[Any, list[Problem]]:
    """A YAML data file of the project, ``path`` being relative to ``root``."""
    try:
        return load_yaml(sources.read_text(root / path, root), path)
    except ContentError as error:
        return None, [error.problem]
    except FileNotFoundError:
        return None, [
            Problem(
                path,
                0,
                __("the file is missing"),
                __("restore it: git checkout -- {path}").format(path=path),
            )
        ]


# -- Kinds of values ------------------------------------------------------------------------------
# A kind converts a raw YAML value, or raises ValueError (TypeError) saying what is wrong with it.

Kind = Callable[[Any], Any]


def number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(__("{value} is not a whole number").format(value=repr(value)))
    return value


def year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
        raise ValueError(__("{value} is not a year").format(value=repr(value)))
    return value


ISO_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
# Named in the contributor's language, not the machine's locale (Sphinx sets it from the
# environment).
MONTHS = (N__("January"), N__("February"), N__("March"), N__("April"), N__("May"), N__("June"),
          N__("July"), N__("August"), N__("September"), N__("October"), N__("November"),
          N__("December"))  # fmt: skip


def date(value: Any) -> dt.date:
    """A date written YYYY-MM-DD. A date written that way that does not exist (2026-13-40) is told
    apart from one written otherwise, and the error says which part is impossible."""
    written = str(value).strip()
    match = ISO_DATE.fullmatch(written)
    if not match:
        raise ValueError(__("{date} is not a date written YYYY-MM-DD").format(date=repr(written)))
    year, month, day = map(int, match.groups())
    parts = ((N__("no month {number}"), month, 12), (N__("no day {number}"), day, 31))
    wrong = [__(part).format(number=f"{n:02}") for part, n, last in parts if not 1 <= n <= last]
    if wrong:
        raise ValueError(
            __("{date} is impossible: there is {wrong}").format(
                date=repr(written), wrong=(" " + __("and") + " ").join(wrong)
            )
        )
    days = calendar.monthrange(year, month)[1]
    if day > days:
        wrong_day = __("{month} {year} has {days} days, not {day}").format(
            month=__(MONTHS[month - 1]), year=year, days=days, day=day
        )
        raise ValueError(
            __("{date} is impossible: {wrong}").format(date=repr(written), wrong=wrong_day)
        )
    return dt.date(year, month, day)


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(__("{value} is neither true nor false").format(value=repr(value)))
    return value


def sequence(value: Any) -> list[Any]:
    """A YAML list whose items the caller checks one by one (to report each at its own line)."""
    if not isinstance(value, list):
        raise TypeError(__("{value} is not a list").format(value=repr(value)))
    return value


def name(value: Any) -> str:
    """Text that is the same in every language: a person's or a body's name, a place."""
    if not isinstance(value, str | int) or isinstance(value, bool) or not str(value).strip():
        raise ValueError(__("{value} is not a text").format(value=repr(value)))
    return str(value).strip()


def translated(value: Any) -> dict[str, str]:
    """Text written in each language of the site: ``{fr: …, en: …}``."""
    if not isinstance(value, Mapping):
        raise TypeError(__("{value} is not a text in each language").format(value=repr(value)))
    missing = [code for code in LANGUAGES if not isinstance(value.get(code), str)]
    extra = [key for key in value if key not in LANGUAGES]
    if missing or extra:
        raise ValueError(
            __("the text needs exactly the languages {languages}").format(
                languages=", ".join(LANGUAGES)
            )
        )
    return {code: value[code].strip() for code in LANGUAGES}


def text(value: Any) -> dict[str, str]:
    """Either a name (the same in every language) or a translated text."""
    if isinstance(value, Mapping):
        return translated(value)
    return dict.fromkeys(LANGUAGES, name(value))


def url(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"https?://\S+", value.strip()):
        raise ValueError(__("{value} is not a web address").format(value=repr(value)))
    return value.strip()


def listing(kind: Kind) -> Kind:
    """A YAML list whose items are all of ``kind``."""

    def convert(value: Any) -> list[Any]:
        if not isinstance(value, list):
            value = [value]
        return [kind(item) for item in value]

    return convert


def record(spec: Mapping[str, Field]) -> Kind:
    """A nested mapping checked against ``spec`` (its problems surface as one ValueError)."""

    def convert(value: Any) -> dict[str, Any]:
        if not isinstance(value, Mapping):
            raise TypeError(_should_have(value, spec))
        unknown = [key for key in value if key not in spec]
        missing = [key for key, field in spec.items() if field.required and key not in value]
        if unknown or missing:
            raise ValueError(_should_have(value, spec))
        return {key: spec[key].kind(raw) for key, raw in value.items()}

    return convert


def _should_have(value: Any, spec: Mapping[str, Field]) -> str:
    return __("{value} should have the fields {fields}").format(
        value=repr(value), fields=", ".join(spec)
    )


@dataclass(frozen=True)
class Field:
    kind: Kind
    how: str  # what to write, e.g. "a date YYYY-MM-DD": the fix of a problem says "write …"
    required: bool = False
    # The values of the placeholders of ``how`` (marked with N__, translated when shown).
    words: tuple[tuple[str, str], ...] = ()

    def said(self) -> str:
        """``how`` in the contributor's language."""
        return __(self.how).format(**dict(self.words)) if self.how else ""


def check(
    fields: Fields, spec: Mapping[str, Field], path: str, subject: str
) -> tuple[dict[str, Any], list[Problem]]:
    """The fields converted by their kind, and a problem for each missing, unknown or bad one."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, raw in fields.items():
        field = spec.get(key)
        if field is None:
            close = difflib.get_close_matches(str(key), spec, n=1)
            fix = (
                __("did you mean {field}?").format(field=repr(close[0]))
                if close
                else __("use one of: {fields}").format(fields=", ".join(spec))
            )
            what = __("unknown field {field}").format(field=repr(key))
            problems.append(Problem(path, fields.line_of(key), what, fix, subject))
            continue
        if raw is None:
            # An empty field is left out rather than kept empty (the guides say so).
            fix = __("write {how}").format(how=field.said())
            if not field.required:
                fix = __("remove the line if it is not known, or {fix}").format(fix=fix)
            what = __("{field} is empty").format(field=key)
            problems.append(Problem(path, fields.line_of(key), what, fix, subject))
            continue
        try:
            values[key] = field.kind(raw)
        except (TypeError, ValueError) as error:
            problems.append(
                Problem(
                    path,
                    fields.line_of(key),
                    f"{key}: {error}",
                    __("write {how}").format(how=field.said()),
                    subject,
                )
            )
    for key, field in spec.items():
        if field.required and key not in fields:
            what = __("the required field {field} is missing").format(field=repr(key))
            fix = __("add {field}: {how}").format(field=key, how=field.said())
            problems.append(Problem(path, fields.line, what, fix, subject))
    return values, problems


def items(data: Any, path: str, what: str) -> tuple[list[Fields], list[Problem]]:
    """The entries of a YAML list of mappings, each entry being one record."""
    if not isinstance(data, list):
        fix = __("start each entry with '- ' at the beginning of a line")
        listed = __("the file should be a list of {what}").format(what=__(what))
        return [], [Problem(path, 1, listed, fix)]
    entries = [entry for entry in data if isinstance(entry, Fields)]
    problems = [
        Problem(
            path,
            0,
            __("an entry of the list is not a {what}").format(what=__(what)),
            __("give each entry its fields"),
        )
        for entry in data
        if not isinstance(entry, Fields)
    ]
    return entries, problems


def duplicates(values: Iterable[tuple[Any, str, int]]) -> list[tuple[Any, str, int, str, int]]:
    """For ``(value, path, line)`` triples, each repeat with the place of its first occurrence."""
    first: dict[Any, tuple[str, int]] = {}
    repeats = []
    for value, path, line in values:
        if value in first:
            repeats.append((value, path, line, *first[value]))
        else:
            first[value] = (path, line)
    return repeats
