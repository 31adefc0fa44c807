"""Every word the site's code writes on the pages is translated into each language of the site:
a word without its translation (``src/lnox_site/locales/<language>/LC_MESSAGES/lnox_site.po``)
would be shown in English on a page in another language. The build of that language reports the
same words (:mod:`lnox_site.site.page_words`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lnox_site.content.languages import LANGUAGES
from lnox_site.content.problems import Problem
from lnox_site.content.wording import missing_page_words


def check_page_words(root: Path) -> Iterator[Problem]:
    """``root`` is not read: the catalogues belong to the code, not to the content."""
    for language in LANGUAGES:
        yield from missing_page_words(language)
