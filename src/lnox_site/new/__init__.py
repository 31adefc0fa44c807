"""Create a new piece of content, ready to edit: ``python -m lnox_site.new KIND ARGUMENTS…``.

``nox -s new -- KIND …`` calls this. Each kind is a module of this package listed in
:data:`SCAFFOLDS`; a scaffold writes its file(s) under the project root and returns their paths.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from lnox_site.content.wording import __
from lnox_site.new import edition, news, person

Scaffold = Callable[[Path, list[str]], list[Path]]

# kind -> (what writes it, its arguments as the usage line shows them)
SCAFFOLDS: dict[str, tuple[Scaffold, str]] = {
    "edition": (edition.new_edition, "YEAR [NUMBER]"),
    "news": (news.new_post, '"Titre de l’actualité" [sujet …] [--date YYYY-MM-DD]'),
    "person": (person.new_person, '"Prénom Nom"'),
}
# The kinds whose scaffold adds to a file that exists (people.yaml) rather than creating one.
APPENDING = {"person"}


def usage() -> str:
    lines = [f"  nox -s new -- {kind} {text}" for kind, (_, text) in sorted(SCAFFOLDS.items())]
    return __("usage:") + "\n" + "\n".join(lines)


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help"):
        print(usage())
        return 0
    if args[0] not in SCAFFOLDS:
        unknown = __("unknown kind {kind}").format(kind=repr(args[0]))
        print(f"{unknown}\n{usage()}", file=sys.stderr)
        return 2
    func, _ = SCAFFOLDS[args[0]]
    done = __("appended to {path}") if args[0] in APPENDING else __("created {path}")
    for path in func(root or Path.cwd(), args[1:]):
        print(done.format(path=path))
    return 0
