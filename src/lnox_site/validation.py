"""One place for every content check: problems are reported all at once, with their place and fix.

Each content module registers a validator with :func:`validator`; a validator receives the project
root (the folder holding ``docs/`` and ``references.bib``) and yields :class:`Problem` objects.
The same validators run before every Sphinx build (a problem stops it before any page is written)
and on their own, fast, with ``python -m lnox_site.check``. A build whose content and code are
exactly those of the last build that passed the checks does not run them again: they take most of
a rebuild where nothing changed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake in the content: where it is, what is wrong and how to fix it."""

    path: str  # relative to the project root, e.g. "references.bib"
    line: int  # 1-based; 0 when the problem concerns the whole file
    what: str
    fix: str
    subject: str = ""  # what the line is about, e.g. a BibTeX key

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else self.path
        subject = f"{self.subject}: " if self.subject else ""
        return f"{place}: {subject}{self.what} — {self.fix}"


class ContentError(Exception):
    """A mistake that stops a check from reading further (a file that is not UTF-8): the check
    that meets it reports ``problem`` and the other checks still run."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


Validator = Callable[[Path], Iterable[Problem]]
VALIDATORS: list[Validator] = []


def validator(func: Validator) -> Validator:
    """Register ``func`` to run on every build and every ``check``."""
    VALIDATORS.append(func)
    return func


def _problems(check: Validator, root: Path) -> Iterator[Problem]:
    try:
        yield from check(root)
    except ContentError as error:
        yield error.problem


def run(root: Path) -> list[Problem]:
    """Every problem of the project, sorted by file and line; a problem met by several checks
    (an unreadable file) is listed once."""
    return sorted({problem for check in VALIDATORS for problem in _problems(check, root)})


def project_root(app: Sphinx) -> Path:
    return Path(app.srcdir).parent


def fingerprint(root: Path) -> str:
    """What the checks depend on: every file of docs/ (outputs aside), the files at the project
    root and the site's code, by name, size and modification time."""
    files = [path for path in root.iterdir() if path.is_file()]
    for folder in (root / "docs", Path(__file__).parent):
        for parent, subfolders, names in os.walk(folder):
            subfolders[:] = [name for name in subfolders if name not in ("_build", "__pycache__")]
            files += [Path(parent, name) for name in names]
    digest = hashlib.sha256()
    for path in sorted(files):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _check_before_reading(app: Sphinx) -> None:
    root = project_root(app)
    checked = Path(app.doctreedir) / "lnox-checked"
    current = fingerprint(root)
    if checked.exists() and checked.read_text(encoding="utf-8") == current:
        return
    problems = run(root)
    if problems:
        listing = "\n".join(str(problem) for problem in problems)
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        # Stop before any page is read or written, with exit status 1. A Sphinx error would print
        # Sphinx's crash report ("report this error to the developers"): a content mistake is not one.
        raise SystemExit(f"{listing}\n\n{count} to fix: the site was not built.")
    Path(app.doctreedir).mkdir(parents=True, exist_ok=True)
    checked.write_text(current, encoding="utf-8")


def setup(app: Sphinx) -> None:
    # Before sphinxcontrib-bibtex parses references.bib (default priority 500), so that a broken
    # file ends in the list of its problems rather than in a parser's traceback.
    app.connect("builder-inited", _check_before_reading, priority=100)
