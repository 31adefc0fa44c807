"""Where the content of a project is: one place for every file and folder the site reads.

The project root is the folder that holds ``docs/`` and ``references.bib``. Paths are POSIX
strings relative to it, as problems name them (``docs/_data/people.yaml:12: …``).
"""

from __future__ import annotations

from pathlib import Path

DOCS = "docs"
DATA = f"{DOCS}/_data"
BIBFILE = "references.bib"
PEOPLE = f"{DATA}/people.yaml"
TEAM = f"{DATA}/team.yaml"
THEMES = f"{DATA}/themes.yaml"
TAGS = f"{DATA}/tags.yaml"
SITE = f"{DATA}/site.yaml"
NEWS = f"{DOCS}/actualites"
SYMPOSIUM = f"{DOCS}/symposium"
LOCALES = f"{DOCS}/locales"
# Folders of docs/ that hold no page (conf.py's exclude_patterns).
NOT_PAGES = {"_build", "locales"}


def root_of(srcdir: str | Path) -> Path:
    """The project root of a Sphinx source folder (``docs/``)."""
    return Path(srcdir).parent
