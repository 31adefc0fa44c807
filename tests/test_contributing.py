"""The contributors' guide, in both languages, only shows commands that work as it says."""

from __future__ import annotations

import ast
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

GUIDES = {"fr": ROOT / "CONTRIBUTING.md", "en": ROOT / "CONTRIBUTING.en.md"}
SHELL_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)
OUTPUT_BLOCK = re.compile(r"```text\n(.*?)```", re.DOTALL)


def commands(guide: str) -> list[list[str]]:
    text = GUIDES[guide].read_text(encoding="utf-8")
    return [shlex.split(line) for block in SHELL_BLOCK.findall(text) for line in block.splitlines()]


def nox_sessions() -> set[str]:
    """Names of the sessions of noxfile.py (functions decorated with nox.session)."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and any("session" in ast.unparse(decorator) for decorator in node.decorator_list)
    }


def test_both_guides_show_the_same_commands():
    assert commands("fr") == commands("en")


@pytest.mark.parametrize("guide", GUIDES)
def test_every_nox_command_names_a_session(guide):
    sessions = nox_sessions()
    for words in commands(guide):
        if words[0] == "nox":
            assert words[1] == "-s", words
            assert words[2] in sessions, words


NEW_COMMANDS = [words for words in commands("fr") if words[:4] == ["nox", "-s", "new", "--"]]
# Where the guide says each kind of content is created (the French guide's wording).
LOCATIONS = {
    "news": ("docs/actualites/AAAA/AAAA-MM-JJ-", r"docs/actualites/\d{4}/\d{4}-\d\d-\d\d-"),
    "person": ("docs/_data/people.yaml", r"docs/_data/people\.yaml"),
    "edition": ("docs/symposium/2020.md", r"docs/symposium/2020\.md"),
}


@pytest.mark.parametrize("words", NEW_COMMANDS, ids=lambda words: words[4])
def test_new_commands_create_what_the_guide_says(project, words):
    documented, pattern = LOCATIONS[words[4]]
    assert documented in GUIDES["fr"].read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lnox_site.new", *words[4:]],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # A person is added to the end of people.yaml, which the command says.
    created = re.findall(r"(?:created|appended to) (\S+)", result.stdout)
    assert all(Path(path).exists() for path in created), created
    assert any(re.search(pattern, path) for path in created), created


@pytest.mark.parametrize("language", GUIDES)
def test_the_example_message_is_what_the_check_prints(project, language):
    """Each guide shows the message as the check prints it in the guide's language."""
    example = OUTPUT_BLOCK.search(GUIDES[language].read_text(encoding="utf-8")).group(1).strip()
    path, line, _ = example.split(":", 2)
    bad_date = re.search(r"'(\d{4}-\d\d-\d\d)'", example).group(1)
    post = project / path
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(
        f"---\ndate: {bad_date}\ntags: [prix]\n---\n\n# Exemple\n\nUn paragraphe.\n",
        encoding="utf-8",
    )
    (post.parent / "index.md").write_text("```{news-archive}\n```\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lnox_site.check", "."],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LNOX_LANGUAGE": language},
    )
    assert result.returncode == 1
    assert example in result.stdout.splitlines(), result.stdout
    assert line == "2"
