"""The files each language of the site needs: adding a language is adding them, with its entry
in ``LANGUAGES`` and ``LOCALES`` (:mod:`lnox_site.content.languages`).

* its catalogue of each page, ``docs/locales/<language>/LC_MESSAGES/<page>.po`` (not for French,
  the pages' language; :mod:`lnox_site.checks.untranslated` reports a missing one);
* the catalogue of the texts of ``conf.py``, ``conf.po`` (not for French either);
* the catalogue of the templates' words, ``sphinx.po`` (not for English, the templates');
* the catalogue of the words the site's code writes on the pages, ``lnox_site.po`` under
  ``src/lnox_site/locales/`` (not for English, the code's; :mod:`lnox_site.checks.wording`).
"""

from __future__ import annotations

from pathlib import Path

from lnox_site.content import catalogues, sources, wording
from lnox_site.content.languages import SOURCE_LANGUAGE
from lnox_site.content.messages import domain


def page_catalogues(root: Path, language: str) -> list[Path]:
    if language == SOURCE_LANGUAGE:
        return []
    return [catalogues.path(root, language, domain(root, page)) for page in sources.pages(root)]


def interface_catalogues(root: Path, language: str) -> list[Path]:
    """The catalogues of the words around the pages' own: ``conf.py``'s and the templates'."""
    found = []
    if language != SOURCE_LANGUAGE:
        found.append(catalogues.path(root, language, catalogues.CONF))
    if language != wording.WRITTEN_IN:
        found.append(catalogues.path(root, language, catalogues.TEMPLATES))
    return found


def needed(root: Path, language: str) -> list[Path]:
    """Every file that ``language`` needs, as the build and the checks look for them."""
    code = (
        [] if language == wording.WRITTEN_IN else [wording.catalogue_path(language, wording.PAGES)]
    )
    return page_catalogues(root, language) + interface_catalogues(root, language) + code
