"""Every SVG that a page shows as a diagram exists, has what the site needs, and holds nothing but
a drawing (:mod:`lnox_site.content.drawing`): what it may not hold is reported on its line in the
SVG file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from lnox_site.checks import kept
from lnox_site.content import markdown, sources
from lnox_site.content.diagrams import required
from lnox_site.content.drawing import Refusal, Refused, read, refusals
from lnox_site.content.problems import ContentError, Problem
from lnox_site.content.wording import __


def check_diagrams(root: Path) -> Iterator[Problem]:
    """Every SVG that a page shows as a diagram exists and has what the site needs."""
    yield from kept.current(root).each(
        "diagrams", sources.pages(root), lambda page, text: _page(root, page, text)
    )


def _page(root: Path, page: Path, text: str) -> Iterator[Problem]:
    """The diagrams of one page."""
    for located in markdown.walk(text, root):
        if markdown.directive_name(located.token) != "diagram":
            continue
        argument = markdown.argument(located.token)
        where = page.relative_to(root).as_posix()
        yield from _diagram(root, page.parent / argument, where, located.line, argument)


def _diagram(root: Path, svg: Path, where: str, line: int, argument: str) -> Iterator[Problem]:
    """One diagram: the page's directive at ``where:line`` shows the file ``svg``."""
    try:
        drawing = read(sources.read_text(svg, root))
    except ContentError as error:
        yield error.problem
        return
    except FileNotFoundError:
        yield Problem(
            where, line, __("the diagram file does not exist"),
            __("check its path, which is relative to the page"), argument,
        )  # fmt: skip
        return
    except Refused as refused:
        yield _refused(svg, root, refused.refusal)
        return
    except ValueError as error:
        yield Problem(where, line, str(error), __("edit {file}").format(file=svg.name), argument)
        return
    for refusal in refusals(drawing):
        yield _refused(svg, root, refusal)
    try:
        required(drawing)
    except ValueError as error:
        yield Problem(where, line, str(error), __("edit {file}").format(file=svg.name), argument)


def _refused(svg: Path, root: Path, refusal: Refusal) -> Problem:
    """What the SVG file may not hold, on its line in that file (relative to the project when the
    page's path leads inside it)."""
    svg, root = Path(os.path.normpath(svg)), Path(os.path.normpath(root))
    where = svg.relative_to(root).as_posix() if svg.is_relative_to(root) else str(svg)
    return Problem(where, refusal.line, refusal.what, refusal.fix)
