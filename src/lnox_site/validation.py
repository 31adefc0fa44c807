"""One place for every content check: problems are reported all at once, with their place and fix.

Each content module registers a validator with :func:`validator`; a validator receives the project
root (the folder holding ``docs/`` and ``references.bib``) and yields :class:`Problem` objects.
The same validators run before every Sphinx build (a problem stops it before any page is written)
and on their own, fast, with ``python -m lnox_site.check``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)


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


Validator = Callable[[Path], Iterable[Problem]]
VALIDATORS: list[Validator] = []


def validator(func: Validator) -> Validator:
    """Register ``func`` to run on every build and every ``check``."""
    VALIDATORS.append(func)
    return func


def run(root: Path) -> list[Problem]:
    """Every problem of the project, sorted by file and line."""
    return sorted(problem for check in VALIDATORS for problem in check(root))


def project_root(app: Sphinx) -> Path:
    return Path(app.srcdir).parent


def _check_before_reading(app: Sphinx) -> None:
    problems = run(project_root(app))
    if problems:
        for problem in problems:
            logger.error(str(problem))
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        # Stop before any page is read or written. A Sphinx error would print Sphinx's crash report
        # ("report this error to the developers"), which is not what a content mistake is.
        raise SystemExit(f"\n{count} to fix (listed above): the site was not built.")


def setup(app: Sphinx) -> None:
    # Before sphinxcontrib-bibtex parses references.bib (default priority 500), so that a broken
    # file ends in the list of its problems rather than in a parser's traceback.
    app.connect("builder-inited", _check_before_reading, priority=100)
