"""Live events in the browser: a phone in the audience, the moderator, the presenter's screen, polls, the
postbox after the event, and input turned into a proposal. Every page is checked with axe-core."""

import re

import pytest

from medvind.events import demo as events_demo_data
from medvind.events import live
from medvind.events.models import Event, Question
from medvind.proposals.models import Proposal

from .helpers import LANGUAGES, expect
from .proposals_helpers import WORKSHOP, is_focused, load_proposals_demo, sign_in_at

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
FACILITATOR = "admin@demo.example"  # created the Danish workshop space, so runs it


@pytest.fixture
def events_demo(demo):
    load_proposals_demo()
    live._local.clear()
    events_demo_data.load_demo()
    yield
    live._local.clear()


def event(title_start: str) -> Event:
    return Event.objects.select_related("space").get(title__startswith=title_start)


def manage_path(item: Event, language: str = "en") -> str:
    return f"/{language}/spaces/{item.space.slug}/events/{item.pk}/"


def test_a_phone_asks_the_moderator_approves_and_the_presenter_shows_it(new_page, events_demo):
    debate = event("Paneldebat")
    text = "Can the young people read what the file says about them? <script>alert('x')</script>"

    # The presenter's screen is open before the question arrives.
    presenter = new_page()
    sign_in_at(presenter, FACILITATOR, f"{manage_path(debate)}present/")
    expect(presenter.get_by_role("heading", level=1)).to_have_text(debate.title)
    expect(presenter.get_by_text(debate.code, exact=True)).to_be_visible()

    # A phone without an account joins with the code and asks.
    phone = new_page(**PHONE)
    phone.goto("/en/e/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Join an event")
    phone.get_by_label("Event code").fill(debate.code.lower())
    phone.get_by_role("button", name="Join").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(debate.title)
    phone.get_by_label("Your question or input").fill(text)
    phone.get_by_label("Your name").fill("Jonas")
    phone.get_by_role("button", name="Send the question").click()
    expect(phone.get_by_role("status")).to_have_text(
        "Thank you! A moderator will look at your question before it is shown."
    )
    expect(phone.get_by_text("Can the young people read")).to_have_count(0)

    # The moderator shows it.
    moderator = new_page()
    sign_in_at(moderator, FACILITATOR, f"{manage_path(debate)}?status=pending")
    card = moderator.locator(".ev-question", has_text="Can the young people read")
    card.get_by_role("button", name=re.compile("^Show")).click()
    expect(moderator.get_by_role("status")).to_have_text("The question is shown.")

    # The presenter's screen updates by itself and its live region announces only the new question.
    expect(presenter.locator("#presenter-live")).to_contain_text(text, timeout=8000)
    expect(presenter.locator("#presenter-news")).to_have_text(f"New question from Jonas: {text}")
    # The phone's list updates by itself too, with the hostile text shown as text.
    expect(phone.locator("#audience-live")).to_contain_text(text, timeout=8000)
    assert phone.evaluate("() => window.__xss === undefined")


def test_a_poll_is_answered_and_its_result_shown(new_page, events_demo):
    debate = event("Paneldebat")
    phone = new_page(**PHONE)
    phone.goto(f"/en/e/{debate.code}/")
    poll = phone.get_by_role("article", name="Hvad er det største problem i fagsystemet i dag?")
    expect(poll.get_by_role("table")).to_contain_text("Results: 23 votes")
    poll.get_by_label("Søgning").check()
    poll.get_by_role("button", name="Vote").click()
    expect(phone.get_by_role("status")).to_have_text("Thank you! Your vote is counted.")
    poll = phone.get_by_role("article", name="Hvad er det største problem i fagsystemet i dag?")
    expect(poll.get_by_role("table")).to_contain_text("Results: 24 votes")
    # Once per browser.
    poll.get_by_label("Søgning").check()
    poll.get_by_role("button", name="Vote").click()
    expect(phone.get_by_role("status")).to_have_text("You have already voted in this poll.")
    # The closed poll shows its results as numbers, not only as bars.
    closed = phone.get_by_role("article", name=re.compile("Hvilke emner"))
    expect(closed.get_by_text("The poll is closed. These are the results.")).to_be_visible()
    expect(closed.get_by_role("row", name=re.compile("Børnesamtaler"))).to_be_visible()


def test_the_postbox_after_the_event_and_when_it_has_closed(new_page, events_demo):
    week = event("Workshop 2")
    phone = new_page(**PHONE)
    phone.goto(f"/en/e/{week.code}/")
    expect(phone.get_by_text("The event is over. Its postbox is open until")).to_be_visible()
    phone.get_by_label("Your question or input").fill("The reminder for follow-up should go to the team.")
    phone.get_by_role("button", name="Send to the postbox").click()
    expect(phone.get_by_role("status")).to_have_text("Thank you! Your input is in the postbox.")
    assert Question.objects.filter(event=week, via_postbox=True).count() == 2

    Event.objects.filter(pk=week.pk).update(postbox_days=1)
    live.forget(week.pk, week.code)
    phone.goto(f"/en/e/{week.code}/")
    expect(
        phone.get_by_text("The event is closed. It no longer takes questions or votes.", exact=False)
    ).to_be_visible()
    expect(phone.get_by_role("button", name="Send to the postbox")).to_have_count(0)


def test_postbox_input_becomes_a_proposal_with_one_action(new_page, events_demo):
    week = event("Workshop 2")
    page = new_page()
    sign_in_at(page, FACILITATOR, manage_path(week))
    card = page.locator(".ev-question", has_text="der mangler en påmindelse")
    card.get_by_role("button", name=re.compile("^Make it a proposal")).click()
    expect(page.get_by_role("status")).to_have_text(
        "The input is now a proposal. It links back to the event."
    )
    proposal = Proposal.objects.get(event_questions__event=week)
    expect(page.get_by_role("heading", level=1)).to_have_text(proposal.title)
    assert proposal.author is None  # the workshop space takes anonymous proposals
    page.goto(manage_path(week))
    expect(page.get_by_role("link", name=f"Proposal: {proposal.title}")).to_be_visible()


def test_the_audience_journey_with_the_keyboard_alone(new_page, events_demo):
    debate = event("Paneldebat")
    page = new_page(**PHONE)
    page.goto(f"/en/e/{debate.code}/")
    field = page.get_by_label("Your question or input")
    for _ in range(60):
        page.keyboard.press("Tab")
        if is_focused(field):
            break
    assert is_focused(field)
    page.keyboard.type("Will the next workshop be in Jutland?")
    page.keyboard.press("Tab")
    assert is_focused(page.get_by_label("Your name"))
    page.keyboard.type("Maja")
    for _ in range(5):
        page.keyboard.press("Tab")
        if is_focused(page.get_by_role("button", name="Send the question")):
            break
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Thank you!")
    assert Question.objects.filter(event=debate, name="Maja", text__startswith="Will the next").exists()


SEEN = """() => ({lang: document.documentElement.lang, h1: [...document.querySelectorAll('h1')].length})"""


@pytest.mark.parametrize("who", ["visitor", "facilitator"])
def test_every_events_page_in_all_five_languages(new_page, events_demo, who):
    debate = event("Paneldebat")
    page = new_page()
    paths = [f"/LANG/spaces/{WORKSHOP}/events/", "/LANG/e/", f"/LANG/e/{debate.code}/"]
    if who == "facilitator":
        sign_in_at(page, FACILITATOR, f"/en/spaces/{WORKSHOP}/events/")
        base = f"/LANG/spaces/{WORKSHOP}/events/{debate.pk}/"
        paths += [base, f"{base}edit/", f"{base}present/", f"/LANG/spaces/{WORKSHOP}/events/new/"]
    for language in LANGUAGES:
        for path in paths:
            response = page.goto(path.replace("LANG", language))
            assert response.status == 200, f"{path}: {response.status}"
            expect(page.locator("h1")).to_have_count(1)
            seen = page.evaluate(SEEN)
            assert seen == {"lang": language, "h1": 1}, f"{page.url}: {seen}"
