import itertools

import pytest

from medvind.core.errors import DomainError
from medvind.events import services
from medvind.events.models import EventStatus, PollStatus
from medvind.events.workflow import POLL_TRANSITIONS, TRANSITIONS, check_poll_transition, check_transition

from .conftest import make_event, make_poll

ALLOWED = {(a, b) for a, nexts in TRANSITIONS.items() for b in nexts}
PAIRS = list(itertools.product(EventStatus.values, EventStatus.values))


def test_the_machine_is_draft_live_closed_archived():
    assert {
        ("draft", "open"),
        ("draft", "archived"),
        ("open", "closed"),
        ("closed", "open"),
        ("closed", "archived"),
    } == ALLOWED


@pytest.mark.parametrize(("old", "new"), sorted(ALLOWED))
def test_every_allowed_transition_is_done_by_the_service(world, old, new):
    event = make_event(world.public, old, closed_days_ago=1 if old == "closed" else None)
    event = services.event_set_status(event=event, actor=world["facilitator"], status=new)
    event.refresh_from_db()
    assert event.status == new
    assert (event.closed_at is not None) == (new in ("closed",) or (new == "archived" and old == "closed"))


@pytest.mark.parametrize(("old", "new"), [p for p in PAIRS if p not in ALLOWED])
def test_every_forbidden_transition_is_refused_with_a_message(world, old, new):
    event = make_event(world.public, old)
    with pytest.raises(DomainError, match="cannot become"):
        services.event_set_status(event=event, actor=world["facilitator"], status=new)
    event.refresh_from_db()
    assert event.status == old


def test_an_unknown_status_is_refused():
    with pytest.raises(DomainError):
        check_transition("open", "exploded")


@pytest.mark.parametrize(("old", "new"), list(itertools.product(PollStatus.values, PollStatus.values)))
def test_poll_transitions(old, new):
    if new in POLL_TRANSITIONS[old]:
        check_poll_transition(old, new)
    else:
        with pytest.raises(DomainError):
            check_poll_transition(old, new)


def test_closing_the_event_closes_its_open_polls(world):
    event = make_event(world.public)
    poll = make_poll(event)
    services.event_set_status(event=event, actor=world["facilitator"], status="closed")
    poll.refresh_from_db()
    assert poll.status == PollStatus.CLOSED
