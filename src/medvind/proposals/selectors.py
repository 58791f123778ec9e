"""Every read of proposals that views use. Visibility is decided by the space (core.selectors.space_get)."""

import datetime as dt
import threading
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from medvind.core.models import Organisation, Space, SpaceMembership
from medvind.core.selectors import spaces_visible_to

from . import search
from .models import ACTED_ON_STATUSES, Answer, Comment, Follow, Notification, Proposal, Status, Support, Theme
from .rules import is_open_for_taking_part

SORTS = {
    "newest": ("-created_at", "-id"),
    "supported": ("-support_count", "-id"),
    "waiting": ("answered_at", "created_at", "id"),
}


def overdue_condition(today: dt.date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(answered_at__isnull=True, closed_at__isnull=True, merged_into__isnull=True, deadline__lt=today)


def proposal_list(
    viewer: Any,
    space: Space,
    *,
    status: str = "",
    kind: str = "",
    theme: int | None = None,
    overdue: bool = False,
    mine: bool = False,
    followed: bool = False,
    q: str = "",
    sort: str = "newest",
) -> QuerySet[Proposal]:
    proposals = Proposal.objects.filter(space=space)
    if status:
        proposals = proposals.filter(status=status)
    if kind:
        proposals = proposals.filter(kind=kind)
    if theme:
        proposals = proposals.filter(theme_id=theme)
    if overdue:
        proposals = proposals.filter(overdue_condition())
    if viewer.is_authenticated:
        if mine:
            proposals = proposals.filter(author=viewer)
        if followed:
            proposals = proposals.filter(Exists(Follow.objects.filter(proposal=OuterRef("pk"), user=viewer)))
    if q:
        proposals = search.search(proposals, q)
    if sort == "waiting":
        proposals = proposals.filter(answered_at__isnull=True, closed_at__isnull=True)
    return proposals.select_related("theme").only(*LIST_FIELDS).order_by(*SORTS.get(sort, SORTS["newest"]))


# What a row of the list shows (proposals/list.html); the space is the list's own.
LIST_FIELDS = (
    "space_id",
    "title",
    "language",
    "hidden_reason",
    "status",
    "kind",
    "theme__name",
    "support_count",
    "comment_count",
    "created_at",
    "deadline",
    "answered_at",
    "closed_at",
    "merged_into_id",
)


def similar_proposals(space: Space, title: str) -> list[Proposal]:
    visible = Proposal.objects.filter(space=space, merged_into__isnull=True, hidden_reason="")
    similar = search.similar(visible, title).select_related("space")
    return list(similar.only("pk", "title", "status", "support_count", "space__slug"))


def export_rows(space: Space) -> QuerySet[Proposal]:
    return (
        Proposal.objects.filter(space=space)
        .select_related("space")
        .order_by("-created_at", "-id")
        .only(
            "pk",
            "title",
            "kind",
            "status",
            "progress",
            "created_at",
            "deadline",
            "answered_at",
            "closed_at",
            "merged_into_id",
            "support_count",
            "comment_count",
            "hidden_reason",
            "space__slug",
        )
    )


def proposal_get(viewer: Any, space: Space, pk: int) -> Proposal:
    # Every related row joined costs more to compile than to read (docs/performance.md): the space is
    # known, and the proposal it is merged into, if any, is read when the page shows it.
    proposal = (
        Proposal.objects.select_related("theme", "author", "concerns", "responder", "responder_organisation")
        .defer("search_vector")
        .filter(space=space, pk=pk)
        .first()
    )
    if proposal is None:
        raise Http404
    proposal.space = space
    return proposal


COMMENT_THREADS_PER_PAGE = 10


def comment_threads(proposal: Proposal) -> QuerySet[Comment]:
    """The proposal's comments with their replies, oldest first; views show COMMENT_THREADS_PER_PAGE."""
    replies = Comment.objects.select_related("author").order_by("created_at", "id")
    return (
        Comment.objects.filter(proposal=proposal, parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "id")
    )


def comment_page_number(comment: Comment) -> int:
    """The page of comment_threads() that shows the comment (or the thread it replies to)."""
    thread = comment.parent or comment
    earlier = Comment.objects.filter(proposal_id=thread.proposal_id, parent__isnull=True).filter(
        Q(created_at__lt=thread.created_at) | Q(created_at=thread.created_at, id__lt=thread.pk)
    )
    return earlier.count() // COMMENT_THREADS_PER_PAGE + 1


def proposal_detail(viewer: Any, proposal: Proposal) -> dict[str, Any]:
    context: dict[str, Any] = {
        "answers": list(proposal.answers.select_related("author").order_by("created_at", "id")),
        "attachments": list(proposal.attachments.all()),
        "merged_from": list(proposal.merged_from.only("pk", "title", "space_id")),
        # Input from a live event that became this proposal (events.Question.proposal), if any.
        "origin": proposal.event_questions.select_related("event")
        .only("event__title", "event__code")
        .first(),
        "supports": False,
        "follows": False,
        # Superusers pass every permission check; the page still offers no action on a closed proposal.
        "taking_part": is_open_for_taking_part.test(viewer, proposal),
    }
    if viewer.is_authenticated:
        context["supports"] = Support.objects.filter(proposal=proposal, user=viewer).exists()
        context["follows"] = Follow.objects.filter(proposal=proposal, user=viewer).exists()
    return context


def responder_choices(space: Space) -> dict[str, Any]:
    members = (
        SpaceMembership.objects.filter(
            space=space, role__in=[SpaceMembership.Role.RESPONDER, SpaceMembership.Role.FACILITATOR]
        )
        .select_related("user")
        .order_by("user__display_name")
    )
    units = Organisation.objects.filter(
        Q(pk__in=space.organisations.values("pk")) | Q(parent__in=space.organisations.all())
    ).order_by("name")
    return {"responders": [m.user for m in members], "units": list(units)}


def themes(space: Space) -> QuerySet[Theme]:
    return Theme.objects.filter(space=space).select_related("responder", "responder_organisation")


def theme_choices(space: Space) -> QuerySet[Theme]:
    """The themes for a filter: names only."""
    return Theme.objects.filter(space=space).only("name")


def _in_organisation(
    proposals: QuerySet[Proposal], organisation: Organisation, viewer: Any
) -> QuerySet[Proposal]:
    """Proposals in the organisation's spaces that the viewer may see: members-only spaces leak nothing."""
    visible = spaces_visible_to(viewer if viewer is not None else AnonymousUser())
    return proposals.filter(space__in=visible.filter(organisations=organisation).values("pk"))


def accountability(
    *, space: Space | None = None, organisation: Organisation | None = None, viewer: Any = None
) -> dict[str, Any]:
    """The figures of the accountability page, computed in the database."""
    proposals = Proposal.objects.filter(merged_into__isnull=True)
    if space is not None:
        proposals = proposals.filter(space=space)
    if organisation is not None:
        proposals = _in_organisation(proposals, organisation, viewer)
    today = timezone.localdate()
    by_status = dict(proposals.values_list("status").annotate(n=Count("id")).order_by())
    totals = proposals.aggregate(
        total=Count("id"),
        answered=Count("id", filter=Q(answered_at__isnull=False)),
        on_time=Count("id", filter=Q(answered_at__isnull=False) & _answered_by_deadline()),
        overdue=Count("id", filter=overdue_condition(today)),
        acted_on=Count("id", filter=Q(status__in=ACTED_ON_STATUSES)),
    )
    due = totals["answered"] + totals["overdue"]
    answered = totals["answered"]
    return {
        "total": totals["total"],
        "by_status": [(status, label, by_status.get(status, 0)) for status, label in Status.choices],
        "answered": answered,
        "overdue": totals["overdue"],
        "on_time": totals["on_time"],
        "due": due,
        "share_on_time": _share(totals["on_time"], due),
        "median_days": _median_answer_days(proposals, answered),
        "acted_on": totals["acted_on"],
        "share_acted_on": _share(totals["acted_on"], answered),
        "today": today,
    }


FIGURES_SECONDS = 60  # how old the figures of a space's accountability page may be (the page says so)
_figures_lock = threading.Lock()


def space_accountability(space: Space) -> dict[str, Any]:
    """accountability() of one space, cached for FIGURES_SECONDS: it reads every proposal of the space,
    which takes 0.15 s (PostgreSQL) to 0.3 s (SQLite) with 100,000 of them (docs/performance.md). The
    figures are the same for everyone who may see the space; "overdue" depends on the day, so the day is
    part of the key."""
    key = f"proposals:accountability:{space.pk}:{timezone.localdate().isoformat()}"
    figures: dict[str, Any] | None = cache.get(key)
    if figures is None:
        with _figures_lock:  # the other threads of this process wait for it rather than compute it too
            figures = cache.get(key)
            if figures is None:
                figures = accountability(space=space)
                cache.set(key, figures, FIGURES_SECONDS)
    return figures


def _answered_by_deadline() -> Q:
    """Decided on or before the deadline day, in local time. The first test is cheap and enough for most:
    decided before midnight UTC at the start of the deadline day is on time in every time zone. Only the
    rest need the local date, which SQLite computes in Python for each row (a second per 100,000)."""
    return Q(answered_at__lt=F("deadline")) | Q(answered_at__date__lte=F("deadline"))


def _share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def _median_answer_days(proposals: QuerySet[Proposal], count: int) -> float | None:
    if not count:
        return None
    ordered = (
        proposals.filter(answer_days__isnull=False)
        .order_by("answer_days")
        .values_list("answer_days", flat=True)
    )
    middle = (count - 1) // 2
    values = [v for v in ordered[middle : middle + (2 if count % 2 == 0 else 1)] if v is not None]
    return sum(values) / len(values)


def overdue_list(
    *, space: Space | None = None, organisation: Organisation | None = None, viewer: Any = None
) -> QuerySet[Proposal]:
    proposals = Proposal.objects.filter(overdue_condition())
    if space is not None:
        proposals = proposals.filter(space=space)
    if organisation is not None:
        proposals = _in_organisation(proposals, organisation, viewer)
    return (
        proposals.select_related("space", "responder", "responder_organisation")
        .only(
            "title",
            "hidden_reason",
            "deadline",
            "space__slug",
            "space__title",
            "responder__display_name",
            "responder__deleted_at",
            "responder_organisation__name",
        )
        .order_by("deadline", "id")
    )


def latest_answers(space: Space, limit: int = 30) -> QuerySet[Answer]:
    return (
        Answer.objects.filter(proposal__space=space, proposal__hidden_reason="")
        .select_related("proposal", "proposal__space")
        .order_by("-created_at", "-id")[:limit]
    )


def notifications_for(user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user).select_related("proposal", "proposal__space")


def unread_count(user: Any) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
