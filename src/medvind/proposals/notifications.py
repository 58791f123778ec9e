"""Tell people what happened: an in-app notification and an email in the recipient's language.

Called inside a service's transaction: rows are written now, emails are queued after commit."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from medvind.core.models import OrganisationMembership

from .models import Answer, Follow, Notification, Proposal

UNSUBSCRIBE_SALT = "medvind.proposals.unsubscribe"


def unsubscribe_token(*, user_id: int | None = None, email: str = "", proposal_id: int | None = None) -> str:
    return signing.dumps({"u": user_id, "e": email, "p": proposal_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> dict[str, Any]:
    return signing.loads(token, salt=UNSUBSCRIBE_SALT)


def _recipients(proposal: Proposal, *, exclude: Any = None) -> list[Any]:
    users = get_user_model().objects.filter(
        pk__in=Follow.objects.filter(proposal=proposal).values("user_id"),
        is_active=True,
        deleted_at__isnull=True,
    )
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return list(users)


def _notify(users: Iterable[Any], *, proposal: Proposal, event: str, text: str = "") -> None:
    users = list(users)
    Notification.objects.bulk_create(
        [Notification(user=user, proposal=proposal, event=event, text=text) for user in users]
    )
    user_ids = [user.pk for user in users if user.email_notifications]
    if user_ids:
        from .tasks import send_proposal_emails

        transaction.on_commit(
            lambda: send_proposal_emails.enqueue(proposal_id=proposal.pk, event=event, user_ids=user_ids)
        )


def notify_assigned(proposal: Proposal) -> None:
    """The responder is told; with only a unit, its administrators and staff are."""
    if proposal.responder is not None:
        users = [proposal.responder]
    elif proposal.responder_organisation_id:
        users = list(
            get_user_model().objects.filter(
                organisation_memberships__organisation_id=proposal.responder_organisation_id,
                organisation_memberships__role__in=[
                    OrganisationMembership.Role.ADMIN,
                    OrganisationMembership.Role.STAFF,
                ],
                is_active=True,
            )[:50]
        )
    else:
        return
    _notify(users, proposal=proposal, event=Notification.Event.ASSIGNED)


def notify_answered(proposal: Proposal, answer: Answer, *, contact_email: str = "") -> None:
    _notify(
        _recipients(proposal, exclude=answer.author),
        proposal=proposal,
        event=Notification.Event.ANSWERED,
        text=answer.text[:500],
    )
    if contact_email:
        from .tasks import send_anonymous_answer_email

        transaction.on_commit(
            lambda: send_anonymous_answer_email.enqueue(answer_id=answer.pk, email=contact_email)
        )


def notify_merged(duplicate: Proposal, into: Proposal, *, actor: Any = None) -> None:
    _notify(
        _recipients(into, exclude=actor), proposal=duplicate, event=Notification.Event.MERGED, text=into.title
    )


def event_subject(event: str, proposal: Proposal) -> str:
    subjects: dict[str, str] = {
        Notification.Event.ANSWERED: _("New answer to “%(title)s”"),
        Notification.Event.ASSIGNED: _("You are asked to answer “%(title)s”"),
        Notification.Event.MERGED: _("“%(title)s” was merged with another proposal"),
    }
    return subjects[event] % {"title": proposal.title}


def proposal_url(proposal: Proposal, language: str) -> str:
    from django.conf import settings

    with translation.override(language):
        return settings.MEDVIND_BASE_URL + proposal.get_absolute_url()


def unsubscribe_url(language: str, token: str) -> str:
    from django.conf import settings

    with translation.override(language):
        return settings.MEDVIND_BASE_URL + reverse("proposals:unsubscribe", kwargs={"token": token})
