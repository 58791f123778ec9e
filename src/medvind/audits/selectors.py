"""Reads for user-led audits."""

from typing import Any

from django.db.models import Prefetch, QuerySet, Sum
from django.http import Http404

from medvind.core.models import Organisation, Space

from .models import Audit, AuditorProfile, ReportSection, SectionKind, TeamMember, Training


def audit_of_space(space: Space) -> Audit:
    audit = (
        Audit.objects.select_related(
            "service", "commissioner", "service_accepted_by", "auditors_accepted_by", "follows_up__space"
        )
        .filter(space=space)
        .first()
    )
    if audit is None:
        raise Http404
    audit.space = space
    return audit


def audit_by_slug(slug: str) -> Audit | None:
    """An audit by its space's address, whatever the space's visibility: for the pages that are public
    on their own terms (the published report, the information for respondents)."""
    return Audit.objects.select_related("space", "service", "commissioner").filter(space__slug=slug).first()


def team(audit: Audit) -> list[TeamMember]:
    return list(audit.team.select_related("user").order_by("role", "created_at", "id"))


def timeline(audit: Audit) -> list:
    return list(audit.phase_changes.select_related("actor"))


def pool(*, language: str = "", area: str = "", available_only: bool = False) -> QuerySet[AuditorProfile]:
    """The auditor pool with each person's training hours, for coordinators choosing a team."""
    profiles = (
        AuditorProfile.objects.select_related("user")
        .filter(user__deleted_at__isnull=True)
        .annotate(training_hours=Sum("trainings__hours"))
        .prefetch_related(
            Prefetch("trainings", queryset=Training.objects.order_by("-ended_on", "-id")),
            Prefetch("services_used", queryset=Organisation.objects.only("name")),
        )
        .order_by("user__display_name", "pk")
    )
    if language:  # the list as JSON text, on SQLite and PostgreSQL alike: ["da", "sv"]
        profiles = profiles.filter(languages__icontains=f'"{language}"')
    if area:
        profiles = profiles.filter(experience_areas__icontains=area)
    if available_only:
        profiles = profiles.filter(available=True)
    return profiles


def own_profile(user: Any) -> AuditorProfile | None:
    if not user.is_authenticated:
        return None
    return AuditorProfile.objects.filter(user=user).prefetch_related("trainings", "services_used").first()


def service_choices() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=Organisation.Kind.SERVICE).only("name").order_by("name")


def report(audit: Audit) -> dict[str, Any]:
    """The report's sections in their order (unwritten ones as empty sections) and recommendations."""
    written = {s.kind: s for s in audit.sections.select_related("updated_by")}
    sections = [written.get(kind) or ReportSection(audit=audit, kind=kind) for kind in SectionKind.values]
    return {
        "sections": sections,
        "recommendations": list(audit.recommendations.select_related("answered_by")),
    }


def published_audits(organisation: Organisation) -> QuerySet[Audit]:
    """Audits of a service whose report is published: listed on the service's public page."""
    return (
        Audit.objects.filter(service=organisation, published_at__isnull=False)
        .select_related("space")
        .order_by("-published_at")
    )
