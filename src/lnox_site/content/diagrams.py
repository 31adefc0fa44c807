"""The SVG files of the explanatory diagrams (:mod:`lnox_site.pages.diagrams`): what the site asks
of one (a ``viewBox`` to scale on phones, a ``<title>`` that stands for the picture) and its
texts, each of which becomes a message to translate. What a diagram may contain, and the hostile
files it may not, is :mod:`lnox_site.content.drawing`'s: the tree read here holds nothing else."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Collection

from lnox_site.content.drawing import SVG, Drawing, cleaned, read
from lnox_site.content.languages import SOURCE_LANGUAGE
from lnox_site.content.wording import __

# Elements whose text is shown or read out: each one is a message to translate.
TEXT_TAGS = {f"{{{SVG}}}{tag}" for tag in ("title", "desc", "text", "tspan")}
# A text alternative shorter than this names the diagram rather than describing it.
TITLE_WORDS = 5


def labelled(root: ET.Element) -> list[ET.Element]:
    """The elements carrying a text of their own, in document order."""
    return [el for el in root.iter() if el.tag in TEXT_TAGS and (el.text or "").strip()]


def parse(svg: str) -> ET.Element:
    """The SVG's root element, without what a diagram may not contain; ValueError says what is
    wrong with the file (:class:`~lnox_site.content.drawing.Refused` for a DOCTYPE)."""
    return required(read(svg))


def required(drawing: Drawing) -> ET.Element:
    """The drawing's root element, once cleaned, if it has what the site asks of a diagram;
    ValueError says what it lacks."""
    root = cleaned(drawing)
    if root.tag != f"{{{SVG}}}svg":
        raise ValueError(__('the root element must be <svg xmlns="http://www.w3.org/2000/svg">'))
    if "viewBox" not in root.attrib:
        raise ValueError(
            __('<svg> needs a viewBox (e.g. viewBox="0 0 360 300") to scale on phones')
        )
    title = root.find(f"{{{SVG}}}title")
    if title is None or not (title.text or "").strip():
        raise ValueError(
            __(
                "no <title>: add <title>what the diagram shows</title> as the first element inside "
                "<svg> — it is the text alternative read by screen readers"
            )
        )
    if len(title.text.split()) < TITLE_WORDS:
        raise ValueError(
            __(
                "the <title> {title} is too short to stand for the diagram: say what it shows in "
                "at least {words} words (it is read out in place of the picture)"
            ).format(title=repr(title.text.strip()), words=TITLE_WORDS)
        )
    return root


def render(svg: str, labels: list[str], ident: str, untranslated: Collection[int] = ()) -> str:
    """The inline ``<svg>`` markup with ``labels`` in place of the file's texts; the labels at the
    positions ``untranslated`` are left in the file's language, and marked so."""
    root = parse(svg)
    for index, (element, label) in enumerate(zip(labelled(root), labels, strict=True)):
        element.text = label
        if index in untranslated:
            element.set("lang", SOURCE_LANGUAGE)
    root.set("role", "img")
    root.set("aria-labelledby", f"{ident}-title")
    root.find(f"{{{SVG}}}title").set("id", f"{ident}-title")
    # Width and height come from the page's CSS; the viewBox keeps the proportions.
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    return ET.tostring(root, encoding="unicode")
