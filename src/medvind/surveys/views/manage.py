"""Building and running surveys: the list of a space's surveys, the survey's page with its sections and
questions, their forms, the preview and the QR code of the anonymous link."""

from collections.abc import Callable
from functools import wraps
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from medvind.core import selectors as core_selectors
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import Space
from medvind.core.pagination import paginate

from .. import selectors, services
from ..forms import (
    QuestionForm,
    SectionForm,
    SurveyForm,
    language_name,
    question_initial,
    section_initial,
)
from ..models import Question, Section, Survey, SurveyStatus
from ..workflow import allowed_next


def _space(request: HttpRequest, slug: str) -> Space:
    return core_selectors.space_get(request.user, slug)


def _survey(request: HttpRequest, slug: str, pk: int) -> Survey:
    return selectors.survey_get(request.user, _space(request, slug), pk)


def _may_change(request: HttpRequest, survey: Survey) -> None:
    if not request.user.has_perm("surveys.change_survey", survey):
        raise NotAllowed("surveys.change_survey")


def post_or_manage(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """An action's address opened without a form (after switching language) shows the survey."""

    @wraps(view)
    def call(request: HttpRequest, slug: str, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            return redirect("surveys:manage", slug=slug, pk=pk)
        return view(request, slug, pk, *args, **kwargs)

    return call


# Surveys ------------------------------------------------------------------------------------------


@login_required
def survey_list(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    if not request.user.has_perm("surveys.view_survey", space):
        raise NotAllowed("surveys.view_survey")
    return render(
        request,
        "surveys/manage/list.html",
        {"space": space, "page": paginate(request, selectors.surveys_of_space(request.user, space), 20)},
    )


@login_required
def survey_create(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    if not request.user.has_perm("surveys.create_survey", space):
        raise NotAllowed("surveys.create_survey")
    form = SurveyForm(
        request.POST or None,
        earlier=selectors.earlier_rounds(space),
        initial={"language": space.language, "anonymity_threshold": 5},
    )
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_create(space=space, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The survey is made. Now add its questions."))
            return redirect(survey.get_absolute_url())
    return render(request, "surveys/manage/survey_form.html", {"space": space, "form": form, "survey": None})


@login_required
def survey_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    _may_change(request, survey)
    initial = {field: getattr(survey, field) for field in services.SURVEY_EDITABLE}
    for field in ("opens_at", "closes_at"):
        if initial[field]:
            initial[field] = timezone.localtime(initial[field])
    form = SurveyForm(
        request.POST or None, earlier=selectors.earlier_rounds(survey.space, survey), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_update(survey=survey, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The survey is saved."))
            return redirect(survey.get_absolute_url())
    return render(
        request, "surveys/manage/survey_form.html", {"space": survey.space, "form": form, "survey": survey}
    )


@login_required
def survey_manage(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    sections = selectors.survey_structure(survey)
    selectors.label_conditions(sections)
    return render(
        request,
        "surveys/manage/manage.html",
        {
            "space": survey.space,
            "survey": survey,
            "sections": sections,
            "question_count": len(selectors.ordered_questions(sections)),
            "counts": selectors.response_counts(survey),
            "next_statuses": allowed_next(survey.status),
            "answer_link": request.build_absolute_uri(survey.answer_url()),
            "language_names": [language_name(code) for code in survey.all_languages],
            "can_change": request.user.has_perm("surveys.change_survey", survey),
            "can_copy": survey.status != SurveyStatus.DRAFT
            and request.user.has_perm("surveys.create_survey", survey.space),
        },
    )


@login_required
@post_or_manage
def survey_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    status = request.POST.get("status", "")
    try:
        services.survey_set_status(survey=survey, actor=request.user, status=status)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        if status == SurveyStatus.OPEN:
            messages.success(request, _("The survey is open for answers."))
        else:
            messages.success(request, _("The survey is closed. It takes no more answers."))
    return redirect(survey.get_absolute_url())


@login_required
@post_or_manage
def survey_new_round(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    try:
        copy = services.survey_new_round(survey=survey, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect(survey.get_absolute_url())
    messages.success(
        request, _("This is the new round, a draft copy of the survey. Change what you need, then open it.")
    )
    return redirect(copy.get_absolute_url())


@login_required
def preview(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The questionnaire as a respondent sees it, in any of its languages and in easy read. Saves nothing."""
    survey = _survey(request, slug, pk)
    language = request.GET.get("language", "")
    if language not in survey.all_languages:
        language = survey.language
    easy_read = request.GET.get("easy_read") == "1"
    sections = selectors.survey_structure(survey)
    selectors.label_conditions(sections)
    for section in sections:
        translated = section.translations.get(language, {}) if language != survey.language else {}
        section.shown_title = translated.get("title") or section.title  # type: ignore[attr-defined]
        section.shown_intro = translated.get("intro") or section.intro  # type: ignore[attr-defined]
    return render(
        request,
        "surveys/manage/preview.html",
        {
            "space": survey.space,
            "survey": survey,
            "sections": sections,
            # Not "languages": base.html sets that name for its language menu.
            "preview_language": language,
            "easy_read": easy_read,
            "survey_languages": [(code, language_name(code)) for code in survey.all_languages],
        },
    )


def qr_svg(request: HttpRequest, token: str) -> HttpResponse:
    """The QR code of the anonymous link: it shows only what the link itself says."""
    survey = selectors.survey_by_token(token)
    key = f"surveys:qr:{survey.token}:{request.get_host()}"
    svg = cache.get(key)
    if svg is None:
        url = request.build_absolute_uri(survey.answer_url())
        image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=4)
        svg = image.to_string(encoding="unicode")
        cache.set(key, svg, 3600)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response


# Sections -----------------------------------------------------------------------------------------


def _section_page(
    request: HttpRequest, survey: Survey, form: SectionForm, section: Section | None
) -> HttpResponse:
    return render(
        request,
        "surveys/manage/section_form.html",
        {"space": survey.space, "survey": survey, "form": form, "section": section},
    )


@login_required
def section_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    _may_change(request, survey)
    form = SectionForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            section = services.section_create(
                survey=survey,
                actor=request.user,
                title=form.cleaned_data["title"],
                intro=form.cleaned_data["intro"],
                translations=form.translations(),
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The section is added."))
            return redirect(f"{survey.get_absolute_url()}#section-{section.pk}")
    return _section_page(request, survey, form, None)


@login_required
def section_edit(request: HttpRequest, slug: str, pk: int, section_id: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    _may_change(request, survey)
    section = selectors.section_get(survey, section_id)
    form = SectionForm(request.POST or None, survey=survey, initial=section_initial(section))
    if request.method == "POST" and form.is_valid():
        try:
            services.section_update(
                section=section,
                actor=request.user,
                title=form.cleaned_data["title"],
                intro=form.cleaned_data["intro"],
                translations=form.translations(),
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The section is saved."))
            return redirect(f"{survey.get_absolute_url()}#section-{section.pk}")
    return _section_page(request, survey, form, section)


@login_required
def section_delete(request: HttpRequest, slug: str, pk: int, section_id: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    _may_change(request, survey)
    section = selectors.section_get(survey, section_id)
    error = ""
    if request.method == "POST":
        try:
            services.section_delete(section=section, actor=request.user)
        except DomainError as problem:
            error = str(problem)
        else:
            messages.success(request, _("The section is deleted."))
            return redirect(f"{survey.get_absolute_url()}#structure")
    return render(
        request,
        "surveys/manage/delete.html",
        {
            "space": survey.space,
            "survey": survey,
            "what": section.title,
            "is_section": True,
            "questions": section.questions.count(),
            "error": error,
        },
        status=400 if error else 200,
    )


@login_required
@post_or_manage
def section_move(request: HttpRequest, slug: str, pk: int, section_id: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    section = selectors.section_get(survey, section_id)
    try:
        services.section_move(
            section=section, actor=request.user, direction=request.POST.get("direction", "")
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The section is moved."))
    return redirect(f"{survey.get_absolute_url()}#section-{section.pk}")


# Questions ----------------------------------------------------------------------------------------


def _earlier(survey: Survey, *, before: Question | None, section: Section) -> list[Question]:
    """The questions that come before `before`, or before the end of `section` for a new question."""
    sections = selectors.survey_structure(survey)
    questions = selectors.ordered_questions(sections)
    if before is not None:
        index = next((i for i, q in enumerate(questions) if q.pk == before.pk), len(questions))
        return questions[:index]
    order = {s.pk: i for i, s in enumerate(sections)}
    return [q for q in questions if order[q.section_id] <= order.get(section.pk, len(sections))]


def _question_page(
    request: HttpRequest, survey: Survey, form: QuestionForm, section: Section, question: Question | None
) -> HttpResponse:
    return render(
        request,
        "surveys/manage/question_form.html",
        {"space": survey.space, "survey": survey, "form": form, "section": section, "question": question},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def question_create(request: HttpRequest, slug: str, pk: int, section_id: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    _may_change(request, survey)
    section = selectors.section_get(survey, section_id)
    earlier = _earlier(survey, before=None, section=section)
    form = QuestionForm(request.POST or None, survey=survey, earlier=earlier)
    if request.method == "POST" and form.is_valid():
        try:
            question = services.question_create(section=section, actor=request.user, **form.service_values())
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The question is added."))
            return redirect(f"{survey.get_absolute_url()}#question-{question.pk}")
    return _question_page(request, survey, form, section, None)


@login_required
def question_edit(request: HttpRequest, slug: str, pk: int, question_id: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    _may_change(request, survey)
    question = selectors.question_get(survey, question_id)
    locked = bool(getattr(question, "locked", False))
    earlier = _earlier(survey, before=question, section=question.section)
    form = QuestionForm(
        request.POST or None,
        survey=survey,
        earlier=earlier,
        locked=locked,
        initial=question_initial(question),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.question_update(question=question, actor=request.user, **form.service_values())
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The question is saved."))
            return redirect(f"{survey.get_absolute_url()}#question-{question.pk}")
    return _question_page(request, survey, form, question.section, question)


@login_required
def question_delete(request: HttpRequest, slug: str, pk: int, question_id: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    _may_change(request, survey)
    question = selectors.question_get(survey, question_id)
    error = ""
    if request.method == "POST":
        try:
            services.question_delete(question=question, actor=request.user)
        except DomainError as problem:
            error = str(problem)
        else:
            messages.success(request, _("The question is deleted."))
            return redirect(f"{survey.get_absolute_url()}#section-{question.section_id}")
    return render(
        request,
        "surveys/manage/delete.html",
        {"space": survey.space, "survey": survey, "what": question.text, "is_section": False, "error": error},
        status=400 if error else 200,
    )


@login_required
@post_or_manage
def question_move(request: HttpRequest, slug: str, pk: int, question_id: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    question = selectors.question_get(survey, question_id)
    try:
        services.question_move(
            question=question, actor=request.user, direction=request.POST.get("direction", "")
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The question is moved."))
    return redirect(f"{survey.get_absolute_url()}#question-{question.pk}")
