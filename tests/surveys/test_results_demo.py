"""The surveys demo: a closed audit questionnaire with results that compare with the earlier round."""

import time

import pytest
from django.urls import reverse

from medvind.core.demo import load_demo
from medvind.surveys import demo
from medvind.surveys import results as figures
from medvind.surveys.models import Response, Survey, SurveyStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    load_demo()
    started = time.monotonic()
    demo.load_demo()
    return time.monotonic() - started


def test_demo_has_two_rounds_with_enough_answers_and_an_open_survey(loaded):
    assert loaded < 5
    current = Survey.objects.get(title="Enkät om boendestödet 2026")
    earlier = Survey.objects.get(title="Enkät om boendestödet 2024")
    assert current.previous == earlier and current.status == SurveyStatus.CLOSED
    assert Response.objects.filter(survey=current, submitted_at__isnull=False).count() == 60
    assert Response.objects.filter(survey=earlier).count() == 45
    assert set(Response.objects.filter(survey=current).values_list("mode", flat=True)) == {
        "online",
        "paper",
        "interview",
    }
    assert Survey.objects.get(status=SurveyStatus.OPEN).is_accepting()
    found = figures.survey_results(current)
    assert found.enough and found.previous_enough
    assert any(item.comparison for item in found.questions)


def test_demo_results_are_public_to_the_audit_space_in_swedish_and_english(client, loaded):
    from medvind.accounts.models import User

    current = Survey.objects.get(title="Enkät om boendestödet 2026")
    client.force_login(User.objects.get(email="responder@demo.example"))  # a member, not a writer
    path = reverse("surveys:results", args=[current.space.slug, current.pk])
    swedish = client.get(path.replace("/en/", "/sv/")).content.decode()
    assert "Bemöter personalen dig med respekt?" in swedish and "Helt och hållet" in swedish
    english = client.get(path).content.decode()
    assert "Do the staff treat you with respect?" in english and "Money and bills" in english
