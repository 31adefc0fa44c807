"""The GitHub workflows lint clean and keep the project's rules (pinned actions, least rights)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: it comes with the test dependency group")
    return subprocess.run([tool, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_actionlint():
    result = run("actionlint", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor():
    result = run("zizmor", "--offline", "--no-progress", ".github")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_commit_and_rights_default_to_none(workflow):
    text = workflow.read_text(encoding="utf-8")
    assert yaml.safe_load(text)["permissions"] == {}
    for action in re.findall(r"uses:\s*([^\s#]+)", text):
        if not action.startswith("$/"):
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), action
