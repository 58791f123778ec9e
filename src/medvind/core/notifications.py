"""Emails, each rendered in the recipient's language."""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Invitation, JoinRequest


def language_for(user: Any, fallback: str) -> str:
    return (user.language if user is not None else "") or fallback


def send_templated_mail(*, to: str, language: str, template: str, context: dict[str, Any]) -> None:
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def absolute(url: str) -> str:
    return settings.MEDVIND_BASE_URL + url


def send_invitation_email(invitation: Invitation) -> None:
    user = get_user_model().objects.filter(email__iexact=invitation.email).first()
    language = language_for(user, invitation.space.language)
    with translation.override(language):
        url = absolute(reverse("core:invitation", kwargs={"token": invitation.token}))
    send_templated_mail(
        to=invitation.email,
        language=language,
        template="core/email/invitation",
        context={"invitation": invitation, "space": invitation.space, "url": url},
    )


def send_join_decision_email(join_request: JoinRequest) -> None:
    user = join_request.user
    language = language_for(user, join_request.space.language)
    with translation.override(language):
        url = absolute(join_request.space.get_absolute_url())
    send_templated_mail(
        to=user.email,
        language=language,
        template="core/email/join_decision",
        context={"join_request": join_request, "space": join_request.space, "url": url},
    )
