"""The audit's phases: every allowed and every forbidden change, and the conditions of some."""

import itertools

import pytest
from django.utils import timezone

from medvind.audits import services
from medvind.audits.models import AuditorProfile, Phase, Recommendation, ReportSection, SectionKind
from medvind.audits.workflow import ORDER, TRANSITIONS, allowed_next, check_transition
from medvind.core.errors import DomainError
from tests.factories import UserFactory
from tests.surveys.factories import make_survey

pytestmark = pytest.mark.django_db

ALLOWED = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}
FORBIDDEN = [(a, b) for a, b in itertools.product(ORDER, ORDER) if (a, b) not in ALLOWED]


def test_the_phases_go_forward_one_at_a_time_with_two_ways_back():
    assert {
        *zip(ORDER, ORDER[1:], strict=False),
        (Phase.ANALYSIS, Phase.COLLECTION),
        (Phase.FACTUAL_CHECK, Phase.WRITING),
    } == ALLOWED
    assert allowed_next(Phase.CLOSED) == []


def ready(audit, world):
    """Everything the conditions ask for: the agreement accepted, an auditor, a questionnaire."""
    audit.service_accepted_at = audit.auditors_accepted_at = audit.created_at
    audit.save()
    auditor = UserFactory()
    AuditorProfile.objects.create(user=auditor)
    services.team_add(audit=audit, actor=world["facilitator"], user=auditor)
    make_survey(audit.space)
    for kind in SectionKind.values:
        ReportSection.objects.create(audit=audit, kind=kind, text=f"The {kind} of the report.")
    Recommendation.objects.create(audit=audit, text="Ask the users about their plans.", stance="agree")


@pytest.mark.parametrize(("current", "new"), sorted(ALLOWED))
def test_every_allowed_phase_change_is_made(world, audit, current, new):
    ready(audit, world)
    audit.phase = current
    audit.save()
    audit = services.audit_set_phase(
        audit=audit, actor=world["facilitator"], phase=new, note="Agreed at the meeting"
    )
    assert audit.phase == new
    change = audit.phase_changes.get()
    assert (change.from_phase, change.to_phase, change.note) == (current, new, "Agreed at the meeting")


@pytest.mark.parametrize(("current", "new"), FORBIDDEN)
def test_every_forbidden_phase_change_is_refused(world, audit, current, new):
    ready(audit, world)
    audit.phase = current
    audit.save()
    with pytest.raises(DomainError):
        services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=new)
    audit.refresh_from_db()
    assert audit.phase == current and not audit.phase_changes.exists()


def test_an_unknown_phase_is_refused_with_a_message(audit):
    with pytest.raises(DomainError, match="cannot move"):
        check_transition(audit, "skipped")


def test_planning_waits_for_both_sides_to_accept_the_agreement(world, audit):
    with pytest.raises(DomainError, match="Both the service and the auditors"):
        services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.PLANNING)
    services.agreement_accept(audit=audit, actor=world["facilitator"], side="auditors")
    with pytest.raises(DomainError, match="Both the service and the auditors"):
        services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.PLANNING)
    services.agreement_accept(audit=audit, actor=world["responder"], side="service")
    assert (
        services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.PLANNING).phase
        == "planning"
    )


def test_the_questions_wait_for_a_user_auditor_and_collection_for_a_questionnaire(world, audit):
    audit.phase = Phase.PLANNING
    audit.save()
    with pytest.raises(DomainError, match="user auditor"):
        services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.INSTRUMENTS)
    auditor = UserFactory()
    AuditorProfile.objects.create(user=auditor)
    services.team_add(audit=audit, actor=world["facilitator"], user=auditor)
    audit = services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.INSTRUMENTS)
    with pytest.raises(DomainError, match="questionnaire"):
        services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.COLLECTION)
    make_survey(audit.space)
    assert (
        services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.COLLECTION).phase
        == "collection"
    )


def test_publishing_sets_the_follow_up_date_months_ahead(world, audit):
    audit.phase = Phase.FACTUAL_CHECK
    audit.follow_up_months = 6
    audit.save()
    audit = services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.PUBLISHED)
    published = timezone.localdate()
    months = (
        (audit.follow_up_due_on.year - published.year) * 12 + audit.follow_up_due_on.month - published.month
    )
    assert months == 6


def test_the_fact_check_waits_for_the_whole_report_and_follow_up_for_every_answer(world, audit):
    audit.phase = Phase.WRITING
    audit.save()
    for kind in SectionKind.values[:-1]:
        ReportSection.objects.create(audit=audit, kind=kind, text="Written.")
    with pytest.raises(DomainError, match="every section"):
        services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.FACTUAL_CHECK)
    ReportSection.objects.create(audit=audit, kind=SectionKind.values[-1], text="Written.")
    with pytest.raises(DomainError, match="at least one recommendation"):
        services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.FACTUAL_CHECK)
    recommendation = Recommendation.objects.create(audit=audit, text="Offer evening visits.")
    services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.FACTUAL_CHECK)
    audit.phase = Phase.RESPONSE
    audit.save()
    with pytest.raises(DomainError, match="answer every recommendation"):
        services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.FOLLOW_UP)
    recommendation.stance = "partly"
    recommendation.save()
    assert (
        services.audit_set_phase(audit=audit, actor=world["facilitator"], phase=Phase.FOLLOW_UP).phase
        == "follow_up"
    )
