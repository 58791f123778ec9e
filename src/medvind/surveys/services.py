"""Every write that builds and runs a survey. Keyword-only, atomic, permission-checked, audit-logged.

Once a question has answers it is *locked*: its kind, its choice values and its condition stay as they
are and it cannot be deleted, so that the answers keep their meaning. Its wording and translations can
still be corrected, choices can be added, and new questions can be added. See docs/surveys.md."""

import datetime as dt
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from medvind.core import audit
from medvind.core.errors import DomainError
from medvind.core.models import Space
from medvind.core.services import NORDIC_LETTERS, require

from .models import (
    CHOICE_KINDS,
    COUNTED_KINDS,
    SCALE_VALUES,
    YES_NO_VALUES,
    Answer,
    Choice,
    Question,
    QuestionKind,
    Section,
    Survey,
    SurveyStatus,
)
from .workflow import check_transition

LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)
TITLE_MAX = 160
INTRO_MAX = 5000
SECTION_INTRO_MAX = 2000
TEXT_MAX = 500
SCALE_LABEL_MAX = 60
CHOICE_LABEL_MAX = 200
KEY_MAX = 40
CHOICES_MIN, CHOICES_MAX = 2, 30
QUESTIONS_MAX = 200  # per survey: a questionnaire longer than this is no questionnaire anyone answers
SECTIONS_MAX = 30
NUMBER_LIMIT = 10**9
THRESHOLD_MIN, THRESHOLD_MAX = 3, 50

# The wording of a question that can be translated, with its longest length.
QUESTION_TRANSLATABLE = {
    "text": TEXT_MAX,
    "easy_read": TEXT_MAX,
    "help_text": TEXT_MAX,
    "scale_low": SCALE_LABEL_MAX,
    "scale_high": SCALE_LABEL_MAX,
}
SECTION_TRANSLATABLE = {"title": TITLE_MAX, "intro": SECTION_INTRO_MAX}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_text(value: Any) -> str:
    """Plain text as it is stored: no control or direction-changing characters, no runs of blank lines."""
    value = _CONTROL.sub("", str(value or "").replace("\r\n", "\n").replace("\r", "\n"))
    return re.sub(r"\n{3,}", "\n\n", value).strip()


def clean_line(value: Any) -> str:
    return re.sub(r"\s+", " ", clean_text(value))


def _limit(value: str, limit: int) -> str:
    if len(value) > limit:
        raise DomainError(_("Write at most %(limit)d characters.") % {"limit": limit})
    return value


def _slug(text: str, limit: int = KEY_MAX) -> str:
    return slugify(text.translate(NORDIC_LETTERS))[:limit].strip("-")


def question_values(question: Question) -> list[str]:
    """The values a counted question can be answered with (its choices need to be loaded or are read)."""
    if question.kind in CHOICE_KINDS:
        return [choice.value for choice in question.choices.all()]
    if question.kind == QuestionKind.SCALE:
        return list(SCALE_VALUES)
    if question.kind == QuestionKind.YES_NO:
        return list(YES_NO_VALUES)
    return []


def has_answers(question: Question) -> bool:
    return Answer.objects.filter(question=question).exists()


def _new_token() -> str:
    for _attempt in range(20):
        token = secrets.token_urlsafe(12)
        if not Survey.objects.filter(token=token).exists():
            return token
    raise DomainError(_("No free link was found. Please try again."))  # pragma: no cover


# Surveys ------------------------------------------------------------------------------------------

SURVEY_EDITABLE = (
    "title",
    "intro",
    "language",
    "languages",
    "opens_at",
    "closes_at",
    "anonymity_threshold",
    "previous",
    "results_public",
)


def _clean_survey_values(values: dict[str, Any], *, space: Space, survey: Survey | None) -> dict[str, Any]:
    if "title" in values:
        values["title"] = _limit(clean_line(values["title"]), TITLE_MAX)
        if not values["title"]:
            raise DomainError(_("Write a title."))
    if "intro" in values:
        values["intro"] = _limit(clean_text(values["intro"]), INTRO_MAX)
    language = values.get("language", survey.language if survey else "")
    if language not in LANGUAGE_CODES:
        raise DomainError(_("Choose the language the questions are written in."))
    if "languages" in values or "language" in values:
        others = values.get("languages", survey.languages if survey else [])
        if any(code not in LANGUAGE_CODES for code in others):
            raise DomainError(_("Choose languages from the list."))
        values["languages"] = [
            code for code, _name in settings.LANGUAGES if code in others and code != language
        ]
    opens_at = values.get("opens_at", survey.opens_at if survey else None)
    closes_at = values.get("closes_at", survey.closes_at if survey else None)
    if opens_at and closes_at and closes_at <= opens_at:
        raise DomainError(_("The survey must close after it opens."))
    if "anonymity_threshold" in values:
        threshold = values["anonymity_threshold"]
        if not isinstance(threshold, int) or not THRESHOLD_MIN <= threshold <= THRESHOLD_MAX:
            raise DomainError(
                _("The smallest group must be from %(min)d to %(max)d answers.")
                % {"min": THRESHOLD_MIN, "max": THRESHOLD_MAX}
            )
    previous = values.get("previous")
    if previous is not None:
        if previous.space_id != space.pk or (survey is not None and previous.pk == survey.pk):
            raise DomainError(_("Choose an earlier round from this space."))
        if survey is not None and _is_later_round(previous, survey):
            raise DomainError(_("A later round cannot be the earlier round of this survey."))
    return values


def _is_later_round(candidate: Survey, survey: Survey) -> bool:
    """True if `survey` is somewhere in the chain of earlier rounds of `candidate` (a loop)."""
    seen = set()
    current: Survey | None = candidate
    while current is not None and current.pk not in seen:
        if current.pk == survey.pk:
            return True
        seen.add(current.pk)
        current = current.previous
    return False


@transaction.atomic
def survey_create(
    *,
    space: Space,
    actor: Any,
    title: str,
    language: str,
    intro: str = "",
    languages: Sequence[str] = (),
    opens_at: dt.datetime | None = None,
    closes_at: dt.datetime | None = None,
    anonymity_threshold: int = 5,
    previous: Survey | None = None,
    results_public: bool = False,
) -> Survey:
    require(actor, "surveys.create_survey", space)
    values = _clean_survey_values(
        {
            "title": title,
            "intro": intro,
            "language": language,
            "languages": list(languages),
            "opens_at": opens_at,
            "closes_at": closes_at,
            "anonymity_threshold": anonymity_threshold,
            "previous": previous,
            "results_public": bool(results_public),
        },
        space=space,
        survey=None,
    )
    survey = Survey.objects.create(
        space=space,
        token=_new_token(),
        created_by=actor if actor.is_authenticated else None,
        **values,
    )
    audit.record(
        actor=actor,
        action="survey.create",
        obj=survey,
        changes={"title": [None, survey.title], "status": [None, survey.status]},
        space=space,
    )
    return survey


@transaction.atomic
def survey_update(*, survey: Survey, actor: Any, **values: Any) -> Survey:
    require(actor, "surveys.change_survey", survey)
    survey = Survey.objects.select_for_update(of=("self",)).select_related("space").get(pk=survey.pk)
    unknown = set(values) - set(SURVEY_EDITABLE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    values = _clean_survey_values(dict(values), space=survey.space, survey=survey)
    if (
        values.get("language", survey.language) != survey.language
        and Answer.objects.filter(question__survey=survey).exists()
    ):
        raise DomainError(_("The survey has answers, so the language of its questions can no longer change."))
    changes = audit.diff(survey, values)
    for field, value in values.items():
        setattr(survey, field, value)
    survey.save()
    if changes:
        audit.record(actor=actor, action="survey.update", obj=survey, changes=changes, space=survey.space)
    return survey


@transaction.atomic
def survey_set_status(*, survey: Survey, actor: Any, status: str) -> Survey:
    require(actor, "surveys.change_survey", survey)
    survey = Survey.objects.select_for_update().select_related("space").get(pk=survey.pk)
    check_transition(survey.status, status)
    if status == SurveyStatus.OPEN:
        if not Question.objects.filter(survey=survey).exists():
            raise DomainError(_("Add at least one question before you open the survey."))
        if survey.closes_at and survey.closes_at <= timezone.now():
            raise DomainError(_("The closing time has passed. Change it before you open the survey."))
    old = survey.status
    survey.status = status
    survey.save(update_fields=["status"])
    audit.record(
        actor=actor, action="survey.status", obj=survey, changes={"status": [old, status]}, space=survey.space
    )
    return survey


@transaction.atomic
def survey_new_round(*, survey: Survey, actor: Any, space: Space | None = None) -> Survey:
    """A draft copy of an open or closed survey, with the same keys and values so results compare; in
    the same space, or in `space` (a follow-up audit asks again in its own space)."""
    into = space or survey.space
    require(actor, "surveys.create_survey", into)
    require(actor, "surveys.change_survey", survey)
    survey = Survey.objects.select_related("space").get(pk=survey.pk)
    if survey.status == SurveyStatus.DRAFT:
        raise DomainError(_("Open the survey first. A new round copies a survey that has been used."))
    copy = Survey.objects.create(
        space=into,
        title=survey.title,
        intro=survey.intro,
        language=survey.language,
        languages=list(survey.languages),
        anonymity_threshold=survey.anonymity_threshold,
        results_public=survey.results_public,
        previous=survey,
        token=_new_token(),
        created_by=actor if actor.is_authenticated else None,
    )
    question_map: dict[int, Question] = {}
    conditions: list[tuple[Question, int, str]] = []
    sections = Section.objects.filter(survey=survey).prefetch_related("questions__choices")
    for section in sections:
        new_section = Section.objects.create(
            survey=copy,
            position=section.position,
            title=section.title,
            intro=section.intro,
            translations=section.translations,
        )
        for question in section.questions.all():
            new_question = Question.objects.create(
                survey=copy,
                section=new_section,
                position=question.position,
                key=question.key,
                kind=question.kind,
                text=question.text,
                easy_read=question.easy_read,
                help_text=question.help_text,
                required=question.required,
                scale_low=question.scale_low,
                scale_high=question.scale_high,
                min_value=question.min_value,
                max_value=question.max_value,
                condition_value=question.condition_value,
                translations=question.translations,
            )
            question_map[question.pk] = new_question
            if question.condition_question_id:
                conditions.append((new_question, question.condition_question_id, question.condition_value))
            Choice.objects.bulk_create(
                Choice(
                    question=new_question,
                    position=choice.position,
                    value=choice.value,
                    label=choice.label,
                    translations=choice.translations,
                )
                for choice in question.choices.all()
            )
    for new_question, old_condition_id, value in conditions:
        target = question_map.get(old_condition_id)
        new_question.condition_question = target
        new_question.condition_value = value if target else ""
        new_question.save(update_fields=["condition_question", "condition_value"])
    audit.record(
        actor=actor,
        action="survey.new_round",
        obj=copy,
        changes={"previous": [None, survey.pk], "questions": [None, len(question_map)]},
        space=into,
    )
    return copy


# Translations -------------------------------------------------------------------------------------


def _clean_translations(
    survey: Survey, translations: Mapping[str, Mapping[str, Any]] | None, fields: Mapping[str, int]
) -> dict[str, dict[str, str]]:
    """Only the survey's other languages and the translatable fields; empty wording is left out."""
    cleaned: dict[str, dict[str, str]] = {}
    for code, values in (translations or {}).items():
        if code not in survey.languages or code == survey.language or not isinstance(values, Mapping):
            continue
        entry = {}
        for field, limit in fields.items():
            text = (
                clean_text(values.get(field, "")) if field == "intro" else clean_line(values.get(field, ""))
            )
            if text:
                entry[field] = _limit(text, limit)
        if entry:
            cleaned[code] = entry
    return cleaned


# Sections -----------------------------------------------------------------------------------------


def _check_section(title: str, intro: str) -> tuple[str, str]:
    title = _limit(clean_line(title), TITLE_MAX)
    if not title:
        raise DomainError(_("Write a title for the section."))
    return title, _limit(clean_text(intro), SECTION_INTRO_MAX)


@transaction.atomic
def section_create(
    *,
    survey: Survey,
    actor: Any,
    title: str,
    intro: str = "",
    translations: Mapping[str, Mapping[str, Any]] | None = None,
) -> Section:
    require(actor, "surveys.change_survey", survey)
    survey = Survey.objects.select_for_update().select_related("space").get(pk=survey.pk)
    title, intro = _check_section(title, intro)
    existing = Section.objects.filter(survey=survey)
    if existing.count() >= SECTIONS_MAX:
        raise DomainError(_("A survey can have at most %(limit)d sections.") % {"limit": SECTIONS_MAX})
    position = (existing.aggregate(top=Max("position"))["top"] or 0) + 1
    section = Section.objects.create(
        survey=survey,
        position=position,
        title=title,
        intro=intro,
        translations=_clean_translations(survey, translations, SECTION_TRANSLATABLE),
    )
    audit.record(
        actor=actor,
        action="survey.section_create",
        obj=section,
        changes={"title": [None, title]},
        space=survey.space,
    )
    return section


@transaction.atomic
def section_update(
    *,
    section: Section,
    actor: Any,
    title: str,
    intro: str = "",
    translations: Mapping[str, Mapping[str, Any]] | None = None,
) -> Section:
    survey = section.survey
    require(actor, "surveys.change_survey", survey)
    section = Section.objects.select_for_update().get(pk=section.pk)
    title, intro = _check_section(title, intro)
    values = {
        "title": title,
        "intro": intro,
        "translations": _clean_translations(survey, translations, SECTION_TRANSLATABLE),
    }
    changes = audit.diff(section, values)
    for field, value in values.items():
        setattr(section, field, value)
    section.save()
    if changes:
        audit.record(
            actor=actor, action="survey.section_update", obj=section, changes=changes, space=survey.space
        )
    return section


@transaction.atomic
def section_delete(*, section: Section, actor: Any) -> None:
    survey = section.survey
    require(actor, "surveys.change_survey", survey)
    if Answer.objects.filter(question__section=section).exists():
        raise DomainError(_("Questions in this section have answers, so the section cannot be deleted."))
    questions = list(Question.objects.filter(section=section))
    for question in questions:
        _refuse_if_dependents(question, leaving={q.pk for q in questions})
    audit.record(
        actor=actor,
        action="survey.section_delete",
        obj=section,
        changes={"title": [section.title, None], "questions": [len(questions), None]},
        space=survey.space,
    )
    section.delete()


def _swap(items: list[Any], index: int, direction: str) -> bool:
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(items):
        return False
    items[index], items[other] = items[other], items[index]
    return True


@transaction.atomic
def section_move(*, section: Section, actor: Any, direction: str) -> Section:
    survey = section.survey
    require(actor, "surveys.change_survey", survey)
    Survey.objects.select_for_update().filter(pk=survey.pk).first()
    sections = list(Section.objects.filter(survey=survey))
    index = next(i for i, s in enumerate(sections) if s.pk == section.pk)
    if not _swap(sections, index, direction):
        raise DomainError(_("The section is already at that end."))
    for position, item in enumerate(sections, start=1):
        if item.position != position:
            Section.objects.filter(pk=item.pk).update(position=position)
    _check_conditions(survey)
    audit.record(
        actor=actor,
        action="survey.section_move",
        obj=section,
        changes={"position": [index + 1, sections.index(section) + 1]},
        space=survey.space,
    )
    return section


# Questions ----------------------------------------------------------------------------------------

QUESTION_FIELDS = (
    "kind",
    "text",
    "easy_read",
    "help_text",
    "required",
    "scale_low",
    "scale_high",
    "min_value",
    "max_value",
    "condition_question",
    "condition_value",
    "translations",
)


def _clean_question(survey: Survey, values: dict[str, Any]) -> dict[str, Any]:
    kind = values["kind"]
    if kind not in QuestionKind.values:
        raise DomainError(_("Choose what kind of question it is."))
    values["text"] = _limit(clean_line(values["text"]), TEXT_MAX)
    if not values["text"]:
        raise DomainError(_("Write the question."))
    for field in ("easy_read", "help_text"):
        values[field] = _limit(clean_line(values.get(field, "")), TEXT_MAX)
    values["required"] = bool(values.get("required"))
    if kind == QuestionKind.SCALE:
        for field in ("scale_low", "scale_high"):
            values[field] = _limit(clean_line(values.get(field, "")), SCALE_LABEL_MAX)
    else:
        values["scale_low"] = values["scale_high"] = ""
    if kind == QuestionKind.NUMBER:
        low, high = values.get("min_value"), values.get("max_value")
        for number in (low, high):
            if number is not None and (not isinstance(number, int) or abs(number) > NUMBER_LIMIT):
                raise DomainError(_("Write whole numbers between minus and plus one billion."))
        if low is not None and high is not None and high < low:
            raise DomainError(_("The largest number must not be smaller than the smallest."))
    else:
        values["min_value"] = values["max_value"] = None
    condition, condition_value = values.get("condition_question"), clean_line(values.get("condition_value"))
    if condition is None:
        condition_value = ""
    elif condition.survey_id != survey.pk:
        raise DomainError(_("Choose an earlier question of this survey."))
    elif not condition_value:
        raise DomainError(_("Choose the answer that shows this question."))
    values["condition_value"] = condition_value
    values["translations"] = _clean_translations(survey, values.get("translations"), QUESTION_TRANSLATABLE)
    return values


def _clean_choices(
    survey: Survey, kind: str, choices: Iterable[Mapping[str, Any]] | None
) -> list[dict[str, Any]]:
    """[{"value", "label", "translations"}]; a choice without a value gets one made from its label."""
    if kind not in CHOICE_KINDS:
        return []
    cleaned: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, choice in enumerate(choices or (), start=1):
        label = _limit(clean_line(choice.get("label", "")), CHOICE_LABEL_MAX)
        if not label:
            continue
        value = clean_line(choice.get("value", ""))
        if value:
            if value != _slug(value) or len(value) > KEY_MAX:
                raise DomainError(
                    _(
                        "“%(value)s” cannot be used as a stored value. Use small letters a to z, digits "
                        "and dashes, at most %(limit)d characters."
                    )
                    % {"value": value[:60], "limit": KEY_MAX}
                )
        else:
            value = _slug(label) or f"choice-{number}"
            base, n = value, 2
            while value in seen:
                suffix = f"-{n}"
                value, n = base[: KEY_MAX - len(suffix)] + suffix, n + 1
        if value in seen:
            raise DomainError(
                _("Two choices have the value “%(value)s”. Give each choice its own value.")
                % {"value": value}
            )
        seen.add(value)
        translations = {}
        for code, text in (choice.get("translations") or {}).items():
            text = _limit(clean_line(text), CHOICE_LABEL_MAX)
            if code in survey.languages and code != survey.language and text:
                translations[code] = text
        cleaned.append({"value": value, "label": label, "translations": translations})
    if not CHOICES_MIN <= len(cleaned) <= CHOICES_MAX:
        raise DomainError(
            _("Give from %(min)d to %(max)d choices, one on each line.")
            % {"min": CHOICES_MIN, "max": CHOICES_MAX}
        )
    return cleaned


def _unique_key(survey: Survey, text: str) -> str:
    base = _slug(text) or "question"
    taken = set(Question.objects.filter(survey=survey).values_list("key", flat=True))
    key, n = base, 2
    while key in taken:
        suffix = f"-{n}"
        key, n = base[: KEY_MAX - len(suffix)].strip("-") + suffix, n + 1
    return key


def _save_choices(question: Question, choices: list[dict[str, Any]], *, locked: bool) -> dict[str, Any]:
    existing = {choice.value: choice for choice in Choice.objects.filter(question=question)}
    wanted = [c["value"] for c in choices]
    removed = [value for value in existing if value not in wanted]
    if removed and locked:
        raise DomainError(
            _(
                "This question has answers, so its choices cannot be removed and their stored values "
                "cannot change. Missing: %(values)s."
            )
            % {"values": ", ".join(removed)}
        )
    Choice.objects.filter(question=question, value__in=removed).delete()
    for position, choice in enumerate(choices, start=1):
        row = existing.get(choice["value"])
        if row is None:
            Choice.objects.create(question=question, position=position, **choice)
        elif (row.position, row.label, row.translations) != (
            position,
            choice["label"],
            choice["translations"],
        ):
            row.position, row.label, row.translations = position, choice["label"], choice["translations"]
            row.save(update_fields=["position", "label", "translations"])
    old = [(value, row.label) for value, row in existing.items()]
    new = [(c["value"], c["label"]) for c in choices]
    return {"choices": [old, new]} if sorted(old) != sorted(new) else {}


def _ordered_questions(survey: Survey) -> list[Question]:
    return list(
        Question.objects.filter(survey=survey)
        .select_related("section")
        .prefetch_related("choices")
        .order_by("section__position", "section_id", "position", "id")
    )


def _check_conditions(survey: Survey) -> None:
    """Every condition points to an earlier counted question, and to one of its values."""
    questions = _ordered_questions(survey)
    index = {question.pk: i for i, question in enumerate(questions)}
    by_id = {question.pk: question for question in questions}
    for i, question in enumerate(questions):
        if not question.condition_question_id:
            continue
        target = by_id.get(question.condition_question_id)
        if target is None or index[target.pk] >= i:
            raise DomainError(
                _(
                    "“%(question)s” depends on a question that would come after it. A question can only depend on an earlier one."
                )
                % {"question": question.text[:80]}
            )
        if target.kind not in COUNTED_KINDS:
            raise DomainError(
                _(
                    "“%(question)s” depends on a question whose answers are not choices. Choose another question."
                )
                % {"question": question.text[:80]}
            )
        if question.condition_value not in question_values(target):
            raise DomainError(
                _("“%(question)s” depends on an answer that “%(target)s” no longer has.")
                % {"question": question.text[:80], "target": target.text[:80]}
            )


def _refuse_if_dependents(question: Question, leaving: set[int] | None = None) -> None:
    dependents = Question.objects.filter(condition_question=question).exclude(pk__in=leaving or set())
    first = dependents.first()
    if first is not None:
        raise DomainError(
            _("“%(question)s” depends on this question. Change its condition first.")
            % {"question": first.text[:80]}
        )


@transaction.atomic
def question_create(
    *,
    section: Section,
    actor: Any,
    kind: str,
    text: str,
    easy_read: str = "",
    help_text: str = "",
    required: bool = False,
    scale_low: str = "",
    scale_high: str = "",
    min_value: int | None = None,
    max_value: int | None = None,
    choices: Iterable[Mapping[str, Any]] | None = None,
    condition_question: Question | None = None,
    condition_value: str = "",
    translations: Mapping[str, Mapping[str, Any]] | None = None,
) -> Question:
    survey = section.survey
    require(actor, "surveys.change_survey", survey)
    survey = Survey.objects.select_for_update().select_related("space").get(pk=survey.pk)
    if Question.objects.filter(survey=survey).count() >= QUESTIONS_MAX:
        raise DomainError(_("A survey can have at most %(limit)d questions.") % {"limit": QUESTIONS_MAX})
    values = _clean_question(
        survey,
        {
            "kind": kind,
            "text": text,
            "easy_read": easy_read,
            "help_text": help_text,
            "required": required,
            "scale_low": scale_low,
            "scale_high": scale_high,
            "min_value": min_value,
            "max_value": max_value,
            "condition_question": condition_question,
            "condition_value": condition_value,
            "translations": translations,
        },
    )
    cleaned_choices = _clean_choices(survey, kind, choices)
    position = (Question.objects.filter(section=section).aggregate(top=Max("position"))["top"] or 0) + 1
    question = Question.objects.create(
        survey=survey, section=section, position=position, key=_unique_key(survey, values["text"]), **values
    )
    _save_choices(question, cleaned_choices, locked=False)
    _check_conditions(survey)
    audit.record(
        actor=actor,
        action="survey.question_create",
        obj=question,
        changes={"kind": [None, kind], "text": [None, question.text], "key": [None, question.key]},
        space=survey.space,
    )
    return question


@transaction.atomic
def question_update(
    *, question: Question, actor: Any, choices: Iterable[Mapping[str, Any]] | None = None, **values: Any
) -> Question:
    survey = question.survey
    require(actor, "surveys.change_survey", survey)
    survey = Survey.objects.select_for_update().select_related("space").get(pk=survey.pk)
    question = Question.objects.select_for_update().get(pk=question.pk)
    unknown = set(values) - set(QUESTION_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    merged = {field: getattr(question, field) for field in QUESTION_FIELDS}
    merged.update(values)
    merged = _clean_question(survey, merged)
    locked = has_answers(question)
    if locked:
        if merged["kind"] != question.kind:
            raise DomainError(_("This question has answers, so its kind cannot change."))
        if (merged["condition_question"], merged["condition_value"]) != (
            question.condition_question,
            question.condition_value,
        ):
            raise DomainError(_("This question has answers, so its condition cannot change."))
    if choices is None:
        choices = [
            {"value": c.value, "label": c.label, "translations": c.translations}
            for c in question.choices.all()
        ]
    cleaned_choices = _clean_choices(survey, merged["kind"], choices)
    changes = audit.diff(question, merged)
    for field, value in merged.items():
        setattr(question, field, value)
    question.save()
    changes.update(_save_choices(question, cleaned_choices, locked=locked))
    _check_conditions(survey)
    if changes:
        audit.record(
            actor=actor, action="survey.question_update", obj=question, changes=changes, space=survey.space
        )
    return question


@transaction.atomic
def question_delete(*, question: Question, actor: Any) -> None:
    survey = question.survey
    require(actor, "surveys.change_survey", survey)
    if has_answers(question):
        raise DomainError(_("This question has answers, so it cannot be deleted."))
    _refuse_if_dependents(question)
    audit.record(
        actor=actor,
        action="survey.question_delete",
        obj=question,
        changes={"key": [question.key, None], "text": [question.text, None]},
        space=survey.space,
    )
    question.delete()


@transaction.atomic
def question_move(*, question: Question, actor: Any, direction: str) -> Question:
    """Up or down within its section; past the end of a section it moves into the next one."""
    survey = question.survey
    require(actor, "surveys.change_survey", survey)
    Survey.objects.select_for_update().filter(pk=survey.pk).first()
    question = Question.objects.select_related("section").get(pk=question.pk)
    siblings = list(Question.objects.filter(section=question.section))
    index = next(i for i, q in enumerate(siblings) if q.pk == question.pk)
    if _swap(siblings, index, direction):
        for position, item in enumerate(siblings, start=1):
            if item.position != position:
                Question.objects.filter(pk=item.pk).update(position=position)
    else:
        sections = list(Section.objects.filter(survey=survey))
        at = next(i for i, s in enumerate(sections) if s.pk == question.section_id)
        target_index = at - 1 if direction == "up" else at + 1
        if direction not in ("up", "down") or not 0 <= target_index < len(sections):
            raise DomainError(_("The question is already at that end."))
        target = sections[target_index]
        top = Question.objects.filter(section=target).aggregate(top=Max("position"))["top"]
        if direction == "up":
            position = (top or 0) + 1
        else:
            Question.objects.filter(section=target).update(position=F("position") + 1)
            position = 1
        Question.objects.filter(pk=question.pk).update(section=target, position=position)
    _check_conditions(survey)
    audit.record(
        actor=actor,
        action="survey.question_move",
        obj=question,
        changes={"moved": [None, direction]},
        space=survey.space,
    )
    return question
