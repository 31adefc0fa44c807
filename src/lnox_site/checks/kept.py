"""The checks' results kept from one run to the next, per file and by content, so that a run
re-checks only what changed.

A result is kept under the file it is about (its path and the SHA-256 of its bytes) and what the
check was given besides (``inputs``: the keys of references.bib for a page's citations); with it,
the content of every other file the check read meanwhile (each read of
:mod:`lnox_site.content.sources` is noted: a page's catalogue, the diagrams it shows, conf.py).
The result is used again only when all of them are unchanged, so an edit re-checks the file
edited and the files whose results read it, and a ``git checkout`` that restores a file finds the
result of its old content. The whole store is dropped when the site's code or the version of a
package it reads with changes (:func:`code_version`).

The store is one file, ``docs/_build/.checks/results.pickle``, written by each run of
:func:`lnox_site.checks.run`; a check called on its own keeps nothing.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from lnox_site.content import sources
from lnox_site.content.paths import DOCS
from lnox_site.content.problems import Problem
from lnox_site.content.wording import contributor_language

T = TypeVar("T")
FOLDER = f"{DOCS}/_build/.checks"
STORE = "results.pickle"
CODE = Path(__file__).parents[1]
# What the checks read with: a new version may read a file otherwise.
PACKAGES = ("markdown-it-py", "mdit-py-plugins", "myst-parser", "babel", "pybtex", "pyyaml",
            "pillow", "nh3", "defusedxml")  # fmt: skip
# A result not used for this many runs is dropped (a file's old content, a deleted file).
KEEP_UNUSED = 20

Deps = tuple[tuple[str, "str | None"], ...]


def code_version() -> str:
    """A digest of the site's code and of the packages the checks read with."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(CODE.rglob("*.py")):
        digest.update(f"{path.relative_to(CODE)}\0".encode() + path.read_bytes())
    for package in PACKAGES:
        digest.update(f"{package} {metadata.version(package)}\n".encode())
    return digest.hexdigest()


class Kept:
    """The results of one project's checks, read from its store; ``computed`` lists the
    ``(kind, file)`` whose result was not kept and was computed by this run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._prefix = os.path.join(os.path.abspath(root), "")
        self.path = root / FOLDER / STORE
        self.version = code_version()
        self.results: dict[str, tuple[Deps, Any, int]] = {}
        self.computed: list[tuple[str, str]] = []
        self.used: set[str] = set()
        self._digests: dict[str, str | None] = {}
        try:
            version, results = pickle.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            return  # no store yet, or one written otherwise: every result is computed
        if version == self.version:
            self.results = results

    def digest(self, name: str) -> str | None:
        """The SHA-256 of the file ``name`` (relative to the root), None when it is missing;
        read once per run."""
        if name not in self._digests:
            try:
                self._digests[name] = hashlib.sha256((self.root / name).read_bytes()).hexdigest()
            except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
                self._digests[name] = None
        return self._digests[name]

    def _name(self, path: Path) -> str:
        """``path`` relative to the root, as a POSIX string (absolute when outside it); string
        operations, which take a fraction of pathlib's time over thousands of files."""
        absolute = os.path.abspath(path)
        inside = absolute.startswith(self._prefix)
        return (absolute[len(self._prefix) :] if inside else absolute).replace(os.sep, "/")

    def result(self, kind: str, path: Path, compute: Callable[[], T], *inputs: str) -> T:
        """What ``compute`` finds about the file ``path``: kept from an earlier run when the file,
        the ``inputs`` and every file that run read are what they were."""
        name = self._name(path)
        # The results hold messages in the contributor's language: one result per language.
        language = contributor_language()
        key = hashlib.sha256(
            "\0".join((kind, name, self.digest(name) or "", language, *inputs)).encode()
        ).hexdigest()
        self.used.add(key)
        kept = self.results.get(key)
        if kept is not None and all(self.digest(dep) == digest for dep, digest in kept[0]):
            for dep, _ in kept[0]:  # a result that holds this one read them too
                sources.note(self.root / dep)
            return kept[1]
        with sources.noting() as read:
            value = compute()
        names = {self._name(path) for path in read} - {name}
        self.results[key] = (tuple(sorted((dep, self.digest(dep)) for dep in names)), value, 0)
        self.computed.append((kind, name))
        return value

    def each(
        self,
        kind: str,
        paths: Iterable[Path],
        check: Callable[[Path, str], Iterable[Problem]],
        *inputs: str,
    ) -> Iterator[Problem]:
        """:func:`lnox_site.content.sources.each`, file by file, the results kept."""
        given = hashlib.sha256("\0".join(inputs).encode()).hexdigest()
        for path in paths:
            yield from self.result(
                kind, path, lambda path=path: list(sources.each(self.root, [path], check)), given
            )

    def save(self) -> None:
        """Write the store: the results used by this run, and the others for a while."""
        results = {
            key: (deps, value, 0 if key in self.used else age + 1)
            for key, (deps, value, age) in self.results.items()
            if key in self.used or age + 1 < KEEP_UNUSED
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{STORE}.{os.getpid()}")
        partial.write_bytes(pickle.dumps((self.version, results), pickle.HIGHEST_PROTOCOL))
        os.replace(partial, self.path)  # a run reading it meanwhile sees the old store or the new


class _Computed(Kept):
    """No store: every result is computed (a check called outside :func:`checks.run`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.computed = []
        self.used = set()

    def result(self, kind: str, path: Path, compute: Callable[[], T], *inputs: str) -> T:
        return compute()


_active: list[Kept] = []


@contextmanager
def keeping(kept: Kept) -> Iterator[Kept]:
    """The checks run inside the block keep their results in ``kept``."""
    _active.append(kept)
    try:
        yield kept
    finally:
        _active.pop()


def current(root: Path) -> Kept:
    """Where the checks of ``root`` keep their results now."""
    for kept in reversed(_active):
        if kept.root == root:
            return kept
    return _Computed(root)
