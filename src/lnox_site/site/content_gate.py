"""Run the content checks (:mod:`lnox_site.checks`) before Sphinx reads any page.

The checks whose problems the build reports itself, on the blocks concerned
(``checks.REPORTED_BY_THE_BUILD``: a page's English left to write), do not stop it here.

A build whose content and code are exactly those of the last build that passed the checks does not
run them again: they take most of a rebuild where nothing changed.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from lnox_site import checks
from lnox_site.content.paths import root_of
from lnox_site.content.wording import n__

STAMP = "lnox-checked"


def check_before_reading(app: Sphinx) -> None:
    """Stop the build with the list of problems, if the checks find any."""
    root = root_of(app.srcdir)
    checked = Path(app.doctreedir) / STAMP
    current = checks.fingerprint(root)
    if checked.exists() and checked.read_text(encoding="utf-8") == current:
        return
    problems = checks.run(root, skip=checks.REPORTED_BY_THE_BUILD)
    if problems:
        listing = "\n".join(str(problem) for problem in problems)
        count = len(problems)
        summary = n__(
            "{count} problem to fix: the site was not built.",
            "{count} problems to fix: the site was not built.",
            count,
        ).format(count=count)
        # Stop before any page is read or written, with exit status 1. A Sphinx error would print
        # Sphinx's crash report ("report this error to the developers"): a content mistake is not one.
        raise SystemExit(f"{listing}\n\n{summary}")
    Path(app.doctreedir).mkdir(parents=True, exist_ok=True)
    checked.write_text(current, encoding="utf-8")


def setup(app: Sphinx) -> None:
    # Before sphinxcontrib-bibtex parses references.bib (default priority 500), so that a broken
    # file ends in the list of its problems rather than in a parser's traceback.
    app.connect("builder-inited", check_before_reading, priority=100)
