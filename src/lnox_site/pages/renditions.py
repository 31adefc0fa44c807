"""The files a photo is published as: resized to the widths the layout uses, in WebP and in a
fallback (JPEG, or PNG for an image with transparency), turned upright, without metadata.

Each original is resized once: the files are kept in a cache folder under names made of the
original's content hash and the width, so an unchanged image costs a hash on the next build,
whatever the language or the page, and a changed one gets new names (browsers never see an old
copy). Nothing of the original's EXIF or XMP data (camera, date, GPS position) is written; its
colour profile is kept, so that colours stay right.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from lnox_site.content.images import WIDTHS, upright_size

# Part of every cached name: a change of these settings makes new files.
SETTINGS = "webp q75 m4; jpeg q80 progressive; png optimize; lanczos"
WEBP = {"format": "WEBP", "quality": 75, "method": 4}
JPEG = {"format": "JPEG", "quality": 80, "optimize": True, "progressive": True}
PNG = {"format": "PNG", "optimize": True}
SUFFIX = {"WEBP": "webp", "JPEG": "jpg", "PNG": "png"}


@dataclass(frozen=True)
class Rendition:
    path: Path  # in the cache
    width: int
    height: int
    modern: bool  # WebP, rather than the fallback


def widths(width: int) -> list[int]:
    """The widths an image ``width`` pixels wide is served at: never wider than it is."""
    return sorted({min(w, width) for w in WIDTHS})


def renditions(original: Path, cache: Path) -> list[Rendition]:
    """Every file of ``original``, made if the cache does not hold it yet. Only the header of the
    original is read when the cache holds them all."""
    digest = hashlib.sha256(original.read_bytes() + SETTINGS.encode()).hexdigest()[:20]
    with Image.open(original) as image:
        width, height = upright_size(image)
        fallback = PNG if image.has_transparency_data else JPEG
        wanted = [
            Rendition(cache / f"{digest}-{w}.{SUFFIX[kind['format']]}", w, h, kind is WEBP)
            for w in widths(width)
            for h in [round(height * w / width)]
            for kind in (WEBP, fallback)
        ]
        missing = [r for r in wanted if not r.path.exists()]
        if missing:
            # A JPEG is decoded at the smallest scale (1/2, 1/4, 1/8) that is still larger than
            # the largest file wanted, as the size on screen turned as the camera was held.
            size = (wanted[-1].width, wanted[-1].height)
            image.draft("RGB", size if image.size == (width, height) else size[::-1])
            upright = ImageOps.exif_transpose(image)
            cache.mkdir(parents=True, exist_ok=True)
            icc = image.info.get("icc_profile")
            for rendition in missing:
                _write(upright, rendition, WEBP if rendition.modern else fallback, icc)
    return wanted


def _write(image: Image.Image, rendition: Rendition, kind: dict, icc: bytes | None) -> None:
    mode = "RGBA" if kind is PNG or (kind is WEBP and image.has_transparency_data) else "RGB"
    resized = image.convert(mode).resize(
        (rendition.width, rendition.height), Image.Resampling.LANCZOS, reducing_gap=3.0
    )
    resized.info = {}  # no EXIF, no XMP, no comment
    extra = {"icc_profile": icc} if icc else {}
    # Written beside, then renamed: a build that stops half-way, or a build of the other language
    # running at the same time, never leaves a half-written file under the final name.
    handle, temporary = tempfile.mkstemp(dir=rendition.path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            resized.save(file, **kind, **extra)
        os.replace(temporary, rendition.path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
