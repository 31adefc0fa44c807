"""The images of pages and posts: each has a text alternative or is marked decorative, its file
exists, is in a format the site serves, and is not far larger than any screen needs.

Images from another site (``https://…``) are not checked here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lnox_site.checks import kept
from lnox_site.content import images, sources
from lnox_site.content.images import ImageUse
from lnox_site.content.problems import Problem

# Beyond this, an original is far larger than any screen needs (the site serves it at most
# images.WIDTHS[-1] pixels wide) and would weigh in the repository for ever: a phone's 12 to 24
# megapixel photo passes, a 48 megapixel one or a scan at 600 dpi does not.
MAX_MEGAPIXELS = 25
MAX_BYTES = 10 * 1024 * 1024
_EXPORT = "save it as JPEG (a photo) or PNG (a logo, a screenshot, a chart), or WebP"


def check_images(root: Path) -> Iterator[Problem]:
    """Every local image of every page."""
    yield from kept.current(root).each(
        "images", sources.pages(root), lambda page, text: _page(root, page, text)
    )


def _page(root: Path, page: Path, text: str) -> Iterator[Problem]:
    where = page.relative_to(root).as_posix()
    folder = page.parent.relative_to(root).as_posix()
    for use in images.uses(text, root):
        if use.remote:
            continue
        for what, fix in (*_alternative(use), *_file(use.file(page, root), folder)):
            yield Problem(where, use.line, what, fix, use.src)


def _alternative(use: ImageUse) -> Iterator[tuple[str, str]]:
    if use.decorative and use.alt:
        yield (
            "this image is marked decorative but has a text alternative",
            "keep the text and remove the decorative mark, or remove the text",
        )
    elif not use.decorative and not use.alt and use.directive:
        yield (
            "this image has no text alternative",
            (
                f"add a line `:alt: what it shows` under the {{{use.directive}}} line, or mark "
                "it decorative with `:class: decorative` if the text around it already says "
                "everything"
            ),
        )
    elif not use.decorative and not use.alt:
        yield (
            "this image has no text alternative",
            (
                "write what it shows between the brackets, e.g. "
                f"![Les participants du séminaire devant l’affiche]({use.src}), or mark it "
                f"decorative if the text around it already says everything: "
                f"![]({use.src}){{.decorative}}"
            ),
        )


def _file(path: Path, folder: str) -> Iterator[tuple[str, str]]:
    sources.note(path)  # the result depends on the file, or on its absence
    suffix = path.suffix.lower()
    if suffix == ".svg":
        yield (
            "an SVG drawing is not shown as an image",
            (
                "show it with ```{diagram} (its labels are translated and follow the dark "
                "theme), or export it as PNG"
            ),
        )
        return
    if suffix not in images.SUFFIXES:
        yield ("the site does not serve this kind of file as an image", _EXPORT)
        return
    if not path.is_file():
        yield (
            "the image file does not exist",
            f"check its name, and its path from the page's folder ({folder}/)",
        )
        return
    try:
        image = images.read(path)
    except ValueError as error:
        yield (f"this file cannot be read as an image ({error})", _EXPORT)
        return
    if image.format not in images.RASTER:
        yield (f"this file is a {image.format} image, whatever its name says", _EXPORT)
    elif image.megapixels > MAX_MEGAPIXELS or image.bytes > MAX_BYTES:
        yield (
            (
                f"this image is {image.width}x{image.height} pixels ({image.megapixels:.0f} "
                f"megapixels, {image.bytes / 1024 / 1024:.1f} MB), far beyond what any screen "
                f"needs (the site shows it at most {images.WIDTHS[-1]} pixels wide)"
            ),
            (
                f"resize it to about 3000 pixels wide (at most {MAX_MEGAPIXELS} megapixels and "
                f"{MAX_BYTES // 1024 // 1024} MB) before adding it"
            ),
        )
