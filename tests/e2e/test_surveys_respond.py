"""Answering a survey in the browser: a respondent on a phone, a shared tablet in kiosk mode, and an
auditor typing in a paper form. Every page is checked with axe-core."""

import re

import pytest

from medvind.core.models import Space
from medvind.surveys.models import Answer, Response, ResponseMode, Section
from tests.surveys.factories import make_survey

from .helpers import expect
from .proposals_helpers import assert_no_horizontal_scroll, sign_in_at

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 800}, "is_mobile": True, "has_touch": True}
TABLET = {"viewport": {"width": 800, "height": 1100}, "has_touch": True}
COORDINATOR = "coordinator@demo.example"
AUDITOR = "auditor@demo.example"


@pytest.fixture
def survey(demo):
    """The audit's questionnaire: page 1 about you, page 2 about the support."""
    audit = Space.objects.get(kind=Space.Kind.AUDIT)
    survey = make_survey(audit, title="Enkät om boendestödet", intro="Brukarrevisorer frågar andra brukare.")
    second = Section.objects.create(survey=survey, position=2, title="Your support")
    survey.questions.filter(key__in=["respect", "plan", "visits", "name-staff", "better"]).update(
        section=second
    )
    survey.questions.filter(key="respect").update(required=True)
    return survey


def test_a_respondent_answers_on_a_phone_fixes_a_mistake_and_sends(new_page, survey):
    phone = new_page(**PHONE)
    phone.goto(f"/en/s/{survey.token}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Enkät om boendestödet")
    expect(phone.get_by_text("we store no name, IP address or browser data")).to_be_visible()
    assert_no_horizontal_scroll(phone)
    phone.get_by_role("button", name="Start the survey").click()

    expect(phone.get_by_text("Page 1 of 2")).to_be_visible()
    assert_no_horizontal_scroll(phone)
    phone.get_by_label("Over 60").check()
    phone.get_by_label("At home").check()
    phone.get_by_role("button", name="Next").click()

    expect(phone.get_by_text("Page 2 of 2")).to_be_visible()
    phone.get_by_label("How many visits do you get in a week?").fill("99")
    phone.get_by_label("What could be better?").fill("Ring before you come. <script>window.__xss=1</script>")
    phone.get_by_role("button", name="Send my answers").click()

    # Both mistakes are named in the summary and next to the questions; the typed text is kept.
    summary = phone.get_by_role("alert")
    expect(summary).to_contain_text("This question needs an answer.")
    expect(summary).to_contain_text("Write a number from 0 to 50.")
    expect(phone.get_by_label("How many visits do you get in a week?")).to_have_value("99")
    expect(phone.get_by_label("How many visits do you get in a week?")).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(phone.get_by_label("What could be better?")).to_have_value(
        "Ring before you come. <script>window.__xss=1</script>"
    )
    assert phone.evaluate("() => window.__xss === undefined")
    # The summary's link leads to the question that needs an answer.
    summary.get_by_role("link", name=re.compile("^Do the staff treat you with respect")).click()
    expect(
        phone.get_by_role("group", name=re.compile("^Do the staff treat you with respect"))
    ).to_be_focused()

    phone.get_by_label("4", exact=True).check()
    phone.get_by_label("How many visits do you get in a week?").fill("3")
    phone.get_by_role("button", name="Back").click()
    expect(phone.get_by_label("Over 60")).to_be_checked()
    phone.get_by_role("button", name="Next").click()
    expect(phone.get_by_label("4", exact=True)).to_be_checked()
    phone.get_by_role("button", name="Send my answers").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you!")
    response = Response.objects.get(survey=survey)
    assert response.mode == ResponseMode.ONLINE and response.submitted_at is not None
    stored = sorted(Answer.objects.filter(response=response).values_list("question__key", "value", "number"))
    assert stored == [
        ("age", "over-60", None),
        ("better", "", None),
        ("help", "home", None),
        ("respect", "4", None),
        ("visits", "", 3),
    ]


def test_a_respondent_saves_and_goes_on_later_with_the_private_link(new_page, survey):
    phone = new_page(**PHONE)
    phone.goto(f"/en/s/{survey.token}/")
    phone.get_by_role("button", name="Start the survey").click()
    expect(phone.get_by_text("Page 1 of 2")).to_be_visible()
    phone.get_by_label("Under 30").check()
    phone.get_by_role("button", name="Save and continue later").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your answers are saved")
    link = phone.get_by_label("Your private link").input_value()
    assert re.search(rf"/s/{survey.token}/r/[\w-]+/$", link)

    other = new_page(**PHONE)  # another browser, days later
    other.goto(link)
    expect(other.get_by_role("status")).to_contain_text("Welcome back.")
    # It opens at the first page with a required question left: page 2. Page 1 kept its answer.
    expect(other.get_by_text("Page 2 of 2")).to_be_visible()
    other.get_by_role("button", name="Back").click()
    expect(other.get_by_label("Under 30")).to_be_checked()
    # The first browser's link was shown once: the page no longer shows it.
    phone.reload()
    expect(phone.get_by_label("Your private link")).to_have_count(0)


def test_kiosk_mode_resets_after_each_response(new_page, survey):
    tablet = new_page(**TABLET)
    sign_in_at(tablet, COORDINATOR, f"/en/s/{survey.token}/kiosk/")
    expect(tablet.get_by_role("heading", level=1)).to_have_text("Kiosk mode")
    tablet.get_by_role("button", name="Start kiosk mode").click()
    expect(tablet.get_by_role("status")).to_have_text(
        "Kiosk mode is on. Hand the tablet to the first person."
    )
    expect(tablet.get_by_role("banner").get_by_role("link", name="Sign in")).to_be_visible()

    tablet.get_by_role("button", name="Start the survey").click()
    tablet.get_by_label("30 to 60").check()
    expect(tablet.get_by_role("button", name="Save and continue later")).to_have_count(0)
    tablet.get_by_role("button", name="Next").click()
    expect(tablet.get_by_text("Page 2 of 2")).to_be_visible()
    tablet.get_by_label("2", exact=True).check()
    tablet.get_by_label("Who helps you most?").fill("Lena")
    tablet.get_by_role("button", name="Send my answers").click()

    expect(tablet.get_by_role("status")).to_have_text(
        "Thank you! The answers are sent. The next person can start now."
    )
    expect(tablet.get_by_role("heading", level=1)).to_have_text("Enkät om boendestödet")
    expect(tablet.get_by_role("link", name="Go on with my answers")).to_have_count(0)
    # Back in the browser does not show the last person's answers.
    tablet.go_back()
    expect(tablet.get_by_text("Lena")).to_have_count(0)
    expect(tablet.get_by_role("heading", level=1)).to_have_text("Enkät om boendestödet")
    assert Response.objects.get(survey=survey).mode == ResponseMode.KIOSK


def test_an_auditor_enters_a_paper_response(new_page, survey):
    page = new_page()
    path = f"/en/spaces/{survey.space.slug}/surveys/{survey.pk}/enter/paper/"
    sign_in_at(page, AUDITOR, path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Type in a paper form")
    page.get_by_label("Over 60").check()
    page.get_by_label("How many visits do you get in a week?").fill("many")
    page.get_by_role("button", name="Save the paper form").click()
    expect(page.get_by_role("alert")).to_contain_text("Write a whole number, with digits only.")
    expect(page.get_by_label("Over 60")).to_be_checked()
    page.get_by_label("How many visits do you get in a week?").fill("5")
    page.get_by_label("What could be better?").fill("Fler besök på helger.")
    page.get_by_role("button", name="Save the paper form").click()
    expect(page.get_by_role("status")).to_have_text("The paper form is saved. You can type in the next one.")
    expect(page.get_by_test_id("entered-count")).to_have_text("You have entered 1 response like this.")
    response = Response.objects.get(survey=survey)
    assert response.mode == ResponseMode.PAPER and response.entered_by.email == AUDITOR
    assert response.answers.count() == 3
