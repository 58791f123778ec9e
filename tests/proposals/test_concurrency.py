"""Many people support one proposal at the same moment, on PostgreSQL: no support is lost, and a double
click counts once. SQLite takes one writer at a time, so there is nothing to race there."""

import threading

import pytest
from django.db import close_old_connections, connection

from medvind.proposals import services
from medvind.proposals.models import Follow, Proposal, Support
from tests.factories import ProposalFactory, SpaceFactory, UserFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]

PEOPLE = 50


def at_once(actions) -> list:
    """Run every action in its own thread with its own database connection, released together."""
    barrier = threading.Barrier(len(actions))
    results: list = [None] * len(actions)
    errors: list = []

    def run(index, action):
        try:
            barrier.wait(timeout=30)
            results[index] = action()
        except Exception as error:  # noqa: BLE001 - reported below, with the others
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return results


def support(proposal_id: int, person):
    return lambda: services.proposal_support(proposal=Proposal.objects.get(pk=proposal_id), actor=person)


def test_fifty_people_supporting_at_the_same_moment_lose_no_support():
    proposal = ProposalFactory(space=SpaceFactory())
    people = UserFactory.create_batch(PEOPLE)
    results = at_once([support(proposal.pk, person) for person in people])
    assert results == [True] * PEOPLE
    proposal.refresh_from_db()
    assert proposal.support_count == PEOPLE
    assert Support.objects.filter(proposal=proposal).count() == PEOPLE
    assert Follow.objects.filter(proposal=proposal).count() == PEOPLE


def test_a_double_click_supports_only_once():
    proposal = ProposalFactory(space=SpaceFactory())
    person = UserFactory()
    results = at_once([support(proposal.pk, person) for _ in range(2)])
    assert sorted(results) == [False, True]
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    assert Support.objects.filter(proposal=proposal).count() == 1


def test_many_clicks_by_one_person_at_once_still_support_once():
    proposal = ProposalFactory(space=SpaceFactory())
    person = UserFactory()
    results = at_once([support(proposal.pk, person) for _ in range(10)])
    assert results.count(True) == 1
    proposal.refresh_from_db()
    assert proposal.support_count == 1
