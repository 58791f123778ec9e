"""The forums demo loads after the core and proposals demo and has data in every state."""

import pytest

from medvind.core.demo import load_demo
from medvind.forums import demo
from medvind.forums.models import ActionItem, Decision, Meeting, Registration
from medvind.proposals import demo as proposals_demo
from medvind.proposals.models import Proposal

pytestmark = pytest.mark.django_db


def test_the_demo_has_meetings_in_every_state_in_three_forums(client):
    load_demo()
    proposals_demo.load_demo()
    demo.load_demo()
    meetings = Meeting.objects.all()
    assert {m.state for m in meetings} == {"planned", "held", "cancelled"}
    assert {m.minutes_state for m in meetings} >= {"draft", "published", "none"}
    assert {m.space.language for m in meetings} == {"sv", "nb", "nn"}
    assert Registration.objects.filter(status="waiting").exists()
    assert Registration.objects.exclude(interpreter="").exists()
    assert Registration.objects.filter(attended=True).exists()
    answered = Decision.objects.exclude(proposal=None).get()
    assert Proposal.objects.get(pk=answered.proposal_id).status == "accepted"
    statuses = {(a.status, a.is_overdue) for a in ActionItem.objects.all()}
    assert {("open", True), ("open", False), ("done", False)} <= statuses
    for meeting in meetings:
        assert client.get(meeting.get_absolute_url()).status_code == 200
    html = client.get("/sv/spaces/gemensam-utvecklingsgrupp-for-socialtjansten/").content.decode()
    assert "Utvecklingsgruppen: dagordning från medlemmarna" in html
    assert "Ta fram en lättläst inbjudan" in html
