"""Two builds of the same commit give byte-identical sites (no build time or path in the output)."""

from __future__ import annotations

import pytest
from conftest import DOCS, run_build


def tree(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_two_builds_are_identical(site, tmp_path):
    again = run_build(DOCS, tmp_path / "html")
    assert again.returncode == 0, again.log
    first, second = tree(site.out), tree(again.out)
    assert first.keys() == second.keys()
    differing = [str(path) for path in first if first[path] != second[path]]
    assert not differing
