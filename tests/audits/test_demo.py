"""The audits demo loads after the core demo: a commissioned audit with its team from the pool."""

import pytest

from medvind.accounts.models import User
from medvind.audits import demo
from medvind.audits.models import Audit, AuditorProfile, Phase
from medvind.core.demo import load_demo
from tests.helpers import page, url

pytestmark = pytest.mark.django_db


def test_the_demo_audit_has_an_accepted_agreement_a_team_and_a_marked_conflict(client):
    load_demo()
    demo.load_demo()
    audit = Audit.objects.get()
    assert audit.agreement_accepted
    assert audit.phase == Phase.INSTRUMENTS  # no questionnaire in this space without the surveys demo
    assert audit.team.count() == 3
    assert AuditorProfile.objects.filter(services_used=audit.service).count() == 1
    coordinator = User.objects.get(email="coordinator@demo.example")
    client.force_login(coordinator)
    content = page(client.get(url("audits:team", "sv", slug=audit.space.slug)))
    assert "Pia (använder den här verksamheten)" in content
    assert audit.phase_changes.count() == 2


def test_with_the_surveys_demo_the_audit_is_published_answered_and_followed_up(client):
    from medvind.surveys import demo as surveys_demo

    load_demo()
    surveys_demo.load_demo()
    demo.load_demo()
    audit = Audit.objects.get(follows_up=None)
    assert audit.phase == Phase.RESPONSE and audit.published_at is not None
    assert {r.stance for r in audit.recommendations.all()} == {"agree", "partly", "disagree"}
    assert {r.progress for r in audit.recommendations.all()} == {"not_started", "in_progress", "done"}
    assert audit.results_snapshot and audit.results_snapshot[0]["questions"]
    follow_up = Audit.objects.get(follows_up=audit)
    assert follow_up.phase == Phase.COMMISSIONED
    assert {s.previous.title for s in follow_up.space.surveys.all()} == {
        s.title for s in audit.space.surveys.exclude(next_rounds__space=audit.space).exclude(status="draft")
    }
    report = client.get(url("audits:report", "sv", slug=audit.space.slug))  # public once published
    assert report.status_code == 200 and "Erbjud boendestöd också på kvällar" in page(report)
    pdf = client.get(url("audits:report_pdf", "sv", slug=audit.space.slug))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
