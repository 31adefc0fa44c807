"""The research themes (docs/_data/themes.yaml) and their pages: each theme has a page that exists,
a name and a summary in every language, and a page whose introduction links the glossary and whose
statements cite their sources."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from markdown_it.token import Token

from lnox_site.checks import kept
from lnox_site.content import sources, vocabulary
from lnox_site.content.languages import LANGUAGES
from lnox_site.content.markdown import role, walk
from lnox_site.content.paths import DOCS, THEMES
from lnox_site.content.problems import Problem
from lnox_site.content.wording import __


def introduction(text: str, root: Path) -> tuple[int, Token | None]:
    """The first line and the inline token of a page's first paragraph after its title."""
    tokens = list(walk(text, root))
    titled = False
    for index, located in enumerate(tokens[:-1]):
        if located.token.type == "heading_open" and located.token.tag == "h1":
            titled = True
        elif titled and located.token.type == "paragraph_open":
            return located.line, tokens[index + 1].token
    return 0, None


def _roles(tokens: Iterable[Token]) -> set[str]:
    """The names of the roles among ``tokens``: ``{"term", "footcite"}``."""
    return {role(token)[0] for token in tokens if token.type == "myst_role"}


def page_problems(root: Path, theme: vocabulary.Theme) -> Iterator[Problem]:
    """What the site asks of a theme page's text: an introduction that leads to the glossary, and
    sources for what the page states."""
    path = root / DOCS / f"{theme.page}.md"
    where = path.relative_to(root).as_posix()
    text = sources.read_text(path, root)
    line, intro = introduction(text, root)
    if "term" not in _roles(intro.children or () if intro else ()):
        yield Problem(
            where, line or 1, __("the introduction links no term of the glossary"),
            __("link the first scientific term of the first paragraph, e.g. "
               "{term}`niche leucémique`"),
            theme.slug,
        )  # fmt: skip
    if "footcite" not in _roles(located.token for located in walk(text, root)):
        yield Problem(
            where, 1, __("the page cites no source"),
            __("cite the papers behind what it says with {footcite:p}`key` and end it with a "
               "```{footbibliography}``` block"),
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
            __("the team's keyword {keyword} is not a keyword").format(keyword=repr(loaded.team)),
            __("add `{keyword}: null` under `keywords:`").format(keyword=loaded.team),
        )  # fmt: skip
    for slug, theme in loaded.themes.items():
        line = loaded.fields["themes"].line_of(slug)
        spec = loaded.fields["themes"][slug]
        if not (root / DOCS / f"{theme.page}.md").exists():
            yield Problem(
                where, spec.lines.get("page", line),
                __("page {page} does not exist").format(page=repr(theme.page)),
                __("create docs/{page}.md or correct `page`").format(page=theme.page), slug,
            )  # fmt: skip
        else:
            page = root / DOCS / f"{theme.page}.md"
            yield from kept.current(root).result(
                "theme page", page, lambda theme=theme: list(page_problems(root, theme)), slug
            )
        # The file's other keys are read as languages: a misspelt key would hide a missing one.
        for key in sorted(set(theme.titles) - set(LANGUAGES)):
            yield Problem(
                where, spec.line_of(key), __("unknown key {key}").format(key=repr(key)),
                __("use `page`, `summary` or a language code ({codes})").format(
                    codes=", ".join(LANGUAGES)
                ), slug,
            )  # fmt: skip
        for language in LANGUAGES:
            if not str(theme.titles.get(language) or "").strip():
                yield Problem(
                    where, line, __("no name in language {language}").format(
                        language=repr(language)
                    ),
                    __("add `{language}: <name of the theme>` under `{slug}`").format(
                        language=language, slug=slug
                    ), slug,
                )  # fmt: skip
            if not str(theme.summaries.get(language) or "").strip():
                yield Problem(
                    where, spec.lines.get("summary", line),
                    __("no summary in language {language}").format(language=repr(language)),
                    __('add `{language}: "<one sentence>"` under `summary:` of `{slug}`').format(
                        language=language, slug=slug
                    ), slug,
                )  # fmt: skip
