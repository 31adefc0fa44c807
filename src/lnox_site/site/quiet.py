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

from sphinx.application import Sphinx
from sphinx.config import Config

from lnox_site.upstream import furo, myst
from lnox_site.upstream.sphinx import USER_CSS_PRIORITY


def _css_priorities(app: Sphinx, config: Config) -> None:
    config.html_css_files = [
        (name, {"priority": USER_CSS_PRIORITY, **attributes})
        for name, attributes in config.html_css_files
    ]


def setup(app: Sphinx) -> None:
    furo.set_up_for_html_builds_only(app)
    myst.without_configuration_dump()
    # After Sphinx turns plain file names into (name, attributes) pairs (priority 800).
    app.connect("config-inited", _css_priorities, priority=900)
