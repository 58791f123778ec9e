"""Every write to user-led audits. Keyword-only, atomic, permission-checked, audit-logged."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from medvind.core import audit as log
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import Organisation, Space, SpaceMembership
from medvind.core.services import require

from .models import Audit, AuditorProfile, Phase, PhaseChange, TeamMember, TeamRole, Training
from .workflow import check_transition

AGREEMENT_FIELDS = ("timetable", "who_informs", "reporting_back")
AUDIT_FIELDS = (
    "service",
    "commissioner",
    "question",
    "target_group",
    *AGREEMENT_FIELDS,
    "follow_up_months",
    "retention_months",
)


def _check_organisations(service: Organisation, commissioner: Organisation) -> None:
    if service.kind != Organisation.Kind.SERVICE:
        raise DomainError(_("Choose a service to audit: an organisation of the kind “Service”."))
    if commissioner == service:
        raise DomainError(_("A service cannot commission an audit of itself."))


@transaction.atomic
def audit_commission(*, space: Space, actor: Any, **values: Any) -> Audit:
    """Commission a user-led audit in an audit space. The person who commissions it coordinates it
    until someone else is made coordinator."""
    require(actor, "audits.create_audit", space)
    _check_organisations(values["service"], values["commissioner"])
    audit = Audit.objects.create(
        space=space, created_by=actor, **{k: values[k] for k in AUDIT_FIELDS if k in values}
    )
    TeamMember.objects.create(audit=audit, user=actor, role=TeamRole.COORDINATOR)
    log.record(actor=actor, action="audit.commission", obj=audit, space=space)
    return audit


@transaction.atomic
def audit_update(*, audit: Audit, actor: Any, **values: Any) -> Audit:
    """Change what was commissioned. The agreement can change only before the planning starts, and a
    changed agreement must be accepted again by both sides."""
    require(actor, "audits.change_audit", audit)
    values = {k: v for k, v in values.items() if k in AUDIT_FIELDS}
    _check_organisations(values.get("service", audit.service), values.get("commissioner", audit.commissioner))
    changes = log.diff(audit, values)
    if not changes:
        return audit
    agreement_changed = any(k in changes for k in (*AGREEMENT_FIELDS, "service", "commissioner", "question"))
    if agreement_changed and audit.phase != Phase.COMMISSIONED:
        raise DomainError(_("The agreement cannot change after the planning has started."))
    for key, value in values.items():
        setattr(audit, key, value)
    if agreement_changed:
        audit.service_accepted_at = audit.auditors_accepted_at = None
        audit.service_accepted_by = audit.auditors_accepted_by = None
    audit.save()
    log.record(actor=actor, action="audit.update", obj=audit, changes=changes, space=audit.space)
    return audit


@transaction.atomic
def agreement_accept(*, audit: Audit, actor: Any, side: str) -> Audit:
    """One side (the "service" or the "auditors") accepts the agreement as it stands."""
    if side not in ("service", "auditors"):
        raise DomainError(_("Choose which side accepts the agreement."))
    require(actor, f"audits.accept_for_{side}", audit)
    audit = Audit.objects.select_for_update().get(pk=audit.pk)
    if audit.phase != Phase.COMMISSIONED:
        raise DomainError(_("The agreement was settled when the planning started."))
    if not all(getattr(audit, field).strip() for field in AGREEMENT_FIELDS):
        raise DomainError(
            _("Fill in the timetable, who informs the respondents and how results are reported back.")
        )
    setattr(audit, f"{side}_accepted_at", timezone.now())
    setattr(audit, f"{side}_accepted_by", actor)
    audit.save(update_fields=[f"{side}_accepted_at", f"{side}_accepted_by"])
    log.record(actor=actor, action=f"audit.accept_{side}", obj=audit, space=audit.space)
    return audit


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@transaction.atomic
def audit_set_phase(*, audit: Audit, actor: Any, phase: str, note: str = "") -> Audit:
    require(actor, "audits.change_phase", audit)
    audit = Audit.objects.select_for_update().select_related("space").get(pk=audit.pk)
    check_transition(audit, phase)
    old = audit.phase
    audit.phase = phase
    fields = ["phase"]
    if phase == Phase.PUBLISHED:
        audit.published_at = timezone.now()
        audit.follow_up_due_on = _add_months(timezone.localdate(), audit.follow_up_months)
        fields += ["published_at", "follow_up_due_on"]
    audit.save(update_fields=fields)
    PhaseChange.objects.create(
        audit=audit, from_phase=old, to_phase=phase, note=note.strip()[:500], actor=actor
    )
    log.record(
        actor=actor, action="audit.phase", obj=audit, changes={"phase": [old, phase]}, space=audit.space
    )
    return audit


def conflict(audit: Audit, user: Any) -> bool:
    """Whether the person uses the audited service themselves (and so cannot audit it)."""
    return AuditorProfile.objects.filter(user=user, services_used=audit.service).exists()


@transaction.atomic
def team_add(*, audit: Audit, actor: Any, user: Any, role: str = TeamRole.AUDITOR) -> TeamMember:
    """Add a person to the audit team. User auditors come from the auditor pool, and nobody audits a
    service they use themselves. Team members join the audit's space, so they can work in it."""
    require(actor, "audits.manage_team", audit)
    if role not in TeamRole.values:
        raise DomainError(_("Choose a role in the team."))
    if role == TeamRole.AUDITOR and not AuditorProfile.objects.filter(user=user).exists():
        raise DomainError(_("User auditors are chosen from the auditor pool."))
    if conflict(audit, user):
        raise DomainError(_("%(name)s uses this service and cannot audit it.") % {"name": user.public_name})
    if TeamMember.objects.filter(audit=audit, user=user).exists():
        raise DomainError(_("%(name)s is already in the team.") % {"name": user.public_name})
    member = TeamMember.objects.create(audit=audit, user=user, role=role)
    SpaceMembership.objects.get_or_create(
        space=audit.space, user=user, defaults={"role": SpaceMembership.Role.MEMBER}
    )
    log.record(
        actor=actor, action="audit.team_add", obj=member, changes={"role": [None, role]}, space=audit.space
    )
    return member


@transaction.atomic
def team_remove(*, audit: Audit, actor: Any, member: TeamMember) -> None:
    require(actor, "audits.manage_team", audit)
    if member.audit_id != audit.pk:
        raise NotAllowed("audits.manage_team")
    if (
        member.role == TeamRole.COORDINATOR
        and not audit.team.filter(role=TeamRole.COORDINATOR).exclude(pk=member.pk).exists()
    ):
        raise DomainError(_("An audit needs a coordinator. Add another coordinator first."))
    log.record(actor=actor, action="audit.team_remove", obj=member, space=audit.space)
    member.delete()


@transaction.atomic
def pool_join(
    *,
    actor: Any,
    experience_areas: str = "",
    languages: Iterable[str] = (),
    availability: str = "",
    available: bool = True,
    services_used: Iterable[Organisation] = (),
) -> AuditorProfile:
    """Join the auditor pool, or change one's own entry in it."""
    require(actor, "audits.join_pool")
    profile, created = AuditorProfile.objects.get_or_create(user=actor)
    profile.experience_areas = experience_areas.strip()
    profile.languages = sorted(set(languages))
    profile.availability = availability.strip()
    profile.available = available
    profile.save()
    profile.services_used.set(list(services_used))
    log.record(actor=actor, action="audit.pool_join" if created else "audit.pool_update", obj=profile)
    return profile


@transaction.atomic
def training_add(
    *, actor: Any, course: str, started_on: dt.date, ended_on: dt.date, hours: int, user: Any = None
) -> Training:
    """Record a training in a pool member's record: one's own, or (user=…) by a platform admin or the
    learning paths when someone completes "Becoming a user auditor"."""
    person = user or actor
    if person != actor and not actor.is_superuser:
        raise NotAllowed("audits.join_pool")
    require(actor, "audits.join_pool")
    if not course.strip():
        raise DomainError(_("Write the name of the course."))
    if ended_on < started_on:
        raise DomainError(_("The course cannot end before it starts."))
    if not 1 <= hours <= 2000:
        raise DomainError(_("Give the hours as a number from 1 to 2000."))
    profile, _created = AuditorProfile.objects.get_or_create(user=person)
    training = Training.objects.create(
        profile=profile, course=course.strip(), started_on=started_on, ended_on=ended_on, hours=hours
    )
    log.record(actor=actor, action="audit.training_add", obj=training)
    return training
