import csv
from collections.abc import Callable
from functools import wraps
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from medvind.core import ratelimit
from medvind.core import selectors as core_selectors
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import Space
from medvind.core.pagination import paginate

from . import live, selectors, services
from .forms import EventForm, JoinForm, PollForm, QuestionForm, VoteForm
from .models import Event, EventStatus, Poll, PollStatus, Question, QuestionStatus
from .workflow import allowed_next

QUESTION_LIMIT, QUESTION_WINDOW = 5, 60  # questions from one browser
VOTE_LIMIT, VOTE_WINDOW = 60, 60  # upvotes and poll votes from one browser


def _space(request: HttpRequest, slug: str) -> Space:
    return core_selectors.space_get(request.user, slug)


def _event(request: HttpRequest, slug: str, pk: int) -> Event:
    return selectors.event_get(request.user, _space(request, slug), pk)


def _runs(request: HttpRequest, event: Event, perm: str = "events.present_event") -> None:
    if not request.user.has_perm(perm, event):
        raise NotAllowed(perm)


def post_or_manage(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """An action's address opened without a form (after switching language) shows the event."""

    @wraps(view)
    def call(request: HttpRequest, slug: str, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            return redirect("events:manage", slug=slug, pk=pk)
        return view(request, slug, pk, *args, **kwargs)

    return call


# Facilitators -------------------------------------------------------------------------------------


def event_list(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    return render(
        request,
        "events/list.html",
        {"space": space, "page": paginate(request, selectors.events_of_space(request.user, space), 20)},
    )


@login_required
def event_create(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    if not request.user.has_perm("events.create_event", space):
        raise NotAllowed("events.create_event")
    form = EventForm(request.POST or None, initial={"postbox_days": 7})
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(space=space, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The event is made. Its short code is %(code)s.") % {"code": event.code}
            )
            return redirect(event.get_absolute_url())
    return render(request, "events/form.html", {"space": space, "form": form, "event": None})


@login_required
def event_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _event(request, slug, pk)
    _runs(request, event, "events.change_event")
    initial = {f: getattr(event, f) for f in services.EVENT_EDITABLE}
    initial["starts_at"] = timezone.localtime(event.starts_at)
    initial["ends_at"] = timezone.localtime(event.ends_at)
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event=event, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The event is saved."))
            return redirect(event.get_absolute_url())
    return render(request, "events/form.html", {"space": event.space, "form": form, "event": event})


def event_manage(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The moderator view for facilitators; everyone else is sent to the audience page."""
    event = _event(request, slug, pk)
    if not request.user.has_perm("events.present_event", event):
        return redirect(event.audience_url())
    status = request.GET.get("status", "")
    status = status if status in QuestionStatus.values else ""
    counts = selectors.question_counts(event)
    return render(
        request,
        "events/manage.html",
        {
            "space": event.space,
            "event": event,
            "status": status,
            "statuses": QuestionStatus.choices,
            "counts": counts,
            "version": live.current_version(event.pk),
            "page": paginate(request, selectors.moderation_questions(event, status), 20),
            "polls": selectors.polls(event),
            "poll_form": PollForm(),
            "waiting": counts[QuestionStatus.PENDING],
            "next_statuses": [(s, EventStatus(s).label) for s in allowed_next(event.status)],
            "audience_link": request.build_absolute_uri(event.audience_url()),
            "short_link": request.build_absolute_uri(f"/e/{event.code}/"),
        },
    )


def manage_live(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The moderator view polls this: how many questions wait, with a link that reloads the list."""
    event = _event(request, slug, pk)
    _runs(request, event)
    version = live.current_version(event.pk)
    if request.GET.get("v") == str(version):
        return live.not_modified(version)
    response = render(
        request,
        "events/_manage_live.html",
        {
            "space": event.space,
            "event": event,
            "version": version,
            "waiting": selectors.question_counts(event)[QuestionStatus.PENDING],
        },
    )
    response["X-Event-Version"] = str(version)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@post_or_manage
def event_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _event(request, slug, pk)
    try:
        services.event_set_status(event=event, actor=request.user, status=request.POST.get("status", ""))
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The event is now “%(status)s”.") % {"status": EventStatus(event.status).label}
        )
    return redirect(event.get_absolute_url())


MODERATION_MESSAGES = {
    "approve": gettext_lazy("The question is shown."),
    "hide": gettext_lazy("The question is hidden."),
    "answer": gettext_lazy("The question is marked as answered."),
    "unanswer": gettext_lazy("The question is no longer marked as answered."),
    "highlight": gettext_lazy("The question is highlighted on the screen."),
    "unhighlight": gettext_lazy("The question is no longer highlighted."),
}


@login_required
@post_or_manage
def question_moderate(request: HttpRequest, slug: str, pk: int, question_id: int) -> HttpResponse:
    event = _event(request, slug, pk)
    question = selectors.question_get(event, question_id)
    action = request.POST.get("action", "")
    try:
        services.question_moderate(question=question, actor=request.user, action=action)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, str(MODERATION_MESSAGES[action]))
    return redirect(_back_to_manage(request, event))


@login_required
@post_or_manage
def question_proposal(request: HttpRequest, slug: str, pk: int, question_id: int) -> HttpResponse:
    event = _event(request, slug, pk)
    question = selectors.question_get(event, question_id)
    try:
        proposal = services.question_to_proposal(question=question, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect(_back_to_manage(request, event))
    messages.success(request, _("The input is now a proposal. It links back to the event."))
    return redirect(proposal.get_absolute_url())


def _back_to_manage(request: HttpRequest, event: Event) -> str:
    url = event.get_absolute_url()
    status = request.POST.get("status_filter", "")
    page = request.POST.get("page", "")
    query = "&".join(
        part
        for part in (
            f"status={status}" if status in QuestionStatus.values else "",
            f"page={page}" if page.isdigit() else "",
        )
        if part
    )
    return f"{url}?{query}#questions" if query else f"{url}#questions"


@login_required
@post_or_manage
def poll_create(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _event(request, slug, pk)
    _runs(request, event, "events.moderate_event")
    form = PollForm(request.POST)
    if form.is_valid():
        try:
            services.poll_create(
                event=event,
                actor=request.user,
                question=form.cleaned_data["question"],
                options=form.cleaned_data["options"],
                multiple=form.cleaned_data["multiple"],
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The poll is made. Open it when the audience should vote."))
            return redirect(f"{event.get_absolute_url()}#polls")
    return render(request, "events/poll_form.html", {"space": event.space, "event": event, "form": form})


@login_required
@post_or_manage
def poll_status(request: HttpRequest, slug: str, pk: int, poll_id: int) -> HttpResponse:
    event = _event(request, slug, pk)
    poll = selectors.poll_get(event, poll_id)
    status = request.POST.get("status", "")
    try:
        services.poll_set_status(poll=poll, actor=request.user, status=status)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The poll is open for votes.") if status == PollStatus.OPEN else _("The poll is closed."),
        )
    return redirect(f"{event.get_absolute_url()}#polls")


@login_required
def export_csv(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _event(request, slug, pk)
    _runs(request, event, "events.export_event")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"event-{event.code}.csv")
    response.write("\ufeff")  # spreadsheets then read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Number"),
            _("Written"),
            _("Name"),
            _("Text"),
            _("Status"),
            _("Answered"),
            _("Highlighted"),
            _("Postbox"),
            _("Votes"),
            _("Proposal"),
        ]
    )
    for q in selectors.export_rows(event).iterator(chunk_size=500):
        writer.writerow(
            [
                q.pk,
                timezone.localtime(q.created_at).isoformat(timespec="minutes"),
                _csv_safe(q.name),
                _csv_safe(q.text),
                q.status,
                int(q.answered),
                int(q.highlighted),
                int(q.via_postbox),
                q.upvote_count,
                request.build_absolute_uri(q.proposal.get_absolute_url()) if q.proposal else "",
            ]
        )
    return response


def _csv_safe(value: str) -> str:
    """Spreadsheets run cells that start with these characters as formulas."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def present(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _event(request, slug, pk)
    _runs(request, event)
    since = int(timezone.now().timestamp() * 1000)
    return render(
        request,
        "events/present.html",
        {
            "space": event.space,
            "event": event,
            # Rendered by our own autoescaping template.
            "live": mark_safe(_presenter_fragment(request, event, since)[0]),  # noqa: S308
        },
    )


def present_live(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _event(request, slug, pk)
    _runs(request, event)
    version = live.current_version(event.pk)
    if request.GET.get("v") == str(version):
        return live.not_modified(version)
    try:
        since = int(request.GET.get("since", "0"))
    except ValueError:
        since = 0
    html, news = _presenter_fragment(request, event, since)
    response = HttpResponse(html + news)
    response["X-Event-Version"] = str(version)
    response["Cache-Control"] = "no-store"
    return response


def _presenter_fragment(request: HttpRequest, event: Event, since: int) -> tuple[str, str]:
    version = live.current_version(event.pk)
    event = selectors.event_by_id(event.pk)
    new = selectors.new_since(event, max(0, min(since, 2**41)))
    if new:
        latest = new[-1].approved_at
        since = int(latest.timestamp() * 1000) if latest else since
    context = {
        "event": event,
        "version": version,
        "since": since,
        "questions": selectors.shown_questions(event, limit=12),
        "polls": [p for p in selectors.audience_polls(event) if p.status == PollStatus.OPEN][:1],
        "live_url": reverse("events:present_live", kwargs={"slug": event.space.slug, "pk": event.pk}),
    }
    html = render_to_string("events/_present_live.html", context)
    news = render_to_string("events/_present_news.html", {"new": new}) if new else ""
    return html, news


# The audience -------------------------------------------------------------------------------------


def join(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        code = form.cleaned_data["code"]
        event = Event.objects.filter(code=code).select_related("space").first()
        if event is not None and request.user.has_perm("events.view_event", event):
            return redirect(event.audience_url())
        form.add_error("code", _("No event has this code. Check the code on the screen and try again."))
    return render(request, "events/join.html", {"form": form}, status=404 if form.errors else 200)


def _audience_event(request: HttpRequest, code: str) -> Event:
    return selectors.event_by_code(request.user, services.normalise_code(code))


def audience(
    request: HttpRequest, code: str, *, form: QuestionForm | None = None, status: int = 200
) -> HttpResponse:
    normal = services.normalise_code(code)
    if not normal:
        raise Http404
    if normal != code:
        return redirect("events:audience", code=normal)
    event = _audience_event(request, code)
    version = live.current_version(event.pk)
    return render(
        request,
        "events/audience.html",
        {
            "event": event,
            "space": event.space,
            "form": form or QuestionForm(),
            # Rendered by our own autoescaping template (cached with a placeholder for the CSRF token).
            "live": mark_safe(_audience_fragment(request, event.pk, version)),  # noqa: S308
        },
        status=status,
    )


def audience_live(request: HttpRequest, code: str) -> HttpResponse:
    """What the audience page polls every 2 seconds. Built to touch neither the database nor the
    template engine while nothing changes (see live.py)."""
    code = services.normalise_code(code)
    meta = live.event_meta(code)
    if meta is None:
        raise Http404
    if not meta["public"]:
        _audience_event(request, code)  # checks who may see it
    version = live.current_version(meta["id"])
    if request.GET.get("v") == str(version):
        return live.not_modified(version)
    response = HttpResponse(_audience_fragment(request, meta["id"], version))
    response["X-Event-Version"] = str(version)
    response["Cache-Control"] = "no-store"
    return response


def _audience_fragment(request: HttpRequest, event_id: int, version: int) -> str:
    key = live.fragment_key("audience", event_id, version, request.LANGUAGE_CODE)
    html = live.fragment_get(key)
    if html is None:
        event = selectors.event_by_id(event_id)
        polls = selectors.audience_polls(event)
        html = render_to_string(
            "events/_audience_live.html",
            {
                "event": event,
                "version": version,
                "questions": selectors.shown_questions(event),
                "polls": [(p, VoteForm(poll=p) if p.status == PollStatus.OPEN else None) for p in polls],
                "live_url": reverse("events:audience_live", kwargs={"code": event.code}),
                "csrf_token": live.CSRF_PLACEHOLDER,
            },
        )
        live.fragment_set(key, html)
    return html.replace(live.CSRF_PLACEHOLDER, get_token(request))


def _voter_response(request: HttpRequest, response: HttpResponse, token: str, new: bool) -> HttpResponse:
    if new:
        live.set_voter_cookie(response, token, request)
    return response


def _flood(request: HttpRequest, scope: str, token: str, limit: int, window: int) -> bool:
    # Keyed by the browser's token: a whole venue shares one address on its wifi.
    return not ratelimit.hit(
        request, f"events.{scope}:{live.voter_hash(token)[:16]}", limit=limit, window_seconds=window
    )


def ask(request: HttpRequest, code: str) -> HttpResponse:
    event = _audience_event(request, code)
    if request.method != "POST":
        return redirect(event.audience_url())
    token, new = live.ensure_voter(request)
    form = QuestionForm(request.POST)
    if form.is_valid():
        if _flood(request, "ask", token, QUESTION_LIMIT, QUESTION_WINDOW):
            form.add_error(
                None, _("You have sent many questions in a short time. Please wait a minute and try again.")
            )
        else:
            try:
                question = services.question_ask(
                    event=event,
                    actor=request.user,
                    text=form.cleaned_data["text"],
                    name=form.cleaned_data["name"],
                )
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                if question.status == QuestionStatus.PENDING:
                    messages.success(
                        request, _("Thank you! A moderator will look at your question before it is shown.")
                    )
                elif question.via_postbox:
                    messages.success(request, _("Thank you! Your input is in the postbox."))
                else:
                    messages.success(request, _("Thank you! Your question is shown."))
                response = redirect(f"{event.audience_url()}#questions")
                return _voter_response(request, response, token, new)
    return _voter_response(request, audience(request, event.code, form=form, status=400), token, new)


@require_POST
def upvote(request: HttpRequest, code: str, question_id: int) -> HttpResponse:
    event = _audience_event(request, code)
    question = Question.objects.filter(event=event, pk=question_id).first()
    token, new = live.ensure_voter(request)
    response = redirect(f"{event.audience_url()}#question-{question_id}")
    result = "refused"
    if question is None:
        result = "missing"
        messages.error(request, _("This question is no longer shown."))
    elif _flood(request, "vote", token, VOTE_LIMIT, VOTE_WINDOW):
        result = "flood"
        messages.error(
            request, _("You have voted many times in a short time. Please wait a minute and try again.")
        )
    else:
        question.event = event
        try:
            counted = services.question_upvote(question=question, actor=request.user, voter=token)
        except DomainError as error:
            result = f"refused:{question.status}:{event.status}"
            messages.error(request, str(error))
        else:
            if counted:
                result = "counted"
                messages.success(request, _("Thank you! Your vote is counted."))
            else:
                result = "duplicate"
                messages.info(request, _("You have already voted for this question."))
    response["X-Event-Result"] = result  # for scripts (the benchmark); people read the message
    return _voter_response(request, response, token, new)


@require_POST
def vote(request: HttpRequest, code: str, poll_id: int) -> HttpResponse:
    event = _audience_event(request, code)
    poll = Poll.objects.filter(event=event, pk=poll_id).prefetch_related("options").first()
    token, new = live.ensure_voter(request)
    response = redirect(f"{event.audience_url()}#poll-{poll_id}")
    if poll is None:
        messages.error(request, _("This poll is no longer shown."))
        return _voter_response(request, response, token, new)
    poll.event = event
    form = VoteForm(request.POST, poll=poll)
    if not form.is_valid():
        messages.error(request, _("Choose an answer before you vote."))
    elif _flood(request, "vote", token, VOTE_LIMIT, VOTE_WINDOW):
        messages.error(
            request, _("You have voted many times in a short time. Please wait a minute and try again.")
        )
    else:
        try:
            counted = services.poll_vote(
                poll=poll, actor=request.user, voter=token, option_ids=form.option_ids()
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            if counted:
                messages.success(request, _("Thank you! Your vote is counted."))
            else:
                messages.info(request, _("You have already voted in this poll."))
    return _voter_response(request, response, token, new)


def qr_svg(request: HttpRequest, code: str) -> HttpResponse:
    event = _audience_event(request, code)
    key = f"events:qr:{event.code}:{request.get_host()}"
    svg = cache.get(key)
    if svg is None:
        url = request.build_absolute_uri(f"/e/{event.code}/")
        image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=4)
        svg = image.to_string(encoding="unicode")
        cache.set(key, svg, 3600)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response
