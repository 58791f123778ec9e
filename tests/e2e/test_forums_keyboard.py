"""Taking part in a forum with the keyboard alone: sign in, open the coming meeting, register with a need,
and vote for a theme. Every step is Tab, Enter or typing."""

import pytest
from django.core import mail

from medvind.forums import demo as forums_demo
from medvind.forums.models import AgendaItem, Meeting, Registration
from medvind.proposals import demo as proposals_demo

from .helpers import PASSWORD, expect
from .proposals_helpers import assert_focus_visible, is_focused, tab_to

pytestmark = pytest.mark.e2e

GROUP = "gemensam-utvecklingsgrupp-for-socialtjansten"
COMING = "Utvecklingsgruppen: dagordning från medlemmarna"
THEME = "Lättläst information"


@pytest.fixture
def forums(demo):
    proposals_demo.load_demo()
    forums_demo.load_demo()
    mail.outbox.clear()


def test_register_and_vote_with_the_keyboard_only(page, forums):
    keyboard = page.keyboard
    page.goto(f"/en/accounts/login/?next=/en/spaces/{GROUP}/meetings/")
    email = page.get_by_role("textbox", name="Email")
    if not is_focused(email):
        tab_to(page, email)
    keyboard.type("responder@demo.example")
    tab_to(page, page.get_by_label("Password"))
    keyboard.type(PASSWORD)
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Meetings of Gemensam utvecklingsgrupp för socialtjänsten"
    )

    link = page.get_by_role("link", name=COMING)
    tab_to(page, link)
    assert_focus_visible(link)
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(COMING)

    register = page.get_by_role("link", name="Register")
    tab_to(page, register)
    assert_focus_visible(register)
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Register for {COMING}")
    tab_to(page, page.get_by_label("I need an interpreter for this language"))
    keyboard.type("Tigrinya")
    tab_to(page, page.get_by_label("I need assistance at the meeting"))
    keyboard.press("Space")
    button = page.get_by_role("button", name="Register")
    tab_to(page, button)
    assert_focus_visible(button)
    keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("You are registered. Welcome!")
    registration = Registration.objects.get(meeting__title=COMING, user__email="responder@demo.example")
    assert registration.interpreter == "Tigrinya" and registration.assistance

    vote = page.get_by_role("button", name=f"Vote for {THEME}")
    tab_to(page, vote, limit=120)
    assert_focus_visible(vote)
    keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Thank you. Your vote is counted.")
    assert AgendaItem.objects.get(title=THEME, meeting=Meeting.objects.get(title=COMING)).vote_count == 2
