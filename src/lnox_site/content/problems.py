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

    @property
    def place(self) -> str:
        """``file:line``, or the file alone when the problem concerns all of it."""
        return f"{self.path}:{self.line}" if self.line else self.path

    @property
    def message(self) -> str:
        """What is wrong and how to fix it, without the place (a build warning gives its own)."""
        subject = f"{self.subject}: " if self.subject else ""
        return f"{subject}{self.what} — {self.fix}"

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


class ContentError(Exception):
    """A mistake that stops a check from reading further (a file that is not UTF-8): the check
    that meets it reports ``problem`` and the other checks still run."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
