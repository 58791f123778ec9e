"""Every read used by views. Visibility is decided here, once."""

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from .models import (
    AuditLogEntry,
    Invitation,
    JoinRequest,
    Organisation,
    OrganisationMembership,
    Space,
    SpaceMembership,
)


def spaces_visible_to(viewer: Any) -> QuerySet[Space]:
    spaces = Space.objects.all()
    if viewer.is_authenticated and viewer.is_superuser:
        return spaces
    # Conditions on the space row itself (no joins), so the database can walk the
    # (visibility, -created_at) index and stop at the page size.
    condition = Q(visibility=Space.Visibility.PUBLIC)
    if viewer.is_authenticated:
        member_of = SpaceMembership.objects.filter(user=viewer).values("space_id")
        admin_of = Space.organisations.through.objects.filter(
            organisation__memberships__user=viewer,
            organisation__memberships__role=OrganisationMembership.Role.ADMIN,
        ).values("space_id")
        condition |= Q(pk__in=member_of) | Q(pk__in=admin_of)
    return spaces.filter(condition)


def space_list(viewer: Any, *, kind: str = "", mine: bool = False) -> QuerySet[Space]:
    spaces = spaces_visible_to(viewer)
    if kind:
        spaces = spaces.filter(kind=kind)
    if mine and viewer.is_authenticated:
        spaces = spaces.filter(memberships__user=viewer)
    return spaces.prefetch_related(
        Prefetch("organisations", queryset=Organisation.objects.only("name", "slug"))
    ).order_by("-created_at", "-pk")


def space_get(viewer: Any, slug: str) -> Space:
    """The space, or 404 if it does not exist or the viewer may not see it (no leak of hidden titles)."""
    space = Space.objects.filter(slug=slug).first()
    if space is None or not viewer.has_perm("core.view_space", space):
        raise Http404
    return space


def space_detail(viewer: Any, space: Space) -> dict[str, Any]:
    memberships = SpaceMembership.objects.filter(space=space).select_related("user", "represents")
    facilitators = [m for m in memberships.filter(role=SpaceMembership.Role.FACILITATOR)[:20]]
    viewer_membership = None
    pending_request = None
    if viewer.is_authenticated:
        viewer_membership = memberships.filter(user=viewer).first()
        pending_request = JoinRequest.objects.filter(
            space=space, user=viewer, status=JoinRequest.Status.PENDING
        ).first()
    return {
        "organisations": list(space.organisations.all()),
        "facilitators": facilitators,
        "member_count": memberships.count(),
        "proposal_count": space.proposals.count(),
        "viewer_membership": viewer_membership,
        "pending_request": pending_request,
    }


def space_members(space: Space) -> QuerySet[SpaceMembership]:
    return (
        SpaceMembership.objects.filter(space=space)
        .select_related("user", "represents")
        .order_by("role", "user__display_name", "pk")
    )


def membership_of(space: Space, user: Any) -> SpaceMembership | None:
    if not user.is_authenticated:
        return None
    return SpaceMembership.objects.filter(space=space, user=user).first()


def space_pending_requests(space: Space) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(space=space, status=JoinRequest.Status.PENDING).select_related("user")


def space_pending_invitations(space: Space) -> QuerySet[Invitation]:
    return Invitation.objects.filter(space=space, status=Invitation.Status.PENDING)


def organisation_list(*, kind: str = "", country: str = "", query: str = "") -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("parent")
    if kind:
        organisations = organisations.filter(kind=kind)
    if country:
        organisations = organisations.filter(country=country)
    if query:
        organisations = organisations.filter(name__icontains=query)
    return organisations.order_by("name", "pk")


def organisation_get(slug: str) -> Organisation:
    organisation = Organisation.objects.select_related("parent").filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def organisation_detail(viewer: Any, organisation: Organisation) -> dict[str, Any]:
    units = organisation.units.order_by("name")[:50]
    spaces = space_list(viewer).filter(organisations=organisation)[:20]
    counts = organisation.memberships.aggregate(
        total=Count("pk"),
        staff=Count(
            "pk", filter=Q(role__in=[OrganisationMembership.Role.ADMIN, OrganisationMembership.Role.STAFF])
        ),
    )
    return {"units": list(units), "spaces": list(spaces), "counts": counts}


def organisation_members(organisation: Organisation) -> QuerySet[OrganisationMembership]:
    return organisation.memberships.select_related("user").order_by("role", "user__display_name", "pk")


def organisations_of(user: Any, *, roles: list[str] | None = None) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_superuser and roles is not None:
        return Organisation.objects.all()
    memberships = OrganisationMembership.objects.filter(user=user)
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return Organisation.objects.filter(pk__in=memberships.values("organisation_id"))


def audit_log(*, organisation: Organisation | None = None) -> QuerySet[AuditLogEntry]:
    entries = AuditLogEntry.objects.select_related("actor", "organisation", "space")
    if organisation is not None:
        entries = entries.filter(
            Q(organisation=organisation) | Q(space__organisations=organisation)
        ).distinct()
    return entries
