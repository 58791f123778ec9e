"""Walk the role × action table in docs/permissions.md against the rules, cell by cell."""

import copy
import re
from pathlib import Path

import pytest
import rules

from medvind.core.models import Space
from tests.conftest import ROLES

DOC = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"
COLUMNS = {
    "Visitor": "anonymous",
    "Participant": "participant",
    "Member": "member",
    "Representative": "representative",
    "Responder": "responder",
    "Facilitator": "facilitator",
    "Org admin": "org_admin",
    "Staff": "staff",
    "Platform admin": "platform_admin",
}


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def read_table() -> list[tuple[str, str, dict[str, bool]]]:
    """(permission, object, {role: allowed}) for every row of the table in docs/permissions.md."""
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- permissions-table:start -->(.*?)<!-- permissions-table:end -->", text, re.S)
    assert block, "docs/permissions.md has lost its table markers"
    lines = [line for line in block[1].strip().splitlines() if line.strip()]
    header = _cells(lines[0])
    assert header[:2] == ["Permission", "On"]
    assert [COLUMNS.get(name) for name in header[2:]] == ROLES, "the table's columns are not the roles"
    rows = []
    for line in lines[2:]:
        cells = _cells(line)
        assert len(cells) == len(header), f"row has the wrong number of cells: {line}"
        assert set(cells[2:]) <= {"yes", "no"}, f"cells must say yes or no: {line}"
        permission = cells[0].strip("`")
        rows.append((permission, cells[1], dict(zip(ROLES, [c == "yes" for c in cells[2:]], strict=True))))
    return rows


TABLE = read_table()
# The proposals rows need proposals and comments to check against: tests/proposals/test_rules.py walks them.
CORE_ROWS = [row for row in TABLE if row[0].startswith("core.")]


def the_object(world, label: str):
    if label == "—":
        return None
    if label == "owner organisation":
        return world.owner
    spaces = {
        "public space": world.public,
        "members-only space": world.members_only,
        "open public space": world.public,
        "open members-only space": world.members_only,
    }
    space = copy.copy(spaces[label])
    if label.startswith("open "):
        space.join_policy = Space.JoinPolicy.OPEN
    return space


def test_every_registered_permission_is_in_the_table():
    registered = set(rules.permissions.permissions)
    documented = {permission for permission, _on, _cells in TABLE}
    assert registered - documented == set(), "permissions missing from docs/permissions.md"
    assert documented - registered == set(), "docs/permissions.md lists permissions that do not exist"


def test_the_table_has_no_duplicate_rows():
    keys = [(permission, on) for permission, on, _cells in TABLE]
    assert len(keys) == len(set(keys))


def test_every_row_is_walked_by_a_test():
    # tests/<app>/test_rules.py walks the rows of its app (forums.*, events.*, surveys.*, audits.*).
    apps = (
        "core.",
        "proposals.",
        "forums.",
        "events.",
        "surveys.",
        "audits.",
        "knowledge.",
        "learning.",
        "directory.",
    )
    walked = [row for row in TABLE if row[0].startswith(apps)]
    assert len(walked) == len(TABLE)


@pytest.mark.parametrize(
    ("permission", "on", "expected"), CORE_ROWS, ids=[f"{p}@{o}" for p, o, _e in CORE_ROWS]
)
def test_each_role_is_allowed_exactly_what_the_permissions_table_says(world, permission, on, expected):
    obj = the_object(world, on)
    actual = {role: world[role].has_perm(permission, obj) for role in ROLES}
    wrong = {
        role: f"table says {expected[role]}, rules say {actual[role]}"
        for role in ROLES
        if actual[role] != expected[role]
    }
    assert wrong == {}


def test_the_role_is_read_once_per_user_object_and_a_change_is_seen_at_once(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from medvind.core import services
    from medvind.core.models import SpaceMembership

    person = world["participant"]
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            assert not person.has_perm("core.view_space_members", world.members_only)
    role_reads = [q for q in queries.captured_queries if 'FROM "core_spacemembership"' in q["sql"]]
    assert len(role_reads) == 1  # once, not five times

    assert not person.has_perm("core.leave_space", world.public)  # "no role" is kept now
    membership = SpaceMembership.objects.create(
        space=world.public, user=person, role=SpaceMembership.Role.MEMBER
    )
    assert person.has_perm("core.leave_space", world.public)
    services.space_member_set_role(
        space=world.public,
        actor=world["facilitator"],
        membership=membership,
        role=SpaceMembership.Role.FACILITATOR,
    )
    assert person.has_perm("core.change_space", world.public)
    services.space_member_remove(space=world.public, actor=world["facilitator"], membership=membership)
    assert not person.has_perm("core.leave_space", world.public)
