"""Every allowed and every forbidden transition of a meeting and of its minutes."""

import itertools

import pytest

from medvind.core.errors import DomainError
from medvind.forums.models import MeetingState, MinutesState
from medvind.forums.workflow import (
    MEETING_TRANSITIONS,
    MINUTES_TRANSITIONS,
    check_meeting_transition,
    check_minutes_transition,
)

MEETING_ALLOWED = {("planned", "held"), ("planned", "cancelled")}
MINUTES_ALLOWED = {("none", "draft"), ("draft", "published"), ("published", "draft")}


def test_the_tables_are_what_the_docs_say():
    assert {(a, b) for a, targets in MEETING_TRANSITIONS.items() for b in targets} == MEETING_ALLOWED
    assert {(a, b) for a, targets in MINUTES_TRANSITIONS.items() for b in targets} == MINUTES_ALLOWED


@pytest.mark.parametrize(("old", "new"), list(itertools.product(MeetingState.values, repeat=2)))
def test_meeting_transition(old, new):
    if (old, new) in MEETING_ALLOWED:
        check_meeting_transition(old, new)
    else:
        with pytest.raises(DomainError, match="cannot become"):
            check_meeting_transition(old, new)


@pytest.mark.parametrize(("old", "new"), list(itertools.product(MinutesState.values, repeat=2)))
def test_minutes_transition_of_a_held_meeting(old, new):
    if (old, new) in MINUTES_ALLOWED:
        check_minutes_transition("held", old, new)
    else:
        with pytest.raises(DomainError, match="cannot become"):
            check_minutes_transition("held", old, new)


@pytest.mark.parametrize("state", ["planned", "cancelled"])
def test_no_minutes_before_the_meeting_is_held(state):
    with pytest.raises(DomainError, match="held"):
        check_minutes_transition(state, "none", "draft")
