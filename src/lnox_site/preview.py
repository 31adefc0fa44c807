"""The live preview of one language (``nox -s serve``): sphinx-autobuild, rebuilt on every save.

    python -m lnox_site.preview [fr|en] [--port 8000] [--root .] [--phases]

Each save starts an incremental build (lnox_site.forked_builds: prepared before the save when it
changes only pages), where Sphinx reads again the pages whose source or dependencies changed (the site's extension adds the listings that show a
changed post or entry) and writes the pages that show them. Nothing is written under ``docs/``
outside ``docs/_build/`` (catalogues are compiled in the build folder,
lnox_site.site.catalogues), so a build never starts the next one. ``--phases`` prints the time of
each phase of a save (lnox_site.build_phases).
"""

from __future__ import annotations

import argparse
import functools
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Self

from lnox_site.content.languages import LANGUAGES, SOURCE_LANGUAGE
from lnox_site.content.paths import DOCS
from lnox_site.content.wording import __

HOST = "127.0.0.1"
PORT = 8000
# Files that editors write beside the one being saved (Vim's swap and test files, Emacs' locks and
# backups): no reason to build.
EDITOR_FILES = r"(\.sw[a-p]x?|~|/4913)$|/\.#"


def build_folder(root: Path) -> Path:
    return root / DOCS / "_build"


def sphinx_arguments(root: Path, language: str) -> list[str]:
    """The ``sphinx-build`` arguments of the preview, given to sphinx-autobuild as they are.

    In one process: Sphinx 9 reads and writes in parallel however few the documents, and for the
    one or few pages of a save, starting the worker processes and waiting for them costs more than
    it saves (a third of a save at today's size)."""
    build = build_folder(root)
    return [
        "-b", "html", "-D", f"language={language}",
        "-d", str(build / "serve-doctrees" / language),
        str(root / DOCS), str(build / "serve" / language),
    ]  # fmt: skip


def autobuild_arguments(root: Path, language: str, port: int = PORT) -> list[str]:
    """Every argument of sphinx-autobuild. The sources are docs/ and references.bib: the project
    folder is watched (a file watched on its own is lost when an editor saves it by replacing it)
    and every other path ignored, as are the build folder and the files editors leave beside a
    page."""
    others = rf"^(?!{re.escape(root.as_posix())}/(docs/|references\.bib$))"
    return [
        "--host", HOST, "--port", str(port), "--watch", str(root),
        "--ignore", str(build_folder(root)), "--re-ignore", others, "--re-ignore", EDITOR_FILES,
        *sphinx_arguments(root, language),
    ]  # fmt: skip


class Running:
    """The preview of ``root`` started in a process of its own on a free port, its output read
    line by line (for the tests and the benchmark): ``with Running(root) as preview: …``."""

    def __init__(
        self,
        root: Path,
        language: str = SOURCE_LANGUAGE,
        timeout: float = 600,
        phases: bool = False,
    ) -> None:
        command = [sys.executable, "-m", "lnox_site.preview", language, "--port", "0"]
        command += ["--phases"] if phases else []
        self.process = subprocess.Popen(
            [*command, "--root", str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        try:
            serving = self.wait_for(r"Serving on (http://\S+)", timeout)
            if serving is None or self.wait_for("Waiting to detect changes", timeout) is None:
                raise RuntimeError(
                    __("the preview did not start:") + "\n" + "".join(self.log[-30:])
                )
        except BaseException:
            self.stop()
            raise
        self.url = serving[1]

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(re.sub(r"\x1b\[[0-9;]*m", "", line))
        self.lines.put(None)  # the preview stopped

    def wait_for(self, pattern: str, timeout: float) -> re.Match[str] | None:
        """The first line of output from now on that matches, None when none came in time."""
        end = time.monotonic() + timeout
        while (line := self._next_line(end - time.monotonic())) is not None:
            if match := re.search(pattern, line):
                return match
        return None

    def _next_line(self, timeout: float) -> str | None:
        """The next line of output, kept in the log; None when none came in time (0: only what is
        there already) or when the preview stopped."""
        try:
            line = self.lines.get(timeout=timeout) if timeout > 0 else self.lines.get_nowait()
        except queue.Empty:
            return None
        if line is None:
            self.lines.put(None)  # for the next reader: the preview stays stopped
            return None
        self.log.append(line)
        return line

    def recent(self, count: int = 30) -> str:
        """The last ``count`` lines of output so far, to show when something went wrong."""
        while self._next_line(0) is not None:
            pass
        return "".join(self.log[-count:])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", nargs="?", default=SOURCE_LANGUAGE, choices=list(LANGUAGES))
    parser.add_argument("--port", type=int, default=PORT, help=__("0 for any free port"))
    parser.add_argument("--root", type=Path, default=Path(), help=__("the project folder"))
    parser.add_argument("--phases", action="store_true", help=__("print the time of each phase"))
    args = parser.parse_args(argv)
    from lnox_site import forked_builds
    from lnox_site.upstream import autobuild

    root = args.root.resolve()
    builder = None
    if forked_builds.AVAILABLE:
        forked_builds.preload(root / DOCS)
        # sphinx-autobuild has no option for how it builds: its builder and its watcher (which
        # calls the builder in a new process per save) are replaced.
        builder = functools.partial(forked_builds.ForkingBuilder, phases=args.phases)
    autobuild.run(autobuild_arguments(root, args.language, args.port), builder)


if __name__ == "__main__":
    main()
