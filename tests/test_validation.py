"""The shared content-check layer: message format and build integration."""

from __future__ import annotations

from lnox_site import checks
from lnox_site.content.problems import Problem


def test_problem_names_file_line_subject_and_fix():
    problem = Problem("references.bib", 12, "DOI written as a URL", "keep only 10.xxxx/…", "kouzi")
    assert str(problem) == "references.bib:12: kouzi: DOI written as a URL — keep only 10.xxxx/…"


def test_problems_are_sorted_by_file_and_line(monkeypatch, tmp_path):
    found = [
        Problem("b.md", 3, "x", "y"),
        Problem("a.md", 9, "x", "y"),
        Problem("a.md", 2, "x", "y"),
    ]
    monkeypatch.setattr(checks, "CHECKS", [lambda root: found])
    assert [(p.path, p.line) for p in checks.run(tmp_path)] == [
        ("a.md", 2),
        ("a.md", 9),
        ("b.md", 3),
    ]
