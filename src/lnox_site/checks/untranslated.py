"""No French left on an English page: every message of every page has a current translation in
the page's catalogue of each other language.

When a sentence of a French page changes, its message changes, and Sphinx finds no translation for
it: without this check, the English page would silently show the French paragraph. Each message
without a translation, with an empty one or with a fuzzy one (sphinx-intl's guess, which Sphinx
does not use) is reported on its line of the French page, naming the catalogue and the fix. The
English build reports the same problems as warnings (:mod:`lnox_site.site.untranslated`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lnox_site.checks import kept
from lnox_site.content import sources
from lnox_site.content.languages import LANGUAGES, SOURCE_LANGUAGE
from lnox_site.content.messages import untranslated
from lnox_site.content.problems import ContentError, Problem


def check_untranslated(root: Path) -> Iterator[Problem]:
    for page in sources.pages(root):
        yield from kept.current(root).result(
            "untranslated", page, lambda page=page: list(_page(root, page))
        )


def _page(root: Path, page: Path) -> Iterator[Problem]:
    """The messages of ``page`` without a translation (its catalogues and diagrams are noted as
    read)."""
    for language in LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        try:
            found = untranslated(root, page, language)
        except ContentError as error:  # a page that is not UTF-8
            yield error.problem
            continue
        except (UnicodeDecodeError, OSError):  # a catalogue that is not: its own check says so
            continue
        yield from dict.fromkeys(problem for _, problem in found)
