"""The Content-Security-Policy of every page: the browser runs only the site's own code.

Static hosts such as GitHub Pages send no headers, so the policy is a
``<meta http-equiv="Content-Security-Policy">`` in each page's ``<head>``, before any script,
style sheet or style (a policy governs only what follows it). It is written once, :data:`POLICY`.

Scripts and styles come from the site's own files. The few inline ones that furo and the site's
templates write (furo's theme switch and its colour variables, the loader of Sphinx's search
highlighting, the root pages' language redirects) are allowed by their SHA-256 hash, computed from
the page as written, outside its ``<article>``: what a page's content holds is never hashed, so a
script that slipped into a page's text past the content checks is still blocked. every page goes through :func:`secure` once rendered (Sphinx's pages through
the :class:`Templates` bridge, the root pages from ``build.py`` and ``site.metadata``), which
replaces the :data:`PENDING` tag with the policy and the hashes of that page's inline code. A
script or style added later to the built page, or by a reader's browser, has no hash: blocked.

No page carries a ``style`` attribute (furo's icons and the publications chart use SVG attributes
instead): allowing them would take ``'unsafe-hashes'``, and the search page, which reads the other
pages to show their summaries, would need the hashes of every page's attributes. Sphinx's
``doctools.js`` reads the catalogue's plural rule with ``new Function``, which the policy forbids
(no ``'unsafe-eval'``): ``_static/lnox-plural.js``, on every page, keeps the rule as text, and
``_static/lnox-plural-rule.js`` parses it on the search page, the one page that shows a count.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.theming import Theme

from lnox_site.site.head import prepend_head
from lnox_site.upstream import furo
from lnox_site.upstream.sphinx import TemplateLoader, cache_compiled_templates

# Each directive with its sources; script-src and style-src get the page's hashes.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    # furo's icons are SVG images in data: addresses of its style sheet (mask-image).
    "img-src": "'self' data:",
    "object-src": "'none'",
    "frame-src": "'none'",
    "base-uri": "'self'",
    # The search box is a GET form to search.html: 'none' would stop every search from a page.
    "form-action": "'self'",
}
META = '<meta http-equiv="Content-Security-Policy" content="{}">'
# Where the policy goes, until the page is complete and its hashes known.
PENDING = META.format("pending")
PLURAL_SCRIPT = "lnox-plural.js"
PLURAL_RULE_SCRIPT = "lnox-plural-rule.js"
SEARCH_PAGE = "search"
# The types of <script> that a browser runs (others, such as JSON-LD, are data).
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class InlineCode(HTMLParser):
    """The inline code of a page that the policy must allow: the text of each ``<script>`` that a
    browser runs and of each ``<style>`` that the templates write (outside the ``<article>`` that
    holds the page's content), as the browser hashes it (raw, not unescaped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._into: list[str] | None = None
        self._text: list[str] = []
        self._articles = 0  # how deep in <article> elements the parser is

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        runs = (values.get("type") or "").strip().lower() in SCRIPT_TYPES
        if tag == "article":
            self._articles += 1
        elif self._articles:
            return
        if tag == "script" and "src" not in values and runs:
            self._into, self._text = self.scripts, []
        elif tag == "style":
            self._into, self._text = self.styles, []

    def handle_data(self, data: str) -> None:
        if self._into is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._articles -= 1
        if self._into is not None and tag in ("script", "style"):
            self._into.append("".join(self._text))
            self._into = None


def source_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def hashes(texts: Iterable[str]) -> str:
    return "".join(f" {source_hash(text)}" for text in sorted(set(texts)))


def policy(scripts: Iterable[str], styles: Iterable[str]) -> str:
    """The policy of a page whose inline ``<script>`` and ``<style>`` elements hold ``scripts``
    and ``styles``."""
    sources = {
        **POLICY,
        "script-src": POLICY["script-src"] + hashes(scripts),
        "style-src": POLICY["style-src"] + hashes(styles),
    }
    return "; ".join(f"{directive} {value}" for directive, value in sources.items())


def secure(page: str) -> str:
    """``page`` with its :data:`PENDING` tag replaced by the policy that allows its inline code;
    a page without the tag is returned as it is."""
    if PENDING not in page:
        return page
    code = InlineCode()
    code.feed(page)
    code.close()
    meta = META.format(policy(code.scripts, code.styles))
    return page.replace(PENDING, meta, 1)


# What a page's template inserts that cannot change its policy, set aside (as an HTML comment) while
# its inline code is read, being most of the page: the page's content (``body``), inside
# <article>, is never hashed; furo's navigation tree holds only links and fold buttons, made from
# the toctree with their titles escaped.
SET_ASIDE = ("body", furo.TREE)


class Templates(TemplateLoader):
    """Sphinx's own template loader; each page it renders gets its policy (``template_bridge``).
    The templates are compiled once, not at every build: about 40 ms of a rebuild or a preview
    save."""

    def init(
        self, builder: Builder, theme: Theme | None = None, dirs: list[str] | None = None
    ) -> None:
        super().init(builder, theme, dirs)
        cache_compiled_templates(self, Path(builder.doctreedir) / "templates")

    def render(self, template: str, context: dict[str, Any]) -> str:
        aside = {
            name: (f"<!--lnox-set-aside:{name}-->", context[name])
            for name in SET_ASIDE
            if isinstance(context.get(name), str)
        }
        page = secure(
            super().render(template, {**context, **{n: t for n, (t, _) in aside.items()}})
        )
        for token, value in aside.values():
            page = page.replace(token, value)
        return page


def _use_templates(app: Sphinx, config: Config) -> None:
    config.template_bridge = f"{Templates.__module__}.{Templates.__qualname__}"


def _pending(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    prepend_head(context, PENDING)
    if pagename == SEARCH_PAGE:
        # After the catalogue's translations.js (500): this page only.
        app.add_js_file(PLURAL_RULE_SCRIPT, priority=600)


def setup(app: Sphinx) -> None:
    # After doctools.js (200), before the catalogue's translations.js (500).
    app.add_js_file(PLURAL_SCRIPT, priority=300)
    app.connect("config-inited", _use_templates)
    app.connect("html-page-context", _pending)
