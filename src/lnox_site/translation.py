"""Translation coverage of the catalogues: how much of each page is translated.

    python -m lnox_site.translation docs/locales/en/LC_MESSAGES

A message counts as translated when it has a translation that is not marked fuzzy (a fuzzy entry is
a guess made by sphinx-intl after the French text changed, and Sphinx does not use it).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po


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
    with po_file.open("rb") as handle:
        catalogue = read_po(handle)
    messages = [m for m in catalogue if m.id]
    fuzzy = sum(1 for m in messages if m.fuzzy)
    translated = sum(1 for m in messages if m.string and not m.fuzzy)
    name = po_file.relative_to(root).with_suffix("").as_posix()
    return Coverage(name, translated, fuzzy, len(messages))


def report(root: Path) -> list[Coverage]:
    return [coverage(po, root) for po in sorted(root.rglob("*.po"))]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0] if args else "docs/locales/en/LC_MESSAGES")
    rows = report(root)
    width = max((len(row.catalogue) for row in rows), default=10)
    print(f"{'page':<{width}}  translated  fuzzy  total  coverage")
    for row in rows:
        print(
            f"{row.catalogue:<{width}}  {row.translated:>10}  {row.fuzzy:>5}  {row.total:>5}"
            f"  {row.percent:>7.1f}%"
        )
    missing = [row.catalogue for row in rows if row.percent < 100]
    if missing:
        print(f"\nTo translate: {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
