"""The time of each phase of a preview's build, shown by ``nox -s serve -- --phases`` and read by
the benchmark.

The phases of a save, in order: ``detect`` (from the file saved to the build called), ``wait``
(for the build's process to be ready: Sphinx started before the save, unless the save came first),
``start`` (a build from scratch: Sphinx's start, content checks included), ``check`` (the content
checks of a prepared build), ``read`` (the pages to read found and read), ``save`` (the environment
pickled and checked), ``write`` (the pages written); the browser is reloaded then. ``finish`` (the
search index, feeds and sitemap) comes after the reload.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sphinx.application import Sphinx

from lnox_site.upstream.sphinx import after_pages_written

PREFIX = "preview phases:"


class Phases:
    """The phases of the one build of a process; ``report`` receives them, by name in seconds,
    once the pages are written."""

    def __init__(self, report: Callable[[dict[str, float]], object]) -> None:
        self.report = report
        self.marks: dict[str, float] = {}
        self.last = time.perf_counter()

    def start(self) -> None:
        self.last = time.perf_counter()

    def elapsed(self) -> float:
        return time.perf_counter() - self.last

    def mark(self, phase: str) -> None:
        now = time.perf_counter()
        self.marks[phase] = now - self.last
        self.last = now

    def observe(self, app: Sphinx) -> None:
        """Mark the phases of ``app``'s build, which starts now."""
        if not self.marks:
            self.mark("start")
        app.connect("env-updated", lambda *_: self.mark("read"))
        app.connect("write-started", lambda *_: self.mark("save"))
        after_pages_written(app, self._written)

    def _written(self) -> None:
        self.mark("write")
        self.report(self.marks)

    @staticmethod
    def summary(detect: float, waited: float, marks: dict[str, float]) -> str:
        phases = {"detect": detect, "wait": waited, **marks}
        shown = " · ".join(f"{name} {seconds:.2f} s" for name, seconds in phases.items())
        return f"{PREFIX} {shown} = reload {sum(phases.values()):.2f} s after the save"
