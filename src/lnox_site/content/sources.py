"""Reading the project's content files: every page, data file, catalogue and the bibliography is
text in UTF-8, and a file that is not (saved as Latin-1 or Windows-1252 by an editor) is reported
as a content problem with the line of its first bad byte, rather than as a decoding traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from lnox_site.content.paths import DOCS, NOT_PAGES
from lnox_site.content.problems import ContentError, Problem
from lnox_site.content.wording import N__, __

NOT_UTF8 = N__("not valid UTF-8")
SAVE_AS_UTF8 = N__("save the file as UTF-8")
# The files read inside each block of noting(), innermost last.
_noted: list[set[Path]] = []


@contextmanager
def noting() -> Iterator[set[Path]]:
    """Every file read (or looked for) inside the block: what a result kept by the checks
    (:mod:`lnox_site.checks.kept`) depends on."""
    read: set[Path] = set()
    _noted.append(read)
    try:
        yield read
    finally:
        _noted.pop()


def note(path: Path) -> None:
    """Tell :func:`noting` that ``path`` is read, or looked for."""
    for read in _noted:
        read.add(path)


def stamp(path: Path) -> float | None:
    """When ``path`` was last changed (None when it is missing): what a cached reading of the file
    depends on."""
    note(path)
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return None


def bad_lines(raw: bytes) -> list[int]:
    """The 1-based lines of ``raw`` that are not valid UTF-8."""
    bad = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
    return bad


def read_text(path: Path, root: Path) -> str:
    """The text of the content file ``path`` of the project at ``root``; ContentError when it is
    not UTF-8 (a byte-order mark, which some editors write, is dropped)."""
    note(path)
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        raise ContentError(Problem(where, line, __(NOT_UTF8), __(SAVE_AS_UTF8))) from None


def each(
    root: Path, paths: Iterable[Path], check: Callable[[Path, str], Iterable[Problem]]
) -> Iterator[Problem]:
    """The problems ``check`` finds in the text of each file; a file that cannot be read is
    reported, and the other files are still checked."""
    for path in paths:
        try:
            text = read_text(path, root)
        except ContentError as error:
            yield error.problem
            continue
        yield from check(path, text)


def pages(root: Path) -> Iterator[Path]:
    """Every page of the site, in a stable order. The build folder is not walked at all: it may
    hold whole copies of the site (the benchmark's)."""
    docs = root / DOCS
    found = []
    for parent, folders, names in os.walk(docs):
        if Path(parent) == docs:
            folders[:] = [name for name in folders if name not in NOT_PAGES]
        found += [Path(parent, name) for name in names if name.endswith(".md")]
    yield from sorted(page for page in found if page.name != "README.md")
