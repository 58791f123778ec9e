"""Answering a survey (anonymous link, resume link, kiosk) and entering paper forms and interviews.

The respondent's session holds only a signed {response id, easy-read} per survey; nothing names the
person. Respondent pages are never cached by the browser, so Back after a kiosk response shows
nothing of the previous person's answers."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from medvind.accounts.context_processors import preferences
from medvind.core import ratelimit
from medvind.core import selectors as core_selectors
from medvind.core.errors import DomainError, NotAllowed

from .. import collection, tasks
from ..collection import AlreadySubmitted, AnswerErrors, NotAccepting
from ..models import Response, ResponseMode, Survey
from ..respond_forms import AnswersForm, EntryForm, StartForm, Wording

SESSION_KEY = "surveys.answering"
KIOSK_KEY = "surveys.kiosk"
SECRET_KEY = "surveys.resume_secret"
SIGNING_SALT = "medvind.surveys.response"
START_LIMIT, START_WINDOW = 10, 3600  # new responses from one browser in an hour
ADDRESS_LIMIT = 600  # and from one address (a whole office may share one) in the same hour


def _language_names() -> dict[str, str]:
    names = {}
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        names[code] = str(info["name_local"]).capitalize()
    return names


def _survey(token: str) -> Survey:
    survey = collection.survey_by_token(token)
    if survey is None:
        raise Http404
    return survey


def _in_language(language: str, name: str, **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def _closed(request: HttpRequest, survey: Survey, message: str = "") -> HttpResponse:
    return render(
        request,
        "surveys/respond/notice.html",
        {
            "survey": survey,
            "heading": survey.title,
            "message": message or collection.closed_message(survey),
            "tone": "warning",
        },
    )


# The respondent's session -------------------------------------------------------------------------


def _remember(request: HttpRequest, survey: Survey, response: Response, easy_read: bool) -> None:
    held = dict(request.session.get(SESSION_KEY, {}))
    held[str(survey.pk)] = signing.dumps({"r": response.pk, "e": easy_read}, salt=SIGNING_SALT)
    request.session[SESSION_KEY] = held


def _forget(request: HttpRequest, survey: Survey) -> None:
    held = dict(request.session.get(SESSION_KEY, {}))
    held.pop(str(survey.pk), None)
    request.session[SESSION_KEY] = held


def _held(request: HttpRequest, survey: Survey) -> tuple[Response | None, bool]:
    value = request.session.get(SESSION_KEY, {}).get(str(survey.pk))
    if not value:
        return None, False
    try:
        data = signing.loads(value, salt=SIGNING_SALT)
    except signing.BadSignature:
        return None, False
    response = Response.objects.filter(pk=data.get("r"), survey=survey, submitted_at__isnull=True).first()
    if response is not None:
        response.survey = survey
    return response, bool(data.get("e"))


def _is_kiosk(request: HttpRequest, survey: Survey) -> bool:
    return survey.pk in request.session.get(KIOSK_KEY, [])


def _too_many_starts(request: HttpRequest, survey: Survey, kiosk: bool) -> bool:
    if not request.session.session_key:
        request.session.save()
    browser = signing.Signer(salt="medvind.surveys.browser").signature(request.session.session_key or "")[:16]
    if not kiosk and not ratelimit.hit(
        request, f"surveys.start.{survey.pk}:{browser}", limit=START_LIMIT, window_seconds=START_WINDOW
    ):
        return True
    return not ratelimit.hit(request, "surveys.start", limit=ADDRESS_LIMIT, window_seconds=START_WINDOW)


# Respondents --------------------------------------------------------------------------------------


@never_cache
def start(request: HttpRequest, token: str) -> HttpResponse:
    survey = _survey(token)
    if not survey.is_accepting():
        return _closed(request, survey)
    kiosk = _is_kiosk(request, survey)
    names = _language_names()
    current = request.LANGUAGE_CODE if request.LANGUAGE_CODE in survey.all_languages else survey.language
    form = StartForm(
        request.POST or None,
        survey=survey,
        language_names=names,
        initial={"language": current, "easy_read": preferences(request)["prefs"]["easy_read"]},
    )
    held, _easy = (None, False) if kiosk else _held(request, survey)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if _too_many_starts(request, survey, kiosk):
                form.add_error(
                    None,
                    _(
                        "Many answers were started from here in a short time. Please wait a while and try again."
                    ),
                )
                status = 429
            else:
                try:
                    response = collection.response_start(
                        survey=survey, actor=request.user, language=form.cleaned_data["language"], kiosk=kiosk
                    )
                except NotAccepting as error:
                    return _closed(request, survey, str(error))
                except DomainError as error:
                    form.add_error(None, str(error))
                else:
                    _remember(request, survey, response, form.cleaned_data["easy_read"])
                    return redirect(
                        _in_language(response.language, "surveys:answer_page", token=survey.token, number=1)
                    )
        if status == 200:
            status = 400
    count = survey.questions.count()
    return render(
        request,
        "surveys/respond/start.html",
        {
            "survey": survey,
            "form": form,
            "kiosk": kiosk,
            "held": held,
            "question_count": count,
            "minutes": max(2, (count + 1) // 2),
        },
        status=status,
    )


ACTIONS = ("next", "back", "later", "send")


@never_cache
def page(request: HttpRequest, token: str, number: int) -> HttpResponse:
    survey = _survey(token)
    response, easy_read = _held(request, survey)
    if response is None:
        return redirect("surveys:answer_start", token=survey.token)
    if not survey.is_accepting():
        return _closed(request, survey)
    questionnaire = collection.questionnaire_load(survey)
    answers = collection.draft_answers(response)
    sections = questionnaire.visible_sections(answers)
    if not sections:
        return _closed(request, survey, _("This survey has no questions yet."))
    if not 1 <= number <= len(sections):
        return redirect("surveys:answer_page", token=survey.token, number=min(max(number, 1), len(sections)))
    section = sections[number - 1]
    visible = questionnaire.visible_ids(answers)
    shown = [q for q in section.questions.all() if q.pk in visible]
    wording = Wording(survey, response.language, easy_read)
    kiosk = _is_kiosk(request, survey)
    action = request.POST.get("action", "next") if request.method == "POST" else ""
    form = AnswersForm(
        request.POST if request.method == "POST" else None,
        questions=shown,
        wording=wording,
        initial_answers=answers,
    )
    status = 200
    if request.method == "POST" and action in ACTIONS:
        if action == "later" and kiosk:
            action = "next"
        if form.is_valid():
            try:
                if action == "later":
                    secret = collection.response_save_for_later(
                        response=response,
                        questionnaire=questionnaire,
                        section=section,
                        answers=form.answers(),
                    )
                    request.session[SECRET_KEY] = {"survey": survey.pk, "secret": secret}
                    return redirect("surveys:answer_saved", token=survey.token)
                collection.response_save_page(
                    response=response,
                    questionnaire=questionnaire,
                    section=section,
                    answers=form.answers(),
                    enforce_required=action in ("next", "send"),
                )
            except AnswerErrors as error:
                form.add_answer_errors(error.errors)
            except AlreadySubmitted:
                _forget(request, survey)
                return redirect("surveys:answer_done", token=survey.token)
            except NotAccepting as error:
                return _closed(request, survey, str(error))
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                return _after_save(request, survey, questionnaire, response, section, shown, action, kiosk)
        elif action in ("next", "send"):
            _add_required_errors(form, questionnaire, shown, answers)
        status = 400
    return render(
        request,
        "surveys/respond/page.html",
        {
            "survey": survey,
            "form": form,
            "section": section,
            "section_title": wording.section_title(section),
            "section_intro": wording.section_intro(section),
            "number": number,
            "count": len(sections),
            "last": number == len(sections),
            "kiosk": kiosk,
            "response_language": response.language,
            "body_classes": _body_classes(request, easy_read),
        },
        status=status,
    )


def _add_required_errors(
    form: AnswersForm, questionnaire: collection.Questionnaire, shown: list, answers: dict
) -> None:
    """With some answers refused already, also say which required questions are still unanswered."""
    try:
        collection.check_answers(questionnaire, form.answers(), questions=shown, earlier=answers)
    except AnswerErrors as error:
        form.add_answer_errors(
            {pk: message for pk, message in error.errors.items() if f"q{pk}" not in form.errors}
        )
    except DomainError:
        pass


def _body_classes(request: HttpRequest, easy_read: bool) -> str:
    classes = preferences(request)["body_classes"].split()
    if easy_read and "mv-easy-read" not in classes:
        classes.append("mv-easy-read")
    return " ".join(classes)


def _after_save(
    request: HttpRequest,
    survey: Survey,
    questionnaire: collection.Questionnaire,
    response: Response,
    section: Any,
    shown: list,
    action: str,
    kiosk: bool,
) -> HttpResponse:
    answers = collection.draft_answers(response)
    sections = questionnaire.visible_sections(answers)
    index = next((i for i, s in enumerate(sections) if s.pk == section.pk), 0)
    here = index + 1
    visible = questionnaire.visible_ids(answers)
    shown_ids = {q.pk for q in shown}
    opened = [q for q in section.questions.all() if q.pk in visible and q.pk not in shown_ids]
    if opened and action in ("next", "send"):
        messages.info(request, _("Your answer opened another question on this page. Please look at it too."))
        return redirect("surveys:answer_page", token=survey.token, number=here)
    if action == "back":
        return redirect("surveys:answer_page", token=survey.token, number=max(here - 1, 1))
    if action == "next" and here < len(sections):
        return redirect("surveys:answer_page", token=survey.token, number=here + 1)
    if action == "next":
        return redirect("surveys:answer_page", token=survey.token, number=here)
    try:
        collection.response_submit(response=response, questionnaire=questionnaire)
    except AnswerErrors as error:
        first = min(
            (i for i, s in enumerate(sections) if any(q.pk in error.errors for q in s.questions.all())),
            default=0,
        )
        messages.error(request, _("Some questions still need an answer. Please look at this page."))
        return redirect("surveys:answer_page", token=survey.token, number=first + 1)
    except AlreadySubmitted:
        pass
    except NotAccepting as error:
        return _closed(request, survey, str(error))
    _forget(request, survey)
    if kiosk:
        messages.success(request, _("Thank you! The answers are sent. The next person can start now."))
        return redirect("surveys:answer_start", token=survey.token)
    return redirect("surveys:answer_done", token=survey.token)


@never_cache
def done(request: HttpRequest, token: str) -> HttpResponse:
    survey = _survey(token)
    return render(
        request,
        "surveys/respond/notice.html",
        {
            "survey": survey,
            "heading": _("Thank you!"),
            "message": _("Your answers are sent. They help make the service better."),
            "tone": "success",
        },
    )


@never_cache
def saved(request: HttpRequest, token: str) -> HttpResponse:
    survey = _survey(token)
    held = request.session.pop(SECRET_KEY, None)
    link = ""
    if isinstance(held, dict) and held.get("survey") == survey.pk:
        link = request.build_absolute_uri(
            reverse("surveys:answer_resume", kwargs={"token": survey.token, "secret": held["secret"]})
        )
    response, _easy = _held(request, survey)
    return render(
        request,
        "surveys/respond/saved.html",
        {"survey": survey, "link": link, "held": response, "days": tasks.UNSENT_DAYS},
    )


@never_cache
def resume(request: HttpRequest, token: str, secret: str) -> HttpResponse:
    survey = _survey(token)
    response = collection.response_by_secret(survey, secret)
    if response is None:
        return render(
            request,
            "surveys/respond/notice.html",
            {
                "survey": survey,
                "heading": _("This link does not work"),
                "message": _(
                    "The answers may already be sent, or the link is old: each time you save, you get a new link."
                ),
                "tone": "warning",
                "start_link": survey.is_accepting(),
            },
            status=404,
        )
    if response.submitted_at is not None:
        return render(
            request,
            "surveys/respond/notice.html",
            {
                "survey": survey,
                "heading": survey.title,
                "message": _("These answers are already sent. Thank you!"),
                "tone": "info",
            },
        )
    if not survey.is_accepting():
        return _closed(request, survey)
    response.survey = survey
    _remember(request, survey, response, easy_read=False)
    number = collection.first_open_section(collection.questionnaire_load(survey), response) + 1
    messages.info(request, _("Welcome back. Your answers are kept. Go on where you stopped."))
    return redirect(_in_language(response.language, "surveys:answer_page", token=survey.token, number=number))


@never_cache
@login_required
def kiosk(request: HttpRequest, token: str) -> HttpResponse:
    survey = _survey(token)
    if not request.user.has_perm("surveys.change_survey", survey):
        raise NotAllowed("surveys.change_survey")
    if not survey.is_accepting():
        return _closed(request, survey)
    if request.method == "POST":
        try:
            collection.kiosk_start_record(actor=request.user, survey=survey)
        except DomainError as error:
            return _closed(request, survey, str(error))
        language = request.LANGUAGE_CODE
        logout(request)  # respondents on the shared tablet must not act as the person who set it up
        request.session[KIOSK_KEY] = [survey.pk]
        messages.success(request, _("Kiosk mode is on. Hand the tablet to the first person."))
        return redirect(_in_language(language, "surveys:answer_start", token=survey.token))
    return render(request, "surveys/respond/kiosk.html", {"survey": survey})


# Entering responses -------------------------------------------------------------------------------


@never_cache
@login_required
def enter(request: HttpRequest, slug: str, pk: int, mode: str) -> HttpResponse:
    if mode not in collection.ENTERED_MODES:
        raise Http404
    space = core_selectors.space_get(request.user, slug)
    survey = Survey.objects.filter(space=space, pk=pk).select_related("space").first()
    if survey is None:
        raise Http404
    if not request.user.has_perm("surveys.change_survey", survey):
        raise NotAllowed("surveys.enter_response")
    if not survey.is_accepting():
        return _closed(request, survey)
    questionnaire = collection.questionnaire_load(survey)
    interview = mode == ResponseMode.INTERVIEW
    form = EntryForm(
        request.POST or None,
        survey=survey,
        questionnaire=questionnaire,
        wording=Wording(survey, survey.language),
        interview=interview,
        language_names=_language_names(),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                collection.response_enter(
                    survey=survey,
                    actor=request.user,
                    mode=mode,
                    language=form.cleaned_data["language"],
                    answers=form.answers(),
                    notes=form.cleaned_data.get("notes", ""),
                    questionnaire=questionnaire,
                )
            except AnswerErrors as error:
                form.add_answer_errors(error.errors)
            except NotAccepting as error:
                return _closed(request, survey, str(error))
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("The interview is saved. You can record the next one.")
                    if interview
                    else _("The paper form is saved. You can type in the next one."),
                )
                return redirect("surveys:enter", slug=space.slug, pk=survey.pk, mode=mode)
        status = 400
    entered = survey.responses.filter(mode=mode, entered_by=request.user.pk).count()
    return render(
        request,
        "surveys/respond/enter.html",
        {
            "space": space,
            "survey": survey,
            "form": form,
            "mode": mode,
            "interview": interview,
            "entered": entered,
        },
        status=status,
    )
