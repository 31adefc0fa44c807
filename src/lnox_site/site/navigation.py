"""The sidebar's navigation tree, made once per folder rather than once per page.

furo asks Sphinx for the whole navigation tree of every page it writes, then reshapes it with
BeautifulSoup. Sphinx resolves every toctree again for each page, so the cost of a page grows with
the size of the navigation: half of the build at 20 times today's content. Yet two pages of one
folder get the same tree but for the marks of the page being written (its entry and the entries
above it are ``current`` and unfolded, its own link is ``#``). So furo's tree is made once per
folder, for a page that is in no toctree, and kept with a slot wherever a mark can go; each page
fills the slots of its own entries. The labels of its fold buttons are translated
(:func:`~lnox_site.site.theme.translated_folds`) once per folder too. The markup is exactly furo's (a test compares both on every
page); ``lnox_shared_navigation = False`` gives furo's own, made for each page.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from bs4 import BeautifulSoup, Tag
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter
from sphinx.application import Sphinx
from sphinx.builders import Builder

from lnox_site.site.theme import TRANSLATED, translated_folds
from lnox_site.upstream import furo

# A page name that no toctree holds: its tree marks nothing.
UNLISTED = "lnox-unlisted-page"
# Where the marks go, once the tree is written out: \0kind:number\0, in a class, or in place of
# attributes with the space before them.
SLOT = re.compile(" ?\0(\\w+):(\\d+)\0")
STASH = "lnox_toctree"
# The attributes each kind of slot stands for (it is written where the first one would be).
SLOTTED = {"ul": ("class",), "a": ("class", "href"), "checked": ("checked",)}


@dataclass(frozen=True)
class Entry:
    """An entry (``<li>``) of the tree."""

    docname: str | None  # None for a link out of the site
    href: str  # relative to the folder of the tree
    classes: str  # of its link
    parent: int | None  # the entry it is listed under
    holder: int  # the list (``<ul>``) it is in


@dataclass(frozen=True)
class Template:
    """furo's tree for the pages of one folder, with slots for the marks of the page."""

    html: str
    entries: tuple[Entry, ...]

    def render(self, docname: str) -> str:
        own = {index for index, entry in enumerate(self.entries) if entry.docname == docname}
        current: set[int] = set()
        for index in own:
            at: int | None = index
            while at is not None and at not in current:
                current.add(at)
                at = self.entries[at].parent
        current_lists = {self.entries[index].holder for index in current}
        # furo calls the last current entry of the page "current-page".
        page = max(current, default=None)
        marks = {
            "li": lambda n: " current" if n in current else "",
            "page": lambda n: " current-page" if n == page else "",
            "checked": lambda n: ' checked=""' if n in current else "",
            "ul": lambda n: ' class="current"' if n in current_lists else "",
            "a": lambda n: (
                f' class="current {self.entries[n].classes}" href="#"'
                if n in own
                else f' class="{self.entries[n].classes}" href="{self.entries[n].href}"'
            ),
        }
        return SLOT.sub(lambda slot: marks[slot[1]](int(slot[2])), self.html)


def template(html: str, folder: str, suffix: str) -> Template:
    """Slots in furo's tree ``html`` of a page of ``folder`` that is in no toctree."""
    soup = BeautifulSoup(html, "html.parser")
    lists = {}
    for number, ul in enumerate(soup.find_all("ul")):
        lists[id(ul)] = number
        _slot(ul, "ul", number)
    items = soup.find_all("li")
    numbers = {id(item): number for number, item in enumerate(items)}
    entries = []
    for number, item in enumerate(items):
        link = item.find("a", recursive=False)
        above = item.find_parent("li")
        entries.append(
            Entry(
                _docname(link["href"], folder, suffix),
                link["href"],
                " ".join(link["class"]),
                None if above is None else numbers[id(above)],
                lists[id(item.find_parent("ul"))],
            )
        )
        level, *others = item["class"]
        item["class"] = [f"{level}\0li:{number}\0", *others]
        item["class"][-1] += f"\0page:{number}\0"
        _slot(link, "a", number)
        checkbox = item.find("input", recursive=False)
        if checkbox is not None:
            _slot(checkbox, "checked", number)
    return Template(soup.decode(formatter=_Slots()), tuple(entries))


def _slot(tag: Tag, kind: str, number: int) -> None:
    """A slot in place of the attributes of ``tag`` that the page marks: an attribute without a
    value, written out as its name alone, which the marks of each page replace."""
    for attribute in SLOTTED[kind]:
        tag.attrs.pop(attribute, None)
    tag.attrs[f"\0{kind}:{number}\0"] = None


class _Slots(HTMLFormatter):
    """What ``str(soup)`` writes (attributes in alphabetical order, ``<``, ``>`` and ``&``
    escaped), each slot where the first attribute it stands for would be."""

    def __init__(self) -> None:
        super().__init__(entity_substitution=EntitySubstitution.substitute_xml)

    def attributes(self, tag: Tag) -> list[tuple[str, Any]]:
        return sorted(super().attributes(tag), key=lambda item: _place(item[0]))


def _place(attribute: str) -> str:
    if attribute.startswith("\0"):
        return SLOTTED[attribute[1:].partition(":")[0]][0]
    return attribute


def _docname(href: str, folder: str, suffix: str) -> str | None:
    if "://" in href or "#" in href or not href.endswith(suffix):
        return None
    return posixpath.normpath(posixpath.join(folder, href.removesuffix(suffix)))


_TEMPLATES: WeakKeyDictionary[Builder, dict[str, Template]] = WeakKeyDictionary()


def _template_for(app: Sphinx, folder: str) -> Template:
    """The tree of ``folder``, made on its first page of the build."""
    templates = _TEMPLATES.setdefault(app.builder, {})
    if folder not in templates:
        tree = furo.navigation_tree(app, posixpath.join(folder, UNLISTED))
        # Translated here once, rather than on each page: the labels depend on no page's marks.
        furo_tree = translated_folds(tree, app.config.language)
        templates[folder] = template(furo_tree, folder, app.builder.link_suffix)
    return templates[folder]


def _hide_toctree(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Before furo: with no ``toctree`` to call, furo makes no tree of its own."""
    if app.config.lnox_shared_navigation and "toctree" in context:
        context[STASH] = context.pop("toctree")


def _shared_tree(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if STASH in context:
        context["toctree"] = context.pop(STASH)
        tree = _template_for(app, posixpath.dirname(pagename))
        context[furo.TREE] = tree.render(pagename)
        context[TRANSLATED] = True


def setup(app: Sphinx) -> None:
    app.add_config_value("lnox_shared_navigation", True, "html", types=frozenset({bool}))
    # Around furo's handler that makes its tree; the translation of its labels (theme.py) comes
    # after.
    app.connect("html-page-context", _hide_toctree, priority=furo.TREE_PRIORITY - 1)
    app.connect("html-page-context", _shared_tree, priority=furo.TREE_PRIORITY + 1)
