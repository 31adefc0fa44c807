"""Sphinx extensions of the LNOx team website, loaded by ``conf.py`` as one extension.

The package is grouped by concern (ARCHITECTURE.md at the project root tells the whole flow):

* :mod:`lnox_site.content`: the readers of the project's files (pages' front matter, YAML data,
  references.bib, catalogues' languages) and the project's paths. They know nothing of Sphinx.
* :mod:`lnox_site.checks`: every content check, in one list; they use the readers only.
* :mod:`lnox_site.bibliography`, :mod:`lnox_site.news`, :mod:`lnox_site.pages`: what the site
  renders (directives, roles, generated pages), from the readers.
* :mod:`lnox_site.site`: what every page shares: languages, navigation, theme, metadata, search,
  and the gate that runs the checks before a build.
* The commands (``python -m lnox_site.build``, ``.check``, ``.new``, ``.preview``, ``.translation``)
  are the modules at the top of the package.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"
# The shape of what the extension keeps in Sphinx's pickled environment (the records of
# lnox_site.site.collectors and the nodes of the doctrees): change it whenever a pickled record or
# node changes shape, so that an environment kept by an older version (the preview keeps one) is
# rebuilt rather than read.
ENV_VERSION = 1


def parts() -> tuple[ModuleType, ...]:
    """The parts of the extension, each registering its own config values, directives and event
    handlers, in this order (handlers of one event and one priority run in the order they were
    connected). Imported when Sphinx loads the extension, not with the package: the commands that
    need no Sphinx (``python -m lnox_site.check``) start without importing it."""
    from lnox_site.bibliography import (
        citations,
        entry_dependencies,
        jsonld,
        parsed_once,
        publication_pages,
        publications,
    )
    from lnox_site.bibliography import search as publication_search
    from lnox_site.news import collection, feeds, rendering
    from lnox_site.news import directives as news_directives
    from lnox_site.pages import diagrams, images, organisation, people, research, symposium
    from lnox_site.site import (
        cards,
        catalogues,
        content_gate,
        csp,
        descriptions,
        i18n,
        identity,
        metadata,
        navigation,
        page_words,
        quiet,
        raw_html,
        search,
        search_index,
        sitemaps,
        theme,
        untranslated,
    )

    return (
        quiet,
        catalogues,
        i18n,
        identity,
        descriptions,
        sitemaps,
        content_gate,
        page_words,
        raw_html,
        citations,
        parsed_once,
        entry_dependencies,
        publications,
        jsonld,
        publication_search,
        publication_pages,
        research,
        diagrams,
        images,
        untranslated,
        collection,
        news_directives,
        rendering,
        feeds,
        symposium,
        people,
        organisation,
        navigation,
        theme,
        cards,
        metadata,
        search,
        search_index,
        csp,
    )


def setup(app: Sphinx) -> dict[str, Any]:
    for part in parts():
        part.setup(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
