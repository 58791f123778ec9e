"""Every read of the survey builder used by the views."""

from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from medvind.core.models import Space

from .models import Answer, Choice, Question, Response, ResponseMode, Section, Survey


def surveys_of_space(viewer: Any, space: Space) -> QuerySet[Survey]:
    """The space's surveys, newest first, each with its number of submitted responses."""
    return (
        Survey.objects.filter(space=space)
        .select_related("space")
        .annotate(submitted=Count("responses", filter=Q(responses__submitted_at__isnull=False)))
        .order_by("-created_at", "-pk")
    )


def survey_get(viewer: Any, space: Space, pk: int) -> Survey:
    survey = Survey.objects.filter(space=space, pk=pk).select_related("space", "previous").first()
    if survey is None or not viewer.has_perm("surveys.view_survey", survey):
        raise Http404
    return survey


def survey_by_token(token: str) -> Survey:
    if not token or len(token) > 32:
        raise Http404
    survey = Survey.objects.filter(token=token).select_related("space").first()
    if survey is None:
        raise Http404
    return survey


def _questions(survey: Survey) -> QuerySet[Question]:
    return (
        Question.objects.filter(survey=survey)
        .select_related("condition_question")
        .annotate(locked=Exists(Answer.objects.filter(question=OuterRef("pk"))))
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("position", "pk")))
        .order_by("position", "pk")
    )


def survey_structure(survey: Survey) -> list[Section]:
    """Sections in order, each with its questions (`locked` says it has answers) and their choices:
    three queries whatever the size."""
    sections = list(
        Section.objects.filter(survey=survey)
        .order_by("position", "pk")
        .prefetch_related(Prefetch("questions", queryset=_questions(survey)))
    )
    for section in sections:
        section.survey = survey
        for question in section.questions.all():
            question.survey = survey
            question.section = section
    return sections


def label_conditions(sections: list[Section]) -> None:
    """Give each conditional question `condition_label`: the label of the answer that shows it."""
    yes_no = {"yes": _("Yes"), "no": _("No"), "dont_know": _("Don't know")}
    by_id = {question.pk: question for question in ordered_questions(sections)}
    for question in by_id.values():
        if not question.condition_question_id:
            continue
        target = by_id.get(question.condition_question_id)
        labels = {c.value: c.label for c in target.choices.all()} if target else {}
        value = question.condition_value
        question.condition_label = labels.get(value) or yes_no.get(value) or value  # type: ignore[attr-defined]


def ordered_questions(sections: list[Section]) -> list[Question]:
    return [question for section in sections for question in section.questions.all()]


def section_get(survey: Survey, pk: int) -> Section:
    section = Section.objects.filter(survey=survey, pk=pk).first()
    if section is None:
        raise Http404
    section.survey = survey
    return section


def question_get(survey: Survey, pk: int) -> Question:
    question = (
        Question.objects.filter(survey=survey, pk=pk)
        .select_related("section", "condition_question")
        .annotate(locked=Exists(Answer.objects.filter(question=OuterRef("pk"))))
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("position", "pk")))
        .first()
    )
    if question is None:
        raise Http404
    question.survey = survey
    return question


def response_counts(survey: Survey) -> dict[str, Any]:
    """Submitted responses per way of answering, and how many are started but not sent."""
    rows = (
        Response.objects.filter(survey=survey)
        .values_list("mode")
        .annotate(
            submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
            started=Count("pk", filter=Q(submitted_at__isnull=True)),
        )
        .order_by()
    )
    by_mode = {mode: 0 for mode in ResponseMode.values}
    started = 0
    for mode, submitted, unfinished in rows:
        by_mode[mode] = by_mode.get(mode, 0) + submitted
        started += unfinished
    return {
        "modes": [(label, by_mode[value]) for value, label in ResponseMode.choices],
        "total": sum(by_mode.values()),
        "started": started,
    }


def earlier_rounds(space: Space, survey: Survey | None = None) -> QuerySet[Survey]:
    surveys = Survey.objects.filter(space=space).order_by("-created_at", "-pk")
    return surveys.exclude(pk=survey.pk) if survey is not None else surveys
