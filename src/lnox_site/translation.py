"""What is left to translate, and the catalogues written the one way the translate session writes
them (``nox -s translate`` runs both after sphinx-intl has updated the catalogues).

    python -m lnox_site.translation [--root .]   how much of each page is translated, then every
                                                 message left to translate on its line of the
                                                 French page; exit status 1 when there is one
    python -m lnox_site.translation --wrap       every catalogue wrapped at CATALOGUE_WIDTH

A message counts as translated when it has a translation that is not marked fuzzy (a fuzzy entry is
a guess made by sphinx-intl after the French text changed, and Sphinx does not use it). The table
counts what ``sphinx-intl stat`` counts, but that command always exits with status 0 and cannot
say where a message left to translate is on the French page: this report does both.

Catalogues are wrapped at one width because sphinx-intl rewrites a whole catalogue when one of its
messages changes: at any other width, every paragraph of the page would show as changed. A hand
edit that wraps an entry otherwise is put back by ``--wrap`` (a hook of ``nox -s lint``).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from lnox_site.checks.untranslated import check_untranslated
from lnox_site.content.catalogues import parse
from lnox_site.content.languages import LANGUAGES, SOURCE_LANGUAGE
from lnox_site.content.paths import LOCALES
from lnox_site.content.wording import __, n__

# The width of every catalogue (`nox -s translate` rewraps what sphinx-intl wrote at its own).
CATALOGUE_WIDTH = 100


@dataclass(frozen=True)
class Coverage:
    catalogue: str
    translated: int
    fuzzy: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total


def coverage(po_file: Path, root: Path) -> Coverage:
    messages = parse(po_file.read_text(encoding="utf-8")).values()
    fuzzy = sum(1 for m in messages if m.fuzzy)
    translated = sum(1 for m in messages if m.current)
    name = po_file.relative_to(root).with_suffix("").as_posix()
    return Coverage(name, translated, fuzzy, len(messages))


def report(root: Path) -> list[Coverage]:
    return [coverage(po, root) for po in sorted(root.rglob("*.po"))]


def catalogues(root: Path) -> list[Path]:
    """The catalogues that sphinx-intl writes: those of every language but French (whose one
    catalogue, the interface strings, is written by hand)."""
    folders = sorted((root / LOCALES).glob("*/LC_MESSAGES"))
    return sorted(po for f in folders if f.parent.name != SOURCE_LANGUAGE for po in f.rglob("*.po"))


def wrapped(po_file: Path) -> bytes:
    """The catalogue as sphinx-intl writes it (Babel's ``write_po``), at CATALOGUE_WIDTH."""
    with po_file.open("rb") as handle:
        catalogue = read_po(handle)
    written = io.BytesIO()
    write_po(written, catalogue, width=CATALOGUE_WIDTH)
    return written.getvalue()


def wrap(root: Path) -> list[Path]:
    """Rewrap every catalogue that is not wrapped the way sphinx-intl writes it; the ones
    rewritten. The others are not touched (a catalogue written again is compiled again)."""
    changed = []
    for po in catalogues(root):
        text = wrapped(po)
        if text != po.read_bytes():
            po.write_bytes(text)
            changed.append(po)
    return changed


def print_report(root: Path) -> int:
    rows = [row for language in LANGUAGES if language != SOURCE_LANGUAGE
            for row in report(root / LOCALES / language / "LC_MESSAGES")]  # fmt: skip
    width = max((len(row.catalogue) for row in rows), default=10)
    heads = [__("translated"), __("fuzzy"), __("total"), __("coverage")]
    columns = [max(len(head), size) for head, size in zip(heads, (10, 5, 5, 8), strict=True)]
    print(f"{__('page'):<{width}}", *(f"{h:>{c}}" for h, c in zip(heads, columns, strict=True)))
    for row in rows:
        cells = (row.translated, row.fuzzy, row.total, f"{row.percent:.1f}%")
        print(
            f"{row.catalogue:<{width}}", *(f"{v:>{c}}" for v, c in zip(cells, columns, strict=True))
        )
    left = list(check_untranslated(root))
    if not left:
        print("\n" + __("Everything is translated."))
        return 0
    print("\n" + n__(
        "Left to translate ({count}), on its line of the French page:",
        "Left to translate ({count}), each on its line of the French page:",
        len(left),
    ).format(count=len(left)))  # fmt: skip
    for problem in left:
        print(problem)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(), help=__("the project folder"))
    parser.add_argument(
        "--wrap", action="store_true",
        help=__("wrap every catalogue at {width} columns").format(width=CATALOGUE_WIDTH),
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not args.wrap:
        return print_report(args.root)
    for po in wrap(args.root):
        wrapped_at = __("{catalogue}: wrapped at {width} columns")
        print(
            wrapped_at.format(catalogue=po.relative_to(args.root).as_posix(), width=CATALOGUE_WIDTH)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
