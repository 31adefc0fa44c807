"""Every content check of the site, in one list: problems are reported all at once, each with its
file, line and fix.

A check receives the project root (the folder holding ``docs/`` and ``references.bib``) and yields
:class:`~lnox_site.content.problems.Problem` objects. The same checks run before every Sphinx build
(:mod:`lnox_site.site.content_gate`: a problem stops it before any page is written) and on their
own, fast, with ``python -m lnox_site.check``.

A new check is a function added to :data:`CHECKS`; nothing is registered by importing a module.

May import: :mod:`lnox_site.content`, the standard library, PyYAML, pybtex and Babel. Never
Sphinx or docutils, nor the rendering packages.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from lnox_site.checks import (
    bibliography,
    comments,
    descriptions,
    diagrams,
    images,
    kept,
    news,
    page_safety,
    records,
    themes,
    translations,
    untranslated,
    wording,
)
from lnox_site.content.problems import ContentError, Problem

Check = Callable[[Path], Iterable[Problem]]

CHECKS: tuple[Check, ...] = (
    bibliography.check_bibliography,
    bibliography.check_citations,
    comments.check_comment_lines,
    descriptions.check_descriptions,
    diagrams.check_diagrams,
    images.check_images,
    themes.check_themes,
    translations.check_translations,
    page_safety.check_page_safety,
    untranslated.check_untranslated,
    wording.check_page_words,
    wording.check_language_files,
    news.check_news,
    records.check_people,
    records.check_editions,
    records.check_team,
)
# Reported by the build of each language itself, as warnings (a block left in French, a word of the
# code without its translation): the gate does not stop the build for them, so that the preview
# still shows the page while it is translated.
REPORTED_BY_THE_BUILD: tuple[Check, ...] = (
    untranslated.check_untranslated,
    wording.check_page_words,
)
# The site's own code: a change to it runs the checks again (see fingerprint).
CODE = Path(__file__).parents[1]


def _problems(check: Check, root: Path) -> Iterator[Problem]:
    try:
        yield from check(root)
    except ContentError as error:
        yield error.problem


def run(root: Path, skip: Iterable[Check] = (), results: kept.Kept | None = None) -> list[Problem]:
    """Every problem of the project (but those of the checks in ``skip``), sorted by file and
    line; a problem met by several checks (an unreadable file) is listed once. What is checked
    file by file is checked again only where a file changed: the results are kept in
    ``results``, by default the project's store (:mod:`lnox_site.checks.kept`)."""
    checks = [check for check in CHECKS if check not in set(skip)]
    results = results or kept.Kept(root)
    with kept.keeping(results):
        found = sorted({problem for check in checks for problem in _problems(check, root)})
    results.save()
    return found


def fingerprint(root: Path) -> str:
    """What the checks depend on: every file of docs/ (outputs aside), the files at the project
    root and the site's code, by name, size and modification time."""
    files = [path for path in root.iterdir() if path.is_file()]
    for folder in (root / "docs", CODE):
        for parent, subfolders, names in os.walk(folder):
            subfolders[:] = [name for name in subfolders if name not in ("_build", "__pycache__")]
            files += [Path(parent, name) for name in names]
    digest = hashlib.sha256()
    for path in sorted(files):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
