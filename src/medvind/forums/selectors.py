"""Every read of forums that views use. Visibility of the space is decided by core.selectors.space_get."""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from medvind.accounts.models import User
from medvind.core.models import Space, SpaceMembership
from medvind.proposals.models import OPEN_STATUSES, Kind, Proposal

from .models import (
    ActionItem,
    AgendaItem,
    AgendaVote,
    Decision,
    ForumPreference,
    Meeting,
    MeetingState,
    MemberListing,
    MinutesState,
    Registration,
)

R = Registration.Status
RECENT = 5


def meeting_get(viewer: Any, space: Space, pk: int) -> Meeting:
    meeting = Meeting.objects.filter(space=space, pk=pk).first()
    if meeting is None:
        raise Http404
    meeting.space = space
    return meeting


def upcoming_meetings(space: Space) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(space=space, ends_at__gt=timezone.now())
        .select_related("space")
        .order_by("starts_at", "pk")
    )


def past_meetings(space: Space) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(space=space, ends_at__lte=timezone.now())
        .select_related("space")
        .order_by("-starts_at", "-pk")
    )


def can_see_minutes(viewer: Any, meeting: Meeting) -> bool:
    return meeting.minutes_state == MinutesState.PUBLISHED or bool(
        viewer.has_perm("forums.write_minutes", meeting) and meeting.minutes_state != MinutesState.NONE
    )


def _items_with_votes(viewer: Any, items: QuerySet[AgendaItem]) -> QuerySet[AgendaItem]:
    items = items.select_related("proposed_by", "proposal__space")
    if viewer.is_authenticated:
        items = items.annotate(voted=Exists(AgendaVote.objects.filter(item=OuterRef("pk"), user=viewer)))
    return items


def meeting_detail(viewer: Any, meeting: Meeting) -> dict[str, Any]:
    items = _items_with_votes(viewer, AgendaItem.objects.filter(meeting=meeting))
    agenda = [
        i for i in items.filter(status=AgendaItem.Status.SCHEDULED).order_by("position", "-vote_count", "pk")
    ]
    proposed = list(
        items.filter(status=AgendaItem.Status.PROPOSED).order_by("-vote_count", "created_at", "pk")[:50]
    )
    counts: dict[str, int] = {R.REGISTERED: 0, R.WAITING: 0}
    for status in meeting.registrations.filter(status__in=counts).values_list("status", flat=True):
        counts[status] += 1
    own = None
    if viewer.is_authenticated:
        own = Registration.objects.filter(meeting=meeting, user=viewer).exclude(status=R.CANCELLED).first()
    minutes_visible = can_see_minutes(viewer, meeting)
    decisions: list[Decision] = []
    actions: list[ActionItem] = []
    if minutes_visible:
        decisions = list(meeting.decisions.select_related("agenda_item", "proposal__space")[:200])
        actions = list(meeting.action_items.select_related("owner")[:200])
    theme_proposals: list[Proposal] = []
    if meeting.state == MeetingState.PLANNED and viewer.has_perm("forums.propose_agenda_item", meeting):
        on_agenda = AgendaItem.objects.filter(meeting=meeting, proposal__isnull=False).values("proposal_id")
        theme_proposals = list(
            Proposal.objects.filter(space=meeting.space, kind=Kind.MEETING_THEME, hidden_reason="")
            .exclude(pk__in=on_agenda)
            .select_related("space")
            .order_by("-support_count", "-pk")[:20]
        )
    return {
        "agenda": agenda,
        "proposed": proposed,
        "registered_count": counts[R.REGISTERED],
        "waiting_count": counts[R.WAITING],
        "places_left": None if meeting.capacity is None else max(meeting.capacity - counts[R.REGISTERED], 0),
        "own_registration": own,
        "minutes_visible": minutes_visible,
        "decisions": decisions,
        "actions": actions,
        "theme_proposals": theme_proposals,
        # Voting depends only on the forum, so it is asked once, not for every item.
        "can_vote": viewer.has_perm(
            "forums.vote_agenda_item", AgendaItem(space=meeting.space, meeting=meeting)
        ),
    }


def waiting_position(registration: Registration) -> int:
    return (
        Registration.objects.filter(meeting_id=registration.meeting_id, status=R.WAITING)
        .filter(
            Q(created_at__lt=registration.created_at)
            | Q(created_at=registration.created_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )


def registrations(meeting: Meeting) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(meeting=meeting)
        .exclude(status=R.CANCELLED)
        .select_related("user")
        .order_by("status", "created_at", "pk")
    )


def agenda_for_arranging(meeting: Meeting) -> QuerySet[AgendaItem]:
    return (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("proposed_by")
        .order_by("status", "position", "-vote_count", "pk")
    )


def minutes_items(meeting: Meeting) -> list[AgendaItem]:
    return list(
        AgendaItem.objects.filter(meeting=meeting, status=AgendaItem.Status.SCHEDULED).order_by(
            "position", "pk"
        )
    )


def space_members_as_users(space: Space) -> QuerySet[User]:
    return User.objects.filter(
        pk__in=SpaceMembership.objects.filter(space=space).values("user_id"), deleted_at__isnull=True
    ).order_by("display_name", "pk")


def answerable_proposals(space: Space) -> QuerySet[Proposal]:
    """Proposals a decision can answer: open ones (a declined or done proposal takes no new status)."""
    return Proposal.objects.filter(
        space=space, status__in=OPEN_STATUSES, merged_into__isnull=True, hidden_reason=""
    ).order_by("-pk")


def open_actions(space: Space) -> QuerySet[ActionItem]:
    return (
        ActionItem.objects.filter(space=space, status=ActionItem.Status.OPEN)
        .select_related("owner", "meeting")
        .order_by("deadline", "pk")
    )


def forum_overview(viewer: Any, space: Space) -> dict[str, Any]:
    """What the forum's page shows: the next meeting, coming themes, open actions, recent decisions."""
    now = timezone.now()
    next_meeting = (
        Meeting.objects.filter(space=space, state=MeetingState.PLANNED, ends_at__gt=now)
        .select_related("space")
        .order_by("starts_at", "pk")
        .first()
    )
    themes = list(
        AgendaItem.objects.filter(
            space=space,
            is_standing=False,
            status__in=[AgendaItem.Status.PROPOSED, AgendaItem.Status.SCHEDULED],
            meeting__state=MeetingState.PLANNED,
            meeting__ends_at__gt=now,
        )
        .select_related("meeting__space")
        .order_by("-vote_count", "pk")[:RECENT]
    )
    actions = list(open_actions(space)[:RECENT])
    decisions = list(
        Decision.objects.filter(meeting__space=space, meeting__minutes_state=MinutesState.PUBLISHED)
        .select_related("meeting__space", "proposal__space")
        .order_by("-created_at", "-pk")[:RECENT]
    )
    return {
        "forum_next_meeting": next_meeting,
        "forum_themes": themes,
        "forum_actions": actions,
        "forum_decisions": decisions,
        "forum_can_lead": viewer.has_perm("forums.view_overview", space),
    }


def member_listing(space: Space) -> QuerySet[SpaceMembership]:
    shown = MemberListing.objects.filter(space=space, show=True)
    return (
        SpaceMembership.objects.filter(space=space, user_id__in=shown.values("user_id"))
        .select_related("user", "represents")
        .annotate(
            show_organisation=Exists(
                MemberListing.objects.filter(
                    space=space, user_id=OuterRef("user_id"), show=True, show_organisation=True
                )
            )
        )
        .order_by("role", "user__display_name", "pk")
    )


def own_listing(space: Space, user: Any) -> MemberListing | None:
    if not user.is_authenticated:
        return None
    return MemberListing.objects.filter(space=space, user=user).first()


def my_registrations(user: Any) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(user=user, status__in=[R.REGISTERED, R.WAITING])
        .select_related("meeting__space")
        .order_by("-meeting__starts_at", "-pk")
    )


def feed_owner(token: str) -> User | None:
    preference = ForumPreference.objects.filter(feed_token=token).select_related("user").first()
    if preference is None or not preference.user.is_active:
        return None
    return preference.user


def meetings_for_feed(space: Space) -> QuerySet[Meeting]:
    return Meeting.objects.filter(space=space).select_related("space").order_by("-starts_at", "-pk")
