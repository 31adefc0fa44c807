"""Lines that MyST would hide: a line starting with ``%`` is a comment.

Between blocks a comment is a note to the next contributor. Inside a paragraph or a list item it
is almost always a wrapped sentence whose next line happens to start with a percent sign
(« à 95\\n% de … »): MyST drops that line from the page and the sentence loses its end, with no
warning from Sphinx. Such a line is a content problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lnox_site.checks import kept
from lnox_site.content import myst, sources
from lnox_site.content.problems import Problem
from lnox_site.content.wording import N__, __

# A line after which a ``%`` line is a comment between blocks, not the rest of a sentence: a
# heading, a table row, a comment, a thematic break, an HTML block, a directive's option.
BLOCK_END = re.compile(r"\s*(#{1,6}\s|\||%|<|[-*_](\s*[-*_]){2,}\s*$|:[\w-]+:)")
WHAT = N__("this line starts with % and would disappear from the page (MyST comment)")
FIX = N__(r"put the % on the previous line, or write \%")


def hidden_lines(text: str) -> Iterator[int]:
    """The lines of a page that continue a paragraph or a list item but start with ``%``."""
    previous: myst.Line | None = None
    for line in myst.lines(text):
        if (
            line.kind == myst.PROSE
            and line.text.lstrip().startswith("%")
            and previous is not None
            and previous.kind == myst.PROSE
            and previous.text.strip()
            and not BLOCK_END.match(previous.text)
        ):
            yield line.number
        previous = line


def check_comment_lines(root: Path) -> Iterator[Problem]:
    def check(page: Path, text: str) -> Iterator[Problem]:
        where = page.relative_to(root).as_posix()
        for line in hidden_lines(text):
            yield Problem(where, line, __(WHAT), __(FIX))

    yield from kept.current(root).each("comments", sources.pages(root), check)
