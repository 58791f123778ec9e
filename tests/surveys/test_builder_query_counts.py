"""The builder's pages keep a query budget, and their number of queries does not grow with the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from medvind.surveys.models import Choice, Question, QuestionKind, ResponseMode, Section

from .factories import make_survey, record

pytestmark = pytest.mark.django_db

SMALL, LARGE = 2, 30


def fill(space, n: int):
    """A survey with n extra questions in n // 5 + 1 sections, conditions, and n responses; and n other
    surveys in the space."""
    survey = make_survey(space)
    first = Question.objects.get(survey=survey, key="age")
    sections = [
        Section.objects.create(survey=survey, position=i + 2, title=f"Del {i}") for i in range(n // 5 + 1)
    ]
    for i in range(n):
        question = Question.objects.create(
            survey=survey,
            section=sections[i % len(sections)],
            position=i,
            key=f"extra-{i}",
            kind=QuestionKind.SINGLE,
            text=f"Extra question {i}",
            condition_question=first if i % 2 else None,
            condition_value="over-60" if i % 2 else "",
            translations={"sv": {"text": f"Extra fråga {i}"}},
        )
        Choice.objects.bulk_create(
            Choice(
                question=question, position=j, value=f"v{j}", label=f"Val {j}", translations={"sv": f"V {j}"}
            )
            for j in range(3)
        )
    modes = list(ResponseMode.values)
    for i in range(n):
        record(
            survey, {"age": "over-60", "help": ["home", "work"], "plan": "yes"}, mode=modes[i % len(modes)]
        )
    for i in range(n):
        make_survey(space, title=f"Enkät {i}", questions=[("q", QuestionKind.YES_NO, "Ja eller nej?", [])])
    survey.languages = ["sv"]
    survey.save()
    return survey


def count(client, path: str) -> int:
    client.get(path)  # the first request of a session also loads what the session keeps
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


# (page, path, budget)
PAGES = [
    ("survey list", "/en/spaces/SPACE/surveys/", 10),
    ("manage page", "/en/spaces/SPACE/surveys/PK/", 15),
    ("preview", "/en/spaces/SPACE/surveys/PK/preview/?language=sv&easy_read=1", 11),
    ("question form", "/en/spaces/SPACE/surveys/PK/questions/QUESTION/edit/", 14),
]


@pytest.mark.parametrize(("name", "path", "budget"), PAGES, ids=[p[0] for p in PAGES])
def test_builder_pages_keep_their_query_budget_with_small_and_large_data(client, world, name, path, budget):
    client.force_login(world["member"])
    counts = []
    for size in (SMALL, LARGE):
        survey = fill(world.members_only, size)
        question = Question.objects.get(survey=survey, key="better")
        url = (
            path.replace("SPACE", world.members_only.slug)
            .replace("PK", str(survey.pk))
            .replace("QUESTION", str(question.pk))
        )
        counts.append(count(client, url))
    assert counts[0] == counts[1], f"{name}: {counts[0]} queries with small data, {counts[1]} with large"
    assert counts[1] <= budget, f"{name}: {counts[1]} queries, budget {budget}"
