"""Every read of live events used by the views."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from medvind.core.models import Space

from .models import Event, EventStatus, Poll, PollOption, PollStatus, Question, QuestionStatus, is_code

AUDIENCE_LIST_SIZE = 20  # the audience and presenter see the top questions; moderators page through all


def events_of_space(viewer: Any, space: Space) -> QuerySet[Event]:
    events = Event.objects.filter(space=space).select_related("space").order_by("-starts_at", "-pk")
    if not viewer.has_perm("events.create_event", space):
        events = events.exclude(status=EventStatus.DRAFT)
    return events


def event_get(viewer: Any, space: Space, pk: int) -> Event:
    event = Event.objects.filter(space=space, pk=pk).select_related("space").first()
    if event is None or not viewer.has_perm("events.view_event", event):
        raise Http404
    return event


def event_by_code(viewer: Any, code: str) -> Event:
    if not is_code(code):
        raise Http404
    event = Event.objects.filter(code=code).select_related("space").first()
    if event is None or not viewer.has_perm("events.view_event", event):
        raise Http404
    return event


def event_by_id(event_id: int) -> Event:
    return Event.objects.select_related("space").get(pk=event_id)


def shown_questions(event: Event, *, limit: int = AUDIENCE_LIST_SIZE) -> list[Question]:
    """Approved questions: the highlighted one first, then the open ones by votes, then answered ones."""
    return list(
        Question.objects.filter(event=event, status=QuestionStatus.APPROVED).order_by(
            "-highlighted", "answered", "-upvote_count", "-created_at"
        )[:limit]
    )


def moderation_questions(event: Event, status: str = "") -> QuerySet[Question]:
    questions = Question.objects.filter(event=event).select_related("proposal")
    if status in QuestionStatus.values:
        questions = questions.filter(status=status)
    return questions.order_by("-created_at", "-pk")


def question_counts(event: Event) -> dict[str, int]:
    from django.db.models import Count

    rows = Question.objects.filter(event=event).values_list("status").annotate(n=Count("pk")).order_by()
    counts = {status: 0 for status in QuestionStatus.values}
    counts.update(dict(rows))
    return counts


def question_get(event: Event, pk: int) -> Question:
    question = Question.objects.filter(event=event, pk=pk).select_related("event__space").first()
    if question is None:
        raise Http404
    return question


def polls(event: Event) -> list[Poll]:
    return list(
        Poll.objects.filter(event=event)
        .prefetch_related(Prefetch("options", queryset=PollOption.objects.order_by("position", "pk")))
        .order_by("-created_at", "-pk")[:20]
    )


def audience_polls(event: Event) -> list[Poll]:
    """The open polls, and the results of the latest closed one."""
    items = [p for p in polls(event) if p.status != PollStatus.DRAFT]
    open_polls = [p for p in items if p.status == PollStatus.OPEN]
    closed = [p for p in items if p.status == PollStatus.CLOSED][:1]
    return open_polls + closed


def poll_get(event: Event, pk: int) -> Poll:
    poll = Poll.objects.filter(event=event, pk=pk).select_related("event__space").first()
    if poll is None:
        raise Http404
    return poll


def export_rows(event: Event) -> QuerySet[Question]:
    return Question.objects.filter(event=event).select_related("proposal").order_by("created_at", "pk")


def new_since(event: Event, since_ms: int, *, limit: int = 3) -> list[Question]:
    """Questions shown after a moment (milliseconds since the epoch): what the presenter's live region
    announces."""
    import datetime as dt

    moment = dt.datetime.fromtimestamp(since_ms / 1000, tz=dt.UTC)
    return list(
        Question.objects.filter(event=event, status=QuestionStatus.APPROVED, approved_at__gt=moment).order_by(
            "approved_at"
        )[:limit]
    )
