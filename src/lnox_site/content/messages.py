"""The messages to translate of a page: what Sphinx extracts from it into the page's catalogue
(``docs/locales/<language>/LC_MESSAGES/<page>.po``), each with its line, read without Sphinx.

A message is the Markdown source of one block as MyST keeps it (``rawsource``), its lines joined
by spaces: a paragraph (of running text, a list item, a table cell, a definition, an admonition, a
caption), a heading, a definition term or glossary term, an image's text alternative, a
``:caption:`` or a title given as a directive's argument, and each text of a ``{diagram}``'s SVG
file. The page is read with MyST's own parser (:mod:`lnox_site.content.markdown`); a glossary's
body is read the way Sphinx's ``glossary`` directive reads it (terms on unindented lines, the
indented definition under them).

Not extracted, as Sphinx does not extract them either: a heading inside a directive (MyST makes
it a rubric without source text), code, the body of a directive that reads it itself (a
bibliography, a list of pages).

``tests/test_translation_coverage.py`` proves the extraction: for every page, the messages read
here are exactly the msgids of its catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path, PurePosixPath

from markdown_it.token import Token

from lnox_site.content import catalogues, sources
from lnox_site.content.catalogues import Entry
from lnox_site.content.diagrams import labelled, parse
from lnox_site.content.frontmatter import FrontMatterError, front_matter
from lnox_site.content.languages import LANGUAGES
from lnox_site.content.markdown import Located, argument, directive_name, walk
from lnox_site.content.paths import DOCS
from lnox_site.content.problems import ContentError, Problem
from lnox_site.content.summaries import FIELD, one_line
from lnox_site.content.wording import N__, __

# What the tokens that open a block give: the inline token after them is the block's message.
BLOCKS = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "th_open": "table cell",
    "td_open": "table cell",
    "dt_open": "term",
}
# Directives whose argument is a title shown on the page (docutils parses it as a title node).
TITLED = {"admonition", "topic", "sidebar", "table"}
IMAGES = {"image", "figure"}


@dataclass(frozen=True)
class Message:
    """One message of a page: its msgid, its line in the page, and what it is on the page."""

    text: str
    line: int
    kind: str  # "paragraph", "heading", "term", "image text", "caption", "label", …
    subject: str = ""  # the file a diagram's label is in


def clean(source: str) -> str:
    """A block's source as Sphinx makes it a msgid: a backslash ending a line (a hard break) is
    dropped, and the lines are joined by spaces (``sphinx.util.nodes._clean_extracted_message``)."""
    lines = []
    for line in source.split("\n"):
        kept = line.rstrip(" \t")
        lines.append(kept[:-1].rstrip(" \t") if kept.endswith("\\") else line)
    return " ".join(lines).strip()


def _paragraph(previous: str, directive: str | None) -> str:
    """What a paragraph is on the page, from the token before it and the directive it is in."""
    if previous == "list_item_open":
        return "list item"
    if previous == "dd_open" or directive == "glossary":
        return "definition"
    return "caption" if directive == "diagram" else "paragraph"


def _alt(tokens: Iterable[Token]) -> str:
    """An image's text alternative as MyST writes it: the text of its children, without markup."""
    return "".join(
        token.content if token.type in ("text", "text_special") else _alt(token.children or ())
        for token in tokens
    )


def _options(content: str) -> dict[str, str]:
    """The ``:name: value`` options that open a directive's body."""
    found = {}
    for line in content.splitlines():
        name, colon, value = line[1:].partition(":") if line.startswith(":") else ("", "", "")
        if not colon:
            break
        found[name.strip()] = value.strip()
    return found


def _glossary(body: str, first_line: int, root: Path) -> Iterator[Message]:
    """A glossary's terms and definitions, read as Sphinx's ``glossary`` directive reads them: an
    unindented line is a term, the indented lines under the terms their definition, dedented as
    deep as its first line."""
    definition: list[str] = []
    start = indent = 0

    def defined() -> Iterator[Message]:
        yield from page_messages("\n".join(definition), root, start, "glossary")

    for number, line in enumerate(body.splitlines(), start=first_line):
        if line and not line[0].isspace():
            yield from defined()
            definition = []
            yield Message(clean(line), number, "term")
        elif line.strip():
            if not definition:
                start, indent = number, len(line) - len(line.lstrip())
            definition.append(line[indent:])
        elif definition:
            definition.append("")
    yield from defined()


def _diagram(page: Path, argument: str, line: int, root: Path) -> Iterator[Message]:
    """The texts of a diagram's SVG file (its title, description and labels). A file that is
    missing or wrong is reported by the diagrams' own check."""
    relative = PurePosixPath(argument)
    path = root / DOCS / relative.relative_to("/") if relative.is_absolute() else page / relative
    try:
        svg = parse(sources.read_text(path, root))
    except (OSError, ValueError, ContentError):
        return
    for element in labelled(svg):
        yield Message(" ".join(element.text.split()), line, "label", relative.name)


def _directive(token: Token, line: int, page: Path | None, root: Path) -> Iterator[Message]:
    """The messages a directive carries outside its Markdown body."""
    name = directive_name(token)
    options = _options(token.content)
    if name in TITLED and argument(token):
        yield Message(argument(token), line, "title")
    if name in IMAGES and options.get("alt"):
        yield Message(options["alt"], line, "image text")
    if options.get("caption"):
        yield Message(options["caption"], line, "caption")
    if name == "toctree":
        for entry in token.content.splitlines():
            title, bracket, target = entry.strip().rpartition("<")
            if bracket and title and target.endswith(">") and not entry.startswith(":"):
                yield Message(entry.strip(), line, "title")
    if name == "diagram" and page is not None:
        yield from _diagram(page, argument(token), line, root)


def page_messages(
    text: str, root: Path, first_line: int = 1, directive: str | None = None,
    folder: Path | None = None,
) -> Iterator[Message]:  # fmt: skip
    """The messages of a page's Markdown ``text`` (or of a directive body in it), in order;
    ``folder`` is the page's folder, where its diagrams are."""
    kind = None
    skipped_until = 0  # the last line of a glossary, read on its own
    previous = ""  # the type of the token before
    located: Located
    for located in walk(text, root, first_line, directive):
        token = located.token
        if located.line <= skipped_until:
            continue
        if token.type in BLOCKS:
            # A heading inside a directive is a rubric, which MyST gives no source text.
            nested = token.type == "heading_open" and located.directive is not None
            kind = None if nested else BLOCKS[token.type]
            if kind == "paragraph":
                kind = _paragraph(previous, located.directive)
        elif token.type == "inline" and kind is not None:
            yield Message(clean(token.content), located.line, kind)
            kind = None
        elif token.type == "image" and token.children:
            yield Message(_alt(token.children), located.line, "image text")
        elif token.type in ("fence", "colon_fence") and directive_name(token):
            yield from _directive(token, located.line, folder, root)
            if directive_name(token) == "glossary":
                skipped_until = located.line + len(token.content.splitlines())
                body = "".join(
                    token.content.splitlines(keepends=True)[len(_options(token.content)) :]
                )
                yield from _glossary(body, located.line + 1 + len(_options(token.content)), root)
        if token.map or token.type.endswith("_close"):  # a block token, not one of an inline's
            previous = token.type


def _description(text: str) -> Iterator[Message]:
    """The ``description:`` of the page's front matter, which the build puts first in the page
    (:mod:`lnox_site.site.descriptions`)."""
    try:
        given = (front_matter(text) or {}).get(FIELD)
    except FrontMatterError:  # reported by the page's own check
        return
    if given is not None and isinstance(given.value, str) and one_line(given.value):
        yield Message(one_line(given.value), given.line, "description")


def messages(root: Path, page: Path) -> list[Message]:
    """The messages of the page ``page`` of the project at ``root``, without repeats (a catalogue
    holds a message once), each where it first appears."""
    found: dict[str, Message] = {}
    text = sources.read_text(page, root)
    for message in chain(_description(text), page_messages(text, root, folder=page.parent)):
        if message.text:
            found.setdefault(message.text, message)
    return list(found.values())


def domain(root: Path, page: Path) -> str:
    """The catalogue of a page: its path in docs/ without ``.md`` (``gettext_compact = False``)."""
    return page.relative_to(root / DOCS).with_suffix("").as_posix()


# What the problem of a message calls it, by its kind.
THIS = {
    "paragraph": N__("this paragraph"),
    "heading": N__("this heading"),
    "table cell": N__("this table cell"),
    "term": N__("this term"),
    "list item": N__("this list item"),
    "definition": N__("this definition"),
    "caption": N__("this caption"),
    "title": N__("this title"),
    "image text": N__("this image text"),
    "description": N__("this description"),
}


def _this(message: Message) -> str:
    if message.kind == "label":
        return __("the text « {text} »").format(text=message.text)
    return __(THIS[message.kind])


def problem(
    where: str, message: Message, catalogue: str, language: str, entry: Entry | None
) -> Problem:
    """What is wrong with the translation of ``message`` of the page ``where`` into ``language``,
    given its ``entry`` in the ``catalogue`` (None when the catalogue has no such message)."""
    name = __(LANGUAGES.get(language, language))
    this = _this(message)
    if entry is None:
        what = __("{this} has no {language} in {catalogue}").format(
            this=this, language=name, catalogue=catalogue
        )
        fix = __(
            "run nox -s translate, then write its English in the msgstr of its entry (an entry "
            "marked #, fuzzy holds a guess made from the old French: correct it and delete the "
            "word fuzzy from that line)"
        )
    elif entry.fuzzy:
        what = __(
            "the {language} of {this} is out of date: its entry at {place} is marked fuzzy (the "
            "French changed)"
        ).format(language=name, this=this, place=f"{catalogue}:{entry.line}")
        fix = __(
            "correct the msgstr to say what the French says now, then delete the word fuzzy from "
            "its '#, fuzzy' line ('#, fuzzy, python-brace-format' becomes '#, python-brace-format')"
        )
    else:
        what = __("{this} has no {language} yet: its msgstr at {place} is empty").format(
            this=this, language=name, place=f"{catalogue}:{entry.line}"
        )
        fix = __("write its English in that msgstr")
    return Problem(where, message.line, what, fix, message.subject)


def untranslated(root: Path, page: Path, language: str) -> list[tuple[Message, Problem]]:
    """The messages of ``page`` that have no current translation into ``language``, each with the
    problem that says so. A message whose translation is the French as it is (a name) counts as
    translated. A page without a catalogue is one problem, on its first message."""
    where = page.relative_to(root).as_posix()
    name = domain(root, page)
    catalogue = catalogues.path(root, language, name).relative_to(root).as_posix()
    found = messages(root, page)
    known = catalogues.entries(root, language, name)
    if known is None:
        if not found:
            return []
        whole = Problem(
            where, found[0].line,
            __("this page has no {language} catalogue ({catalogue})").format(
                language=__(LANGUAGES.get(language, language)), catalogue=catalogue
            ),
            __("run nox -s translate, then write the English of every entry of the catalogue it "
               "creates"),
        )  # fmt: skip
        return [(message, whole) for message in found]
    return [
        (message, problem(where, message, catalogue, language, known.get(message.text)))
        for message in found
        if not (entry := known.get(message.text)) or not entry.current
    ]
