"""The demo data that `make run` loads."""

import pytest
from django.core.management import call_command

from medvind.accounts.models import User
from medvind.core.demo import DEMO_PASSWORD, load_demo
from medvind.core.models import (
    AuditLogEntry,
    Invitation,
    JoinRequest,
    Organisation,
    OrganisationMembership,
    Space,
    SpaceMembership,
)

pytestmark = pytest.mark.django_db

ISSUE_EMAILS = [
    "admin@demo.example",
    "facilitator@demo.example",
    "responder@demo.example",
    "participant@demo.example",
    "representative@demo.example",
    "coordinator@demo.example",
    "auditor@demo.example",
]
MODELS = (
    User,
    Organisation,
    OrganisationMembership,
    Space,
    SpaceMembership,
    JoinRequest,
    Invitation,
    AuditLogEntry,
)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo(db):
    assert load_demo() is True
    return counts()


def test_loading_the_demo_twice_changes_nothing(demo):
    assert load_demo() is False
    assert counts() == demo


def test_demo_command_is_safe_to_run_again_and_lists_the_accounts(demo, capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "already present" in out
    assert all(email in out for email in ISSUE_EMAILS)
    assert counts() == demo


def test_demo_has_every_kind_of_organisation_and_space_in_three_countries(demo):
    assert set(Organisation.objects.values_list("kind", flat=True)) == set(Organisation.Kind.values)
    assert set(Organisation.objects.values_list("country", flat=True)) == {"DK", "SE", "NO"}
    assert set(Space.objects.values_list("kind", flat=True)) == set(Space.Kind.values)
    assert set(Space.objects.values_list("visibility", flat=True)) == set(Space.Visibility.values)
    assert set(SpaceMembership.objects.values_list("role", flat=True)) == set(SpaceMembership.Role.values)
    for service in Organisation.objects.filter(kind=Organisation.Kind.SERVICE):
        assert service.parent.kind in (Organisation.Kind.MUNICIPALITY, Organisation.Kind.REGION)


def test_demo_was_written_through_the_services_so_the_audit_log_tells_its_story(demo):
    assert AuditLogEntry.objects.filter(action="organisation.create").count() == Organisation.objects.count()
    assert AuditLogEntry.objects.filter(action="space.create").count() == Space.objects.count()


@pytest.mark.parametrize("email", ISSUE_EMAILS)
def test_every_demo_person_signs_in_with_the_demo_password(client, demo, email):
    response = client.post("/en/accounts/login/", {"login": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email=email).pk)
    assert client.get("/en/").status_code == 200


def test_every_demo_page_opens_for_a_visitor(client, demo):
    for organisation in Organisation.objects.all():
        assert client.get(f"/en/organisations/{organisation.slug}/").status_code == 200
    for space in Space.objects.filter(visibility=Space.Visibility.PUBLIC):
        assert client.get(f"/en/spaces/{space.slug}/").status_code == 200
    for space in Space.objects.filter(visibility=Space.Visibility.MEMBERS):
        assert client.get(f"/en/spaces/{space.slug}/").status_code == 404
