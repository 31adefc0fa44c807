"""Sphinx extensions of the LNOx team website.

``conf.py`` loads this package as one extension; each concept of the site (languages, news, people,
publications, …) lives in its own module and registers itself here.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import (
    bibliography_lint,
    catalogues,
    citations,
    comments,
    descriptions,
    diagrams,
    entry_dependencies,
    feeds,
    i18n,
    metadata,
    navigation,
    news,
    organisation,
    people,
    publication_jsonld,
    publication_search,
    publications,
    quiet,
    research,
    search,
    search_index,
    symposium,
    team,
    theme,
    translation_check,
    validation,
)

__version__ = "0.1.0"

# Modules that register their own config values, directives and event handlers.
MODULES = (
    quiet,
    catalogues,
    i18n,
    descriptions,
    validation,
    bibliography_lint,
    comments,
    translation_check,
    team,
    citations,
    entry_dependencies,
    publications,
    publication_jsonld,
    publication_search,
    research,
    diagrams,
    news,
    feeds,
    symposium,
    people,
    organisation,
    navigation,
    theme,
    metadata,
    search,
    search_index,
)


def setup(app: Sphinx) -> dict[str, Any]:
    for module in MODULES:
        module.setup(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
