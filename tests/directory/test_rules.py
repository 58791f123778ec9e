"""Walk the directory rows of the role × action table in docs/permissions.md against the rules."""

import datetime as dt

import pytest
import rules
from django.utils import timezone

from medvind.directory.models import Call
from tests.conftest import ROLES
from tests.core.test_rules import TABLE

pytestmark = pytest.mark.django_db

ROWS = [row for row in TABLE if row[0].startswith("directory.")]


def _call(space, *, closed=False) -> Call:
    deadline = timezone.now() + dt.timedelta(days=-1 if closed else 7)
    return Call.objects.create(
        space=space, title="Call", description="We look for people.", deadline=deadline
    )


def the_object(world, label: str):
    objects = {
        "—": lambda: None,
        "owner organisation": lambda: world.owner,
        "public space": lambda: world.public,
        "members-only space": lambda: world.members_only,
        "call in public space": lambda: _call(world.public),
        "call in members-only space": lambda: _call(world.members_only),
        "closed call in public space": lambda: _call(world.public, closed=True),
    }
    return objects[label]()


def test_every_directory_permission_is_in_the_table():
    registered = {name for name in rules.permissions.permissions if name.startswith("directory.")}
    assert registered == {permission for permission, _on, _cells in ROWS}


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
