"""Every SVG that a page shows as a diagram exists and has what the site needs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lnox_site.content import sources
from lnox_site.content.diagrams import parse
from lnox_site.content.problems import ContentError, Problem

# A diagram directive in a page: ```{diagram} path/to/file.svg
DIRECTIVE = re.compile(r"^[ \t]*[`:]{3,}\{diagram\}[ \t]+(\S+)", re.MULTILINE)


def check_diagrams(root: Path) -> Iterator[Problem]:
    """Every SVG that a page shows as a diagram exists and has what the site needs."""
    yield from sources.each(root, sources.pages(root), lambda page, text: _page(root, page, text))


def _page(root: Path, page: Path, text: str) -> Iterator[Problem]:
    """The diagrams of one page."""
    for match in DIRECTIVE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        where = page.relative_to(root).as_posix()
        svg = page.parent / match.group(1)
        try:
            parse(sources.read_text(svg, root))
        except ContentError as error:
            yield error.problem
        except FileNotFoundError:
            yield Problem(
                where, line, "the diagram file does not exist",
                "check its path, which is relative to the page", match.group(1),
            )  # fmt: skip
        except ValueError as error:
            yield Problem(where, line, str(error), f"edit {svg.name}", match.group(1))
