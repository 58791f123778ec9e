"""Fixtures for the survey tests: a questionnaire being built by the auditors of a user-led audit.

`world.members_only` is a user-led audit (brukarrevision) of home support (boendestöd): there the
members and user representatives write the questionnaire; `world.public` is a forum, where only
facilitators do."""

import pytest

from medvind.surveys import services
from medvind.surveys.models import QuestionKind

K = QuestionKind


def add_question(section, actor, text, kind=K.SHORT_TEXT, **kw):
    if kind in (K.SINGLE, K.MULTIPLE) and "choices" not in kw:
        kw["choices"] = [{"label": "Yes, often"}, {"label": "Sometimes"}, {"label": "Never"}]
    return services.question_create(section=section, actor=actor, kind=kind, text=text, **kw)


@pytest.fixture
def auditor(world):
    """A member of the audit space: in a user-led audit the users themselves are the auditors."""
    return world["member"]


@pytest.fixture
def draft(world, auditor):
    """A draft questionnaire in Swedish that can also be answered in English, with one section."""
    survey = services.survey_create(
        space=world.members_only,
        actor=auditor,
        title="Brukarrevision av boendestödet 2026",
        intro="Vi som gör revisionen har själva haft boendestöd.",
        language="sv",
        languages=["en"],
    )
    services.section_create(survey=survey, actor=auditor, title="Om ditt stöd")
    return survey


@pytest.fixture
def section(draft):
    return draft.sections.get()
