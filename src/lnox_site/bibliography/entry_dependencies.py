"""Pages depend on the entries of references.bib they show, not on the whole file.

sphinxcontrib-bibtex (and Sphinx's own dependency check) would read every citing page again after
any edit of references.bib. Here each page records what it shows while it is read:

* entries it cites (``{footcite}``, rendered when the page is read): the page is **read** again
  when one of them changes;
* entries it names when it is written (``{pub}``, the theses and works of the Team page): the page
  is **written** again when one of them changes;
* lists of the team's work (``publication-list``, ``publication-summary``), by their keywords (none:
  every team entry): the page is **written** again when an entry of the list changes, or enters or
  leaves it (its keywords or the ``lnox`` mark changed).

What an entry is, for these comparisons, is a fingerprint of its parsed fields and people, kept in
the environment with its keywords: the build compares them with the entries of this build
(``env-get-outdated`` for the pages to read, ``env-get-updated`` for those to write), so that an
entry no page shows can be edited without any page being read or written. Posts that name an entry
in their front matter follow it in :mod:`lnox_site.news`. :func:`showing` tells the page of an
entry (:mod:`lnox_site.bibliography.publication_pages`) where the site shows it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from docutils import nodes
from pybtex.database import Entry
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from lnox_site.content import vocabulary
from lnox_site.content.paths import root_of
from lnox_site.content.references import keywords
from lnox_site.site.collectors import PageRecords
from lnox_site.upstream import bibtex
from lnox_site.upstream.sphinx import file_dependencies


@dataclass(frozen=True)
class Facts:
    """What the build remembers of an entry: its fingerprint, and its keywords, which decide the
    lists it is in."""

    fingerprint: str
    keywords: frozenset[str]


def listed(entry: Facts | None, selection: frozenset[str], team: str) -> bool:
    """Whether a list of the team's work (``team``: its keyword) restricted to these keywords
    (none: all of it) shows the entry."""
    return (
        entry is not None
        and team in entry.keywords
        and (not selection or bool(entry.keywords & selection))
    )


def fingerprint(entry: Entry) -> str:
    """A digest of everything a page can show of the entry (not of how the file spells it)."""
    fields = sorted((name.lower(), value) for name, value in entry.fields.items())
    people = sorted((role, [str(person) for person in persons])
                    for role, persons in entry.persons.items())  # fmt: skip
    return hashlib.blake2b(repr((entry.type, fields, people)).encode(), digest_size=16).hexdigest()


def facts(entries: Mapping[str, Entry]) -> dict[str, Facts]:
    return {
        key: Facts(fingerprint(entry), frozenset(keywords(entry))) for key, entry in entries.items()
    }


@dataclass
class Uses:
    """What one page shows of references.bib."""

    cited: set[str] = field(default_factory=set)
    named: set[str] = field(default_factory=set)
    lists: set[frozenset[str]] = field(default_factory=set)

    def to_write(
        self, changed: Iterable[str], before: dict[str, Facts], now: dict[str, Facts], team: str
    ) -> bool:
        """Whether a change of the ``changed`` entries shows on the page once it is written."""
        return any(
            key in self.named
            or any(
                listed(before.get(key), s, team) or listed(now.get(key), s, team)
                for s in self.lists
            )
            for key in changed
        )


def _of(env: BuildEnvironment) -> Uses:
    return EntryUses.of(env).setdefault(env.docname, Uses())


def note_cited(env: BuildEnvironment, key: str) -> None:
    """The page being read renders the entry ``key``: read it again when the entry changes."""
    _of(env).cited.add(key)


def note_named(env: BuildEnvironment, key: str) -> None:
    """The page being read shows ``key`` when it is written: write it again when it changes."""
    _of(env).named.add(key)


def note_list(env: BuildEnvironment, selection: Iterable[str] = ()) -> None:
    """The page being read lists the team's entries of these keywords (none: all of them)."""
    _of(env).lists.add(frozenset(selection))


def showing(env: BuildEnvironment, team: str) -> dict[str, set[str]]:
    """For each entry, the pages that cite it, name it, or list it in a list of some of the team's
    work (a theme's); not the lists of all of it (the Publications page), which say nothing of
    an entry in particular. One pass over the pages for every entry."""
    facts = EntryUses.facts(env)
    pages: dict[str, set[str]] = {}
    for docname, uses in EntryUses.of(env).items():
        shown = uses.cited | uses.named
        for selection in filter(None, uses.lists):
            shown |= {key for key, entry in facts.items() if listed(entry, selection, team)}
        for key in shown:
            pages.setdefault(key, set()).add(docname)
    return pages


class EntryUses(PageRecords):
    """docname -> what the page shows of references.bib (:class:`Uses`); and, for the whole
    file, the :class:`Facts` of each entry as the last build saw it."""

    name = "lnox_entry_uses"
    FACTS = "lnox_entry_facts"  # environment attribute: key -> Facts of the last build

    def __init__(self) -> None:
        # What env-get-outdated found, for env-get-updated, in this process only.
        self.changed: set[str] = set()
        self.before: dict[str, Facts] = {}

    @classmethod
    def facts(cls, env: BuildEnvironment) -> dict[str, Facts]:
        return vars(env).get(cls.FACTS, {})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        """sphinxcontrib-bibtex makes every ``{footbibliography}`` depend on the whole file: the
        page follows its entries instead (:func:`note_cited`)."""
        env = app.env
        dependencies = file_dependencies(env, env.docname)
        for path in bibtex.bib_files(env):
            dependencies.discard(env.srcdir / path)

    def get_outdated_docs(
        self, app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
        removed: set[str],
    ) -> list[str]:  # fmt: skip
        """The pages that render an entry changed since the last build: read again."""
        self.before = self.facts(env)
        now = vars(env)[self.FACTS] = facts(bibtex.bibliography(env).entries)
        self.changed = {
            key for key in self.before.keys() | now.keys() if self.before.get(key) != now.get(key)
        }
        return [docname for docname, uses in self.of(env).items() if uses.cited & self.changed]

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """The pages that show a changed entry when they are written: written again."""
        if not self.changed:
            return []
        now = self.facts(env)
        team = vocabulary.load(root_of(app.srcdir)).team
        return [
            docname
            for docname, uses in self.of(env).items()
            if uses.to_write(self.changed, self.before, now, team)
        ]


def setup(app: Sphinx) -> None:
    app.add_env_collector(EntryUses)
