"""The translations of a gettext catalogue of the project
(``docs/locales/<language>/LC_MESSAGES/<domain>.po``)."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

from lnox_site.content import sources
from lnox_site.content.paths import LOCALES


@cache
def _read(path: Path, root: Path, mtime: float) -> dict[str, tuple[str, int]]:
    catalogue = read_po(io.StringIO(sources.read_text(path, root)))
    return {
        m.id: (m.string, m.lineno)
        for m in catalogue
        if m.id and isinstance(m.string, str) and m.string and not m.fuzzy
    }


def located(root: Path, language: str, domain: str) -> dict[str, tuple[str, int]]:
    """Each message of the catalogue ``domain`` of ``language`` -> its translation and the line of
    its entry, the fuzzy ones left out (as Sphinx leaves them out); none without a catalogue.
    ContentError, with its line, when the catalogue is not UTF-8."""
    path = root / LOCALES / language / "LC_MESSAGES" / f"{domain}.po"
    if not path.exists():
        return {}
    return _read(path, root, path.stat().st_mtime)


def translations(root: Path, language: str, domain: str) -> dict[str, str]:
    """Each message of the catalogue ``domain`` of ``language`` and its translation, the fuzzy
    ones left out (as Sphinx leaves them out); none when there is no such catalogue."""
    return {message: found[0] for message, found in located(root, language, domain).items()}
