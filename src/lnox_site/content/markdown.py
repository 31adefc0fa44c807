"""A page read the way MyST reads it: the tokens of MyST's own markdown-it setup, configured with
the extensions that ``docs/conf.py`` enables, each with its line in the file.

The checks and readers walk these tokens instead of guessing MyST's grammar: a directive is a
``fence`` or ``colon_fence`` whose info is ``{name} argument``, a role is a ``myst_role`` token
(its ``meta["name"]`` and its content), a line that MyST hides as a ``%`` comment is a
``myst_line_comment`` token, the front matter a ``front_matter`` token. A text is parsed once,
however many checks read it. The bodies of directives whose content is
Markdown (admonitions, a diagram's caption, the glossary's definitions) are read too, with their
own lines; a code block's body is text shown as written, and is not.

MyST's parser needs no Sphinx: :mod:`myst_parser.parsers.mdit` loads markdown-it, its plugins and a
few docutils classes for its configuration, so ``nox -s check`` stays fast.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml
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
    "glossary", "hint", "important", "list-table", "note", "seealso", "sidebar", "table", "tip",
    "topic", "warning",
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
def _parser(extensions: tuple[str, ...], every_link: bool = False) -> MarkdownIt:
    config = MdParserConfig(enable_extensions=set(extensions))
    md = create_md_parser(config, RendererHTML)
    if every_link:
        # markdown-it leaves a link to javascript:, vbscript:, file: or data: as plain text.
        md.validateLink = lambda url: True
    return md


@cache
def _configured(conf_path: Path, stamp: float | None) -> tuple[str, ...]:
    if stamp is None:
        return ()
    return _extensions(conf_path.read_text(encoding="utf-8"))


def _settings(root: Path) -> tuple[str, ...]:
    conf = root / CONF
    return _configured(conf, sources.stamp(conf))


def parser(root: Path, every_link: bool = False) -> MarkdownIt:
    """MyST's markdown-it parser, with the extensions conf.py enables for the project at ``root``;
    with ``every_link``, it also reads as links those that MyST refuses and shows as written."""
    return _parser(_settings(root), every_link)


# The checks read every page, each on its own: a text is parsed once for all of them (and parsed
# again only when it changes). Nobody changes a token, so they can be shared.
@lru_cache(maxsize=4096)
def _parsed(text: str, extensions: tuple[str, ...], every_link: bool) -> tuple[Token, ...]:
    return tuple(_parser(extensions, every_link).parse(text))


def tokens(text: str, root: Path, every_link: bool = False) -> tuple[Token, ...]:
    """The top-level tokens of a text, as :func:`parser` reads it."""
    return _parsed(text, _settings(root), every_link)


def directive_name(token: Token) -> str | None:
    """``note`` for a fence opened as ```` ```{note} ```` or ``:::{note}``; None for a code
    block."""
    info = token.info.strip()
    if token.type not in ("fence", "colon_fence") or not info.startswith("{") or "}" not in info:
        return None
    return info[1 : info.index("}")]


def argument(token: Token) -> str:
    """``schemas/niche.svg`` for a directive opened as ```` ```{diagram} schemas/niche.svg ````."""
    info = token.info.strip()
    return info[info.index("}") + 1 :].strip()


def role(token: Token) -> tuple[str, str]:
    """The name and the variant of a role: ``("footcite", "p")`` for ``{footcite:p}`key```,
    ``("term", "")`` for ``{term}`LAM```."""
    name, _, variant = token.meta.get("name", "").partition(":")
    return name, variant


def explicit_target(content: str) -> tuple[str, str] | None:
    """The text shown and the target of a role's content written ``AML <LAM>``; None when the
    content is the target alone."""
    if not content.endswith(">"):
        return None
    shown, opening, target = content[:-1].rpartition("<")
    if not opening or not target or ">" in target:
        return None
    return shown.rstrip(), target


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
        # ``:::{note}`` opens a directive, not an option
        while (
            skipped < len(lines) and lines[skipped].startswith(":") and lines[skipped][1:2] != ":"
        ):
            skipped += 1
    return "".join(lines[skipped:]), skipped


def options(token: Token) -> dict[str, str]:
    """A directive's options, written ``:key: value`` or as a YAML block between ``---`` lines:
    ``{"alt": "…", "class": "decorative"}``."""
    lines = token.content.splitlines()[: _body(token.content)[1]]
    if lines and lines[0].strip() == "---":
        try:
            block = yaml.safe_load("\n".join(lines[1:-1]))
        except yaml.YAMLError:  # MyST reports it when it reads the page
            return {}
        return {str(k): str(v) for k, v in block.items()} if isinstance(block, dict) else {}
    found = {}
    for line in lines:
        key, _, value = line[1:].partition(":")
        found[key.strip()] = value.strip()
    return found


def _children(inline: Located) -> Iterator[Located]:
    line = inline.line
    for child in inline.token.children or ():
        yield Located(child, line, inline.directive)
        if child.type in ("softbreak", "hardbreak"):
            line += 1


def walk(
    text: str,
    root: Path,
    first_line: int = 1,
    directive: str | None = None,
    every_link: bool = False,
) -> Iterator[Located]:
    """Every token of a page's text in document order, an inline token followed by its children,
    with the tokens of the Markdown bodies of directives in place of those bodies (``every_link``:
    see :func:`parser`)."""
    line = first_line
    for token in tokens(text, root, every_link):
        # A closing token has no lines of its own: it stands where the last opening one did.
        line = first_line + token.map[0] if token.map else line
        located = Located(token, line, directive)
        yield located
        if token.type == "inline":
            yield from _children(located)
        name = directive_name(token)
        if name in PROSE_DIRECTIVES:
            body, options = _body(token.content)
            yield from walk(body, root, line + 1 + options, name, every_link)
