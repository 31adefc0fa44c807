"""The HTML a page may hold as written, and what is wrong with any other.

A page or a translation may write a few inline HTML elements that Markdown has no syntax for, and
nothing else: no script, no frame, no style, no form, no image or media, nothing that loads from
another site or runs on the reader's computer. The allow-list is :data:`ALLOWED`; Ammonia (nh3)
is the arbiter: a fragment that Ammonia would change is not allowed. The same list serves the
content check (:mod:`lnox_site.checks.page_safety`), which names what is wrong and where, and the
build (:mod:`lnox_site.site.raw_html`), which cleans whatever reaches a page unchecked.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from lnox_site.content.wording import __

# Each element a page may write, with the attributes it may have:
# - abbr + title: an abbreviation with its expansion (« <abbr title="…">LAM</abbr> »);
# - sub, sup: chemical formulas and exponents (H<sub>2</sub>O<sub>2</sub>, 10<sup>6</sup>, 1<sup>er</sup>);
# - br: a line break inside a table cell, where Markdown has none.
# No attribute holds an address, so nothing can be loaded or run from one.
ALLOWED: dict[str, frozenset[str]] = {
    "abbr": frozenset({"title"}),
    "br": frozenset(),
    "sub": frozenset(),
    "sup": frozenset(),
}
ALLOWED_TEXT = '<abbr title="…">, <sub>, <sup> and <br>'


def clean(fragment: str) -> str:
    """``fragment`` with everything outside :data:`ALLOWED` removed, by Ammonia: the tags, their
    attributes, comments, and the content of <script> and <style>."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED),
        attributes={tag: set(names) for tag, names in ALLOWED.items()},
        url_schemes=set(),
        link_rel=None,
    )


@dataclass(frozen=True)
class Offence:
    line: int  # 0-based, from the fragment's first line
    what: str
    attribute: bool = False  # an attribute not allowed on its tag (the tag itself is)


class _Reader(HTMLParser):
    """What a fragment holds, as the standard library's HTML tokenizer reads it: its start tags
    with their attributes and its text (what :func:`clean` may change), and what breaks the
    allow-list, each with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.kept: list[object] = []  # markup as tuples, text as strings
        self.offences: list[Offence] = []

    def _offence(self, what: str, markup: object) -> None:
        self.kept.append(markup)
        self.offences.append(Offence(self.getpos()[0] - 1, what))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.kept.append((tag, frozenset(attrs)))
        if tag not in ALLOWED:
            self.offences.append(Offence(self.getpos()[0] - 1, f"<{tag}>"))
            return
        for name, _ in attrs:
            if name not in ALLOWED[tag]:
                self.offences.append(
                    Offence(
                        self.getpos()[0] - 1,
                        __("the {name} attribute of <{tag}>").format(name=name, tag=tag),
                        attribute=True,
                    )
                )

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if self.kept and isinstance(self.kept[-1], str):  # one text, however the parser splits it
            self.kept[-1] += data
        else:
            self.kept.append(data)

    def handle_comment(self, data: str) -> None:
        self._offence(__("an HTML comment <!-- … -->"), ("comment", data))

    def handle_decl(self, decl: str) -> None:
        self._offence(f"<!{decl}>", ("declaration", decl))

    unknown_decl = handle_decl

    def handle_pi(self, data: str) -> None:
        self._offence(f"<?{data}>", ("instruction", data))


def _read(fragment: str) -> _Reader:
    reader = _Reader()
    reader.feed(fragment)
    if reader.rawdata:  # a tag left open at the end: the browser would read on into the page
        line = fragment.count("\n", 0, len(fragment) - len(reader.rawdata))
        reader.offences.append(Offence(line, __("an unfinished tag")))
    reader.close()
    return reader


def allowed(fragment: str) -> bool:
    """Whether Ammonia keeps every tag, attribute and text of ``fragment`` as it is (an end tag
    alone, or a start tag whose end is in another fragment, is kept)."""
    return _read(clean(fragment)).kept == _read(fragment).kept


def holds_markup(text: str) -> bool:
    """Whether ``text`` holds a tag, a comment or a declaration, as the HTML tokenizer reads it."""
    return any(not isinstance(part, str) for part in _read(text).kept)


def offences(fragment: str) -> list[Offence]:
    """What in ``fragment`` is not allowed, each with its line; none when Ammonia keeps it."""
    if allowed(fragment):
        return []
    return _read(fragment).offences or [Offence(0, "HTML that the site's sanitiser would change")]
