"""Answering a survey through its pages: the start page, one section per page, errors next to fields,
hostile and tampered input, closed surveys, resume links, kiosk mode and paper entry."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from medvind.surveys.models import Answer, QuestionKind, Response, ResponseMode, Section, SurveyStatus

from .factories import make_survey

pytestmark = pytest.mark.django_db
K = QuestionKind


def start_url(survey, lang="en"):
    return f"/{lang}/s/{survey.token}/"


def page_url(survey, number, lang="en"):
    return f"/{lang}/s/{survey.token}/page/{number}/"


def field(survey, key):
    return f"q{survey.questions.get(key=key).pk}"


def begin(client, survey, **data):
    response = client.post(start_url(survey), {"language": survey.language, **data})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def two_page_survey(space, **kw):
    """Page 1: about you (age, help). Page 2: the support (respect required, better)."""
    survey = make_survey(space, **kw)
    second = Section.objects.create(survey=survey, position=2, title="Your support")
    survey.questions.filter(key__in=["respect", "plan", "visits", "name-staff", "better"]).update(
        section=second
    )
    survey.questions.filter(key="respect").update(required=True)
    return survey


# The start page -----------------------------------------------------------------------------------


def test_the_start_page_says_what_it_is_how_long_it_takes_and_that_it_is_anonymous(client, world):
    survey = make_survey(
        world.public, intro="We are users of boendestöd asking other users.", languages=["sv"]
    )
    html = client.get(start_url(survey)).content.decode()
    assert html.count("<h1") == 1 and survey.title in html
    assert "We are users of boendestöd asking other users." in html
    assert "There are 7 questions. Most people need about 4 minutes." in html
    assert "we store no name, IP address or browser data" in html
    assert 'value="sv"' in html and 'value="en"' in html
    assert "easy-read" in html
    assert "no-store" in client.get(start_url(survey))["Cache-Control"]


def test_starting_sends_the_respondent_to_the_first_page_in_the_chosen_language(client, world):
    survey = make_survey(world.public, languages=["sv"])
    response = begin(client, survey, language="sv")
    assert response.url == page_url(survey, 1, "sv")
    created = Response.objects.get()
    assert (created.language, created.mode, created.entered_by) == ("sv", ResponseMode.ONLINE, None)
    # The session holds only a signed reference; nothing about the person.
    held = client.session["surveys.answering"][str(survey.pk)]
    assert str(created.pk) != held and ":" in held


@pytest.mark.parametrize("language", ["da", "", "<script>alert(1)</script>", "' OR 1=1 --"])
def test_a_tampered_language_is_refused_on_the_start_page(client, world, language):
    survey = make_survey(world.public, languages=["sv"])
    response = client.post(start_url(survey), {"language": language})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "<script>alert(1)</script>" not in html
    assert Response.objects.count() == 0


def test_an_unknown_survey_address_is_not_found(client, world):
    assert client.get("/en/s/no-such-survey/").status_code == 404
    assert client.get("/en/s/" + "x" * 200 + "/").status_code == 404
    assert client.get("/en/s/no-such-survey/page/1/").status_code == 404


@pytest.mark.parametrize(
    ("change", "text"),
    [
        ({"status": SurveyStatus.DRAFT}, "This survey is not open yet."),
        ({"closes_at": timezone.now() - dt.timedelta(days=1)}, "This survey closed on"),
        ({"opens_at": timezone.now() + dt.timedelta(days=1)}, "This survey opens on"),
    ],
)
def test_a_survey_that_is_not_open_shows_a_friendly_page(client, world, change, text):
    survey = make_survey(world.public, **change)
    response = client.get(start_url(survey))
    assert response.status_code == 200
    assert text in response.content.decode()
    posted = client.post(start_url(survey), {"language": "en"})
    assert posted.status_code == 200 and text in posted.content.decode()
    assert Response.objects.count() == 0


def test_starting_many_times_from_one_browser_is_slowed_down(client, world):
    survey = make_survey(world.public)
    for _ in range(10):
        begin(client, survey)
    response = client.post(start_url(survey), {"language": "en"})
    assert response.status_code == 429
    assert "Please wait a while and try again." in response.content.decode()
    assert Response.objects.count() == 10


# Answering page by page ---------------------------------------------------------------------------


def test_a_respondent_answers_page_by_page_and_sends(client, world):
    survey = two_page_survey(world.public)
    begin(client, survey)
    first = client.get(page_url(survey, 1)).content.decode()
    assert "Page 1 of 2" in first and "How old are you?" in first and "Do the staff treat" not in first
    assert "Send my answers" not in first
    response = client.post(page_url(survey, 1), {field(survey, "age"): "30-60", "action": "next"})
    assert response.url == page_url(survey, 2)
    second = client.get(page_url(survey, 2)).content.decode()
    assert "Page 2 of 2" in second and "Send my answers" in second
    back = client.post(page_url(survey, 2), {field(survey, "respect"): "5", "action": "back"})
    assert back.url == page_url(survey, 1)
    assert re.search(r'value="30-60"[^>]*checked', client.get(page_url(survey, 1)).content.decode())
    client.post(page_url(survey, 1), {field(survey, "age"): "30-60", "action": "next"})
    kept = client.get(page_url(survey, 2)).content.decode()
    assert re.search(r'value="5"[^>]*checked', kept)
    done = client.post(page_url(survey, 2), {field(survey, "respect"): "5", "action": "send"})
    assert done.url == f"/en/s/{survey.token}/done/"
    assert "Your answers are sent." in client.get(done.url).content.decode()
    assert sorted(Answer.objects.values_list("question__key", "value")) == [
        ("age", "30-60"),
        ("respect", "5"),
    ]
    # The session forgets the response: its pages lead back to the start.
    assert client.get(page_url(survey, 2)).url == start_url(survey)


def test_a_missing_required_answer_is_shown_next_to_the_question_and_what_was_typed_is_kept(client, world):
    survey = two_page_survey(world.public)
    begin(client, survey)
    client.post(page_url(survey, 1), {field(survey, "age"): "30-60", "action": "next"})
    name = field(survey, "respect")
    response = client.post(
        page_url(survey, 2),
        {
            field(survey, "better"): "Ring before you come <b>please</b>",
            field(survey, "visits"): "99",
            "action": "send",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert f'id="id_{name}_error">This question needs an answer.' in html
    # The summary's link leads to the question's group of radio buttons.
    assert f'href="#id_{name}"' in html and f'<fieldset class="ds-fieldset mv-field" id="id_{name}"' in html
    assert (
        f'aria-describedby="id_{name}_error"' in html
        or f'aria-describedby="id_{name}_helptext id_{name}_error"' in html
    )
    assert "Write a number from 0 to 50." in html and 'value="99"' in html
    assert "Ring before you come &lt;b&gt;please&lt;/b&gt;" in html
    assert Answer.objects.count() == 0 and Response.objects.get().submitted_at is None


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("age", "<script>alert(1)</script>", "Choose one of the answers shown."),
        ("age", "' OR 1=1 --", "Choose one of the answers shown."),
        ("help", "999", "Choose only among the answers shown."),
        ("visits", "' OR 1=1 --", "Write a whole number, with digits only."),
        ("name-staff", "x" * 501, "Write at most 500 characters."),
        ("better", "y" * 5001, "Write at most 5000 characters."),
    ],
)
def test_hostile_and_tampered_answers_get_a_clear_error_never_a_500(client, world, key, value, message):
    survey = make_survey(world.public)
    begin(client, survey)
    response = client.post(page_url(survey, 1), {field(survey, key): value, "action": "send"})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "<script>alert(1)</script>" not in html
    assert Answer.objects.count() == 0


def test_a_tampered_post_answering_a_hidden_question_is_ignored(client, world):
    survey = make_survey(world.public)
    better = survey.questions.get(key="better")
    better.condition_question, better.condition_value = survey.questions.get(key="plan"), "no"
    better.save()
    begin(client, survey)
    html = client.get(page_url(survey, 1)).content.decode()
    assert "What could be better?" not in html
    response = client.post(
        page_url(survey, 1),
        {
            field(survey, "plan"): "yes",
            field(survey, "better"): "Hidden answer",
            "q999999": "x",
            "action": "send",
        },
    )
    assert response.status_code == 302
    assert not Answer.objects.filter(question__key="better").exists()
    assert Answer.objects.filter(question__key="plan", value="yes").exists()


def test_an_answer_that_opens_a_question_on_the_same_page_shows_it_before_going_on(client, world):
    survey = two_page_survey(world.public)
    better = survey.questions.get(key="help")  # page 1, shown only to those over 60
    better.condition_question, better.condition_value = survey.questions.get(key="age"), "over-60"
    better.save()
    begin(client, survey)
    assert "What do you get help with?" not in client.get(page_url(survey, 1)).content.decode()
    response = client.post(page_url(survey, 1), {field(survey, "age"): "over-60", "action": "next"})
    assert response.url == page_url(survey, 1)
    html = client.get(page_url(survey, 1)).content.decode()
    assert "What do you get help with?" in html and "Your answer opened another question" in html
    client.post(
        page_url(survey, 1),
        {field(survey, "age"): "over-60", field(survey, "help"): ["home"], "action": "next"},
    )
    assert Response.objects.get().draft[str(survey.questions.get(key="help").pk)] == ["home"]


def test_a_page_number_out_of_range_goes_to_a_page_that_exists(client, world):
    survey = two_page_survey(world.public)
    begin(client, survey)
    assert client.get(page_url(survey, 99)).url == page_url(survey, 2)
    assert client.get(page_url(survey, 0)).url == page_url(survey, 1)


def test_without_a_started_response_the_pages_lead_to_the_start(client, world):
    survey = make_survey(world.public)
    assert client.get(page_url(survey, 1)).url == start_url(survey)
    session = client.session
    session["surveys.answering"] = {str(survey.pk): "forged-value"}
    session.save()
    assert client.get(page_url(survey, 1)).url == start_url(survey)


def test_sending_twice_stores_one_response(client, world):
    survey = make_survey(world.public)
    begin(client, survey)
    data = {field(survey, "age"): "30-60", "action": "send"}
    client.post(page_url(survey, 1), data)
    second = client.post(page_url(survey, 1), data)
    assert second.status_code == 302
    assert Response.objects.filter(submitted_at__isnull=False).count() == 1 and Answer.objects.count() == 1


def test_a_survey_that_closes_while_someone_answers_says_so_and_keeps_the_draft(client, world):
    survey = make_survey(world.public)
    begin(client, survey)
    client.post(page_url(survey, 1), {field(survey, "age"): "30-60", "action": "later"})
    survey.closes_at = timezone.now() - dt.timedelta(minutes=1)
    survey.save()
    response = client.post(page_url(survey, 1), {field(survey, "age"): "30-60", "action": "send"})
    assert response.status_code == 200 and "This survey closed on" in response.content.decode()
    assert Answer.objects.count() == 0


# Stop and resume ----------------------------------------------------------------------------------


def test_save_and_continue_later_shows_a_private_link_once_that_resumes_in_another_browser(
    client, world, django_user_model
):
    from django.test import Client

    survey = two_page_survey(world.public)
    begin(client, survey)
    client.post(page_url(survey, 1), {field(survey, "age"): "over-60", "action": "next"})
    response = client.post(page_url(survey, 2), {field(survey, "better"): "Kept text", "action": "later"})
    assert response.url == f"/en/s/{survey.token}/saved/"
    html = client.get(response.url).content.decode()
    link = re.search(r'value="(http://testserver/en/s/[^"]+/r/[^"]+/)"', html).group(1)
    assert "We show it only this once." in html
    assert "shown once" in client.get(response.url).content.decode()  # not shown again
    secret = link.rstrip("/").rsplit("/", 1)[1]
    stored = Response.objects.get()
    assert secret not in stored.resume_hash and stored.resume_hash
    other = Client()
    resumed = other.get(link.replace("http://testserver", ""))
    assert resumed.url == page_url(survey, 2)  # the first page with a question left
    page = other.get(resumed.url).content.decode()
    assert "Kept text" in page and "Welcome back." in page


def test_a_wrong_or_used_resume_link_says_so(client, world):
    survey = make_survey(world.public)
    response = client.get(f"/en/s/{survey.token}/r/not-a-real-secret/")
    assert response.status_code == 404 and "This link does not work" in response.content.decode()
    assert client.get(f"/en/s/{survey.token}/r/{'x' * 300}/").status_code == 404


def test_a_resume_link_after_closing_says_the_survey_closed(client, world):
    survey = make_survey(world.public)
    begin(client, survey)
    client.post(page_url(survey, 1), {field(survey, "age"): "30-60", "action": "later"})
    link = re.search(
        r'/en/s/[^"]+/r/[^"]+/', client.get(f"/en/s/{survey.token}/saved/").content.decode()
    ).group(0)
    survey.status = SurveyStatus.CLOSED
    survey.save()
    assert "This survey is closed." in client.get(link).content.decode()


# Kiosk mode ---------------------------------------------------------------------------------------


def test_kiosk_mode_is_only_for_those_who_run_the_survey(client, world):
    survey = make_survey(world.public)
    assert client.get(f"/en/s/{survey.token}/kiosk/").status_code == 302  # to sign in
    client.force_login(world["participant"])
    assert client.post(f"/en/s/{survey.token}/kiosk/").status_code == 403
    assert "surveys.kiosk" not in client.session


def test_kiosk_mode_starts_again_after_each_response_and_forgets_the_last_one(client, world):
    survey = two_page_survey(world.public)
    client.force_login(world["facilitator"])
    response = client.post(f"/en/s/{survey.token}/kiosk/")
    assert response.url == start_url(survey)
    assert "_auth_user_id" not in client.session  # the person who set it up is signed out
    begin(client, survey)
    client.post(page_url(survey, 1), {field(survey, "age"): "30-60", "action": "next"})
    page = client.get(page_url(survey, 2)).content.decode()
    assert "Save and continue later" not in page
    sent = client.post(page_url(survey, 2), {field(survey, "respect"): "2", "action": "send"})
    assert sent.url == start_url(survey)
    fresh = client.get(sent.url).content.decode()
    assert "The next person can start now." in fresh and "Go on with my answers" not in fresh
    assert client.get(page_url(survey, 1)).url == start_url(survey)  # no way back into the answers
    assert Response.objects.get().mode == ResponseMode.KIOSK
    for _ in range(12):  # a kiosk is one browser for many people: not slowed down like one person
        begin(client, survey)


# Paper entry and interviews -----------------------------------------------------------------------


def enter_url(survey, mode="paper"):
    return f"/en/spaces/{survey.space.slug}/surveys/{survey.pk}/enter/{mode}/"


def test_an_auditor_types_in_a_paper_form_on_one_page(client, world):
    survey = two_page_survey(world.members_only)
    client.force_login(world["member"])
    html = client.get(enter_url(survey)).content.decode()
    assert "How old are you?" in html and "Do the staff treat you with respect?" in html
    response = client.post(
        enter_url(survey), {"language": "en", field(survey, "age"): "over-60", field(survey, "visits"): "4"}
    )
    assert response.url == enter_url(survey)
    assert "The paper form is saved." in client.get(response.url).content.decode()
    entered = Response.objects.get()
    assert (entered.mode, entered.entered_by) == (ResponseMode.PAPER, world["member"])
    assert entered.submitted_at is not None and entered.answers.count() == 2


def test_an_interview_has_a_notes_field_and_bad_input_keeps_what_was_typed(client, world):
    survey = make_survey(world.members_only)
    client.force_login(world["facilitator"])
    assert "Your notes from the interview" in client.get(enter_url(survey, "interview")).content.decode()
    response = client.post(
        enter_url(survey, "interview"),
        {"language": "en", field(survey, "visits"): "500", "notes": "Said <script>alert(1)</script>"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write a number from 0 to 50." in html and "Said &lt;script&gt;" in html
    assert Response.objects.count() == 0
    client.post(
        enter_url(survey, "interview"), {"language": "en", field(survey, "plan"): "yes", "notes": "Calm."}
    )
    assert Response.objects.get().notes == "Calm."


@pytest.mark.parametrize("role", ["participant", "responder", "staff"])
def test_others_cannot_enter_responses(client, world, role):
    survey = make_survey(world.members_only)
    client.force_login(world[role])
    assert client.get(enter_url(survey)).status_code in (403, 404)
    assert client.post(enter_url(survey), {"language": "en", field(survey, "age"): "30-60"}).status_code in (
        403,
        404,
    )
    assert Response.objects.count() == 0


def test_an_unknown_entry_mode_is_not_found(client, world):
    survey = make_survey(world.members_only)
    client.force_login(world["facilitator"])
    assert client.get(enter_url(survey, "online")).status_code == 404


# Languages and easy-read --------------------------------------------------------------------------


def test_the_questions_are_shown_in_the_chosen_language_and_in_easy_read_words(client, world):
    survey = make_survey(world.public, languages=["sv"])
    age = survey.questions.get(key="age")
    age.easy_read = "How old are you? Choose one."
    age.translations = {"sv": {"text": "Hur gammal är du?", "easy_read": "Hur gammal är du? Välj en."}}
    age.save()
    choice = age.choices.get(value="over-60")
    choice.translations = {"sv": "Över 60"}
    choice.save()
    section = survey.sections.get()
    section.translations = {"sv": {"title": "Om dig"}}
    section.save()

    begin(client, survey, language="sv")
    html = client.get(page_url(survey, 1, "sv")).content.decode()
    assert "Hur gammal är du?" in html and "Välj en." not in html
    assert "Över 60" in html and "Om dig" in html
    assert "What do you get help with?" in html  # no translation written: the original words

    other = type(client)()
    begin(other, survey, language="sv", easy_read="on")
    html = other.get(page_url(survey, 1, "sv")).content.decode()
    assert "Hur gammal är du? Välj en." in html and "mv-easy-read" in html

    third = type(client)()
    begin(third, survey, language="en", easy_read="on")
    assert "How old are you? Choose one." in third.get(page_url(survey, 1)).content.decode()


def test_a_scale_shows_its_labels_at_both_ends(client, world):
    survey = make_survey(world.public)
    survey.questions.filter(key="respect").update(scale_low="Never", scale_high="Always")
    begin(client, survey)
    html = client.get(page_url(survey, 1)).content.decode()
    assert "1: Never" in html and "5: Always" in html


# Privacy and flooding -----------------------------------------------------------------------------


def test_nothing_stored_about_a_response_names_the_browser_or_its_address(client, world):
    from django.contrib.sessions.models import Session

    survey = make_survey(world.public)
    headers = {"REMOTE_ADDR": "203.0.113.77", "HTTP_USER_AGENT": "FingerprintBrowser/9.9"}
    client.post(start_url(survey), {"language": "en"}, **headers)
    client.post(page_url(survey, 1), {field(survey, "age"): "30-60", "action": "send"}, **headers)
    stored = [str(row) for row in Response.objects.values()] + [
        s.get_decoded().__repr__() for s in Session.objects.all()
    ]
    assert Response.objects.get().submitted_at is not None
    assert not any("203.0.113.77" in text or "FingerprintBrowser" in text for text in stored)


def test_many_starts_from_one_address_without_cookies_are_slowed_down(client, world, monkeypatch):
    from django.test import Client

    from medvind.surveys.views import respond

    monkeypatch.setattr(respond, "ADDRESS_LIMIT", 3)
    survey = make_survey(world.public)
    codes = [Client().post(start_url(survey), {"language": "en"}).status_code for _ in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert Response.objects.count() == 3
