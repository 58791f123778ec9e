"""The builder's pages: what those who run a survey see and do, and what everyone else gets."""

import pytest
from django.urls import reverse

from medvind.surveys.models import Question, QuestionKind, Section, Survey, SurveyStatus

from .conftest import add_question
from .factories import make_survey, record

pytestmark = pytest.mark.django_db
K = QuestionKind
HOSTILE = "<script>alert(1)</script>"


def url(name, survey, **kw):
    return reverse(f"surveys:{name}", kwargs={"slug": survey.space.slug, "pk": survey.pk, **kw})


@pytest.fixture
def signed_in(client, auditor):
    client.force_login(auditor)
    return client


# The list and a new survey ------------------------------------------------------------------------


def test_auditors_see_the_surveys_of_their_audit_with_answer_counts(signed_in, world):
    survey = make_survey(world.members_only, title="Brukarrevision av boendestöd")
    record(survey, {"plan": "yes"})
    record(survey, {"plan": "no"})
    page = signed_in.get(reverse("surveys:list", kwargs={"slug": world.members_only.slug}))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Brukarrevision av boendestöd" in text and "2 answers" in text
    assert reverse("surveys:create", kwargs={"slug": world.members_only.slug}) in text


@pytest.mark.parametrize(("role", "status"), [("responder", 403), ("staff", 404), ("participant", 404)])
def test_people_who_do_not_run_surveys_do_not_get_the_list(client, world, role, status):
    client.force_login(world[role])
    response = client.get(reverse("surveys:list", kwargs={"slug": world.members_only.slug}))
    assert response.status_code == status


def test_visitors_are_asked_to_sign_in(client, world):
    response = client.get(reverse("surveys:list", kwargs={"slug": world.public.slug}))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_survey_is_made_from_the_form_and_shows_its_link(signed_in, world):
    create = reverse("surveys:create", kwargs={"slug": world.members_only.slug})
    form = signed_in.get(create)
    assert 'name="anonymity_threshold"' in form.content.decode() and 'value="5"' in form.content.decode()
    response = signed_in.post(
        create,
        {
            "title": "Brukarrevision 2026",
            "intro": "Vi frågar om boendestödet.",
            "language": "sv",
            "languages": ["en", "nb"],
            "anonymity_threshold": "7",
            "results_public": "on",
        },
        follow=True,
    )
    survey = Survey.objects.get()
    assert (survey.language, survey.languages, survey.anonymity_threshold, survey.results_public) == (
        "sv",
        ["nb", "en"],
        7,
        True,
    )
    text = response.content.decode()
    assert "The survey is made. Now add its questions." in text
    assert f"/s/{survey.token}/" in text
    assert reverse("surveys:qr", kwargs={"token": survey.token}) in text


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"title": "x" * 161}, "title", "at most 160 characters"),
        ({"anonymity_threshold": "2"}, "anonymity_threshold", "greater than or equal to 3"),
        ({"anonymity_threshold": "' OR 1=1 --"}, "anonymity_threshold", "Enter a whole number."),
        ({"language": "xx"}, "language", "Select a valid choice."),
        (
            {"closes_at": "2026-01-01T10:00", "opens_at": "2026-02-01T10:00"},
            "closes_at",
            "close after it opens",
        ),
        ({"opens_at": "tomorrow"}, "opens_at", "Enter a valid date/time."),
    ],
)
def test_bad_survey_input_is_shown_next_to_its_field_and_kept(signed_in, world, values, field, message):
    data = {"title": f"Revision {HOSTILE}", "language": "sv", "anonymity_threshold": "5", **values}
    response = signed_in.post(reverse("surveys:create", kwargs={"slug": world.members_only.slug}), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert f'id="id_{field}_error"' in text and message in text.replace("&#x27;", "'")
    assert "Please correct the following:" in text
    assert HOSTILE not in text
    if values.get("title") is None:
        assert "Revision &lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert not Survey.objects.exists()


def test_the_settings_of_a_survey_can_be_changed(signed_in, draft):
    response = signed_in.post(
        url("edit", draft),
        {"title": "Ny titel", "language": "sv", "languages": ["en"], "anonymity_threshold": "10"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.anonymity_threshold) == ("Ny titel", 10)


# The manage page ----------------------------------------------------------------------------------


def test_the_manage_page_shows_sections_questions_conditions_and_counts_by_mode(signed_in, world, auditor):
    survey = make_survey(world.members_only)
    age = Question.objects.get(survey=survey, key="age")
    Question.objects.filter(survey=survey, key="better").update(
        condition_question=age, condition_value="over-60"
    )
    record(survey, {"age": "over-60"}, mode="paper")
    record(survey, {"age": "30-60"}, mode="interview")
    record(survey, {"age": "30-60"})
    text = signed_in.get(url("manage", survey)).content.decode()
    assert "About you and your support" in text
    assert "How old are you?" in text and "Under 30" in text
    assert "Shown only if the answer to “How old are you?” is “Over 60”." in text
    assert "has answers: kind, choices and condition are locked" in text
    assert "<dt>Entered from paper</dt><dd>1</dd>" in text
    assert "<dt>All sent answers</dt><dd>3</dd>" in text
    assert url("question_delete", survey, question_id=age.pk) not in text  # answered: no delete button
    # An open survey offers every way of collecting answers.
    assert reverse("surveys:answer_kiosk", kwargs={"token": survey.token}) in text
    assert reverse("surveys:enter", kwargs={"slug": "secret-audit", "pk": survey.pk, "mode": "paper"}) in text


def test_the_qr_code_is_an_svg_of_the_answer_link(client, world):
    survey = make_survey(world.members_only)
    response = client.get(reverse("surveys:qr", kwargs={"token": survey.token}))
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<?xml") or b"<svg" in response.content[:200]
    assert client.get(reverse("surveys:qr", kwargs={"token": "not-a-token"})).status_code == 404


def test_a_survey_of_another_space_is_not_found(signed_in, world):
    survey = make_survey(world.public)
    wrong = reverse("surveys:manage", kwargs={"slug": world.members_only.slug, "pk": survey.pk})
    assert signed_in.get(wrong).status_code == 404


def test_the_survey_is_opened_and_closed_from_its_page(signed_in, draft, section, auditor):
    add_question(section, auditor, "Vad fungerar bra?")
    response = signed_in.post(url("status", draft), {"status": "open"}, follow=True)
    assert "The survey is open for answers." in response.content.decode()
    assert "Close the survey" in response.content.decode()
    response = signed_in.post(url("status", draft), {"status": "draft"}, follow=True)
    assert "cannot become" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == SurveyStatus.OPEN
    assert signed_in.get(url("status", draft)).status_code == 302  # no form: back to the survey


def test_a_new_round_is_made_from_the_page(signed_in, world):
    survey = make_survey(world.members_only, status=SurveyStatus.CLOSED)
    response = signed_in.post(url("new_round", survey), follow=True)
    copy = Survey.objects.get(previous=survey)
    assert response.redirect_chain[-1][0] == copy.get_absolute_url()
    assert "This is the new round" in response.content.decode()


# Sections and questions ---------------------------------------------------------------------------


def test_a_section_is_added_with_its_translation(signed_in, draft):
    response = signed_in.post(
        url("section_create", draft), {"title": "Om personalen", "en__title": "About the staff"}
    )
    assert response.status_code == 302
    section = Section.objects.get(title="Om personalen")
    assert section.translations == {"en": {"title": "About the staff"}}


def test_a_single_choice_question_and_a_conditional_question_are_added(signed_in, draft, section):
    response = signed_in.post(
        url("question_create", draft, section_id=section.pk),
        {
            "kind": "single",
            "text": "Hur ofta kommer boendestödet?",
            "easy_read": "Hur ofta får du hjälp?",
            "choices": "Varje dag\nweekly|Varje vecka\nSällan",
            "en__text": "How often does home support come?",
            "en__choices": "Every day\n\nSeldom",
            "required": "on",
        },
    )
    assert response.status_code == 302
    often = Question.objects.get(key="hur-ofta-kommer-boendestodet")
    assert [(c.value, c.label, c.translations) for c in often.choices.all()] == [
        ("varje-dag", "Varje dag", {"en": "Every day"}),
        ("weekly", "Varje vecka", {}),
        ("sallan", "Sällan", {"en": "Seldom"}),
    ]
    form = signed_in.get(url("question_create", draft, section_id=section.pk)).content.decode()
    assert f'value="{often.pk}:sallan"' in form
    signed_in.post(
        url("question_create", draft, section_id=section.pk),
        {"kind": "long_text", "text": "Vad skulle göra det bättre?", "condition": f"{often.pk}:sallan"},
    )
    follow = Question.objects.get(key="vad-skulle-gora-det-battre")
    assert (follow.condition_question, follow.condition_value) == (often, "sallan")


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"text": ""}, "text", "This field is required."),
        ({"text": "\u200b\u200b"}, "text", "Write the question."),
        ({"kind": "single", "choices": "Bara en"}, "choices", "Give from 2 to 30 choices"),
        ({"kind": "essay"}, "kind", "Select a valid choice."),
        ({"kind": "number", "min_value": "5", "max_value": "1"}, "max_value", "must not be smaller"),
        ({"condition": "999999:yes"}, "condition", "Select a valid choice."),
        ({"en__choices": "a\nb\nc"}, "en__choices", "more lines here than choices"),
    ],
)
def test_bad_question_input_is_shown_next_to_its_field_and_kept(
    signed_in, draft, section, values, field, message
):
    data = {"kind": "short_text", "text": f"Vad tycker du? {HOSTILE}", **values}
    response = signed_in.post(url("question_create", draft, section_id=section.pk), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert f'id="id_{field}_error"' in text and message in text
    assert HOSTILE not in text
    if "text" not in values:
        assert "Vad tycker du? &lt;script&gt;" in text
    assert not Question.objects.exists()


def test_a_refusal_of_the_service_is_shown_on_the_form(signed_in, draft, section):
    response = signed_in.post(
        url("question_create", draft, section_id=section.pk),
        {"kind": "single", "text": "Hur ofta?", "choices": "Not A Slug!|A\nB"},
    )
    assert response.status_code == 400
    assert "cannot be used as a stored value" in response.content.decode()


def test_an_answered_question_shows_its_locked_fields_as_read_only(signed_in, world):
    survey = make_survey(world.members_only)
    record(survey, {"age": "30-60"})
    age = Question.objects.get(survey=survey, key="age")
    page = signed_in.get(url("question_edit", survey, question_id=age.pk)).content.decode()
    assert "This question has answers" in page
    assert 'name="kind"' not in page and 'name="condition"' not in page
    assert "<dt>Kind of question</dt><dd>One choice</dd>" in page
    assert "<dd>Always show this question</dd>" in page
    # A disabled field keeps its value whatever is posted; a removed choice is refused.
    response = signed_in.post(
        url("question_edit", survey, question_id=age.pk),
        {"kind": "number", "text": "How old are you?", "choices": "under-30|Under 30\n30-60|30 to 60"},
    )
    assert response.status_code == 400
    assert "its choices cannot be removed" in response.content.decode()
    assert "under-30|Under 30\n30-60|30 to 60" in response.content.decode()
    response = signed_in.post(
        url("question_edit", survey, question_id=age.pk),
        {
            "kind": "number",
            "text": "How old are you now?",
            "choices": "under-30|Younger than 30\n30-60|30 to 60\nover-60|Over 60",
        },
    )
    assert response.status_code == 302
    age.refresh_from_db()
    assert (age.kind, age.text, age.choices.first().label) == (
        "single",
        "How old are you now?",
        "Younger than 30",
    )


def test_a_question_is_deleted_after_a_confirmation(signed_in, draft, section, auditor):
    question = add_question(section, auditor, "Vad fungerar bra?")
    page = signed_in.get(url("question_delete", draft, question_id=question.pk))
    assert "This cannot be undone." in page.content.decode()
    assert Question.objects.filter(pk=question.pk).exists()
    signed_in.post(url("question_delete", draft, question_id=question.pk))
    assert not Question.objects.filter(pk=question.pk).exists()


def test_a_refused_delete_explains_why(signed_in, draft, section, auditor):
    has_plan = add_question(section, auditor, "Har du en plan?", K.YES_NO)
    add_question(section, auditor, "Berätta", condition_question=has_plan, condition_value="yes")
    response = signed_in.post(url("question_delete", draft, question_id=has_plan.pk))
    assert response.status_code == 400
    assert "“Berätta” depends on this question." in response.content.decode()
    # Deleting the whole section takes the question and the one depending on it together.
    response = signed_in.post(url("section_delete", draft, section_id=section.pk))
    assert response.status_code == 302
    assert not Question.objects.filter(survey=draft).exists()


def test_questions_are_moved_with_buttons(signed_in, draft, section, auditor):
    a = add_question(section, auditor, "A")
    add_question(section, auditor, "B")
    response = signed_in.post(
        url("question_move", draft, question_id=a.pk), {"direction": "down"}, follow=True
    )
    assert "The question is moved." in response.content.decode()
    assert list(Question.objects.filter(section=section).values_list("key", flat=True)) == ["b", "a"]
    response = signed_in.post(
        url("question_move", draft, question_id=a.pk), {"direction": "down"}, follow=True
    )
    assert "already at that end" in response.content.decode()


def test_others_cannot_open_the_builders_forms(client, world, draft, section, auditor):
    question = add_question(section, auditor, "A")
    client.force_login(world["responder"])
    for path in (
        url("manage", draft),
        url("edit", draft),
        url("section_create", draft),
        url("question_edit", draft, question_id=question.pk),
        url("preview", draft),
    ):
        assert client.get(path).status_code == 404, path
    assert client.post(url("question_delete", draft, question_id=question.pk)).status_code == 404
    assert Question.objects.filter(pk=question.pk).exists()


# Preview ------------------------------------------------------------------------------------------


@pytest.fixture
def bilingual(draft, section, auditor):
    often = add_question(
        section,
        auditor,
        "Hur ofta kommer boendestödet?",
        K.SINGLE,
        easy_read="Hur ofta får du hjälp?",
        help_text=f"Tänk på den senaste månaden. {HOSTILE}",
        choices=[{"label": "Varje dag", "translations": {"en": "Every day"}}, {"label": "Sällan"}],
        translations={
            "en": {"text": "How often does home support come?", "easy_read": "How often do you get help?"}
        },
    )
    add_question(section, auditor, "Hur nöjd är du?", K.SCALE, scale_low="Inte alls", scale_high="Mycket")
    add_question(
        section, auditor, "Har du en plan?", K.YES_NO, condition_question=often, condition_value="sallan"
    )
    add_question(section, auditor, "Hur många besök?", K.NUMBER, min_value=0, max_value=30, required=True)
    return draft


def test_the_preview_shows_every_question_as_a_respondent_sees_it(signed_in, bilingual):
    text = signed_in.get(url("preview", bilingual)).content.decode()
    assert 'lang="sv"' in text
    assert "Hur ofta kommer boendestödet?" in text and "Varje dag" in text
    assert "1: Inte alls" in text and "5: Mycket" in text
    assert 'type="number"' in text and 'min="0"' in text and 'max="30"' in text
    assert "Shown only if the answer to “Hur ofta kommer boendestödet?” is “Sällan”." in text
    assert "Tänk på den senaste månaden. &lt;script&gt;" in text and HOSTILE not in text
    assert "Nothing you choose here is saved." in text
    assert ">Ja</label>" in text and ">Nej</label>" in text  # fixed words in the survey's language


def test_the_preview_in_another_language_and_easy_read(signed_in, bilingual):
    text = signed_in.get(url("preview", bilingual), {"language": "en", "easy_read": "1"}).content.decode()
    assert 'lang="en"' in text
    assert "How often do you get help?" in text
    assert "How often does home support come?" not in text
    assert "Every day" in text and "Sällan" in text  # an untranslated choice keeps its own label
    assert "Hur nöjd är du?" in text  # an untranslated question keeps its own wording
    text = signed_in.get(url("preview", bilingual), {"easy_read": "1"}).content.decode()
    assert "Hur ofta får du hjälp?" in text


def test_the_preview_ignores_a_language_the_survey_does_not_have(signed_in, bilingual):
    text = signed_in.get(url("preview", bilingual), {"language": "<script>"}).content.decode()
    assert 'lang="sv"' in text and "Hur ofta kommer boendestödet?" in text


def test_the_preview_saves_nothing(signed_in, bilingual):
    before = Question.objects.count()
    signed_in.get(url("preview", bilingual), {"q1": "varje-dag"})
    assert bilingual.responses.count() == 0 and Question.objects.count() == before


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "This field is required."),
        ("x" * 161, "at most 160 characters"),
        ("\u200b", "Write a title for the section."),
    ],
)
def test_bad_section_input_is_refused_and_nothing_is_written(signed_in, draft, title, message):
    response = signed_in.post(url("section_create", draft), {"title": title, "en__title": HOSTILE})
    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="id_title_error"' in text and message in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and HOSTILE not in text
    assert draft.sections.count() == 1


def test_a_new_survey_starts_in_the_language_of_its_space(signed_in, world):
    world.members_only.language = "nb"
    world.members_only.save()
    text = signed_in.get(reverse("surveys:create", kwargs={"slug": world.members_only.slug})).content.decode()
    assert '<option value="nb" selected>' in text


def test_the_admin_shows_surveys_and_questions_without_letting_anyone_change_them(client, world, draft):
    client.force_login(world["platform_admin"])
    assert "Brukarrevision av boendestödet 2026" in client.get("/admin/surveys/survey/").content.decode()
    assert client.get(f"/admin/surveys/survey/{draft.pk}/change/").status_code == 200
    assert client.get("/admin/surveys/survey/add/").status_code == 403
    assert client.get("/admin/surveys/question/").status_code == 200


def test_while_it_takes_answers_the_page_links_to_typing_in_paper_forms_and_interviews(signed_in, world):
    survey = make_survey(world.members_only)
    text = signed_in.get(url("manage", survey)).content.decode()
    assert (
        f"{url('manage', survey)}enter/paper/" in text and f"{url('manage', survey)}enter/interview/" in text
    )
    closed = make_survey(world.members_only, status=SurveyStatus.CLOSED)
    assert "enter/paper/" not in signed_in.get(url("manage", closed)).content.decode()
