"""The accountability figures ("you said, we did") computed on a data set built by hand, where every
figure can be worked out on paper."""

import csv
import datetime as dt
import io
from types import SimpleNamespace

import pytest
from django.utils import timezone

from medvind.proposals import selectors
from medvind.proposals.models import Proposal, Status
from tests.factories import ProposalFactory
from tests.helpers import page, url

pytestmark = pytest.mark.django_db


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


@pytest.fixture
def figures_world(world):
    """Ten proposals in the public space, each a case of its own (days are counted back from today).

    answered (a decision): on time after 5, 8, 11 and 20 days; late after 38 days;
    overdue: 3 and 10 days; not due yet: due in 5 days, due today; a merged duplicate that would be
    overdue (left out of everything)."""
    today = timezone.localdate()
    space = world.public

    def make(title: str, *, created_days_ago: int, deadline: dt.date, **values) -> Proposal:
        proposal = ProposalFactory(space=space, title=title)
        Proposal.objects.filter(pk=proposal.pk).update(
            created_at=local(today - dt.timedelta(days=created_days_ago), 9), deadline=deadline, **values
        )
        return proposal

    def days(n: int) -> dt.date:
        return today + dt.timedelta(days=n)

    made = SimpleNamespace(
        accepted=make(
            "Accepted in time",
            created_days_ago=10,
            deadline=days(20),
            status=Status.ACCEPTED,
            answered_at=local(days(-5), 10),
            answer_days=5,
        ),
        late=make(
            # decided half an hour after midnight after the deadline day: late, in local time
            "Declined late",
            created_days_ago=40,
            deadline=days(-11),
            status=Status.DECLINED,
            answered_at=local(days(-10), 0, 30),
            answer_days=30,
            closed_at=local(days(-10), 0, 30),
        ),
        on_the_day=make(
            "Parked on the deadline day",
            created_days_ago=50,
            deadline=days(-30),
            status=Status.PARKED,
            answered_at=local(days(-30), 23, 30),
            answer_days=20,
        ),
        in_progress=make(
            "In progress",
            created_days_ago=30,
            deadline=days(0),
            status=Status.IN_PROGRESS,
            progress=40,
            answered_at=local(days(-22), 12),
            answer_days=8,
        ),
        done=make(
            "Done",
            created_days_ago=60,
            deadline=days(-30),
            status=Status.DONE,
            answered_at=local(days(-49), 12),
            answer_days=11,
            closed_at=local(days(-2), 12),
            progress=100,
        ),
        overdue_3=make("Waiting three days", created_days_ago=33, deadline=days(-3), status=Status.RECEIVED),
        overdue_10=make(
            "Waiting ten days", created_days_ago=40, deadline=days(-10), status=Status.UNDER_CONSIDERATION
        ),
        not_due=make("Not due yet", created_days_ago=25, deadline=days(5)),
        due_today=make("Due today", created_days_ago=30, deadline=days(0), status=Status.RECEIVED),
    )
    made.merged = make("Merged duplicate", created_days_ago=40, deadline=days(-10), merged_into=made.not_due)
    other = ProposalFactory(space=world.members_only, title="Elsewhere")  # another space, overdue
    Proposal.objects.filter(pk=other.pk).update(deadline=days(-7))
    made.elsewhere = other
    return made


def test_the_figures_of_a_space_count_every_case_right(world, figures_world):
    figures = selectors.accountability(space=world.public)
    assert figures["total"] == 9  # the merged duplicate is left out
    assert dict((status, n) for status, _label, n in figures["by_status"]) == {
        "submitted": 1,
        "received": 2,
        "under_consideration": 1,
        "accepted": 1,
        "partly_accepted": 0,
        "declined": 1,
        "parked": 1,
        "in_progress": 1,
        "done": 1,
    }
    assert figures["answered"] == 5
    assert figures["overdue"] == 2
    assert figures["due"] == 7  # answered + overdue
    assert figures["on_time"] == 4  # the late one missed its deadline by half an hour
    assert figures["share_on_time"] == 57  # 4 / 7
    assert figures["median_days"] == 11  # 5, 8, 11, 20, 30
    assert figures["acted_on"] == 3  # accepted, in progress, done
    assert figures["share_acted_on"] == 60  # 3 / 5


def test_the_median_of_an_even_number_of_answers_is_the_mean_of_the_middle_two(world, figures_world):
    extra = ProposalFactory(space=world.public)
    Proposal.objects.filter(pk=extra.pk).update(
        status=Status.DECLINED, answered_at=timezone.now(), answer_days=16, closed_at=timezone.now()
    )
    assert selectors.accountability(space=world.public)["median_days"] == 13.5  # 5, 8, 11, 16, 20, 30


def test_a_median_of_two_answers(world):
    for n in (3, 6):
        proposal = ProposalFactory(space=world.public)
        Proposal.objects.filter(pk=proposal.pk).update(answered_at=timezone.now(), answer_days=n)
    assert selectors.accountability(space=world.public)["median_days"] == 4.5


def test_a_space_without_proposals_has_no_shares_and_no_median(world):
    figures = selectors.accountability(space=world.public)
    assert (figures["total"], figures["due"], figures["answered"]) == (0, 0, 0)
    assert figures["share_on_time"] is None
    assert figures["share_acted_on"] is None
    assert figures["median_days"] is None


def test_the_overdue_list_has_every_overdue_proposal_with_its_days_overdue_oldest_deadline_first(
    world, figures_world
):
    overdue = list(selectors.overdue_list(space=world.public))
    assert [(p.title, p.days_overdue) for p in overdue] == [
        ("Waiting ten days", 10),
        ("Waiting three days", 3),
    ]


def test_the_figures_of_an_organisation_cover_the_spaces_the_viewer_may_see(world, figures_world):
    outsider = selectors.accountability(organisation=world.owner, viewer=world["participant"])
    member = selectors.accountability(organisation=world.owner, viewer=world["member"])
    assert (outsider["total"], outsider["overdue"]) == (9, 2)
    assert (member["total"], member["overdue"]) == (10, 3)
    titles = [p.title for p in selectors.overdue_list(organisation=world.owner, viewer=world["member"])]
    assert titles == ["Waiting ten days", "Elsewhere", "Waiting three days"]


def test_the_page_shows_the_same_figures_and_every_overdue_proposal(client, world, figures_world):
    content = page(client.get(url("proposals:accountability", slug="open-forum")))
    assert "57 %" in content and "answered within the deadline (4 of 7 that were due)" in content
    assert '<strong class="mv-figure">11</strong> days to an answer (median)' in content
    assert "60 %" in content and "acted on (3 of 5 answered)" in content
    assert "9 proposals by status" in content
    overdue = content.split('id="overdue-heading"')[1]
    assert overdue.index("Waiting ten days") < overdue.index("Waiting three days")
    assert "<td>10</td>" in overdue and "<td>3</td>" in overdue
    for title in ("Due today", "Not due yet", "Merged duplicate", "Declined late"):
        assert title not in overdue


def test_the_figures_csv_matches_the_page(client, world, figures_world):
    response = client.get(url("proposals:accountability", slug="open-forum") + "?format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="accountability-open-forum.csv"'
    rows = dict(csv.reader(io.StringIO(response.content.decode())))
    assert {key: rows[key] for key in ("total", "answered", "overdue", "on_time", "due")} == {
        "total": "9",
        "answered": "5",
        "overdue": "2",
        "on_time": "4",
        "due": "7",
    }
    assert (rows["share_on_time"], rows["median_days"], rows["share_acted_on"]) == ("57", "11.0", "60")
    assert rows["status_received"] == "2"


def test_the_list_csv_marks_the_overdue_proposals(client, world, figures_world):
    response = client.get(url("proposals:export", slug="open-forum"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    overdue = sorted(row["title"] for row in rows if row["overdue"] == "yes")
    assert overdue == ["Waiting ten days", "Waiting three days"]
    assert len(rows) == 10  # the list keeps the merged duplicate; the figures leave it out
