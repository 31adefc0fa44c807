"""What a diagram's SVG may contain, and the reader that holds it to that.

A diagram comes from a contribution and its markup is inlined in every page that shows it, so its
file is hostile input: it may carry code (``<script>``, ``onload``, ``javascript:`` links,
animations that set them), HTML (``<foreignObject>``), or make every reader's browser fetch
something (``<image>``, a stylesheet, ``url(https://…)``, ``<use href="other.svg#x">``), and its
DOCTYPE may declare entities that expand to gigabytes or read local files.

:func:`read` parses the file with defusedxml (a DOCTYPE is refused before any entity is declared)
and keeps the line of each element and attribute. A drawing may hold the elements of
:data:`ELEMENTS` with the attributes of :data:`ATTRIBUTES`; ``url()`` and ``href`` may only point
to an element of the file itself. :func:`refusals` says what else a file holds and where, for the
check; :func:`cleaned` drops it, for the renderer: one allow-list for both.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from lnox_site.content.wording import N__, __

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)

# Shapes, text and what styles them: gradients, markers (arrow heads), clip paths, masks, patterns
# (hatching), and <symbol>/<use> to draw a shape several times. Not <a>, <image>, <style>,
# <script>, <foreignObject>, animations, filters (<feImage> loads files) nor <textPath>.
ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "symbol", "use",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
    "linearGradient", "radialGradient", "stop", "marker", "clipPath", "mask", "pattern",
})  # fmt: skip
# Presentation attributes (CSS properties written as attributes) that may hold url(#id): a
# gradient or pattern to paint with, a clip path, a mask, a marker.
REFERENCING = frozenset({
    "fill", "stroke", "clip-path", "mask", "marker-start", "marker-mid", "marker-end",
})  # fmt: skip
PRESENTATION = REFERENCING | {
    "fill-opacity", "fill-rule", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity",
    "transform", "font-family", "font-size", "font-weight", "font-style", "font-variant",
    "font-stretch", "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
    "letter-spacing", "word-spacing", "text-decoration", "writing-mode", "direction",
    "unicode-bidi", "visibility", "display", "color", "stop-color", "stop-opacity", "clip-rule",
    "vector-effect", "paint-order", "shape-rendering", "text-rendering", "overflow",
}  # fmt: skip
GEOMETRY = {
    "viewBox", "preserveAspectRatio", "version", "width", "height", "x", "y", "x1", "y1", "x2",
    "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr", "d", "points", "pathLength", "dx", "dy",
    "rotate", "textLength", "lengthAdjust", "offset", "gradientUnits", "gradientTransform",
    "spreadMethod", "markerUnits", "markerWidth", "markerHeight", "refX", "refY", "orient",
    "clipPathUnits", "maskUnits", "maskContentUnits", "patternUnits", "patternContentUnits",
    "patternTransform",
}  # fmt: skip
ATTRIBUTES = frozenset(
    PRESENTATION | GEOMETRY | {"id", "class", "role", "lang", f"{{{XML}}}lang", f"{{{XML}}}space"}
)
# Besides ATTRIBUTES: accessible names and descriptions, free text that no browser fetches.
ARIA = "aria-"
# <use> draws another element of the file: the one attribute that holds an address.
HREF = frozenset({"href", f"{{{XLINK}}}href"})
# CSS functions a presentation attribute may call (colours, transforms); url() is checked apart.
# image-set(), cross-fade(), element(), var()… may load a file or hide one.
FUNCTIONS = frozenset({
    "url", "rgb", "rgba", "hsl", "hsla", "matrix", "translate", "scale", "rotate", "skewx",
    "skewy",
})  # fmt: skip
# A CSS function call in a presentation attribute's value (a CSS value, not XML): its name.
FUNCTION = re.compile(r"([-\w]+)\s*\(")
POINT_INSIDE = N__(
    "point to a gradient, pattern, clip path, mask or marker of this file: url(#id), in fill, "
    "stroke, clip-path, mask or marker-*"
)
PLAIN_SVG = N__("save the file as plain SVG, without an editor's own data")
SHOWN = ", ".join(sorted(ELEMENTS, key=str.lower))
# Elements refused for a reason worth saying, and how to do without them.
REASONS = {
    "script": (N__("a script"), N__("remove it: a diagram runs no code")),
    "foreignObject": (N__("HTML inside the drawing"), N__("draw it with SVG shapes and <text>")),
    "a": (N__("a link"), N__("remove the <a> (keep what it holds): links go in the page's text")),
    "image": (N__("a picture loaded from a file or the web"), N__("draw it with SVG shapes")),
    "style": (
        N__("a stylesheet"),
        N__(
            "colour with attributes (fill=, stroke=) and the lnox-d-* classes that lnox.css styles"
        ),
    ),
    **{
        name: (N__("an animation"), N__("remove it: a diagram is a still drawing"))
        for name in ("animate", "animateMotion", "animateTransform", "set", "discard")
    },
}
# White space between the parts of a tag, in XML.
SPACE = b" \t\r\n"
# The longest attribute value quoted in a message.
QUOTED = 60


@dataclass(frozen=True)
class Refusal:
    """Something a diagram may not contain: its line in the SVG file, what it is, what to do."""

    line: int
    what: str
    fix: str


class Refused(ValueError):
    """A file that is not read at all: it declares a DOCTYPE."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(
            __("line {line}: {what} — {fix}").format(
                line=refusal.line, what=refusal.what, fix=refusal.fix
            )
        )
        self.refusal = refusal


@dataclass
class Drawing:
    """An SVG file's elements, each with the line of its start tag and the lines of its
    attributes, and the processing instructions met on the way (which the tree leaves out)."""

    root: ET.Element
    lines: dict[ET.Element, int]
    attribute_lines: dict[ET.Element, dict[str, int]]
    instructions: list[Refusal] = field(default_factory=list)


class _Builder(ET.TreeBuilder):
    """ElementTree's builder, noting where each element and attribute is in the file."""

    def __init__(self, raw: bytes) -> None:
        super().__init__()
        self.raw = raw
        self.expat = None  # set once the parser that calls the builder exists
        self.lines: dict[ET.Element, int] = {}
        self.attribute_lines: dict[ET.Element, dict[str, int]] = {}
        self.instructions: list[Refusal] = []

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        line = self.expat.CurrentLineNumber
        self.lines[element] = line
        lines = _attribute_lines(self.raw, self.expat.CurrentByteIndex, line)
        self.attribute_lines[element] = dict(zip(attrs, lines, strict=True))
        return element

    def pi(self, target: str, text: str | None = None) -> None:
        self.instructions.append(
            Refusal(
                self.expat.CurrentLineNumber,
                __("a processing instruction <?{target} …?>").format(target=target),
                __(
                    'remove it: only the XML declaration <?xml version="1.0"?> may stand before '
                    "<svg>"
                ),
            )
        )


def _attribute_lines(raw: bytes, start: int, line: int) -> list[int]:
    """The line of each attribute of the start tag at ``raw[start]``, in order, namespace
    declarations left out as expat leaves them out. Expat gives the tag's line, not its
    attributes'; it has checked the tag: ``<name``, then ``name="value"`` pairs."""
    lines = []
    position = start + 1
    while raw[position] not in SPACE + b"/>":
        position += 1  # the tag's name
    while True:
        while raw[position] in SPACE:
            position += 1
        if raw[position] in b"/>":
            return lines
        equals = raw.index(b"=", position)
        name = raw[position:equals].strip()
        if name != b"xmlns" and not name.startswith(b"xmlns:"):
            lines.append(line + raw.count(b"\n", start, position))
        opening = equals + 1
        while raw[opening] in SPACE:
            opening += 1
        position = raw.index(raw[opening : opening + 1], opening + 1) + 1


def read(text: str) -> Drawing:
    """The drawing of an SVG file; Refused for a DOCTYPE, ValueError for a file that is not
    well-formed XML."""
    raw = text.encode("utf-8")
    builder = _Builder(raw)
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.expat = parser.parser
    try:
        # Given text, expat reads it as UTF-8 whatever the XML declaration says: its byte
        # positions are those of ``raw``.
        parser.feed(text)
        root = parser.close()
    except ET.ParseError as error:
        raise ValueError(__("not well-formed XML ({error})").format(error=error)) from None
    except DefusedXmlException:
        # defusedxml refuses the DOCTYPE as soon as it starts: no entity is declared or read.
        line = parser.parser.CurrentLineNumber
        what = __("a <!DOCTYPE>: its declarations and entities are not read")
        raise Refused(Refusal(line, what, __("remove it: an SVG file needs none"))) from None
    return Drawing(root, builder.lines, builder.attribute_lines, builder.instructions)


def _name(qualified: str) -> tuple[str | None, str]:
    """``{namespace}name`` -> (namespace, name); (None, name) for a name without one."""
    if qualified.startswith("{"):
        namespace, name = qualified[1:].split("}", 1)
        return namespace, name
    return None, qualified


def _element_refusal(element: ET.Element) -> tuple[str, str] | None:
    namespace, name = _name(element.tag)
    if namespace != SVG:
        what = __("<{name}> from another vocabulary than SVG ({namespace})")
        return what.format(name=name, namespace=namespace), __(PLAIN_SVG)
    if name in ELEMENTS:
        return None
    if name in REASONS:
        what, fix = REASONS[name]
        return f"<{name}>: {__(what)}", __(fix)
    what = __("<{name}> is not an element a diagram may use").format(name=name)
    return what, __("draw with {elements}").format(elements=SHOWN)


def _internal(address: str, ids: set[str]) -> bool:
    return address.startswith("#") and address[1:] in ids


def _value_refusal(name: str, value: str, ids: set[str]) -> str | None:
    """What is wrong with the value of a presentation attribute, if anything."""
    if "\\" in value:
        return __("a CSS escape (\\) in a value"), __("write the value without backslashes")
    for call in FUNCTION.finditer(value):
        function = call.group(1).lower()
        if function not in FUNCTIONS:
            what = __("the CSS function {function}()").format(function=function)
            return what, __("write a plain colour, length or url(#id)")
        if function == "url":
            address = value[call.end() :].split(")", 1)[0].strip().strip("'\"")
            if name not in REFERENCING or not _internal(address, ids):
                return __("url() to something other than an element of this file"), __(POINT_INSIDE)
    return None


def _attribute_refusal(
    element: ET.Element, qualified: str, value: str, ids: set[str]
) -> tuple[str, str] | None:
    namespace, name = _name(qualified)
    _, tag = _name(element.tag)
    shown = f'{"xlink:" if namespace == XLINK else ""}{name}="{_quoted(value)}"'
    if qualified in HREF:
        if tag == "use" and _internal(value, ids):
            return None
        if tag == "use":
            return (
                __("<use {attribute}> points outside the drawing").format(attribute=shown),
                __('point to the id of an element of this file: href="#id"'),
            )
        what = __("{attribute} on <{tag}>").format(attribute=shown, tag=tag)
        return what, __('only <use> may have an href, to an element: href="#id"')
    if name.lower().startswith("on") and namespace is None:
        what = __("{attribute}: an event handler, which runs code").format(attribute=shown)
        return what, __("remove it: a diagram runs no code")
    if qualified == "style":
        return (
            __("{attribute}: CSS in a style attribute, which may load files").format(
                attribute=shown
            ),
            __('write each property as an attribute (fill="#fadbe6", not style="fill:#fadbe6")'),
        )
    if namespace is None and name.startswith(ARIA):
        return None
    if qualified not in ATTRIBUTES:
        what = __("{attribute} is not an attribute a diagram may use").format(attribute=shown)
        return what, __("remove it, or {plain_svg}").format(plain_svg=__(PLAIN_SVG))
    if qualified in PRESENTATION and (problem := _value_refusal(name, value, ids)):
        what, fix = problem
        return f"{shown}: {what}", fix
    return None


def _quoted(value: str) -> str:
    return value if len(value) <= QUOTED else value[: QUOTED - 1] + "…"


# What the allow-list refuses: (parent, element, attribute or None for the element, why).
Judged = tuple[ET.Element | None, ET.Element, str | None, Refusal]


def _judged(drawing: Drawing) -> Iterator[Judged]:
    """Everything the allow-list refuses, in document order: (parent, element, None) for an
    element, whose content goes with it, and (parent, element, attribute) for an attribute.
    The root element is not judged here: it must be <svg>, which the diagram's reader checks."""
    root = drawing.root
    ids = {element.get("id") for element in root.iter() if element.get("id")}

    def visit(parent: ET.Element | None, element: ET.Element) -> Iterator[Judged]:
        refused = _element_refusal(element) if parent is not None else None
        if refused:
            yield parent, element, None, Refusal(drawing.lines[element], *refused)
            return
        for attribute, value in element.attrib.items():
            refused = _attribute_refusal(element, attribute, value, ids)
            if refused:
                line = drawing.attribute_lines[element][attribute]
                yield parent, element, attribute, Refusal(line, *refused)
        for child in element:
            yield from visit(element, child)

    yield from visit(None, root)


def refusals(drawing: Drawing) -> list[Refusal]:
    """Everything in the file that a diagram may not contain, in the order of the file."""
    found = drawing.instructions + [refusal for *_, refusal in _judged(drawing)]
    return sorted(found, key=lambda refusal: refusal.line)


def cleaned(drawing: Drawing) -> ET.Element:
    """The drawing's root without anything the allow-list refuses (processing instructions and
    comments are never in the tree)."""
    for parent, element, attribute, _ in list(_judged(drawing)):
        if attribute is not None:
            del element.attrib[attribute]
        else:
            parent.remove(element)
    return drawing.root
