"""The preview's builds, each in a process forked from one where Sphinx is imported already, and
prepared before the save that it builds.

sphinx-autobuild starts a new Python for every build: importing Sphinx, docutils, MyST, furo and
the site's extension then takes about half of a save at today's size. The preview imports them once
and forks a process for each build instead; the preview's own process never builds, so each build
starts from the same state, as a new Python would.

Sphinx builds once per application, so one cannot be kept warm from one save to the next; but the
process of the next build is forked as soon as the last one has finished, and it starts Sphinx
then (configuration, extensions, the pickled environment, the builder), while nobody waits for it.
When a save changes only pages, that process builds them: it runs the content checks on the
project as saved, then Sphinx's incremental build. Any other change (conf.py, data, catalogues,
references.bib, templates) can change what Sphinx loads at its start: the prepared process is
dropped and the build starts from scratch. The preview is told once the pages are written, and
reloads the browser then, while the build finishes (the search index, the feeds, the sitemap).
"""

from __future__ import annotations

import importlib
import json
import os
import runpy
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from sphinx.application import Sphinx
from sphinx.cmd import build as sphinx_build

from lnox_site.build_phases import PREFIX, Phases
from lnox_site.site import content_gate
from lnox_site.upstream.autobuild import Builder, show_message
from lnox_site.upstream.sphinx import wrap_build

# Where a system can fork (not on Windows, where the preview starts a new Python for each build).
AVAILABLE = hasattr(os, "fork")
# What a prepared build can build: pages only (any other file may change what Sphinx loads).
PAGES = ".md"
GO = b"g"


def preload(source: Path) -> None:
    """Import the extensions and the theme named by ``source``'s conf.py, and Sphinx's HTML
    builder."""
    conf = runpy.run_path(str(source / "conf.py"))
    for name in (*conf.get("extensions", ()), conf.get("html_theme"), "sphinx.builders.html"):
        if name:
            importlib.import_module(name)


class _HeldOutput:
    """A stream that keeps what is written until ``release()``, then passes it through: what
    Sphinx prints while a build is prepared shows with that build, not while nobody saves."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.held: list[str] | None = []

    def write(self, text: str) -> int:
        if self.held is None:
            return self.stream.write(text)
        self.held.append(text)
        return len(text)

    def release(self) -> None:
        self.stream.write("".join(self.held or ()))
        self.held = None

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def _sphinx_build(arguments: Sequence[str]) -> int:
    """``python -m sphinx build ARGUMENTS`` in this process; its exit status."""
    try:
        return sphinx_build.main(list(arguments))
    except SystemExit as stop:  # how the content checks stop a build, with their list
        if isinstance(stop.code, str):
            print(stop.code, file=sys.stderr)
        return stop.code if isinstance(stop.code, int) else 1


def _child(run: Callable[[], int]) -> None:
    """The forked process: ``run()``, then its exit with run's status; never back in the
    preview's code."""
    status = 1
    try:
        status = run()
    except Exception:  # noqa: BLE001  (shown as Python shows it, then the process ends)
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


class Build:
    """One build in a forked process, started now (``prepared=False``: from scratch) or prepared
    until ``go()``; ``shown()`` returns once its pages are written, ``wait()`` once it ends."""

    def __init__(self, arguments: Sequence[str], *, prepared: bool) -> None:
        self.prepared = prepared
        go_read, go_write = os.pipe()
        self._report, report_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(go_write)
            os.close(self._report)
            _child(lambda: self._build(arguments, go_read, report_write))
        os.close(go_read)
        os.close(report_write)
        self._go: int | None = go_write
        if not prepared:
            self._close_go()
        self.phases: dict[str, float] = {}
        self.status: int | None = None
        self.shown_at = self.ended = time.perf_counter()

    def _build(self, arguments: Sequence[str], go: int, report: int) -> int:
        """The forked process's build; a prepared one waits on ``go`` once Sphinx started."""
        phases = Phases(lambda marks: os.write(report, json.dumps(marks).encode() + b"\n"))
        held = [_HeldOutput(sys.stdout), _HeldOutput(sys.stderr)] if self.prepared else []
        sys.stdout, sys.stderr = held or (sys.stdout, sys.stderr)

        def saved() -> bool:
            """Say that the build is ready and wait for the save; False when the preview dropped
            this build."""
            os.write(report, json.dumps({"ready": phases.elapsed()}).encode() + b"\n")
            if os.read(go, 1) != GO:
                return False
            phases.start()
            for stream in held:
                stream.release()
            return True

        def observed(app: Sphinx) -> None:
            if held and held[0].held is not None:
                if not saved():
                    os._exit(0)
                # The checks ran when Sphinx started, on the project before the save: again now.
                content_gate.check_before_reading(app)
                phases.mark("check")
            phases.observe(app)

        wrap_build(observed)  # in this process only, which builds once
        status = _sphinx_build(arguments)
        if not held or held[0].held is None:
            return status
        # The checks stopped Sphinx's start (a problem before the save): from scratch after it.
        for stream in held:
            stream.held = []
        return _sphinx_build(arguments) if saved() else 0

    def go(self) -> None:
        os.write(self._go, GO)

    def drop(self) -> None:
        """A prepared build not needed: it ends without building."""
        self._close_go()
        self.wait()

    def ready(self) -> float | None:
        """Seconds that the prepared build took to start Sphinx, once it has (None if it ended)."""
        line = self._read_report()
        return json.loads(line)["ready"] if line else None

    def shown(self) -> None:
        """Return once the pages are written (or the build ended without writing any)."""
        line = self._read_report()
        self.shown_at = time.perf_counter()
        if line:
            self.phases = json.loads(line)

    def _read_report(self) -> bytes:
        """The next line that the build reports, b"" when it ended."""
        line = b""
        while not line.endswith(b"\n") and (byte := os.read(self._report, 1)):
            line += byte
        return line

    def wait(self) -> int:
        """The exit status of the build, once it ended."""
        if self.status is None:
            self.status = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
            self.ended = time.perf_counter()
            self._close_go()
            os.close(self._report)
        return self.status

    def _close_go(self) -> None:
        if self._go is not None:
            os.close(self._go)
            self._go = None


def only_pages(changed: Sequence[Path]) -> bool:
    """Whether a prepared build can build these changes: pages only."""
    return bool(changed) and all(path.suffix == PAGES for path in changed)


class ForkingBuilder(Builder):
    """sphinx-autobuild's builder (the same messages), building in a forked process: the next
    build is prepared once the last one has ended. ``phases``: print the time of each."""

    def __init__(self, *args: object, phases: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.show_phases = phases
        self.last: Build | None = None
        self.next: Build | None = None
        self.lock = threading.Lock()

    def __call__(self, *, changed_paths: Sequence[Path]) -> None:
        called, detected = time.perf_counter(), _detect(changed_paths)
        with self.lock:
            if changed_paths:
                shown = [path for path in changed_paths[:5] if path.exists()]
                if shown:
                    cwd = Path.cwd()
                    names = [p.relative_to(cwd) if p.is_relative_to(cwd) else p for p in shown]
                    show_message(f"Detected changes ({', '.join(p.as_posix() for p in names)})")
                show_message("Rebuilding...")
            self._end_last()
            build = self.last = self._start(changed_paths)
            build.shown()
            if self.show_phases:
                waited = build.shown_at - called - sum(build.phases.values())
                print(Phases.summary(detected, max(waited, 0.0), build.phases), flush=True)
        threading.Thread(target=self._prepare_next, daemon=True).start()
        show_message(f"Serving on {self.address()}")

    def _start(self, changed: Sequence[Path]) -> Build:
        if self.next is not None and only_pages(changed):
            build, self.next = self.next, None
            build.go()
            return build
        if self.next is not None:
            self.next.drop()
            self.next = None
        return Build(self.sphinx_arguments(), prepared=False)

    def _end_last(self) -> None:
        """Wait for the last build to end (its search index, feeds…), and say how it ended."""
        if self.last is None:
            return
        status = self.last.wait()
        if self.show_phases:
            after = self.last.ended - self.last.shown_at
            print(f"{PREFIX} finish {after:.2f} s after the reload", flush=True)
        if status:
            print(
                f"Sphinx exited with exit code: {status}. The preview shows the pages of the last "
                "build that worked: fix the error above and save again."
            )
        self.last = None

    def _prepare_next(self) -> None:
        with self.lock:
            self._end_last()
            if self.next is None:
                self.next = Build(self.sphinx_arguments(), prepared=True)
                ready = self.next.ready()
                if self.show_phases and ready is not None:
                    print(f"{PREFIX} the next build is ready, Sphinx started in {ready:.2f} s")


def _detect(changed: Sequence[Path]) -> float:
    """Seconds from the last change saved to now."""
    times = [path.stat().st_mtime for path in changed if path.exists()]
    return max(0.0, time.time() - max(times)) if times else 0.0
