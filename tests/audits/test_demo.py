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
    assert "(använder den här verksamheten)" in content or "(uses this service)" in content
    assert audit.phase_changes.count() == 2
