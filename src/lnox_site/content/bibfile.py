"""references.bib read as text, entry by entry, with the line of every entry and field.

pybtex keeps no line numbers, so this small reader exists for two uses: the bibliography lint points
at the exact line of a mistake (an unclosed brace, a bad DOI, …), and the Publications page offers
each entry's BibTeX exactly as it is written in the file.

It follows BibTeX's own rules: an entry starts with ``@type{`` (or ``@type(``) at the start of a
line, values are ``{…}``, ``"…"``, numbers or ``@string`` abbreviations joined with ``#``, and
braces inside a value must balance. Text between entries is ignored by BibTeX; here it may only be
``%`` comments, so that a stray brace is caught instead of silently swallowing an entry.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from lnox_site.content.wording import N__, __

ENTRY_START = re.compile(r"^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*([{(])", re.MULTILINE)
# BibTeX has no comments: outside entries, any "@word" starts an entry (pybtex then wants a brace).
HIDDEN_ENTRY = re.compile(r"@[ \t]*[A-Za-z]+")
NAME = re.compile(r"[A-Za-z][\w:.+/-]*")
KEY = re.compile(r"[^\s,{}()\"#%'=\\]+")
WORD = re.compile(r"\d+|[A-Za-z][\w:.+/-]*")
# A line that starts a new field: a value that reaches it has probably lost its closing brace.
FIELD_LINE = re.compile(r"\n[ \t]*[A-Za-z][\w-]*[ \t]*=")
# Found by the regular expression engine rather than character by character in Python: the scan
# of a large file (2,000 entries) takes a tenth of the time.
SPACE = re.compile(r"\s*")  # what str.isspace() calls space
DELIMITER = re.compile(r'[{}"]')
NEWLINE = re.compile(r"\n")
NO_KEY = (
    N__("the entry has no key"),
    N__("write a key right after the brace, e.g. @article{kouzi2020oncogene,"),
)
MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}


@dataclass(frozen=True)
class BibField:
    name: str  # lower case
    value: str  # as written, without the outer braces or quotes
    line: int


@dataclass
class Entry:
    type: str  # lower case: "article", "phdthesis", …
    key: str
    line: int
    text: str = ""  # the entry as written, from "@" to its closing brace ("" if unreadable)
    fields: dict[str, BibField] = field(default_factory=dict)


@dataclass(frozen=True)
class Mistake:
    """Something BibTeX cannot read as intended."""

    line: int
    key: str  # the entry it is in ("" before the first entry)
    what: str
    fix: str


@dataclass
class BibFile:
    entries: list[Entry] = field(default_factory=list)
    mistakes: list[Mistake] = field(default_factory=list)
    # What BibTeX reads besides entries ("string", "preamble"): an entry alone may not mean the same.
    commands: set[str] = field(default_factory=set)

    def entry_at(self, line: int) -> str:
        """The key of the entry that contains ``line`` ("" before the first one)."""
        starts = [entry.line for entry in self.entries]
        index = bisect.bisect_right(starts, line) - 1
        return self.entries[index].key if index >= 0 else ""


class _Stop(Exception):
    """The rest of an entry cannot be read; its mistake has been recorded."""


class _Reader:
    """Reads one entry, from just after its opening brace up to ``end``."""

    def __init__(self, text: str, pos: int, end: int, lines: list[int], entry: Entry) -> None:
        self.text, self.pos, self.end, self.lines, self.entry = text, pos, end, lines, entry
        self.mistakes: list[Mistake] = []
        self.value_end = pos  # just after the last value read

    def line(self, pos: int | None = None) -> int:
        return _line(self.lines, self.pos if pos is None else pos)

    def stop(self, what: str, fix: str, pos: int | None = None) -> _Stop:
        self.mistakes.append(Mistake(self.line(pos), self.entry.key, what, fix))
        return _Stop()

    def skip_space(self) -> None:
        self.pos = SPACE.match(self.text, self.pos, self.end).end()

    def peek(self) -> str:
        self.skip_space()
        return self.text[self.pos] if self.pos < self.end else ""

    def key(self) -> None:
        self.skip_space()
        match = KEY.match(self.text, self.pos, self.end)
        if not match:
            raise self.stop(*map(__, NO_KEY))
        self.pos = match.end()
        if self.peek() == "=":
            raise self.stop(*map(__, NO_KEY))
        self.entry.key = match.group()
        if self.peek() != ",":
            raise self.stop(
                __("no comma after the key {key}").format(key=repr(match.group())),
                __("write {start} and put each field on its own line").format(
                    start=f"@{self.entry.type}{{{match.group()},"
                ),
            )
        self.pos += 1

    def fields(self, closing: str, strings: set[str]) -> None:
        """Read ``name = value`` pairs up to the entry's closing brace."""
        while True:
            char = self.peek()
            if char == closing:
                self.pos += 1
                return
            if not char:
                raise self.not_closed(closing)
            start = self.pos
            match = NAME.match(self.text, self.pos, self.end)
            if not match:
                raise self.stop(
                    __("unexpected {char} where a field name should start").format(char=repr(char)),
                    __("separate the fields with commas and write them as name = {value}"),
                )
            self.pos = match.end()
            if self.peek() != "=":
                raise self.stop(
                    __("no '=' after the field name {name}").format(name=repr(match.group())),
                    __("write {name} = {{value}}").format(name=match.group()),
                )
            self.pos += 1
            name = match.group().lower()
            value = self.value(name, strings)
            if name in self.entry.fields:
                self.mistakes.append(
                    Mistake(
                        self.line(start),
                        self.entry.key,
                        __("the field {name} appears twice").format(name=repr(name)),
                        __("keep one {name} field (the first is at line {line})").format(
                            name=name, line=self.entry.fields[name].line
                        ),
                    )
                )
            else:
                self.entry.fields[name] = BibField(name, value, self.line(start))
            char = self.peek()
            if char == ",":
                self.pos += 1
            elif char != closing:
                if self.text.find(closing, self.pos, self.end) < 0:
                    raise self.not_closed(closing)
                following = NAME.match(self.text, self.pos, self.end)
                after = following and SPACE.match(self.text, following.end(), self.end).end()
                if following and self.text[after : after + 1] == "=":
                    raise self.stop(
                        __(
                            "a comma is missing after the field {name}, before the field {next}"
                        ).format(name=repr(name), next=repr(following.group().lower())),
                        __("put a comma at the end of the {name} value").format(name=name),
                        self.value_end,
                    )
                raise self.stop(
                    __("unexpected {char} after the value of {name}").format(
                        char=repr(char), name=repr(name)
                    ),
                    __(
                        "put a comma between fields; check that the braces of the value are "
                        "balanced"
                    ),
                    self.value_end,
                )

    def not_closed(self, closing: str) -> _Stop:
        """The entry's closing brace is missing; if a value swallowed the next field, say which."""
        for name, read in self.entry.fields.items():
            if FIELD_LINE.search(read.value):
                self.mistakes.append(
                    Mistake(
                        read.line,
                        self.entry.key,
                        __(
                            "the value of {name} is missing its closing brace: "
                            "the next field starts inside it"
                        ).format(name=repr(name)),
                        __("add '}}' at the end of the {name} value, before its comma").format(
                            name=name
                        ),
                    )
                )
                return _Stop()
        return self.stop(
            __("the entry is not closed"),
            __("end the entry with {closing} on its own line after its last field").format(
                closing=repr(closing)
            ),
            self.value_end,
        )

    def value(self, name: str, strings: set[str]) -> str:
        parts = [self.piece(name, strings)]
        self.value_end = self.pos
        while self.peek() == "#":
            self.pos += 1
            parts.append(self.piece(name, strings))
            self.value_end = self.pos
        return "".join(parts)

    def piece(self, name: str, strings: set[str]) -> str:
        char = self.peek()
        if char in ("{", '"'):
            return self.delimited(name, char)
        match = WORD.match(self.text, self.pos, self.end)
        if not match:
            raise self.stop(
                __("the value of {name} is missing").format(name=repr(name)),
                __("write {name} = {{value}}, with the value between braces").format(name=name),
            )
        self.pos = match.end()
        word = match.group()
        if not word.isdigit() and word.lower() not in strings | MONTHS:
            self.mistakes.append(
                Mistake(
                    self.line(match.start()),
                    self.entry.key,
                    __("the value of {name} is the undefined abbreviation {word}").format(
                        name=repr(name), word=repr(word)
                    ),
                    __("put the value between braces: {field}").format(
                        field=f"{name} = {{{word}}}"
                    ),
                )
            )
        return word

    def delimited(self, name: str, opening: str) -> str:
        """A ``{…}`` or ``"…"`` value: braces inside must balance, as BibTeX requires."""
        start = self.pos
        self.pos += 1
        open_braces: list[int] = [start] if opening == "{" else []
        while match := DELIMITER.search(self.text, self.pos, self.end):
            self.pos = match.start()
            char = match.group()
            if char == "{":
                open_braces.append(self.pos)
            elif char == "}":
                if not open_braces:
                    raise self.stop(
                        __("the value of {name} closes a brace it never opened").format(
                            name=repr(name)
                        ),
                        __("remove the extra '}' or add the missing '{'"),
                    )
                open_braces.pop()
                if opening == "{" and not open_braces:
                    self.pos += 1
                    return self.text[start + 1 : self.pos - 1]
            elif char == '"' and opening == '"' and not open_braces:
                self.pos += 1
                return self.text[start + 1 : self.pos - 1]
            self.pos += 1
        self.pos = self.end
        closing = "}" if opening == "{" else '"'
        raise self.stop(
            __("the value of {name} is not closed: a {closing} is missing").format(
                name=repr(name), closing=repr(closing)
            ),
            __("close the value with {closing} before the comma that ends it").format(
                closing=repr(closing)
            ),
            start,
        )


def _line(newlines: list[int], pos: int) -> int:
    """1-based line of the character at ``pos``, given the offsets of the newlines."""
    return bisect.bisect_right(newlines, pos - 1) + 1


@lru_cache(maxsize=8)
def scan(text: str) -> BibFile:
    """Every entry of a BibTeX text with its lines, and every structural mistake, in file order;
    scanned once per text for the checks, the build and the downloads that each read the file (the
    result is shared: not to be modified)."""
    lines = [match.start() for match in NEWLINE.finditer(text)]
    result = BibFile()
    strings: set[str] = set()
    starts = list(ENTRY_START.finditer(text))
    _check_between(text, 0, starts[0].start() if starts else len(text), lines, "", result)
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        kind = match.group(1).lower()
        closing = "}" if match.group(2) == "{" else ")"
        entry = Entry(kind, "", _line(lines, match.start()))
        reader = _Reader(text, match.end(), end, lines, entry)
        if kind == "comment":
            continue  # BibTeX ignores @comment blocks whatever they hold
        if kind in ("string", "preamble"):
            result.commands.add(kind)
        try:
            if kind == "string":
                reader.fields(closing, strings)
                strings |= set(entry.fields)
            elif kind == "preamble":
                reader.delimited("preamble", "{")
            else:
                reader.key()
                reader.fields(closing, strings)
        except _Stop:
            pass
        else:
            entry.text = text[match.start() : reader.pos]
            _check_between(text, reader.pos, end, lines, entry.key, result)
        if kind not in ("string", "preamble") and entry.key:
            result.entries.append(entry)
        result.mistakes.extend(reader.mistakes)
    return result


def _check_between(
    text: str, start: int, end: int, lines: list[int], key: str, result: BibFile
) -> None:
    """Between entries only blank lines and ``%`` comments may appear."""
    stray = []
    offset = start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        hidden = HIDDEN_ENTRY.search(raw)
        if hidden:
            result.mistakes.append(
                Mistake(
                    _line(lines, offset),
                    key,
                    __("BibTeX reads {text} as the start of an entry, even in a comment").format(
                        text=repr(hidden.group())
                    ),
                    __("write no '@' outside entries (e.g. 'article' rather than '@article')"),
                )
            )
        if stripped and not stripped.startswith("%"):
            stray.append((_line(lines, offset + raw.find(stripped[0])), stripped))
        offset += len(raw) + 1
    if not stray:
        return
    line, first = stray[0]
    if any("}" in text or "{" in text for _, text in stray):
        what = __("text with braces after the end of the entry: it was closed too early")
        fix = __("remove the extra '}' so that the entry ends after its last field")
    else:
        what = __("text outside any entry: {text}").format(text=repr(first[:40]))
        fix = __("start comment lines with '%', or put the text in a field of an entry")
    result.mistakes.append(Mistake(line, key, what, fix))
