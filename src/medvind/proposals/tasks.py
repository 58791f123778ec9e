"""Background work, run through django.tasks (immediately by default, by a worker in production)."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from medvind.core.models import SpaceMembership

from .models import Answer, Proposal
from .notifications import event_subject, proposal_url, unsubscribe_token, unsubscribe_url
from .selectors import overdue_list


def _send(*, to: str, language: str, subject: str, template: str, context: dict, unsubscribe: str) -> None:
    with translation.override(language):
        body = render_to_string(template, {**context, "unsubscribe_url": unsubscribe})
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()


@task()
def send_proposal_emails(*, proposal_id: int, event: str, user_ids: list[int]) -> int:
    proposal = Proposal.objects.select_related("space").get(pk=proposal_id)
    answer = proposal.answers.order_by("-created_at", "-id").first()
    sent = 0
    for user in get_user_model().objects.filter(pk__in=user_ids, email_notifications=True, is_active=True):
        language = user.language or proposal.space.language
        with translation.override(language):
            subject = event_subject(event, proposal)
        token = unsubscribe_token(user_id=user.pk, proposal_id=proposal.pk)
        _send(
            to=user.email,
            language=language,
            subject=subject,
            template="proposals/email/notification.txt",
            context={
                "proposal": proposal,
                "event": event,
                "answer": answer,
                "url": proposal_url(proposal, language),
            },
            unsubscribe=unsubscribe_url(language, token),
        )
        sent += 1
    return sent


@task()
def send_anonymous_answer_email(*, answer_id: int, email: str) -> None:
    answer = Answer.objects.select_related("proposal__space").get(pk=answer_id)
    proposal = answer.proposal
    language = proposal.language
    with translation.override(language):
        subject = event_subject("answered", proposal)
    _send(
        to=email,
        language=language,
        subject=subject,
        template="proposals/email/notification.txt",
        context={
            "proposal": proposal,
            "event": "answered",
            "answer": answer,
            "url": proposal_url(proposal, language),
        },
        unsubscribe=unsubscribe_url(language, unsubscribe_token(email=email, proposal_id=proposal.pk)),
    )


@task()
def send_overdue_digest() -> int:
    """Weekly: every responder and facilitator with overdue proposals gets one email listing them."""
    per_user: dict[int, list[Proposal]] = defaultdict(list)
    overdue = list(overdue_list()[:5000])
    facilitators: dict[int, list[int]] = defaultdict(list)
    for membership in SpaceMembership.objects.filter(
        space_id__in={p.space_id for p in overdue}, role=SpaceMembership.Role.FACILITATOR
    ).values("space_id", "user_id"):
        facilitators[membership["space_id"]].append(membership["user_id"])
    for proposal in overdue:
        recipients = set(facilitators[proposal.space_id])
        if proposal.responder_id:
            recipients.add(proposal.responder_id)
        for user_id in recipients:
            per_user[user_id].append(proposal)
    sent = 0
    users = get_user_model().objects.filter(pk__in=per_user, email_notifications=True, is_active=True)
    for user in users:
        language = user.language or settings.LANGUAGE_CODE
        proposals = per_user[user.pk][:50]
        with translation.override(language):
            subject = _("Proposals waiting for an answer after the deadline")
            items = [(p, proposal_url(p, language)) for p in proposals]
        _send(
            to=user.email,
            language=language,
            subject=subject,
            template="proposals/email/overdue_digest.txt",
            context={"items": items, "total": len(per_user[user.pk])},
            unsubscribe=unsubscribe_url(language, unsubscribe_token(user_id=user.pk)),
        )
        sent += 1
    return sent
