"""The build of a language warns about each word the site's code writes on the pages that has no
translation into it (:func:`lnox_site.content.wording.missing_page_words`), so that the published
build (``-W``) fails rather than show it in English; the preview still shows the pages.
``nox -s check`` reports the same words for every language (:mod:`lnox_site.checks.wording`).

The words are part of the configuration (``lnox_page_words``, the digest of the language's
catalogue): a translator's fix changes it, and Sphinx then reads and writes every page again, as
after any change of ``conf.py``, so that no page keeps the old word."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from lnox_site.content.wording import PAGES, digest, missing_page_words

logger = logging.getLogger(__name__)


def _warn_missing_words(app: Sphinx) -> None:
    for problem in missing_page_words(app.config.language):
        logger.warning(problem.message, location=problem.place, type="lnox", subtype="wording")


def _note_words(app: Sphinx, config: Config) -> None:
    config.lnox_page_words = digest(config.language, PAGES)


def setup(app: Sphinx) -> None:
    app.add_config_value("lnox_page_words", "", "env", types=frozenset({str}))
    app.connect("config-inited", _note_words)
    app.connect("builder-inited", _warn_missing_words)
