"""``nox -s new -- person "Prénom Nom"``: a new person at the end of docs/_data/people.yaml."""

from __future__ import annotations

from pathlib import Path

from lnox_site.content import records, sources
from lnox_site.content.paths import PEOPLE
from lnox_site.content.people import STATUSES
from lnox_site.content.wording import N__, __

# The comments are in the contributor's language: translated where the entry is written.
TEMPLATE = N__("""
- name: {name}
  status: member  # {statuses}: see the top of this file
  # roles:
  #   - fr: Ingénieure de recherche
  #     en: Research engineer
  # thesis: key of the thesis in references.bib
  # defended: YYYY-MM-DD
  # works: [key1, key2]  # keys of publications in references.bib
""")


def new_person(root: Path, args: list[str]) -> list[Path]:
    name = " ".join(args).strip()
    if not name:
        raise SystemExit(__('usage: nox -s new -- person "Prénom Nom"'))
    path = root / PEOPLE
    data, _ = records.read_yaml(root, PEOPLE)
    for entry in data if isinstance(data, list) else []:
        if isinstance(entry, records.Fields) and entry.get("name") == name:
            raise SystemExit(
                __("{name} is already in {file}, line {line}: edit it").format(
                    name=name, file=PEOPLE, line=entry.line
                )
            )
    text = sources.read_text(path, root)
    addition = __(TEMPLATE).format(name=name, statuses=", ".join(STATUSES))
    path.write_text(text + ("" if text.endswith("\n") else "\n") + addition, encoding="utf-8")
    return [path]
