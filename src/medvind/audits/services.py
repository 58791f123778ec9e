"""Every write to user-led audits. Keyword-only, atomic, permission-checked, audit-logged."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from medvind.core import audit as log
from medvind.core import markdown
from medvind.core import services as core_services
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import Organisation, Space, SpaceMembership
from medvind.core.services import require
from medvind.surveys import services as survey_services

from . import figures
from .models import (
    Audit,
    AuditorProfile,
    Phase,
    PhaseChange,
    Progress,
    Recommendation,
    ReportSection,
    SectionKind,
    Stance,
    TeamMember,
    TeamRole,
    Training,
)
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
        audit.results_snapshot = figures.take(audit)
        fields += ["published_at", "follow_up_due_on", "results_snapshot"]
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


class StaleSection(DomainError):
    """Someone saved the section after the writer opened it. `current` is the section as it is now."""

    def __init__(self, current: ReportSection) -> None:
        super().__init__(
            _("Someone else saved this section while you were writing. Compare the two and save again.")
        )
        self.current = current


SECTION_MAX = 20000


@transaction.atomic
def report_section_save(*, audit: Audit, actor: Any, kind: str, text: str, version: int) -> ReportSection:
    """Save a section of the report. `version` is the version the writer started from: if the section
    has moved on since, nothing is saved and StaleSection says what it holds now."""
    require(actor, "audits.write_report", audit)
    if kind not in SectionKind.values:
        raise DomainError(_("Choose a section of the report."))
    if len(text) > SECTION_MAX:
        raise DomainError(_("A section can be at most %(max)s characters.") % {"max": SECTION_MAX})
    section, _created = ReportSection.objects.get_or_create(audit=audit, kind=kind)
    saved = ReportSection.objects.filter(pk=section.pk, version=version).update(
        text=text,
        text_html=markdown.render(text),
        version=F("version") + 1,
        updated_by=actor,
        updated_at=timezone.now(),
    )
    section.refresh_from_db()
    if not saved:
        raise StaleSection(section)
    log.record(actor=actor, action="audit.report_section", obj=section, space=audit.space)
    return section


def _recommendation_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise DomainError(_("Write the recommendation."))
    if len(text) > 2000:
        raise DomainError(_("A recommendation can be at most 2000 characters."))
    return text


@transaction.atomic
def recommendation_add(*, audit: Audit, actor: Any, text: str) -> Recommendation:
    require(actor, "audits.write_report", audit)
    last = audit.recommendations.order_by("-position").values_list("position", flat=True).first() or 0
    recommendation = Recommendation.objects.create(
        audit=audit, text=_recommendation_text(text), position=last + 1
    )
    log.record(actor=actor, action="audit.recommendation_add", obj=recommendation, space=audit.space)
    return recommendation


@transaction.atomic
def recommendation_update(*, recommendation: Recommendation, actor: Any, text: str) -> Recommendation:
    require(actor, "audits.write_report", recommendation.audit)
    changes = log.diff(recommendation, {"text": _recommendation_text(text)})
    recommendation.text = text.strip()
    recommendation.save(update_fields=["text"])
    log.record(
        actor=actor,
        action="audit.recommendation_update",
        obj=recommendation,
        changes=changes,
        space=recommendation.audit.space,
    )
    return recommendation


@transaction.atomic
def recommendation_delete(*, recommendation: Recommendation, actor: Any) -> None:
    require(actor, "audits.write_report", recommendation.audit)
    log.record(
        actor=actor,
        action="audit.recommendation_delete",
        obj=recommendation,
        space=recommendation.audit.space,
    )
    recommendation.delete()


@transaction.atomic
def recommendation_answer(
    *,
    recommendation: Recommendation,
    actor: Any,
    stance: str,
    answer: str,
    action: str = "",
    owner: str = "",
    deadline: dt.date | None = None,
) -> Recommendation:
    """The service's written answer to one recommendation, with what it will do, who and by when."""
    require(actor, "audits.answer_recommendation", recommendation.audit)
    if stance not in Stance.values:
        raise DomainError(_("Say whether the service agrees, partly agrees or disagrees."))
    if not answer.strip():
        raise DomainError(_("Write the service's answer."))
    if stance != Stance.DISAGREE and not action.strip():
        raise DomainError(_("Say what the service will do."))
    values = {
        "stance": stance,
        "answer": answer.strip(),
        "action": action.strip(),
        "owner": owner.strip(),
        "deadline": deadline,
    }
    changes = log.diff(recommendation, values)
    for key, value in values.items():
        setattr(recommendation, key, value)
    recommendation.answered_by = actor
    recommendation.answered_at = timezone.now()
    recommendation.save()
    log.record(
        actor=actor,
        action="audit.recommendation_answer",
        obj=recommendation,
        changes=changes,
        space=recommendation.audit.space,
    )
    return recommendation


@transaction.atomic
def recommendation_progress(*, recommendation: Recommendation, actor: Any, progress: str) -> Recommendation:
    require(actor, "audits.answer_recommendation", recommendation.audit)
    if progress not in Progress.values:
        raise DomainError(_("Choose how far the action has come."))
    if not recommendation.stance:
        raise DomainError(_("Answer the recommendation first."))
    changes = log.diff(recommendation, {"progress": progress})
    recommendation.progress = progress
    recommendation.save(update_fields=["progress"])
    log.record(
        actor=actor,
        action="audit.recommendation_progress",
        obj=recommendation,
        changes=changes,
        space=recommendation.audit.space,
    )
    return recommendation


FOLLOW_UP_FROM = frozenset({Phase.RESPONSE, Phase.FOLLOW_UP, Phase.CLOSED})


@transaction.atomic
def follow_up_start(*, audit: Audit, actor: Any) -> Audit:
    """Start a follow-up audit of the same service in a new audit space: the same question and target
    group, the agreement to accept again, and a new round of each questionnaire so the results compare."""
    require(actor, "audits.change_phase", audit)
    if audit.phase not in FOLLOW_UP_FROM:
        raise DomainError(_("A follow-up starts after the service has answered the report."))
    if audit.follow_ups.exists():
        raise DomainError(_("A follow-up audit has already been started."))
    space = audit.space
    with translation.override(space.language):
        title = _("Follow-up: %(title)s") % {"title": space.title}
    new_space = core_services.space_create(
        actor=actor,
        title=title[:150],
        kind=Space.Kind.AUDIT,
        organisations=space.organisations.all(),
        language=space.language,
        visibility=space.visibility,
        join_policy=space.join_policy,
        summary=space.summary,
        proposals_open=False,
    )
    follow_up = audit_commission(
        space=new_space,
        actor=actor,
        **{field: getattr(audit, field) for field in AUDIT_FIELDS},
    )
    follow_up.follows_up = audit
    follow_up.save(update_fields=["follows_up"])
    for survey in figures.latest_surveys(audit):
        survey_services.survey_new_round(survey=survey, actor=actor, space=new_space)
    return follow_up


INFORMATION_MAX = 8000


@transaction.atomic
def information_save(*, audit: Audit, actor: Any, information: str, easy_read: str) -> Audit:
    """The information material for respondents, written by the team with the service, before the
    report is published (respondents read it when they are asked)."""
    require(actor, "audits.write_information", audit)
    if max(len(information), len(easy_read)) > INFORMATION_MAX:
        raise DomainError(_("The information can be at most %(max)s characters.") % {"max": INFORMATION_MAX})
    changes = log.diff(audit, {"information": information, "information_easy_read": easy_read})
    audit.information, audit.information_easy_read = information, easy_read
    audit.save(update_fields=["information", "information_easy_read"])
    log.record(actor=actor, action="audit.information", obj=audit, changes=changes, space=audit.space)
    return audit
