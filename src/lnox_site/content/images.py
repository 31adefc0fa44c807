"""The images a page shows and what their files are.

A page shows an image with ``![text alternative](file.jpg)``, or with an ``{image}`` or ``{figure}``
directive and its ``:alt:`` option. An image that says nothing the text does not already say
(an ornament, a photo whose caption tells everything) is marked decorative: ``{.decorative}``
after a Markdown image (MyST's ``attrs_inline``), ``:class: decorative`` for a directive. It is
then shown with an empty text alternative, which screen readers skip.

The file of an image is read with Pillow from its header only (format, pixel size, orientation):
checking a page never decodes a photo.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, UnidentifiedImageError

from lnox_site.content import markdown
from lnox_site.content.paths import DOCS

DECORATIVE = "decorative"
DIRECTIVES = {"image", "figure"}
# The formats the site resizes and serves (Pillow's names; MPO is the JPEG of some cameras).
RASTER = {"JPEG", "MPO", "PNG", "WEBP"}
SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
# The width of Furo's article column in CSS pixels: 46em at the site's font size (110% of 16 px).
COLUMN = 810
# The widths an image is served at: a phone's, the column's, and the column's on a screen of two
# device pixels per CSS pixel. Never wider than the original.
WIDTHS = (480, COLUMN, 2 * COLUMN)
# EXIF orientations that turn the picture a quarter: its width and height are swapped on screen.
QUARTER_TURNS = {5, 6, 7, 8}
ORIENTATION = 0x0112


@dataclass(frozen=True)
class ImageUse:
    """One image of a page, as its source writes it."""

    line: int
    src: str
    alt: str  # "" when the source gives none
    decorative: bool
    directive: str | None  # "image" or "figure"; None for ``![…](…)``

    @property
    def remote(self) -> bool:
        """An image from an address (``https://…``, ``data:…``) rather than a file of the site."""
        parts = urlsplit(self.src)
        return bool(parts.scheme or parts.netloc)

    def file(self, page: Path, root: Path) -> Path:
        """The image file: relative to the page, or to docs/ when the path starts with ``/``."""
        if self.src.startswith("/"):
            return root / DOCS / self.src.lstrip("/")
        return page.parent / self.src


@dataclass(frozen=True)
class ImageFile:
    """What an image file is, from its header."""

    format: str  # Pillow's name: "JPEG", "PNG", …
    width: int  # as shown, its EXIF orientation applied
    height: int
    bytes: int

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1e6


def uses(text: str, root: Path) -> Iterator[ImageUse]:
    """Every image of a page's text, in document order."""
    for located in markdown.walk(text, root):
        token = located.token
        if token.type == "image":
            alt = "".join(child.content for child in token.children or ()).strip()
            classes = str(token.attrs.get("class", "")).split()
            src = str(token.attrs.get("src", ""))
            yield ImageUse(located.line, src, alt, DECORATIVE in classes, None)
        elif (name := markdown.directive_name(token)) in DIRECTIVES:
            options = markdown.options(token)
            src = markdown.argument(token)
            classes = options.get("class", "").split()
            alt = options.get("alt", "").strip()
            yield ImageUse(located.line, src, alt, DECORATIVE in classes, name)


def read(path: Path) -> ImageFile:
    """The format and size of an image file; ValueError when Pillow cannot read it."""
    try:
        # Pillow warns of an image over 89 megapixels: the check reports it as too large.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = upright_size(image)
                return ImageFile(image.format or "", width, height, path.stat().st_size)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError) as error:
        raise ValueError(str(error)) from None


def upright_size(image: Image.Image) -> tuple[int, int]:
    """Width and height of an opened image as shown, turned as its EXIF orientation says."""
    width, height = image.size
    if image.getexif().get(ORIENTATION) in QUARTER_TURNS:
        return height, width
    return width, height
