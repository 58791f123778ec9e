"""Signing in with the keyboard alone: skip link first, then the menu, then the form. No mouse."""

import pytest
from playwright.sync_api import Locator, Page

from .helpers import PASSWORD, expect, tr

pytestmark = pytest.mark.e2e

FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), "
    "textarea:not([disabled]), [tabindex]:not([tabindex='-1'])"
)


def is_focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page: Page, target: Locator, limit: int = 25) -> int:
    """Press Tab until the target has focus; how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if is_focused(target):
            return presses
    focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
    raise AssertionError(f"{target} not reached with {limit} presses of Tab; focus is on {focused}")


def test_a_person_signs_in_with_the_keyboard_only(page, demo):
    page.goto("/en/")

    # The skip link is the first thing on the page that takes focus, and it shows when focused.
    skip_link = page.get_by_role("link", name="Skip to main content")
    first_focusable = page.evaluate(
        f"() => [...document.querySelectorAll({FOCUSABLE!r})].filter(e => e.tabIndex >= 0)[0].outerHTML"
    )
    assert "Skip to main content" in first_focusable
    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    # It works: Enter moves focus to the main content, and the next Tab goes on from there.
    page.keyboard.press("Enter")
    expect(page).to_have_url(page.url.split("#")[0] + "#main")
    expect(page.get_by_role("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")

    # From the top of the page: Tab to "Sign in" in the main menu, and Enter.
    page.goto("/en/")
    menu_sign_in = page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Sign in")
    presses = tab_to(page, menu_sign_in)
    position = menu_sign_in.evaluate(
        f"""target => [...document.querySelectorAll({FOCUSABLE!r})]
            .filter(e => e.tabIndex >= 0 && e.checkVisibility()).indexOf(target) + 1"""
    )
    assert presses == position, f"Focus order skips or repeats: {presses} presses for element {position}"
    # Skip link, logo, five menu links (spaces, organisations, knowledge, learning, contact bank), sign in.
    assert presses <= 8, f"'Sign in' took {presses} presses of Tab"
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign In")

    # Type the email and password, and press Enter to send the form.
    email = page.get_by_role("textbox", name="Email")
    if not is_focused(email):
        tab_to(page, email)
    page.keyboard.type("participant@demo.example")
    tab_to(page, page.get_by_label("Password"))
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    # Signed in, in Pia's own language (Swedish): the menu shows her profile and a sign-out button.
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("button", name=tr("sv", "Sign out"))).to_be_visible()
    expect(page.get_by_role("link", name=tr("sv", "My profile"))).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name=tr("sv", "Skip to main content"))).to_be_focused()
