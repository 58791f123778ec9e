"""Walk the proposals rows of the role × action table in docs/permissions.md against the rules.

In the rows about a proposal, the Responder column is the person chosen to answer that proposal, and the
owner organisation is its responsible unit, so Org admin and Staff are staff of the responder unit. An
unassigned proposal has neither."""

import copy
import datetime as dt

import pytest
import rules
from django.utils import timezone

from medvind.proposals.models import Comment, Proposal, Status
from tests.conftest import ROLES
from tests.core.test_rules import TABLE
from tests.factories import CommentFactory, ProposalFactory

pytestmark = pytest.mark.django_db

ROWS = [row for row in TABLE if row[0].startswith("proposals.")]


def _space(world, label: str):
    space = copy.copy(world.members_only if "members-only" in label else world.public)
    space.anonymous_proposals = "postbox" in label
    space.proposals_open = "proposals closed" not in label
    return space


def _proposal(world, label: str) -> Proposal:
    space = world.members_only if "members-only" in label else world.public
    assigned = not label.startswith("unassigned")
    proposal = ProposalFactory(
        space=space,
        responder=world["responder"] if assigned else None,
        responder_organisation=world.owner if assigned else None,
    )
    if label.startswith("closed"):
        proposal.status, proposal.closed_at = Status.DECLINED, timezone.now()
    if label.startswith("hidden"):
        proposal.hidden_reason = "Advertising"
    if label.startswith("merged"):
        proposal.merged_into = ProposalFactory(space=space)
    return proposal


def _comment(world, label: str) -> Comment:
    proposal = ProposalFactory(space=world.members_only if "members-only" in label else world.public)
    comment = CommentFactory(proposal=proposal, author=world["member"])
    if label.startswith("old"):
        comment.created_at = timezone.now() - dt.timedelta(minutes=16)
    return comment


def the_object(world, label: str):
    if "comment" in label:
        return _comment(world, label)
    if "proposal" in label.split(",")[0]:
        return _proposal(world, label)
    return _space(world, label)


def test_every_proposals_permission_is_in_the_table():
    registered = {name for name in rules.permissions.permissions if name.startswith("proposals.")}
    assert registered == {permission for permission, _on, _cells in ROWS}


def test_every_permission_on_a_space_or_proposal_is_shown_for_a_public_and_a_members_only_space():
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
