"""Photos and other pictures of pages, served fit to publish.

Each local JPEG, PNG or WebP image of a page (``![…](…)``, ``{image}``, ``{figure}``) is replaced,
when the page is written, by::

    <picture>
      <source type="image/webp" srcset="…-480.webp 480w, …-810.webp 810w, …" sizes="…">
      <img src="…-810.jpg" srcset="…-480.jpg 480w, …" sizes="…" width="810" height="608"
           alt="…" loading="lazy" decoding="async">
    </picture>

The browser picks the width its screen needs and WebP when it reads it (every current browser);
the JPEG (PNG for transparency) is there for the others. ``width`` and ``height`` are the size the
picture takes in the column, so the page does not jump when it arrives. The files come from
:mod:`lnox_site.pages.renditions`, cached in ``docs/_build/images/`` for every language and
build; the original is never published.
"""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from lnox_site.content.images import COLUMN, DECORATIVE, SUFFIXES
from lnox_site.pages.renditions import Rendition, renditions

CACHE = Path("_build") / "images"  # in the source folder, which the site never publishes


def publish(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    for image in list(doctree.findall(nodes.image)):
        source = image.get("candidates", {}).get("*")  # the file, relative to docs/
        if source is None or Path(source).suffix.lower() not in SUFFIXES:
            continue  # an address, or what the content checks refuse
        files = renditions(Path(app.srcdir) / source, Path(app.srcdir) / CACHE)
        folder = relative_uri(app.builder.get_target_uri(docname), app.builder.imagedir)
        names = {r: _copy(r, Path(source).stem, Path(app.builder.outdir, app.builder.imagedir))
                 for r in files}  # fmt: skip
        html = picture(image, files, {r: f"{folder}/{quote(name)}" for r, name in names.items()})
        image.replace_self(nodes.raw("", html, format="html"))


def _copy(rendition: Rendition, stem: str, folder: Path) -> str:
    """The rendition's name in the site's image folder, copied there if it is not yet."""
    name = f"{stem}-{rendition.path.name}"
    target = folder / name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(rendition.path, target)
    return name


def picture(image: nodes.image, files: list[Rendition], urls: dict[Rendition, str]) -> str:
    """The ``<picture>`` of an image node."""
    modern = [r for r in files if r.modern]
    fallback = [r for r in files if not r.modern]
    shown = max((r for r in fallback if r.width <= COLUMN), key=lambda r: r.width)
    # Narrower than the column on a phone, its own width (at most the column's) elsewhere.
    sizes = f"(max-width: {shown.width}px) 100vw, {shown.width}px"
    classes = [c for c in image.get("classes", []) if c != DECORATIVE]
    if image.get("align"):
        classes.append(f"align-{image['align']}")
    alt = "" if DECORATIVE in image.get("classes", []) else image.get("alt", "")
    attributes = {
        "src": urls[shown],
        "srcset": _srcset(fallback, urls),
        "sizes": sizes,
        "width": shown.width,
        "height": shown.height,
        "alt": alt,
        "class": " ".join(classes),
        "loading": "lazy",
        "decoding": "async",
    }
    img = " ".join(f'{k}="{escape(str(v))}"' for k, v in attributes.items() if v or k == "alt")
    source = f'<source type="image/webp" srcset="{_srcset(modern, urls)}" sizes="{sizes}">'
    return f"<picture>{source}<img {img}></picture>"


def _srcset(files: list[Rendition], urls: dict[Rendition, str]) -> str:
    return escape(", ".join(f"{urls[r]} {r.width}w" for r in files))


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", publish)
