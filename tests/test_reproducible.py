"""Builds are reproducible: two builds of the same commit give byte-identical sites (no build time
or path in the output), and, with ``--against REV``, a change that must not alter the site (a
restructuring of the code) gives the very site that commit ``REV`` gives:

    nox -s tests -- tests/test_reproducible.py --against main
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import DOCS, ROOT, run_build


def tree(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def differences(first, second) -> list[str]:
    """The files that one site has and the other lacks, then those whose bytes differ."""
    missing = sorted(str(path) for path in first.keys() ^ second.keys())
    return missing + sorted(str(p) for p in first.keys() & second.keys() if first[p] != second[p])


@pytest.mark.slow
def test_two_builds_are_identical(site, tmp_path):
    again = run_build(DOCS, tmp_path / "html")
    assert again.returncode == 0, again.log
    assert differences(tree(site.out), tree(again.out)) == []


@pytest.mark.slow
@pytest.mark.against
def test_the_site_is_the_one_another_commit_builds(site, tmp_path, request):
    revision = request.config.getoption("against")
    checkout = tmp_path / "checkout"
    git = ["git", "-C", str(ROOT)]
    subprocess.run([*git, "worktree", "add", "--detach", str(checkout), revision], check=True)
    try:
        # That commit's own extension: its sources come first on the path.
        other = run_build(
            checkout / "docs", tmp_path / "html", env={"PYTHONPATH": str(checkout / "src")}
        )
        assert other.returncode == 0, other.log
        assert (
            f"{checkout}/src/lnox_site"
            in subprocess.run(
                [sys.executable, "-c", "import lnox_site; print(lnox_site.__file__)"],
                capture_output=True,
                text=True,
                check=True,
                env={"PYTHONPATH": str(checkout / "src")},
            ).stdout
        )
    finally:
        subprocess.run([*git, "worktree", "remove", "--force", str(checkout)], check=True)
    assert differences(tree(site.out), tree(other.out)) == []
