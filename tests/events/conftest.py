import datetime as dt

import pytest
from django.utils import timezone

from medvind.events import live
from medvind.events.models import (
    CODE_ALPHABET,
    Event,
    EventStatus,
    Poll,
    PollOption,
    PollStatus,
    Question,
    QuestionStatus,
)

_codes = iter(range(10**6))


def event_code(n: int) -> str:
    """A valid short code for the n-th test event: T and n in the code alphabet."""
    letters = ""
    for _ in range(5):
        n, digit = divmod(n, len(CODE_ALPHABET))
        letters = CODE_ALPHABET[digit] + letters
    return "T" + letters


def make_event(
    space, status=EventStatus.OPEN, *, premoderated=False, closed_days_ago=None, postbox_days=7, **kw
):
    now = timezone.now()
    n = next(_codes)
    return Event.objects.create(
        space=space,
        title=kw.pop("title", f"Panel debate {n}"),
        code=kw.pop("code", event_code(n)),
        status=status,
        starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(hours=1),
        premoderated=premoderated,
        postbox_days=postbox_days,
        closed_at=now - dt.timedelta(days=closed_days_ago) if closed_days_ago is not None else None,
        **kw,
    )


def make_question(event, text="Why must we type the same data twice?", status=QuestionStatus.APPROVED, **kw):
    return Question.objects.create(
        event=event,
        text=text,
        status=status,
        approved_at=timezone.now() if status == "approved" else None,
        **kw,
    )


def make_poll(event, status=PollStatus.OPEN, options=("Search", "Overview", "Access"), multiple=False):
    poll = Poll.objects.create(
        event=event, question="What is the biggest problem?", status=status, multiple=multiple
    )
    for i, text in enumerate(options):
        PollOption.objects.create(poll=poll, text=text, position=i)
    return poll


@pytest.fixture(autouse=True)
def _fresh_process_cache():
    """live.py keeps copies in this process's memory; ids repeat from test to test."""
    live._local.clear()
    yield
    live._local.clear()


@pytest.fixture
def live_event(world):
    return make_event(world.public)
