"""Build the whole site: every language into ``<out>/<lang>/`` plus the root pages that tie them.

Used by ``nox -s docs`` and by the test suite, so that both build exactly the same way::

    python -m lnox_site.build docs docs/_build/html [sphinx options…]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
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
    """Build every language at once; returns the first non-zero exit status, or 0.

    One language alone leaves a core idle for much of its build (the steps Sphinx runs in one
    process), so the languages share the machine. The first shows its output as it comes, each
    other's is held and shown after it: the log reads as if they were built in turn."""
    first, *others = languages or LANGUAGES
    colour = ("--color",) if sys.stdout.isatty() else ()
    held = [Held(sphinx_command(source, out, lang, [*colour, *extra])) for lang in others]
    status = subprocess.run(sphinx_command(source, out, first, extra), check=False).returncode
    for other in held:
        status = status or other.show()
    out.mkdir(parents=True, exist_ok=True)
    site = site_name(source)
    for name, text in root_files(site_address(source), site).items():
        (out / name).write_text(text, encoding="utf-8")
    return status


class Held:
    """A command run in the background, its output and errors kept until ``show``."""

    def __init__(self, command: list[str]) -> None:
        self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._output: tuple[bytes, bytes] = (b"", b"")
        # Read while it runs, so that a full pipe never stops it.
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        self._output = self._process.communicate()

    def show(self) -> int:
        """Wait for the command, write what it wrote; returns its exit status."""
        self._reader.join()
        for stream, data in zip((sys.stdout, sys.stderr), self._output, strict=True):
            stream.flush()
            stream.buffer.write(data)
            stream.flush()
        return self._process.returncode


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
