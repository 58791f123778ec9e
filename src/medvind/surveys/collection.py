"""Collecting answers: every read and write for respondents, kiosks, paper entry and interviews.

A response is anonymous: no account, IP address or browser data. While someone answers, their answers
live in `Response.draft` ({question id: value}); Answer rows are written only at submit, in one
transaction, so results count finished responses alone. See docs/surveys.md, "Collecting answers"."""

import hashlib
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from medvind.core import audit
from medvind.core.errors import DomainError
from medvind.core.services import require

from .models import (
    CHOICE_KINDS,
    SCALE_VALUES,
    YES_NO_VALUES,
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

SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 5000
NOTES_MAX = 10000
NUMBER_LIMIT = 2_000_000_000  # fits the database's integer whatever the question allows
ENTERED_MODES = frozenset({ResponseMode.PAPER, ResponseMode.INTERVIEW})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")

Value = str | int | list[str]


class AnswerErrors(DomainError):
    """Some answers break a rule: {question id: message}. Nothing was saved."""

    def __init__(self, errors: dict[int, str]) -> None:
        super().__init__(_("Some answers need to be corrected."))
        self.errors = errors


class AlreadySubmitted(DomainError):
    pass


class NotAccepting(DomainError):
    pass


def clean_text(value: str) -> str:
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return re.sub(r"\n{3,}", "\n\n", value).strip()


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# The questionnaire as respondents see it ----------------------------------------------------------


@dataclass
class Questionnaire:
    """A survey with its sections, questions and choices, loaded in four queries."""

    survey: Survey
    sections: list[Section]
    questions: list[Question] = field(default_factory=list)
    by_id: dict[int, Question] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for section in self.sections:
            self.questions.extend(section.questions.all())
        self.by_id = {q.pk: q for q in self.questions}

    def section_questions(self, section: Section) -> list[Question]:
        return list(section.questions.all())

    def visible_ids(self, answers: Mapping[int, Value]) -> set[int]:
        """The questions shown for these answers: a question with a condition is shown only if the
        question it depends on is shown and was answered with the given value."""
        memo: dict[int, bool] = {}

        def shown(question: Question, depth: int = 0) -> bool:
            if question.pk in memo:
                return memo[question.pk]
            result = True
            condition = self.by_id.get(question.condition_question_id or 0)
            if question.condition_question_id:
                if condition is None or depth > 50:
                    result = False
                else:
                    given = answers.get(condition.pk)
                    matches = (
                        question.condition_value in given
                        if isinstance(given, list)
                        else given is not None and str(given) == question.condition_value
                    )
                    result = matches and shown(condition, depth + 1)
            memo[question.pk] = result
            return result

        return {q.pk for q in self.questions if shown(q)}

    def visible_sections(self, answers: Mapping[int, Value]) -> list[Section]:
        visible = self.visible_ids(answers)
        return [s for s in self.sections if any(q.pk in visible for q in s.questions.all())]


def questionnaire_load(survey: Survey) -> Questionnaire:
    sections = Section.objects.filter(survey=survey).prefetch_related(
        Prefetch(
            "questions",
            queryset=Question.objects.filter(survey=survey).prefetch_related(
                Prefetch("choices", queryset=Choice.objects.order_by("position", "id"))
            ),
        )
    )
    return Questionnaire(survey=survey, sections=list(sections))


def survey_by_token(token: str) -> Survey | None:
    if not token or len(token) > 32:
        return None
    return Survey.objects.filter(token=token).select_related("space").first()


def closed_message(survey: Survey, now: Any = None) -> str:
    """Why a survey takes no answers now, in plain words; empty when it does."""
    now = now or timezone.now()
    if survey.is_accepting(now):
        return ""
    if survey.status == SurveyStatus.DRAFT:
        return _("This survey is not open yet.")
    if survey.opens_at and now < survey.opens_at and survey.status == SurveyStatus.OPEN:
        return _("This survey opens on %(date)s.") % {
            "date": formats.date_format(timezone.localtime(survey.opens_at), "DATETIME_FORMAT")
        }
    if survey.closes_at and survey.closes_at <= now:
        return _("This survey closed on %(date)s.") % {
            "date": formats.date_format(timezone.localtime(survey.closes_at), "DATETIME_FORMAT")
        }
    return _("This survey is closed. It no longer takes answers.")


def _require_accepting(survey: Survey) -> None:
    message = closed_message(survey)
    if message:
        raise NotAccepting(message)


# Checking answers ---------------------------------------------------------------------------------


def allowed_values(question: Question) -> tuple[str, ...]:
    if question.kind == QuestionKind.SCALE:
        return SCALE_VALUES
    if question.kind == QuestionKind.YES_NO:
        return YES_NO_VALUES
    return tuple(choice.value for choice in question.choices.all())


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def clean_value(question: Question, raw: Any) -> Value | None:
    """The answer as it is stored, or None for no answer. Raises DomainError with a message for the
    respondent when the answer breaks a rule of its question."""
    kind = question.kind
    if kind == QuestionKind.MULTIPLE:
        items = raw if isinstance(raw, list | tuple) else ([] if is_empty(raw) else [raw])
        items = [str(item) for item in items if not is_empty(item)]
        allowed = allowed_values(question)
        if any(item not in allowed for item in items):
            raise DomainError(_("Choose only among the answers shown."))
        chosen = [value for value in allowed if value in items]  # in the order shown, no repeats
        return chosen or None
    if isinstance(raw, list | tuple):
        if len(raw) > 1:
            raise DomainError(_("Choose only one answer."))
        raw = raw[0] if raw else None
    if is_empty(raw):
        return None
    if kind in CHOICE_KINDS or kind in (QuestionKind.SCALE, QuestionKind.YES_NO):
        value = str(raw)
        if value not in allowed_values(question):
            raise DomainError(_("Choose one of the answers shown."))
        return value
    if kind == QuestionKind.NUMBER:
        text = str(raw).strip().replace("\u2212", "-")
        if not re.fullmatch(r"-?\d{1,10}", text):
            raise DomainError(_("Write a whole number, with digits only."))
        number = int(text)
        low = question.min_value if question.min_value is not None else -NUMBER_LIMIT
        high = question.max_value if question.max_value is not None else NUMBER_LIMIT
        if not low <= number <= high:
            raise DomainError(_("Write a number from %(low)s to %(high)s.") % {"low": low, "high": high})
        return number
    text = clean_text(str(raw))
    limit = SHORT_TEXT_MAX if kind == QuestionKind.SHORT_TEXT else LONG_TEXT_MAX
    if kind == QuestionKind.SHORT_TEXT:
        text = text.replace("\n", " ")
    if len(text) > limit:
        raise DomainError(
            _("Write at most %(limit)d characters. You wrote %(count)d.")
            % {"limit": limit, "count": len(text)}
        )
    return text or None


def required_message() -> str:
    return _("This question needs an answer.")


def check_answers(
    questionnaire: Questionnaire,
    given: Mapping[int, Any],
    *,
    questions: Iterable[Question],
    earlier: Mapping[int, Value] | None = None,
    enforce_required: bool = True,
    refuse_hidden: bool = False,
) -> dict[int, Value]:
    """Check answers to `questions` (the page being answered). `earlier` holds the answers already
    given to other questions, which decide conditions. Answers to questions outside `questions` are
    refused; answers to questions hidden by their condition are dropped, or refused when
    `refuse_hidden` (paper entry, where the auditor should leave them empty). Returns the answers to
    keep for these questions; raises AnswerErrors with every problem at once."""
    questions = list(questions)
    page_ids = {q.pk for q in questions}
    errors: dict[int, str] = {}
    unknown = [key for key in given if key not in page_ids]
    if unknown:
        raise DomainError(_("The answers do not match the questions of this survey. Please reload the page."))
    cleaned: dict[int, Value] = {}
    for question in questions:
        try:
            value = clean_value(question, given.get(question.pk))
        except DomainError as error:
            errors[question.pk] = str(error)
            continue
        if value is not None:
            cleaned[question.pk] = value
    combined = {**{k: v for k, v in (earlier or {}).items() if k not in page_ids}, **cleaned}
    visible = questionnaire.visible_ids(combined)
    for question in questions:
        if question.pk in errors:
            if question.pk not in visible and not refuse_hidden:
                del errors[question.pk]
            continue
        if question.pk not in visible:
            if question.pk in cleaned:
                if refuse_hidden:
                    condition = questionnaire.by_id.get(question.condition_question_id or 0)
                    errors[question.pk] = (
                        _(
                            "Leave this empty: it is asked only when the answer to “%(question)s” is "
                            "“%(value)s”."
                        )
                        % {
                            "question": condition.text,
                            "value": _value_label(condition, question.condition_value),
                        }
                        if condition is not None
                        else _("Leave this empty: this question is not asked.")
                    )
                else:
                    del cleaned[question.pk]
            continue
        if enforce_required and question.required and question.pk not in cleaned:
            errors[question.pk] = required_message()
    if errors:
        raise AnswerErrors(errors)
    return cleaned


def _value_label(question: Question, value: str) -> str:
    for choice in question.choices.all():
        if choice.value == value:
            return choice.label
    return dict(fixed_choices(question)).get(value, value)


def fixed_choices(question: Question, *, low: str = "", high: str = "") -> list[tuple[str, str]]:
    # The same words as the preview's surveys/_question.html.
    if question.kind == QuestionKind.YES_NO:
        return [("yes", _("Yes")), ("no", _("No")), ("dont_know", _("Don't know"))]
    if question.kind == QuestionKind.SCALE:
        low, high = low or question.scale_low, high or question.scale_high
        return [
            ("1", _("1: %(label)s") % {"label": low} if low else "1"),
            ("2", "2"),
            ("3", "3"),
            ("4", "4"),
            ("5", _("5: %(label)s") % {"label": high} if high else "5"),
        ]
    return []


def draft_answers(response: Response) -> dict[int, Value]:
    """The draft as {question id: value}; keys in JSON are strings."""
    answers: dict[int, Value] = {}
    for key, value in (response.draft or {}).items():
        if str(key).isdigit():
            answers[int(key)] = value
    return answers


def _as_draft(answers: Mapping[int, Value]) -> dict[str, Value]:
    return {str(key): value for key, value in answers.items()}


def first_open_section(questionnaire: Questionnaire, response: Response) -> int:
    """The page (0-based, among the shown sections) to resume on: the first with a required question
    left unanswered, else the last page with an answer."""
    answers = draft_answers(response)
    visible = questionnaire.visible_ids(answers)
    sections = questionnaire.visible_sections(answers)
    last_answered = 0
    for index, section in enumerate(sections):
        shown = [q for q in section.questions.all() if q.pk in visible]
        if any(q.required and q.pk not in answers for q in shown):
            return index
        if any(q.pk in answers for q in shown):
            last_answered = index
    return last_answered


# Writes -------------------------------------------------------------------------------------------


def _check_language(survey: Survey, language: str) -> str:
    if language not in survey.all_languages:
        raise DomainError(_("Choose one of the languages this survey is written in."))
    return language


@transaction.atomic
def response_start(*, survey: Survey, actor: Any, language: str, kiosk: bool = False) -> Response:
    """A new, empty response. Anyone with the link may start one; kiosk mode was allowed when the
    kiosk was set up (views check `surveys.change_survey` then)."""
    _require_accepting(survey)
    return Response.objects.create(
        survey=survey,
        mode=ResponseMode.KIOSK if kiosk else ResponseMode.ONLINE,
        language=_check_language(survey, language),
    )


def _locked_open_response(response: Response) -> Response:
    locked = Response.objects.select_for_update().select_related("survey").get(pk=response.pk)
    if locked.submitted_at is not None:
        raise AlreadySubmitted(_("These answers are already sent. Thank you!"))
    _require_accepting(locked.survey)
    return locked


def _save_draft(
    locked: Response,
    questionnaire: Questionnaire,
    section: Section,
    answers: Mapping[int, Any],
    enforce_required: bool,
) -> None:
    draft = draft_answers(locked)
    page_questions = questionnaire.section_questions(section)
    cleaned = check_answers(
        questionnaire, answers, questions=page_questions, earlier=draft, enforce_required=enforce_required
    )
    page_ids = {q.pk for q in page_questions}
    draft = {k: v for k, v in draft.items() if k not in page_ids and k in questionnaire.by_id}
    draft.update(cleaned)
    visible = questionnaire.visible_ids(draft)
    locked.draft = _as_draft({k: v for k, v in draft.items() if k in visible})


@transaction.atomic
def response_save_page(
    *,
    response: Response,
    questionnaire: Questionnaire,
    section: Section,
    answers: Mapping[int, Any],
    enforce_required: bool = True,
) -> Response:
    """Keep the answers to one page in the draft. Answers to questions hidden by their condition are
    dropped, also earlier answers that a changed answer now hides."""
    locked = _locked_open_response(response)
    _save_draft(locked, questionnaire, section, answers, enforce_required)
    locked.save(update_fields=["draft"])
    response.draft = locked.draft
    return response


@transaction.atomic
def response_save_for_later(
    *, response: Response, questionnaire: Questionnaire, section: Section, answers: Mapping[int, Any]
) -> str:
    """Keep the page's answers (required ones may wait) and make a new private secret for the resume
    link. Only its SHA-256 is kept; an older link stops working. Returns the secret, to show once."""
    locked = _locked_open_response(response)
    _save_draft(locked, questionnaire, section, answers, enforce_required=False)
    secret = secrets.token_urlsafe(24)
    locked.resume_hash = secret_hash(secret)
    locked.save(update_fields=["draft", "resume_hash"])
    response.draft, response.resume_hash = locked.draft, locked.resume_hash
    return secret


def response_by_secret(survey: Survey, secret: str) -> Response | None:
    if not secret or len(secret) > 64:
        return None
    return Response.objects.filter(survey=survey, resume_hash=secret_hash(secret)).first()


def _answer_rows(
    response: Response, questionnaire: Questionnaire, answers: Mapping[int, Value]
) -> list[Answer]:
    rows = []
    for question in questionnaire.questions:
        if question.pk not in answers:
            continue
        value = answers[question.pk]
        if question.kind == QuestionKind.NUMBER:
            rows.append(Answer(response=response, question=question, number=int(value)))  # type: ignore[arg-type]
        elif question.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
            rows.append(Answer(response=response, question=question, text=str(value)))
        else:
            for item in value if isinstance(value, list) else [value]:
                rows.append(Answer(response=response, question=question, value=str(item)))
    return rows


@transaction.atomic
def response_submit(*, response: Response, questionnaire: Questionnaire) -> Response:
    """Send the answers: the draft is checked once more as a whole (conditions and required answers on
    every page), Answer rows are written and the draft and resume link are forgotten. A second submit
    of the same response raises AlreadySubmitted and stores nothing."""
    locked = _locked_open_response(response)
    draft = {k: v for k, v in draft_answers(locked).items() if k in questionnaire.by_id}
    answers = check_answers(questionnaire, draft, questions=questionnaire.questions, earlier={})
    Answer.objects.bulk_create(_answer_rows(locked, questionnaire, answers))
    locked.submitted_at = timezone.now()
    locked.draft = {}
    locked.resume_hash = ""
    locked.save(update_fields=["submitted_at", "draft", "resume_hash"])
    return locked


@transaction.atomic
def response_enter(
    *,
    survey: Survey,
    actor: Any,
    mode: str,
    language: str,
    answers: Mapping[int, Any],
    notes: str = "",
    questionnaire: Questionnaire | None = None,
) -> Response:
    """An auditor types in a paper form, or records an interview on someone's behalf. All questions at
    once; conditions apply (an answer to a skipped question is refused); required answers are not
    forced, since a paper form or a person may leave a question blank."""
    require(actor, "surveys.enter_response", survey)
    if mode not in ENTERED_MODES:
        raise DomainError(_("Choose paper or interview."))
    survey = Survey.objects.select_for_update().select_related("space").get(pk=survey.pk)
    _require_accepting(survey)
    questionnaire = questionnaire or questionnaire_load(survey)
    notes = clean_text(notes) if mode == ResponseMode.INTERVIEW else ""
    if len(notes) > NOTES_MAX:
        raise DomainError(_("Write at most %(limit)d characters of notes.") % {"limit": NOTES_MAX})
    cleaned = check_answers(
        questionnaire,
        answers,
        questions=questionnaire.questions,
        enforce_required=False,
        refuse_hidden=True,
    )
    if not cleaned:
        raise DomainError(_("Type in at least one answer."))
    response = Response.objects.create(
        survey=survey,
        mode=mode,
        language=_check_language(survey, language),
        entered_by=actor,
        notes=notes,
        submitted_at=timezone.now(),
    )
    Answer.objects.bulk_create(_answer_rows(response, questionnaire, cleaned))
    audit.record(
        actor=actor,
        action=f"survey.response_{mode}",
        obj=response,
        changes={"mode": [None, mode], "answers": [None, len(cleaned)]},
        space=survey.space,
    )
    return response


def kiosk_allowed(actor: Any, survey: Survey) -> None:
    require(actor, "surveys.change_survey", survey)
    _require_accepting(survey)


def kiosk_start_record(*, actor: Any, survey: Survey) -> None:
    """Setting up a kiosk is a staff action: it is logged."""
    kiosk_allowed(actor, survey)
    with transaction.atomic():
        audit.record(actor=actor, action="survey.kiosk_start", obj=survey, changes={}, space=survey.space)
