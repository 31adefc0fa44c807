"""The words the extension writes, in the language of their reader.

The code writes every word in English, marked for translation; each other language has its
gettext catalogues under ``src/lnox_site/locales/<language>/LC_MESSAGES/``, laid out the way Sphinx
extensions ship theirs. There are two catalogues, one per audience:

* ``lnox_site``: the words on the pages (labels, headings, the sentences the extension writes into a
  page), in the language of the page: ``_("Themes:", language)``.
* ``lnox_site_console``: what the checks, the build, the preview and ``nox -s new`` tell a
  contributor, in the contributor's language: ``__("the file is not UTF-8")``. French on a French
  system, English otherwise; ``LNOX_LANGUAGE=fr`` or ``=en`` chooses.

A word that is only named where it is defined (a table of labels) is marked with ``N_`` or ``N__``
and translated where it is written. ``nox -s translate`` gathers every marked word into the
templates ``locales/<domain>.pot`` and the catalogues; a word without its translation is reported by
``nox -s check`` and stops the build of that language: it is never shown in English by surprise.

The catalogues are read with Babel from their ``.po`` files (no compiled ``.mo`` to keep in step),
once per process and language, and not through Sphinx's process-wide translators, which put a second
language behind the first when one process builds both.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

# The language the code writes its words in: it needs no catalogue.
WRITTEN_IN = "en"
PAGES = "lnox_site"
CONSOLE = "lnox_site_console"
DOMAINS = (PAGES, CONSOLE)
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locales"
# Chooses the contributor's language over the system's locale.
LANGUAGE_VARIABLE = "LNOX_LANGUAGE"
CONTRIBUTOR_LANGUAGES = ("fr", WRITTEN_IN)


def catalogue_path(language: str, domain: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def template_path(domain: str) -> Path:
    return LOCALE_DIR / f"{domain}.pot"


@dataclass(frozen=True)
class Untranslated:
    """A word of a catalogue that has no translation Sphinx or the checks would use."""

    catalogue: Path
    line: int
    message: str


@cache
def translations(language: str, domain: str) -> NullTranslations:
    """The catalogue ``domain`` of ``language``; no translation at all for English (the words
    are written in it) or when the catalogue is missing (``untranslated`` reports that)."""
    po = catalogue_path(language, domain)
    if language == WRITTEN_IN or not po.is_file():
        return NullTranslations()
    with po.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)  # fuzzy entries left out, as gettext leaves them
    compiled.seek(0)
    return Translations(compiled, domain=domain)


def untranslated(language: str, domain: str) -> list[Untranslated]:
    """Every word of the template ``domain`` that the catalogue of ``language`` does not
    translate (missing, empty or fuzzy); the whole template when the catalogue is missing."""
    if language == WRITTEN_IN:
        return []
    with template_path(domain).open("rb") as handle:
        template = read_po(handle)
    po = catalogue_path(language, domain)
    catalogue = None
    if po.is_file():
        with po.open("rb") as handle:
            catalogue = read_po(handle, locale=language)
    found = []
    for word in template:
        if not word.id:
            continue
        entry = catalogue.get(word.id) if catalogue is not None else None
        strings = entry.string if entry is not None else None
        done = (isinstance(strings, str) and strings) or (
            isinstance(strings, tuple) and all(strings)
        )
        if entry is None or entry.fuzzy or not done:
            line = entry.lineno if entry is not None and entry.lineno else 0
            message = word.id if isinstance(word.id, str) else word.id[0]
            found.append(Untranslated(po, line, message))
    return found


# Words on the pages, in the page's language.


def N_(message: str) -> str:
    """Marks a page word defined in one place and translated with ``_`` where it is written."""
    return message


def _(message: str, language: str) -> str:
    return translations(language, PAGES).gettext(message)


def n_(singular: str, plural: str, count: int, language: str) -> str:
    return translations(language, PAGES).ngettext(singular, plural, count)


# What a contributor is told, in the contributor's language.


def contributor_language(environ: dict[str, str] | None = None) -> str:
    """``LNOX_LANGUAGE`` when set, else the language of the system's messages (the variables
    gettext reads, first set wins): French for a French locale, English for any other."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(LANGUAGE_VARIABLE, "")
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if chosen:
            break
        chosen = environ.get(variable, "")
    language = chosen.split("_")[0].split(".")[0].lower()
    return language if language in CONTRIBUTOR_LANGUAGES else WRITTEN_IN


def N__(message: str) -> str:
    """Marks a contributor message defined in one place and translated with ``__`` where it is
    shown."""
    return message


def __(message: str) -> str:
    return translations(contributor_language(), CONSOLE).gettext(message)


def n__(singular: str, plural: str, count: int) -> str:
    return translations(contributor_language(), CONSOLE).ngettext(singular, plural, count)
