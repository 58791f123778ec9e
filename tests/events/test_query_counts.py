"""Every events page has a query budget, and its number of queries does not grow with the data."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from medvind.events import live
from medvind.events.models import QuestionStatus, Upvote

from .conftest import make_event, make_poll, make_question

pytestmark = pytest.mark.django_db

SMALL, LARGE = 3, 60


def fill(event, n: int) -> None:
    for i in range(n):
        status = [QuestionStatus.APPROVED, QuestionStatus.PENDING, QuestionStatus.HIDDEN][i % 3]
        question = make_question(event, text=f"Question number {i}", status=status, name=f"Person {i}")
        Upvote.objects.create(question=question, voter=f"{i:064d}")
    for _ in range(max(1, n // 20)):
        poll = make_poll(event)
        poll.vote_count = n
        poll.save()


def count(client, path: str) -> int:
    client.get(path)  # the first request of a session also loads what the session keeps
    live._local.clear()
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


# (page, who, path, budget)
PAGES = [
    ("audience", None, "/en/e/CODE/", 8),
    ("audience live fragment", None, "/en/e/CODE/live/", 6),
    ("events list", None, "/en/spaces/SPACE/events/", 4),
    ("events list", "facilitator", "/en/spaces/SPACE/events/", 12),
    ("moderator view", "facilitator", "/en/spaces/SPACE/events/PK/", 22),
    ("moderator view, pending", "facilitator", "/en/spaces/SPACE/events/PK/?status=pending", 22),
    ("presenter view", "facilitator", "/en/spaces/SPACE/events/PK/present/", 16),
]


@pytest.mark.parametrize(("name", "who", "path", "budget"), PAGES, ids=[f"{p[0]}-{p[1]}" for p in PAGES])
def test_events_pages_keep_their_query_budget_with_small_and_large_data(
    client, world, name, who, path, budget
):
    if who:
        client.force_login(world[who])
    counts = []
    for size in (SMALL, LARGE):
        event = make_event(world.public)
        fill(event, size)
        url = (
            path.replace("CODE", event.code).replace("SPACE", world.public.slug).replace("PK", str(event.pk))
        )
        counts.append(count(client, url))
    assert counts[0] == counts[1], f"{name}: {counts[0]} queries with small data, {counts[1]} with large"
    assert counts[1] <= budget, f"{name}: {counts[1]} queries, budget {budget}"


def test_an_unchanged_poll_makes_no_query(client, world):
    event = make_event(world.public)
    fill(event, LARGE)
    url = f"/en/e/{event.code}/live/"
    version = client.get(url)["X-Event-Version"]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, {"v": version}).status_code == 204
    assert len(queries) == 0
