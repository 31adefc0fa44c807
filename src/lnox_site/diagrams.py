"""Explanatory diagrams: SVG files drawn for the site, inlined in the page, labels translated.

    ```{diagram} schemas/niche.svg
    Légende visible sous le schéma.
    ```

The SVG file is written in French, like the pages. Its ``<title>`` (the text alternative, required),
its ``<desc>`` and every ``<text>``/``<tspan>`` become messages of the page's catalogue, so the
English labels are translated in the page's ``.po`` file with the rest of the page. The directive's
content is the visible caption.

The SVG is inlined in the HTML rather than loaded with ``<img>``: an image file cannot see the
page's CSS, so its colours could not follow the reader's choice of light or dark theme. Shapes and
labels carry classes (``lnox-d-*``) that docs/_static/lnox.css colours with Furo's variables; the
colours written in the file itself are only a fallback for viewing it on its own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import sources
from .validation import ContentError, Problem, validator

SVG = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG)
# Elements whose text is shown or read out: each one is a message to translate.
TEXT_TAGS = {f"{{{SVG}}}{tag}" for tag in ("title", "desc", "text", "tspan")}
# A text alternative shorter than this names the diagram rather than describing it.
TITLE_WORDS = 5
# A diagram directive in a page: ```{diagram} path/to/file.svg
DIRECTIVE = re.compile(r"^[ \t]*[`:]{3,}\{diagram\}[ \t]+(\S+)", re.MULTILINE)


class diagram(nodes.General, nodes.Element):
    """A figure holding the SVG source, its labels (translatable) and its caption."""


class diagram_label(nodes.paragraph):
    """One text of the SVG, as a paragraph so that Sphinx extracts and translates it."""


def labelled(root: ET.Element) -> list[ET.Element]:
    """The elements carrying a text of their own, in document order."""
    return [el for el in root.iter() if el.tag in TEXT_TAGS and (el.text or "").strip()]


def parse(svg: str) -> ET.Element:
    """The SVG's root element; ValueError says what is wrong with the file."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise ValueError(f"not well-formed XML ({error})") from None
    if root.tag != f"{{{SVG}}}svg":
        raise ValueError('the root element must be <svg xmlns="http://www.w3.org/2000/svg">')
    if "viewBox" not in root.attrib:
        raise ValueError('<svg> needs a viewBox (e.g. viewBox="0 0 360 300") to scale on phones')
    title = root.find(f"{{{SVG}}}title")
    if title is None or not (title.text or "").strip():
        raise ValueError(
            "no <title>: add <title>what the diagram shows</title> as the first element inside "
            "<svg> — it is the text alternative read by screen readers"
        )
    if len(title.text.split()) < TITLE_WORDS:
        raise ValueError(
            f"the <title> {title.text.strip()!r} is too short to stand for the diagram: say what "
            f"it shows in at least {TITLE_WORDS} words (it is read out in place of the picture)"
        )
    return root


def render(svg: str, labels: list[str], ident: str) -> str:
    """The inline ``<svg>`` markup with ``labels`` in place of the file's texts."""
    root = parse(svg)
    for element, label in zip(labelled(root), labels, strict=True):
        element.text = label
    root.set("role", "img")
    root.set("aria-labelledby", f"{ident}-title")
    root.find(f"{{{SVG}}}title").set("id", f"{ident}-title")
    # Width and height come from the page's CSS; the viewBox keeps the proportions.
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    return ET.tostring(root, encoding="unicode")


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


@validator
def check_diagrams(root: Path) -> Iterator[Problem]:
    """Every SVG that a page shows as a diagram exists and has what the site needs."""
    yield from sources.each(root, sources.pages(root), lambda page, text: _page(root, page, text))


def _page(root: Path, page: Path, text: str) -> Iterator[Problem]:
    """The diagrams of one page."""
    for match in DIRECTIVE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        where = page.relative_to(root).as_posix()
        svg = page.parent / match.group(1)
        try:
            parse(sources.read_text(svg, root))
        except ContentError as error:
            yield error.problem
        except FileNotFoundError:
            yield Problem(
                where, line, "the diagram file does not exist",
                "check its path, which is relative to the page", match.group(1),
            )  # fmt: skip
        except ValueError as error:
            yield Problem(where, line, str(error), f"edit {svg.name}", match.group(1))


def visit_diagram(self: Any, node: diagram) -> None:
    labels = [label.astext() for label in node.findall(diagram_label)]
    self.body.append('<figure class="lnox-diagram">')
    self.body.append(render(node["svg"], labels, node["ident"]))
    self.body.append("<figcaption>")


def depart_diagram(self: Any, node: diagram) -> None:
    self.body.append("</figcaption></figure>\n")


def skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(diagram, html=(visit_diagram, depart_diagram))
    app.add_node(diagram_label, html=(skip, None))
    app.add_directive("diagram", Diagram)
