"""Surveys for tests: `make_survey` builds a questionnaire with one question of every kind (or the
questions given), `record` stores a submitted response directly (for result tests)."""

import itertools
import secrets

from django.utils import timezone

from medvind.surveys.models import (
    Answer,
    Choice,
    Question,
    QuestionKind,
    Response,
    ResponseMode,
    Section,
    Survey,
    SurveyStatus,
)

K = QuestionKind
_numbers = itertools.count(1)

# (key, kind, text, choices): the default questionnaire, in the words of a user-led audit of home support.
DEFAULT_QUESTIONS = [
    (
        "age",
        K.SINGLE,
        "How old are you?",
        [("under-30", "Under 30"), ("30-60", "30 to 60"), ("over-60", "Over 60")],
    ),
    (
        "help",
        K.MULTIPLE,
        "What do you get help with?",
        [("home", "At home"), ("money", "Money"), ("work", "Work")],
    ),
    ("respect", K.SCALE, "Do the staff treat you with respect?", []),
    ("plan", K.YES_NO, "Do you have a plan for your support?", []),
    ("visits", K.NUMBER, "How many visits do you get in a week?", []),
    ("name-staff", K.SHORT_TEXT, "Who helps you most?", []),
    ("better", K.LONG_TEXT, "What could be better?", []),
]


def make_survey(space, *, status=SurveyStatus.OPEN, questions=None, **kw) -> Survey:
    n = next(_numbers)
    survey = Survey.objects.create(
        space=space,
        title=kw.pop("title", f"Questionnaire about home support {n}"),
        language=kw.pop("language", "en"),
        status=status,
        token=kw.pop("token", secrets.token_urlsafe(12)),
        **kw,
    )
    section = Section.objects.create(survey=survey, position=1, title="About you and your support")
    for position, (key, kind, text, choices) in enumerate(questions or DEFAULT_QUESTIONS, start=1):
        question = Question.objects.create(
            survey=survey,
            section=section,
            position=position,
            key=key,
            kind=kind,
            text=text,
            min_value=0 if kind == K.NUMBER else None,
            max_value=50 if kind == K.NUMBER else None,
        )
        Choice.objects.bulk_create(
            Choice(question=question, position=i, value=value, label=label)
            for i, (value, label) in enumerate(choices, start=1)
        )
    return survey


def record(survey: Survey, answers: dict[str, object], *, mode=ResponseMode.ONLINE) -> Response:
    """A submitted response: `answers` maps question key to a value, a list of values or a number/text."""
    response = Response.objects.create(
        survey=survey, mode=mode, language=survey.language, submitted_at=timezone.now()
    )
    questions = {q.key: q for q in survey.questions.all()}
    rows = []
    for key, given in answers.items():
        question = questions[key]
        values = given if isinstance(given, list) else [given]
        for value in values:
            if question.kind == K.NUMBER:
                rows.append(Answer(response=response, question=question, number=int(value)))
            elif question.kind in (K.SHORT_TEXT, K.LONG_TEXT):
                rows.append(Answer(response=response, question=question, text=str(value)))
            else:
                rows.append(Answer(response=response, question=question, value=str(value)))
    Answer.objects.bulk_create(rows)
    return response
