"""Explanatory diagrams: SVG files drawn for the site, inlined in the page, labels translated.

    ```{diagram} schemas/niche.svg
    Légende visible sous le schéma.
    ```

The SVG file is written in French, like the pages. Its ``<title>`` (the text alternative, required),
its ``<desc>`` and every ``<text>``/``<tspan>`` become messages of the page's catalogue, so the
English labels are translated in the page's ``.po`` file with the rest of the page. The directive's
content is the visible caption.

The file holds a drawing and nothing else (:mod:`lnox_site.content.drawing`): the checks report
anything else on its line in the SVG, and what is read here leaves it out all the same.

The SVG is inlined in the HTML rather than loaded with ``<img>``: an image file cannot see the
page's CSS, so its colours could not follow the reader's choice of light or dark theme. Shapes and
labels carry classes (``lnox-d-*``) that docs/_static/lnox.css colours with Furo's variables; the
colours written in the file itself are only a fallback for viewing it on its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from lnox_site.content.diagrams import labelled, parse, render
from lnox_site.site.untranslated import IN_FRENCH


class diagram(nodes.General, nodes.Element):
    """A figure holding the SVG source, its labels (translatable) and its caption."""


class diagram_label(nodes.paragraph):
    """One text of the SVG, as a paragraph so that Sphinx extracts and translates it."""


class Diagram(SphinxDirective):
    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        relative, path = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(relative)
        try:
            svg = Path(path).read_text(encoding="utf-8")
            root = parse(svg)
        except (OSError, ValueError) as error:
            raise self.error(f"diagram {self.arguments[0]}: {error}") from None
        node = diagram(svg=svg, ident=nodes.make_id(f"diagram-{Path(path).stem}"))
        self.set_source_info(node)
        for element in labelled(root):
            text = " ".join(element.text.split())
            label = diagram_label(text, text)
            self.set_source_info(label)
            node += label
        node += self.parse_content_to_nodes()
        return [node]


def visit_diagram(self: Any, node: diagram) -> None:
    labels = list(node.findall(diagram_label))
    # Marked by lnox_site.site.untranslated when a label has no translation yet.
    french = {i for i, label in enumerate(labels) if IN_FRENCH in label["classes"]}
    self.body.append('<figure class="lnox-diagram">')
    self.body.append(
        render(node["svg"], [label.astext() for label in labels], node["ident"], french)
    )
    self.body.append("<figcaption>")


def depart_diagram(self: Any, node: diagram) -> None:
    self.body.append("</figcaption></figure>\n")


def skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(diagram, html=(visit_diagram, depart_diagram))
    app.add_node(diagram_label, html=(skip, None))
    app.add_directive("diagram", Diagram)
