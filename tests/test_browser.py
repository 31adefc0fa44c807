"""The site in a real browser (Debian's Chromium): privacy, errors, language switching."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import LANGUAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_loads_only_from_the_site(visit, server, language):
    page = visit(f"{language}/index.html")
    origin = urlsplit(server).netloc
    foreign = [url for url in page.requests if urlsplit(url).netloc not in {origin, ""}]
    assert not foreign
    assert not page.errors
    assert page.page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize(
    ("start", "target", "name"), [("fr", "en", "English"), ("en", "fr", "Français")]
)
def test_switcher_leads_to_the_same_page(visit, server, start, target, name):
    page = visit(f"{start}/contact.html", viewport={"width": 1280, "height": 800})
    page.page.get_by_role("link", name=name).click()
    page.page.wait_for_load_state()
    assert page.page.url == f"{server}{target}/contact.html"
    assert page.page.locator("html").get_attribute("lang") == target


@pytest.mark.parametrize(
    ("browser_language", "expected"), [("en-GB", "en"), ("fr-FR", "fr"), ("de-DE", "fr")]
)
def test_root_sends_readers_to_their_language(visit, server, browser_language, expected):
    page = visit("", locale=browser_language)
    page.page.wait_for_url(f"{server}{expected}/")
    assert page.page.locator("html").get_attribute("lang") == expected
    assert not page.errors
