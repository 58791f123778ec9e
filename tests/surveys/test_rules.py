"""Walk the surveys rows of the role × action table in docs/permissions.md against the rules."""

import datetime as dt

import pytest
import rules
from django.utils import timezone

from medvind.surveys.models import SurveyStatus
from tests.conftest import ROLES
from tests.core.test_rules import TABLE

from .factories import make_survey

pytestmark = pytest.mark.django_db

ROWS = [row for row in TABLE if row[0].startswith("surveys.")]


def the_object(world, label: str):
    space = world.members_only if "members-only" in label else world.public
    if "survey" not in label:
        return space
    status = SurveyStatus.OPEN
    if label.startswith("draft"):
        status = SurveyStatus.DRAFT
    elif label.startswith("closed"):
        status = SurveyStatus.CLOSED
    return make_survey(space, status=status, results_public="public results" in label)


def test_every_surveys_permission_is_in_the_table():
    registered = {name for name in rules.permissions.permissions if name.startswith("surveys.")}
    assert registered == {permission for permission, _on, _cells in ROWS}


def test_every_surveys_permission_is_shown_for_a_public_and_a_members_only_space():
    labels: dict[str, set[str]] = {}
    for permission, on, _cells in ROWS:
        labels.setdefault(permission, set()).add(on)
    missing = [p for p, ons in labels.items() if not any("members-only" in o for o in ons)]
    assert missing == []
    missing = [p for p, ons in labels.items() if not any("public space" in o for o in ons)]
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


def test_answers_cannot_be_entered_after_the_closing_time_even_if_the_survey_is_open(world):
    survey = make_survey(world.members_only, closes_at=timezone.now() - dt.timedelta(minutes=1))
    assert not world["member"].has_perm("surveys.enter_response", survey)
    assert world["member"].has_perm("surveys.change_survey", survey)
