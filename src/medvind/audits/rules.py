"""Who may do what with user-led audits. Listed in docs/permissions.md.

The coordinator (a team member with that role) and the space's facilitators run the audit. The service
side is the staff and admins of the audited service, and the space's responders."""

import rules

from medvind.core.models import OrganisationMembership, Space, SpaceMembership
from medvind.core.rules import _space_role, is_platform_admin, is_staff_somewhere

from .models import Audit, Phase, TeamMember, TeamRole

WRITING_PHASES = frozenset({Phase.ANALYSIS, Phase.WRITING, Phase.FACTUAL_CHECK})
BEFORE_PUBLISHED = frozenset(
    set(Phase.values) - {Phase.PUBLISHED, Phase.RESPONSE, Phase.FOLLOW_UP, Phase.CLOSED}
)
PUBLISHED_PHASES = frozenset({Phase.PUBLISHED, Phase.RESPONSE, Phase.FOLLOW_UP, Phase.CLOSED})
ANSWER_PHASES = frozenset({Phase.PUBLISHED, Phase.RESPONSE, Phase.FOLLOW_UP})


@rules.predicate
def facilitates(user, obj) -> bool:
    space = obj if isinstance(obj, Space) else obj.space
    return _space_role(user, space) == SpaceMembership.Role.FACILITATOR


@rules.predicate
def is_audit_space(user, space: Space) -> bool:
    return space.kind == Space.Kind.AUDIT and not Audit.objects.filter(space=space).exists()


@rules.predicate
def coordinates(user, audit: Audit) -> bool:
    return bool(
        user.is_authenticated
        and TeamMember.objects.filter(audit=audit, user=user, role=TeamRole.COORDINATOR).exists()
    )


@rules.predicate
def in_team(user, audit: Audit) -> bool:
    return bool(user.is_authenticated and TeamMember.objects.filter(audit=audit, user=user).exists())


@rules.predicate
def report_being_written(user, audit: Audit) -> bool:
    return audit.phase in WRITING_PHASES


@rules.predicate
def not_published(user, audit: Audit) -> bool:
    return audit.phase in BEFORE_PUBLISHED


@rules.predicate
def report_published(user, audit: Audit) -> bool:
    return audit.phase in PUBLISHED_PHASES


@rules.predicate
def service_answers_now(user, audit: Audit) -> bool:
    return audit.phase in ANSWER_PHASES


@rules.predicate
def speaks_for_service(user, audit: Audit) -> bool:
    if not user.is_authenticated:
        return False
    if _space_role(user, audit.space) == SpaceMembership.Role.RESPONDER:
        return True
    return OrganisationMembership.objects.filter(
        user=user,
        organisation=audit.service,
        role__in=[OrganisationMembership.Role.ADMIN, OrganisationMembership.Role.STAFF],
    ).exists()


@rules.predicate
def coordinates_somewhere(user) -> bool:
    return bool(
        user.is_authenticated and TeamMember.objects.filter(user=user, role=TeamRole.COORDINATOR).exists()
    )


@rules.predicate
def sees_space(user, audit: Audit) -> bool:
    return bool(user.has_perm("core.view_space", audit.space))


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(user.is_authenticated)


runs = coordinates | facilitates | is_platform_admin

rules.add_perm("audits.create_audit", is_audit_space & (facilitates | is_platform_admin))
rules.add_perm("audits.view_audit", sees_space | runs)
rules.add_perm("audits.change_audit", runs)
rules.add_perm("audits.change_phase", runs)
rules.add_perm("audits.manage_team", runs)
rules.add_perm("audits.accept_for_auditors", coordinates | is_platform_admin)
rules.add_perm("audits.accept_for_service", speaks_for_service | is_platform_admin)
# The report: written by the team; read by those who see the audit while it is written (the service
# checks the facts), and by everyone once it is published, on the service's public page too.
rules.add_perm("audits.write_report", (in_team | runs) & report_being_written)
rules.add_perm("audits.view_report", report_published | sees_space | runs)
rules.add_perm("audits.answer_recommendation", (speaks_for_service | is_platform_admin) & service_answers_now)
rules.add_perm("audits.write_information", (in_team | runs) & not_published)
rules.add_perm("audits.view_pool", is_staff_somewhere | coordinates_somewhere | is_platform_admin)
rules.add_perm("audits.join_pool", is_signed_in)
