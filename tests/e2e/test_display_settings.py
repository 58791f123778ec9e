"""A visitor who has not signed in can choose high contrast too; every page stays accessible with all
three display settings on."""

import re

import pytest

from .helpers import expect

pytestmark = pytest.mark.e2e


def test_visitor_turns_on_every_display_setting_and_pages_stay_accessible(page, demo):
    page.goto("/en/organisations/")
    page.get_by_role("contentinfo").get_by_role("link", name=re.compile("^Display settings")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Display settings")
    page.get_by_label("Easy-read mode").check()
    page.get_by_label("Larger text").check()
    page.get_by_label("High contrast").check()
    page.get_by_role("button", name="Save display settings").click()

    # Back where the visitor came from, with the settings applied there and on the next pages.
    expect(page).to_have_url(re.compile(r"/en/organisations/$"))
    expect(page.get_by_role("status")).to_contain_text("Your display settings are saved.")
    body = page.locator("body")
    for path in (
        "/en/",
        "/en/spaces/",
        "/en/spaces/gemensam-utvecklingsgrupp-for-socialtjansten/",
        "/en/accounts/login/",
    ):
        page.goto(path)
        for name in ("mv-easy-read", "mv-large-text", "mv-high-contrast"):
            expect(body).to_have_class(re.compile(rf"\b{name}\b"))
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(255, 255, 255)", background

    # The settings page shows them as chosen, and they can be turned off again.
    page.goto("/en/account/display/")
    expect(page.get_by_label("High contrast")).to_be_checked()
    page.get_by_label("High contrast").uncheck()
    page.get_by_role("button", name="Save display settings").click()
    expect(page.get_by_role("status")).to_contain_text("Your display settings are saved.")
    expect(body).not_to_have_class(re.compile(r"\bmv-high-contrast\b"))
    expect(body).to_have_class(re.compile(r"\bmv-easy-read\b"))
