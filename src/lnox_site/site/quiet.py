"""A build prints what it does and what is wrong, nothing else.

* MyST prints its whole configuration at every start, as a line of 1,500 characters.
* Sphinx compares the configuration saved with the environment to the current one and reports
  "The configuration has changed" when they differ. Two values differed at every build although
  nothing changed: Sphinx gives ``html_css_files`` entries their priority (800) in place, after the
  configuration was read, and furo registers ``pygments_dark_style`` only when the theme is loaded,
  after the comparison. The priority is given when the configuration is read, and furo is set up
  with the site's extension. Set up that way, furo would refuse the builds that are not HTML
  (``-b gettext`` for the catalogues, ``-b linkcheck``): its handlers of the builder's start and
  end then run for HTML builds only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from myst_parser.config.main import MdParserConfig
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging as sphinx_logging

# What Sphinx gives the style sheets of html_css_files (sphinx.builders.html, init_css_files).
USER_CSS_PRIORITY = 800


class _WithoutMystConfiguration(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        return not any(isinstance(arg, MdParserConfig) for arg in args)


def _css_priorities(app: Sphinx, config: Config) -> None:
    config.html_css_files = [
        (name, {"priority": USER_CSS_PRIORITY, **attributes})
        for name, attributes in config.html_css_files
    ]


def _for_html_only(handler: Callable[..., Any]) -> Callable[..., Any]:
    def handle(app: Sphinx, *args: Any) -> Any:
        return handler(app, *args) if app.builder.format == "html" else None

    return handle


def _setup_furo(app: Sphinx) -> None:
    app.setup_extension("furo")
    for event in ("builder-inited", "build-finished"):
        for listener in list(app.events.listeners[event]):
            if listener.handler.__module__ == "furo":
                app.disconnect(listener.id)
                app.connect(event, _for_html_only(listener.handler), priority=listener.priority)


def setup(app: Sphinx) -> None:
    _setup_furo(app)
    sphinx_logging.getLogger("myst_parser.sphinx_ext.main").logger.addFilter(
        _WithoutMystConfiguration()
    )
    # After Sphinx turns plain file names into (name, attributes) pairs (priority 800).
    app.connect("config-inited", _css_priorities, priority=900)
