"""Every write in accounts/services.py: profile changes and erasing an account."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from medvind.accounts import services
from medvind.accounts.models import User
from medvind.core import services as core_services
from medvind.core.errors import NotAllowed
from medvind.core.models import (
    AuditLogEntry,
    Invitation,
    JoinRequest,
    OrganisationMembership,
    Space,
    SpaceMembership,
)
from tests.factories import (
    AdminFactory,
    OrganisationMembershipFactory,
    SpaceFactory,
    TotpFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_person_updates_their_profile_and_old_and_new_values_are_logged():
    person = UserFactory(display_name="Pia", language="sv")
    services.profile_update(actor=person, user=person, display_name="Pia K", language="da", large_text=True)
    person.refresh_from_db()
    assert (person.display_name, person.language, person.large_text) == ("Pia K", "da", True)
    entry = AuditLogEntry.objects.get(action="account.profile_update")
    assert entry.actor == person
    assert entry.changes == {
        "display_name": ["Pia", "Pia K"],
        "language": ["sv", "da"],
        "large_text": [False, True],
    }


def test_saving_a_profile_without_changes_logs_nothing():
    person = UserFactory(display_name="Pia")
    services.profile_update(actor=person, user=person, display_name="Pia")
    assert not AuditLogEntry.objects.exists()


def test_nobody_changes_another_persons_profile():
    person, other = UserFactory(display_name="Pia"), UserFactory()
    with pytest.raises(NotAllowed):
        services.profile_update(actor=other, user=person, display_name="Hacked")
    person.refresh_from_db()
    assert person.display_name == "Pia"
    assert not AuditLogEntry.objects.exists()


def test_platform_admin_may_change_a_profile():
    person = UserFactory(display_name="Rude name")
    services.profile_update(actor=AdminFactory(), user=person, display_name="Participant")
    person.refresh_from_db()
    assert person.display_name == "Participant"


@pytest.mark.parametrize("values", [{"email": "x@example.org"}, {"is_superuser": True}, {"language": "de"}])
def test_profile_update_refuses_fields_and_values_it_does_not_own(values):
    person = UserFactory()
    with pytest.raises(ValueError):
        services.profile_update(actor=person, user=person, **values)
    person.refresh_from_db()
    assert not person.is_superuser
    assert person.language == "en"


@pytest.fixture
def active_person(django_capture_on_commit_callbacks):
    """Someone with a trail: memberships, a request, an invitation, two-factor and audit entries."""
    person = UserFactory(email="pia@example.se", display_name="Pia Persson", language="sv", large_text=True)
    TotpFactory(user=person)
    organisation_membership = OrganisationMembershipFactory(user=person, role="staff")
    owner = organisation_membership.organisation
    OrganisationMembershipFactory(organisation=owner, role="admin")
    open_space = SpaceFactory(join_policy=Space.JoinPolicy.OPEN, organisations=[owner], title="Open")
    asking_space = SpaceFactory(organisations=[owner], title="Asking")
    hidden_space = SpaceFactory(visibility="members", organisations=[owner], title="Hidden")
    facilitator = UserFactory()
    SpaceMembership.objects.create(space=hidden_space, user=facilitator, role="facilitator")
    core_services.space_join(space=open_space, actor=person)
    core_services.space_request_join(space=asking_space, actor=person, message="Let me in, I am Pia.")
    with django_capture_on_commit_callbacks(execute=True):
        core_services.space_invite(space=hidden_space, actor=facilitator, email=person.email)
    services.profile_update(actor=person, user=person, display_name="Pia P")
    person.refresh_from_db()
    return person


def test_erasing_an_account_removes_personal_data_and_keeps_a_deleted_participant(active_person):
    person = active_person
    services.account_erase(actor=person, user=person)
    person.refresh_from_db()
    assert person.email != "pia@example.se"
    assert person.display_name == ""
    assert person.public_name == "Deleted participant"
    assert str(person) == "Deleted participant"
    assert (person.language, person.large_text) == ("", False)
    assert person.is_deleted
    assert not person.is_active
    assert not person.has_usable_password()
    assert not OrganisationMembership.objects.filter(user=person).exists()
    assert not SpaceMembership.objects.filter(user=person).exists()
    assert not JoinRequest.objects.filter(user=person).exists()
    assert not Invitation.objects.filter(email__iexact="pia@example.se").exists()
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not Authenticator.objects.filter(user=person).exists()


def test_erasing_an_account_keeps_the_audit_rows_the_person_made(active_person):
    made = list(AuditLogEntry.objects.filter(actor=active_person).values_list("pk", "action"))
    assert len(made) >= 3
    services.account_erase(actor=active_person, user=active_person)
    assert list(AuditLogEntry.objects.filter(actor=active_person).values_list("pk", "action")) == made
    assert AuditLogEntry.objects.filter(action="account.erase", object_id=str(active_person.pk)).exists()


def test_erasing_an_account_leaves_no_email_or_name_of_the_person_in_the_audit_log(active_person):
    services.account_erase(actor=active_person, user=active_person)
    for entry in AuditLogEntry.objects.all():
        written = entry.object_repr + json.dumps(entry.changes, ensure_ascii=False)
        for personal in ("pia@example.se", "Pia Persson", "Pia P"):
            assert personal not in written, f"{entry.action} still holds {personal!r}"


def test_nobody_erases_another_persons_account():
    person, other = UserFactory(), UserFactory()
    with pytest.raises(NotAllowed):
        services.account_erase(actor=other, user=person)
    person.refresh_from_db()
    assert not person.is_deleted


def test_an_erased_person_cannot_sign_in_again(client, active_person):
    services.account_erase(actor=active_person, user=active_person)
    assert not client.login(email="pia@example.se", password="a-long-test-password-42")
    assert not User.objects.filter(email="pia@example.se").exists()


def test_what_a_person_told_about_themselves_in_audits_learning_and_the_contact_bank_is_exported_then_erased(
    active_person,
):
    import datetime as dt

    from medvind.accounts.selectors import account_export
    from medvind.audits import services as audit_services
    from medvind.audits.models import AuditorProfile
    from medvind.directory.models import Representative
    from medvind.learning.models import Enrolment, Path, Reflection, Step
    from tests.factories import OrganisationFactory

    person = active_person
    service = OrganisationFactory(kind="service", name="Boendestödet")
    audit_services.pool_join(actor=person, experience_areas="Psykiatri", services_used=[service])
    audit_services.training_add(
        actor=person,
        course="Grundkurs",
        started_on=dt.date(2026, 1, 1),
        ended_on=dt.date(2026, 1, 2),
        hours=8,
    )
    Representative.objects.create(user=person, display_name="Pia R", experience_areas="Boende")
    path = Path.objects.create(title="Being a user representative", slug="rep", language="en")
    step = Step.objects.create(path=path, position=1, item=_an_item(), question="What do you want to change?")
    Enrolment.objects.create(person=person, path=path)
    Reflection.objects.create(person=person, step=step, text="My own thoughts")

    exported = json.loads(json.dumps(account_export(person)))
    assert exported["auditor_pool"]["services_used"] == ["Boendestödet"]
    assert exported["auditor_pool"]["trainings"][0]["course"] == "Grundkurs"
    assert exported["reflections"] == [
        {"question": "What do you want to change?", "answer": "My own thoughts"}
    ]
    assert exported["contact_bank_listing"]["display_name"] == "Pia R"
    assert exported["learning"][0]["path"] == "Being a user representative"

    services.account_erase(actor=person, user=person)
    for model, field in (
        (AuditorProfile, "user"),
        (Representative, "user"),
        (Reflection, "person"),
        (Enrolment, "person"),
    ):
        assert not model.objects.filter(**{field: person}).exists(), model.__name__


def _an_item():
    from medvind.knowledge.models import Item

    return Item.objects.create(
        kind="article", title="What is user participation?", slug="what", language="en", status="published"
    )
