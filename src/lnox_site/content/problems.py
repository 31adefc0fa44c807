"""What a content check reports: a mistake with its file, line, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake in the content: where it is, what is wrong and how to fix it."""

    path: str  # relative to the project root, e.g. "references.bib"
    line: int  # 1-based; 0 when the problem concerns the whole file
    what: str
    fix: str
    subject: str = ""  # what the line is about, e.g. a BibTeX key

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else self.path
        subject = f"{self.subject}: " if self.subject else ""
        return f"{place}: {subject}{self.what} — {self.fix}"


class ContentError(Exception):
    """A mistake that stops a check from reading further (a file that is not UTF-8): the check
    that meets it reports ``problem`` and the other checks still run."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
