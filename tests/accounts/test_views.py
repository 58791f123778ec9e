"""Accounts as people use them: sign-up, profile, display settings, my data, deleting the account,
and the two-factor rule for staff."""

import json
import re

import pytest
from allauth.account.models import EmailAddress

from medvind.accounts.models import User
from medvind.core.models import AuditLogEntry, JoinRequest, SpaceMembership
from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    OrganisationMembershipFactory,
    SpaceFactory,
    TotpFactory,
    UserFactory,
)
from tests.helpers import LANGUAGES, field_error, field_value, page, translated, url

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
GOOD_PASSWORD = "Rosehip-tea-on-Tuesdays-7"


def body_classes(response) -> set[str]:
    match = re.search(r'<body class="([^"]*)"', page(response))
    assert match, "no body element"
    return set(match[1].split())


def signup_data(**changes):
    data = {
        "email": "new.person@example.org",
        "display_name": "Noor",
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
    }
    data.update(changes)
    return data


# Sign-up ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sign_up_creates_an_unverified_address_and_sends_a_verification_mail_in_that_language(
    client, mailoutbox, lang
):
    response = client.post(url("account_signup", lang), signup_data())
    assert response.status_code == 302
    person = User.objects.get(email="new.person@example.org")
    assert (person.display_name, person.language) == ("Noor", lang)
    address = EmailAddress.objects.get(user=person)
    assert (address.email, address.verified) == ("new.person@example.org", False)
    (mail,) = mailoutbox
    assert mail.to == ["new.person@example.org"]
    assert f"/{lang}/accounts/confirm-email/" in mail.body
    assert mail.subject == "Medvind: " + translated(lang, "Please Confirm Your Email Address")


def test_unverified_person_cannot_sign_in_until_the_address_is_confirmed(client, mailoutbox):
    client.post(url("account_signup"), signup_data())
    client.logout()
    response = client.post(
        url("account_login"), {"login": "new.person@example.org", "password": GOOD_PASSWORD}
    )
    assert response["Location"] == url("account_email_verification_sent")
    link = re.search(r"http://testserver(/en/accounts/confirm-email/[^/\s]+/)", mailoutbox[0].body)[1]
    client.post(link)
    assert EmailAddress.objects.get(email="new.person@example.org").verified


@pytest.mark.parametrize(
    ("changes", "field", "kept"),
    [
        ({"email": "not-an-email"}, "email", ("display_name", "Noor")),
        ({"email": ""}, "email", ("display_name", "Noor")),
        (
            {"password1": "password", "password2": "password"},
            "password1",
            ("email", "new.person@example.org"),
        ),
        ({"password1": "12345678901", "password2": "12345678901"}, "password1", ("display_name", "Noor")),
        ({"password2": GOOD_PASSWORD + "x"}, "password2", ("email", "new.person@example.org")),
        ({"display_name": "n" * 61}, "display_name", ("display_name", "n" * 61)),
        ({"display_name": ""}, "display_name", ("email", "new.person@example.org")),
    ],
)
def test_bad_sign_up_input_is_shown_by_the_field_and_no_account_is_made(
    client, mailoutbox, changes, field, kept
):
    response = client.post(url("account_signup"), signup_data(**changes))
    assert response.status_code in (200, 400)
    assert field_error(response, field)
    assert field_value(response, kept[0]) == kept[1]
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize("lang", ["sv", "da"])
def test_sign_up_with_a_taken_address_makes_no_second_account_and_tells_the_owner_by_email(
    client, mailoutbox, lang
):
    """allauth does not reveal on the page whether an address has an account (enumeration prevention):
    the person sees the usual 'check your email' page, and the owner of the address gets an email."""
    owner = UserFactory(email="taken@example.org", display_name="Owner")
    response = client.post(url("account_signup", lang), signup_data(email="TAKEN@example.org"))
    assert response.status_code == 302
    assert User.objects.count() == 1
    owner.refresh_from_db()
    assert owner.display_name == "Owner"
    (mail,) = mailoutbox
    assert mail.to == ["taken@example.org"]
    assert mail.subject == "Medvind: " + translated(lang, "Account Already Exists")
    assert f"/{lang}/accounts/password/reset/" in mail.body


def test_hostile_display_name_at_sign_up_is_stored_as_typed_and_shown_escaped(client, db):
    client.post(url("account_signup"), signup_data(display_name=SCRIPT))
    person = User.objects.get()
    assert person.display_name == SCRIPT
    space = SpaceFactory(slug="forum")
    SpaceMembership.objects.create(space=space, user=person, role="facilitator")
    client.force_login(person)
    for path in ("/en/spaces/forum/", "/en/spaces/forum/members/", "/en/account/profile/"):
        content = page(client.get(path))
        assert SCRIPT not in content, path
        assert "&lt;script&gt;" in content, path


# Profile ----------------------------------------------------------------------------------------


def test_person_updates_the_profile_and_sees_the_site_in_the_chosen_language(client, db):
    person = UserFactory(display_name="Pia", language="en")
    client.force_login(person)
    data = {"display_name": "Pia K", "language": "da", "easy_read": "on"}
    response = client.post("/en/account/profile/", data)
    assert response.status_code == 302
    assert response["Location"] == "/da/account/profile/"
    person.refresh_from_db()
    assert (person.display_name, person.language, person.easy_read, person.large_text) == (
        "Pia K",
        "da",
        True,
        False,
    )
    assert AuditLogEntry.objects.get(action="account.profile_update").changes["display_name"] == [
        "Pia",
        "Pia K",
    ]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"display_name": "n" * 61}, "display_name"),
        ({"display_name": "   "}, "display_name"),
        ({"language": "xx"}, "language"),
    ],
)
def test_bad_profile_input_is_shown_by_the_field_and_nothing_is_saved(client, db, changes, field):
    person = UserFactory(display_name="Pia", language="en")
    client.force_login(person)
    data = {"display_name": "Pia K", "language": "sv", "large_text": "on", **changes}
    response = client.post("/en/account/profile/", data)
    assert response.status_code == 400
    assert field_error(response, field)
    if field != "display_name":
        assert field_value(response, "display_name") == "Pia K"
    else:
        assert field_value(response, "display_name") == changes["display_name"]
    person.refresh_from_db()
    assert (person.display_name, person.language, person.large_text) == ("Pia", "en", False)
    assert not AuditLogEntry.objects.exists()


# Display settings ---------------------------------------------------------------------------------


def test_visitors_display_settings_are_kept_in_the_session_and_apply_on_every_page(client, world):
    response = client.post(
        "/en/account/display/", {"easy_read": "on", "large_text": "on", "next": "/en/spaces/"}
    )
    assert response["Location"] == "/en/spaces/"
    for path in (
        "/en/",
        "/sv/spaces/",
        "/da/organisations/exampletown/",
        "/nb/spaces/open-forum/",
        "/en/accounts/login/",
        "/en/no-such-page/",
    ):
        assert body_classes(client.get(path)) >= {"mv-easy-read", "mv-large-text"}, path
        assert "mv-high-contrast" not in body_classes(client.get(path)), path
    client.cookies.clear()
    assert body_classes(client.get("/en/")) == set()


def test_signed_in_persons_display_settings_are_kept_in_the_profile_and_apply_on_every_page(client, world):
    person = world["member"]
    client.force_login(person)
    client.post("/en/account/display/", {"high_contrast": "on", "large_text": "on"})
    person.refresh_from_db()
    assert (person.easy_read, person.large_text, person.high_contrast) == (False, True, True)
    client.logout()
    client.force_login(person)
    for path in (
        "/en/",
        "/sv/spaces/secret-audit/",
        "/en/account/profile/",
        "/en/spaces/open-forum/edit/",
        "/en/accounts/email/",
    ):
        assert body_classes(client.get(path)) == {"mv-large-text", "mv-high-contrast"}, path


def test_display_settings_do_not_send_people_to_another_site(client, db):
    response = client.post("/en/account/display/", {"easy_read": "on", "next": "https://evil.example/"})
    assert response["Location"] == "/en/account/display/"


# Download my data and delete my account ----------------------------------------------------------


def test_download_my_data_has_profile_memberships_requests_and_activity(client, world):
    person = world["member"]
    client.force_login(person)
    client.post("/en/account/profile/", {"display_name": "Member M", "language": "sv"})
    SpaceFactory(slug="asking", title="Asking Space", organisations=[world.owner])
    client.post("/en/spaces/asking/join/", {"message": "Please, I am M."})
    OrganisationMembershipFactory(organisation=world.user_organisation, user=person)
    response = client.get("/en/account/privacy/my-data.json")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["profile"]["email"] == person.email
    assert data["profile"]["display_name"] == "Member M"
    assert data["email_addresses"] == [{"email": person.email, "verified": True, "primary": True}]
    assert {m["space"] for m in data["space_memberships"]} == {"Open Forum", "Secret Audit"}
    assert [m["organisation"] for m in data["organisation_memberships"]] == ["Users' Voice"]
    assert [(r["space"], r["message"]) for r in data["join_requests"]] == [
        ("Asking Space", "Please, I am M.")
    ]
    assert {a["action"] for a in data["activity"]} == {"account.profile_update", "space.request_join"}


def test_someone_elses_data_is_not_in_my_download(client, world):
    client.force_login(world["member"])
    content = client.get("/en/account/privacy/my-data.json").content.decode()
    assert world["facilitator"].email not in content
    assert "Facilitator Person" not in content


def test_deleting_my_account_anonymises_me_signs_me_out_and_keeps_what_i_did(client, world):
    person = world["member"]
    email = person.email
    client.force_login(person)
    client.post("/en/account/profile/", {"display_name": "Member M", "language": "en"})
    made = list(AuditLogEntry.objects.filter(actor=person).values_list("pk", flat=True))

    response = client.post("/en/account/privacy/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"

    person.refresh_from_db()
    assert person.email != email
    assert person.display_name == ""
    assert person.public_name == "Deleted participant"
    assert not SpaceMembership.objects.filter(user=person).exists()
    assert list(AuditLogEntry.objects.filter(actor=person).values_list("pk", flat=True)) == made
    for entry in AuditLogEntry.objects.filter(object_type="accounts.user", object_id=str(person.pk)):
        assert entry.changes == {} or entry.action == "account.erase"
        assert "Member M" not in entry.object_repr

    assert client.get("/en/account/profile/").status_code == 302  # signed out
    response = client.post("/en/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_deleting_my_account_with_the_wrong_password_is_refused_by_the_field(client, world):
    person = world["member"]
    client.force_login(person)
    response = client.post("/en/account/privacy/", {"password": "wrong-password", "confirm": "on"})
    assert response.status_code == 400
    assert field_error(response, "password") == translated("en", "The password is not correct.")
    person.refresh_from_db()
    assert not person.is_deleted
    assert SpaceMembership.objects.filter(user=person).count() == 2
    assert client.get("/en/account/profile/").status_code == 200


def test_deleting_my_account_without_confirming_is_refused_by_the_field(client, world):
    client.force_login(world["member"])
    response = client.post("/en/account/privacy/", {"password": PASSWORD})
    assert response.status_code == 400
    assert field_error(response, "confirm")
    world["member"].refresh_from_db()
    assert not world["member"].is_deleted


def test_deleting_my_account_removes_my_pending_requests(client, world):
    client.force_login(world["participant"])
    client.post("/en/spaces/open-forum/join/", {"message": "hello"})
    client.post("/en/account/privacy/", {"password": PASSWORD, "confirm": "on"})
    assert not JoinRequest.objects.exists()


# Two-factor sign-in for staff ---------------------------------------------------------------------


@pytest.fixture
def strict_org(db):
    return OrganisationFactory(require_staff_mfa=True)


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_of_an_organisation_that_requires_two_factor_are_sent_to_set_it_up(client, strict_org, role):
    person = UserFactory()
    OrganisationMembershipFactory(organisation=strict_org, user=person, role=role)
    client.force_login(person)
    for path in ("/en/", "/en/spaces/", "/en/account/profile/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == url("mfa_activate_totp")
    assert client.get(url("mfa_index")).status_code == 200
    assert client.post(url("account_logout")).status_code == 302


def test_members_of_an_organisation_that_requires_two_factor_are_not_asked(client, strict_org):
    person = UserFactory()
    OrganisationMembershipFactory(organisation=strict_org, user=person, role="member")
    client.force_login(person)
    assert client.get("/en/").status_code == 200


def test_staff_with_two_factor_set_up_go_where_they_want(client, strict_org):
    person = UserFactory()
    OrganisationMembershipFactory(organisation=strict_org, user=person, role="staff")
    TotpFactory(user=person)
    client.force_login(person)
    assert client.get("/en/").status_code == 200
    assert client.get("/en/spaces/").status_code == 200


def test_staff_of_organisations_without_the_requirement_are_not_asked(client, world):
    client.force_login(world["staff"])
    assert client.get("/en/").status_code == 200
