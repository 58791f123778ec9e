"""Collecting answers, as services: checking every kind of answer, conditions, required answers, submit
once, closed surveys, resume links, paper entry and interviews, and who may enter responses."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, connections
from django.utils import timezone

from medvind.core.errors import DomainError
from medvind.core.models import AuditLogEntry
from medvind.surveys import collection
from medvind.surveys.collection import AlreadySubmitted, AnswerErrors, NotAccepting
from medvind.surveys.models import Answer, QuestionKind, Response, ResponseMode, SurveyStatus

from .factories import make_survey

pytestmark = pytest.mark.django_db
K = QuestionKind

CONDITIONAL = [
    ("plan", K.YES_NO, "Do you have a plan for your support?", []),
    ("plan-made", K.SINGLE, "Who made the plan with you?", [("staff", "Staff"), ("me", "I did, with staff")]),
    ("better", K.LONG_TEXT, "What could be better?", []),
]


def conditional_survey(space, **kw):
    survey = make_survey(space, questions=CONDITIONAL, **kw)
    plan, made = survey.questions.get(key="plan"), survey.questions.get(key="plan-made")
    made.condition_question, made.condition_value, made.required = plan, "yes", True
    made.save()
    return survey


def q(survey, key):
    return survey.questions.get(key=key)


def started(survey, language="en"):
    return collection.response_start(survey=survey, actor=None, language=language)


def save(survey, response, answers, *, enforce_required=True):
    questionnaire = collection.questionnaire_load(survey)
    return collection.response_save_page(
        response=response,
        questionnaire=questionnaire,
        section=questionnaire.sections[0],
        answers={q(survey, key).pk: value for key, value in answers.items()},
        enforce_required=enforce_required,
    )


def submit(survey, response):
    return collection.response_submit(response=response, questionnaire=collection.questionnaire_load(survey))


def errors_of(error: AnswerErrors, survey) -> dict[str, str]:
    keys = {question.pk: question.key for question in survey.questions.all()}
    return {keys[pk]: message for pk, message in error.errors.items()}


# Every kind of answer -------------------------------------------------------------------------------


def test_valid_answers_of_every_kind_are_kept_in_the_draft_and_written_at_submit(world):
    survey = make_survey(world.public)
    response = started(survey)
    save(
        survey,
        response,
        {
            "age": "over-60",
            "help": ["money", "home"],
            "respect": "4",
            "plan": "dont_know",
            "visits": " 3 ",
            "name-staff": "  Karin from boendestöd ",
            "better": "More time.\r\n\r\n\r\n\r\nFewer new faces.",
        },
    )
    response.refresh_from_db()
    assert response.draft[str(q(survey, "help").pk)] == ["home", "money"]  # in the order shown
    assert response.draft[str(q(survey, "visits").pk)] == 3
    assert Answer.objects.count() == 0  # nothing counts until it is sent
    submit(survey, response)
    response.refresh_from_db()
    assert response.submitted_at is not None and response.draft == {}
    stored = {(a.question.key, a.value, a.number, a.text) for a in Answer.objects.select_related("question")}
    assert stored == {
        ("age", "over-60", None, ""),
        ("help", "home", None, ""),
        ("help", "money", None, ""),
        ("respect", "4", None, ""),
        ("plan", "dont_know", None, ""),
        ("visits", "", 3, ""),
        ("name-staff", "", None, "Karin from boendestöd"),
        ("better", "", None, "More time.\n\nFewer new faces."),
    }


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("age", "over-90", "Choose one of the answers shown."),
        ("age", "' OR 1=1 --", "Choose one of the answers shown."),
        ("age", ["under-30", "30-60"], "Choose only one answer."),
        ("help", ["home", "<script>alert(1)</script>"], "Choose only among the answers shown."),
        ("respect", "6", "Choose one of the answers shown."),
        ("respect", "0", "Choose one of the answers shown."),
        ("plan", "maybe", "Choose one of the answers shown."),
        ("visits", "51", "Write a number from 0 to 50."),
        ("visits", "-1", "Write a number from 0 to 50."),
        ("visits", "three", "Write a whole number, with digits only."),
        ("visits", "2.5", "Write a whole number, with digits only."),
        ("visits", "9" * 40, "Write a whole number, with digits only."),
        ("name-staff", "x" * 501, "Write at most 500 characters. You wrote 501."),
        ("better", "x" * 5001, "Write at most 5000 characters. You wrote 5001."),
    ],
)
def test_a_bad_answer_is_refused_with_a_clear_message_and_nothing_is_saved(world, key, value, message):
    survey = make_survey(world.public)
    response = started(survey)
    with pytest.raises(AnswerErrors) as caught:
        save(survey, response, {"plan": "yes", key: value}, enforce_required=False)
    assert errors_of(caught.value, survey) == {key: message}
    response.refresh_from_db()
    assert response.draft == {}


def test_texts_at_the_limit_are_kept_and_hostile_text_is_stored_as_plain_text(world):
    survey = make_survey(world.public)
    response = started(survey)
    save(survey, response, {"name-staff": "x" * 500, "better": "<script>alert(1)</script>' OR 1=1 --"})
    response.refresh_from_db()
    assert response.draft[str(q(survey, "better").pk)] == "<script>alert(1)</script>' OR 1=1 --"


def test_an_answer_to_a_question_of_another_survey_is_refused(world):
    survey, other = make_survey(world.public), make_survey(world.public)
    response = started(survey)
    questionnaire = collection.questionnaire_load(survey)
    with pytest.raises(DomainError, match="do not match the questions"):
        collection.response_save_page(
            response=response,
            questionnaire=questionnaire,
            section=questionnaire.sections[0],
            answers={q(other, "age").pk: "over-60"},
        )


# Required answers and conditions ----------------------------------------------------------------


def test_a_required_answer_is_needed_to_go_on_but_not_to_save_for_later(world):
    survey = make_survey(world.public)
    survey.questions.filter(key="respect").update(required=True)
    response = started(survey)
    with pytest.raises(AnswerErrors) as caught:
        save(survey, response, {"age": "30-60"})
    assert errors_of(caught.value, survey) == {"respect": "This question needs an answer."}
    save(survey, response, {"age": "30-60"}, enforce_required=False)
    with pytest.raises(AnswerErrors):
        submit(survey, response)
    assert Answer.objects.count() == 0 and Response.objects.get().submitted_at is None


def test_a_question_whose_condition_is_not_met_is_hidden_and_its_answer_dropped(world):
    survey = conditional_survey(world.public)
    response = started(survey)
    # A tampered post answers the hidden follow-up question: the answer is not kept.
    save(survey, response, {"plan": "no", "plan-made": "staff"})
    response.refresh_from_db()
    assert str(q(survey, "plan-made").pk) not in response.draft
    submit(survey, response)
    assert not Answer.objects.filter(question__key="plan-made").exists()


def test_a_required_follow_up_question_is_needed_only_when_it_is_shown(world):
    survey = conditional_survey(world.public)
    response = started(survey)
    with pytest.raises(AnswerErrors) as caught:
        save(survey, response, {"plan": "yes"})
    assert errors_of(caught.value, survey) == {"plan-made": "This question needs an answer."}
    save(survey, response, {"plan": "yes", "plan-made": "me"})
    submit(survey, response)
    assert Answer.objects.filter(question__key="plan-made", value="me").exists()


def test_changing_an_answer_drops_the_follow_up_answer_it_hides(world):
    survey = conditional_survey(world.public)
    response = started(survey)
    save(survey, response, {"plan": "yes", "plan-made": "me"})
    save(survey, response, {"plan": "no"})
    response.refresh_from_db()
    assert set(response.draft) == {str(q(survey, "plan").pk)}


def test_a_condition_on_a_multiple_choice_is_met_by_any_chosen_value(world):
    survey = make_survey(world.public)
    better = q(survey, "better")
    better.condition_question, better.condition_value = q(survey, "help"), "money"
    better.save()
    questionnaire = collection.questionnaire_load(survey)
    assert better.pk in questionnaire.visible_ids({q(survey, "help").pk: ["home", "money"]})
    assert better.pk not in questionnaire.visible_ids({q(survey, "help").pk: ["home"]})
    assert better.pk not in questionnaire.visible_ids({})


# Submit once, closing, languages ------------------------------------------------------------------


def test_a_second_submit_stores_nothing_more(world):
    survey = make_survey(world.public)
    response = started(survey)
    save(survey, response, {"age": "30-60", "help": ["work"]})
    stale = Response.objects.get(pk=response.pk)  # a second tab, or a double click
    submit(survey, response)
    with pytest.raises(AlreadySubmitted):
        submit(survey, stale)
    with pytest.raises(AlreadySubmitted):
        save(survey, stale, {"age": "over-60"})
    assert Answer.objects.count() == 2 and Response.objects.filter(submitted_at__isnull=False).count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": SurveyStatus.DRAFT}, "This survey is not open yet."),
        ({"status": SurveyStatus.CLOSED}, "This survey is closed."),
        ({"closes_at": timezone.now() - dt.timedelta(hours=1)}, "This survey closed on"),
        ({"opens_at": timezone.now() + dt.timedelta(days=2)}, "This survey opens on"),
    ],
)
def test_a_survey_that_is_not_open_takes_no_answers_and_says_why(world, change, message):
    survey = make_survey(world.public)
    response = started(survey)
    save(survey, response, {"age": "30-60"})
    for field, value in change.items():
        setattr(survey, field, value)
    survey.save()
    with pytest.raises(NotAccepting, match=message):
        started(survey)
    with pytest.raises(NotAccepting, match=message):
        submit(survey, response)
    assert Answer.objects.count() == 0


def test_a_response_is_started_only_in_a_language_of_the_survey(world):
    survey = make_survey(world.public, language="sv", languages=["en"])
    assert started(survey, "en").language == "en"
    with pytest.raises(DomainError, match="Choose one of the languages"):
        started(survey, "da")


# Stop and resume ----------------------------------------------------------------------------------


def later(survey, response, answers=None):
    questionnaire = collection.questionnaire_load(survey)
    return collection.response_save_for_later(
        response=response,
        questionnaire=questionnaire,
        section=questionnaire.sections[0],
        answers={q(survey, key).pk: value for key, value in (answers or {"age": "30-60"}).items()},
    )


def test_a_resume_link_keeps_only_a_hash_and_finds_the_response(world):
    survey = make_survey(world.public)
    response = started(survey)
    secret = later(survey, response)
    response.refresh_from_db()
    assert secret not in response.resume_hash and len(response.resume_hash) == 64
    assert collection.response_by_secret(survey, secret) == response
    assert collection.response_by_secret(survey, secret + "x") is None
    assert collection.response_by_secret(make_survey(world.public), secret) is None
    newer = later(survey, response, {"plan": "no"})
    assert response.draft == {str(q(survey, "plan").pk): "no"}
    assert collection.response_by_secret(survey, secret) is None  # only the newest link works
    submit(survey, response)
    assert collection.response_by_secret(survey, newer) is None  # a sent response cannot be reopened


def test_resuming_goes_to_the_first_page_with_an_unanswered_question(world):
    survey = make_survey(world.public)
    response = started(survey)
    questionnaire = collection.questionnaire_load(survey)
    assert collection.first_open_section(questionnaire, response) == 0


# Kiosk, paper and interviews ----------------------------------------------------------------------


def test_a_kiosk_response_is_marked_as_such(world):
    survey = make_survey(world.public)
    response = collection.response_start(survey=survey, actor=None, language="en", kiosk=True)
    assert response.mode == ResponseMode.KIOSK


@pytest.mark.parametrize("role", ["anonymous", "participant", "responder", "staff"])
def test_only_survey_writers_may_set_up_a_kiosk(world, role):
    survey = make_survey(world.public)
    with pytest.raises(PermissionDenied):
        collection.kiosk_start_record(actor=world[role], survey=survey)


def test_setting_up_a_kiosk_is_logged(world):
    survey = make_survey(world.public)
    collection.kiosk_start_record(actor=world["facilitator"], survey=survey)
    assert AuditLogEntry.objects.filter(action="survey.kiosk_start", actor=world["facilitator"]).exists()


def enter(survey, actor, answers, *, mode=ResponseMode.PAPER, notes=""):
    return collection.response_enter(
        survey=survey,
        actor=actor,
        mode=mode,
        language=survey.language,
        answers={q(survey, key).pk: value for key, value in answers.items()},
        notes=notes,
    )


def test_an_auditor_enters_a_paper_form_at_once_marked_as_entered_by_them(world):
    survey = make_survey(world.members_only)  # an audit space: its members are auditors
    auditor = world["member"]
    response = enter(survey, auditor, {"age": "over-60", "visits": "2", "better": "Ring before you come."})
    assert (response.mode, response.entered_by, response.notes) == (ResponseMode.PAPER, auditor, "")
    assert response.submitted_at is not None
    assert Answer.objects.filter(response=response).count() == 3
    assert AuditLogEntry.objects.filter(action="survey.response_paper", actor=auditor).exists()


def test_an_interview_keeps_the_interviewers_notes(world):
    survey = make_survey(world.members_only)
    response = enter(
        survey,
        world["facilitator"],
        {"plan": "no"},
        mode=ResponseMode.INTERVIEW,
        notes="She did not know that a plan exists.\x00",
    )
    assert response.mode == ResponseMode.INTERVIEW
    assert response.notes == "She did not know that a plan exists."


def test_paper_entry_refuses_an_answer_to_a_question_that_was_to_be_skipped(world):
    survey = conditional_survey(world.members_only)
    with pytest.raises(AnswerErrors) as caught:
        enter(survey, world["facilitator"], {"plan": "no", "plan-made": "staff"})
    assert "Leave this empty" in errors_of(caught.value, survey)["plan-made"]
    assert Response.objects.count() == 0 and Answer.objects.count() == 0


def test_paper_entry_allows_a_blank_required_question_but_not_an_empty_form(world):
    survey = conditional_survey(world.members_only)
    response = enter(survey, world["facilitator"], {"plan": "yes"})
    assert response.answers.count() == 1
    with pytest.raises(DomainError, match="at least one answer"):
        enter(survey, world["facilitator"], {})


def test_paper_entry_checks_every_answer(world):
    survey = make_survey(world.members_only)
    with pytest.raises(AnswerErrors) as caught:
        enter(survey, world["facilitator"], {"visits": "99", "age": "' OR 1=1 --"})
    assert errors_of(caught.value, survey) == {
        "visits": "Write a number from 0 to 50.",
        "age": "Choose one of the answers shown.",
    }
    assert Response.objects.count() == 0


@pytest.mark.parametrize("role", ["anonymous", "participant", "responder", "staff", "org_admin"])
def test_people_who_do_not_write_the_survey_cannot_enter_responses(world, role):
    survey = make_survey(world.members_only)
    with pytest.raises(PermissionDenied):
        enter(survey, world[role], {"age": "30-60"})
    assert Response.objects.count() == 0


def test_no_responses_are_entered_after_closing(world):
    survey = make_survey(world.members_only, closes_at=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(PermissionDenied):  # the permission itself needs an open survey
        enter(survey, world["facilitator"], {"age": "30-60"})
    assert Response.objects.count() == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_submits_at_the_same_moment_store_one_response(transactional_db, world):
    survey = make_survey(world.public)
    response = started(survey)
    save(survey, response, {"age": "30-60", "help": ["home", "work"]})
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def send() -> None:
        try:
            copy = Response.objects.get(pk=response.pk)
            barrier.wait()
            submit(survey, copy)
            outcomes.append("sent")
        except AlreadySubmitted:
            outcomes.append("already")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already", "sent"]
    assert Answer.objects.count() == 3
