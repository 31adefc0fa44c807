"""The HTML written in a page reaches it only as :mod:`lnox_site.content.rawhtml` allows.

The content check refuses a page that writes any other HTML before the build starts; this is the
second lock, for what reaches a page without that check (a build that skips it, a directive whose
body the check does not read): once a page is read and translated, every raw HTML node that the
allow-list would change is replaced by what Ammonia keeps of it, with a warning at its line (the
build with ``-W`` stops there). The site's own HTML (charts, COinS) is added later, when pages
are resolved, and is not touched.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from lnox_site.content import rawhtml
from lnox_site.content.wording import __

logger = logging.getLogger(__name__)


def _clean_raw_html(app: Sphinx, doctree: nodes.document) -> None:
    for node in list(doctree.findall(nodes.raw)):
        if "html" not in node.get("format", "").split() or rawhtml.allowed(node.astext()):
            continue
        logger.warning(
            __("HTML removed from the page: {offences} (a page may hold {allowed} only)").format(
                offences=", ".join(offence.what for offence in rawhtml.offences(node.astext())),
                allowed=rawhtml.ALLOWED_TEXT,
            ),
            location=node,
        )
        node.replace_self(nodes.raw("", rawhtml.clean(node.astext()), format=node["format"]))


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", _clean_raw_html)
