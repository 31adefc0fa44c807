"""Create a new piece of content, ready to edit: ``python -m lnox_site.new KIND ARGUMENTS…``.

Each content module registers its kind with :func:`scaffold`; ``nox -s new -- KIND …`` calls this.
A scaffold writes its file(s) under the project root and returns their paths.

This is a package run through its ``__main__`` module: ``python -m`` on a plain module would run a
second copy of it, not the one in which the content modules register their scaffolds.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

Scaffold = Callable[[Path, list[str]], list[Path]]
SCAFFOLDS: dict[str, tuple[Scaffold, str]] = {}


def scaffold(kind: str, usage: str) -> Callable[[Scaffold], Scaffold]:
    """Register a scaffold for ``kind``; ``usage`` shows its arguments, e.g. ``"Titre"``."""

    def register(func: Scaffold) -> Scaffold:
        SCAFFOLDS[kind] = (func, usage)
        return func

    return register


def usage() -> str:
    lines = [f"  nox -s new -- {kind} {text}" for kind, (_, text) in sorted(SCAFFOLDS.items())]
    return "usage:\n" + "\n".join(lines)


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    from .. import MODULES  # noqa: F401  (importing the modules registers their scaffolds)

    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help"):
        print(usage())
        return 0
    if args[0] not in SCAFFOLDS:
        print(f"unknown kind {args[0]!r}\n{usage()}", file=sys.stderr)
        return 2
    func, _ = SCAFFOLDS[args[0]]
    for path in func(root or Path.cwd(), args[1:]):
        print(f"created {path}")
    return 0
