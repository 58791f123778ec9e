"""Who may do what. Every permission is listed in docs/permissions.md and tested role by role."""

import rules
from django.db.models.signals import post_delete, post_save

from .models import Organisation, OrganisationMembership, Space, SpaceMembership

Role = SpaceMembership.Role
OrgRole = OrganisationMembership.Role


# A page asks for the viewer's role in a space once per permission check; the answer is kept on the user
# object (which lives for one request) and forgotten as soon as any space membership is saved or deleted
# in this process, so a change is seen at once (tests and services reuse user objects across changes).
_memberships_version = 0


def _memberships_changed(**kwargs) -> None:
    global _memberships_version
    _memberships_version += 1


post_save.connect(_memberships_changed, sender=SpaceMembership, dispatch_uid="rules_space_roles")
post_delete.connect(_memberships_changed, sender=SpaceMembership, dispatch_uid="rules_space_roles")


def _space_role(user, space: Space) -> str | None:
    if not user.is_authenticated:
        return None
    roles: dict[int, str | None]
    version, roles = getattr(user, "_mv_space_roles", (None, {}))
    if version != _memberships_version:
        roles = {}
        user._mv_space_roles = (_memberships_version, roles)
    if space.pk not in roles:
        roles[space.pk] = (
            SpaceMembership.objects.filter(space=space, user=user).values_list("role", flat=True).first()
        )
    return roles[space.pk]


def _org_role(user, organisation: Organisation) -> str | None:
    if not user.is_authenticated:
        return None
    return (
        OrganisationMembership.objects.filter(organisation=organisation, user=user)
        .values_list("role", flat=True)
        .first()
    )


@rules.predicate
def is_platform_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


@rules.predicate
def is_organisation_admin(user, organisation: Organisation) -> bool:
    return _org_role(user, organisation) == OrgRole.ADMIN


@rules.predicate
def is_organisation_writer(user, organisation: Organisation) -> bool:
    """Admin or staff of the organisation: may write in its name (knowledge items, learning paths)."""
    return _org_role(user, organisation) in (OrgRole.ADMIN, OrgRole.STAFF)


def may_write_for(user, organisation: Organisation | None) -> bool:
    """May write in the name of the organisation; with no organisation (the shared collection of knowledge
    items and learning paths), only platform admins may."""
    if user.is_superuser:
        return True
    return organisation is not None and bool(is_organisation_writer(user, organisation))


@rules.predicate
def is_organisation_member(user, organisation: Organisation) -> bool:
    return _org_role(user, organisation) is not None


@rules.predicate
def is_staff_somewhere(user) -> bool:
    return bool(
        user.is_authenticated
        and OrganisationMembership.objects.filter(user=user, role__in=[OrgRole.ADMIN, OrgRole.STAFF]).exists()
    )


@rules.predicate
def is_space_facilitator(user, space: Space) -> bool:
    return _space_role(user, space) == Role.FACILITATOR


@rules.predicate
def is_space_member(user, space: Space) -> bool:
    return _space_role(user, space) is not None


@rules.predicate
def is_owner_admin(user, space: Space) -> bool:
    """An admin of one of the organisations that own the space."""
    return bool(
        user.is_authenticated
        and OrganisationMembership.objects.filter(
            user=user, role=OrgRole.ADMIN, organisation__spaces=space
        ).exists()
    )


@rules.predicate
def is_public_space(user, space: Space) -> bool:
    return space.visibility == Space.Visibility.PUBLIC


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(user.is_authenticated)


@rules.predicate
def space_is_open(user, space: Space) -> bool:
    return space.join_policy == Space.JoinPolicy.OPEN


@rules.predicate
def space_takes_requests(user, space: Space) -> bool:
    return space.join_policy == Space.JoinPolicy.REQUEST


can_lead_space = is_space_facilitator | is_owner_admin | is_platform_admin

rules.add_perm("core.view_organisation", rules.always_allow)
rules.add_perm("core.view_organisation_members", is_organisation_member | is_platform_admin)
rules.add_perm("core.change_organisation", is_organisation_admin | is_platform_admin)
rules.add_perm("core.manage_organisation_members", is_organisation_admin | is_platform_admin)
rules.add_perm("core.create_organisation", is_platform_admin)

rules.add_perm("core.create_space", is_staff_somewhere | is_platform_admin)
rules.add_perm("core.view_space", is_public_space | is_space_member | is_owner_admin | is_platform_admin)
rules.add_perm("core.view_space_members", is_space_member | is_owner_admin | is_platform_admin)
rules.add_perm("core.change_space", can_lead_space)
rules.add_perm("core.manage_space_members", can_lead_space)
# Nobody joins or asks to join a space they may not see.
rules.add_perm(
    "core.join_space",
    is_signed_in & space_is_open & ~is_space_member & (is_public_space | is_owner_admin),
)
rules.add_perm(
    "core.request_to_join_space",
    is_signed_in & space_takes_requests & ~is_space_member & (is_public_space | is_owner_admin),
)
rules.add_perm("core.leave_space", is_space_member)

rules.add_perm("core.view_audit_log", is_platform_admin)
rules.add_perm("core.view_organisation_audit_log", is_organisation_admin | is_platform_admin)
