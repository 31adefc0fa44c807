"""nox sessions keep their environment while the pins stay the same, and reinstall it when
requirements.txt or pyproject.toml change."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import DOCS, ROOT, require

# What a copy of the project needs to install the site and check its content.
PROJECT_FILES = ("noxfile.py", "pyproject.toml", "requirements.txt", "README.md", "references.bib")
INSTALL = "pip install -c requirements.txt"


@pytest.fixture
def nox_project(tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns("_build", "*.mo", "__pycache__", "*.egg-info")
    shutil.copytree(DOCS, copy / "docs", ignore=ignore)
    shutil.copytree(ROOT / "src", copy / "src", ignore=ignore)
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, copy / name)
    return copy


def check_session(project: Path) -> str:
    nox = shutil.which("nox")
    require(nox is not None, "nox is missing: python3 -m pip install -c requirements.txt nox uv")
    result = subprocess.run(
        [nox, "-s", "check"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.mark.slow
def test_sessions_reinstall_only_when_the_pins_change(nox_project):
    assert INSTALL in check_session(nox_project)
    again = check_session(nox_project)
    assert INSTALL not in again
    assert "unchanged since the last install" in again

    for name in ("requirements.txt", "pyproject.toml"):
        path = nox_project / name
        path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        assert INSTALL in check_session(nox_project), name
        assert INSTALL not in check_session(nox_project), name
