import csv
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from medvind.core import selectors as core_selectors
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import Space
from medvind.core.pagination import paginate
from medvind.proposals.models import Proposal

from . import calendar, selectors, services
from .forms import (
    ActionForm,
    AgendaProposeForm,
    CancelForm,
    DecisionForm,
    ListingForm,
    MeetingForm,
    MinutesForm,
    RegistrationForm,
)
from .models import ActionItem, AgendaItem, Meeting, MinutesState, space_time_zone
from .notifications import read_unsubscribe_token


def _space(request: HttpRequest, slug: str) -> Space:
    space = core_selectors.space_get(request.user, slug)
    if space.kind != Space.Kind.FORUM:
        raise Http404
    return space


def _meeting(request: HttpRequest, slug: str, pk: int) -> Meeting:
    return selectors.meeting_get(request.user, _space(request, slug), pk)


def _check(request: HttpRequest, perm: str, obj: Any) -> None:
    if not request.user.has_perm(perm, obj):
        raise NotAllowed(perm)


def in_forum_time(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Times on forum pages are read and shown in the time zone of the organisation running the forum."""

    @wraps(view)
    def call(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
        space = Space.objects.filter(slug=slug).first()
        if space is None:
            raise Http404
        with timezone.override(space_time_zone(space)):
            return view(request, slug, *args, **kwargs)

    return call


def post_or_meeting(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def call(request: HttpRequest, slug: str, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            return redirect("forums:meeting", slug=slug, pk=pk)
        return view(request, slug, pk, *args, **kwargs)

    return call


@in_forum_time
def meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    return render(
        request,
        "forums/meeting_list.html",
        {
            "space": space,
            "upcoming": paginate(request, selectors.upcoming_meetings(space), 20, param="page"),
            "past": paginate(request, selectors.past_meetings(space), 20, param="past"),
            "time_zone": timezone.get_current_timezone_name(),
        },
    )


@login_required
@in_forum_time
def meeting_create(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    _check(request, "forums.create_meeting", space)
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(space=space, actor=request.user, **form.service_values())
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The meeting is created."))
            return redirect(meeting.get_absolute_url())
    return render(
        request,
        "forums/meeting_form.html",
        {"space": space, "form": form, "time_zone": timezone.get_current_timezone_name()},
        status=400 if form.errors else 200,
    )


@login_required
@in_forum_time
def meeting_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    _check(request, "forums.change_meeting", meeting)
    form = MeetingForm(
        request.POST if request.method == "POST" else None, initial=MeetingForm.initial_from(meeting)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, actor=request.user, **form.service_values())
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The changes are saved."))
            return redirect(meeting.get_absolute_url())
    return render(
        request,
        "forums/meeting_form.html",
        {
            "space": meeting.space,
            "meeting": meeting,
            "form": form,
            "time_zone": timezone.get_current_timezone_name(),
        },
        status=400 if form.errors else 200,
    )


@login_required
@in_forum_time
def meeting_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    _check(request, "forums.change_meeting", meeting)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_cancel(meeting=meeting, actor=request.user, reason=form.cleaned_data["reason"])
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The meeting is cancelled. Everyone registered is told by email."))
        return redirect(meeting.get_absolute_url())
    return render(
        request, "forums/meeting_cancel.html", {"space": meeting.space, "meeting": meeting, "form": form}
    )


@login_required
@post_or_meeting
def meeting_held(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    try:
        services.meeting_mark_held(meeting=meeting, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The meeting is marked as held. You can now mark attendance and write minutes.")
        )
    return redirect(meeting.get_absolute_url())


def _meeting_page(
    request: HttpRequest, meeting: Meeting, *, agenda_form: AgendaProposeForm | None = None, status: int = 200
) -> HttpResponse:
    context = {
        "space": meeting.space,
        "meeting": meeting,
        "agenda_form": agenda_form or AgendaProposeForm(),
        "time_zone": timezone.get_current_timezone_name(),
        **selectors.meeting_detail(request.user, meeting),
    }
    if context["own_registration"] is not None and context["own_registration"].status == "waiting":
        context["waiting_position"] = selectors.waiting_position(context["own_registration"])
    return render(request, "forums/meeting_detail.html", context, status=status)


@in_forum_time
def meeting_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _meeting_page(request, _meeting(request, slug, pk))


@in_forum_time
def register(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    if not request.user.is_authenticated:
        return redirect(f"{_login_url()}?next={request.path}")
    _check(request, "forums.register_for_meeting", meeting)
    own = selectors.meeting_detail(request.user, meeting)["own_registration"]
    initial = {}
    if own is not None:
        initial = {f: getattr(own, f) for f in ("interpreter", "assistance", "diet", "needs_text")}
    form = RegistrationForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if own is not None:
                services.registration_update_needs(registration=own, actor=request.user, **form.cleaned_data)
                messages.success(request, _("Your needs are saved."))
            else:
                registration = services.registration_create(
                    meeting=meeting, actor=request.user, **form.cleaned_data
                )
                if registration.status == "waiting":
                    messages.warning(
                        request,
                        _(
                            "The meeting is full, so you are on the waiting list. We email you if a place becomes free."
                        ),
                    )
                else:
                    messages.success(request, _("You are registered. Welcome!"))
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            return redirect(meeting.get_absolute_url())
    return render(
        request,
        "forums/register.html",
        {"space": meeting.space, "meeting": meeting, "form": form, "own_registration": own},
        status=400 if form.errors else 200,
    )


@login_required
@post_or_meeting
def unregister(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    try:
        services.registration_cancel(meeting=meeting, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(meeting.get_absolute_url())


@login_required
@in_forum_time
def registration_list(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    _check(request, "forums.view_registrations", meeting)
    if request.method == "POST":
        attended: dict[int, bool | None] = {}
        for key, value in request.POST.items():
            if key.startswith("attended_") and key[9:].isdigit():
                attended[int(key[9:])] = {"yes": True, "no": False}.get(str(value))
        try:
            services.attendance_mark(meeting=meeting, actor=request.user, attended=attended)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Attendance is saved."))
        return redirect("forums:registrations", slug=slug, pk=pk)
    return render(
        request,
        "forums/registrations.html",
        {
            "space": meeting.space,
            "meeting": meeting,
            "page": paginate(request, selectors.registrations(meeting), 100),
        },
    )


def _csv_safe(value: str) -> str:
    """Spreadsheets run cells that start with these characters as formulas."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@login_required
def registrations_csv(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    _check(request, "forums.view_registrations", meeting)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}-registrations.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        ["name", "email", "status", "interpreter", "assistance", "diet", "other_needs", "attended"]
    )
    for r in selectors.registrations(meeting).iterator(chunk_size=500):
        writer.writerow(
            [
                _csv_safe(r.user.public_name),
                _csv_safe(r.user.email),
                r.status,
                _csv_safe(r.interpreter),
                "yes" if r.assistance else "",
                _csv_safe(r.diet),
                _csv_safe(r.needs_text),
                {True: "yes", False: "no", None: ""}[r.attended],
            ]
        )
    return response


@login_required
@post_or_meeting
@in_forum_time
def agenda_propose(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    _check(request, "forums.propose_agenda_item", meeting)
    proposal_id = request.POST.get("proposal", "")
    try:
        if proposal_id:
            proposal = Proposal.objects.filter(pk=int(proposal_id) if proposal_id.isdigit() else 0).first()
            if proposal is None:
                raise DomainError(_("Choose a proposed meeting theme from this forum."))
            services.agenda_from_proposal(meeting=meeting, actor=request.user, proposal=proposal)
        else:
            form = AgendaProposeForm(request.POST)
            if not form.is_valid():
                return _meeting_page(request, meeting, agenda_form=form, status=400)
            services.agenda_propose(meeting=meeting, actor=request.user, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your theme is proposed. Members can now vote for it."))
    return redirect(meeting.get_absolute_url() + "#proposed-heading")


@login_required
@post_or_meeting
def agenda_vote(request: HttpRequest, slug: str, pk: int, item_id: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    item = AgendaItem.objects.filter(meeting=meeting, pk=item_id).select_related("meeting").first()
    if item is None:
        raise Http404
    try:
        if request.POST.get("action") == "withdraw":
            services.agenda_unvote(item=item, actor=request.user)
            messages.success(request, _("Your vote is withdrawn."))
        else:
            _check(request, "forums.vote_agenda_item", item)
            if services.agenda_vote(item=item, actor=request.user):
                messages.success(request, _("Thank you. Your vote is counted."))
            else:
                messages.info(request, _("You have already voted for this theme."))
    except DomainError as error:
        messages.error(request, str(error))
    return redirect(meeting.get_absolute_url() + f"#item-{item.pk}")


@login_required
@in_forum_time
def agenda_manage(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    _check(request, "forums.schedule_agenda", meeting)
    if request.method == "POST":
        item = AgendaItem.objects.filter(meeting=meeting, pk=request.POST.get("item", "0") or 0).first()
        position = request.POST.get("position", "")
        try:
            if item is None:
                raise DomainError(_("This item belongs to another meeting."))
            if not position.strip().isdigit():
                raise DomainError(_("Give the place in the order as a number from 0 to 999."))
            services.agenda_arrange(
                meeting=meeting,
                actor=request.user,
                item=item,
                status=request.POST.get("status", ""),
                position=int(position),
            )
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The agenda is saved."))
        return redirect("forums:agenda_manage", slug=slug, pk=pk)
    return render(
        request,
        "forums/agenda_manage.html",
        {
            "space": meeting.space,
            "meeting": meeting,
            "items": selectors.agenda_for_arranging(meeting),
            "statuses": AgendaItem.Status.choices,
        },
    )


@login_required
@in_forum_time
def minutes(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    _check(request, "forums.write_minutes", meeting)
    items = selectors.minutes_items(meeting)
    members = selectors.space_members_as_users(meeting.space)
    proposals = selectors.answerable_proposals(meeting.space)
    item_qs = AgendaItem.objects.filter(meeting=meeting, status=AgendaItem.Status.SCHEDULED)
    post = request.POST if request.method == "POST" else None
    which = request.POST.get("form", "") if post else ""
    minutes_form = MinutesForm(
        post if which == "minutes" else None, items=items, initial={"summary": meeting.minutes_summary}
    )
    decision_form = DecisionForm(post if which == "decision" else None, items=item_qs, proposals=proposals)
    action_form = ActionForm(post if which == "action" else None, members=members)
    status = 200
    if post:
        try:
            if which == "minutes" and minutes_form.is_valid():
                services.minutes_save(
                    meeting=meeting,
                    actor=request.user,
                    summary=minutes_form.cleaned_data["summary"],
                    notes=minutes_form.notes(),
                )
                messages.success(request, _("The minutes are saved as a draft."))
                return redirect("forums:minutes", slug=slug, pk=pk)
            if which == "decision" and decision_form.is_valid():
                data = decision_form.cleaned_data
                services.decision_add(
                    meeting=meeting,
                    actor=request.user,
                    text=data["text"],
                    agenda_item=data["agenda_item"],
                    proposal=data["proposal"],
                    proposal_status=data["proposal_status"],
                )
                messages.success(request, _("The decision is added."))
                return redirect("forums:minutes", slug=slug, pk=pk)
            if which == "action" and action_form.is_valid():
                data = action_form.cleaned_data
                services.action_add(meeting=meeting, actor=request.user, **data)
                messages.success(request, _("The action item is added."))
                return redirect("forums:minutes", slug=slug, pk=pk)
            if which in ("publish", "unpublish"):
                state = MinutesState.PUBLISHED if which == "publish" else MinutesState.DRAFT
                services.minutes_set_state(meeting=meeting, actor=request.user, state=state)
                messages.success(
                    request,
                    _("The minutes are published to the forum.")
                    if which == "publish"
                    else _("The minutes are a draft again."),
                )
                return redirect("forums:minutes", slug=slug, pk=pk)
        except DomainError as error:
            form = {"minutes": minutes_form, "decision": decision_form, "action": action_form}.get(which)
            if form is None:
                messages.error(request, str(error))
                return redirect("forums:minutes", slug=slug, pk=pk)
            form.add_error(None, str(error))
        status = 400
    return render(
        request,
        "forums/minutes.html",
        {
            "space": meeting.space,
            "meeting": meeting,
            "minutes_form": minutes_form,
            "decision_form": decision_form,
            "action_form": action_form,
            "decisions": meeting.decisions.select_related("agenda_item", "proposal__space"),
            "actions": meeting.action_items.select_related("owner"),
        },
        status=status,
    )


@login_required
@in_forum_time
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    _check(request, "forums.view_overview", space)
    actions = selectors.open_actions(space)
    today = timezone.localdate()
    return render(
        request,
        "forums/overview.html",
        {
            "space": space,
            "page": paginate(request, actions, 50),
            "overdue_count": actions.filter(deadline__lt=today).count(),
            "needs_minutes": selectors.past_meetings(space)
            .exclude(minutes_state=MinutesState.PUBLISHED)
            .exclude(state="cancelled")[:20],
        },
    )


@login_required
@require_POST
def action_status(request: HttpRequest, slug: str, action_id: int) -> HttpResponse:
    space = _space(request, slug)
    action = ActionItem.objects.filter(space=space, pk=action_id).select_related("space").first()
    if action is None:
        raise Http404
    try:
        services.action_set_status(action=action, actor=request.user, status=request.POST.get("status", ""))
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The action item is saved."))
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts=None):
        return redirect(back)
    return redirect(space)


def people(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    _check(request, "forums.view_member_list", space)
    own = selectors.own_listing(space, request.user)
    can_choose = request.user.has_perm("forums.choose_listing", space) and bool(
        core_selectors.membership_of(space, request.user)
    )
    form = ListingForm(
        request.POST if request.method == "POST" else None,
        initial={"show": own.show, "show_organisation": own.show_organisation} if own else {},
    )
    if request.method == "POST":
        if not can_choose:
            raise NotAllowed("forums.choose_listing")
        if form.is_valid():
            try:
                services.listing_set(space=space, actor=request.user, **form.cleaned_data)
            except DomainError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Your choice is saved."))
            return redirect("forums:people", slug=slug)
    return render(
        request,
        "forums/people.html",
        {
            "space": space,
            "page": paginate(request, selectors.member_listing(space), 50),
            "form": form,
            "can_choose": can_choose,
        },
    )


@login_required
def my_meetings(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        services.feed_token_reset(actor=request.user)
        messages.success(request, _("Your calendar link is new. The old link no longer works."))
        return redirect("forums:my_meetings")
    preference = services.preference_of(request.user)
    feed_url = request.build_absolute_uri(_reverse("forums:my_feed", token=preference.feed_token))
    return render(
        request,
        "forums/my_meetings.html",
        {"page": paginate(request, selectors.my_registrations(request.user), 30), "feed_url": feed_url},
    )


def meeting_ics(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = _meeting(request, slug, pk)
    content = calendar.calendar([meeting], name=meeting.title, language=request.LANGUAGE_CODE)
    return calendar.response(content, f"meeting-{meeting.pk}.ics")


def forum_feed(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    meetings = selectors.meetings_for_feed(space)[:200]
    return calendar.response(
        calendar.calendar(meetings, name=space.title, language=request.LANGUAGE_CODE), f"{space.slug}.ics"
    )


def my_feed(request: HttpRequest, token: str) -> HttpResponse:
    user = selectors.feed_owner(token)
    if user is None:
        raise Http404
    meetings = [r.meeting for r in selectors.my_registrations(user)[:200]]
    return calendar.response(
        calendar.calendar(meetings, name=_("My meetings"), language=user.language or request.LANGUAGE_CODE),
        "my-meetings.ics",
    )


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        data = read_unsubscribe_token(token)
    except Exception:  # noqa: BLE001 - any bad or tampered token is the same to the person
        raise Http404 from None
    if request.method == "POST":
        services.meeting_emails_off(user_id=int(data.get("u") or 0))
        return render(request, "forums/unsubscribe.html", {"done": True})
    return render(request, "forums/unsubscribe.html", {"done": False})


def _reverse(name: str, **kwargs: Any) -> str:
    from django.urls import reverse

    return reverse(name, kwargs=kwargs)


def _login_url() -> str:
    from django.urls import reverse

    return reverse("account_login")
