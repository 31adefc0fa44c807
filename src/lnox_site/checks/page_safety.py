"""Pages load nothing from elsewhere and run nothing of their own.

Whatever a contributor writes reaches the published pages of both languages, so every page, every
English translation of a page and the bibliography is read for what would load from another site
(and tell it who reads the page) or run in the reader's browser:

* HTML written in a page: only :data:`lnox_site.content.rawhtml.ALLOWED` (no script, frame,
  style, form, image or media, no ``on…`` handler, no ``style`` attribute, no comment);
* images: only files of the repository, never an address (``![…](https://…)``, ``{image}`` and
  ``{figure}`` of a URL, ``//host/…``, ``data:``);
* directives that put their content in the page as it is (``{raw}``, ``{eval-rst}``) and
  ``{include}`` or ``{literalinclude}`` of a file outside ``docs/``;
* links: to http, https or mailto only; MyST shows a ``javascript:`` or ``data:`` link as its
  raw text, and ``[text](target)`` that it cannot read as a link (a space in the address) too;
* addresses in references.bib: ``url`` is a web address, and no field holds a ``javascript:``,
  ``vbscript:``, ``data:`` or ``file:`` address.

The web addresses of the data files (an edition's ``programme`` and ``links``) are checked by
their reader (:func:`lnox_site.content.records.url`); their texts reach pages as text, so HTML in
one (a ``<script>`` in a role of people.yaml) would be published as written, tags and all: it is
reported.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from markdown_it.common.normalize_url import normalizeLinkText, validateLink

from lnox_site.checks import kept
from lnox_site.checks.translations import LOCALES, messages
from lnox_site.content import bibfile, markdown, rawhtml, records, sources
from lnox_site.content.languages import SOURCE_LANGUAGE
from lnox_site.content.markdown import Located
from lnox_site.content.paths import BIBFILE, DATA, DOCS
from lnox_site.content.problems import Problem
from lnox_site.content.wording import N__, __

# The schemes MyST makes a link of (myst_url_schemes, ftp aside): any other target, tel: included,
# is read as the name of a page of the site, and is not found.
LINK_SCHEMES = {"http", "https", "mailto"}
UNSAFE_SCHEMES = {"javascript", "vbscript", "data", "file"}
# Directives that put their content in the page as written, past every check.
VERBATIM = {"raw", "eval-rst"}
INCLUDES = {"include", "literalinclude"}

IMAGE_FIX = N__(
    "put the file in the repository beside the page and write its path, e.g. ![Logo](logo.png)"
)
MEDIA_FIX = N__("link to it instead: [title of the video](https://…)")
HTML_FIX = N__("write it in Markdown, or remove it (a page may hold {allowed} only)")
MEDIA = {"iframe", "video", "audio", "source", "track", "object", "embed"}
IMAGES = {"img", "picture", "svg", "image"}
LINK_FIX = N__("link to a web page (https://…) or an e-mail address (mailto:…)")


def _html_fix(what: str, attribute: bool) -> str:
    tag = what.removeprefix("<").removesuffix(">")
    if tag in IMAGES:
        return __(IMAGE_FIX)
    if tag in MEDIA:
        return __(MEDIA_FIX)
    if attribute:
        return __("remove the attribute (a page may hold {allowed} only)").format(
            allowed=rawhtml.ALLOWED_TEXT
        )
    return __(HTML_FIX).format(allowed=rawhtml.ALLOWED_TEXT)


def _from_elsewhere(address: str) -> bool:
    """Whether an image's address is not a file of the repository: it has a scheme (https:,
    data:) or a host (//host/…)."""
    parts = urlsplit(address.strip())
    return bool(parts.scheme or parts.netloc)


def _image(address: str) -> tuple[str, str]:
    what = __("the image {address} is not a file of the repository").format(address=address)
    return what, __(IMAGE_FIX)


def _link(address: str, *, by_myst: bool = True) -> tuple[str, str] | None:
    """What is wrong with a link to ``address``: one of MyST's (``[text](address)``, which MyST
    may refuse and show as written), or one docutils makes (an image's ``:target:``)."""
    scheme = urlsplit(address.strip()).scheme.lower()
    if not scheme or scheme in LINK_SCHEMES:
        return None
    written = normalizeLinkText(address)  # as the contributor wrote it, not %-encoded
    if by_myst and not validateLink(address):
        what = __("MyST refuses the link to {link} and shows it as written")
        return what.format(link=written), __(LINK_FIX)
    what = __("a link to {scheme}: is not allowed ({link})")
    return what.format(scheme=scheme, link=written), __(LINK_FIX)


def _outside_docs(argument: str, folder: Path, docs: Path) -> bool:
    """Whether an ``{include}`` argument (relative to the page, or to docs/ with a leading /)
    names a file outside docs/."""
    target = docs / argument.lstrip("/") if argument.startswith("/") else folder / argument
    return not Path(os.path.normpath(target)).is_relative_to(docs)


def _written_link(text: str) -> str:
    """The words around the first ``](`` of a text: what looks like a link to its writer."""
    middle = text.index("](")
    start, end = text.rfind("[", 0, middle), text.find(")", middle)
    return text[max(start, 0) : end + 1 if end >= 0 else len(text)]


def _directive(located: Located, folder: Path, docs: Path) -> tuple[str, str] | None:
    token = located.token
    name = markdown.directive_name(token)
    argument = markdown.argument(token) if name else ""
    if name in VERBATIM:
        return (
            __("the {directive} directive puts its content in the page unchecked").format(
                directive=f"{{{name}}}"
            ),
            __("write the content in Markdown (a page may hold {allowed} as HTML)").format(
                allowed=rawhtml.ALLOWED_TEXT
            ),
        )
    if name in ("image", "figure"):
        if _from_elsewhere(argument):
            return _image(argument)
        # docutils makes a link of the target, which MyST's link rules never see.
        return _link(markdown.options(token).get("target", ""), by_myst=False)
    if name in INCLUDES and _outside_docs(argument, folder, docs):
        what = __("{directive} of {file}, a file outside docs/")
        return what.format(directive=f"{{{name}}}", file=argument), __(
            "include only files of docs/"
        )
    return None


def _token(located: Located, folder: Path, docs: Path) -> Iterator[tuple[int, str, str]]:
    """What is wrong with one token: the line in the text, what and how to fix it."""
    token = located.token
    if token.type in ("html_block", "html_inline"):
        for offence in rawhtml.offences(token.content):
            what = __("{what} is not allowed in a page").format(what=offence.what)
            yield located.line + offence.line, what, _html_fix(offence.what, offence.attribute)
    elif token.type == "image" and _from_elsewhere(str(token.attrGet("src") or "")):
        yield located.line, *_image(str(token.attrGet("src")))
    elif token.type == "link_open" and (problem := _link(str(token.attrGet("href") or ""))):
        yield located.line, *problem
    elif token.type == "text" and "](" in token.content:
        yield (
            located.line,
            __("MyST does not read {link} as a link, and shows it as written").format(
                link=_written_link(token.content)
            ),
            __(
                "write [text](address) with no space in the address (or put it between < >) and "
                "as many ] as ["
            ),
        )
    elif token.type in ("fence", "colon_fence") and (problem := _directive(located, folder, docs)):
        yield located.line, *problem


def text_problems(
    text: str, root: Path, where: str, folder: Path, line: int | None = None
) -> Iterator[Problem]:
    """The problems of a page's text (or of a translation, all reported at ``line``), whose
    relative paths start from ``folder``."""
    # Links that MyST refuses are read as links too, to be named with their target.
    for located in markdown.walk(text, root, every_link=True):
        for found, what, fix in _token(located, folder, root / DOCS):
            yield Problem(where, line or found, what, fix)


def _pages(root: Path) -> Iterator[Problem]:
    def check(page: Path, text: str) -> Iterator[Problem]:
        yield from text_problems(text, root, page.relative_to(root).as_posix(), page.parent)

    yield from kept.current(root).each("page safety", sources.pages(root), check)


def _translations(root: Path) -> Iterator[Problem]:
    """The translations of the pages: the catalogue of docs/<page>.md is
    docs/locales/<language>/LC_MESSAGES/<page>.po."""
    for folder in sorted((root / LOCALES).glob("*/LC_MESSAGES")):
        if folder.parent.name == SOURCE_LANGUAGE:
            continue
        catalogues = [
            path
            for path in sorted(folder.rglob("*.po"))
            if (root / DOCS / path.relative_to(folder).with_suffix(".md")).is_file()
        ]

        def check(path: Path, text: str, folder: Path = folder) -> Iterator[Problem]:
            where = path.relative_to(root).as_posix()
            page = root / DOCS / path.relative_to(folder).with_suffix(".md")
            for message in messages(text):
                yield from text_problems(
                    message.translation, root, where, page.parent, message.line
                )

        yield from kept.current(root).each("translation safety", catalogues, check)


def _words(value: str) -> Iterator[str]:
    """The words of a BibTeX value, its braces (``\\url{…}``) taken as spaces."""
    yield from value.replace("{", " ").replace("}", " ").split()


def _bibliography(root: Path) -> Iterator[Problem]:
    path = root / BIBFILE
    if not path.exists():
        return  # reported by the bibliography check
    yield from kept.current(root).result(
        "bibliography safety", path, lambda: list(_bib(root, path))
    )


def _bib(root: Path, path: Path) -> Iterator[Problem]:
    for entry in bibfile.scan(sources.read_text(path, root)).entries:
        for field in entry.fields.values():
            value = field.value.strip()
            if field.name == "url" and urlsplit(value).scheme.lower() not in ("http", "https"):
                yield Problem(
                    BIBFILE, field.line,
                    __("the url {value} is not a web address").format(value=value),
                    __("write the address of the work's page, https://…"), entry.key,
                )  # fmt: skip
                continue
            for word in _words(value):
                scheme, _, rest = word.partition(":")
                if scheme.lower() in UNSAFE_SCHEMES and rest:
                    yield Problem(
                        BIBFILE, field.line,
                        __("the {field} field holds the address {address}").format(
                            field=field.name, address=word
                        ),
                        __("write a web address, https://…, or remove it"), entry.key,
                    )  # fmt: skip


def _markup_in(value: object, path: str, line: int) -> Iterator[Problem]:
    """HTML in the texts of a data file's value, each at the line of its key."""
    if isinstance(value, records.Fields):
        for key, item in value.items():
            yield from _markup_in(item, path, value.line_of(key))
    elif isinstance(value, list):
        for item in value:
            yield from _markup_in(item, path, line)
    elif isinstance(value, str) and rawhtml.holds_markup(value):
        yield Problem(
            path, line, __("HTML in a data file is shown on the page as written, tags and all"),
            __("write plain text: the site lays the text out itself"),
        )  # fmt: skip


def _data(root: Path) -> Iterator[Problem]:
    for found in sorted((root / DATA).glob("*.yaml")):
        path = found.relative_to(root).as_posix()
        data, _ = records.read_yaml(root, path)  # a file that cannot be read: its own check says
        yield from _markup_in(data, path, 0)


def check_page_safety(root: Path) -> Iterator[Problem]:
    yield from _pages(root)
    yield from _translations(root)
    yield from _bibliography(root)
    yield from _data(root)
