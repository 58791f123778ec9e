"""Scheduled work for user-led audits, run through django.tasks (`manage.py audit_tasks` daily):
the follow-up reminder, and deleting raw answers when their retention time is over."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from medvind.core import audit as log
from medvind.core.models import SpaceMembership
from medvind.surveys.models import Response

from .models import Audit, Phase, TeamRole
from .services import _add_months

REMINDED_PHASES = (Phase.PUBLISHED, Phase.RESPONSE, Phase.FOLLOW_UP)


def _absolute(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return settings.MEDVIND_BASE_URL + reverse(name, kwargs=kwargs)


def _runners(audit: Audit):
    """The facilitators of the audit's space and its coordinators who take emails."""
    facilitators = SpaceMembership.objects.filter(
        space=audit.space, role=SpaceMembership.Role.FACILITATOR
    ).values("user_id")
    coordinators = audit.team.filter(role=TeamRole.COORDINATOR).values("user_id")
    users = get_user_model().objects.filter(email_notifications=True, is_active=True, deleted_at__isnull=True)
    return users.filter(pk__in=facilitators) | users.filter(pk__in=coordinators)


@task()
def send_follow_up_reminders() -> int:
    """Tell those who run an audit that its follow-up is due, once, in their language."""
    today = timezone.localdate()
    due = Audit.objects.select_related("space", "service").filter(
        follow_up_due_on__lte=today, follow_up_reminded_at__isnull=True, phase__in=REMINDED_PHASES
    )
    sent = 0
    for audit in due:
        with transaction.atomic():
            # Claimed first: two runs at once never send the reminder twice.
            if not Audit.objects.filter(pk=audit.pk, follow_up_reminded_at__isnull=True).update(
                follow_up_reminded_at=timezone.now()
            ):
                continue
            for user in _runners(audit).distinct():
                language = user.language or audit.space.language
                with translation.override(language):
                    body = render_to_string(
                        "audits/email/follow_up.txt",
                        {
                            "audit": audit,
                            "user": user,
                            "url": _absolute("audits:detail", language, slug=audit.space.slug),
                            "settings_url": _absolute("accounts:profile", language),
                        },
                    )
                    subject = _("Time to follow up the audit: %(title)s") % {"title": audit.space.title}
                EmailMessage(
                    subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email]
                ).send()
                sent += 1
    return sent


@task()
def delete_expired_raw_answers() -> int:
    """Raw answers to an audit's surveys are deleted `retention_months` after the report was published;
    the report and the figures in it stay. Returns the number of responses deleted."""
    today = timezone.localdate()
    deleted = 0
    for audit in Audit.objects.select_related("space").filter(
        published_at__isnull=False, raw_answers_deleted_at__isnull=True
    ):
        if _add_months(timezone.localdate(audit.published_at), audit.retention_months) > today:
            continue
        with transaction.atomic():
            responses = Response.objects.filter(survey__space=audit.space)
            count = responses.count()
            responses.delete()
            audit.raw_answers_deleted_at = timezone.now()
            audit.save(update_fields=["raw_answers_deleted_at"])
            log.record(
                actor=None,
                action="audit.raw_answers_deleted",
                obj=audit,
                changes={"responses": [count, 0]},
                space=audit.space,
            )
        deleted += count
    return deleted
