"""The research themes and the keywords that point to them (docs/_data/themes.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from lnox_site.content import sources
from lnox_site.content.paths import THEMES

TEAM_KEYWORD = "lnox"


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

    def theme_of(self, keyword: str) -> Theme | None:
        slug = self.keywords.get(keyword)
        return self.themes[slug] if slug else None

    def keywords_of(self, theme: str) -> set[str]:
        return {keyword for keyword, slug in self.keywords.items() if slug == theme}


@cache
def _load(root: Path, path: Path, mtime: float) -> Vocabulary:
    data = yaml.safe_load(sources.read_text(path, root))
    themes = {
        slug: Theme(
            slug,
            spec["page"],
            {k: v for k, v in spec.items() if k not in {"page", "summary"}},
            dict(spec.get("summary") or {}),
        )
        for slug, spec in data["themes"].items()
    }
    return Vocabulary(dict(data["keywords"]), themes)


def load(root: Path) -> Vocabulary:
    """The vocabulary of the project at ``root`` (re-read when the file changes)."""
    path = root / THEMES
    return _load(root, path, path.stat().st_mtime)
