"""Languages of the site: per-language URLs, the language switcher and hreflang alternates.

The same French sources are built once per language (``-D language=en``) into ``<out>/<lang>/``.
Every page therefore exists at the same path in each language, which is what the switcher and the
``<link rel="alternate" hreflang>`` tags rely on.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from lnox_site.content.languages import LANGUAGES, SOURCE_LANGUAGE
from lnox_site.upstream.sphinx import tie_to_page

# The configuration value of the site's public address (conf.py), and the variable that overrides
# it when set (the deployment sets it to the address it publishes at).
SITE_URL = "lnox_site_url"
DEFAULT_SITE_URL = "https://lnox.example.org/"
SITE_URL_VARIABLE = "LNOX_SITE_URL"


def site_url(configured: str = DEFAULT_SITE_URL, environ: Mapping[str, str] | None = None) -> str:
    """The public address of the site: ``$LNOX_SITE_URL`` when set, else ``configured`` (the
    value of ``lnox_site_url``); always ending with a slash."""
    environ = os.environ if environ is None else environ
    url = environ.get(SITE_URL_VARIABLE, "").strip() or configured.strip() or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def configured_site_url(config: Config) -> str:
    """:func:`site_url` for a configuration read without a build (the root pages of
    ``lnox_site.build``), where the extension has not registered its value."""
    if SITE_URL not in config:
        config.add(SITE_URL, DEFAULT_SITE_URL, "html", frozenset({str}))
    return site_url(config[SITE_URL])


def language_root(base: str, language: str) -> str:
    """Absolute address of a language's home folder, e.g. ``https://…/en/``."""
    return f"{base}{language}/"


def alternates(base: str, pagename: str, target_uri: str) -> list[dict[str, str]]:
    """One entry per language for the page ``pagename``: its code, its name and its absolute URL."""
    return [
        {
            "code": code,
            "name": name,
            "url": language_root(base, code) + target_uri,
        }
        for code, name in LANGUAGES.items()
    ]


def switcher_href(pagename: str, target_uri: str, language: str) -> str:
    """Relative link from ``pagename`` to the same page in ``language``.

    Pages sit at ``<lang>/<target_uri>``; climbing out of the page's folder and its language folder
    keeps the link working on any host and under ``file://``.
    """
    depth = pagename.count("/")
    return posixpath.join(*([".."] * (depth + 1)), language, target_uri)


def _per_language_urls(app: Sphinx, config: Config) -> None:
    # conf.py runs before ``-D language=…`` is applied, so URLs derived from the language are set here.
    base = site_url(config.lnox_site_url)
    config.lnox_site_url = base
    config.html_baseurl = language_root(base, config.language)


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    target_uri = app.builder.get_target_uri(pagename)
    current = app.config.language
    context["lnox_alternates"] = alternates(app.config.lnox_site_url, pagename, target_uri)
    context["lnox_languages"] = [
        {
            "code": code,
            "name": name,
            "current": code == current,
            "href": switcher_href(pagename, target_uri, code),
        }
        for code, name in LANGUAGES.items()
    ]
    context["lnox_default_language"] = SOURCE_LANGUAGE


def _forget_message_documents(app: Sphinx, doctree: nodes.document) -> None:
    """Sphinx parses each translated message as a small document of its own, whose settings hold
    the whole build environment, and the translated nodes keep a link to it: every translated
    page's doctree would be pickled with a copy of the environment (3.8 MB a page, 0.7 GB in all
    at 20 times the content, and a build time per page that grows with the site). The nodes are
    tied to their page's doctree instead."""
    if app.config.language == SOURCE_LANGUAGE:
        return
    tie_to_page(doctree)


def setup(app: Sphinx) -> None:
    app.add_config_value(SITE_URL, DEFAULT_SITE_URL, "html", types=frozenset({str}))
    app.connect("config-inited", _per_language_urls, priority=100)
    app.connect("html-page-context", _page_context)
    app.connect("doctree-read", _forget_message_documents)
