"""The research themes (docs/_data/themes.yaml) and their pages: each theme has a page that exists,
a name and a summary in every language, and a page whose introduction links the glossary and whose
statements cite their sources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lnox_site.content import myst, sources, vocabulary
from lnox_site.content.languages import LANGUAGES
from lnox_site.content.paths import DOCS, THEMES
from lnox_site.content.problems import Problem


def introduction(text: str) -> tuple[int, str]:
    """The first line and the text of a page's first paragraph after its title."""
    paragraph: list[myst.Line] = []
    titled = False
    for line in myst.lines(text):
        if line.kind != myst.PROSE:
            if paragraph:
                break
            continue
        if not titled:
            titled = line.text.startswith("# ")
        elif line.text.strip() and not line.text.lstrip().startswith("%"):
            paragraph.append(line)
        elif paragraph:
            break
    return (
        (paragraph[0].number, " ".join(line.text for line in paragraph)) if paragraph else (0, "")
    )


def page_problems(root: Path, theme: vocabulary.Theme) -> Iterator[Problem]:
    """What the site asks of a theme page's text: an introduction that leads to the glossary, and
    sources for what the page states."""
    path = root / DOCS / f"{theme.page}.md"
    where = path.relative_to(root).as_posix()
    text = sources.read_text(path, root)
    line, intro = introduction(text)
    if "{term}`" not in intro:
        yield Problem(
            where, line or 1, "the introduction links no term of the glossary",
            "link the first scientific term of the first paragraph, e.g. {term}`niche leucémique`",
            theme.slug,
        )  # fmt: skip
    if "{footcite:" not in text:
        yield Problem(
            where, 1, "the page cites no source",
            "cite the papers behind what it says with {footcite:p}`key` and end it with a "
            "```{footbibliography}``` block",
            theme.slug,
        )  # fmt: skip


def check_themes(root: Path) -> Iterator[Problem]:
    """Each theme has a page that exists, and a name and a summary in every language."""
    path = root / THEMES
    if not path.exists():
        return
    where = THEMES
    loaded = vocabulary.load(root)
    if loaded.team not in loaded.keywords:
        yield Problem(
            where, loaded.fields.line_of("team"),
            f"the team's keyword {loaded.team!r} is not a keyword",
            f"add `{loaded.team}: null` under `keywords:`",
        )  # fmt: skip
    for slug, theme in loaded.themes.items():
        line = loaded.fields["themes"].line_of(slug)
        spec = loaded.fields["themes"][slug]
        if not (root / DOCS / f"{theme.page}.md").exists():
            yield Problem(
                where, spec.lines.get("page", line),
                f"page {theme.page!r} does not exist",
                f"create docs/{theme.page}.md or correct `page`", slug,
            )  # fmt: skip
        else:
            yield from page_problems(root, theme)
        # The file's other keys are read as languages: a misspelt key would hide a missing one.
        for key in sorted(set(theme.titles) - set(LANGUAGES)):
            yield Problem(
                where, spec.line_of(key), f"unknown key {key!r}",
                f"use `page`, `summary` or a language code ({', '.join(LANGUAGES)})", slug,
            )  # fmt: skip
        for language in LANGUAGES:
            if not str(theme.titles.get(language) or "").strip():
                yield Problem(
                    where, line, f"no name in language {language!r}",
                    f"add `{language}: <name of the theme>` under `{slug}`", slug,
                )  # fmt: skip
            if not str(theme.summaries.get(language) or "").strip():
                yield Problem(
                    where, spec.lines.get("summary", line),
                    f"no summary in language {language!r}",
                    f"add `{language}: \"<one sentence>\"` under `summary:` of `{slug}`", slug,
                )  # fmt: skip
