"""Every write to organisations and spaces. Keyword-only, atomic, permission-checked, audit-logged."""

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import audit
from .errors import DomainError, NotAllowed
from .models import Invitation, JoinRequest, Organisation, OrganisationMembership, Space, SpaceMembership
from .notifications import send_invitation_email, send_join_decision_email


def require(actor: Any, perm: str, obj: Any = None) -> None:
    if not actor.has_perm(perm, obj):
        raise NotAllowed(perm)


RESERVED_SLUGS = {"new"}  # paths such as /spaces/new/
# slugify() drops letters that Unicode does not decompose; write them the way Nordic addresses do.
NORDIC_LETTERS = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss"})


def unique_slug(model: type, text: str, *, max_length: int = 80) -> str:
    base = (slugify(text.translate(NORDIC_LETTERS)) or "x")[: max_length - 6].strip("-") or "x"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or model.objects.filter(slug=slug).exists():  # type: ignore[attr-defined]
        slug, n = f"{base}-{n}", n + 1
    return slug


# Organisations ---------------------------------------------------------------------------------


@transaction.atomic
def organisation_create(
    *,
    actor: Any,
    name: str,
    kind: str,
    country: str,
    language: str,
    parent: Organisation | None = None,
    description: str = "",
    website: str = "",
    email: str = "",
    require_staff_mfa: bool = False,
) -> Organisation:
    require(actor, "core.create_organisation")
    if (
        kind == Organisation.Kind.SERVICE
        and parent
        and parent.kind
        not in (
            Organisation.Kind.MUNICIPALITY,
            Organisation.Kind.REGION,
        )
    ):
        raise DomainError(_("A service can only belong to a municipality or a region."))
    organisation = Organisation.objects.create(
        name=name,
        slug=unique_slug(Organisation, name),
        kind=kind,
        country=country,
        language=language,
        parent=parent,
        description=description,
        website=website,
        email=email,
        require_staff_mfa=require_staff_mfa,
    )
    audit.record(
        actor=actor,
        action="organisation.create",
        obj=organisation,
        changes={
            "name": [None, name],
            "kind": [None, kind],
            "parent": [None, str(parent) if parent else None],
            "country": [None, country],
            "language": [None, language],
        },
        organisation=organisation,
    )
    return organisation


ORGANISATION_EDITABLE = ("name", "description", "website", "email", "language", "require_staff_mfa")


@transaction.atomic
def organisation_update(*, organisation: Organisation, actor: Any, **values: Any) -> Organisation:
    require(actor, "core.change_organisation", organisation)
    unknown = set(values) - set(ORGANISATION_EDITABLE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    changes = audit.diff(organisation, values)
    for field, value in values.items():
        setattr(organisation, field, value)
    organisation.save()
    if changes:
        audit.record(
            actor=actor,
            action="organisation.update",
            obj=organisation,
            changes=changes,
            organisation=organisation,
        )
    return organisation


@transaction.atomic
def organisation_member_set(
    *, organisation: Organisation, actor: Any, user: Any, role: str
) -> OrganisationMembership:
    require(actor, "core.manage_organisation_members", organisation)
    if role not in OrganisationMembership.Role.values:
        raise DomainError(_("Choose a valid role."))
    membership, created = OrganisationMembership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"role": role}
    )
    old = None if created else membership.role
    if not created and membership.role != role:
        _keep_one_admin(organisation, leaving=membership)
        membership.role = role
        membership.save(update_fields=["role"])
    if created or old != role:
        audit.record(
            actor=actor,
            action="organisation.member_set",
            obj=membership,
            changes={"role": [old, role]},
            organisation=organisation,
        )
    return membership


@transaction.atomic
def organisation_member_remove(*, organisation: Organisation, actor: Any, user: Any) -> None:
    require(actor, "core.manage_organisation_members", organisation)
    membership = OrganisationMembership.objects.filter(organisation=organisation, user=user).first()
    if membership is None:
        raise DomainError(_("This person is not a member of the organisation."))
    _keep_one_admin(organisation, leaving=membership)
    audit.record(
        actor=actor,
        action="organisation.member_remove",
        obj=membership,
        changes={"role": [membership.role, None]},
        organisation=organisation,
    )
    membership.delete()


def _keep_one_admin(organisation: Organisation, *, leaving: OrganisationMembership) -> None:
    if leaving.role != OrganisationMembership.Role.ADMIN:
        return
    others = organisation.memberships.filter(role=OrganisationMembership.Role.ADMIN).exclude(pk=leaving.pk)
    if not others.exists():
        raise DomainError(_("An organisation must keep at least one administrator."))


# Spaces ----------------------------------------------------------------------------------------


@transaction.atomic
def space_create(
    *,
    actor: Any,
    title: str,
    kind: str,
    organisations: Iterable[Organisation],
    language: str,
    visibility: str = Space.Visibility.PUBLIC,
    join_policy: str = Space.JoinPolicy.REQUEST,
    summary: str = "",
    description: str = "",
    proposals_open: bool = True,
    anonymous_proposals: bool = False,
    answer_days: int = 30,
) -> Space:
    require(actor, "core.create_space")
    organisations = list(organisations)
    if not organisations:
        raise DomainError(_("A space must belong to at least one organisation."))
    if not actor.is_superuser:
        allowed = set(
            OrganisationMembership.objects.filter(
                user=actor, role__in=[OrganisationMembership.Role.ADMIN, OrganisationMembership.Role.STAFF]
            ).values_list("organisation_id", flat=True)
        )
        if not any(org.pk in allowed for org in organisations):
            raise DomainError(
                _("At least one owner must be an organisation where you are staff or administrator.")
            )
    space = Space.objects.create(
        title=title,
        slug=unique_slug(Space, title),
        kind=kind,
        language=language,
        visibility=visibility,
        join_policy=join_policy,
        summary=summary,
        description=description,
        proposals_open=proposals_open,
        anonymous_proposals=anonymous_proposals,
        answer_days=answer_days,
        created_by=actor,
    )
    space.organisations.set(organisations)
    SpaceMembership.objects.create(space=space, user=actor, role=SpaceMembership.Role.FACILITATOR)
    audit.record(
        actor=actor,
        action="space.create",
        obj=space,
        changes={"organisations": [None, [str(o) for o in organisations]]},
        space=space,
    )
    return space


SPACE_EDITABLE = (
    "title",
    "summary",
    "description",
    "visibility",
    "join_policy",
    "language",
    "proposals_open",
    "anonymous_proposals",
    "answer_days",
)


@transaction.atomic
def space_update(*, space: Space, actor: Any, **values: Any) -> Space:
    require(actor, "core.change_space", space)
    unknown = set(values) - set(SPACE_EDITABLE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    changes = audit.diff(space, values)
    for field, value in values.items():
        setattr(space, field, value)
    space.save()
    if changes:
        audit.record(actor=actor, action="space.update", obj=space, changes=changes, space=space)
    return space


def _add_member(
    *, space: Space, user: Any, role: str, represents: Organisation | None = None
) -> SpaceMembership:
    try:
        with transaction.atomic():
            return SpaceMembership.objects.create(space=space, user=user, role=role, represents=represents)
    except IntegrityError:
        raise DomainError(_("This person is already a member of the space.")) from None


@transaction.atomic
def space_join(*, space: Space, actor: Any) -> SpaceMembership:
    if SpaceMembership.objects.filter(space=space, user=actor).exists():
        raise DomainError(_("You are already a member of this space."))
    require(actor, "core.join_space", space)
    membership = _add_member(space=space, user=actor, role=SpaceMembership.Role.MEMBER)
    audit.record(
        actor=actor,
        action="space.join",
        obj=membership,
        changes={"role": [None, membership.role]},
        space=space,
    )
    return membership


@transaction.atomic
def space_request_join(*, space: Space, actor: Any, message: str = "") -> JoinRequest:
    if SpaceMembership.objects.filter(space=space, user=actor).exists():
        raise DomainError(_("You are already a member of this space."))
    require(actor, "core.request_to_join_space", space)
    if JoinRequest.objects.filter(space=space, user=actor, status=JoinRequest.Status.PENDING).exists():
        raise DomainError(_("You have already asked to join. The facilitators will answer you."))
    join_request = JoinRequest.objects.create(space=space, user=actor, message=message)
    audit.record(
        actor=actor,
        action="space.request_join",
        obj=join_request,
        changes={"status": [None, join_request.status], "message": [None, message]},
        space=space,
    )
    return join_request


@transaction.atomic
def join_request_decide(*, join_request: JoinRequest, actor: Any, accept: bool) -> JoinRequest:
    space = join_request.space
    require(actor, "core.manage_space_members", space)
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != JoinRequest.Status.PENDING:
        raise DomainError(_("This request has already been answered."))
    join_request.status = JoinRequest.Status.ACCEPTED if accept else JoinRequest.Status.DECLINED
    join_request.decided_by = actor
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
    if accept and not SpaceMembership.objects.filter(space=space, user=join_request.user).exists():
        _add_member(space=space, user=join_request.user, role=SpaceMembership.Role.MEMBER)
    audit.record(
        actor=actor,
        action="space.join_request_decide",
        obj=join_request,
        changes={"status": [JoinRequest.Status.PENDING, join_request.status]},
        space=space,
    )
    transaction.on_commit(lambda: send_join_decision_email(join_request))
    return join_request


@transaction.atomic
def space_invite(
    *, space: Space, actor: Any, email: str, role: str = SpaceMembership.Role.MEMBER
) -> Invitation:
    require(actor, "core.manage_space_members", space)
    if role == SpaceMembership.Role.REPRESENTATIVE:
        # An invitation names no organisation: invite as member, then set the role on the members page.
        raise DomainError(_("Choose the organisation that the representative speaks for."))
    email = email.strip().lower()
    if SpaceMembership.objects.filter(space=space, user__email__iexact=email).exists():
        raise DomainError(_("This person is already a member of the space."))
    if Invitation.objects.filter(space=space, email=email, status=Invitation.Status.PENDING).exists():
        raise DomainError(_("This person has already been invited and has not answered yet."))
    invitation = Invitation.objects.create(space=space, email=email, role=role, invited_by=actor)
    audit.record(
        actor=actor,
        action="space.invite",
        obj=invitation,
        changes={"email": [None, email], "role": [None, role]},
        space=space,
    )
    transaction.on_commit(lambda: send_invitation_email(invitation))
    return invitation


@transaction.atomic
def invitation_answer(*, invitation: Invitation, actor: Any, accept: bool) -> Invitation:
    invitation = Invitation.objects.select_for_update().select_related("space").get(pk=invitation.pk)
    if not actor.is_authenticated:
        raise NotAllowed("core.answer_invitation")
    if invitation.status != Invitation.Status.PENDING:
        raise DomainError(_("This invitation has already been answered."))
    invitation.status = Invitation.Status.ACCEPTED if accept else Invitation.Status.DECLINED
    invitation.answered_by = actor
    invitation.save(update_fields=["status", "answered_by"])
    if accept and not SpaceMembership.objects.filter(space=invitation.space, user=actor).exists():
        _add_member(space=invitation.space, user=actor, role=invitation.role)
    audit.record(
        actor=actor,
        action="space.invitation_answer",
        obj=invitation,
        changes={"status": [Invitation.Status.PENDING, invitation.status]},
        space=invitation.space,
    )
    return invitation


@transaction.atomic
def space_member_set_role(
    *,
    space: Space,
    actor: Any,
    membership: SpaceMembership,
    role: str,
    represents: Organisation | None = None,
) -> SpaceMembership:
    require(actor, "core.manage_space_members", space)
    if membership.space_id != space.pk:
        raise DomainError(_("This person is not a member of the space."))
    if role not in SpaceMembership.Role.values:
        raise DomainError(_("Choose a valid role."))
    if role == SpaceMembership.Role.REPRESENTATIVE and represents is None:
        raise DomainError(_("Choose the organisation that the representative speaks for."))
    if membership.role == SpaceMembership.Role.FACILITATOR and role != SpaceMembership.Role.FACILITATOR:
        _keep_one_facilitator(space, leaving=membership)
    changes = audit.diff(membership, {"role": role, "represents": represents})
    membership.role = role
    membership.represents = represents
    membership.save(update_fields=["role", "represents"])
    if changes:
        audit.record(actor=actor, action="space.member_role", obj=membership, changes=changes, space=space)
    return membership


@transaction.atomic
def space_member_remove(*, space: Space, actor: Any, membership: SpaceMembership) -> None:
    if membership.space_id != space.pk:
        raise DomainError(_("This person is not a member of the space."))
    if membership.user_id == actor.pk:
        require(actor, "core.leave_space", space)
    else:
        require(actor, "core.manage_space_members", space)
    _keep_one_facilitator(space, leaving=membership)
    audit.record(
        actor=actor,
        action="space.member_remove",
        obj=membership,
        changes={"role": [membership.role, None]},
        space=space,
    )
    membership.delete()


def _keep_one_facilitator(space: Space, *, leaving: SpaceMembership) -> None:
    if leaving.role != SpaceMembership.Role.FACILITATOR:
        return
    if not space.memberships.filter(role=SpaceMembership.Role.FACILITATOR).exclude(pk=leaving.pk).exists():
        raise DomainError(_("A space must keep at least one facilitator."))
