"""Every write to people's accounts."""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from medvind.core import audit
from medvind.core.errors import NotAllowed
from medvind.core.models import (
    AuditLogEntry,
    Invitation,
    JoinRequest,
    OrganisationMembership,
    SpaceMembership,
)

from .models import User

PROFILE_FIELDS = ("display_name", "language", "easy_read", "large_text", "high_contrast")


def _require_self_or_admin(actor: Any, user: User) -> None:
    if not (actor.is_authenticated and (actor.pk == user.pk or actor.is_superuser)):
        raise NotAllowed("accounts.change_profile")


@transaction.atomic
def profile_update(*, actor: Any, user: User, **values: Any) -> User:
    _require_self_or_admin(actor, user)
    unknown = set(values) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    if "language" in values and values["language"] not in dict(settings.LANGUAGES):
        raise ValueError("Unknown language")
    changes = audit.diff(user, values)
    if not changes:
        return user
    for field, value in values.items():
        setattr(user, field, value)
    user.save(update_fields=list(values))
    audit.record(actor=actor, action="account.profile_update", obj=user, changes=changes)
    return user


@transaction.atomic
def account_erase(*, actor: Any, user: User) -> None:
    """Remove personal data; keep contributions, shown as 'deleted participant'."""
    _require_self_or_admin(actor, user)
    email = user.email
    # Entries about the person, their memberships, requests and invitations keep what happened but
    # lose the personal values (names and email addresses are in object_repr and changes).
    about_person = Q(object_type=user._meta.label_lower, object_id=str(user.pk))
    for rows in (
        OrganisationMembership.objects.filter(user=user),
        SpaceMembership.objects.filter(user=user),
        JoinRequest.objects.filter(user=user),
        Invitation.objects.filter(email__iexact=email),
    ):
        ids = [str(pk) for pk in rows.values_list("pk", flat=True)]
        about_person |= Q(object_type=rows.model._meta.label_lower, object_id__in=ids)
        rows.delete()
    AuditLogEntry.objects.filter(about_person).update(changes={}, object_repr="")
    _erase_participation(user)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.email = f"deleted-{user.pk}@deleted.invalid"
    user.display_name = ""
    user.language = ""
    user.easy_read = user.large_text = user.high_contrast = False
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.deleted_at = timezone.now()
    user.set_unusable_password()  # also ends every session: the session hash depends on it
    user.save()
    audit.record(actor=None, action="account.erase", obj=user)


def _erase_participation(user: Any) -> None:
    """What the person told about themselves in the audits, learning and directory apps goes: their
    auditor pool entry (with the services they use), private reflections, listings and applications.
    Team places and finished audits stay, under "deleted participant"."""
    from medvind.audits.models import AuditorProfile
    from medvind.directory.models import Application, PanelMember, Representative
    from medvind.learning.models import Enrolment, Reflection

    for model in (AuditorProfile, Reflection, Enrolment, Representative, PanelMember):
        field = "person" if model in (Reflection, Enrolment) else "user"
        model.objects.filter(**{field: user}).delete()
    Application.objects.filter(user=user).update(
        motivation="", needs="", experience_areas="", availability=""
    )
