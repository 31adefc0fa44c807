"""Markup of furo and docutils that the templates cannot reach, made accessible and translated.

* Citation lists (the bibliographies of sphinxcontrib-bibtex, any ``citation`` node): docutils
  writes ``<div role="list">`` around entries with the deprecated ``doc-biblioentry`` role, which
  is not a list item, so screen readers get a broken list (axe: aria-required-children,
  aria-deprecated-role). Entries are written as list items of that list instead.
* furo's navigation tree: the buttons that fold a section are labelled in English by furo's Python
  code (:data:`lnox_site.upstream.furo.FOLD_BUTTONS`); each gets a label in the page's language,
  whatever furo's wording.
* The code highlighting styles (20 KB that delay the first paint on phones) are loaded only by
  pages that show code, and furo's styles for other extensions (sphinx-design, copy buttons, Read
  the Docs ads and version menu; 5.5 KB), which the site does not use, are not loaded at all.
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from lnox_site.content.wording import _
from lnox_site.upstream import furo

# Set in a page's context by the handler that gave it a tree already translated (navigation.py).
TRANSLATED = "lnox_folds_translated"
HIGHLIGHTING_CSS = "_static/pygments.css"
UNUSED_CSS = furo.EXTENSIONS_CSS


def visit_citation(self: HTML5Translator, node: nodes.citation) -> None:
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=["citation"], role="listitem"))


def depart_citation(self: HTML5Translator, node: nodes.citation) -> None:
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), nodes.citation):
        self.body.append("</div>\n")


def translated_folds(tree: str, language: str) -> str:
    """furo's navigation ``tree`` with each fold button labelled in ``language``: the checkbox
    that holds a section's state is named after the link to the section, in the same item."""
    label = _("Show or hide the pages of the section {section}", language)
    soup = BeautifulSoup(tree, "html.parser")
    for checkbox in soup.select(furo.FOLD_BUTTONS):
        checkbox["aria-label"] = label.format(section=checkbox.parent.a.get_text())
    return str(soup)


def _translate_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    tree = context.get(furo.TREE)
    if not tree or context.pop(TRANSLATED, False):
        return
    context[furo.TREE] = translated_folds(tree, app.config.language)


def _only_used_styles(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    unused = {UNUSED_CSS}
    if doctree is None or next(doctree.findall(nodes.literal_block), None) is None:
        unused.add(HIGHLIGHTING_CSS)
    context["css_files"] = [
        css for css in context["css_files"] if getattr(css, "filename", css) not in unused
    ]


def setup(app: Sphinx) -> None:
    app.add_node(nodes.citation, override=True, html=(visit_citation, depart_citation))
    # After furo's own handler, which builds the navigation tree.
    app.connect("html-page-context", _translate_navigation, priority=900)
    app.connect("html-page-context", _only_used_styles)
