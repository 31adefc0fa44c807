"""What a page says of itself, as text: its ``description:``, or the whole sentences that open it.

The description that search engines and link previews show, and a post's summary in listings and
feeds, are whole sentences: the page's own ``description:`` (front matter, its English in the
page's catalogue), or else the first sentences of its first paragraph that fit in
:data:`DESCRIPTION_LENGTH` characters. They are never cut inside a sentence: a page whose first
sentence is longer is reported by :mod:`lnox_site.checks.descriptions`, which reads pages here.

The page is read with MyST's parser (:mod:`lnox_site.content.markdown`), as the reader sees it: a
link to a page without text of its own shows that page's title, a citation is left out.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markdown_it.token import Token

from lnox_site.content import markdown

FIELD = "description"
# Search engines show about 160 characters and cut the rest; link previews show a little more.
# 200 keeps the whole of most opening sentences of the site while staying near what is shown.
DESCRIPTION_LENGTH = 200
# The end of a sentence: its mark, closing quotes or brackets, a space, and a capital, a digit or an
# opening quote. An initial (« O. Hérault »), "et al." or « p. ex. » does not end one.
SENTENCE_END = re.compile(
    r"(?<=[.!?…])(?<!\b[A-ZÀ-ÖØ-Þ]\.)(?<!\bal\.)([»”\")]*) (?=[«“\"(]?[A-ZÀ-ÖØ-Þ0-9])"
)
# What a whole sentence ends with (an ellipsis says that something was left out: not a whole one).
WHOLE = re.compile(r"(?<!…)(?<!\.\.)[.!?][»”\")]*$")
# Line breaks and runs of spaces; non-breaking spaces (French typography) are kept.
SPACES = re.compile(r"[ \t\r\n]+")
# Roles that show a citation: left out of a description, read away from the reference list.
CITING_ROLES = ("footcite", "cite", "pub")


def one_line(text: str) -> str:
    """``text`` on one line, with single spaces (non-breaking ones kept)."""
    return SPACES.sub(" ", text).strip()


def sentences(text: str) -> list[str]:
    """``text`` on one line, split into its sentences."""
    text = one_line(text)
    ends = [end.start() + len(end[1]) for end in SENTENCE_END.finditer(text)]
    starts = [0, *(end + 1 for end in ends)]
    return [text[start:end] for start, end in zip(starts, [*ends, len(text)], strict=True)]


def whole_sentences(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """The first sentences of ``text`` that fit in ``length`` characters, and at least the first
    one, whole, whatever its length: a description is never cut inside a sentence."""
    parts = sentences(text)
    kept = parts[0] if parts else ""
    for part in parts[1:]:
        if len(kept) + 1 + len(part) > length:
            break
        kept += " " + part
    return kept


def is_whole(text: str) -> bool:
    """Whether ``text`` ends as a sentence does (not on a colon, a comma or an ellipsis)."""
    return bool(WHOLE.search(text.strip()))


@dataclass(frozen=True)
class Paragraph:
    """A page's first paragraph: its Markdown as the catalogue holds it, and its line."""

    inline: Token
    line: int

    @property
    def message(self) -> str:
        """The paragraph as a message of the page's catalogue (Sphinx joins its lines)."""
        return self.inline.content.replace("\n", " ").strip()


def first_paragraph(text: str, root: Path) -> Paragraph | None:
    """The first paragraph of running text (not in a list, a table, a quote or a directive), or
    else the first paragraph of the page, as Sphinx's doctree has it."""
    found: list[tuple[bool, Paragraph]] = []
    tokens = list(markdown.walk(text, root))
    for index, located in enumerate(tokens[:-1]):
        if located.token.type == "paragraph_open" and tokens[index + 1].token.type == "inline":
            running = located.token.level == 0 and located.directive is None
            found.append((running, Paragraph(tokens[index + 1].token, located.line)))
    return next((p for running, p in found if running), None) or next((p for _, p in found), None)


def title(text: str, root: Path) -> Token | None:
    """The inline token of a page's first heading."""
    tokens = markdown.tokens(text, root)
    for index, token in enumerate(tokens[:-1]):
        if token.type == "heading_open":
            return tokens[index + 1]
    return None


def plain_text(inline: Token, docname: str, title_of: Callable[[str], str]) -> str:
    """What a reader of ``docname`` sees of an inline token, on one line, without citations;
    ``title_of(docname)`` is the title of a page that a ``{doc}`` role names."""
    parts = []
    for child in inline.children or ():
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.type == "myst_role":
            parts.append(_role_text(child, docname, title_of))
    text = one_line("".join(parts))
    return re.sub(r" (?=[,.])", "", text)  # the space that stood before a removed citation


def _role_text(role: Token, docname: str, title_of: Callable[[str], str]) -> str:
    name, content = role.meta.get("name", ""), role.content
    if markdown.role(role)[0] in CITING_ROLES:
        return ""
    # {term}`shown text <target>`: the reader sees the text before the target.
    if explicit := markdown.explicit_target(content):
        return explicit[0]
    if name == "doc":
        target = content.strip()
        if not target.startswith("/"):
            target = posixpath.join(posixpath.dirname(docname), target)
        return title_of(posixpath.normpath(target).lstrip("/"))
    return content
