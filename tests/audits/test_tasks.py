"""The daily audit tasks (run for real through django.tasks): the follow-up reminder, once, in each
person's language; raw answers deleted when their time is over, the report kept; the follow-up audit."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from medvind.audits import services
from medvind.audits.models import Audit, Phase, ReportSection, SectionKind
from medvind.audits.tasks import delete_expired_raw_answers, send_follow_up_reminders
from medvind.core.errors import DomainError
from medvind.core.models import AuditLogEntry, OrganisationMembership
from medvind.surveys.models import Answer, Response, SurveyStatus
from tests.surveys.factories import make_survey, record

pytestmark = pytest.mark.django_db


def published_on(audit, day: dt.date) -> Audit:
    audit.phase = Phase.RESPONSE
    audit.published_at = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
    audit.follow_up_due_on = services._add_months(day, audit.follow_up_months)
    audit.save()
    return audit


def test_the_follow_up_reminder_goes_once_to_those_who_run_the_audit_in_their_language(world, audit):
    world["facilitator"].language = "sv"
    world["facilitator"].save()
    published_on(audit, timezone.localdate() - dt.timedelta(days=200))
    assert send_follow_up_reminders.enqueue().return_value == 1
    message = mail.outbox[-1]
    assert message.to == [world["facilitator"].email]
    assert message.subject == "Dags att följa upp revisionen: Secret Audit"  # in Swedish
    assert f"/sv/spaces/{audit.space.slug}/audit/" in message.body
    assert send_follow_up_reminders.enqueue().return_value == 0  # never twice
    assert len(mail.outbox) == 1


def test_no_reminder_before_it_is_due_or_for_a_closed_audit(world, audit, service):
    published_on(audit, timezone.localdate() - dt.timedelta(days=20))
    assert send_follow_up_reminders.enqueue().return_value == 0
    published_on(audit, timezone.localdate() - dt.timedelta(days=400))
    audit.phase = Phase.CLOSED
    audit.save()
    assert send_follow_up_reminders.enqueue().return_value == 0
    assert mail.outbox == []


def test_raw_answers_are_deleted_after_the_retention_time_and_the_report_stays(world, audit):
    survey = make_survey(audit.space, status=SurveyStatus.CLOSED)
    for age in ("under-30", "30-60", "over-60"):
        record(survey, {"age": age, "better": "More time"})
    ReportSection.objects.create(audit=audit, kind=SectionKind.FINDINGS, text="Most want more time.")
    audit.retention_months = 12
    published_on(audit, timezone.localdate() - dt.timedelta(days=300))
    assert delete_expired_raw_answers.enqueue().return_value == 0
    assert Response.objects.count() == 3
    published_on(audit, timezone.localdate() - dt.timedelta(days=370))
    assert delete_expired_raw_answers.enqueue().return_value == 3
    assert not Response.objects.exists() and not Answer.objects.exists()
    audit.refresh_from_db()
    assert audit.raw_answers_deleted_at is not None
    assert ReportSection.objects.get().text == "Most want more time." and survey.questions.count() == 7
    assert AuditLogEntry.objects.filter(action="audit.raw_answers_deleted").exists()
    assert delete_expired_raw_answers.enqueue().return_value == 0


def test_the_daily_command_runs_both_tasks(world, audit, capsys):
    published_on(audit, timezone.localdate() - dt.timedelta(days=200))
    call_command("audit_tasks")
    assert len(mail.outbox) == 1
    assert "send_follow_up_reminders" in capsys.readouterr().out


def test_a_follow_up_audit_asks_the_same_questions_in_a_new_space(world, audit):
    OrganisationMembership.objects.create(organisation=world.owner, user=world["facilitator"], role="staff")
    first = make_survey(audit.space, status=SurveyStatus.CLOSED)
    make_survey(audit.space, status=SurveyStatus.DRAFT, title="Never used")
    with pytest.raises(DomainError, match="after the service has answered"):
        services.follow_up_start(audit=audit, actor=world["facilitator"])
    published_on(audit, timezone.localdate() - dt.timedelta(days=200))
    follow_up = services.follow_up_start(audit=audit, actor=world["facilitator"])
    assert follow_up.follows_up == audit and follow_up.phase == Phase.COMMISSIONED
    assert follow_up.space != audit.space and follow_up.space.kind == "audit"
    assert follow_up.question == audit.question and not follow_up.agreement_accepted
    copied = follow_up.space.surveys.get()
    assert copied.previous == first and copied.status == SurveyStatus.DRAFT
    assert set(copied.questions.values_list("key", flat=True)) == set(
        first.questions.values_list("key", flat=True)
    )
    with pytest.raises(DomainError, match="already been started"):
        services.follow_up_start(audit=audit, actor=world["facilitator"])
