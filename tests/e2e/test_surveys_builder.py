"""Building a survey in the browser: an auditor of a user-led audit writes the questionnaire, with a
single-choice question and a question shown only for one of its answers, previews it in easy read and
in English, and opens it, the last part with the keyboard alone. Every page is checked with axe-core."""

import re

import pytest

from medvind.core.models import Space
from medvind.surveys.models import Question, Survey, SurveyStatus

from .helpers import expect
from .proposals_helpers import is_focused, sign_in_at, tab_to

pytestmark = pytest.mark.e2e

AUDITOR = "auditor@demo.example"  # a member of the audit: in a user-led audit the users write the survey


@pytest.fixture
def audit(demo) -> Space:
    return Space.objects.get(kind=Space.Kind.AUDIT)


def test_an_auditor_builds_previews_and_opens_a_survey(new_page, audit):
    page = new_page()
    sign_in_at(page, AUDITOR, f"/en/spaces/{audit.slug}/surveys/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Surveys")
    expect(page.get_by_text("There are no surveys yet.")).to_be_visible()

    # A new survey in Swedish that can also be answered in English.
    page.get_by_role("link", name="New survey").click()
    expect(page.get_by_label("Smallest group shown in results")).to_have_value("5")
    page.get_by_label("Title", exact=True).fill("Enkät om boendestödet")
    page.get_by_label("Language of the questions").select_option("sv")
    page.get_by_role("group", name="It can also be answered in").get_by_label("English").check()
    page.get_by_role("button", name="Make the survey").click()
    expect(page.get_by_role("status")).to_have_text("The survey is made. Now add its questions.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enkät om boendestödet")
    survey = Survey.objects.get(title="Enkät om boendestödet")
    expect(page.locator("#answer-link")).to_contain_text(f"/s/{survey.token}/")
    expect(
        page.get_by_role("img", name="QR code that opens the survey on a phone, without an account")
    ).to_be_visible()

    # A section with its English title.
    page.get_by_role("link", name="Add a section").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New section")
    page.get_by_label("Title of the section").fill("Om ditt stöd")
    page.get_by_label("Title in English").fill("About your support")
    page.get_by_role("button", name="Add the section").click()
    expect(page.get_by_role("status")).to_have_text("The section is added.")

    # A single-choice question; the first try forgets the choices and keeps what was typed.
    page.get_by_role("link", name=re.compile("^Add a question.*Om ditt stöd")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New question")
    page.get_by_label("Kind of question").select_option(label="One choice")
    page.get_by_label("Question", exact=True).fill("Hur ofta kommer boendestödet?")
    page.get_by_label("Easy-read wording", exact=False).first.fill("Hur ofta får du hjälp?")
    page.get_by_role("button", name="Add the question").click()
    expect(page.get_by_role("alert")).to_contain_text("Give from 2 to 30 choices, one on each line.")
    expect(page.get_by_label("Question", exact=True)).to_have_value("Hur ofta kommer boendestödet?")
    expect(page.get_by_label("Choices", exact=False).first).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Choices", exact=False).first.fill("Varje dag\nVarje vecka\nSällan")
    page.get_by_label("Question in English").fill("How often does home support come?")
    page.get_by_label("Choices in English").fill("Every day\nEvery week\nSeldom")
    page.get_by_role("button", name="Add the question").click()
    expect(page.get_by_role("status")).to_have_text("The question is added.")
    expect(page.get_by_role("list", name="Choices")).to_contain_text("Varje vecka")

    # A question shown only to those who answer "Sällan".
    page.get_by_role("link", name=re.compile("^Add a question.*Om ditt stöd")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New question")
    page.get_by_label("Kind of question").select_option(label="Long text")
    page.get_by_label("Question", exact=True).fill(
        "Vad skulle göra stödet bättre? <script>window.__xss=1</script>"
    )
    page.get_by_label("Show only if the answer to an earlier question is").select_option(
        label="Hur ofta kommer boendestödet?: Sällan"
    )
    page.get_by_role("button", name="Add the question").click()
    expect(page.get_by_role("status")).to_have_text("The question is added.")
    expect(
        page.get_by_text("Shown only if the answer to “Hur ofta kommer boendestödet?” is “Sällan”.")
    ).to_be_visible()
    follow_up = Question.objects.get(survey=survey, kind="long_text")
    assert follow_up.condition_question.text == "Hur ofta kommer boendestödet?"
    assert follow_up.condition_value == "sallan"

    # The rest with the keyboard alone: the preview in easy read, then in English, then open the survey.
    keyboard = page.keyboard
    preview_link = page.get_by_role("link", name="Preview", exact=True)
    tab_to(page, preview_link)
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Preview: Enkät om boendestödet")
    easy = page.get_by_label("Easy read")
    tab_to(page, easy)
    keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Show the preview"))
    keyboard.press("Enter")
    preview = page.locator("#preview")
    expect(preview.get_by_role("group", name="Hur ofta får du hjälp?")).to_be_visible()
    expect(preview.get_by_label("Sällan")).to_be_visible()
    expect(
        preview.get_by_label("Vad skulle göra stödet bättre? <script>window.__xss=1</script>")
    ).to_be_visible()
    assert page.evaluate("() => window.__xss === undefined")
    expect(preview).to_have_attribute("lang", "sv")

    language = page.get_by_label("Language", exact=True)
    tab_to(page, language)
    keyboard.press("ArrowDown")  # Swedish, then English
    expect(language).to_have_value("en")
    tab_to(page, page.get_by_role("button", name="Show the preview"))
    keyboard.press("Enter")
    expect(preview).to_have_attribute("lang", "en")
    # No English easy-read wording was written, so the English question is shown.
    expect(preview.get_by_role("group", name="How often does home support come?")).to_be_visible()
    expect(preview.get_by_label("Seldom")).to_be_visible()
    expect(preview.get_by_role("heading", name="About your support")).to_be_visible()
    assert survey.responses.count() == 0

    back = page.get_by_role("link", name="Back to the survey")
    tab_to(page, back)
    keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enkät om boendestödet")
    open_button = page.get_by_role("button", name="Open the survey for answers")
    tab_to(page, open_button)
    assert is_focused(open_button)
    keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("The survey is open for answers.")
    expect(page.get_by_role("button", name="Close the survey")).to_be_visible()
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN


def test_an_answered_question_is_shown_locked_and_its_wording_can_still_be_corrected(new_page, audit):
    from tests.surveys.factories import make_survey, record

    survey = make_survey(audit, title="Enkät om boendestödet")
    record(survey, {"age": "over-60"})
    page = new_page()
    sign_in_at(page, AUDITOR, f"/en/spaces/{audit.slug}/surveys/{survey.pk}/")
    question = page.locator("#question-" + str(Question.objects.get(survey=survey, key="age").pk))
    expect(question).to_contain_text("has answers: kind, choices and condition are locked")
    expect(question.get_by_role("link", name=re.compile("^Delete"))).to_have_count(0)
    question.get_by_role("link", name=re.compile("^Change")).click()
    expect(page.get_by_role("heading", level=2, name="This question has answers")).to_be_visible()
    expect(page.locator("#locked-fields")).to_contain_text("Kind of question")
    expect(page.locator("#locked-fields")).to_contain_text("One choice")
    expect(page.get_by_label("Kind of question")).to_have_count(0)
    page.get_by_label("Question", exact=True).fill("How old are you now?")
    page.get_by_role("button", name="Save the question").click()
    expect(page.get_by_role("status")).to_have_text("The question is saved.")
    expect(page.get_by_text("How old are you now?", exact=True)).to_be_visible()
