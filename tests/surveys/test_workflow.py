"""The survey status machine: every allowed and every forbidden transition, in the table and through
the service."""

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import AuditLogEntry
from medvind.surveys import services
from medvind.surveys.models import Survey, SurveyStatus
from medvind.surveys.workflow import TRANSITIONS, allowed_next, check_transition

from .conftest import add_question

S = SurveyStatus
ALLOWED = {(S.DRAFT, S.OPEN), (S.OPEN, S.CLOSED), (S.CLOSED, S.OPEN)}
ALL_PAIRS = list(itertools.product(S.values, repeat=2))


@pytest.mark.parametrize(("old", "new"), sorted(ALLOWED))
def test_allowed_transition_passes(old, new):
    check_transition(old, new)
    assert new in allowed_next(old)


@pytest.mark.parametrize(("old", "new"), [pair for pair in ALL_PAIRS if pair not in ALLOWED])
def test_forbidden_transition_is_refused_with_both_statuses_named(old, new):
    with pytest.raises(DomainError) as error:
        check_transition(old, new)
    assert str(S(old).label) in str(error.value)
    assert str(S(new).label) in str(error.value)
    assert new not in allowed_next(old)


def test_unknown_status_is_refused():
    with pytest.raises(DomainError):
        check_transition(S.DRAFT, "published")


def test_table_covers_every_status():
    assert set(TRANSITIONS) == set(S.values)


@pytest.mark.django_db
@pytest.mark.parametrize(("old", "new"), ALL_PAIRS)
def test_service_changes_status_only_along_the_table(world, draft, section, auditor, old, new):
    add_question(section, auditor, "Vad fungerar bra?")
    Survey.objects.filter(pk=draft.pk).update(status=old)
    if (old, new) in ALLOWED:
        services.survey_set_status(survey=draft, actor=auditor, status=new)
        draft.refresh_from_db()
        assert draft.status == new
        entry = AuditLogEntry.objects.filter(action="survey.status").latest("pk")
        assert entry.changes == {"status": [old, new]}
    else:
        with pytest.raises(DomainError):
            services.survey_set_status(survey=draft, actor=auditor, status=new)
        draft.refresh_from_db()
        assert draft.status == old


@pytest.mark.django_db
def test_survey_without_questions_cannot_open(draft, auditor):
    with pytest.raises(DomainError, match="at least one question"):
        services.survey_set_status(survey=draft, actor=auditor, status=S.OPEN)
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


@pytest.mark.django_db
def test_survey_whose_closing_time_has_passed_cannot_open(draft, section, auditor):
    add_question(section, auditor, "Vad fungerar bra?")
    Survey.objects.filter(pk=draft.pk).update(closes_at=timezone.now() - dt.timedelta(days=1))
    with pytest.raises(DomainError, match="closing time has passed"):
        services.survey_set_status(survey=draft, actor=auditor, status=S.OPEN)


@pytest.mark.django_db
def test_only_those_who_run_the_survey_change_its_status(world, draft, section, auditor):
    add_question(section, auditor, "Vad fungerar bra?")
    with pytest.raises(NotAllowed):
        services.survey_set_status(survey=draft, actor=world["responder"], status=S.OPEN)
    draft.refresh_from_db()
    assert draft.status == S.DRAFT
