"""Walk the audits rows of the role × action table in docs/permissions.md against the rules."""

import pytest
import rules

from medvind.audits.models import Phase
from medvind.core.models import OrganisationMembership
from tests.conftest import ROLES
from tests.core.test_rules import TABLE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROWS = [row for row in TABLE if row[0].startswith("audits.")]


def the_object(world, label: str, request):
    if label == "—":
        return None
    if label == "public space":
        return world.public
    if label == "members-only audit space":
        return world.members_only
    if label == "members-only audit space with an audit":
        request.getfixturevalue("audit")
        world.members_only.refresh_from_db()
        return world.members_only
    if label == "audit in members-only space":
        return request.getfixturevalue("audit")
    if label in ("audit being written in members-only space", "published audit in members-only space"):
        audit = request.getfixturevalue("audit")
        audit.phase = Phase.WRITING if label.startswith("audit being") else Phase.PUBLISHED
        audit.save()
        return audit
    if label == "audit in public space":
        return request.getfixturevalue("public_audit")
    raise AssertionError(f"unknown label {label}")


def test_every_audits_permission_is_in_the_table():
    registered = {name for name in rules.permissions.permissions if name.startswith("audits.")}
    assert registered == {permission for permission, _on, _cells in ROWS}


@pytest.mark.parametrize(("permission", "on", "expected"), ROWS, ids=[f"{p}@{o}" for p, o, _e in ROWS])
def test_each_role_is_allowed_exactly_what_the_permissions_table_says(
    world, request, permission, on, expected
):
    obj = the_object(world, on, request)
    actual = {role: world[role].has_perm(permission, obj) for role in ROLES}
    wrong = {
        role: f"table says {expected[role]}, rules say {actual[role]}"
        for role in ROLES
        if actual[role] != expected[role]
    }
    assert wrong == {}


def test_the_staff_of_the_audited_service_accept_for_the_service(world, audit):
    staff = UserFactory(display_name="Stina Staff")
    OrganisationMembership.objects.create(organisation=audit.service, user=staff, role="staff")
    assert staff.has_perm("audits.accept_for_service", audit)
    assert not staff.has_perm("audits.accept_for_auditors", audit)
