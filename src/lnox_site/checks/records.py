"""The checks of the data files that their readers validate as they read them: people.yaml
(:mod:`lnox_site.content.people`, kept by :mod:`lnox_site.checks.kept` until the file or what it
names changes), the front matter of the symposium's editions (:mod:`lnox_site.content.editions`)
and team.yaml (:mod:`lnox_site.content.organisation`)."""

from __future__ import annotations

from pathlib import Path

from lnox_site.checks import kept
from lnox_site.content import editions, organisation, people
from lnox_site.content.paths import PEOPLE
from lnox_site.content.problems import Problem


def check_people(root: Path) -> list[Problem]:
    return kept.current(root).result("people", root / PEOPLE, lambda: people.load(root)[1])


def check_editions(root: Path) -> list[Problem]:
    return editions.load(root)[1]


def check_team(root: Path) -> list[Problem]:
    return organisation.load(root)[1]
