"""Walk the learning rows of the role × action table in docs/permissions.md against the rules."""

import pytest
import rules

from medvind.learning.models import Path
from tests.conftest import ROLES
from tests.core.test_rules import TABLE

pytestmark = pytest.mark.django_db

ROWS = [row for row in TABLE if row[0].startswith("learning.")]


def the_object(world, label: str):
    if label == "—":
        return None
    assert label.endswith(("path of owner organisation", "shared path")), label
    return Path.objects.create(
        title="Bli brukarrevisor",
        slug="bli",
        language="sv",
        published=label.startswith("published"),
        organisation=None if "shared" in label else world.owner,
    )


def test_every_learning_permission_is_in_the_table():
    registered = {name for name in rules.permissions.permissions if name.startswith("learning.")}
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


def test_nobody_has_a_permission_to_read_someone_elses_reflections():
    assert not [name for name in rules.permissions.permissions if "reflection" in name]
