"""The phone menus (site navigation, contents of the page) with the keyboard alone, at 375 px, in
both languages and both colour schemes, in Debian's Chromium."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES
from page_sources import Sources

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
# A page with sections, so that it has contents to open.
PAGE = "recherche/niche.html"
MENUS = [
    # (button, drawer, key that opens it, catalogue message of the button's name)
    (
        "header button.nav-overlay-icon",
        ".sidebar-drawer",
        "Enter",
        "Toggle site navigation sidebar",
    ),
    ("header button.toc-overlay-icon", ".toc-drawer", " ", "Toggle table of contents sidebar"),
]


def name_in(language: str, message: str) -> str:
    """The translation of an interface message (docs/locales/<language>/LC_MESSAGES/sphinx.po)."""
    return Sources().catalogue(language, "sphinx")[message]


def tab_to(page, selector: str, limit: int = 40) -> list[str]:
    """Press Tab until ``selector`` has the focus; returns what had the focus on the way."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return passed
        passed.append(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
    raise AssertionError(f"Tab never reached {selector}: {passed}")


def in_drawer(page, drawer: str) -> bool:
    return page.evaluate(f"document.querySelector({drawer!r}).contains(document.activeElement)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("button", "drawer", "key", "message"), MENUS)
def test_phone_menu_opens_and_closes_with_the_keyboard(
    visit, language, scheme, button, drawer, key, message
):
    from playwright.sync_api import expect

    tab = visit(f"{language}/{PAGE}", viewport=PHONE, color_scheme=scheme)
    page = tab.page
    toggle, panel = page.locator(button), page.locator(drawer)
    expect(panel).not_to_be_in_viewport()

    passed = tab_to(page, button)
    # Tab goes through what a reader sees, never through a closed drawer.
    assert not [html for html in passed if "sidebar-drawer" in html or "toc-drawer" in html]
    expect(toggle).to_be_focused()
    expect(toggle).to_have_accessible_name(name_in(language, message))
    expect(toggle).to_have_attribute("aria-expanded", "false")
    # The focus shows: an outline of at least 2 px, whose colour differs from the header's.
    outline = toggle.evaluate(
        "b => { const s = getComputedStyle(b);"
        " return [b.matches(':focus-visible'), s.outlineStyle, parseFloat(s.outlineWidth),"
        " s.outlineColor, getComputedStyle(b.closest('header')).backgroundColor]; }"
    )
    visible, style, width, colour, background = outline
    assert visible
    assert style != "none"
    assert width >= 2
    assert colour != background

    page.keyboard.press(key)
    expect(panel).to_be_in_viewport()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    assert in_drawer(page, drawer), "the focus moves into the open drawer"
    page.keyboard.press("Tab")
    assert in_drawer(page, drawer), "Tab goes on inside the open drawer"

    page.keyboard.press("Escape")
    expect(panel).not_to_be_in_viewport()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    assert not tab.errors
