"""Bad and hostile input on the organisation and space forms: a clear error by the field, the typed
value kept, nothing written."""

import pytest

from medvind.core.forms import SpaceForm
from medvind.core.models import (
    AuditLogEntry,
    Invitation,
    JoinRequest,
    Organisation,
    OrganisationMembership,
    Space,
    SpaceMembership,
)
from tests.factories import InvitationFactory, OrganisationFactory
from tests.helpers import field_error, field_value, form_defaults, page

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
SQL = "'; DROP TABLE core_space; --"
MODELS = (
    Organisation,
    OrganisationMembership,
    Space,
    SpaceMembership,
    JoinRequest,
    Invitation,
    AuditLogEntry,
)


@pytest.fixture
def nothing_written():
    class NothingWritten:
        def __enter__(self):
            self.before = {model.__name__: model.objects.count() for model in MODELS}

        def __exit__(self, *exc):
            after = {model.__name__: model.objects.count() for model in MODELS}
            assert after == self.before, "bad input wrote rows"
            return False

    return NothingWritten


def space_data(world, **changes):
    data = form_defaults(SpaceForm())
    data |= {
        "title": "Home care forum",
        "kind": "forum",
        "summary": "We talk about home care.",
        "description": "Every month.",
        "organisations": [world.owner.pk],
        "visibility": "public",
        "join_policy": "request",
        "language": "sv",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# Space create and edit -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "kept"),
    [
        ({"title": ""}, "title", ("summary", "We talk about home care.")),
        ({"title": "x" * 151}, "title", ("title", "x" * 151)),
        ({"summary": "s" * 301}, "summary", ("summary", "s" * 301)),
        ({"organisations": None}, "organisations", ("title", "Home care forum")),
        ({"organisations": [999999]}, "organisations", ("title", "Home care forum")),
        ({"kind": "party"}, "kind", ("title", "Home care forum")),
        ({"visibility": "everyone"}, "visibility", ("title", "Home care forum")),
        ({"language": "de"}, "language", ("description", "Every month.")),
    ],
)
def test_bad_input_when_creating_a_space_is_shown_by_the_field_and_nothing_is_written(
    client, world, nothing_written, changes, field, kept
):
    client.force_login(world["staff"])
    with nothing_written():
        response = client.post("/en/spaces/new/", space_data(world, **changes))
    assert response.status_code in (200, 400)
    assert field_error(response, field)
    assert field_value(response, kept[0]) == kept[1]


def test_space_for_an_organisation_the_creator_does_not_work_for_is_refused_by_the_owner_field(
    client, world, nothing_written
):
    client.force_login(world["staff"])
    with nothing_written():
        response = client.post(
            "/en/spaces/new/", space_data(world, organisations=[world.user_organisation.pk])
        )
    assert "staff or administrator" in field_error(response, "organisations")
    assert field_value(response, "title") == "Home care forum"


def test_hostile_space_text_is_stored_as_typed_and_shown_escaped(client, world):
    client.force_login(world["staff"])
    response = client.post(
        "/en/spaces/new/", space_data(world, title=SCRIPT, summary=SQL, description=SCRIPT)
    )
    assert response.status_code == 302
    space = Space.objects.get(title=SCRIPT)
    assert (space.summary, space.description) == (SQL, SCRIPT)
    for path in (response["Location"], "/en/spaces/", "/en/", f"/en/spaces/{space.slug}/members/"):
        content = page(client.get(path))
        assert SCRIPT not in content, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content, path
    assert Space.objects.count() == 3


def test_bad_input_when_editing_a_space_keeps_what_was_typed_and_changes_nothing(
    client, world, nothing_written
):
    client.force_login(world["facilitator"])
    data = form_defaults(SpaceForm(instance=world.public))
    data |= {"title": "", "summary": "New summary", "join_policy": "open"}
    with nothing_written():
        response = client.post("/en/spaces/open-forum/edit/", data)
    assert response.status_code in (200, 400)
    assert field_error(response, "title")
    assert field_value(response, "summary") == "New summary"
    world.public.refresh_from_db()
    assert (world.public.title, world.public.join_policy) == ("Open Forum", "request")


def test_hostile_text_in_a_space_edit_is_stored_and_escaped(client, world):
    client.force_login(world["facilitator"])
    data = form_defaults(SpaceForm(instance=world.public))
    data |= {"title": SQL, "summary": SCRIPT}
    response = client.post("/en/spaces/open-forum/edit/", data, follow=True)
    world.public.refresh_from_db()
    assert (world.public.title, world.public.summary) == (SQL, SCRIPT)
    content = page(response)
    assert SCRIPT not in content
    assert "&#x27;; DROP TABLE core_space; --" in content


# Organisation forms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "n" * 151}, "name"),
        ({"website": "not a web address"}, "website"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"email": "not-an-email"}, "email"),
        ({"language": "xx"}, "language"),
    ],
)
def test_bad_input_when_editing_an_organisation_is_shown_by_the_field_and_nothing_is_written(
    client, world, nothing_written, changes, field
):
    client.force_login(world["org_admin"])
    data = {"name": "Exampletown", "description": "Typed text", "website": "", "email": "", "language": "sv"}
    data.update(changes)
    with nothing_written():
        response = client.post("/en/organisations/exampletown/edit/", data)
    assert response.status_code in (200, 400)
    assert field_error(response, field)
    assert field_value(response, "description") == "Typed text"
    world.owner.refresh_from_db()
    assert (world.owner.name, world.owner.description) == ("Exampletown", "")


def test_hostile_organisation_description_is_stored_and_escaped(client, world):
    client.force_login(world["org_admin"])
    data = {
        "name": "Exampletown",
        "description": SCRIPT + "\n" + SQL,
        "website": "",
        "email": "",
        "language": "sv",
    }
    response = client.post("/en/organisations/exampletown/edit/", data, follow=True)
    world.owner.refresh_from_db()
    assert world.owner.description == SCRIPT + "\n" + SQL
    assert SCRIPT not in page(response)
    assert "&lt;script&gt;" in page(response)


def test_service_under_a_user_organisation_is_refused_on_the_new_organisation_form(
    client, world, nothing_written
):
    client.force_login(world["platform_admin"])
    data = {
        "name": "Home care",
        "kind": "service",
        "parent": world.user_organisation.pk,
        "country": "SE",
        "language": "sv",
    }
    with nothing_written():
        response = client.post("/en/organisations/new/", data)
    assert response.status_code == 400
    assert field_error(response, "parent")
    assert field_value(response, "name") == "Home care"


def test_adding_an_unknown_person_to_an_organisation_is_refused_by_the_email_field(
    client, world, nothing_written
):
    client.force_login(world["org_admin"])
    with nothing_written():
        response = client.post(
            "/en/organisations/exampletown/members/", {"email": "nobody@example.org", "role": "staff"}
        )
    assert "No one with this email address" in field_error(response, "email")
    assert field_value(response, "email") == "nobody@example.org"


def test_last_admin_stepping_down_is_refused_by_the_role_field(client, world, nothing_written):
    client.force_login(world["org_admin"])
    with nothing_written():
        response = client.post(
            "/en/organisations/exampletown/members/", {"email": world["org_admin"].email, "role": "member"}
        )
    assert "at least one administrator" in field_error(response, "role")


# Invitations and requests to join ----------------------------------------------------------------


@pytest.mark.parametrize("email", ["not-an-email", "", "a@b", "x" * 250 + "@example.org", SCRIPT])
def test_bad_invitation_email_is_shown_by_the_field_and_nothing_is_sent(
    client, world, nothing_written, mailoutbox, email
):
    client.force_login(world["facilitator"])
    with nothing_written():
        response = client.post(
            "/en/spaces/open-forum/members/", {"invite-email": email, "invite-role": "member"}
        )
    assert response.status_code == 400
    assert field_error(response, "email", prefix="invite")
    assert field_value(response, "email", prefix="invite") == email
    assert SCRIPT not in page(response)
    assert mailoutbox == []


def test_inviting_someone_twice_is_refused_by_the_email_field(client, world, nothing_written, mailoutbox):
    InvitationFactory(space=world.public, email="twice@example.org")
    client.force_login(world["facilitator"])
    with nothing_written():
        response = client.post(
            "/en/spaces/open-forum/members/", {"invite-email": "twice@example.org", "invite-role": "member"}
        )
    assert response.status_code == 400
    assert "already been invited" in field_error(response, "email", prefix="invite")
    assert mailoutbox == []


def test_inviting_a_member_is_refused_by_the_email_field(client, world, nothing_written):
    client.force_login(world["facilitator"])
    with nothing_written():
        response = client.post(
            "/en/spaces/open-forum/members/", {"invite-email": world["member"].email, "invite-role": "member"}
        )
    assert "already a member" in field_error(response, "email", prefix="invite")


@pytest.mark.parametrize("role", ["owner", "representative"])
def test_invitation_with_a_role_that_cannot_be_invited_is_refused_by_the_role_field(
    client, world, nothing_written, role
):
    client.force_login(world["facilitator"])
    with nothing_written():
        response = client.post(
            "/en/spaces/open-forum/members/", {"invite-email": "new@example.org", "invite-role": role}
        )
    assert response.status_code == 400
    assert field_error(response, "role", prefix="invite")
    assert field_value(response, "email", prefix="invite") == "new@example.org"


def test_too_long_message_with_a_request_to_join_is_shown_by_the_field_and_kept(
    client, world, nothing_written
):
    message = "I want to help. " * 63
    assert len(message) > 1000
    client.force_login(world["participant"])
    with nothing_written():
        response = client.post("/en/spaces/open-forum/join/", {"message": message})
    assert response.status_code == 400
    assert field_error(response, "message")
    assert field_value(response, "message") == message


def test_hostile_message_with_a_request_to_join_is_stored_and_shown_escaped(client, world):
    client.force_login(world["participant"])
    client.post("/en/spaces/open-forum/join/", {"message": SCRIPT})
    assert JoinRequest.objects.get().message == SCRIPT
    client.force_login(world["facilitator"])
    content = page(client.get("/en/spaces/open-forum/members/"))
    assert SCRIPT not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_member_role_form_with_unknown_values_changes_nothing(client, world, nothing_written):
    membership = SpaceMembership.objects.get(space=world.public, user=world["member"])
    client.force_login(world["facilitator"])
    for data in (
        {"action": "role", "role": "king"},
        {"action": "role", "role": "member", "represents": "abc"},
    ):
        with nothing_written():
            response = client.post(f"/en/spaces/open-forum/members/{membership.pk}/", data, follow=True)
        assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.role == "member"


def test_answering_a_request_with_a_made_up_decision_changes_nothing(client, world, nothing_written):
    client.force_login(world["participant"])
    client.post("/en/spaces/open-forum/join/", {"message": "hi"})
    join_request = JoinRequest.objects.get()
    client.force_login(world["facilitator"])
    with nothing_written():
        response = client.post(
            f"/en/spaces/open-forum/requests/{join_request.pk}/", {"decision": "maybe"}, follow=True
        )
    assert "Choose accept or decline." in page(response)
    join_request.refresh_from_db()
    assert join_request.status == "pending"


@pytest.mark.parametrize("query", ["?page=abc", "?page=-1", "?page=99999", "?kind=<script>", f"?q={SCRIPT}"])
def test_tampered_list_filters_never_break_the_lists(client, world, query):
    OrganisationFactory.create_batch(3)
    for path in ("/en/spaces/", "/en/organisations/"):
        response = client.get(path + query)
        assert response.status_code == 200
        assert SCRIPT not in page(response)
