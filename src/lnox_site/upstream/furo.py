"""What the site relies on in Furo beyond the theme's documented options.

Each name says what it relies on, in the words of the guard (``furo <release>, <file>``), which
``tests/test_furo_guard.py`` checks with the templates copied from Furo. After an upgrade of Furo,
read each against the new release's file that it names, then write the release here and in
``CHECKED_WITH``.
"""

from __future__ import annotations

from typing import Any

from furo.navigation import get_navigation_tree
from sphinx.application import Sphinx

from lnox_site.upstream.sphinx import global_tree_html, listeners

TOOL = "furo"  # the distribution, as pip names it
CHECKED_WITH = "2025.12.19"

# The toctree Furo asks for and the priority of its html-page-context handler, which makes the
# navigation tree (furo 2025.12.19, __init__.py: _compute_navigation_tree, connected at the
# default priority).
TREE_OPTIONS = {"collapse": False, "titles_only": True, "maxdepth": -1, "includehidden": True}
TREE_PRIORITY = 500
# Where that handler puts the tree in a page's context, which the templates write.
TREE = "furo_navigation_tree"
# The buttons that fold a section of the tree, each a checkbox in the section's ``<li>`` beside
# its link, labelled in English (furo 2025.12.19, navigation.py: get_navigation_tree).
FOLD_BUTTONS = "li > input.toctree-checkbox"
# Furo's styles for other extensions (sphinx-design, copy buttons, Read the Docs), loaded by its
# builder-inited handler (furo 2025.12.19, __init__.py: _builder_inited).
EXTENSIONS_CSS = "_static/styles/furo-extensions.css"


def navigation_tree(app: Sphinx, docname: str) -> str:
    """The navigation tree Furo writes in the sidebar of ``docname``, as Furo makes it
    (furo 2025.12.19, __init__.py: _compute_navigation_tree; navigation.py: get_navigation_tree)."""
    return get_navigation_tree(global_tree_html(app, docname, **TREE_OPTIONS))


def set_up_for_html_builds_only(app: Sphinx) -> None:
    """Set Furo up as an extension whose handlers of the builder's start and end run for HTML
    builds only: Furo refuses to be set up by another extension in a build that is not HTML
    (furo 2025.12.19, __init__.py: _builder_inited, _overwrite_pygments_css). Its handlers are
    those whose module is ``furo``; each is connected again, wrapped, at its priority."""
    app.setup_extension("furo")
    for event in ("builder-inited", "build-finished"):
        for listener in listeners(app, event):
            if listener.handler.__module__ == "furo":
                app.disconnect(listener.id)
                app.connect(event, _for_html_only(listener.handler), priority=listener.priority)


def _for_html_only(handler: Any) -> Any:
    def handle(app: Sphinx, *args: Any) -> Any:
        return handler(app, *args) if app.builder.format == "html" else None

    return handle
