"""Lines that MyST would hide: a line starting with ``%`` is a comment.

Between blocks a comment is a note to the next contributor. Inside a paragraph or a list item it
is almost always a wrapped sentence whose next line happens to start with a percent sign
(« à 95\\n% de … »): MyST drops that line from the page and the sentence loses its end, with no
warning from Sphinx. Such a line is a content problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lnox_site.checks import kept
from lnox_site.content import sources
from lnox_site.content.markdown import walk
from lnox_site.content.problems import Problem
from lnox_site.content.wording import N__, __

WHAT = N__("this line starts with % and would disappear from the page (MyST comment)")
FIX = N__(r"put the % on the previous line, or write \%")


def hidden_lines(text: str, root: Path) -> Iterator[int]:
    """The lines of a page that continue a paragraph or a list item but start with ``%``: MyST
    ends the paragraph on the line above and reads them as a comment (a heading, a table, a
    comment or a directive's options may be followed by one)."""
    paragraph_ends: set[int] = set()
    for located in walk(text, root):
        token = located.token
        if token.type == "paragraph_open" and token.map:
            paragraph_ends.add(located.line + token.map[1] - token.map[0] - 1)
        elif token.type == "myst_line_comment" and located.line - 1 in paragraph_ends:
            yield located.line


def check_comment_lines(root: Path) -> Iterator[Problem]:
    def check(page: Path, text: str) -> Iterator[Problem]:
        where = page.relative_to(root).as_posix()
        for line in hidden_lines(text, root):
            yield Problem(where, line, __(WHAT), __(FIX))

    yield from kept.current(root).each("comments", sources.pages(root), check)
