"""Every write in core/services.py: the happy path with its audit-log row, refusals and domain errors."""

from unittest import mock

import pytest

from medvind.core import services
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import (
    AuditLogEntry,
    Invitation,
    JoinRequest,
    Organisation,
    OrganisationMembership,
    Space,
    SpaceMembership,
)
from tests.factories import (
    InvitationFactory,
    JoinRequestFactory,
    OrganisationFactory,
    OrganisationMembershipFactory,
    SpaceFactory,
    SpaceMembershipFactory,
    UserFactory,
)
from tests.helpers import translated

pytestmark = pytest.mark.django_db

MODELS = (
    Organisation,
    OrganisationMembership,
    Space,
    SpaceMembership,
    JoinRequest,
    Invitation,
    AuditLogEntry,
)


def snapshot() -> dict[str, int]:
    """How many rows of each kind exist: a failed action must leave this unchanged."""
    return {model.__name__: model.objects.count() for model in MODELS}


def last_entry(action: str) -> AuditLogEntry:
    return AuditLogEntry.objects.filter(action=action).latest("pk")


@pytest.fixture
def unchanged():
    """Use as `with unchanged(): ...` around an action that must fail and write nothing."""

    class Unchanged:
        def __enter__(self):
            self.before = snapshot()

        def __exit__(self, *exc):
            assert snapshot() == self.before, "a failed action left rows behind"
            return False

    return Unchanged


# Organisations ---------------------------------------------------------------------------------


def test_platform_admin_creates_an_organisation_and_the_audit_log_records_it(world):
    admin = world["platform_admin"]
    organisation = services.organisation_create(
        actor=admin, name="Fjordby kommune", kind=Organisation.Kind.MUNICIPALITY, country="NO", language="nn"
    )
    assert organisation.slug == "fjordby-kommune"
    entry = last_entry("organisation.create")
    assert entry.actor == admin
    assert entry.object_id == str(organisation.pk)
    assert entry.organisation == organisation


def test_organisation_with_a_taken_name_gets_its_own_web_address(world):
    admin = world["platform_admin"]
    first = services.organisation_create(actor=admin, name="Same", kind="ngo", country="SE", language="sv")
    second = services.organisation_create(actor=admin, name="Same", kind="ngo", country="SE", language="sv")
    assert first.slug != second.slug


def test_organisation_named_new_does_not_take_the_create_page_address(world):
    organisation = services.organisation_create(
        actor=world["platform_admin"], name="New", kind="ngo", country="SE", language="sv"
    )
    assert organisation.slug != "new"


def test_service_can_belong_to_a_municipality_or_a_region(world):
    region = OrganisationFactory(kind=Organisation.Kind.REGION)
    for parent in (world.owner, region):
        service = services.organisation_create(
            actor=world["platform_admin"],
            name="Home care",
            kind="service",
            country="SE",
            language="sv",
            parent=parent,
        )
        assert service.parent == parent


@pytest.mark.parametrize("parent_kind", ["service", "user_organisation", "ngo", "system_owner"])
def test_service_whose_parent_is_not_a_municipality_or_region_is_refused(world, unchanged, parent_kind):
    parent = OrganisationFactory(kind=parent_kind)
    with unchanged(), pytest.raises(DomainError, match="municipality or a region"):
        services.organisation_create(
            actor=world["platform_admin"],
            name="Home care",
            kind="service",
            country="SE",
            language="sv",
            parent=parent,
        )


@pytest.mark.parametrize("role", ["participant", "org_admin", "staff", "facilitator"])
def test_only_platform_admins_create_organisations(world, unchanged, role):
    with unchanged(), pytest.raises(NotAllowed):
        services.organisation_create(actor=world[role], name="X", kind="ngo", country="SE", language="sv")


def test_organisation_admin_edits_the_organisation_and_old_and_new_values_are_logged(world):
    services.organisation_update(
        organisation=world.owner, actor=world["org_admin"], name="Example Town", description="We listen."
    )
    world.owner.refresh_from_db()
    assert world.owner.name == "Example Town"
    entry = last_entry("organisation.update")
    assert entry.actor == world["org_admin"]
    assert entry.changes == {"name": ["Exampletown", "Example Town"], "description": ["", "We listen."]}


def test_saving_an_organisation_without_changes_logs_nothing(world):
    with_no_change = {"name": world.owner.name}
    before = AuditLogEntry.objects.count()
    services.organisation_update(organisation=world.owner, actor=world["org_admin"], **with_no_change)
    assert AuditLogEntry.objects.count() == before


@pytest.mark.parametrize("role", ["staff", "facilitator", "participant"])
def test_people_who_are_not_organisation_admins_cannot_edit_it(world, unchanged, role):
    with unchanged(), pytest.raises(NotAllowed):
        services.organisation_update(organisation=world.owner, actor=world[role], name="Taken over")
    world.owner.refresh_from_db()
    assert world.owner.name == "Exampletown"


def test_organisation_kind_cannot_be_changed_through_an_edit(world):
    with pytest.raises(ValueError, match="Not editable"):
        services.organisation_update(organisation=world.owner, actor=world["org_admin"], kind="ngo")


def test_organisation_admin_adds_a_member_and_changes_the_role(world):
    person = UserFactory()
    membership = services.organisation_member_set(
        organisation=world.owner, actor=world["org_admin"], user=person, role="member"
    )
    assert last_entry("organisation.member_set").changes == {"role": [None, "member"]}
    services.organisation_member_set(
        organisation=world.owner, actor=world["org_admin"], user=person, role="staff"
    )
    membership.refresh_from_db()
    assert membership.role == "staff"
    assert last_entry("organisation.member_set").changes == {"role": ["member", "staff"]}


def test_organisation_member_role_must_be_a_known_role(world, unchanged):
    with unchanged(), pytest.raises(DomainError):
        services.organisation_member_set(
            organisation=world.owner, actor=world["org_admin"], user=UserFactory(), role="king"
        )


def test_staff_cannot_manage_organisation_members(world, unchanged):
    with unchanged(), pytest.raises(NotAllowed):
        services.organisation_member_set(
            organisation=world.owner, actor=world["staff"], user=world["participant"], role="admin"
        )


def test_the_last_organisation_admin_cannot_step_down(world, unchanged):
    with unchanged(), pytest.raises(DomainError, match="at least one administrator"):
        services.organisation_member_set(
            organisation=world.owner, actor=world["org_admin"], user=world["org_admin"], role="member"
        )
    assert OrganisationMembership.objects.get(user=world["org_admin"]).role == "admin"


def test_the_last_organisation_admin_cannot_be_removed(world, unchanged):
    with unchanged(), pytest.raises(DomainError, match="at least one administrator"):
        services.organisation_member_remove(
            organisation=world.owner, actor=world["org_admin"], user=world["org_admin"]
        )


def test_an_admin_can_step_down_when_another_admin_remains(world):
    OrganisationMembershipFactory(organisation=world.owner, role="admin")
    services.organisation_member_remove(
        organisation=world.owner, actor=world["org_admin"], user=world["org_admin"]
    )
    assert not OrganisationMembership.objects.filter(user=world["org_admin"]).exists()
    assert last_entry("organisation.member_remove").changes == {"role": ["admin", None]}


def test_removing_someone_who_is_not_a_member_is_refused(world, unchanged):
    with unchanged(), pytest.raises(DomainError, match="not a member"):
        services.organisation_member_remove(
            organisation=world.owner, actor=world["org_admin"], user=world["participant"]
        )


# Spaces ----------------------------------------------------------------------------------------


def test_staff_creates_a_space_and_becomes_its_facilitator(world):
    space = services.space_create(
        actor=world["staff"],
        title="Housing support forum",
        kind=Space.Kind.FORUM,
        organisations=[world.owner, world.user_organisation],
        language="sv",
    )
    assert set(space.organisations.all()) == {world.owner, world.user_organisation}
    assert space.memberships.get().user == world["staff"]
    assert space.memberships.get().role == SpaceMembership.Role.FACILITATOR
    entry = last_entry("space.create")
    assert entry.actor == world["staff"]
    assert entry.space == space
    assert entry.changes == {"organisations": [None, ["Exampletown", "Users' Voice"]]}


def test_space_needs_at_least_one_owner(world, unchanged):
    with unchanged(), pytest.raises(DomainError, match="at least one organisation"):
        services.space_create(
            actor=world["staff"], title="Orphan", kind="forum", organisations=[], language="sv"
        )


def test_staff_cannot_create_a_space_only_for_an_organisation_they_do_not_work_for(world, unchanged):
    with unchanged(), pytest.raises(DomainError, match="staff or administrator"):
        services.space_create(
            actor=world["staff"],
            title="Hijack",
            kind="forum",
            organisations=[world.user_organisation],
            language="sv",
        )


@pytest.mark.parametrize("role", ["participant", "member", "facilitator"])
def test_people_without_a_staff_role_cannot_create_spaces(world, unchanged, role):
    with unchanged(), pytest.raises(NotAllowed):
        services.space_create(
            actor=world[role], title="T", kind="forum", organisations=[world.owner], language="sv"
        )


def test_a_failure_in_the_middle_of_creating_a_space_leaves_nothing_behind(world, unchanged):
    with (
        unchanged(),
        mock.patch("medvind.core.services.audit.record", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        services.space_create(
            actor=world["staff"], title="Half", kind="forum", organisations=[world.owner], language="sv"
        )
    assert not Space.objects.filter(title="Half").exists()


def test_facilitator_edits_the_space_and_old_and_new_values_are_logged(world):
    services.space_update(
        space=world.public, actor=world["facilitator"], title="Open Forum 2026", visibility="members"
    )
    world.public.refresh_from_db()
    assert world.public.title == "Open Forum 2026"
    assert last_entry("space.update").changes == {
        "title": ["Open Forum", "Open Forum 2026"],
        "visibility": ["public", "members"],
    }


@pytest.mark.parametrize("role", ["member", "responder", "representative", "staff", "participant"])
def test_people_who_do_not_lead_the_space_cannot_edit_it(world, unchanged, role):
    with unchanged(), pytest.raises(NotAllowed):
        services.space_update(space=world.public, actor=world[role], title="Mine now")


def test_space_owners_cannot_be_changed_through_an_edit(world):
    with pytest.raises(ValueError, match="Not editable"):
        services.space_update(space=world.public, actor=world["facilitator"], slug="other")


# Joining ---------------------------------------------------------------------------------------


def test_participant_joins_an_open_space_and_the_audit_log_records_it(world):
    space = SpaceFactory(join_policy=Space.JoinPolicy.OPEN, organisations=[world.owner])
    membership = services.space_join(space=space, actor=world["participant"])
    assert membership.role == SpaceMembership.Role.MEMBER
    entry = last_entry("space.join")
    assert (entry.actor, entry.space, entry.changes) == (
        world["participant"],
        space,
        {"role": [None, "member"]},
    )


def test_joining_twice_is_refused(world, unchanged):
    space = SpaceFactory(join_policy=Space.JoinPolicy.OPEN)
    SpaceMembershipFactory(space=space, user=world["participant"])
    with unchanged(), pytest.raises(DomainError, match="already a member"):
        services.space_join(space=space, actor=world["participant"])


def test_a_space_that_asks_to_join_cannot_be_joined_directly(world, unchanged):
    with unchanged(), pytest.raises(NotAllowed):
        services.space_join(space=world.public, actor=world["participant"])


def test_person_who_cannot_see_a_members_only_space_cannot_join_it_even_when_it_is_open(world, unchanged):
    hidden = SpaceFactory(visibility=Space.Visibility.MEMBERS, join_policy=Space.JoinPolicy.OPEN)
    with unchanged(), pytest.raises(NotAllowed):
        services.space_join(space=hidden, actor=world["participant"])


def test_participant_asks_to_join_with_a_message(world):
    join_request = services.space_request_join(
        space=world.public, actor=world["participant"], message="Hello!"
    )
    assert (join_request.status, join_request.message) == (JoinRequest.Status.PENDING, "Hello!")
    entry = last_entry("space.request_join")
    assert (entry.actor, entry.space, entry.object_id) == (
        world["participant"],
        world.public,
        str(join_request.pk),
    )


def test_asking_to_join_twice_is_refused(world, unchanged):
    services.space_request_join(space=world.public, actor=world["participant"])
    with unchanged(), pytest.raises(DomainError, match="already asked"):
        services.space_request_join(space=world.public, actor=world["participant"])


def test_a_member_cannot_ask_to_join_again(world, unchanged):
    with unchanged(), pytest.raises(DomainError, match="already a member"):
        services.space_request_join(space=world.public, actor=world["member"])


def test_nobody_can_ask_to_join_a_space_by_invitation_only(world, unchanged):
    space = SpaceFactory(join_policy=Space.JoinPolicy.INVITATION)
    with unchanged(), pytest.raises(NotAllowed):
        services.space_request_join(space=space, actor=world["participant"])


def test_a_hidden_space_cannot_be_asked_to_join(world, unchanged):
    with unchanged(), pytest.raises(NotAllowed):
        services.space_request_join(space=world.members_only, actor=world["participant"])


def test_facilitator_accepts_a_request_and_the_person_is_told_by_email(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    asker = UserFactory(language="da", email="mette@example.dk")
    join_request = JoinRequestFactory(space=world.public, user=asker)
    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_decide(join_request=join_request, actor=world["facilitator"], accept=True)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.ACCEPTED
    assert join_request.decided_by == world["facilitator"]
    assert SpaceMembership.objects.get(space=world.public, user=asker).role == "member"
    assert last_entry("space.join_request_decide").changes == {"status": ["pending", "accepted"]}
    (mail,) = mailoutbox
    assert mail.to == ["mette@example.dk"]
    assert mail.subject == translated("da", "You are now a member of “%(title)s”") % {"title": "Open Forum"}
    assert "/da/spaces/open-forum/" in mail.body


def test_declined_request_makes_no_member_and_the_person_is_told_in_the_spaces_language(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    asker = UserFactory(language="")
    join_request = JoinRequestFactory(space=world.public, user=asker)
    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_decide(join_request=join_request, actor=world["facilitator"], accept=False)
    assert not SpaceMembership.objects.filter(space=world.public, user=asker).exists()
    (mail,) = mailoutbox
    assert mail.subject == translated("sv", "Your request to join “%(title)s”") % {"title": "Open Forum"}
    assert "/sv/spaces/open-forum/" in mail.body


def test_an_answered_request_cannot_be_answered_again(world, unchanged, mailoutbox):
    join_request = JoinRequestFactory(space=world.public, status=JoinRequest.Status.DECLINED)
    with unchanged(), pytest.raises(DomainError, match="already been answered"):
        services.join_request_decide(join_request=join_request, actor=world["facilitator"], accept=True)
    assert mailoutbox == []


@pytest.mark.parametrize("role", ["member", "responder", "representative", "staff"])
def test_only_space_leaders_answer_requests(world, unchanged, role):
    join_request = JoinRequestFactory(space=world.public)
    with unchanged(), pytest.raises(NotAllowed):
        services.join_request_decide(join_request=join_request, actor=world[role], accept=True)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING


def test_a_failure_while_accepting_a_request_leaves_it_pending_and_sends_nothing(
    world, unchanged, mailoutbox, django_capture_on_commit_callbacks
):
    join_request = JoinRequestFactory(space=world.public)
    with (
        unchanged(),
        django_capture_on_commit_callbacks(execute=True),
        mock.patch("medvind.core.services.audit.record", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        services.join_request_decide(join_request=join_request, actor=world["facilitator"], accept=True)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    assert not SpaceMembership.objects.filter(space=world.public, user=join_request.user).exists()
    assert mailoutbox == []


# Invitations -----------------------------------------------------------------------------------


def test_facilitator_invites_by_email_in_the_invited_persons_language(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="ingrid@example.no", language="nb")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.space_invite(
            space=world.public, actor=world["facilitator"], email=" Ingrid@Example.NO ", role="responder"
        )
    assert (invitation.email, invitation.role) == ("ingrid@example.no", "responder")
    entry = last_entry("space.invite")
    assert entry.changes == {"email": [None, "ingrid@example.no"], "role": [None, "responder"]}
    (mail,) = mailoutbox
    assert mail.to == ["ingrid@example.no"]
    assert mail.subject == translated("nb", "You are invited to “%(title)s”") % {"title": "Open Forum"}
    assert f"/nb/invitations/{invitation.token}/" in mail.body


def test_someone_without_an_account_is_invited_in_the_spaces_language(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.space_invite(
            space=world.public, actor=world["facilitator"], email="new@example.se"
        )
    (mail,) = mailoutbox
    assert f"/sv/invitations/{invitation.token}/" in mail.body


def test_inviting_the_same_person_twice_is_refused(
    world, unchanged, mailoutbox, django_capture_on_commit_callbacks
):
    InvitationFactory(space=world.public, email="twice@example.org")
    with (
        unchanged(),
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(DomainError, match="already been invited"),
    ):
        services.space_invite(space=world.public, actor=world["facilitator"], email="TWICE@example.org")
    assert mailoutbox == []


def test_inviting_someone_as_representative_is_refused_because_the_invitation_names_no_organisation(
    world, unchanged
):
    with unchanged(), pytest.raises(DomainError, match="speaks for"):
        services.space_invite(
            space=world.public, actor=world["facilitator"], email="rep@example.org", role="representative"
        )


def test_inviting_a_member_is_refused(world, unchanged):
    with unchanged(), pytest.raises(DomainError, match="already a member"):
        services.space_invite(
            space=world.public, actor=world["facilitator"], email=world["member"].email.upper()
        )


@pytest.mark.parametrize("role", ["member", "responder", "representative", "staff", "participant"])
def test_only_space_leaders_invite(world, unchanged, role):
    with unchanged(), pytest.raises(NotAllowed):
        services.space_invite(space=world.public, actor=world[role], email="friend@example.org")


def test_invited_person_accepts_and_gets_the_role_from_the_invitation(world):
    invitation = InvitationFactory(
        space=world.members_only, email=world["participant"].email, role="responder"
    )
    services.invitation_answer(invitation=invitation, actor=world["participant"], accept=True)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert invitation.answered_by == world["participant"]
    assert (
        SpaceMembership.objects.get(space=world.members_only, user=world["participant"]).role == "responder"
    )
    assert last_entry("space.invitation_answer").changes == {"status": ["pending", "accepted"]}


def test_invited_person_says_no_and_does_not_become_a_member(world):
    invitation = InvitationFactory(space=world.members_only)
    services.invitation_answer(invitation=invitation, actor=world["participant"], accept=False)
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED
    assert not SpaceMembership.objects.filter(space=world.members_only, user=world["participant"]).exists()


def test_an_answered_invitation_cannot_be_used_again(world, unchanged):
    invitation = InvitationFactory(space=world.members_only, status=Invitation.Status.DECLINED)
    with unchanged(), pytest.raises(DomainError, match="already been answered"):
        services.invitation_answer(invitation=invitation, actor=world["participant"], accept=True)


def test_a_visitor_cannot_answer_an_invitation(world, unchanged):
    invitation = InvitationFactory(space=world.members_only)
    with unchanged(), pytest.raises(NotAllowed):
        services.invitation_answer(invitation=invitation, actor=world["anonymous"], accept=True)


def test_a_member_who_accepts_an_invitation_keeps_one_membership(world):
    invitation = InvitationFactory(space=world.public, email=world["member"].email, role="responder")
    services.invitation_answer(invitation=invitation, actor=world["member"], accept=True)
    assert SpaceMembership.objects.filter(space=world.public, user=world["member"]).count() == 1


# Roles and leaving -----------------------------------------------------------------------------


def test_facilitator_makes_a_member_a_representative_for_an_organisation(world):
    membership = SpaceMembership.objects.get(space=world.public, user=world["member"])
    services.space_member_set_role(
        space=world.public,
        actor=world["facilitator"],
        membership=membership,
        role="representative",
        represents=world.user_organisation,
    )
    membership.refresh_from_db()
    assert (membership.role, membership.represents) == ("representative", world.user_organisation)
    assert last_entry("space.member_role").changes == {
        "role": ["member", "representative"],
        "represents": [None, "Users' Voice"],
    }


def test_a_representative_must_speak_for_an_organisation(world, unchanged):
    membership = SpaceMembership.objects.get(space=world.public, user=world["member"])
    with unchanged(), pytest.raises(DomainError, match="speaks for"):
        services.space_member_set_role(
            space=world.public, actor=world["facilitator"], membership=membership, role="representative"
        )
    membership.refresh_from_db()
    assert membership.role == "member"


def test_space_role_must_be_a_known_role(world, unchanged):
    membership = SpaceMembership.objects.get(space=world.public, user=world["member"])
    with unchanged(), pytest.raises(DomainError, match="valid role"):
        services.space_member_set_role(
            space=world.public, actor=world["facilitator"], membership=membership, role="boss"
        )


def test_the_last_facilitator_cannot_step_down(world, unchanged):
    membership = SpaceMembership.objects.get(space=world.public, user=world["facilitator"])
    with unchanged(), pytest.raises(DomainError, match="at least one facilitator"):
        services.space_member_set_role(
            space=world.public, actor=world["facilitator"], membership=membership, role="member"
        )


def test_the_last_facilitator_cannot_leave(world, unchanged):
    membership = SpaceMembership.objects.get(space=world.public, user=world["facilitator"])
    with unchanged(), pytest.raises(DomainError, match="at least one facilitator"):
        services.space_member_remove(space=world.public, actor=world["facilitator"], membership=membership)


def test_a_facilitator_can_leave_when_another_facilitator_remains(world):
    SpaceMembershipFactory(space=world.public, role="facilitator")
    membership = SpaceMembership.objects.get(space=world.public, user=world["facilitator"])
    services.space_member_remove(space=world.public, actor=world["facilitator"], membership=membership)
    assert not SpaceMembership.objects.filter(space=world.public, user=world["facilitator"]).exists()


def test_member_leaves_a_space_and_the_audit_log_records_it(world):
    membership = SpaceMembership.objects.get(space=world.public, user=world["member"])
    services.space_member_remove(space=world.public, actor=world["member"], membership=membership)
    assert not SpaceMembership.objects.filter(pk=membership.pk).exists()
    entry = last_entry("space.member_remove")
    assert (entry.actor, entry.changes) == (world["member"], {"role": ["member", None]})


def test_facilitator_removes_a_member(world):
    membership = SpaceMembership.objects.get(space=world.public, user=world["member"])
    services.space_member_remove(space=world.public, actor=world["facilitator"], membership=membership)
    assert not SpaceMembership.objects.filter(pk=membership.pk).exists()


@pytest.mark.parametrize("role", ["member", "responder", "representative"])
def test_members_cannot_remove_each_other_or_change_roles(world, unchanged, role):
    other = SpaceMembership.objects.get(space=world.public, user=world["facilitator"])
    with unchanged(), pytest.raises(NotAllowed):
        services.space_member_remove(space=world.public, actor=world[role], membership=other)
    with unchanged(), pytest.raises(NotAllowed):
        services.space_member_set_role(space=world.public, actor=world[role], membership=other, role="member")


def test_a_membership_of_another_space_cannot_be_changed_through_this_space(world, unchanged, outsider):
    elsewhere = SpaceMembership.objects.get(user=outsider)
    with unchanged(), pytest.raises(DomainError, match="not a member"):
        services.space_member_set_role(
            space=world.public, actor=world["facilitator"], membership=elsewhere, role="member"
        )
    with unchanged(), pytest.raises(DomainError, match="not a member"):
        services.space_member_remove(space=world.public, actor=world["facilitator"], membership=elsewhere)
