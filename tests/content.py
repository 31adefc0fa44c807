"""Helpers for the tests of structured content: scaffolds and the problems they must report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import Build


def new(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ``nox -s new -- ARGS`` the way the session does, in a copy of the project."""
    return subprocess.run(
        [sys.executable, "-m", "lnox_site.new", *args],
        cwd=project, capture_output=True, text=True, check=False,
    )  # fmt: skip


def assert_reported_at(problems: list[str], path: str, line: int, message: str) -> None:
    """The checks (``checked``) name ``path:line`` with ``message``."""
    assert any(p.startswith(f"{path}:{line}:") and message in p for p in problems), problems


def assert_stops_at(build: Build, path: str, line: int, message: str) -> None:
    """The build failed, naming ``path:line`` with ``message``."""
    assert build.returncode != 0
    assert any(
        entry.strip().startswith(f"{path}:{line}:") and message in entry
        for entry in build.log.splitlines()
    ), build.log
