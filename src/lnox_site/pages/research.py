"""The research themes as cards, and the description of each theme's page (the checks of
docs/_data/themes.yaml and of the theme pages are in :mod:`lnox_site.checks.themes`).

* ``theme-cards`` directive: one card per theme of docs/_data/themes.yaml, in the file's order, each
  with the theme's name, its one-sentence summary and a link to its page — used by the home page and
  the Recherche page, so that a new theme appears on both by itself.
* The same sentence describes the theme's page to search engines and link previews.

Cards are rendered when the page is written, in the page's language (the names and summaries are
data, not page text: they are never extracted for translation).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from lnox_site.content import vocabulary
from lnox_site.content.paths import THEMES, root_of
from lnox_site.site.descriptions import EVENT, Description


class theme_cards(nodes.General, nodes.Element):
    """Placeholder, replaced by the cards when the page is written."""


class ThemeCards(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        self.env.note_dependency(str(root_of(self.env.srcdir) / THEMES))
        node = theme_cards()
        self.set_source_info(node)
        return [node]


def card(theme: vocabulary.Theme, language: str, uri: str) -> nodes.list_item:
    """``<li class="lnox-card">`` holding the linked name and the summary."""
    item = nodes.list_item(classes=["lnox-card"])
    title = nodes.paragraph(classes=["lnox-card-title"])
    title += nodes.reference("", theme.titles[language], refuri=uri, internal=True)
    item += title
    item += nodes.paragraph(text=theme.summaries[language])
    return item


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(theme_cards))
    if not placeholders:
        return
    themes = vocabulary.load(root_of(app.srcdir)).themes.values()
    for node in placeholders:
        cards = nodes.bullet_list(classes=["lnox-cards"])
        # Every theme has its page: the checks of themes.yaml stop the build otherwise.
        for theme in themes:
            uri = app.builder.get_relative_uri(docname, theme.page)
            cards += card(theme, app.config.language, uri)
        node.replace_self(cards)


def _theme_of_page(app: Sphinx, docname: str) -> vocabulary.Theme | None:
    themes = vocabulary.load(root_of(app.srcdir)).themes.values()
    return next((theme for theme in themes if theme.page == docname), None)


def _note_vocabulary(app: Sphinx, doctree: nodes.document) -> None:
    # A theme page is described by its sentence of themes.yaml: written again when it changes.
    if _theme_of_page(app, app.env.docname):
        app.env.note_dependency(str(root_of(app.srcdir) / THEMES))


def _description(app: Sphinx, docname: str) -> Description | None:
    theme = _theme_of_page(app, docname)
    return Description(theme.summaries[app.config.language]) if theme else None


def setup(app: Sphinx) -> None:
    app.add_node(theme_cards)
    app.add_directive("theme-cards", ThemeCards)
    app.connect("doctree-resolved", _resolve)
    app.connect("doctree-read", _note_vocabulary)
    app.connect(EVENT, _description)
