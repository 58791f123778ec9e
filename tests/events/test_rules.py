"""Walk the events rows of the role × action table in docs/permissions.md against the rules."""

import pytest
import rules

from medvind.events.models import EventStatus, PollStatus
from tests.conftest import ROLES
from tests.core.test_rules import TABLE

from .conftest import make_event, make_poll

pytestmark = pytest.mark.django_db

ROWS = [row for row in TABLE if row[0].startswith("events.")]


def the_object(world, label: str):
    space = world.members_only if "members-only" in label else world.public
    if "event" not in label:
        return space
    if label.startswith("draft"):
        event = make_event(space, EventStatus.DRAFT)
    elif label.startswith("archived"):
        event = make_event(space, EventStatus.ARCHIVED, closed_days_ago=60)
    elif "postbox closed" in label:
        event = make_event(space, EventStatus.CLOSED, closed_days_ago=8)
    elif label.startswith("closed event"):
        event = make_event(space, EventStatus.CLOSED, closed_days_ago=1)
    else:
        event = make_event(space)
    if "poll" in label:
        return make_poll(event, PollStatus.CLOSED if label.startswith("closed poll") else PollStatus.OPEN)
    return event


def test_every_events_permission_is_in_the_table():
    registered = {name for name in rules.permissions.permissions if name.startswith("events.")}
    assert registered == {permission for permission, _on, _cells in ROWS}


def test_every_events_permission_is_shown_for_a_public_and_a_members_only_space():
    labels: dict[str, set[str]] = {}
    for permission, on, _cells in ROWS:
        labels.setdefault(permission, set()).add(on)
    missing = [p for p, ons in labels.items() if not any("members-only" in o for o in ons)]
    assert missing == []


@pytest.mark.parametrize(("permission", "on", "expected"), ROWS, ids=[f"{p}@{o}" for p, o, _e in ROWS])
def test_each_role_is_allowed_exactly_what_the_permissions_table_says(world, permission, on, expected):
    obj = the_object(world, on)
    actual = {role: world[role].has_perm(permission, obj) for role in ROLES}
    wrong = {
        role: f"table says {expected[role]}, rules say {actual[role]}"
        for role in ROLES
        if actual[role] != expected[role]
    }
    assert wrong == {}
