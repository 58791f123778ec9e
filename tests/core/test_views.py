"""What people see: every page in every language, 404 and 403 pages, and the membership flows."""

import pytest

from medvind.core.models import (
    AuditLogEntry,
    Invitation,
    JoinRequest,
    OrganisationMembership,
    Space,
    SpaceMembership,
)
from tests.factories import InvitationFactory, JoinRequestFactory, SpaceFactory, UserFactory
from tests.helpers import LANGUAGES, html_lang, page, translated, url

pytestmark = pytest.mark.django_db


def test_health_check_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


# (page, who looks at it, url name, url kwargs taken from the world)
PAGES = [
    ("home", "anonymous", "home", {}),
    ("home signed in", "member", "home", {}),
    ("organisation list", "anonymous", "core:organisation_list", {}),
    ("organisation page", "anonymous", "core:organisation_detail", {"slug": "exampletown"}),
    ("new organisation", "platform_admin", "core:organisation_create", {}),
    ("organisation edit", "org_admin", "core:organisation_edit", {"slug": "exampletown"}),
    ("organisation members", "staff", "core:organisation_members", {"slug": "exampletown"}),
    ("organisation members, managing", "org_admin", "core:organisation_members", {"slug": "exampletown"}),
    ("organisation audit log", "org_admin", "core:organisation_audit_log", {"slug": "exampletown"}),
    ("space list", "anonymous", "core:space_list", {}),
    ("space list signed in", "member", "core:space_list", {}),
    ("new space", "staff", "core:space_create", {}),
    ("public space", "anonymous", "core:space_detail", {"slug": "open-forum"}),
    ("public space, asking to join", "participant", "core:space_detail", {"slug": "open-forum"}),
    ("members-only space", "member", "core:space_detail", {"slug": "secret-audit"}),
    ("members-only space, owner admin", "org_admin", "core:space_detail", {"slug": "secret-audit"}),
    ("space edit", "facilitator", "core:space_edit", {"slug": "open-forum"}),
    ("space members", "member", "core:space_members", {"slug": "secret-audit"}),
    ("space members, managing", "facilitator", "core:space_members", {"slug": "secret-audit"}),
    ("invitation", "anonymous", "core:invitation", {"token": "the-token"}),
    ("invitation signed in", "participant", "core:invitation", {"token": "the-token"}),
    ("audit log", "platform_admin", "core:audit_log", {}),
    ("accessibility statement", "anonymous", "core:accessibility", {}),
    ("privacy page", "anonymous", "core:privacy", {}),
    ("profile", "member", "accounts:profile", {}),
    ("display settings", "anonymous", "accounts:display", {}),
    ("display settings signed in", "member", "accounts:display", {}),
    ("my data and account", "member", "accounts:privacy", {}),
    ("sign in", "anonymous", "account_login", {}),
    ("sign up", "anonymous", "account_signup", {}),
    ("password reset", "anonymous", "account_reset_password", {}),
    ("email addresses", "member", "account_email", {}),
    ("password change", "member", "account_change_password", {}),
    ("two-factor sign-in", "member", "mfa_index", {}),
]


@pytest.mark.parametrize(("title", "who", "name", "kwargs"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_answers_in_every_language_with_the_right_html_lang(
    client, world, title, who, name, kwargs
):
    InvitationFactory(space=world.members_only, token="the-token", email=world["participant"].email)
    JoinRequestFactory(space=world.members_only, message="Please let me in")
    if who != "anonymous":
        client.force_login(world[who])
    seen = {}
    for lang in LANGUAGES:
        response = client.get(url(name, lang, **kwargs))
        seen[lang] = (response.status_code, html_lang(response))
    assert seen == {lang: (200, lang) for lang in LANGUAGES}, f"{title} as {who}"


def test_two_factor_set_up_answers_in_every_language_after_confirming_the_password(client, world):
    client.force_login(world["member"])
    response = client.get(url("mfa_activate_totp"))
    assert response["Location"].startswith(url("account_reauthenticate"))
    response = client.post(url("account_reauthenticate"), {"password": "a-long-test-password-42"})
    assert response.status_code == 302
    for lang in LANGUAGES:
        response = client.get(url("mfa_activate_totp", lang))
        assert (response.status_code, html_lang(response)) == (200, lang)


def test_my_data_downloads_as_a_json_file(client, world):
    client.force_login(world["member"])
    response = client.get(url("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]


def test_pages_that_need_an_account_send_visitors_to_sign_in(client, world):
    for name, kwargs in [
        ("core:space_edit", {"slug": "open-forum"}),
        ("core:space_create", {}),
        ("accounts:profile", {}),
        ("accounts:privacy", {}),
        ("core:organisation_edit", {"slug": "exampletown"}),
    ]:
        response = client.get(url(name, "sv", **kwargs))
        assert response.status_code == 302
        assert response["Location"].startswith(url("account_login", "sv"))


# 404 ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/en/spaces/no-such-space/",
        "/en/spaces/no-such-space/edit/",
        "/en/spaces/no-such-space/members/",
        "/en/organisations/no-such-organisation/",
        "/en/organisations/no-such-organisation/edit/",
        "/en/invitations/no-such-token/",
        "/en/no-such-page/",
    ],
)
def test_unknown_addresses_get_the_not_found_page(client, world, path):
    client.force_login(world["platform_admin"])
    response = client.get(path)
    assert response.status_code == 404
    assert translated("en", "Page not found") in page(response)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_not_found_page_is_in_the_language_of_the_address(client, db, lang):
    response = client.get(f"/{lang}/spaces/no-such-space/")
    assert response.status_code == 404
    assert html_lang(response) == lang
    assert translated(lang, "Page not found") in page(response)


@pytest.mark.parametrize("who", ["anonymous", "participant", "staff", "representative_elsewhere"])
@pytest.mark.parametrize("suffix", ["", "edit/", "members/"])
def test_members_only_space_is_not_found_for_people_outside_it_and_its_title_does_not_leak(
    client, world, outsider, who, suffix
):
    if who == "representative_elsewhere":
        client.force_login(outsider)
    elif who != "anonymous":
        client.force_login(world[who])
    response = client.get(f"/en/spaces/secret-audit/{suffix}")
    if who == "anonymous" and suffix:
        assert response.status_code == 302  # sign in first; the answer after that is 404
        return
    assert response.status_code == 404
    assert "Secret Audit" not in page(response)


def test_hidden_space_is_not_listed_for_people_outside_it(client, world):
    client.force_login(world["participant"])
    for path in ("/en/", "/en/spaces/", "/en/organisations/exampletown/"):
        content = page(client.get(path))
        assert "Open Forum" in content
        assert "Secret Audit" not in content


def test_hidden_space_is_listed_for_its_members(client, world):
    client.force_login(world["member"])
    assert "Secret Audit" in page(client.get("/en/spaces/"))


def test_nobody_outside_a_hidden_space_can_join_or_ask_to_join_it(client, world):
    client.force_login(world["participant"])
    response = client.post("/en/spaces/secret-audit/join/", {"message": "hi"})
    assert response.status_code == 404
    assert not JoinRequest.objects.exists()


# 403 ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_member_of_another_space_cannot_edit_this_space_and_sees_a_translated_403_page(
    client, world, outsider, lang
):
    client.force_login(outsider)
    response = client.get(f"/{lang}/spaces/open-forum/edit/")
    assert response.status_code == 403
    assert html_lang(response) == lang
    assert translated(lang, "You do not have access") in page(response)
    response = client.post(f"/{lang}/spaces/open-forum/edit/", {"title": "Taken over"})
    assert response.status_code == 403
    world.public.refresh_from_db()
    assert world.public.title == "Open Forum"


def test_member_of_another_space_cannot_manage_members(client, world, outsider, mailoutbox):
    client.force_login(outsider)
    assert client.get("/en/spaces/open-forum/members/").status_code == 403
    response = client.post(
        "/en/spaces/open-forum/members/", {"invite-email": "x@example.org", "invite-role": "member"}
    )
    assert response.status_code == 403
    assert translated("en", "You do not have access") in page(response)
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_member_cannot_change_roles_remove_people_or_answer_requests(client, world):
    facilitator = SpaceMembership.objects.get(space=world.public, user=world["facilitator"])
    join_request = JoinRequestFactory(space=world.public)
    client.force_login(world["member"])
    response = client.post(f"/en/spaces/open-forum/members/{facilitator.pk}/", {"action": "remove"})
    assert response.status_code == 403
    response = client.post(
        f"/en/spaces/open-forum/members/{facilitator.pk}/", {"action": "role", "role": "member"}
    )
    assert response.status_code == 403
    response = client.post(f"/en/spaces/open-forum/requests/{join_request.pk}/", {"decision": "accept"})
    assert response.status_code == 403
    facilitator.refresh_from_db()
    assert facilitator.role == "facilitator"
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("staff", "/en/organisations/exampletown/edit/"),
        ("member", "/en/organisations/exampletown/members/"),
        ("staff", "/en/organisations/exampletown/audit-log/"),
        ("org_admin", "/en/audit-log/"),
        ("participant", "/en/spaces/new/"),
        ("org_admin", "/en/organisations/new/"),
    ],
)
def test_people_without_the_permission_get_the_403_page(client, world, who, path):
    client.force_login(world[who])
    response = client.get(path)
    assert response.status_code == 403
    assert translated("en", "You do not have access") in page(response)


def test_staff_cannot_add_or_remove_organisation_members(client, world):
    admin_membership = OrganisationMembership.objects.get(user=world["org_admin"])
    client.force_login(world["staff"])
    response = client.post(
        "/en/organisations/exampletown/members/", {"email": world["participant"].email, "role": "admin"}
    )
    assert response.status_code == 403
    response = client.post(f"/en/organisations/exampletown/members/{admin_membership.pk}/remove/")
    assert response.status_code == 403
    assert OrganisationMembership.objects.filter(organisation=world.owner).count() == 2
    assert not AuditLogEntry.objects.exists()


def test_organisation_admin_adds_a_member_by_email(client, world):
    client.force_login(world["org_admin"])
    response = client.post(
        "/en/organisations/exampletown/members/",
        {"email": world["participant"].email.upper(), "role": "staff"},
    )
    assert response.status_code == 302
    assert OrganisationMembership.objects.get(user=world["participant"]).role == "staff"
    assert "Pat Participant" in page(client.get("/en/organisations/exampletown/members/"))


# What people can do on the pages ----------------------------------------------------------------


def test_space_page_offers_what_the_viewer_may_do(client, world):
    client.force_login(world["facilitator"])
    content = page(client.get("/en/spaces/open-forum/"))
    assert "/en/spaces/open-forum/edit/" in content
    assert "/en/spaces/open-forum/members/" in content
    client.force_login(world["member"])
    content = page(client.get("/en/spaces/open-forum/"))
    assert "/en/spaces/open-forum/edit/" not in content
    assert "/en/spaces/open-forum/members/" in content


def test_participant_joins_an_open_space_from_its_page(client, world):
    space = SpaceFactory(slug="walk-in", join_policy=Space.JoinPolicy.OPEN, organisations=[world.owner])
    client.force_login(world["participant"])
    response = client.post("/en/spaces/walk-in/join/", follow=True)
    assert response.status_code == 200
    assert translated("en", "Welcome! You are now a member.") in page(response)
    assert SpaceMembership.objects.filter(space=space, user=world["participant"]).exists()


def test_participant_asks_to_join_and_the_facilitator_accepts(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(world["participant"])
    response = client.post("/en/spaces/open-forum/join/", {"message": "I use home care."}, follow=True)
    assert translated("en", "You have asked to join. The facilitators will answer you.") in page(response)
    join_request = JoinRequest.objects.get(user=world["participant"])

    client.force_login(world["facilitator"])
    assert "I use home care." in page(client.get("/en/spaces/open-forum/members/"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/spaces/open-forum/requests/{join_request.pk}/", {"decision": "accept"})
    assert response.status_code == 302
    assert SpaceMembership.objects.filter(space=world.public, user=world["participant"]).exists()
    assert [m.to for m in mailoutbox] == [[world["participant"].email]]


def test_facilitator_invites_and_the_invited_person_accepts(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    newcomer = UserFactory(email="newcomer@example.org", language="da")
    client.force_login(world["facilitator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/spaces/secret-audit/members/",
            {"invite-email": "newcomer@example.org", "invite-role": "responder"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    (mail,) = mailoutbox
    assert f"/da/invitations/{invitation.token}/" in mail.body

    client.force_login(newcomer)
    response = client.post(f"/da/invitations/{invitation.token}/", {"decision": "accept"})
    assert response.status_code == 302
    assert response["Location"] == "/da/spaces/secret-audit/"
    assert SpaceMembership.objects.get(space=world.members_only, user=newcomer).role == "responder"


def test_facilitator_changes_a_role_on_the_members_page(client, world):
    membership = SpaceMembership.objects.get(space=world.public, user=world["member"])
    client.force_login(world["facilitator"])
    response = client.post(
        f"/en/spaces/open-forum/members/{membership.pk}/",
        {"action": "role", "role": "representative", "represents": world.user_organisation.pk},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.represents) == ("representative", world.user_organisation)


def test_representative_without_organisation_is_refused_with_a_message(client, world):
    membership = SpaceMembership.objects.get(space=world.public, user=world["member"])
    client.force_login(world["facilitator"])
    response = client.post(
        f"/en/spaces/open-forum/members/{membership.pk}/",
        {"action": "role", "role": "representative"},
        follow=True,
    )
    assert translated("en", "Choose the organisation that the representative speaks for.") in page(response)
    membership.refresh_from_db()
    assert membership.role == "member"


def test_last_facilitator_trying_to_leave_is_told_why_not(client, world):
    client.force_login(world["facilitator"])
    response = client.post("/en/spaces/open-forum/leave/", follow=True)
    assert translated("en", "A space must keep at least one facilitator.") in page(response)
    assert SpaceMembership.objects.filter(space=world.public, user=world["facilitator"]).exists()


def test_member_leaves_a_hidden_space_and_lands_on_the_space_list(client, world):
    client.force_login(world["member"])
    response = client.post("/en/spaces/secret-audit/leave/")
    assert response["Location"] == "/en/spaces/"
    assert not SpaceMembership.objects.filter(space=world.members_only, user=world["member"]).exists()
