"""Images a contribution brings: the checks ask for a text alternative (or a decorative mark), an
existing file in a format the site serves and an original of reasonable size; the build publishes
each photo resized to the column's widths, in WebP and JPEG, upright and without EXIF data, and
never encodes the same image twice."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import build_copy
from PIL import Image

from benchmarks.bench import page_weight
from lnox_site.checks import images
from lnox_site.pages.renditions import renditions, widths

POST = Path("docs/actualites/2025/2025-02-17-point-sur-le-programme-mila.md")
POST_HTML = "actualites/2025/2025-02-17-point-sur-le-programme-mila.html"
PHOTO = "seminaire-niche.jpg"
ALT = "Les participants du séminaire devant l’affiche du programme"
GPS_IFD = 0x8825
# What a page with a photo may weigh when a phone opens it: the page with its styles and scripts
# (25 to 37 KiB today) and the photo at the width a phone loads.
PAGE_BUDGET = 200 * 1024


def noise(size: tuple[int, int], sigma: float) -> Image.Image:
    return Image.merge("RGB", [Image.effect_noise(size, sigma) for _ in range(3)])


@pytest.fixture(scope="module")
def phone_photo() -> bytes:
    """A 4000x3000 JPEG of several MB, as a phone takes it, with its GPS position: blotches of
    colour with grain on top, which no encoder can shrink to nothing."""
    photo = Image.blend(
        noise((160, 120), 70).resize((4000, 3000), Image.Resampling.BICUBIC),
        noise((4000, 3000), 40),
        0.25,
    )
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (47.0, 23.0, 0.0)
    data = io.BytesIO()
    photo.save(data, "JPEG", quality=92, exif=exif)
    assert 3 * 1024 * 1024 < len(data.getvalue()) < 8 * 1024 * 1024
    return data.getvalue()


def add_to_post(project: Path, markdown: str, files: dict[str, bytes]) -> int:
    """Append ``markdown`` to the newest post, with ``files`` beside it: the line it starts at."""
    page = project / POST
    for name, data in files.items():
        (page.parent / name).write_bytes(data)
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    page.write_text(text + markdown, encoding="utf-8")
    return text.count("\n") + 1


def image_problems(project: Path) -> list[str]:
    """What the image check reports (the post's French text also lacks its English, which
    another check reports)."""
    return [str(p) for p in images.check_images(project) if p.path == POST.as_posix()]


# --- Checks ------------------------------------------------------------------------------------


def test_a_photo_with_its_text_alternative_passes(project, phone_photo):
    add_to_post(project, f"![{ALT}]({PHOTO})\n", {PHOTO: phone_photo})
    assert image_problems(project) == []


def test_a_photo_without_text_alternative_is_reported_at_its_line(project, phone_photo):
    line = add_to_post(project, f"Le séminaire.\n\n![]({PHOTO})\n", {PHOTO: phone_photo}) + 2
    assert image_problems(project) == [
        (
            f"{POST.as_posix()}:{line}: {PHOTO}: this image has no text alternative — write what "
            f"it shows between the brackets, e.g. ![Les participants du séminaire devant l’affiche]"
            f"({PHOTO}), or mark it decorative if the text around it already says everything: "
            f"![]({PHOTO}){{.decorative}}"
        )
    ]


@pytest.mark.parametrize(
    "markdown",
    [
        f"![]({PHOTO}){{.decorative}}\n",
        f"```{{image}} {PHOTO}\n:class: decorative\n```\n",
        f":::{{figure}} {PHOTO}\n---\nalt: {ALT}\n---\nLa légende.\n:::\n",
        "![Le logo d’un partenaire](https://example.org/logo.png)\n",
    ],
    ids=["decorative-mark", "decorative-directive", "figure-yaml-options", "remote"],
)
def test_decorative_marks_and_directive_options_are_understood(project, phone_photo, markdown):
    add_to_post(project, markdown, {PHOTO: phone_photo})
    assert image_problems(project) == []


def test_a_directive_without_alt_is_told_which_option_to_write(project, phone_photo):
    line = add_to_post(project, f"```{{figure}} {PHOTO}\nLa légende.\n```\n", {PHOTO: phone_photo})
    assert image_problems(project) == [
        (
            f"{POST.as_posix()}:{line}: {PHOTO}: this image has no text alternative — add a line "
            "`:alt: what it shows` under the {figure} line, or mark it decorative with "
            "`:class: decorative` if the text around it already says everything"
        )
    ]


def test_a_decorative_image_with_a_text_alternative_is_contradictory(project, phone_photo):
    line = add_to_post(project, f"![{ALT}]({PHOTO}){{.decorative}}\n", {PHOTO: phone_photo})
    assert image_problems(project) == [
        (
            f"{POST.as_posix()}:{line}: {PHOTO}: this image is marked decorative but has a text "
            "alternative — keep the text and remove the decorative mark, or remove the text"
        )
    ]


def test_a_missing_file_is_reported_with_the_folder_paths_start_from(project):
    line = add_to_post(project, f"![{ALT}](photos/{PHOTO})\n", {})
    assert image_problems(project) == [
        (
            f"{POST.as_posix()}:{line}: photos/{PHOTO}: the image file does not exist — check its "
            "name, and its path from the page's folder (docs/actualites/2025/)"
        )
    ]


def test_a_huge_original_is_reported_with_its_size(project):
    data = io.BytesIO()
    Image.new("RGB", (6000, 5000), "white").save(data, "JPEG")
    line = add_to_post(project, f"![{ALT}](scan.jpg)\n", {"scan.jpg": data.getvalue()})
    size = len(data.getvalue()) / 1024 / 1024
    assert image_problems(project) == [
        (
            f"{POST.as_posix()}:{line}: scan.jpg: this image is 6000x5000 pixels (30 megapixels, "
            f"{size:.1f} MB), far beyond what any screen needs (the site shows it at most 1620 "
            "pixels wide) — resize it to about 3000 pixels wide (at most 25 megapixels and 10 MB) before "
            "adding it"
        )
    ]


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("schema.svg", b"<svg/>", "an SVG drawing is not shown as an image — show it with"),
        ("anim.gif", b"GIF89a", "the site does not serve this kind of file as an image — save"),
        ("photo.jpg", b"not an image", "this file cannot be read as an image ("),
    ],
)
def test_files_the_site_cannot_serve_are_refused(project, name, data, what):
    line = add_to_post(project, f"![{ALT}]({name})\n", {name: data})
    [problem] = image_problems(project)
    assert problem.startswith(f"{POST.as_posix()}:{line}: {name}: {what}")


# --- Renditions --------------------------------------------------------------------------------


def test_widths_never_go_beyond_the_original():
    assert widths(4000) == [480, 810, 1620]
    assert widths(1000) == [480, 810, 1000]
    assert widths(300) == [300]


def test_renditions_are_upright_without_metadata_and_keep_transparency(tmp_path):
    # Stored 400x300, to be shown turned a quarter (EXIF orientation 6): 300x400 on screen.
    turned = Image.new("RGBA", (400, 300), (200, 30, 30, 0))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(GPS_IFD)[1] = "N"
    turned.save(tmp_path / "logo.png", exif=exif)
    made = renditions(tmp_path / "logo.png", tmp_path / "cache")
    assert [(r.path.suffix, r.width, r.height) for r in made] == [
        (".webp", 300, 400),
        (".png", 300, 400),
    ]
    for rendition in made:
        with Image.open(rendition.path) as image:
            assert image.size == (300, 400)
            assert image.mode == "RGBA"
            assert not image.getexif()
            assert not {"exif", "xmp", "XML:com.adobe.xmp"} & set(image.info)


# --- Build -------------------------------------------------------------------------------------


def stamps(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


@pytest.mark.slow
def test_a_post_with_a_phone_photo_is_published_light_in_both_languages(project, phone_photo):
    add_to_post(project, f"![{ALT}]({PHOTO})\n", {PHOTO: phone_photo})
    french = build_copy(project, "fr")
    assert french.returncode == 0, french.log
    cache = project / "docs" / "_build" / "images"
    encoded = stamps(cache)

    [picture] = french.soup("fr", POST_HTML).select("picture")
    img, source = picture.img, picture.source
    assert (img["width"], img["height"]) == ("810", "608")  # 4000x3000 in an 810 px column
    assert (img["loading"], img["decoding"], img["alt"]) == ("lazy", "async", ALT)
    assert source["type"] == "image/webp"
    folder = french.out / "fr" / Path(POST_HTML).parent
    files = {}
    for srcset, suffix in ((img["srcset"], ".jpg"), (source["srcset"], ".webp")):
        candidates = [c.split() for c in srcset.split(", ")]
        assert [w for _, w in candidates] == ["480w", "810w", "1620w"]
        for url, width in candidates:
            path = (folder / url).resolve()
            assert path.suffix == suffix
            files[(suffix, int(width[:-1]))] = path
    for (_, width), path in files.items():
        with Image.open(path) as image:
            assert image.size == (width, {480: 360, 810: 608, 1620: 1215}[width])
            assert not image.getexif()
            assert not {"exif", "xmp"} & set(image.info)
    assert (folder / img["src"]).resolve() == files[(".jpg", 810)]
    published = sorted(p.name for p in (french.out / "fr" / "_images").iterdir())
    assert published == sorted(p.name for p in files.values()), "the original is published"
    post = french.out / "fr" / POST_HTML
    assert page_weight(post) + files[(".webp", 810)].stat().st_size <= PAGE_BUDGET

    # The English build writes the page again with the same files, and encodes none.
    english = build_copy(project, "en")
    assert english.returncode == 0, english.log
    assert stamps(cache) == encoded
    [img] = english.soup("en", POST_HTML).select("picture img")
    assert img["srcset"] == french.soup("fr", POST_HTML).select_one("picture img")["srcset"]
    assert (english.out / "en" / Path(POST_HTML).parent / img["src"]).is_file()
