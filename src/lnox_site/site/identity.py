"""What the site says of itself: its name, author and description, set in ``conf.py``.

``project`` names the site (the social cards, the feeds, the root pages), ``author`` signs the
feeds, ``lnox_description`` describes the pages that have no paragraph of their own (search, page
not found), ``lnox_social_image`` is the PNG image of the social cards (a path of the output, under
``_static/``) and ``lnox_image_alt`` its text. They are written in
French, like the pages; their English is in ``docs/locales/en/LC_MESSAGES/conf.po`` (a message
without its translation is shown in French).
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

from sphinx.application import Sphinx

from lnox_site.content.catalogues import translations
from lnox_site.content.paths import root_of

CATALOGUE = "conf"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def text(app: Sphinx, french: str) -> str:
    """``french``, a text of ``conf.py``, in the language of the build."""
    return translations(root_of(app.srcdir), app.config.language, CATALOGUE).get(french, french)


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG image, from its header chunk."""
    if png[:8] != PNG_SIGNATURE or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


@cache  # asked by every page
def _size_of(path: Path, mtime: float) -> tuple[int, int]:
    return png_size(path.read_bytes())


def image_size(app: Sphinx) -> tuple[int, int]:
    """The size of the social image, read from the static folder that holds it."""
    name = Path(app.config.lnox_social_image).relative_to("_static")
    for folder in app.config.html_static_path:
        path = Path(app.confdir, folder, name)
        if path.is_file():
            return _size_of(path, path.stat().st_mtime)
    raise FileNotFoundError(f"lnox_social_image: no {name} in html_static_path")


def setup(app: Sphinx) -> None:
    app.add_config_value("lnox_description", "", "html", types=frozenset({str}))
    app.add_config_value("lnox_image_alt", "", "html", types=frozenset({str}))
    app.add_config_value("lnox_social_image", "", "html", types=frozenset({str}))
