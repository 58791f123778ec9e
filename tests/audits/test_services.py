"""Commissioning, the agreement, the team and the auditor pool."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from medvind.audits import services
from medvind.audits.models import AuditorProfile, Phase, TeamRole
from medvind.core.errors import DomainError
from medvind.core.models import AuditLogEntry, Organisation, SpaceMembership
from tests.factories import OrganisationFactory, UserFactory

from .conftest import commission

pytestmark = pytest.mark.django_db


def pool_member(name="Ahmed Auditor", **values):
    person = UserFactory(display_name=name)
    services.pool_join(actor=person, experience_areas="Boendestöd", languages=["sv"], **values)
    return person


def test_the_person_who_commissions_an_audit_coordinates_it(world, audit):
    assert audit.phase == Phase.COMMISSIONED
    assert list(audit.team.values_list("user", "role")) == [(world["facilitator"].pk, TeamRole.COORDINATOR)]
    assert AuditLogEntry.objects.filter(action="audit.commission", object_id=str(audit.pk)).exists()


def test_only_a_service_can_be_audited_and_not_by_its_own_commission(world, service):
    with pytest.raises(DomainError, match="Service"):
        commission(world.members_only, world["facilitator"], world.owner, world.owner)
    with pytest.raises(DomainError, match="itself"):
        commission(world.members_only, world["facilitator"], service, service)
    assert not hasattr(world.members_only, "audit")


def test_an_audit_space_holds_one_audit_and_others_cannot_commission(world, audit, service):
    with pytest.raises(PermissionDenied):
        commission(world.members_only, world["facilitator"], service, world.owner)
    with pytest.raises(PermissionDenied):
        commission(world.public, world["facilitator"], service, world.owner)  # a forum, not an audit space


def test_a_changed_agreement_must_be_accepted_again_by_both_sides(world, audit):
    services.agreement_accept(audit=audit, actor=world["facilitator"], side="auditors")
    services.agreement_accept(audit=audit, actor=world["responder"], side="service")
    audit.refresh_from_db()
    assert audit.agreement_accepted and audit.service_accepted_by == world["responder"]
    services.audit_update(audit=audit, actor=world["facilitator"], timetable="Interviews in April instead.")
    audit.refresh_from_db()
    assert not audit.agreement_accepted and audit.service_accepted_at is None


def test_the_agreement_is_settled_once_the_planning_starts(world, audit):
    audit.phase = Phase.PLANNING
    audit.save()
    with pytest.raises(DomainError, match="after the planning"):
        services.audit_update(audit=audit, actor=world["facilitator"], who_informs="Nobody")
    with pytest.raises(DomainError, match="settled"):
        services.agreement_accept(audit=audit, actor=world["responder"], side="service")
    # What does not change the agreement can still change.
    services.audit_update(audit=audit, actor=world["facilitator"], follow_up_months=12)
    audit.refresh_from_db()
    assert audit.follow_up_months == 12


def test_an_agreement_with_empty_parts_cannot_be_accepted(world, service):
    audit = commission(world.members_only, world["facilitator"], service, world.owner, timetable="")
    with pytest.raises(DomainError, match="timetable"):
        services.agreement_accept(audit=audit, actor=world["facilitator"], side="auditors")


def test_each_side_accepts_only_for_itself(world, audit):
    with pytest.raises(PermissionDenied):
        services.agreement_accept(audit=audit, actor=world["responder"], side="auditors")
    with pytest.raises(PermissionDenied):
        services.agreement_accept(audit=audit, actor=world["facilitator"], side="service")
    with pytest.raises(DomainError):
        services.agreement_accept(audit=audit, actor=world["facilitator"], side="both")


def test_user_auditors_come_from_the_pool_and_join_the_space(world, audit):
    outsider = UserFactory(display_name="Not In Pool")
    with pytest.raises(DomainError, match="auditor pool"):
        services.team_add(audit=audit, actor=world["facilitator"], user=outsider)
    auditor = pool_member()
    member = services.team_add(audit=audit, actor=world["facilitator"], user=auditor)
    assert member.role == TeamRole.AUDITOR
    assert SpaceMembership.objects.get(space=audit.space, user=auditor).role == SpaceMembership.Role.MEMBER
    with pytest.raises(DomainError, match="already in the team"):
        services.team_add(audit=audit, actor=world["facilitator"], user=auditor)
    # A coordinator need not be in the pool.
    services.team_add(audit=audit, actor=world["facilitator"], user=outsider, role=TeamRole.COORDINATOR)


def test_nobody_audits_a_service_they_use_themselves(world, audit):
    user_of_service = pool_member("Sara Service-User", services_used=[audit.service])
    with pytest.raises(DomainError, match="uses this service"):
        services.team_add(audit=audit, actor=world["facilitator"], user=user_of_service)
    other_service = OrganisationFactory(kind=Organisation.Kind.SERVICE)
    services.pool_join(actor=user_of_service, services_used=[other_service])
    services.team_add(audit=audit, actor=world["facilitator"], user=user_of_service)


def test_only_those_who_run_the_audit_choose_the_team(world, audit):
    auditor = pool_member()
    for role in ("member", "responder", "staff", "participant"):
        with pytest.raises(PermissionDenied):
            services.team_add(audit=audit, actor=world[role], user=auditor)
    assert audit.team.count() == 1


def test_the_last_coordinator_cannot_leave(world, audit):
    coordinator = audit.team.get()
    with pytest.raises(DomainError, match="needs a coordinator"):
        services.team_remove(audit=audit, actor=world["facilitator"], member=coordinator)
    services.team_add(
        audit=audit, actor=world["facilitator"], user=world["member"], role=TeamRole.COORDINATOR
    )
    services.team_remove(audit=audit, actor=world["facilitator"], member=coordinator)
    assert list(audit.team.values_list("user", flat=True)) == [world["member"].pk]


def test_joining_the_pool_twice_changes_the_one_entry(world):
    person = pool_member(available=True)
    services.pool_join(
        actor=person, experience_areas="Psykiatri", languages=["sv", "en", "sv"], available=False
    )
    profile = AuditorProfile.objects.get(user=person)
    assert (profile.experience_areas, profile.languages, profile.available) == (
        "Psykiatri",
        ["en", "sv"],
        False,
    )


def test_a_training_is_recorded_with_its_dates_and_hours(world):
    person = pool_member()
    training = services.training_add(
        actor=person,
        course="Brukarrevisor, grundkurs",
        started_on=dt.date(2026, 1, 12),
        ended_on=dt.date(2026, 2, 2),
        hours=24,
    )
    assert training.profile.user == person
    with pytest.raises(DomainError, match="end before"):
        services.training_add(
            actor=person, course="X", started_on=dt.date(2026, 2, 2), ended_on=dt.date(2026, 1, 1), hours=3
        )
    with pytest.raises(DomainError, match="from 1 to 2000"):
        services.training_add(
            actor=person, course="X", started_on=dt.date(2026, 1, 1), ended_on=dt.date(2026, 1, 1), hours=0
        )
    with pytest.raises(DomainError, match="name of the course"):
        services.training_add(
            actor=person, course="  ", started_on=dt.date(2026, 1, 1), ended_on=dt.date(2026, 1, 1), hours=3
        )
    with pytest.raises(PermissionDenied):  # nobody records training for someone else, except an admin
        services.training_add(
            actor=world["facilitator"],
            user=person,
            course="X",
            started_on=dt.date(2026, 1, 1),
            ended_on=dt.date(2026, 1, 1),
            hours=3,
        )
    assert person.auditor_profile.trainings.count() == 1
