"""The translations of a gettext catalogue of the project
(``docs/locales/<language>/LC_MESSAGES/<domain>.po``): the one reader of catalogues (Babel's) for
the checks, the build and the translation report."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from lnox_site.content import sources
from lnox_site.content.paths import LOCALES

# The catalogue of the texts of conf.py (lnox_site.site.identity), and of the templates' words
# (Sphinx's and furo's, and the site's templates).
CONF = "conf"
TEMPLATES = "sphinx"


@dataclass(frozen=True)
class Entry:
    """One message of a catalogue as a translator left it."""

    translation: str  # empty when there is none yet
    fuzzy: bool  # a guess of sphinx-intl after the source changed, which Sphinx does not use
    line: int  # of its msgid
    translation_line: int = 0  # of its msgstr
    comments: tuple[str, ...] = ()  # the translator's comments above it ("# …")

    @property
    def current(self) -> bool:
        """Whether Sphinx uses the translation."""
        return bool(self.translation) and not self.fuzzy


def path(root: Path, language: str, domain: str) -> Path:
    """The catalogue of ``domain`` (a page's name, ``recherche/niche``) into ``language``."""
    return root / LOCALES / language / "LC_MESSAGES" / f"{domain}.po"


def parse(text: str) -> dict[str, Entry]:
    """Every message of the catalogue ``text`` (the header and plural forms aside)."""
    lines = text.splitlines()
    found = {}
    for message in read_po(io.StringIO(text)):
        if not message.id or not isinstance(message.id, str):
            continue
        line = msgstr = message.lineno or 0
        while 0 < msgstr <= len(lines) and not lines[msgstr - 1].startswith("msgstr"):
            msgstr += 1
        comments = tuple(message.user_comments)
        found[message.id] = Entry(message.string or "", message.fuzzy, line, msgstr, comments)
    return found


@cache
def _read(path: Path, root: Path, mtime: float) -> dict[str, Entry]:
    return parse(sources.read_text(path, root))


def entries(root: Path, language: str, domain: str) -> dict[str, Entry] | None:
    """Every message of the catalogue ``domain`` of ``language``; None when there is no such
    catalogue. ContentError, with its line, when the catalogue is not UTF-8."""
    found = path(root, language, domain)
    mtime = sources.stamp(found)
    return None if mtime is None else _read(found, root, mtime)


def translations(root: Path, language: str, domain: str) -> dict[str, str]:
    """Each message of the catalogue ``domain`` of ``language`` and its translation, the fuzzy
    ones left out (as Sphinx leaves them out); none when there is no such catalogue."""
    found = entries(root, language, domain) or {}
    return {source: entry.translation for source, entry in found.items() if entry.current}
