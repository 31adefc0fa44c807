"""Every word the site writes around the pages' own is translated into each language of the site.

* A word the site's code writes on the pages without its translation
  (``src/lnox_site/locales/<language>/LC_MESSAGES/lnox_site.po``) would be shown in English on a
  page in another language; the build of that language reports the same words
  (:mod:`lnox_site.site.page_words`).
* A language without its catalogue of ``conf.py``'s texts or of the templates' words
  (:mod:`lnox_site.content.language_files`) would show them in French or in English.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from babel import Locale

from lnox_site.content.language_files import interface_catalogues
from lnox_site.content.languages import LANGUAGES
from lnox_site.content.problems import Problem
from lnox_site.content.wording import __, contributor_language, missing_page_words


def check_page_words(root: Path) -> Iterator[Problem]:
    """``root`` is not read: the catalogues belong to the code, not to the content."""
    for language in LANGUAGES:
        yield from missing_page_words(language)


def check_language_files(root: Path) -> Iterator[Problem]:
    """The catalogues of ``conf.py``'s texts and of the templates' words of each language (those
    of the pages and of the code's words are reported by their own checks)."""
    for language in LANGUAGES:
        name = Locale.parse(language).get_display_name(contributor_language())
        for path in interface_catalogues(root, language):
            if path.is_file():
                continue
            models = [
                model.relative_to(root).as_posix()
                for other in LANGUAGES
                if (model := path.parents[2] / other / path.relative_to(path.parents[1])).is_file()
            ]
            yield Problem(
                path.relative_to(root).as_posix(), 0,
                __("this catalogue of the site in {language} is missing").format(language=name),
                __("copy {model} here and write each msgstr in {language}").format(
                    model=" or ".join(models) or path.name, language=name
                ),
            )  # fmt: skip
