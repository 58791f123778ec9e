"""Every read for the contact bank and calls."""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from medvind.core.models import Organisation, OrganisationMembership, Space, SpaceMembership

from .models import Application, Call, PanelMember, Representative


def organisations(*, q: str = "", kind: str = "", municipality: Organisation | None = None) -> QuerySet:
    """Organisations in the contact bank: all but those whose entry says not listed."""
    items = (
        Organisation.objects.select_related("directory_entry", "directory_entry__municipality", "parent")
        .exclude(directory_entry__listed=False)
        .order_by("name", "pk")
    )
    if kind:
        items = items.filter(kind=kind)
    if municipality is not None:
        items = items.filter(
            Q(pk=municipality.pk)
            | Q(directory_entry__municipality=municipality)
            | Q(directory_entry__municipality__isnull=True, parent=municipality)
        )
    if q:
        items = items.filter(
            Q(name__icontains=q) | Q(description__icontains=q) | Q(directory_entry__what_we_do__icontains=q)
        )
    return items


def municipalities() -> QuerySet:
    return Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).order_by("name")


def forums_of(orgs: list[Organisation]) -> dict[int, list[Space]]:
    """The public forums each organisation owns or has representatives in: two queries for any page."""
    ids = [org.pk for org in orgs]
    found: dict[int, dict[int, Space]] = defaultdict(dict)
    owned = Space.organisations.through.objects.filter(
        organisation_id__in=ids, space__kind=Space.Kind.FORUM, space__visibility=Space.Visibility.PUBLIC
    ).select_related("space")
    for link in owned:
        found[link.organisation_id][link.space_id] = link.space
    represented = SpaceMembership.objects.filter(
        represents_id__in=ids, space__kind=Space.Kind.FORUM, space__visibility=Space.Visibility.PUBLIC
    ).select_related("space")
    for membership in represented:
        if membership.represents_id is not None:
            found[membership.represents_id][membership.space_id] = membership.space
    return {org_id: sorted(spaces.values(), key=lambda s: s.title) for org_id, spaces in found.items()}


def with_forums(orgs: list[Organisation]) -> list[Organisation]:
    forums = forums_of(orgs)
    for org in orgs:
        org.forums = forums.get(org.pk, [])  # type: ignore[attr-defined]
    return orgs


def municipality_of(org: Organisation) -> Organisation | None:
    entry = getattr(org, "directory_entry", None)
    if entry is not None and entry.municipality_id:
        return entry.municipality
    if org.kind == Organisation.Kind.MUNICIPALITY:
        return org
    if org.parent_id and org.parent.kind == Organisation.Kind.MUNICIPALITY:  # type: ignore[union-attr]
        return org.parent
    return None


def representatives(
    *, language: str = "", area: str = "", organisation: Organisation | None = None
) -> QuerySet:
    items = Representative.objects.select_related("organisation").filter(user__deleted_at__isnull=True)
    if language:  # the list as JSON text, on SQLite and PostgreSQL alike: ["da", "sv"]
        items = items.filter(languages__icontains=f'"{language}"')
    if area:
        items = items.filter(Q(experience_areas__icontains=area) | Q(can_help_with__icontains=area))
    if organisation is not None:
        items = items.filter(organisation=organisation)
    return items.order_by("display_name", "pk")


def own_listing(user: Any) -> Representative | None:
    if not user.is_authenticated:
        return None
    return Representative.objects.filter(user=user).select_related("organisation").first()


def own_panel_member(user: Any) -> PanelMember | None:
    if not user.is_authenticated:
        return None
    return PanelMember.objects.filter(user=user).first()


def open_calls(viewer: Any) -> QuerySet:
    """Open calls in the spaces the viewer sees: public ones, and those they are members of."""
    calls = (
        Call.objects.filter(deadline__gt=timezone.now()).select_related("space").order_by("deadline", "pk")
    )
    if viewer.is_authenticated and viewer.is_superuser:
        return calls
    seen = Q(space__visibility=Space.Visibility.PUBLIC)
    if viewer.is_authenticated:
        seen |= Q(space__in=Space.objects.filter(memberships__user=viewer))
        seen |= Q(
            space__in=Space.objects.filter(
                organisations__memberships__user=viewer,
                organisations__memberships__role=OrganisationMembership.Role.ADMIN,
            )
        )
    return calls.filter(seen)


def led_spaces(viewer: Any) -> list[Space]:
    """The spaces the viewer facilitates, with all their calls, for the coordinator's part of /calls/."""
    if not viewer.is_authenticated:
        return []
    return list(
        Space.objects.filter(memberships__user=viewer, memberships__role=SpaceMembership.Role.FACILITATOR)
        .prefetch_related(Prefetch("calls", queryset=Call.objects.order_by("-deadline", "-pk")))
        .order_by("title")[:50]
    )


def calls_of_space(space: Space) -> QuerySet:
    return Call.objects.filter(space=space).order_by("-deadline", "-pk")


def call_applications(call: Call) -> QuerySet:
    return (
        Application.objects.filter(call=call)
        .select_related("user", "organisation")
        .order_by("status", "created_at", "pk")
    )


def own_application(call: Call, user: Any) -> Application | None:
    if not user.is_authenticated:
        return None
    return Application.objects.filter(call=call, user=user).first()


def application_counts(call: Call) -> dict[str, int]:
    rows = Application.objects.filter(call=call).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


WELCOME_DAYS = 30


def welcome(space: Space, language: str) -> dict[str, Any]:
    """What a new member reads first: the space's introduction, its next meeting and the learning path
    suggested to new members ("Being a user representative"), in the member's language if there is one."""
    from medvind.forums.selectors import upcoming_meetings
    from medvind.learning.selectors import path_for_new_members

    return {
        "space": space,
        "next_meeting": upcoming_meetings(space).first(),
        "path": path_for_new_members(language),
    }


def welcome_for(space: Space, membership: SpaceMembership | None) -> dict[str, Any] | None:
    """The welcome, for a membership of the space less than WELCOME_DAYS old; None for anyone else."""
    if membership is None or membership.created_at < timezone.now() - dt.timedelta(days=WELCOME_DAYS):
        return None
    return welcome(space, membership.user.language or space.language)
