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
from lnox_site.content.wording import N__, __

# Beyond this, an original is far larger than any screen needs (the site serves it at most
# images.WIDTHS[-1] pixels wide) and would weigh in the repository for ever: a phone's 12 to 24
# megapixel photo passes, a 48 megapixel one or a scan at 600 dpi does not.
MAX_MEGAPIXELS = 25
MAX_BYTES = 10 * 1024 * 1024
_EXPORT = N__("save it as JPEG (a photo) or PNG (a logo, a screenshot, a chart), or WebP")


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
            __("this image is marked decorative but has a text alternative"),
            __("keep the text and remove the decorative mark, or remove the text"),
        )
    elif not use.decorative and not use.alt and use.directive:
        yield (
            __("this image has no text alternative"),
            __(
                "add a line `:alt: what it shows` under the {directive} line, or mark "
                "it decorative with `:class: decorative` if the text around it already says "
                "everything"
            ).format(directive=f"{{{use.directive}}}"),
        )
    elif not use.decorative and not use.alt:
        yield (
            __("this image has no text alternative"),
            __(
                "write what it shows between the brackets, e.g. "
                "![Les participants du séminaire devant l’affiche]({src}), or mark it "
                "decorative if the text around it already says everything: "
                "![]({src}){{.decorative}}"
            ).format(src=use.src),
        )


def _file(path: Path, folder: str) -> Iterator[tuple[str, str]]:
    sources.note(path)  # the result depends on the file, or on its absence
    suffix = path.suffix.lower()
    if suffix == ".svg":
        yield (
            __("an SVG drawing is not shown as an image"),
            __(
                "show it with ```{diagram} (its labels are translated and follow the dark "
                "theme), or export it as PNG"
            ),
        )
        return
    if suffix not in images.SUFFIXES:
        yield (__("the site does not serve this kind of file as an image"), __(_EXPORT))
        return
    if not path.is_file():
        yield (
            __("the image file does not exist"),
            __("check its name, and its path from the page's folder ({folder}/)").format(
                folder=folder
            ),
        )
        return
    try:
        image = images.read(path)
    except ValueError as error:
        yield (
            __("this file cannot be read as an image ({error})").format(error=error),
            __(_EXPORT),
        )
        return
    if image.format not in images.RASTER:
        what = __("this file is a {format} image, whatever its name says")
        yield (what.format(format=image.format), __(_EXPORT))
    elif image.megapixels > MAX_MEGAPIXELS or image.bytes > MAX_BYTES:
        yield (
            __(
                "this image is {width}x{height} pixels ({megapixels:.0f} megapixels, "
                "{megabytes:.1f} MB), far beyond what any screen needs (the site shows it at "
                "most {widest} pixels wide)"
            ).format(
                width=image.width,
                height=image.height,
                megapixels=image.megapixels,
                megabytes=image.bytes / 1024 / 1024,
                widest=images.WIDTHS[-1],
            ),
            __(
                "resize it to about 3000 pixels wide (at most {megapixels} megapixels and "
                "{megabytes} MB) before adding it"
            ).format(megapixels=MAX_MEGAPIXELS, megabytes=MAX_BYTES // 1024 // 1024),
        )
