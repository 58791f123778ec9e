"""The experience panel: people who agreed to be asked, and quick consultations sent to a part of it.

Answers go through the survey's anonymous link, so nobody knows who answered: the reminder goes to
everyone invited, and the results follow the survey's anonymity threshold."""

import datetime as dt
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from medvind.core import audit as log
from medvind.core.errors import DomainError
from medvind.core.notifications import absolute
from medvind.core.services import require
from medvind.surveys.models import Survey, SurveyStatus

from .models import PanelConsultation, PanelInvite, PanelMember

REMIND_BEFORE = dt.timedelta(days=2)


@transaction.atomic
def panel_join(*, actor: Any, experience_areas: str = "", languages: list[str] | None = None) -> PanelMember:
    require(actor, "directory.join_panel")
    member, created = PanelMember.objects.update_or_create(
        user=actor, defaults={"experience_areas": experience_areas, "languages": list(languages or [])}
    )
    log.record(
        actor=actor, action="directory.panel_join" if created else "directory.panel_change", obj=member
    )
    return member


@transaction.atomic
def panel_leave(*, actor: Any) -> None:
    require(actor, "directory.join_panel")
    member = PanelMember.objects.filter(user=actor).first()
    if member is not None:
        log.record(actor=actor, action="directory.panel_leave", obj=member)
        member.delete()


def panel_subset(*, area: str = "", language: str = "") -> QuerySet:
    members = PanelMember.objects.select_related("user").filter(user__deleted_at__isnull=True)
    if area:
        members = members.filter(experience_areas__icontains=area)
    if language:
        members = members.filter(languages__icontains=f'"{language}"')
    return members.order_by("pk")


def _send(consultation: PanelConsultation, users: list[Any], template: str) -> None:
    survey = consultation.survey
    for user in users:
        language = user.language or survey.language or settings.LANGUAGE_CODE
        with translation.override(language):
            link = absolute(reverse("surveys:answer_start", kwargs={"token": survey.token}))
            subject = _("A quick question from the experience panel: %(title)s") % {"title": survey.title}
            body = render_to_string(
                template, {"user": user, "survey": survey, "consultation": consultation, "link": link}
            )
        EmailMessage(subject, body, to=[user.email]).send()


@transaction.atomic
def consultation_send(
    *, survey: Survey, actor: Any, deadline: dt.datetime, area: str = "", language: str = ""
) -> PanelConsultation:
    require(actor, "directory.consult_panel", survey.space)
    if survey.status != SurveyStatus.OPEN:
        raise DomainError(_("Open the survey for answers before you send it to the panel."))
    if deadline <= timezone.now():
        raise DomainError(_("The deadline must be in the future."))
    members = list(panel_subset(area=area, language=language))
    if not members:
        raise DomainError(_("Nobody in the panel matches. Choose another experience area or language."))
    consultation = PanelConsultation.objects.create(
        survey=survey, area=area, language=language, deadline=deadline, sent_by=actor
    )
    PanelInvite.objects.bulk_create(PanelInvite(consultation=consultation, user=m.user) for m in members)
    log.record(
        actor=actor,
        action="directory.consultation_send",
        obj=consultation,
        changes={"invited": [None, len(members)], "area": [None, area], "language": [None, language]},
        space=survey.space,
    )
    users = [m.user for m in members]
    transaction.on_commit(lambda: _send(consultation, users, "directory/email/panel_invite.txt"))
    return consultation


def send_due_reminders(now: dt.datetime | None = None) -> int:
    """Remind once, in the last two days before the deadline, everyone invited who is still in the panel."""
    now = now or timezone.now()
    sent = 0
    due = PanelConsultation.objects.filter(
        reminded_at__isnull=True, deadline__gt=now, deadline__lte=now + REMIND_BEFORE
    ).select_related("survey")
    for consultation in due:
        with transaction.atomic():
            claimed = PanelConsultation.objects.filter(pk=consultation.pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if not claimed:
                continue
            users = [
                invite.user
                for invite in consultation.invites.select_related("user").filter(
                    user__panel_member__isnull=False, user__deleted_at__isnull=True
                )
            ]
            transaction.on_commit(partial(_send, consultation, users, "directory/email/panel_reminder.txt"))
            sent += len(users)
    return sent
