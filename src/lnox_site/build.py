"""Build the whole site: every language into ``<out>/<lang>/`` plus the root pages that tie them.

Used by ``nox -s docs`` and by the test suite, so that both build exactly the same way::

    python -m lnox_site.build docs docs/_build/html [sphinx options…]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from lnox_site.content.languages import LANGUAGES
from lnox_site.content.wording import __
from lnox_site.site.i18n import configured_site_url
from lnox_site.site.root_pages import root_files
from lnox_site.upstream.sphinx import read_config

# Nitpicky, warnings are errors, but every warning of a run is shown before it fails.
STRICT = ("-n", "-W", "--keep-going")
# Pages read and written on every core: faster at every scale (README, Build performance);
# `-j 1` among the extra options builds in one process.
PARALLEL = ("-j", "auto")


def sphinx_command(source: Path, out: Path, language: str, extra: Sequence[str] = ()) -> list[str]:
    """The ``sphinx-build`` call for one language, doctrees kept out of the published folder."""
    doctrees = out.parent / "doctrees" / language
    return [
        sys.executable, "-m", "sphinx", *STRICT, *PARALLEL, "-b", "html",
        "-D", f"language={language}", "-d", str(doctrees), *extra,
        str(source), str(out / language),
    ]  # fmt: skip


def site_name(source: Path) -> str:
    """The site's name, ``project`` in the ``conf.py`` of ``source``."""
    return read_config(source).project


def site_address(source: Path) -> str:
    """The site's public address, as the build of ``source`` gives its pages."""
    return configured_site_url(read_config(source))


def build(source: Path, out: Path, extra: Sequence[str] = (), languages: Sequence[str] = ()) -> int:
    """Build each language in turn; returns the first non-zero exit status, or 0."""
    status = 0
    for language in languages or LANGUAGES:
        result = subprocess.run(sphinx_command(source, out, language, extra), check=False)
        status = status or result.returncode
    out.mkdir(parents=True, exist_ok=True)
    site = site_name(source)
    for name, text in root_files(site_address(source), site).items():
        (out / name).write_text(text, encoding="utf-8")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help=__("the Sphinx source folder (docs)"))
    parser.add_argument("out", type=Path, help=__("the output folder (docs/_build/html)"))
    parser.add_argument("--language", action="append", choices=list(LANGUAGES), default=[],
                        help=__("build only this language (repeatable)"))  # fmt: skip
    args, extra = parser.parse_known_args(argv)
    status = build(args.source, args.out, extra, args.language)
    if status == 0:
        built = __("The site is built: open {address}")
        print("\n" + built.format(address=(args.out / "index.html").resolve().as_uri()))
    return status


if __name__ == "__main__":
    sys.exit(main())
