"""Check the content without building the site: ``python -m lnox_site.check [project root]``.

Runs every check of :mod:`lnox_site.checks` (bibliography, news, people, editions, pages,
translations, …) and prints each problem as ``file:line: what is wrong — how to fix it``. Exit
status 1 if there is any.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lnox_site.checks import run
from lnox_site.content.wording import __, n__


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0] if args else ".")
    problems = run(root)
    for problem in problems:
        print(problem)
    count = len(problems)
    found = n__("{count} problem found.", "{count} problems found.", count).format(count=count)
    print(found if problems else __("No problem found."))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
