"""The research themes as cards, and the checks of their entries in docs/_data/themes.yaml and of
their pages (an introduction that links the glossary, cited sources).

* ``theme-cards`` directive: one card per theme of docs/_data/themes.yaml, in the file's order, each
  with the theme's name, its one-sentence summary and a link to its page — used by the home page and
  the Recherche page, so that a new theme appears on both by itself.
* The same sentence describes the theme's page to search engines and link previews.

Cards are rendered when the page is written, in the page's language (the names and summaries are
data, not page text: they are never extracted for translation).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import myst, sources, vocabulary
from .descriptions import EVENT, Description
from .i18n import LANGUAGES, localise
from .validation import Problem, validator

logger = logging.getLogger(__name__)


class theme_cards(nodes.General, nodes.Element):
    """Placeholder, replaced by the cards when the page is written."""


class ThemeCards(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(Path(self.env.srcdir).parent / vocabulary.VOCABULARY_FILE))
        node = theme_cards()
        self.set_source_info(node)
        return [node]


def card(theme: vocabulary.Theme, language: str, uri: str) -> nodes.list_item:
    """``<li class="lnox-card">`` holding the linked name and the summary."""
    item = nodes.list_item(classes=["lnox-card"])
    title = nodes.paragraph(classes=["lnox-card-title"])
    title += nodes.reference("", localise(theme.titles, language), refuri=uri, internal=True)
    item += title
    item += nodes.paragraph(text=localise(theme.summaries, language))
    return item


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(theme_cards))
    if not placeholders:
        return
    themes = vocabulary.load(Path(app.srcdir).parent).themes.values()
    for node in placeholders:
        cards = nodes.bullet_list(classes=["lnox-cards"])
        for theme in themes:
            if theme.page not in app.env.all_docs:
                logger.warning(
                    "theme %r: its page %r does not exist — create docs/%s.md or fix `page` in %s",
                    theme.slug, theme.page, theme.page, vocabulary.VOCABULARY_FILE,
                    location=node, type="lnox", subtype="theme",
                )  # fmt: skip
                continue
            uri = app.builder.get_relative_uri(docname, theme.page)
            cards += card(theme, app.config.language, uri)
        node.replace_self(cards)


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
    path = root / "docs" / f"{theme.page}.md"
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


def _theme_of_page(app: Sphinx, docname: str) -> vocabulary.Theme | None:
    themes = vocabulary.load(Path(app.srcdir).parent).themes.values()
    return next((theme for theme in themes if theme.page == docname), None)


def _note_vocabulary(app: Sphinx, doctree: nodes.document) -> None:
    # A theme page is described by its sentence of themes.yaml: written again when it changes.
    if _theme_of_page(app, app.env.docname):
        app.env.note_dependency(str(Path(app.srcdir).parent / vocabulary.VOCABULARY_FILE))


def _description(app: Sphinx, docname: str) -> Description | None:
    theme = _theme_of_page(app, docname)
    return Description(localise(theme.summaries, app.config.language)) if theme else None


def _key_lines(root: Path, path: Path) -> dict[tuple[str, ...], int]:
    """The 1-based line of every mapping key of a YAML file, by its path of keys."""
    lines: dict[tuple[str, ...], int] = {}

    def walk(node: yaml.Node, prefix: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                lines[(*prefix, key.value)] = key.start_mark.line + 1
                walk(value, (*prefix, key.value))

    walk(yaml.compose(sources.read_text(path, root)), ())
    return lines


@validator
def check_themes(root: Path) -> Iterator[Problem]:
    """Each theme has a page that exists, and a name and a summary in every language."""
    path = root / vocabulary.VOCABULARY_FILE
    if not path.exists():
        return
    where = str(vocabulary.VOCABULARY_FILE)
    lines = _key_lines(root, path)
    for slug, theme in vocabulary.load(root).themes.items():
        line = lines.get(("themes", slug), 0)
        if not (root / "docs" / f"{theme.page}.md").exists():
            yield Problem(
                where, lines.get(("themes", slug, "page"), line),
                f"page {theme.page!r} does not exist",
                f"create docs/{theme.page}.md or correct `page`", slug,
            )  # fmt: skip
        else:
            yield from page_problems(root, theme)
        # The file's other keys are read as languages: a misspelt key would hide a missing one.
        for key in sorted(set(theme.titles) - set(LANGUAGES)):
            yield Problem(
                where, lines.get(("themes", slug, key), line), f"unknown key {key!r}",
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
                    where, lines.get(("themes", slug, "summary"), line),
                    f"no summary in language {language!r}",
                    f"add `{language}: \"<one sentence>\"` under `summary:` of `{slug}`", slug,
                )  # fmt: skip


def setup(app: Sphinx) -> None:
    app.add_node(theme_cards)
    app.add_directive("theme-cards", ThemeCards)
    app.connect("doctree-resolved", _resolve)
    app.connect("doctree-read", _note_vocabulary)
    app.connect(EVENT, _description)
