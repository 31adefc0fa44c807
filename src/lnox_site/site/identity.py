"""What the site says of itself: its name, author and description, set in ``conf.py``.

``project`` names the site (link previews, the feeds, the root pages), ``author`` signs the feeds and the social
cards, ``lnox_description`` describes the pages that have no paragraph of their own (search, page
not found), ``lnox_image_alt`` is the line at the foot of every social card (what the team is).
They are written in French, like the pages; their English is in
``docs/locales/en/LC_MESSAGES/conf.po`` (a message without its translation is shown in French).
"""

from __future__ import annotations

from sphinx.application import Sphinx

from lnox_site.content.catalogues import CONF, translations
from lnox_site.content.paths import root_of


def text(app: Sphinx, french: str) -> str:
    """``french``, a text of ``conf.py``, in the language of the build."""
    return translations(root_of(app.srcdir), app.config.language, CONF).get(french, french)


def setup(app: Sphinx) -> None:
    app.add_config_value("lnox_description", "", "html", types=frozenset({str}))
    app.add_config_value("lnox_image_alt", "", "html", types=frozenset({str}))
