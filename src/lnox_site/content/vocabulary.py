"""The research themes, the keywords that point to them and the keyword that marks the team's own
works (docs/_data/themes.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lnox_site.content import records, sources
from lnox_site.content.paths import THEMES
from lnox_site.content.problems import ContentError, Problem
from lnox_site.content.wording import N__, __


@dataclass(frozen=True)
class Theme:
    slug: str
    page: str  # docname, e.g. "recherche/niche"
    titles: dict[str, str]  # language -> title
    summaries: dict[str, str]  # language -> one sentence presenting the theme (its card)


@dataclass(frozen=True)
class Vocabulary:
    keywords: dict[str, str | None]  # keyword -> theme slug (None: no theme page)
    themes: dict[str, Theme]
    team: str  # the keyword of the team's own works, e.g. "lnox"
    fields: records.Fields  # the file as read, with the line of each key (for the checks)

    def theme_of(self, keyword: str) -> Theme | None:
        slug = self.keywords.get(keyword)
        return self.themes[slug] if slug else None

    def keywords_of(self, theme: str) -> set[str]:
        return {keyword for keyword, slug in self.keywords.items() if slug == theme}


FIX = N__("write the keys team, keywords and themes (see the top of the file)")


@cache
def _load(root: Path, mtime: float | None) -> Vocabulary:
    data, problems = records.read_yaml(root, THEMES)
    if problems:
        raise ContentError(problems[0])
    parts = ("team", "keywords", "themes")
    if not isinstance(data, records.Fields) or any(part not in data for part in parts):
        raise ContentError(Problem(THEMES, 1, __("the vocabulary is incomplete"), __(FIX)))
    for slug, spec in data["themes"].items():
        if not isinstance(spec, records.Fields) or "page" not in spec:
            what = __("the theme {slug} has no page").format(slug=repr(slug))
            fix = __("give it `page: recherche/<name>`, its names and its summary")
            raise ContentError(Problem(THEMES, data["themes"].line_of(slug), what, fix, slug))
    themes = {
        slug: Theme(
            slug,
            spec["page"],
            {k: v for k, v in spec.items() if k not in {"page", "summary"}},
            dict(spec.get("summary") or {}),
        )
        for slug, spec in data["themes"].items()
    }
    return Vocabulary(dict(data["keywords"]), themes, str(data["team"]), data)


def load(root: Path) -> Vocabulary:
    """The vocabulary of the project at ``root`` (re-read when the file changes); ContentError,
    with the line, when the file cannot be read."""
    return _load(root, sources.stamp(root / THEMES))
