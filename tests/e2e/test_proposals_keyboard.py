"""Taking part with the keyboard alone (no mouse): sign in, open a proposal, support it, comment on it
and change the comment. Every step is Tab, Shift+Tab, Enter or typing."""

import pytest

from .helpers import PASSWORD, expect
from .proposals_helpers import GROUP, assert_focus_visible, is_focused, load_proposals_demo, tab_to

pytestmark = pytest.mark.e2e

TITLE = "Anhöriga med i planeringen"  # no supporters yet, under consideration


@pytest.fixture
def proposals_demo(demo):
    load_proposals_demo()


def test_support_and_comment_on_a_proposal_with_the_keyboard_only(page, proposals_demo):
    keyboard = page.keyboard

    # Sign in: the form is reached from the sign-in page that the proposals page sends a visitor to.
    page.goto(f"/en/accounts/login/?next=/en/spaces/{GROUP}/proposals/")
    email = page.get_by_role("textbox", name="Email")
    if not is_focused(email):
        tab_to(page, email)
        assert_focus_visible(email)
    keyboard.type("participant@demo.example")
    tab_to(page, page.get_by_label("Password"))
    keyboard.type(PASSWORD)
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Proposals in Gemensam utvecklingsgrupp för socialtjänsten"
    )

    # Open the proposal from the list.
    tab_to(page, page.get_by_role("link", name=TITLE))
    assert_focus_visible(page.get_by_role("link", name=TITLE))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("0 supporters")).to_be_visible()

    # Support it: Tab to the button, Enter. The count goes up and the button changes.
    tab_to(page, page.get_by_role("button", name="Support this proposal"))
    assert_focus_visible(page.get_by_role("button", name="Support this proposal"))
    keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(
        "Thank you for your support. You now follow this proposal."
    )
    expect(page.get_by_text("1 supporter", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Withdraw my support")).to_be_visible()
    expect(page.get_by_role("button", name="Stop following")).to_be_visible()

    # Write a comment and publish it with the keyboard.
    tab_to(page, page.get_by_role("textbox", name="Your comment"))
    assert_focus_visible(page.get_by_role("textbox", name="Your comment"))
    keyboard.type("Ja, och fråga brukaren först varje gång.")
    tab_to(page, page.get_by_role("button", name="Publish comment"))
    assert_focus_visible(page.get_by_role("button", name="Publish comment"))
    keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Your comment is published.")
    comments = page.get_by_role("region", name="1 comment")
    expect(comments.get_by_role("listitem")).to_contain_text("Ja, och fråga brukaren först varje gång.")

    # Change it: follow the link, replace the text, save.
    tab_to(page, comments.get_by_role("link", name="Change or delete your comment"))
    assert_focus_visible(comments.get_by_role("link", name="Change or delete your comment"))
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your comment")
    tab_to(page, page.get_by_role("textbox", name="Your comment"))
    assert_focus_visible(page.get_by_role("textbox", name="Your comment"))
    keyboard.press("ControlOrMeta+A")
    keyboard.type("Ja, om brukaren vill det.")
    tab_to(page, page.get_by_role("button", name="Save the change"))
    assert_focus_visible(page.get_by_role("button", name="Save the change"))
    keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Your comment is changed.")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(comments.get_by_role("listitem")).to_contain_text("Ja, om brukaren vill det.")
    expect(comments.get_by_role("listitem")).to_contain_text("changed")
