"""The results pages make the same number of queries however many answers there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from medvind.surveys.models import SurveyStatus

from .factories import make_survey, record

pytestmark = pytest.mark.django_db

SMALL, LARGE = 9, 60
AGES = ["under-30", "30-60", "over-60"]


def filled(world, n: int):
    before = make_survey(world.members_only, anonymity_threshold=3, status=SurveyStatus.CLOSED)
    survey = make_survey(world.members_only, anonymity_threshold=3, previous=before)
    for target in (before, survey):
        for i in range(n):
            record(
                target,
                {
                    "age": AGES[i % 3],
                    "help": ["home", "money"][: 1 + i % 2],
                    "respect": str(1 + i % 5),
                    "plan": ["yes", "no"][i % 2],
                    "visits": i,
                    "name-staff": f"Kontaktperson {i}",
                    "better": f"Mer tid, svar {i}",
                },
            )
    return survey


def count(client, path: str) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


PAGES = [
    ("results", "", 20),
    ("results, one group", "?group=age:30-60", 24),
    ("results, cross-tabulated", "?rows=age&columns=help", 22),
    ("results, group and cross-tabulated", "?group=plan:yes&rows=age&columns=respect", 26),
    ("results as CSV", "?format=csv&rows=age&columns=plan", 22),
]


@pytest.mark.parametrize(("name", "query", "budget"), PAGES, ids=[p[0] for p in PAGES])
def test_results_pages_keep_their_query_budget_at_two_sizes(client, world, name, query, budget):
    client.force_login(world["facilitator"])
    counts = []
    for n in (SMALL, LARGE):
        survey = filled(world, n)
        path = reverse("surveys:results", args=[survey.space.slug, survey.pk]) + query
        counts.append(count(client, path))
    assert counts[0] == counts[1], f"{name}: {counts}"
    assert counts[1] <= budget, f"{name}: {counts[1]} queries"


def test_free_text_page_keeps_its_query_budget_at_two_sizes(client, world):
    client.force_login(world["facilitator"])
    counts = []
    for n in (SMALL, LARGE):
        survey = filled(world, n)
        question = survey.questions.get(key="better")
        path = reverse("surveys:results_texts", args=[survey.space.slug, survey.pk, question.pk])
        counts.append(count(client, path))
    assert counts[0] == counts[1] and counts[1] <= 12, counts
