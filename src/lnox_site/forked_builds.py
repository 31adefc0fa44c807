"""The preview's builds, each in a process forked from one where Sphinx is imported already.

sphinx-autobuild starts a new Python for every build: importing Sphinx, docutils, MyST, furo and
the site's extension then takes about half of a save at today's size. The preview imports them once
and forks a process for each build instead; the preview's own process never builds, so each build
starts from the same state, as a new Python would.
"""

from __future__ import annotations

import importlib
import os
import runpy
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from sphinx.cmd import build as sphinx_build
from sphinx_autobuild.build import Builder
from sphinx_autobuild.utils import show_message

# Where a system can fork (not on Windows, where the preview starts a new Python for each build).
AVAILABLE = hasattr(os, "fork")


def preload(source: Path) -> None:
    """Import the extensions and the theme named by ``source``'s conf.py, and Sphinx's HTML
    builder."""
    conf = runpy.run_path(str(source / "conf.py"))
    for name in (*conf.get("extensions", ()), conf.get("html_theme"), "sphinx.builders.html"):
        if name:
            importlib.import_module(name)


def build_in_fork(arguments: Sequence[str]) -> int:
    """``python -m sphinx build ARGUMENTS`` in a forked process; its exit status."""
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            status = sphinx_build.main(list(arguments))
        except SystemExit as stop:  # how the content checks stop a build, with their list
            if isinstance(stop.code, str):
                print(stop.code, file=sys.stderr)
            status = stop.code if isinstance(stop.code, int) else 1
        except Exception:  # noqa: BLE001  (shown as Python shows it, then the process ends)
            traceback.print_exc()
        finally:  # the forked process never returns to the preview's code
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


class ForkingBuilder(Builder):
    """sphinx-autobuild's builder (the same messages), building in a forked process."""

    def __call__(self, *, changed_paths: Sequence[Path]) -> None:
        if changed_paths:
            shown = [path for path in changed_paths[:5] if path.exists()]
            if shown:
                cwd = Path.cwd()
                names = [p.relative_to(cwd) if p.is_relative_to(cwd) else p for p in shown]
                show_message(f"Detected changes ({', '.join(p.as_posix() for p in names)})")
            show_message("Rebuilding...")
        status = build_in_fork(self.sphinx_args)
        if status:
            print(
                f"Sphinx exited with exit code: {status}. The preview shows the pages of the last "
                "build that worked: fix the error above and save again."
            )
        show_message(f"Serving on {self.uri}")
