"""Every forums page has a query budget, and its number of queries does not grow with the data."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from medvind.core.models import SpaceMembership
from medvind.forums import services
from medvind.forums.models import ActionItem, AgendaVote, MeetingState, MemberListing
from tests.factories import OrganisationFactory, SpaceFactory, UserFactory

from .factories import AgendaItemFactory, DecisionFactory, MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

SMALL, LARGE = 5, 60

# (page, who looks, path, budget). A signed-in request adds the session, the person and the
# two-factor policy check; permission checks ask for the viewer's role in the forum.
PAGES = [
    ("meetings", None, "/en/spaces/big/meetings/", 7),
    ("meetings", "member", "/en/spaces/big/meetings/", 16),
    ("meeting", None, "/en/spaces/big/meetings/NEXT/", 7),
    ("meeting", "member", "/en/spaces/big/meetings/NEXT/", 27),
    ("meeting", "facilitator", "/en/spaces/big/meetings/NEXT/", 23),
    ("past meeting", None, "/en/spaces/big/meetings/PAST/", 9),
    ("past meeting", "facilitator", "/en/spaces/big/meetings/PAST/", 22),
    ("registrations", "facilitator", "/en/spaces/big/meetings/NEXT/registrations/", 14),
    ("registrations CSV", "facilitator", "/en/spaces/big/meetings/NEXT/registrations.csv", 10),
    ("agenda", "facilitator", "/en/spaces/big/meetings/NEXT/agenda/", 13),
    ("minutes", "facilitator", "/en/spaces/big/meetings/PAST/minutes/", 18),
    ("follow-up", "facilitator", "/en/spaces/big/forum/actions/", 15),
    ("people", None, "/en/spaces/big/forum/people/", 3),
    ("people", "member", "/en/spaces/big/forum/people/", 13),
    ("my meetings", "member", "/en/meetings/mine/", 10),
    ("forum calendar", None, "/en/spaces/big/meetings/calendar.ics", 2),
    ("meeting calendar", None, "/en/spaces/big/meetings/NEXT/meeting.ics", 2),
    ("space page", None, "/en/spaces/big/", 9),
    # 24, may they see the surveys, publish a call; the welcome of a new member: next meeting, path
    ("space page", "member", "/en/spaces/big/", 28),
]


class Data:
    def __init__(self):
        self.town = OrganisationFactory(name="Big Town", slug="big-town", country="NO")
        self.space = SpaceFactory(title="Big", slug="big", organisations=[self.town])
        self.people = {"member": UserFactory(), "facilitator": UserFactory()}
        SpaceMembership.objects.create(space=self.space, user=self.people["member"], role="member")
        SpaceMembership.objects.create(space=self.space, user=self.people["facilitator"], role="facilitator")
        self.next = MeetingFactory(space=self.space, capacity=10_000)
        start = timezone.now() - dt.timedelta(days=3)
        self.past = MeetingFactory(
            space=self.space,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
            state=MeetingState.HELD,
            minutes_state="published",
        )
        RegistrationFactory(meeting=self.next, user=self.people["member"])
        self.size = 0

    def grow(self, size: int) -> None:
        for i in range(self.size, size):
            person = UserFactory()
            SpaceMembership.objects.create(
                space=self.space, user=person, role="representative", represents=self.town
            )
            MemberListing.objects.create(
                space=self.space, user=person, show=True, show_organisation=i % 2 == 0
            )
            RegistrationFactory(meeting=self.next, user=person, interpreter="Somali" if i % 3 == 0 else "")
            RegistrationFactory(meeting=self.past, user=person, attended=i % 2 == 0)
            item = AgendaItemFactory(
                meeting=self.next, proposed_by=person, status="scheduled" if i % 2 else "proposed"
            )
            AgendaVote.objects.create(item=item, user=person)
            AgendaItemFactory(meeting=self.past, status="scheduled", notes="Notes")
            DecisionFactory(meeting=self.past)
            ActionItem.objects.create(
                space=self.space,
                meeting=self.past,
                title=f"Action {i}",
                owner=person,
                deadline=timezone.localdate() + dt.timedelta(days=i - 3),
            )
            meeting = MeetingFactory(space=self.space)
            RegistrationFactory(meeting=meeting, user=self.people["member"])
            past_start = timezone.now() - dt.timedelta(days=10 + i)
            MeetingFactory(space=self.space, starts_at=past_start, ends_at=past_start + dt.timedelta(hours=1))
        services.preference_of(self.people["member"])
        self.size = size

    def path(self, path: str) -> str:
        return path.replace("NEXT", str(self.next.pk)).replace("PAST", str(self.past.pk))


def count_queries(client, person, path: str) -> int:
    client.logout()
    if person is not None:
        client.force_login(person)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def measure(client, data) -> dict:
    return {
        (title, who): count_queries(client, data.people.get(who), data.path(path))
        for title, who, path, _ in PAGES
    }


def test_no_forums_page_makes_more_queries_with_more_data(client):
    data = Data()
    data.grow(SMALL)
    small = measure(client, data)
    data.grow(LARGE)
    large = measure(client, data)
    grew = {page: f"{small[page]} → {large[page]}" for page in small if large[page] != small[page]}
    assert grew == {}, "these pages make more queries with more data"
    over = {
        (title, who): f"{large[(title, who)]} > {budget}"
        for title, who, _path, budget in PAGES
        if large[(title, who)] > budget
    }
    assert over == {}, "these pages are over their query budget"


def test_long_lists_are_paginated(client):
    data = Data()
    data.grow(LARGE)
    html = client.get("/en/spaces/big/meetings/").content.decode()
    assert "Next page" in html
    client.force_login(data.people["facilitator"])
    html = client.get("/en/spaces/big/forum/actions/").content.decode()
    assert html.count("<tr>") == 51
