"""Every page has a query budget, and its number of queries does not grow with the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from medvind.core import audit
from medvind.core.models import Organisation, OrganisationMembership, Space, SpaceMembership
from tests.factories import (
    AdminFactory,
    InvitationFactory,
    JoinRequestFactory,
    OrganisationFactory,
    SpaceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SMALL, LARGE = 5, 60

# (page, who looks, path, budget). The budget is the most queries the page may make. A signed-in
# request includes the session, the person and the two-factor policy check (and, on the first request
# after signing in, saving the session).
PAGES = [
    ("home", None, "/en/", 4),
    ("home", "viewer", "/en/", 12),
    ("organisation list", None, "/en/organisations/", 3),
    ("organisation page", None, "/en/organisations/big-town/", 6),
    ("organisation page", "viewer", "/en/organisations/big-town/", 16),
    ("organisation page", "town_admin", "/en/organisations/big-town/", 16),
    ("organisation members", "town_admin", "/en/organisations/big-town/members/", 13),
    ("organisation audit log", "town_admin", "/en/organisations/big-town/audit-log/", 12),
    ("space list", None, "/en/spaces/", 4),
    ("space list", "viewer", "/en/spaces/", 14),
    ("my spaces", "viewer", "/en/spaces/?mine=1", 14),
    # A forum's page adds the forums overview (medvind.forums.selectors.forum_overview): next meeting,
    # coming themes, open action items, recent decisions, and whether the viewer leads the forum. A
    # signed-in viewer's page also asks whether they may see the space's surveys and publish a call for
    # representatives (a query each).
    ("space page", None, "/en/spaces/big-space/", 6 + 3),
    # + 2 for a new member: the welcome's next meeting and learning path
    ("space page", "viewer", "/en/spaces/big-space/", 18 + 6 + 2 + 2),
    ("space page", "facilitator", "/en/spaces/big-space/", 18 + 4 + 2 + 2),
    ("space members", "facilitator", "/en/spaces/big-space/members/", 16),
    ("audit log", "platform_admin", "/en/audit-log/", 10),
]


class Data:
    """One town with services, spaces, members, requests and invitations that grow on demand."""

    def __init__(self):
        self.town = OrganisationFactory(name="Big Town", slug="big-town", kind=Organisation.Kind.MUNICIPALITY)
        self.partner = OrganisationFactory(name="Partner", kind=Organisation.Kind.USER_ORGANISATION)
        self.space = SpaceFactory(
            title="Big Space", slug="big-space", organisations=[self.town, self.partner]
        )
        self.people = {
            "viewer": UserFactory(display_name="Viewer"),
            "facilitator": UserFactory(display_name="Facilitator"),
            "town_admin": UserFactory(display_name="Town Admin"),
            "platform_admin": AdminFactory(),
        }
        SpaceMembership.objects.create(space=self.space, user=self.people["facilitator"], role="facilitator")
        SpaceMembership.objects.create(space=self.space, user=self.people["viewer"], role="member")
        OrganisationMembership.objects.create(
            organisation=self.town, user=self.people["town_admin"], role="admin"
        )
        OrganisationMembership.objects.create(
            organisation=self.town, user=self.people["viewer"], role="member"
        )
        self.size = 0

    def grow(self, size: int) -> None:
        roles = ["facilitator", "responder", "representative", "member"]
        for i in range(self.size, size):
            person = UserFactory()
            SpaceMembership.objects.create(
                space=self.space,
                user=person,
                role=roles[i % 4],
                represents=self.partner if roles[i % 4] == "representative" else None,
            )
            OrganisationMembership.objects.create(organisation=self.town, user=person, role="staff")
            OrganisationFactory(kind=Organisation.Kind.SERVICE, parent=self.town)
            space = SpaceFactory(
                organisations=[self.town, self.partner],
                visibility=Space.Visibility.MEMBERS if i % 3 == 0 else Space.Visibility.PUBLIC,
            )
            SpaceMembership.objects.create(space=space, user=self.people["viewer"], role="member")
            SpaceMembership.objects.create(space=space, user=person, role="facilitator")
            JoinRequestFactory(space=self.space)
            InvitationFactory(space=self.space, invited_by=self.people["facilitator"])
            audit.record(actor=person, action="space.join", obj=space, space=space)
            audit.record(actor=person, action="organisation.update", obj=self.town, organisation=self.town)
        self.size = size


def count_queries(client, person, path: str) -> int:
    client.logout()
    if person is not None:
        client.force_login(person)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def test_no_page_makes_more_queries_with_more_data(client):
    data = Data()
    data.grow(SMALL)
    small = {(title, who): count_queries(client, data.people.get(who), path) for title, who, path, _ in PAGES}
    data.grow(LARGE)
    large = {(title, who): count_queries(client, data.people.get(who), path) for title, who, path, _ in PAGES}
    grew = {page: f"{small[page]} → {large[page]}" for page in small if large[page] != small[page]}
    assert grew == {}, "these pages make more queries with more data"
    over = {
        (title, who): f"{large[(title, who)]} > {budget}"
        for title, who, _path, budget in PAGES
        if large[(title, who)] > budget
    }
    assert over == {}, "these pages are over their query budget"


def test_large_lists_are_paginated(client):
    data = Data()
    data.grow(LARGE)
    assert client.get("/en/spaces/").content.decode().count('class="ds-card mv-card"') == 20
    assert client.get("/en/spaces/?page=3").status_code == 200
    client.force_login(data.people["facilitator"])
    assert client.get("/en/spaces/big-space/members/").content.decode().count("<tr>") == 51  # header + 50
