"""The build of a language warns about each word the site's code writes on the pages that has no
translation into it (:func:`lnox_site.content.wording.missing_page_words`), so that the published
build (``-W``) fails rather than show it in English; the preview still shows the pages.
``nox -s check`` reports the same words for every language (:mod:`lnox_site.checks.wording`)."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util import logging

from lnox_site.content.wording import missing_page_words

logger = logging.getLogger(__name__)


def _warn_missing_words(app: Sphinx) -> None:
    for problem in missing_page_words(app.config.language):
        place = f"{problem.path}:{problem.line}" if problem.line else problem.path
        logger.warning(
            "%s — %s", problem.what, problem.fix,
            location=place, type="lnox", subtype="wording",
        )  # fmt: skip


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _warn_missing_words)
