"""Every proposals page has a query budget, and its number of queries does not grow with the data."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from medvind.core.models import SpaceMembership
from medvind.proposals import selectors
from medvind.proposals.models import (
    Answer,
    Attachment,
    Comment,
    Follow,
    Notification,
    Proposal,
    Status,
    Support,
)
from tests.factories import (
    AdminFactory,
    OrganisationFactory,
    ProposalFactory,
    SpaceFactory,
    ThemeFactory,
    UserFactory,
)

from .conftest import PNG

pytestmark = pytest.mark.django_db

SMALL, LARGE = 5, 60

# (page, who looks, path, budget). The budget is the most queries the page may make. A signed-in request
# adds the session, the person, the two-factor policy check and the unread-notifications count; the
# permission checks on a proposal page ask for the viewer's role in the space.
PAGES = [
    ("list", None, "/en/spaces/big/proposals/", 4),
    ("list", "member", "/en/spaces/big/proposals/", 8),
    ("list, newest", "member", "/en/spaces/big/proposals/?sort=newest", 8),
    ("list, most supported", None, "/en/spaces/big/proposals/?sort=supported", 4),
    ("list, waiting longest", None, "/en/spaces/big/proposals/?sort=waiting", 4),
    (
        "list, every filter",
        "member",
        "/en/spaces/big/proposals/?status=submitted&kind=idea&theme=THEME&overdue=1&mine=1&followed=1&q=idea",
        8,
    ),
    ("list, search", None, "/en/spaces/big/proposals/?q=idea+number", 4),
    ("list, page 2", None, "/en/spaces/big/proposals/?page=2", 4),
    ("proposal", None, "/en/spaces/big/proposals/TARGET/", 9),
    ("proposal", "member", "/en/spaces/big/proposals/TARGET/", 18),
    ("proposal", "responder", "/en/spaces/big/proposals/TARGET/", 16),
    ("proposal", "facilitator", "/en/spaces/big/proposals/TARGET/", 22),
    ("similar proposals", None, "/en/spaces/big/proposals/similar/?title=idea+number", 2),
    ("accountability", None, "/en/spaces/big/accountability/", 6),
    ("accountability", "member", "/en/spaces/big/accountability/", 9),
    ("organisation accountability", None, "/en/organisations/big-town/accountability/", 6),
    ("organisation accountability", "member", "/en/organisations/big-town/accountability/", 9),
    ("figures CSV", None, "/en/spaces/big/accountability/?format=csv", 4),
    ("list CSV", None, "/en/spaces/big/proposals/export.csv", 2),
    ("RSS", None, "/en/spaces/big/proposals/rss/", 2),
    ("answers Atom", None, "/en/spaces/big/answers/atom/", 2),
    ("notifications", "member", "/en/notifications/", 5),
    ("themes", "facilitator", "/en/spaces/big/themes/", 10),
]


class Data:
    """A space whose proposals, comments, replies, answers, supports, followers, attachments and
    notifications grow on demand; TARGET is the proposal whose page is measured."""

    def __init__(self):
        self.town = OrganisationFactory(name="Big Town", slug="big-town")
        self.space = SpaceFactory(title="Big", slug="big", organisations=[self.town])
        self.theme = ThemeFactory(space=self.space, name="Parks")
        self.people = {
            role: UserFactory(display_name=role.title()) for role in ("member", "responder", "facilitator")
        }
        for role, person in self.people.items():
            SpaceMembership.objects.create(space=self.space, user=person, role=role)
        self.people["platform_admin"] = AdminFactory()
        self.target = ProposalFactory(
            space=self.space,
            title="Idea number one",
            author=self.people["member"],
            theme=self.theme,
            responder=self.people["responder"],
            responder_organisation=self.town,
            status=Status.IN_PROGRESS,
        )
        self.size = 0

    def grow(self, size: int) -> None:
        now = timezone.now()
        for i in range(self.size, size):
            person = UserFactory()
            SpaceMembership.objects.create(space=self.space, user=person, role="member")
            other = ProposalFactory(
                space=self.space,
                title=f"Idea number {i}",
                author=person if i % 2 else self.people["member"],
                theme=self.theme if i % 3 else None,
                responder=self.people["responder"] if i % 2 else None,
                responder_organisation=self.town if i % 4 == 0 else None,
                hidden_reason="Spam" if i % 10 == 0 else "",
            )
            if i % 4 == 2:  # overdue
                Proposal.objects.filter(pk=other.pk).update(deadline=now.date().replace(year=2000))
            elif i % 3 == 0:  # answered
                Proposal.objects.filter(pk=other.pk).update(
                    status=Status.ACCEPTED, answered_at=now, answer_days=i % 40
                )
            ProposalFactory(space=SpaceFactory(organisations=[self.town]), title=f"Idea elsewhere {i}")
            Support.objects.create(proposal=self.target, user=person)
            Follow.objects.create(proposal=self.target, user=person)
            Follow.objects.create(proposal=other, user=self.people["member"])
            comment = Comment.objects.create(
                proposal=self.target, author=person, body="Yes", body_html="<p>Yes</p>"
            )
            Comment.objects.create(
                proposal=self.target,
                parent=comment,
                author=self.people["member"],
                body="Re",
                body_html="<p>Re</p>",
            )
            if i % 7 == 0:
                Comment.objects.filter(pk=comment.pk).update(deleted_at=now)
            Answer.objects.create(
                proposal=self.target,
                author=self.people["responder"],
                from_status=Status.IN_PROGRESS,
                to_status=Status.IN_PROGRESS,
                progress=i % 100,
                text=f"Step {i}",
                text_html=f"<p>Step {i}</p>",
                created_at=now,
            )
            Answer.objects.create(
                proposal=other,
                author=self.people["responder"],
                from_status=Status.SUBMITTED,
                to_status=Status.RECEIVED,
                text="Got it",
                text_html="<p>Got it</p>",
            )
            Attachment.objects.create(
                proposal=self.target,
                file=SimpleUploadedFile(f"p{i}.png", PNG),
                name=f"p{i}.png",
                content_type="image/png",
                size=len(PNG),
            )
            Notification.objects.create(
                user=self.people["member"], proposal=other, event="answered", text="Hi"
            )
            ProposalFactory(
                space=self.space, title=f"Merged {i}", merged_into=self.target
            ) if i % 6 == 0 else None
            ThemeFactory(space=self.space, responder=person)
        Proposal.objects.filter(pk=self.target.pk).update(
            support_count=Support.objects.filter(proposal=self.target).count(),
            comment_count=Comment.objects.filter(proposal=self.target).count(),
        )
        self.size = size

    def path(self, path: str) -> str:
        return path.replace("TARGET", str(self.target.pk)).replace("THEME", str(self.theme.pk))


def count_queries(client, person, path: str) -> int:
    cache.clear()  # count what a page costs when nothing is cached (the accountability figures are)
    client.logout()
    if person is not None:
        client.force_login(person)
        client.get("/en/")  # the first request after signing in saves the session: not the page's cost
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200, path
    return len(queries)


def lookups(space) -> dict[str, int]:
    """Queries of the lookups that pages build on: similar proposals and the accountability figures."""
    counts = {}
    with CaptureQueriesContext(connection) as queries:
        assert 0 < len(selectors.similar_proposals(space, "idea number")) <= 5
    counts["similar"] = len(queries)
    with CaptureQueriesContext(connection) as queries:
        selectors.accountability(space=space)  # counts by status, the totals, the median
    counts["accountability"] = len(queries)
    return counts


def test_no_proposals_page_makes_more_queries_with_more_data(client):
    data = Data()
    data.grow(SMALL)
    small = {(t, w): count_queries(client, data.people.get(w), data.path(p)) for t, w, p, _ in PAGES}
    small_lookups = lookups(data.space)
    data.grow(LARGE)
    large = {(t, w): count_queries(client, data.people.get(w), data.path(p)) for t, w, p, _ in PAGES}
    assert lookups(data.space) == small_lookups == {"similar": 1, "accountability": 3}
    grew = {page: f"{small[page]} → {large[page]}" for page in small if large[page] != small[page]}
    assert grew == {}, f"these pages make more queries with more data: {grew}"
    over = {(t, w): f"{large[(t, w)]} > {budget}" for t, w, _p, budget in PAGES if large[(t, w)] > budget}
    assert over == {}, f"these pages are over their query budget: {over}"
