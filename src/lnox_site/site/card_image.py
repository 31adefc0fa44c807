"""The picture of a social card: a page's title, what the page is and the team's name, drawn with
Pillow in the site's colours as a 1200 x 630 PNG (the size link previews show in full width).

The fonts are DejaVu Sans and DejaVu Sans Bold, shipped with the package (``fonts/``, their
licence beside them) so that a build never fetches one and every machine draws the same letters:
French and English text, « œ », « É », typographic quotes, non-breaking spaces.

A title takes at most :data:`MAX_LINES` lines: it is set in the largest size of
:data:`TITLE_SIZES` at which it fits, broken at ordinary spaces only (never inside a word, nor at a
non-breaking space). A title too long even at the smallest size ends on a whole word and an
ellipsis. The PNG has the same bytes for the same texts (no time stamp), and carries what it shows
as JSON in an ``iTXt`` chunk (:data:`KEYWORD`): its texts, colours and title lines as drawn.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

SIZE = (1200, 630)
MARGIN = 80
WIDTH = SIZE[0] - 2 * MARGIN  # of every line of text
FONTS = Path(__file__).with_name("fonts")
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
TEXT_COLOUR = "#ffffff"
# Where each part sits (its top, in pixels) and its sizes, largest first.
TEAM = (60, (40, 34, 28))
RULE = (150, 96, 8)  # top, length, thickness: the accent's stroke above what the page is
KIND = (182, (30, 26, 22))
TITLE_TOP = 240
TITLE_SIZES = (76, 68, 60, 54, 48, 44)
LINE_HEIGHT = 1.2  # times the size
MAX_LINES = 3
FOOTER = (556, (28, 24, 20))
BAND = 12  # the accent's band along the bottom edge
ELLIPSIS = "…"
# Marks that stay on the line of the word before them, or after them.
CLOSING = set(":;!?»)")
OPENING = {"«", "("}
# Shades between the background and each ink (anti-aliased edges): the card's palette.
SHADES = 16
# The chunk that holds the card's texts (PNG's iTXt: UTF-8, with the language of the text).
KEYWORD = "lnox-card"


@dataclass(frozen=True)
class CardText:
    """What a card shows, in the page's language, and its colours."""

    title: str
    kind: str  # what the page is, e.g. "thème de recherche"; "" for a page of no kind of its own
    team: str  # the team's name, at the top
    footer: str  # the line at the foot: what the team is
    language: str
    background: str  # "#8c1c2b"
    accent: str

    def key(self) -> str:
        """A digest of everything that makes the picture: its texts and colours, the fonts, this
        module's code and Pillow's version. The same key is the same PNG."""
        digest = hashlib.sha256(_drawing_digest().encode())
        digest.update(json.dumps(asdict(self), sort_keys=True).encode())
        return digest.hexdigest()


@cache
def _drawing_digest() -> str:
    digest = hashlib.sha256(PIL.__version__.encode())
    for path in (Path(__file__), REGULAR, BOLD):
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    # The basic layout (FreeType alone) draws Latin text fully and the same everywhere; Raqm,
    # needed for scripts that join their letters, depends on the system's libraries.
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def words(text: str) -> list[str]:
    """The words of ``text``, split at ordinary spaces: a non-breaking space joins two words, and
    a mark that French sets apart (« : ; ! ? ») stays with the word it belongs to, in case a
    title has an ordinary space there."""
    found: list[str] = []
    for word in text.replace("\n", " ").split(" "):
        if not word:
            continue
        if found and (set(word) <= CLOSING or found[-1] in OPENING):
            found[-1] += f" {word}"
        else:
            found.append(word)
    return found


def wrap(chosen: list[str], face: ImageFont.FreeTypeFont) -> list[str]:
    """The words in lines of at most :data:`WIDTH` pixels, each line as full as it can be (a word
    wider than that alone on its line)."""
    lines: list[str] = []
    for word in chosen:
        if lines and face.getlength(f"{lines[-1]} {word}") <= WIDTH:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _fits(lines: list[str], face: ImageFont.FreeTypeFont, max_lines: int) -> bool:
    return len(lines) <= max_lines and all(face.getlength(line) <= WIDTH for line in lines)


def fit(
    text: str, path: Path, sizes: tuple[int, ...], max_lines: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest of ``sizes`` at which ``text`` fits in ``max_lines`` lines, and those lines.

    A word wider than a line even at the smallest size is set smaller still, until it fits. A text
    too long even then: the lines that fit, ending on a whole word and an ellipsis."""
    chosen = words(text) or [""]
    for size in sizes:
        face = font(path, size)
        lines = wrap(chosen, face)
        if _fits(lines, face, max_lines):
            return face, lines
    widest = max(chosen, key=lambda word: face.getlength(word + ELLIPSIS)) + ELLIPSIS
    while face.getlength(widest) > WIDTH:
        face = font(path, face.size - 1)
    lines = wrap(chosen, face)
    if _fits(lines, face, max_lines):
        return face, lines
    kept = chosen[: sum(len(words(line)) for line in lines[:max_lines])]
    while len(kept) > 1:
        lines = wrap([*kept[:-1], kept[-1].rstrip(",;:") + ELLIPSIS], face)
        if _fits(lines, face, max_lines):
            return face, lines
        kept.pop()
    return face, [kept[0].rstrip(",;:") + ELLIPSIS]


def _rgb(colour: str) -> tuple[int, int, int]:
    """ "#8c1c2b" -> (140, 28, 43)."""
    value = colour.removeprefix("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _mix(colour: tuple[int, ...], other: tuple[int, ...], share: float) -> tuple[int, ...]:
    return tuple(round(a * share + b * (1 - share)) for a, b in zip(colour, other, strict=True))


def _palette(background: tuple[int, ...], inks: tuple[tuple[int, ...], ...]) -> Image.Image:
    """The background, each ink, and :data:`SHADES` shades between them."""
    colours = [background]
    colours += [
        _mix(ink, background, step / SHADES) for ink in inks for step in range(1, SHADES + 1)
    ]
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in colours for channel in colour])
    return palette


def draw(card: CardText) -> bytes:
    """The card as PNG bytes."""
    background, accent, text = _rgb(card.background), _rgb(card.accent), _rgb(TEXT_COLOUR)
    image = Image.new("RGB", SIZE, background)
    pen = ImageDraw.Draw(image)
    face, lines = fit(card.team, BOLD, TEAM[1], 1)
    pen.text((MARGIN, TEAM[0]), lines[0], font=face, fill=text, anchor="la")
    top, length, thickness = RULE
    pen.rectangle((MARGIN, top, MARGIN + length - 1, top + thickness - 1), fill=accent)
    if card.kind:
        face, lines = fit(card.kind.upper(), REGULAR, KIND[1], 1)
        pen.text((MARGIN, KIND[0]), lines[0], font=face, fill=accent, anchor="la")
    face, title_lines = fit(card.title, BOLD, TITLE_SIZES, MAX_LINES)
    for index, line in enumerate(title_lines):
        top = TITLE_TOP + round(index * face.size * LINE_HEIGHT)
        pen.text((MARGIN, top), line, font=face, fill=text, anchor="la")
    face, lines = fit(card.footer, REGULAR, FOOTER[1], 1)
    footer = _mix(text, background, 0.85)
    pen.text((MARGIN, FOOTER[0]), lines[0], font=face, fill=footer, anchor="la")
    pen.rectangle((0, SIZE[1] - BAND, SIZE[0] - 1, SIZE[1] - 1), fill=accent)
    shows = {**asdict(card), "title_lines": title_lines}
    chunk = PngImagePlugin.PngInfo()
    chunk.add_itxt(KEYWORD, json.dumps(shows, ensure_ascii=False), lang=card.language)
    inks = (text, accent, footer)
    output = io.BytesIO()
    # In a palette of the colours drawn: a third of the bytes of RGB, every colour kept exactly.
    image.quantize(palette=_palette(background, inks), dither=Image.Dither.NONE).save(
        output, "PNG", pnginfo=chunk
    )
    return output.getvalue()
