"""Walk the forums rows of the role × action table in docs/permissions.md against the rules.

The world's members-only space is an audit; for the forum rows a copy of it is made a forum. In the
action-item rows the person in the Member column owns the action item."""

import copy

import pytest
import rules

from medvind.core.models import Space
from tests.conftest import ROLES
from tests.core.test_rules import TABLE

from .factories import ActionItemFactory, AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db

ROWS = [row for row in TABLE if row[0].startswith("forums.")]


def _space(world, label: str) -> Space:
    space = world.members_only if "members-only" in label else world.public
    if "not a forum" in label:
        space = copy.copy(space)
        space.kind = Space.Kind.AUDIT
        return space
    if space.kind != Space.Kind.FORUM:
        Space.objects.filter(pk=space.pk).update(kind=Space.Kind.FORUM)
        space.kind = Space.Kind.FORUM
    return space


def the_object(world, label: str):
    space = _space(world, label)
    if label.startswith("meeting"):
        return MeetingFactory(space=space)
    if label.startswith("agenda item"):
        return AgendaItemFactory(meeting=MeetingFactory(space=space))
    if label.startswith("action item"):
        return ActionItemFactory(meeting=MeetingFactory(space=space), owner=world["member"])
    return space


def test_every_forums_permission_is_in_the_table():
    registered = {name for name in rules.permissions.permissions if name.startswith("forums.")}
    assert registered == {permission for permission, _on, _cells in ROWS}


def test_every_forums_permission_is_shown_for_a_public_and_a_members_only_forum():
    by_permission: dict[str, set[str]] = {}
    for permission, on, _cells in ROWS:
        by_permission.setdefault(permission, set()).add(on)
    missing = {
        permission: labels
        for permission, labels in by_permission.items()
        if not any("public" in label for label in labels)
        or not any("members-only" in label for label in labels)
    }
    assert missing == {}


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
