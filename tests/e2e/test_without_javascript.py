"""Every page works without JavaScript: signing in and switching language are plain forms."""

import re

import pytest

from .helpers import expect, tr

pytestmark = pytest.mark.e2e


def test_a_browser_without_javascript_can_sign_in_and_switch_language(new_page, demo):
    page = new_page(java_script_enabled=False)
    page.goto("/en/")
    assert page.evaluate("() => typeof window.htmx") == "undefined", "JavaScript ran in the page"

    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign In")
    page.get_by_role("textbox", name="Email").fill("admin@demo.example")
    page.get_by_label("Password").fill("medvind-demo")
    page.get_by_role("main").get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # Switch to Norwegian Nynorsk, then Danish, with the header's language buttons.
    page.get_by_role("banner").get_by_role("button", name="Norsk (nynorsk)").click()
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    expect(page).to_have_url(re.compile(r"/nn/$"))
    expect(page.get_by_role("button", name=tr("nn", "Sign out"))).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("nn", "Your voice in the services you use"))

    page.get_by_role("link", name=tr("nn", "Organisations"), exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/nn/organisations/$"))
    page.get_by_role("banner").get_by_role("button", name="Dansk").click()
    expect(page).to_have_url(re.compile(r"/da/organisations/$"))
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("da", "Organisations"))

    # The choice is remembered: an address without a language opens in Danish.
    page.goto("/spaces/")
    expect(page).to_have_url(re.compile(r"/da/spaces/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(tr("da", "Spaces"))
