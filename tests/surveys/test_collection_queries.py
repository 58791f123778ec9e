"""Respondent pages answer with few queries, and the number does not grow with the questionnaire or
with the responses already collected."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from medvind.surveys.models import QuestionKind

from .factories import make_survey, record

pytestmark = pytest.mark.django_db
K = QuestionKind


def questions(n: int) -> list:
    kinds = [
        (K.SINGLE, [("a", "Often"), ("b", "Sometimes"), ("c", "Never")]),
        (K.MULTIPLE, [("home", "At home"), ("money", "Money"), ("work", "Work")]),
        (K.SCALE, []),
        (K.YES_NO, []),
        (K.NUMBER, []),
        (K.SHORT_TEXT, []),
        (K.LONG_TEXT, []),
    ]
    return [
        (f"q{i}", kinds[i % 7][0], f"Question number {i} about boendestöd?", kinds[i % 7][1])
        for i in range(n)
    ]


def queries(client, method: str, path: str, data: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, data or {})
    assert response.status_code in (200, 302), (path, response.status_code)
    return len(captured)


@pytest.mark.parametrize(("page", "budget"), [("start", 5), ("page", 7), ("next", 10), ("later", 13)])
def test_respondent_pages_keep_their_query_budget_for_small_and_large_surveys(client, world, page, budget):
    counts = []
    for size in (7, 70):
        survey = make_survey(world.public, questions=questions(size))
        for _ in range(size // 7):
            record(survey, {"q0": "a", "q4": 3})
        client.post(f"/en/s/{survey.token}/", {"language": "en"})
        first = survey.questions.order_by("position").first()
        path = f"/en/s/{survey.token}/" if page == "start" else f"/en/s/{survey.token}/page/1/"
        if page in ("next", "later"):
            counts.append(queries(client, "post", path, {f"q{first.pk}": "a", "action": page}))
        else:
            counts.append(queries(client, "get", path))
    assert counts[0] == counts[1], f"{page}: {counts}"
    assert counts[1] <= budget, f"{page}: {counts[1]} queries, budget {budget}"
