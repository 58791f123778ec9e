"""What people see on the proposals pages: every page in every language, the right people let in and the
wrong ones kept out, lists with their filters, exports and feeds."""

import csv
import datetime as dt
import io
import re
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from medvind.proposals import services
from medvind.proposals.models import Attachment, Follow, Kind, Notification, Proposal, Status
from medvind.proposals.notifications import unsubscribe_token
from tests.factories import CommentFactory, ProposalFactory, ThemeFactory
from tests.helpers import LANGUAGES, html_lang, page, url

from .conftest import PDF, PNG

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(world):
    """A public space with a postbox, a theme and a proposal with an answer, a comment and an attachment;
    a members-only space with a proposal and its attachment."""
    world.public.anonymous_proposals = True
    world.public.save()
    theme = ThemeFactory(space=world.public, name="Parks", responder=world["responder"])
    proposal = ProposalFactory(
        space=world.public,
        title="Benches in the park",
        author=world["member"],
        theme=theme,
        responder=world["responder"],
        responder_organisation=world.owner,
    )
    services.proposal_answer(
        proposal=proposal, actor=world["responder"], status=Status.RECEIVED, text="We have it."
    )
    Follow.objects.create(proposal=proposal, user=world["member"])
    Notification.objects.create(user=world["member"], proposal=proposal, event=Notification.Event.ANSWERED)
    comment = CommentFactory(proposal=proposal, author=world["member"], body="Yes please")
    photo = Attachment.objects.create(
        proposal=proposal,
        file=SimpleUploadedFile("photo.png", PNG),
        name="photo.png",
        content_type="image/png",
        size=len(PNG),
    )
    secret = ProposalFactory(space=world.members_only, title="Secret letter", author=world["member"])
    secret_file = Attachment.objects.create(
        proposal=secret,
        file=SimpleUploadedFile("letter.pdf", PDF),
        name="letter.pdf",
        content_type="application/pdf",
        size=len(PDF),
    )
    proposal.refresh_from_db()
    return SimpleNamespace(
        world=world,
        theme=theme,
        proposal=proposal,
        comment=comment,
        photo=photo,
        secret=secret,
        secret_file=secret_file,
        token=unsubscribe_token(user_id=world["member"].pk, proposal_id=proposal.pk),
    )


def public(s):
    return {"slug": "open-forum"}


def detail(s):
    return {"slug": "open-forum", "pk": s.proposal.pk}


def secret(s):
    return {"slug": "secret-audit"}


def secret_detail(s):
    return {"slug": "secret-audit", "pk": s.secret.pk}


# (page, who looks at it, url name, url kwargs, query string)
PAGES = [
    ("list", "anonymous", "proposals:list", public, ""),
    ("list, signed in", "participant", "proposals:list", public, ""),
    (
        "list, every filter",
        "member",
        "proposals:list",
        public,
        "?status=received&kind=idea&theme=THEME&overdue=1&mine=1&followed=1&q=benches&sort=supported",
    ),
    ("list, waiting longest", "anonymous", "proposals:list", public, "?sort=waiting"),
    ("list, search", "anonymous", "proposals:list", public, "?q=benches"),
    ("list in a members-only space", "member", "proposals:list", secret, ""),
    ("proposal", "anonymous", "proposals:detail", detail, ""),
    ("proposal, member", "member", "proposals:detail", detail, ""),
    ("proposal, responder", "responder", "proposals:detail", detail, ""),
    ("proposal, unit staff", "staff", "proposals:detail", detail, ""),
    ("proposal, facilitator", "facilitator", "proposals:detail", detail, ""),
    ("proposal, platform admin", "platform_admin", "proposals:detail", detail, ""),
    ("proposal in a members-only space", "member", "proposals:detail", secret_detail, ""),
    ("new proposal, signed", "member", "proposals:create", public, ""),
    ("new proposal, without a name", "member", "proposals:create", public, "?anonymous=1"),
    ("new proposal, postbox", "anonymous", "proposals:create", public, ""),
    ("new proposal, members-only space", "member", "proposals:create", secret, ""),
    ("accountability", "anonymous", "proposals:accountability", public, ""),
    ("accountability, members-only space", "member", "proposals:accountability", secret, ""),
    (
        "accountability of an organisation",
        "anonymous",
        "proposals:organisation_accountability",
        lambda s: {"slug": "exampletown"},
        "",
    ),
    ("themes", "facilitator", "proposals:themes", public, ""),
    ("themes, changing one", "facilitator", "proposals:themes", public, "?edit=THEME"),
    ("notifications", "member", "proposals:notifications", lambda s: {}, ""),
    ("unsubscribe", "anonymous", "proposals:unsubscribe", lambda s: {"token": s.token}, ""),
    (
        "change a comment",
        "member",
        "proposals:comment_edit",
        lambda s: {"slug": "open-forum", "pk": s.proposal.pk, "comment_id": s.comment.pk},
        "",
    ),
]


def address(s, name, kwargs, query, lang="en") -> str:
    return url(name, lang, **kwargs(s)) + query.replace("THEME", str(s.theme.pk))


@pytest.mark.parametrize(("title", "who", "name", "kwargs", "query"), PAGES, ids=[p[0] for p in PAGES])
def test_every_proposals_page_answers_in_every_language(client, site, title, who, name, kwargs, query):
    if who != "anonymous":
        client.force_login(site.world[who])
    seen = {}
    for lang in LANGUAGES:
        response = client.get(address(site, name, kwargs, query, lang))
        seen[lang] = (response.status_code, html_lang(response))
    assert seen == {lang: (200, lang) for lang in LANGUAGES}, f"{title} as {who}"


def attachment(s):
    return {"slug": "open-forum", "pk": s.proposal.pk, "attachment_id": s.photo.pk}


# Pages that are not HTML pages: (page, who, url name, url kwargs, query, content type)
FILES = [
    ("similar proposals", "anonymous", "proposals:similar", public, "?title=park+benches", "text/html"),
    ("list as CSV", "anonymous", "proposals:export", public, "", "text/csv"),
    ("figures as CSV", "anonymous", "proposals:accountability", public, "?format=csv", "text/csv"),
    (
        "organisation figures as CSV",
        "anonymous",
        "proposals:organisation_accountability",
        lambda s: {"slug": "exampletown"},
        "?format=csv",
        "text/csv",
    ),
    ("list of a members-only space as CSV", "member", "proposals:export", secret, "", "text/csv"),
    ("new proposals, RSS", "anonymous", "proposals:feed_rss", public, "", "application/rss+xml"),
    ("new proposals, Atom", "anonymous", "proposals:feed_atom", public, "", "application/atom+xml"),
    ("answers, RSS", "anonymous", "proposals:answers_rss", public, "", "application/rss+xml"),
    ("answers, Atom", "anonymous", "proposals:answers_atom", public, "", "application/atom+xml"),
    ("attachment", "anonymous", "proposals:attachment", attachment, "", "image/png"),
    (
        "attachment in a members-only space",
        "member",
        "proposals:attachment",
        lambda s: {"slug": "secret-audit", "pk": s.secret.pk, "attachment_id": s.secret_file.pk},
        "",
        "application/pdf",
    ),
]


@pytest.mark.parametrize(
    ("title", "who", "name", "kwargs", "query", "content_type"), FILES, ids=[f[0] for f in FILES]
)
def test_exports_feeds_and_files_answer_in_every_language(
    client, site, title, who, name, kwargs, query, content_type
):
    if who != "anonymous":
        client.force_login(site.world[who])
    for lang in LANGUAGES:
        response = client.get(address(site, name, kwargs, query, lang))
        assert response.status_code == 200, f"{title} in {lang}"
        assert response["Content-Type"].startswith(content_type), f"{title} in {lang}"
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)


# Who is kept out ----------------------------------------------------------------------------------

SECRET_PAGES = [
    ("list", "proposals:list", secret, ""),
    ("proposal", "proposals:detail", secret_detail, ""),
    ("new proposal", "proposals:create", secret, ""),
    ("similar proposals", "proposals:similar", secret, "?title=secret+letter"),
    ("list as CSV", "proposals:export", secret, ""),
    ("accountability", "proposals:accountability", secret, ""),
    ("figures as CSV", "proposals:accountability", secret, "?format=csv"),
    ("themes", "proposals:themes", secret, ""),
    (
        "attachment",
        "proposals:attachment",
        lambda s: {"slug": "secret-audit", "pk": s.secret.pk, "attachment_id": s.secret_file.pk},
        "",
    ),
    (
        "change a comment",
        "proposals:comment_edit",
        lambda s: {"slug": "secret-audit", "pk": s.secret.pk, "comment_id": s.comment.pk},
        "",
    ),
] + [
    (f"feed {n}", f"proposals:{n}", secret, "")
    for n in ("feed_rss", "feed_atom", "answers_rss", "answers_atom")
]


@pytest.mark.parametrize(("title", "name", "kwargs", "query"), SECRET_PAGES, ids=[p[0] for p in SECRET_PAGES])
def test_a_members_only_space_hides_every_proposals_page_from_outsiders(
    client, site, title, name, kwargs, query
):
    path = address(site, name, kwargs, query)
    seen = {}
    for who in ("anonymous", "participant", "staff"):
        client.logout()
        if who != "anonymous":
            client.force_login(site.world[who])
        response = client.get(path)
        if who == "anonymous" and response.status_code == 302:  # pages that ask visitors to sign in first
            assert response["Location"].startswith("/en/accounts/login/")
            continue
        seen[who] = response.status_code
        assert b"Secret" not in response.content
    assert set(seen.values()) == {404}, seen


@pytest.mark.parametrize("name", ["feed_rss", "feed_atom", "answers_rss", "answers_atom"])
def test_feeds_of_a_members_only_space_are_not_published_even_to_members(client, site, name):
    client.force_login(site.world["member"])
    assert client.get(url(f"proposals:{name}", slug="secret-audit")).status_code == 404


@pytest.mark.parametrize(
    ("who", "action"),
    [
        ("participant", "support"),
        ("participant", "follow"),
        ("participant", "comment"),
        ("participant", "report"),
        ("staff", "support"),
        ("participant", "answer"),
        ("participant", "hide"),
    ],
)
def test_posting_to_a_members_only_proposal_from_outside_is_not_found_and_writes_nothing(
    client, site, unchanged, who, action
):
    client.force_login(site.world[who])
    data = {"body": "Hello", "reason": "Spam", "status": "under_consideration", "text": "Hi"}
    with unchanged():
        response = client.post(url(f"proposals:{action}", slug="secret-audit", pk=site.secret.pk), data)
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("who", "action", "data"),
    [
        ("member", "answer", {"status": "under_consideration", "text": "Forged"}),
        ("participant", "answer", {"status": "under_consideration", "text": "Forged"}),
        ("representative", "answer", {"status": "under_consideration", "text": "Forged"}),
        ("responder", "assign", {"responder_organisation": "OWNER"}),
        ("member", "assign", {"responder_organisation": "OWNER"}),
        ("member", "hide", {"reason": "I do not like it"}),
        ("responder", "hide", {"reason": "I do not like it"}),
        ("member", "merge", {"into": "OTHER"}),
    ],
)
def test_actions_for_responders_and_facilitators_are_forbidden_to_others(
    client, site, unchanged, who, action, data
):
    other = ProposalFactory(space=site.world.public)
    data = {k: {"OWNER": site.world.owner.pk, "OTHER": other.pk}.get(v, v) for k, v in data.items()}
    client.force_login(site.world[who])
    with unchanged():
        response = client.post(url(f"proposals:{action}", **detail(site)), data)
    assert response.status_code == 403


@pytest.mark.parametrize("who", ["member", "responder", "staff", "org_admin"])
def test_only_facilitators_see_the_themes_page(client, site, who):
    client.force_login(site.world[who])
    assert client.get(url("proposals:themes", slug="open-forum")).status_code == 403


@pytest.mark.parametrize("name", ["proposals:themes", "proposals:notifications"])
def test_visitors_are_asked_to_sign_in_for_personal_pages(client, site, name):
    response = client.get(url(name, **({"slug": "open-forum"} if name.endswith("themes") else {})))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_visitors_are_asked_to_sign_in_to_write_when_the_space_has_no_postbox(client, site):
    site.world.public.anonymous_proposals = False
    site.world.public.save()
    response = client.get(url("proposals:create", slug="open-forum"))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/spaces/open-forum/proposals/new/")


def test_nobody_may_write_when_the_space_has_closed_proposals(client, site):
    site.world.public.proposals_open = False
    site.world.public.save()
    client.force_login(site.world["member"])
    assert client.get(url("proposals:create", slug="open-forum")).status_code == 403


def test_someone_elses_comment_cannot_be_opened_for_changing(client, site, unchanged):
    client.force_login(site.world["participant"])
    path = url("proposals:comment_edit", slug="open-forum", pk=site.proposal.pk, comment_id=site.comment.pk)
    assert client.get(path).status_code == 403
    with unchanged():
        assert client.post(path, {"body": "Mine now"}).status_code == 403
        assert client.post(path, {"action": "delete"}).status_code == 403


def test_the_attachment_of_a_hidden_proposal_is_kept_from_everyone_but_moderators(client, site):
    Proposal.objects.filter(pk=site.proposal.pk).update(hidden_reason="Personal data")
    path = url("proposals:attachment", **attachment(site))
    assert client.get(path).status_code == 404
    client.force_login(site.world["member"])
    assert client.get(path).status_code == 404
    client.force_login(site.world["facilitator"])
    assert client.get(path).status_code == 200


def test_an_attachment_is_served_with_its_checked_type_in_a_sandbox(client, site):
    response = client.get(url("proposals:attachment", **attachment(site)))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Content-Disposition"] == 'inline; filename="photo.png"'
    assert b"".join(response.streaming_content) == PNG


def test_an_attachment_of_another_proposal_is_not_found_through_this_one(client, site):
    other = ProposalFactory(space=site.world.public)
    path = url("proposals:attachment", slug="open-forum", pk=other.pk, attachment_id=site.photo.pk)
    assert client.get(path).status_code == 404


def test_a_proposal_is_not_found_through_another_space(client, site):
    client.force_login(site.world["member"])
    assert client.get(url("proposals:detail", slug="secret-audit", pk=site.proposal.pk)).status_code == 404


# The list -------------------------------------------------------------------------------------------

TITLE = re.compile(
    r'<h2 class="ds-heading" data-size="xs"><a class="ds-link" href="[^"]*">(.*?)</a></h2>', re.S
)


def titles(response) -> list[str]:
    return [re.sub(r"<[^>]+>", "", match) for match in TITLE.findall(page(response))]


@pytest.fixture
def listed(world):
    """Proposals that differ in one way each, listed newest first."""
    theme = ThemeFactory(space=world.public, name="Parks")
    now = timezone.now()
    made = {}
    for age, (key, values) in enumerate(
        [
            ("received", {"status": Status.RECEIVED}),
            ("change", {"kind": Kind.CHANGE_REQUEST}),
            ("themed", {"theme": theme}),
            ("mine", {"author": world["member"]}),
            ("followed", {}),
            ("popular", {"support_count": 7}),
            ("answered", {"answered_at": now, "status": Status.ACCEPTED}),
            ("overdue", {}),
            ("hidden", {"hidden_reason": "Spam"}),
        ]
    ):
        proposal = ProposalFactory(space=world.public, title=f"The {key} one", **values)
        Proposal.objects.filter(pk=proposal.pk).update(created_at=now - dt.timedelta(days=age + 1))
        made[key] = proposal
    Proposal.objects.filter(pk=made["overdue"].pk).update(
        deadline=timezone.localdate() - dt.timedelta(days=2)
    )
    Follow.objects.create(proposal=made["followed"], user=world["member"])
    ProposalFactory(space=world.members_only, title="The secret one")
    return SimpleNamespace(theme=theme, **made)


def test_the_list_shows_the_newest_first_with_hidden_ones_as_placeholders(client, world, listed):
    shown = titles(client.get(url("proposals:list", slug="open-forum")))
    assert shown == [
        "The received one",
        "The change one",
        "The themed one",
        "The mine one",
        "The followed one",
        "The popular one",
        "The answered one",
        "The overdue one",
        "Hidden proposal",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=received", ["The received one"]),
        ("status=accepted", ["The answered one"]),
        ("kind=change_request", ["The change one"]),
        ("theme=THEME", ["The themed one"]),
        ("overdue=1", ["The overdue one"]),
        ("mine=1", ["The mine one"]),
        ("followed=1", ["The followed one"]),
        ("q=popular", ["The popular one"]),
        ("q=nothing+like+this", []),
        ("sort=supported", ["The popular one"]),
        ("status=received&kind=change_request", []),
    ],
)
def test_each_filter_shows_only_the_matching_proposals(client, world, listed, query, expected):
    client.force_login(world["member"])
    shown = titles(
        client.get(
            url("proposals:list", slug="open-forum") + "?" + query.replace("THEME", str(listed.theme.pk))
        )
    )
    if query == "sort=supported":
        shown = shown[:1]
    assert shown == expected
    if not expected:
        assert "No proposal matches your choice." in page(
            client.get(url("proposals:list", slug="open-forum") + "?" + query)
        )


def test_waiting_longest_shows_unanswered_proposals_oldest_first(client, world, listed):
    shown = titles(client.get(url("proposals:list", slug="open-forum") + "?sort=waiting"))
    assert shown[0] == "Hidden proposal"  # the oldest
    assert shown[1:3] == ["The overdue one", "The popular one"]
    assert "The answered one" not in shown


def test_mine_and_followed_mean_nothing_to_a_visitor(client, world, listed):
    assert len(titles(client.get(url("proposals:list", slug="open-forum") + "?mine=1&followed=1"))) == 9


def test_an_overdue_proposal_says_so_in_the_list(client, world, listed):
    content = page(client.get(url("proposals:list", slug="open-forum") + "?overdue=1"))
    assert "Overdue: the answer was due" in content


@pytest.mark.parametrize(
    "query",
    [
        "status=bogus",
        "kind=%3Cscript%3E",
        "theme=abc",
        "theme=99999",
        "sort=random",
        "page=999",
        "page=-1",
        "page=99999999999999999999999",
        "q=" + "x" * 5000,
        "overdue=yes",
    ],
)
def test_nonsense_in_the_address_shows_a_list_not_an_error(client, world, listed, query):
    response = client.get(url("proposals:list", slug="open-forum") + "?" + query)
    assert response.status_code == 200
    assert "<script>" not in page(response).split("</head>")[1].replace("<script src=", "")


def test_the_list_is_paginated_by_twenty_and_keeps_the_filters(client, world):
    for i in range(25):
        ProposalFactory(space=world.public, title=f"Idea {i}", kind=Kind.IDEA)
    first = client.get(url("proposals:list", slug="open-forum") + "?kind=idea")
    assert len(titles(first)) == 20
    assert "?kind=idea&amp;page=2" in page(first)
    second = client.get(url("proposals:list", slug="open-forum") + "?kind=idea&page=2")
    assert len(titles(second)) == 5


def test_a_list_of_exactly_one_page_offers_no_next_page(client, world):
    for i in range(20):
        ProposalFactory(space=world.public, title=f"Idea {i}")
    content = page(client.get(url("proposals:list", slug="open-forum")))
    assert len(titles(client.get(url("proposals:list", slug="open-forum")))) == 20
    assert "Next page" not in content and "page=2" not in content


def test_every_row_links_to_its_proposal(client, world):
    proposals = [ProposalFactory(space=world.public, title=f"Idea {i}") for i in range(3)]
    content = page(client.get(url("proposals:list", slug="open-forum")))
    for proposal in proposals:
        assert f'href="{proposal.get_absolute_url()}"' in content


def test_the_comments_come_ten_conversations_at_a_time(client, site):
    for i in range(10):  # the site has one comment already: 11 conversations
        CommentFactory(proposal=site.proposal, author=site.world["participant"], body=f"Comment {i}")
    first = page(client.get(url("proposals:detail", **detail(site))))
    assert "Yes please" in first and "Comment 8" in first and "Comment 9" not in first
    assert "Conversations 1 to 10 of 11, oldest first." in first
    assert "?comments=2#comments" in first
    second = page(client.get(url("proposals:detail", **detail(site)) + "?comments=2"))
    assert "Comment 9" in second and "Yes please" not in second
    for nonsense in ("abc", "-3", "999"):
        assert (
            client.get(url("proposals:detail", **detail(site)) + f"?comments={nonsense}").status_code == 200
        )


def test_after_commenting_one_lands_on_the_page_of_the_comment(client, site):
    for i in range(10):
        CommentFactory(proposal=site.proposal, author=site.world["participant"], body=f"Comment {i}")
    client.force_login(site.world["member"])
    address = url("proposals:comment", **detail(site))
    response = client.post(address, {"body": "New thought"})
    newest = site.proposal.comments.latest("id")
    assert response.url == f"{site.proposal.get_absolute_url()}?comments=2#comment-{newest.pk}"
    response = client.post(address, {"body": "A reply", "parent": site.comment.pk})
    reply = site.proposal.comments.latest("id")
    assert response.url == f"{site.proposal.get_absolute_url()}#comment-{reply.pk}"


def test_a_hostile_title_is_shown_as_text(client, world):
    ProposalFactory(space=world.public, title="<script>alert(1)</script>")
    content = page(client.get(url("proposals:list", slug="open-forum")))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert(1)" not in content


# The proposal page ------------------------------------------------------------------------------


def test_the_proposal_page_shows_the_status_timeline_responder_deadline_and_attachment(client, site):
    content = page(client.get(url("proposals:detail", **detail(site))))
    assert "<h1" in content and "Benches in the park" in content
    assert "Received" in content and "We have it." in content
    assert "Responsible for the answer: Responder Person, Exampletown" in content
    assert "An answer is due by" in content
    assert "photo.png" in content
    assert "Sign in to support, follow or comment." in content
    assert "Support this proposal" not in content


def test_the_responder_sees_the_answer_form_with_only_the_allowed_next_statuses(client, site):
    client.force_login(site.world["responder"])
    content = page(client.get(url("proposals:detail", **detail(site))))
    assert "Answer the proposal" in content
    options = re.findall(
        r'<option value="([a-z_]+)"', content.split('id="answer-heading"')[1].split("</form>")[0]
    )
    assert options == ["under_consideration"]
    assert "For facilitators" not in content


def test_the_facilitator_sees_the_moderation_forms(client, site):
    client.force_login(site.world["facilitator"])
    content = page(client.get(url("proposals:detail", **detail(site))))
    for text in (
        "Responder and deadline",
        "Hide this proposal",
        "Merge into another proposal",
        "Hide comment",
    ):
        assert text in content


def test_no_two_elements_on_the_proposal_page_share_an_id(client, site):
    """Labels and error messages point at ids: a duplicate makes a screen reader read the wrong field."""
    site.proposal.status = Status.UNDER_CONSIDERATION
    site.proposal.save()
    CommentFactory(proposal=site.proposal, parent=site.comment)
    client.force_login(site.world["facilitator"])
    ids = re.findall(r'\sid="([^"]+)"', page(client.get(url("proposals:detail", **detail(site)))))
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_a_closed_proposal_tells_the_responder_it_cannot_change_again(client, site):
    Proposal.objects.filter(pk=site.proposal.pk).update(status=Status.DECLINED, closed_at=timezone.now())
    client.force_login(site.world["responder"])
    content = page(client.get(url("proposals:detail", **detail(site))))
    assert "This proposal is closed. It cannot get a new status." in content
    assert "Support this proposal" not in content


def test_a_hidden_proposal_shows_the_reason_in_its_place(client, site):
    services.content_hide(proposal=site.proposal, actor=site.world["facilitator"], reason="Personal data")
    content = page(client.get(url("proposals:detail", **detail(site))))
    assert "A moderator has hidden this proposal. Reason: Personal data" in content
    assert "Benches in the park" not in content
    assert "photo.png" not in content
    assert "Hidden proposal" in titles(client.get(url("proposals:list", slug="open-forum")))
    assert "Benches in the park" not in page(client.get(url("proposals:feed_rss", slug="open-forum")))


def test_a_hidden_comment_and_a_deleted_comment_leave_placeholders(client, site):
    gone = services.comment_add(proposal=site.proposal, actor=site.world["participant"], body="Oops")
    services.comment_delete(comment=gone, actor=site.world["participant"])
    services.content_hide(
        proposal=site.proposal, actor=site.world["facilitator"], reason="Insult", comment=site.comment
    )
    content = page(client.get(url("proposals:detail", **detail(site))))
    assert "A moderator has hidden this comment. Reason: Insult" in content
    assert "This comment was deleted by its author." in content
    assert "Yes please" not in content and "Oops" not in content


def test_readers_who_are_not_signed_in_see_every_comment_change_at_once(
    client, site, django_assert_num_queries
):
    """Their comments are cached (views.comment_threads); every change must show on the next view."""
    address = url("proposals:detail", **detail(site))
    participant, facilitator = site.world["participant"], site.world["facilitator"]
    assert "Yes please" in page(client.get(address))
    with django_assert_num_queries(6):  # the comments come from the cache: no count, no threads
        assert "Yes please" in page(client.get(address))
    comment = services.comment_add(proposal=site.proposal, actor=participant, body="First version")
    assert "First version" in page(client.get(address))
    services.comment_add(proposal=site.proposal, actor=participant, body="A reply", parent=site.comment)
    assert "A reply" in page(client.get(address))
    services.comment_edit(comment=comment, actor=participant, body="Second version")
    content = page(client.get(address))
    assert "Second version" in content and "First version" not in content
    services.comment_delete(comment=comment, actor=participant)
    assert "This comment was deleted by its author." in page(client.get(address))
    services.content_hide(proposal=site.proposal, actor=facilitator, reason="Insult", comment=site.comment)
    content = page(client.get(address))
    assert "Reason: Insult" in content and "Yes please" not in content


def test_the_cached_comments_hold_no_form_and_signed_in_readers_get_their_own(client, site):
    address = url("proposals:detail", **detail(site))
    anonymous = page(client.get(address)).split('id="comments"')[1]
    assert "csrfmiddlewaretoken" not in anonymous and "Change or delete your comment" not in anonymous
    client.force_login(site.world["member"])  # wrote "Yes please" just now
    assert "Change or delete your comment" in page(client.get(address))
    client.logout()
    swedish = page(client.get(url("proposals:detail", lang="sv", **detail(site))))
    assert '<html lang="sv"' in swedish and "Yes please" in swedish


def test_replies_are_shown_under_their_comment(client, site):
    services.comment_add(
        proposal=site.proposal, actor=site.world["participant"], body="A reply", parent=site.comment
    )
    content = page(client.get(url("proposals:detail", **detail(site))))
    top = content.split(f'id="comment-{site.comment.pk}"')[1]
    assert '<ol class="mv-comments mv-replies">' in top.split("A reply")[0]


def test_merged_proposals_link_to_each_other(client, site):
    duplicate = ProposalFactory(space=site.world.public, title="Park benches please")
    services.proposal_merge(duplicate=duplicate, into=site.proposal, actor=site.world["facilitator"])
    old = page(client.get(url("proposals:detail", slug="open-forum", pk=duplicate.pk)))
    assert "This proposal is merged with another one" in old
    assert f'href="/en/spaces/open-forum/proposals/{site.proposal.pk}/"' in old
    new = page(client.get(url("proposals:detail", **detail(site))))
    assert "These proposals were merged into this one:" in new
    assert f'href="/en/spaces/open-forum/proposals/{duplicate.pk}/">Park benches please</a>' in new


def test_hostile_text_in_a_proposal_answer_and_comment_is_harmless_on_the_page(client, world):
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))'
    proposal = services.proposal_submit(
        space=world.public, actor=world["member"], title="Hostile", body=hostile, language="en"
    )
    services.proposal_answer(
        proposal=proposal, actor=world["facilitator"], status=Status.RECEIVED, text=hostile
    )
    services.comment_add(proposal=proposal, actor=world["member"], body=hostile)
    content = page(client.get(proposal.get_absolute_url()))
    for bad in ("alert(", "onerror", "javascript:"):
        assert bad not in content


# Supporting, following, notifications -------------------------------------------------------------


def test_a_double_click_on_support_counts_once(client, site):
    client.force_login(site.world["participant"])
    path = url("proposals:support", **detail(site))
    client.post(path)
    response = client.post(path, follow=True)
    assert "You already support this proposal." in page(response)
    assert "1 supporter" in page(response)
    site.proposal.refresh_from_db()
    assert site.proposal.support_count == 1


def test_support_can_be_withdrawn_on_the_page(client, site):
    client.force_login(site.world["participant"])
    path = url("proposals:support", **detail(site))
    response = client.post(path, follow=True)
    assert "Thank you for your support. You now follow this proposal." in page(response)
    assert "Withdraw my support" in page(response)
    response = client.post(path, {"action": "withdraw"}, follow=True)
    assert "Your support is withdrawn." in page(response)
    assert "0 supporters" in page(response)


def test_follow_and_stop_following_on_the_page(client, site):
    client.force_login(site.world["participant"])
    path = url("proposals:follow", **detail(site))
    assert "You follow this proposal." in page(client.post(path, follow=True))
    assert Follow.objects.filter(proposal=site.proposal, user=site.world["participant"]).exists()
    assert "You no longer follow this proposal." in page(
        client.post(path, {"action": "unfollow"}, follow=True)
    )
    assert not Follow.objects.filter(proposal=site.proposal, user=site.world["participant"]).exists()


def test_visitors_are_sent_to_sign_in_when_they_try_to_support(client, site, unchanged):
    with unchanged():
        response = client.post(url("proposals:support", **detail(site)))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_notifications_are_listed_and_marked_read(client, site):
    client.force_login(site.world["member"])
    content = page(client.get(url("proposals:notifications")))
    assert "New answer" in content and "Benches in the park" in content
    response = client.post(url("proposals:notifications"), follow=True)
    assert "All notifications are marked as read." in page(response)
    assert not Notification.objects.filter(user=site.world["member"], read_at__isnull=True).exists()


def test_similar_proposals_are_listed_while_writing(client, site):
    ProposalFactory(space=site.world.public, title="Unrelated bicycle racks")
    content = page(client.get(url("proposals:similar", slug="open-forum") + "?title=park+benches"))
    assert "Benches in the park" in content
    assert "bicycle" not in content
    empty = page(client.get(url("proposals:similar", slug="open-forum") + "?title=zzzzqqq"))
    assert "No similar proposals found." in empty


def test_similar_proposals_never_come_from_another_space(client, site):
    client.force_login(site.world["member"])
    content = page(client.get(url("proposals:similar", slug="open-forum") + "?title=secret+letter"))
    assert "Secret letter" not in content


# Exports and feeds ------------------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_title_that_looks_like_a_spreadsheet_formula_is_neutralised_in_the_csv(client, world, start):
    title = f'{start}HYPERLINK("http://evil.example","x")'
    ProposalFactory(space=world.public, title=title)
    rows = read_csv(client.get(url("proposals:export", slug="open-forum")))
    assert rows[1][1] == "'" + title


def test_the_csv_list_has_a_row_per_proposal_and_hides_hidden_titles(client, site):
    Proposal.objects.filter(pk=site.proposal.pk).update(hidden_reason="Spam")
    ProposalFactory(space=site.world.public, title="Visible")
    response = client.get(url("proposals:export", slug="open-forum"))
    assert response["Content-Disposition"] == 'attachment; filename="proposals-open-forum.csv"'
    rows = read_csv(response)
    assert rows[0][:4] == ["number", "title", "kind", "status"]
    assert [row[1] for row in rows[1:]] == ["Visible", ""]
    assert rows[2][3] == "received"
    assert rows[2][-1] == f"http://testserver/en/spaces/open-forum/proposals/{site.proposal.pk}/"


def test_the_figures_csv_has_the_counts_and_shares(client, site):
    rows = dict(read_csv(client.get(url("proposals:accountability", slug="open-forum") + "?format=csv")))
    assert rows["figure"] == "value"
    assert rows["status_received"] == "1"
    assert rows["total"] == "1"
    assert rows["share_on_time"] == ""  # nothing was due yet
    assert rows["median_days"] == ""


def test_the_proposals_feed_lists_new_proposals_with_cleaned_text(client, site):
    ProposalFactory(space=site.world.public, title="Later idea", body="<script>x()</script>Nice")
    content = page(client.get(url("proposals:feed_rss", slug="open-forum")))
    assert "<title>Later idea</title>" in content
    assert "Benches in the park" in content
    assert "Secret letter" not in content
    assert "<script>" not in content and "&lt;script" not in content


def test_the_answers_feed_lists_answers_with_their_status(client, site):
    content = page(client.get(url("proposals:answers_atom", slug="open-forum")))
    assert "Benches in the park: Received" in content
    assert f"#answer-{site.proposal.answers.get().pk}" in content


# Accountability -----------------------------------------------------------------------------------


def test_the_accountability_page_shows_a_chart_a_table_and_the_overdue_proposals(client, world):
    late = ProposalFactory(space=world.public, title="Late one", responder=world["responder"])
    Proposal.objects.filter(pk=late.pk).update(deadline=timezone.localdate() - dt.timedelta(days=4))
    content = page(client.get(url("proposals:accountability", slug="open-forum")))
    assert '<svg role="img"' in content and "<rect" in content
    assert '<th scope="row">Submitted</th><td>1</td>' in content
    overdue_table = content.split('id="overdue-heading"')[1]
    assert "Late one" in overdue_table
    assert "<td>4</td>" in overdue_table
    assert "Responder Person" in overdue_table


def test_a_spaces_figures_are_kept_for_a_minute_and_the_page_says_so(client, world):
    path = url("proposals:accountability", slug="open-forum")
    ProposalFactory(space=world.public, title="First")
    content = page(client.get(path))
    assert "These figures are at most a minute old." in content
    assert '<th scope="row">Submitted</th><td>1</td>' in content
    ProposalFactory(space=world.public, title="Second")
    assert '<th scope="row">Submitted</th><td>1</td>' in page(client.get(path))  # the kept figures
    assert dict(read_csv(client.get(path + "?format=csv")))["total"] == "1"
    cache.clear()  # as a minute later
    assert '<th scope="row">Submitted</th><td>2</td>' in page(client.get(path))


def test_the_organisation_accountability_page_leaves_out_members_only_spaces_for_outsiders(client, world):
    for space, title in ((world.public, "Open late"), (world.members_only, "Secret late")):
        proposal = ProposalFactory(space=space, title=title)
        Proposal.objects.filter(pk=proposal.pk).update(deadline=timezone.localdate() - dt.timedelta(days=4))
    path = url("proposals:organisation_accountability", slug="exampletown")
    content = page(client.get(path))
    assert "Open late" in content
    assert "Secret late" not in content and "Secret Audit" not in content
    rows = dict(read_csv(client.get(path + "?format=csv")))
    assert rows["total"] == "1"
    client.force_login(world["member"])
    content = page(client.get(path))
    assert "Secret late" in content  # a member of the space sees it
    assert dict(read_csv(client.get(path + "?format=csv")))["total"] == "2"


# Unsubscribe ----------------------------------------------------------------------------------------


def test_the_unsubscribe_page_offers_one_proposal_or_everything(client, site):
    content = page(client.get(url("proposals:unsubscribe", token=site.token)))
    assert "Stop emails about this proposal" in content
    assert "Stop all emails from Medvind" in content


def test_a_made_up_unsubscribe_token_is_not_found(client, site):
    assert client.get(url("proposals:unsubscribe", token="made-up")).status_code == 404
    assert client.post(url("proposals:unsubscribe", token="made-up"), {"scope": "all"}).status_code == 404


def test_an_unsubscribe_token_for_a_deleted_proposal_still_answers(client, world):
    token = unsubscribe_token(user_id=world["member"].pk, proposal_id=999999)
    response = client.get(url("proposals:unsubscribe", token=token))
    assert response.status_code == 200
    assert "Stop all emails from Medvind" in page(response)


def test_a_hidden_proposal_keeps_its_title_out_of_the_notifications(client, site):
    services.content_hide(proposal=site.proposal, actor=site.world["facilitator"], reason="Personal data")
    client.force_login(site.world["member"])
    content = page(client.get(url("proposals:notifications")))
    assert "Hidden proposal" in content
    assert "Benches in the park" not in content
