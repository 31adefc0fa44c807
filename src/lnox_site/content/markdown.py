"""A page read the way MyST reads it: the tokens of MyST's own markdown-it setup, configured with
the extensions that ``docs/conf.py`` enables, each with its line in the file.

The checks that look at what a page shows (raw HTML, images, links, the text to translate) walk
these tokens instead of guessing MyST's grammar. The bodies of directives whose content is
Markdown (admonitions, a diagram's caption, the glossary's definitions) are read too, with their
own lines; a code block's body is text shown as written, and is not.

MyST's parser needs no Sphinx: :mod:`myst_parser.parsers.mdit` loads markdown-it, its plugins and a
few docutils classes for its configuration, so ``nox -s check`` stays fast.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from lnox_site.content import sources
from lnox_site.content.paths import DOCS

CONF = f"{DOCS}/conf.py"
# Directives whose body MyST parses as Markdown, like the page around them. Other directives read
# their body themselves (options, a list of files, a bibliography, code).
PROSE_DIRECTIVES = {
    "admonition", "attention", "caution", "danger", "diagram", "epigraph", "error", "figure",
    "glossary", "hint", "important", "note", "seealso", "sidebar", "tip", "topic", "warning",
}  # fmt: skip


@dataclass(frozen=True)
class Located:
    """A token of a page and where it is."""

    token: Token
    line: int  # 1-based, in the file
    directive: str | None = None  # the innermost directive whose body holds the token


def _extensions(conf: str) -> tuple[str, ...]:
    """``myst_enable_extensions`` of a conf.py, read without running it."""
    for node in ast.parse(conf).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id == "myst_enable_extensions" for t in targets):
            return tuple(sorted(ast.literal_eval(node.value)))
    return ()


@cache
def _parser(extensions: tuple[str, ...]) -> MarkdownIt:
    config = MdParserConfig(enable_extensions=set(extensions))
    return create_md_parser(config, RendererHTML)


@cache
def _configured(conf_path: Path, stamp: float | None) -> tuple[str, ...]:
    if stamp is None:
        return ()
    return _extensions(conf_path.read_text(encoding="utf-8"))


def parser(root: Path) -> MarkdownIt:
    """MyST's markdown-it parser, with the extensions conf.py enables for the project at ``root``."""
    conf = root / CONF
    return _parser(_configured(conf, sources.stamp(conf)))


def directive_name(token: Token) -> str | None:
    """``note`` for a fence opened as ```` ```{note} ```` or ``:::{note}``; None for a code block."""
    info = token.info.strip()
    if token.type not in ("fence", "colon_fence") or not info.startswith("{") or "}" not in info:
        return None
    return info[1 : info.index("}")]


def _body(content: str) -> tuple[str, int]:
    """A directive's Markdown body without its options, and how many lines the options take:
    ``:key: value`` lines, or a YAML block between ``---`` lines."""
    lines = content.splitlines(keepends=True)
    skipped = 0
    if lines and lines[0].strip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if closing is not None:
            skipped = closing + 1
    else:
        while skipped < len(lines) and lines[skipped].startswith(":"):
            skipped += 1
    return "".join(lines[skipped:]), skipped


def _children(inline: Located) -> Iterator[Located]:
    line = inline.line
    for child in inline.token.children or ():
        yield Located(child, line, inline.directive)
        if child.type in ("softbreak", "hardbreak"):
            line += 1


def walk(
    text: str, root: Path, first_line: int = 1, directive: str | None = None
) -> Iterator[Located]:
    """Every token of a page's text in document order, an inline token followed by its children,
    with the tokens of the Markdown bodies of directives in place of those bodies."""
    line = first_line
    for token in parser(root).parse(text):
        # A closing token has no lines of its own: it stands where the last opening one did.
        line = first_line + token.map[0] if token.map else line
        located = Located(token, line, directive)
        yield located
        if token.type == "inline":
            yield from _children(located)
        name = directive_name(token)
        if name in PROSE_DIRECTIVES:
            body, options = _body(token.content)
            yield from walk(body, root, line + 1 + options, name)
