"""Building a questionnaire through the services: surveys, sections, questions, choices, conditions,
translations, locking once there are answers, moving, deleting and copying as a new round."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import AuditLogEntry
from medvind.surveys import selectors, services
from medvind.surveys.models import Choice, Question, QuestionKind, Section, Survey, SurveyStatus

from .conftest import add_question
from .factories import make_survey, record

pytestmark = pytest.mark.django_db
K = QuestionKind
HOSTILE = "<script>alert(1)</script>' OR 1=1 --"


def order(survey):
    return [q.key for q in selectors.ordered_questions(selectors.survey_structure(survey))]


# Surveys ------------------------------------------------------------------------------------------


def test_a_new_survey_is_a_draft_with_an_unguessable_link_and_an_audit_entry(world, auditor):
    survey = services.survey_create(
        space=world.members_only, actor=auditor, title="Brukarrevision 2026", language="sv"
    )
    other = services.survey_create(space=world.members_only, actor=auditor, title="Andra", language="sv")
    assert survey.status == SurveyStatus.DRAFT
    assert survey.anonymity_threshold == 5
    assert len(survey.token) == 16 and survey.token != other.token
    assert survey.answer_url().endswith(f"/s/{survey.token}/")
    entry = AuditLogEntry.objects.get(action="survey.create", object_id=str(survey.pk))
    assert entry.actor == auditor and entry.space == world.members_only


def test_the_main_language_is_not_listed_among_the_other_languages(world, auditor):
    survey = services.survey_create(
        space=world.members_only, actor=auditor, title="T", language="sv", languages=["en", "sv", "da"]
    )
    assert survey.languages == ["da", "en"]
    assert survey.all_languages == ["sv", "da", "en"]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"title": "   "}, "Write a title"),
        ({"title": "x" * 161}, "at most 160"),
        ({"language": "de"}, "language the questions"),
        ({"languages": ["xx"]}, "languages from the list"),
        ({"anonymity_threshold": 2}, "from 3 to 50"),
        ({"anonymity_threshold": 51}, "from 3 to 50"),
    ],
)
def test_bad_survey_values_are_refused_and_nothing_is_written(world, auditor, values, message):
    kwargs = {"space": world.members_only, "actor": auditor, "title": "Brukarrevision", "language": "sv"}
    kwargs.update(values)
    with pytest.raises(DomainError, match=message):
        services.survey_create(**kwargs)
    assert not Survey.objects.exists()


def test_a_survey_must_close_after_it_opens(world, auditor):
    from django.utils import timezone

    now = timezone.now()
    with pytest.raises(DomainError, match="close after it opens"):
        services.survey_create(
            space=world.members_only, actor=auditor, title="T", language="sv", opens_at=now, closes_at=now
        )


def test_hostile_text_is_stored_as_plain_text(world, auditor):
    survey = services.survey_create(
        space=world.members_only, actor=auditor, title=f"Revision {HOSTILE}\u202e", language="sv"
    )
    assert survey.title == f"Revision {HOSTILE}"


def test_people_who_do_not_run_surveys_cannot_make_one(world):
    for role in ("responder", "staff", "participant", "anonymous"):
        with pytest.raises(NotAllowed):
            services.survey_create(space=world.members_only, actor=world[role], title="T", language="sv")
    # In a space that is not an audit, only facilitators run surveys.
    with pytest.raises(NotAllowed):
        services.survey_create(space=world.public, actor=world["member"], title="T", language="sv")
    assert not Survey.objects.exists()


def test_an_earlier_round_must_be_in_the_same_space_and_not_the_survey_itself(world, draft, auditor):
    elsewhere = make_survey(world.public)
    with pytest.raises(DomainError, match="earlier round from this space"):
        services.survey_update(survey=draft, actor=auditor, previous=elsewhere)
    with pytest.raises(DomainError, match="earlier round from this space"):
        services.survey_update(survey=draft, actor=auditor, previous=draft)


def test_a_later_round_cannot_become_the_earlier_round(world, auditor):
    first = make_survey(world.members_only, status=SurveyStatus.CLOSED)
    second = services.survey_new_round(survey=first, actor=auditor)
    with pytest.raises(DomainError, match="later round"):
        services.survey_update(survey=first, actor=auditor, previous=second)


def test_the_language_cannot_change_once_there_are_answers(world, auditor):
    survey = make_survey(world.members_only, language="sv")
    record(survey, {"plan": "yes"})
    with pytest.raises(DomainError, match="language of its questions"):
        services.survey_update(survey=survey, actor=auditor, language="en")
    services.survey_update(survey=survey, actor=auditor, title="Ny titel", languages=["en"])
    survey.refresh_from_db()
    assert (survey.title, survey.language, survey.languages) == ("Ny titel", "sv", ["en"])


# Sections and questions ---------------------------------------------------------------------------


def test_keys_are_made_from_the_text_and_unique_in_the_survey(draft, section, auditor):
    first = add_question(section, auditor, "Får du hjälp när du behöver?")
    second = add_question(section, auditor, "Får du hjälp när du behöver?")
    nordic = add_question(section, auditor, "Hør personalen på dig?")
    symbols = add_question(section, auditor, "???")
    assert (first.key, second.key) == ("far-du-hjalp-nar-du-behover", "far-du-hjalp-nar-du-behover-2")
    assert nordic.key == "hor-personalen-pa-dig"
    assert symbols.key == "question"
    long = add_question(section, auditor, "Mycket " * 60)
    assert len(long.key) <= 40


def test_choices_get_values_from_their_labels_unless_given(draft, section, auditor):
    question = add_question(
        section,
        auditor,
        "Hur ofta kommer boendestödet?",
        K.SINGLE,
        choices=[{"label": "Varje dag"}, {"value": "weekly", "label": "Varje vecka"}, {"label": "Varje dag"}],
    )
    assert [(c.value, c.label) for c in question.choices.all()] == [
        ("varje-dag", "Varje dag"),
        ("weekly", "Varje vecka"),
        ("varje-dag-2", "Varje dag"),
    ]


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        ([{"label": "Bara en"}], "from 2 to 30 choices"),
        ([{"label": f"Val {n}"} for n in range(31)], "from 2 to 30 choices"),
        ([{"value": "a", "label": "A"}, {"value": "a", "label": "B"}], "Two choices have the value"),
        ([{"value": "Not A Slug!", "label": "A"}, {"label": "B"}], "cannot be used as a stored value"),
        ([{"label": "x" * 201}, {"label": "B"}], "at most 200"),
    ],
)
def test_bad_choices_are_refused_and_no_question_is_written(draft, section, auditor, choices, message):
    with pytest.raises(DomainError, match=message):
        add_question(section, auditor, "Hur ofta?", K.SINGLE, choices=choices)
    assert not Question.objects.exists() and not Choice.objects.exists()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"text": "  "}, "Write the question"),
        ({"text": "x" * 501}, "at most 500"),
        ({"kind": "essay"}, "what kind of question"),
        ({"kind": K.NUMBER, "min_value": 10, "max_value": 1}, "must not be smaller"),
        ({"kind": K.NUMBER, "min_value": 10**10}, "one billion"),
    ],
)
def test_bad_questions_are_refused(draft, section, auditor, values, message):
    kwargs = {"section": section, "actor": auditor, "kind": K.SHORT_TEXT, "text": "Vad är bra?"}
    kwargs.update(values)
    with pytest.raises(DomainError, match=message):
        services.question_create(**kwargs)
    assert not Question.objects.exists()


def test_fields_that_do_not_belong_to_the_kind_are_not_kept(draft, section, auditor):
    question = add_question(
        section,
        auditor,
        "Vad är bra?",
        K.SHORT_TEXT,
        scale_low="Inte alls",
        min_value=1,
        choices=[{"label": "A"}],
    )
    assert (question.scale_low, question.min_value, question.choices.count()) == ("", None, 0)


def test_translations_keep_only_the_surveys_other_languages_and_known_fields(draft, section, auditor):
    question = add_question(
        section,
        auditor,
        "Hur nöjd är du?",
        K.SCALE,
        scale_low="Inte alls",
        translations={
            "en": {
                "text": "How satisfied are you?",
                "scale_low": "Not at all",
                "evil": "x",
                "easy_read": " ",
            },
            "sv": {"text": "main language"},
            "da": {"text": "not one of its languages"},
        },
    )
    assert question.translations == {"en": {"text": "How satisfied are you?", "scale_low": "Not at all"}}


def test_a_condition_must_point_to_an_earlier_counted_question_and_one_of_its_values(draft, section, auditor):
    has_plan = add_question(section, auditor, "Har du en genomförandeplan?", K.YES_NO)
    comment = add_question(section, auditor, "Berätta mer")
    follow_up = add_question(
        section,
        auditor,
        "Var du med och skrev planen?",
        K.YES_NO,
        condition_question=has_plan,
        condition_value="yes",
    )
    assert (follow_up.condition_question, follow_up.condition_value) == (has_plan, "yes")
    with pytest.raises(DomainError, match="answers are not choices"):
        add_question(section, auditor, "X", condition_question=comment, condition_value="yes")
    with pytest.raises(DomainError, match="no longer has"):
        add_question(section, auditor, "X", condition_question=has_plan, condition_value="maybe")
    with pytest.raises(DomainError, match="Choose the answer"):
        add_question(section, auditor, "X", condition_question=has_plan, condition_value="")
    other_survey = make_survey(draft.space)
    with pytest.raises(DomainError, match="earlier question of this survey"):
        add_question(
            section, auditor, "X", condition_question=other_survey.questions.first(), condition_value="x"
        )
    with pytest.raises(DomainError, match="come after it"):
        services.question_update(
            question=has_plan, actor=auditor, condition_question=follow_up, condition_value="no"
        )
    assert Question.objects.filter(survey=draft).count() == 3


def test_a_move_that_puts_a_question_before_its_condition_is_refused(draft, section, auditor):
    has_plan = add_question(section, auditor, "Har du en genomförandeplan?", K.YES_NO)
    follow_up = add_question(
        section, auditor, "Var du med?", K.YES_NO, condition_question=has_plan, condition_value="yes"
    )
    with pytest.raises(DomainError, match="come after it"):
        services.question_move(question=follow_up, actor=auditor, direction="up")
    assert order(draft) == [has_plan.key, follow_up.key]


def test_removing_the_choice_a_condition_uses_is_refused(draft, section, auditor):
    often = add_question(section, auditor, "Hur ofta?", K.SINGLE)
    add_question(section, auditor, "Varför?", condition_question=often, condition_value="never")
    with pytest.raises(DomainError, match="no longer has"):
        services.question_update(
            question=often, actor=auditor, choices=[{"label": "Yes, often"}, {"label": "Sometimes"}]
        )
    assert often.choices.count() == 3


def test_questions_move_within_and_across_sections(draft, section, auditor):
    a = add_question(section, auditor, "A")
    b = add_question(section, auditor, "B")
    second = services.section_create(survey=draft, actor=auditor, title="Om personalen")
    c = add_question(second, auditor, "C")
    services.question_move(question=a, actor=auditor, direction="down")
    assert order(draft) == ["b", "a", "c"]
    services.question_move(question=c, actor=auditor, direction="up")  # into the end of the first section
    assert order(draft) == ["b", "a", "c"]
    assert Question.objects.get(pk=c.pk).section == section
    services.question_move(question=c, actor=auditor, direction="up")
    assert order(draft) == ["b", "c", "a"]
    services.question_move(question=b, actor=auditor, direction="down")
    services.question_move(question=b, actor=auditor, direction="down")
    services.question_move(question=b, actor=auditor, direction="down")  # into the empty second section
    assert order(draft) == ["c", "a", "b"]
    with pytest.raises(DomainError, match="already at that end"):
        services.question_move(question=b, actor=auditor, direction="down")
    with pytest.raises(DomainError):
        services.question_move(question=b, actor=auditor, direction="sideways")


def test_sections_move_and_take_their_questions_with_them(draft, section, auditor):
    add_question(section, auditor, "A")
    second = services.section_create(survey=draft, actor=auditor, title="Om personalen")
    add_question(second, auditor, "B")
    services.section_move(section=second, actor=auditor, direction="up")
    assert order(draft) == ["b", "a"]
    assert [s.title for s in Section.objects.filter(survey=draft)] == ["Om personalen", "Om ditt stöd"]
    with pytest.raises(DomainError, match="already at that end"):
        services.section_move(section=second, actor=auditor, direction="up")


def test_a_question_others_depend_on_cannot_be_deleted(draft, section, auditor):
    has_plan = add_question(section, auditor, "Har du en plan?", K.YES_NO)
    add_question(section, auditor, "Berätta", condition_question=has_plan, condition_value="yes")
    with pytest.raises(DomainError, match="depends on this question"):
        services.question_delete(question=has_plan, actor=auditor)
    second = services.section_create(survey=draft, actor=auditor, title="Till sist")
    add_question(second, auditor, "Mer?", condition_question=has_plan, condition_value="no")
    with pytest.raises(DomainError, match="depends on this question"):
        services.section_delete(section=section, actor=auditor)
    assert Question.objects.filter(survey=draft).count() == 3


def test_deleting_a_section_deletes_its_questions_and_is_logged(draft, section, auditor):
    add_question(section, auditor, "A", K.SINGLE)
    services.section_delete(section=section, actor=auditor)
    assert not Question.objects.filter(survey=draft).exists() and not Choice.objects.exists()
    assert AuditLogEntry.objects.filter(action="survey.section_delete").exists()


# Locking ------------------------------------------------------------------------------------------


@pytest.fixture
def answered(world, auditor):
    survey = make_survey(world.members_only, languages=["sv"])
    record(survey, {"age": "30-60", "help": ["home"], "plan": "yes"})
    return survey


def q(survey, key):
    return Question.objects.get(survey=survey, key=key)


def test_an_answered_question_keeps_its_kind(answered, auditor):
    with pytest.raises(DomainError, match="its kind cannot change"):
        services.question_update(question=q(answered, "plan"), actor=auditor, kind=K.SCALE)
    assert q(answered, "plan").kind == K.YES_NO


def test_an_answered_question_keeps_its_condition(answered, auditor):
    with pytest.raises(DomainError, match="its condition cannot change"):
        services.question_update(
            question=q(answered, "plan"),
            actor=auditor,
            condition_question=q(answered, "age"),
            condition_value="30-60",
        )


def test_an_answered_question_keeps_its_choices_but_labels_can_be_corrected_and_choices_added(
    answered, auditor
):
    age = q(answered, "age")
    with pytest.raises(DomainError, match="cannot be removed"):
        services.question_update(
            question=age,
            actor=auditor,
            choices=[{"value": "under-30", "label": "Under 30"}, {"value": "30-60", "label": "30–60"}],
        )
    with pytest.raises(DomainError, match="cannot be removed"):  # a changed value is a removed one
        services.question_update(
            question=age,
            actor=auditor,
            choices=[
                {"value": "young", "label": "Under 30"},
                {"value": "30-60", "label": "30 to 60"},
                {"value": "over-60", "label": "Over 60"},
            ],
        )
    services.question_update(
        question=age,
        actor=auditor,
        text="How old are you? (in years)",
        translations={"sv": {"text": "Hur gammal är du?"}},
        choices=[
            {"value": "under-30", "label": "Younger than 30", "translations": {"sv": "Yngre än 30"}},
            {"value": "30-60", "label": "30 to 60"},
            {"value": "over-60", "label": "Over 60"},
            {"label": "Would rather not say"},
        ],
    )
    age.refresh_from_db()
    assert age.text == "How old are you? (in years)"
    assert age.translations == {"sv": {"text": "Hur gammal är du?"}}
    assert [(c.value, c.label, c.translations) for c in age.choices.all()] == [
        ("under-30", "Younger than 30", {"sv": "Yngre än 30"}),
        ("30-60", "30 to 60", {}),
        ("over-60", "Over 60", {}),
        ("would-rather-not-say", "Would rather not say", {}),
    ]


def test_an_answered_question_cannot_be_deleted_nor_its_section(answered, auditor):
    with pytest.raises(DomainError, match="cannot be deleted"):
        services.question_delete(question=q(answered, "age"), actor=auditor)
    with pytest.raises(DomainError, match="cannot be deleted"):
        services.section_delete(section=answered.sections.get(), actor=auditor)
    assert answered.questions.count() == 7


def test_questions_without_answers_in_an_answered_survey_can_still_change(answered, auditor):
    services.question_update(question=q(answered, "better"), actor=auditor, kind=K.SHORT_TEXT)
    added = add_question(answered.sections.get(), auditor, "Anything else?")
    services.question_delete(question=added, actor=auditor)
    services.question_delete(question=q(answered, "better"), actor=auditor)
    assert answered.questions.count() == 6


def test_the_structure_says_which_questions_are_locked_in_three_queries(answered):
    with CaptureQueriesContext(connection) as queries:
        sections = selectors.survey_structure(answered)
        locked = {question.key: question.locked for question in selectors.ordered_questions(sections)}
        choices = [
            c.value for question in selectors.ordered_questions(sections) for c in question.choices.all()
        ]
    assert len(queries) == 3
    assert locked == {
        "age": True,
        "help": True,
        "respect": False,
        "plan": True,
        "visits": False,
        "name-staff": False,
        "better": False,
    }
    assert "under-30" in choices


# New round ----------------------------------------------------------------------------------------


def test_a_new_round_copies_the_questions_keys_values_and_conditions_as_a_draft(draft, section, auditor):
    has_plan = add_question(
        section, auditor, "Har du en plan?", K.YES_NO, translations={"en": {"text": "Do you have a plan?"}}
    )
    add_question(section, auditor, "Hur ofta?", K.SINGLE, condition_question=has_plan, condition_value="yes")
    services.survey_set_status(survey=draft, actor=auditor, status=SurveyStatus.OPEN)
    copy = services.survey_new_round(survey=draft, actor=auditor)
    assert (copy.status, copy.previous, copy.language, copy.languages) == ("draft", draft, "sv", ["en"])
    assert copy.token != draft.token
    old, new = selectors.survey_structure(draft), selectors.survey_structure(copy)
    assert [s.title for s in new] == [s.title for s in old]
    old_q, new_q = selectors.ordered_questions(old), selectors.ordered_questions(new)
    assert [(x.key, x.kind, x.text, x.translations) for x in new_q] == [
        (x.key, x.kind, x.text, x.translations) for x in old_q
    ]
    assert [c.value for c in new_q[1].choices.all()] == [c.value for c in old_q[1].choices.all()]
    assert new_q[1].condition_question == new_q[0] and new_q[1].condition_value == "yes"
    assert not Question.objects.filter(survey=copy, pk__in=[x.pk for x in old_q]).exists()


def test_a_draft_cannot_be_copied_as_a_new_round(draft, auditor):
    with pytest.raises(DomainError, match="Open the survey first"):
        services.survey_new_round(survey=draft, actor=auditor)
    assert Survey.objects.count() == 1


def test_nobody_outside_the_survey_copies_or_edits_it(world, draft, section, auditor):
    question = add_question(section, auditor, "A")
    for role in ("responder", "staff", "anonymous"):
        person = world[role]
        for call in (
            lambda: services.section_create(survey=draft, actor=person, title="X"),
            lambda: services.question_update(question=question, actor=person, text="X"),
            lambda: services.question_delete(question=question, actor=person),
            lambda: services.survey_update(survey=draft, actor=person, title="X"),
        ):
            with pytest.raises(NotAllowed):
                call()
    question.refresh_from_db()
    assert question.text == "A"


def test_changes_to_a_question_are_logged_with_old_and_new_values(draft, section, auditor):
    question = add_question(section, auditor, "Hur ofta?", K.SINGLE)
    services.question_update(
        question=question,
        actor=auditor,
        text="Hur ofta kommer de?",
        choices=[{"value": c.value, "label": c.label} for c in question.choices.all()][:2]
        + [{"label": "Aldrig"}],
    )
    entry = AuditLogEntry.objects.filter(action="survey.question_update").latest("pk")
    assert entry.changes["text"] == ["Hur ofta?", "Hur ofta kommer de?"]
    assert ["never", "Never"] in entry.changes["choices"][0] and ["aldrig", "Aldrig"] in entry.changes[
        "choices"
    ][1]
    assert entry.actor == auditor and entry.space == draft.space


def test_an_unchanged_question_writes_no_log_entry(draft, section, auditor):
    question = add_question(section, auditor, "Hur ofta?", K.SINGLE)
    services.question_update(question=question, actor=auditor, text="Hur ofta?")
    assert not AuditLogEntry.objects.filter(action="survey.question_update").exists()
