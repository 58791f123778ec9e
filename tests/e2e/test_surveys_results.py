"""Survey results in the browser: an audit coordinator opens the demo questionnaire's results, looks at
one group and compares two questions. Every page is checked with axe-core."""

import re

import pytest

from medvind.surveys import demo as surveys_demo
from medvind.surveys.models import Survey

from .helpers import expect
from .proposals_helpers import sign_in_at

pytestmark = pytest.mark.e2e

COORDINATOR = "coordinator@demo.example"  # made the audit space, so runs it


@pytest.fixture
def surveys(demo):
    surveys_demo.load_demo()


def results_path(survey: Survey, language: str = "en") -> str:
    return f"/{language}/spaces/{survey.space.slug}/surveys/{survey.pk}/results/"


def test_coordinator_opens_results_filters_and_cross_tabulates(new_page, surveys):
    survey = Survey.objects.select_related("space").get(title="Enkät om boendestödet 2026")
    page = new_page()
    sign_in_at(page, COORDINATOR, results_path(survey))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Results: {survey.title}")
    expect(page.get_by_text("60 people have answered.")).to_be_visible()
    expect(page.get_by_role("img", name="Do the staff treat you with respect?")).to_be_visible()
    expect(page.get_by_role("table", name="Do the staff treat you with respect?")).to_be_visible()
    expect(
        page.get_by_role("table", name=re.compile("Compared with the earlier round")).first
    ).to_be_visible()

    # Only the people aged 30 to 60.
    page.get_by_label("Show the answers of").select_option(label="30 to 60")
    page.get_by_role("button", name="Show", exact=True).click()
    expect(
        page.get_by_text(re.compile(r"Only the \d+ people who answered “30 to 60” to “How old are you\?”"))
    ).to_be_visible()
    expect(page.get_by_label("Show the answers of")).to_have_value("alder:30-60")

    # Age compared with whether the staff come on time, still for that group.
    page.get_by_label("Compare the answers to").select_option(label="How old are you?")
    page.get_by_label("with the answers to").select_option(label="Do the staff come at the times you agreed?")
    page.get_by_role("button", name="Compare").click()
    expect(
        page.get_by_role(
            "heading", name="“How old are you?” compared with “Do the staff come at the times you agreed?”"
        )
    ).to_be_visible()
    table = page.locator("table.mv-crosstab")
    expect(table.get_by_role("row")).to_have_count(4)  # the header and three ages
    # Only one age is in the group: the other rows have nobody, and small cells say so in words.
    expect(page.get_by_text(re.compile(r"Only the \d+ people who answered “30 to 60”"))).to_be_visible()


def test_two_same_questions_are_refused_with_a_message_next_to_the_field(new_page, surveys):
    survey = Survey.objects.select_related("space").get(title="Enkät om boendestödet 2026")
    page = new_page()
    sign_in_at(page, COORDINATOR, results_path(survey))
    page.get_by_label("Compare the answers to").select_option(label="How old are you?")
    page.get_by_label("with the answers to").select_option(label="How old are you?")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose two different questions.")
    expect(page.get_by_label("with the answers to")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Compare the answers to")).to_have_value("alder")  # kept what was chosen


def test_a_signed_out_visitor_cannot_see_the_audit_results(new_page, surveys):
    survey = Survey.objects.select_related("space").get(title="Enkät om boendestödet 2026")
    page = new_page()
    response = page.goto(results_path(survey))
    assert response is not None and response.status == 404


def test_all_free_text_answers_are_listed_on_their_own_page(new_page, surveys):
    survey = Survey.objects.select_related("space").get(title="Enkät om boendestödet 2026")
    page = new_page()
    sign_in_at(page, COORDINATOR, results_path(survey))
    page.get_by_role("link", name="All answers to “What could be better about home support?”").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What could be better about home support?")
    expect(page.get_by_text(re.compile(r"^\d+ answers\.$"))).to_be_visible()
    expect(page.locator(".mv-survey-texts li").first).to_be_visible()
    page.get_by_role("link", name="Back to the results").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Results: {survey.title}")


def test_a_survey_with_fewer_than_k_answers_shows_only_the_message(new_page, surveys):
    survey = Survey.objects.select_related("space").get(status="open")  # nobody has answered yet
    page = new_page()
    sign_in_at(page, COORDINATOR, results_path(survey))
    expect(page.locator(".ds-alert[role=status]")).to_have_text(
        "Fewer than 5 answers: results are shown when there are at least 5."
    )
    expect(page.get_by_role("table")).to_have_count(0)
    expect(page.get_by_role("img")).to_have_count(0)
