"""Answers that were started and never sent are deleted after UNSENT_DAYS; sent answers stay."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from medvind.surveys.models import Response, ResponseMode
from medvind.surveys.tasks import UNSENT_DAYS

from .factories import make_survey, record

pytestmark = pytest.mark.django_db


def test_old_unsent_answers_are_deleted_and_sent_ones_stay(world):
    survey = make_survey(world.public)
    long_ago = timezone.now() - dt.timedelta(days=UNSENT_DAYS + 1)
    old_draft = Response.objects.create(
        survey=survey, mode=ResponseMode.ONLINE, language="en", draft={"1": "x"}
    )
    Response.objects.filter(pk=old_draft.pk).update(started_at=long_ago)
    fresh_draft = Response.objects.create(survey=survey, mode=ResponseMode.ONLINE, language="en")
    sent = record(survey, {"age": "over-60"})
    Response.objects.filter(pk=sent.pk).update(started_at=long_ago)
    call_command("survey_tasks")
    assert set(Response.objects.values_list("pk", flat=True)) == {fresh_draft.pk, sent.pk}
