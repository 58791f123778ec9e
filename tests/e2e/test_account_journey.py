"""A new person signs up, verifies the email, chooses Swedish and easier reading, and turns on
two-factor sign-in."""

import base64
import re
import time

import pytest

from .helpers import expect, last_email_to, link_in, sign_out, totp_code, tr

pytestmark = pytest.mark.e2e

EMAIL = "nora@example.org"
NAME = "Nora"
PASSWORD = "Kaffekopp-och-bulle-42"


def sv(text: str) -> str:
    return tr("sv", text)


def font_size(page) -> float:
    return page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")


def fresh_totp_code(secret: str) -> str:
    """A code that stays valid while the browser sends it (not in the last seconds of its 30-second step)."""
    if time.time() % 30 > 26:
        time.sleep(30 - time.time() % 30 + 0.5)
    return totp_code(secret)


def test_totp_codes_follow_rfc_6238():
    secret = base64.b32encode(b"12345678901234567890").decode()  # the RFC's SHA-1 test key
    assert totp_code(secret, at=59, digits=8) == "94287082"
    assert totp_code(secret, at=1111111109, digits=8) == "07081804"
    assert totp_code(secret, at=20000000000, digits=8) == "65353130"


def test_new_person_signs_up_chooses_swedish_and_easy_read_and_signs_in_with_two_factor(page, demo):
    # Sign up with email, display name and password.
    page.goto("/en/accounts/signup/")
    expect(page).to_have_title(re.compile("Sign ?up", re.I))
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Display name").fill(NAME)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")

    # The verification email arrives; its link opens a page that asks to confirm.
    message = last_email_to(EMAIL)
    page.goto(link_in(message))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm Email Address")
    expect(page.get_by_role("main")).to_contain_text(EMAIL)
    page.get_by_role("button", name="Confirm").click()

    # Confirmed and signed in.
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.get_by_role("link", name="My profile")).to_be_visible()
    page.get_by_role("link", name="My profile").click()
    expect(page.get_by_label("Display name")).to_have_value(NAME)

    # Switch to Swedish with the language buttons in the header.
    page.get_by_role("banner").get_by_role("button", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text(sv("My profile"))
    expect(page.get_by_role("button", name=sv("Sign out"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"/sv/account/profile/$"))
    page.get_by_role("link", name=sv("Spaces"), exact=True).first.click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text(sv("Spaces"))
    normal_size = font_size(page)

    # Display settings: easy-read and larger text, on the next page and every page after.
    page.get_by_role("contentinfo").get_by_role("link", name=re.compile(sv("Display settings"))).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(sv("Display settings"))
    page.get_by_label(sv("Easy-read mode")).check()
    page.get_by_label(sv("Larger text")).check()
    page.get_by_role("button", name=sv("Save display settings")).click()
    expect(page.get_by_role("status")).to_contain_text(sv("Your display settings are saved."))
    body = page.locator("body")
    for path in ("/sv/spaces/", "/sv/", "/sv/organisations/", "/sv/accessibility/"):
        if path != "/sv/spaces/":
            page.goto(path)
        expect(body).to_have_class(re.compile(r"\bmv-easy-read\b"))
        expect(body).to_have_class(re.compile(r"\bmv-large-text\b"))
        expect(page.locator("html")).to_have_attribute("lang", "sv")
        if path == "/sv/spaces/":
            assert font_size(page) > normal_size * 1.2
    # Easy-read shows the plain-language version of the home page's introduction.
    page.goto("/sv/")
    expect(page.get_by_text(sv("You can make proposals. You get an answer."))).to_be_visible()

    # Sign out; the language stays Swedish for the visitor.
    sign_out(page)
    expect(page.get_by_role("link", name=sv("Sign in"), exact=True).first).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "sv")

    # Sign in again and turn on two-factor sign-in with an authenticator app.
    page.goto("/sv/accounts/login/")
    page.locator("input[name=login]").fill(EMAIL)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("button", name=sv("Sign out"))).to_be_visible()
    expect(body).to_have_class(re.compile(r"\bmv-easy-read\b"))
    page.goto("/sv/accounts/2fa/")
    page.get_by_role("main").get_by_role("link", name=sv("Activate")).click()
    # Changing sign-in security asks for the password once more.
    expect(page).to_have_url(re.compile(r"/sv/accounts/reauthenticate/"))
    page.get_by_role("main").get_by_label(sv("Password")).fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    secret_field = page.get_by_label(sv("Authenticator secret"))
    expect(secret_field).to_be_visible()
    secret = secret_field.input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}=*", secret), secret
    page.get_by_label(sv("Authenticator code")).fill(fresh_totp_code(secret))
    page.get_by_role("main").get_by_role("button", name=sv("Activate")).click()
    expect(page).not_to_have_url(re.compile(r"/totp/activate/"))
    page.goto("/sv/accounts/2fa/")
    expect(page.get_by_role("main").get_by_role("link", name=sv("Deactivate"))).to_be_visible()

    # Sign out and in again: the password is not enough, the app's code is needed too.
    sign_out(page)
    expect(page.get_by_role("link", name=sv("Sign in"), exact=True).first).to_be_visible()
    page.goto("/sv/accounts/login/")
    page.locator("input[name=login]").fill(EMAIL)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/sv/accounts/2fa/authenticate/"))
    expect(page.get_by_role("button", name=sv("Sign out"))).to_have_count(0)
    page.get_by_label(sv("Code")).fill(fresh_totp_code(secret))
    page.get_by_role("main").get_by_role("button", name=sv("Sign In")).click()
    expect(page.get_by_role("button", name=sv("Sign out"))).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(body).to_have_class(re.compile(r"\bmv-large-text\b"))
