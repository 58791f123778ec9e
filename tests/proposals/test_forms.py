"""Bad and hostile input on every proposals form: a clear error next to the field, what was typed kept,
nothing written, never a server error. Also the anonymous postbox: flood limits and no stored address."""

import datetime as dt
import re

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import date_format

from medvind.proposals import services
from medvind.proposals.models import Answer, Comment, Proposal, Report, Status, Theme
from medvind.proposals.views import ANONYMOUS_LIMIT
from tests.factories import CommentFactory, ProposalFactory, ThemeFactory
from tests.helpers import field_error, field_value, page, url

from .conftest import disguised_html, pdf, png, too_big

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


def create_path(lang: str = "en") -> str:
    return url("proposals:create", lang, slug="open-forum")


def proposal_data(**changes):
    data = {
        "title": "Longer opening hours",
        "body": "Open the library on Sundays.",
        "kind": "idea",
        "language": "en",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def postbox(world):
    world.public.anonymous_proposals = True
    world.public.save()
    return world.public


# New proposal ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message", "kept"),
    [
        ({"title": ""}, "title", "This field is required.", ("body", "Open the library on Sundays.")),
        ({"title": "   "}, "title", "This field is required.", ("body", "Open the library on Sundays.")),
        (
            {"title": "t" * 121},
            "title",
            "Ensure this value has at most 120 characters (it has 121).",
            ("title", "t" * 121),
        ),
        ({"body": ""}, "body", "This field is required.", ("title", "Longer opening hours")),
        (
            {"body": "b" * 10001},
            "body",
            "Ensure this value has at most 10000 characters (it has 10001).",
            ("body", "b" * 10001),
        ),
        (
            {"kind": "petition"},
            "kind",
            "Select a valid choice. petition is not one of the available choices.",
            ("title", "Longer opening hours"),
        ),
        (
            {"language": "de"},
            "language",
            "Select a valid choice. de is not one of the available choices.",
            ("title", "Longer opening hours"),
        ),
        (
            {"concerns": "abc"},
            "concerns",
            "Select a valid choice. That choice is not one of the available choices.",
            ("title", "Longer opening hours"),
        ),
    ],
)
def test_bad_input_on_a_new_proposal_is_shown_by_the_field_and_nothing_is_written(
    client, world, unchanged, changes, field, message, kept
):
    client.force_login(world["member"])
    with unchanged():
        response = client.post(create_path(), proposal_data(**changes))
    assert response.status_code == 400
    assert field_error(response, field) == message
    assert field_value(response, kept[0]) == kept[1]


def test_a_theme_from_another_space_cannot_be_forged_into_the_form(client, world, unchanged):
    ThemeFactory(space=world.public, name="Parks")
    other = ThemeFactory(space=world.members_only, name="Secret theme")
    client.force_login(world["member"])
    with unchanged():
        response = client.post(create_path(), proposal_data(theme=other.pk))
    assert response.status_code == 400
    assert (
        field_error(response, "theme")
        == "Select a valid choice. That choice is not one of the available choices."
    )


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            disguised_html,
            "“x.png” is not an image or a PDF file. You can attach images (PNG, JPEG, GIF, WebP) and PDF.",
        ),
        (too_big, "“huge.png” is too big. Files can be at most 10.0\xa0MB."),
    ],
    ids=["html named x.png", "10 MB + 1 byte"],
)
def test_a_bad_attachment_is_refused_by_the_field_and_the_text_is_kept(
    client, world, unchanged, upload, message
):
    client.force_login(world["member"])
    with unchanged():
        response = client.post(create_path(), proposal_data(attachments=[png(), upload()]))
    assert response.status_code == 400
    assert field_error(response, "attachments") == message
    assert field_value(response, "title") == "Longer opening hours"
    assert field_value(response, "body") == "Open the library on Sundays."


def test_good_attachments_are_kept_with_the_proposal(client, world):
    client.force_login(world["member"])
    response = client.post(create_path(), proposal_data(attachments=[png("a.png"), pdf("b.pdf")]))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert sorted(proposal.attachments.values_list("name", "content_type")) == [
        ("a.png", "image/png"),
        ("b.pdf", "application/pdf"),
    ]


def test_a_hostile_proposal_is_saved_and_shown_harmlessly(client, world):
    client.force_login(world["member"])
    body = '<script>alert(1)</script> <a href="javascript:alert(2)" onmouseover="alert(3)">x</a> [y](javascript:alert(4))'
    response = client.post(create_path(), proposal_data(title=SCRIPT, body=body), follow=True)
    assert response.status_code == 200
    content = page(response)
    assert "Thank you! Your proposal is sent." in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content  # the title, as text
    for bad in ("<script>alert", "alert(1", "alert(2", "alert(3", "alert(4", "javascript:", "onmouseover"):
        assert bad not in content


def test_a_signed_proposal_is_sent_and_thanks_with_the_deadline(client, world):
    client.force_login(world["member"])
    response = client.post(create_path(), proposal_data(), follow=True)
    proposal = Proposal.objects.get()
    assert proposal.author == world["member"]
    deadline = date_format(timezone.localdate() + dt.timedelta(days=30), "DATE_FORMAT")  # in English
    assert f"It will be answered by {deadline}." in page(response)
    assert response.redirect_chain[-1][0] == proposal.get_absolute_url()


def test_writing_without_a_name_when_signed_in_leaves_no_trace_of_who_wrote(client, world, postbox):
    client.force_login(world["member"])
    response = client.post(create_path() + "?anonymous=1", proposal_data(anonymous="1"))
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.author is None
    assert "Sent without a name" in page(client.get(proposal.get_absolute_url()))


def test_the_contact_email_of_an_anonymous_proposal_is_checked_and_kept_on_error(
    client, world, postbox, unchanged
):
    with unchanged():
        response = client.post(create_path(), proposal_data(contact_email="not an email", body=""))
    assert response.status_code == 400
    assert field_error(response, "contact_email") == "Enter a valid email address."
    assert field_value(response, "contact_email") == "not an email"


def test_the_contact_email_is_shown_to_nobody(client, world, postbox):
    client.post(create_path(), proposal_data(contact_email="secret.person@example.org"))
    proposal = Proposal.objects.get()
    assert proposal.contact_email == "secret.person@example.org"
    for who in (None, "member", "facilitator", "platform_admin"):
        if who:
            client.force_login(world[who])
        for path in (
            proposal.get_absolute_url(),
            url("proposals:list", slug="open-forum"),
            url("proposals:export", slug="open-forum"),
            url("proposals:feed_rss", slug="open-forum"),
        ):
            assert b"secret.person" not in client.get(path).content, (who, path)


# The postbox: rate limit and no stored address -------------------------------------------------------


def test_an_anonymous_flood_is_stopped_with_a_clear_message_and_the_text_kept(client, world, postbox):
    for i in range(ANONYMOUS_LIMIT):
        response = client.post(create_path(), proposal_data(title=f"Letter {i}"), REMOTE_ADDR="203.0.113.9")
        assert response.status_code == 302
    before = Proposal.objects.count()
    response = client.post(create_path(), proposal_data(title="One too many"), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 400
    assert "Many proposals were just sent from here. Please wait ten minutes and try again." in page(response)
    assert field_value(response, "title") == "One too many"
    assert Proposal.objects.count() == before
    other = client.post(create_path(), proposal_data(title="From elsewhere"), REMOTE_ADDR="198.51.100.4")
    assert other.status_code == 302  # the limit is per address


def test_the_flood_message_is_in_the_writers_language(client, world, postbox):
    for _ in range(ANONYMOUS_LIMIT + 1):
        response = client.post(create_path("sv"), proposal_data(), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 400
    assert 'lang="sv"' in page(response)


def test_an_anonymous_proposal_stores_no_address_or_browser_anywhere(client, world, postbox):
    address, agent = "203.0.113.77", "PeculiarBrowser/9.9"
    response = client.post(
        create_path(),
        proposal_data(contact_email="me@example.org"),
        REMOTE_ADDR=address,
        HTTP_USER_AGENT=agent,
    )
    assert response.status_code == 302
    for model in apps.get_models():
        for row in model.objects.values():
            text = repr(row)
            assert address not in text and agent not in text, f"{model.__name__} keeps it: {row}"
    for session in Session.objects.all():
        assert address not in repr(session.get_decoded())
    field_names = {field.name for field in Proposal._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "remote_addr", "user_agent"}


def test_the_rate_limit_keeps_only_a_hash_of_the_address_in_the_cache(client, world, postbox):
    client.post(create_path(), proposal_data(), REMOTE_ADDR="203.0.113.77")
    keys = list(cache._cache.keys())  # type: ignore[attr-defined]  # the local-memory cache of the tests
    limit_keys = [key for key in keys if "anonymous-proposal" in key]
    assert len(limit_keys) == 1
    assert re.fullmatch(r":1:rl:anonymous-proposal:[0-9a-f]{32}", limit_keys[0])
    assert not any("203.0.113.77" in key or "203-0-113-77" in key for key in keys)


# Answer, assign, comment, report, hide, merge, themes --------------------------------------------------


@pytest.fixture
def proposal(world):
    return ProposalFactory(space=world.public, title="Ramps", responder=world["responder"])


def detail_action(name, proposal):
    return url(f"proposals:{name}", slug="open-forum", pk=proposal.pk)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"status": "done", "text": "Forged"},
            "status",
            "Select a valid choice. done is not one of the available choices.",
        ),
        (
            {"status": "accepted", "text": "Skipping steps"},
            "status",
            "Select a valid choice. accepted is not one of the available choices.",
        ),
        (
            {"status": "nonsense", "text": "Forged"},
            "status",
            "Select a valid choice. nonsense is not one of the available choices.",
        ),
        ({"status": "received", "text": ""}, "text", "This field is required."),
        (
            {"status": "received", "text": "t" * 5001},
            "text",
            "Ensure this value has at most 5000 characters (it has 5001).",
        ),
        ({"status": "received", "text": "Hi", "progress": "lots"}, "progress", "Enter a whole number."),
    ],
)
def test_a_forged_or_bad_answer_is_refused_by_the_field_and_nothing_is_written(
    client, world, proposal, unchanged, data, field, message
):
    client.force_login(world["responder"])
    with unchanged():
        response = client.post(detail_action("answer", proposal), data)
    assert response.status_code == 400
    assert field_error(response, field) == message
    if data["text"]:
        assert field_value(response, "text") == data["text"]
    proposal.refresh_from_db()
    assert proposal.status == Status.SUBMITTED


@pytest.mark.parametrize(
    ("progress", "message"),
    [
        ("", "Give the progress as a percentage from 0 to 100."),
        ("101", "Ensure this value is less than or equal to 100."),
        ("-1", "Ensure this value is greater than or equal to 0."),
    ],
)
def test_in_progress_without_a_good_percentage_is_refused_by_the_progress_field(
    client, world, proposal, unchanged, progress, message
):
    Proposal.objects.filter(pk=proposal.pk).update(status=Status.ACCEPTED)
    client.force_login(world["responder"])
    with unchanged():
        response = client.post(
            detail_action("answer", proposal), {"status": "in_progress", "progress": progress, "text": "Soon"}
        )
    assert response.status_code == 400
    assert field_error(response, "progress") == message
    assert field_value(response, "text") == "Soon"


def test_a_good_answer_is_published_and_the_page_says_so(client, world, proposal):
    client.force_login(world["responder"])
    response = client.post(
        detail_action("answer", proposal), {"status": "received", "text": "We have it."}, follow=True
    )
    assert "The answer is published. The author and followers are told." in page(response)
    assert Answer.objects.get().text == "We have it."


def test_an_answer_that_became_stale_is_refused_with_the_reason(
    client, world, proposal, unchanged, monkeypatch
):
    """Two responders answer at once: the second one's choice is no longer allowed when it arrives."""
    client.force_login(world["responder"])
    real = services.proposal_answer

    def first_someone_else_answers(**kwargs):
        Proposal.objects.filter(pk=proposal.pk).update(status=Status.RECEIVED)
        return real(**kwargs)

    monkeypatch.setattr(services, "proposal_answer", first_someone_else_answers)
    response = client.post(detail_action("answer", proposal), {"status": "received", "text": "Got it"})
    assert response.status_code == 400
    assert field_error(response, "status") == "A proposal that is “Received” cannot become “Received”."
    assert not Answer.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "responder", "Choose a person or a unit to answer the proposal."),
        (
            {"responder": "PARTICIPANT"},
            "responder",
            "Select a valid choice. That choice is not one of the available choices.",
        ),
        ({"responder": "RESPONDER", "deadline": "not a date"}, "deadline", "Enter a valid date."),
        (
            {"responder": "RESPONDER", "deadline": "YESTERDAY"},
            "deadline",
            "The deadline cannot be before the proposal was sent.",
        ),
    ],
)
def test_bad_assignments_are_refused_by_the_field_and_nothing_is_written(
    client, world, proposal, unchanged, data, field, message
):
    values = {
        "PARTICIPANT": world["participant"].pk,
        "RESPONDER": world["responder"].pk,
        "YESTERDAY": (timezone.localdate() - dt.timedelta(days=1)).isoformat(),
    }
    data = {key: values.get(value, value) for key, value in data.items()}
    client.force_login(world["facilitator"])
    with unchanged():
        response = client.post(detail_action("assign", proposal), data)
    assert response.status_code == 400
    assert field_error(response, field) == message


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "This field is required."),
        (" \n ", "This field is required."),
        ("c" * 5001, "Ensure this value has at most 5000 characters (it has 5001)."),
    ],
)
def test_a_bad_comment_is_refused_by_the_field_and_kept(client, world, proposal, unchanged, body, message):
    client.force_login(world["member"])
    with unchanged():
        response = client.post(detail_action("comment", proposal), {"body": body})
    assert response.status_code == 400
    assert field_error(response, "body") == message
    if body.strip():
        assert field_value(response, "body") == body


def test_a_reply_to_a_comment_of_another_proposal_is_not_found(client, world, proposal, unchanged):
    elsewhere = CommentFactory(proposal=ProposalFactory(space=world.public))
    client.force_login(world["member"])
    with unchanged():
        response = client.post(detail_action("comment", proposal), {"body": "Hi", "parent": elsewhere.pk})
    assert response.status_code == 404


def test_a_forged_parent_that_is_not_a_number_is_refused(client, world, proposal, unchanged):
    client.force_login(world["member"])
    with unchanged():
        response = client.post(detail_action("comment", proposal), {"body": "Hi", "parent": "x"})
    assert response.status_code == 400
    assert "Enter a whole number." in page(response)


def test_a_comment_and_a_reply_are_published(client, world, proposal):
    client.force_login(world["member"])
    response = client.post(detail_action("comment", proposal), {"body": "First"}, follow=True)
    assert "Your comment is published." in page(response)
    top = Comment.objects.get()
    client.post(detail_action("comment", proposal), {"body": "Reply", "parent": top.pk})
    assert Comment.objects.get(body="Reply").parent == top


def _edit_path(comment):
    return url("proposals:comment_edit", slug="open-forum", pk=comment.proposal_id, comment_id=comment.pk)


def test_changing_a_comment_to_nothing_is_refused_and_the_comment_kept(client, world, proposal, unchanged):
    comment = services.comment_add(proposal=proposal, actor=world["member"], body="Keep me")
    client.force_login(world["member"])
    with unchanged():
        response = client.post(_edit_path(comment), {"body": ""})
    assert response.status_code == 400
    assert field_error(response, "body") == "This field is required."
    comment.refresh_from_db()
    assert comment.body == "Keep me"


def test_a_comment_older_than_fifteen_minutes_says_it_can_only_be_deleted(client, world, proposal, unchanged):
    comment = services.comment_add(proposal=proposal, actor=world["member"], body="Old words")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - dt.timedelta(minutes=16))
    client.force_login(world["member"])
    content = page(client.get(_edit_path(comment)))
    assert "More than 15 minutes have passed, so the comment can no longer be changed." in content
    with unchanged():
        response = client.post(_edit_path(comment), {"body": "New words"})
    assert response.status_code == 400
    assert field_error(response, "body") == "A comment can only be changed in the first 15 minutes."
    assert field_value(response, "body") == "New words"


def test_a_fresh_comment_is_changed_and_then_deleted(client, world, proposal):
    comment = services.comment_add(proposal=proposal, actor=world["member"], body="Frist")
    client.force_login(world["member"])
    assert "Your comment is changed." in page(
        client.post(_edit_path(comment), {"body": "First"}, follow=True)
    )
    response = client.post(_edit_path(comment), {"action": "delete"}, follow=True)
    assert "Your comment is deleted." in page(response)
    assert "This comment was deleted by its author." in page(response)


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "This field is required."),
        ("r" * 1001, "Ensure this value has at most 1000 characters (it has 1001)."),
    ],
)
def test_a_bad_report_is_refused_by_the_field(client, world, proposal, unchanged, reason, message):
    client.force_login(world["member"])
    with unchanged():
        response = client.post(detail_action("report", proposal), {"reason": reason})
    assert response.status_code == 400
    assert field_error(response, "reason", prefix="report") == message


def test_a_report_is_sent(client, world, proposal):
    comment = CommentFactory(proposal=proposal)
    client.force_login(world["member"])
    response = client.post(
        detail_action("report", proposal), {"reason": "Rude", "comment": comment.pk}, follow=True
    )
    assert "Thank you. The moderators will look at it." in page(response)
    assert Report.objects.get().comment == comment


def test_a_report_on_a_comment_of_another_proposal_is_not_found(client, world, proposal, unchanged):
    elsewhere = CommentFactory(proposal=ProposalFactory(space=world.public))
    client.force_login(world["member"])
    with unchanged():
        response = client.post(detail_action("report", proposal), {"reason": "Rude", "comment": elsewhere.pk})
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "This field is required."),
        ("r" * 501, "Ensure this value has at most 500 characters (it has 501)."),
    ],
)
def test_hiding_without_a_good_reason_is_refused_by_the_field(
    client, world, proposal, unchanged, reason, message
):
    client.force_login(world["facilitator"])
    with unchanged():
        response = client.post(detail_action("hide", proposal), {"reason": reason})
    assert response.status_code == 400
    assert field_error(response, "reason", prefix="hide") == message


def test_hiding_with_a_reason_shows_the_placeholder(client, world, proposal):
    client.force_login(world["facilitator"])
    response = client.post(detail_action("hide", proposal), {"reason": "Advertising"}, follow=True)
    assert "The content is hidden. The reason is shown in its place." in page(response)
    assert "A moderator has hidden this proposal. Reason: Advertising" in page(response)


@pytest.mark.parametrize(
    ("into", "message"),
    [
        ("abc", "Enter a whole number."),
        ("0", "Ensure this value is greater than or equal to 1."),
        ("999999", "There is no proposal with this number in this space."),
        ("SECRET", "There is no proposal with this number in this space."),
        ("SELF", "Choose another proposal in the same space."),
    ],
)
def test_a_bad_merge_is_refused_by_the_field(client, world, proposal, unchanged, into, message):
    secret = ProposalFactory(space=world.members_only)
    into = {"SECRET": str(secret.pk), "SELF": str(proposal.pk)}.get(into, into)
    client.force_login(world["facilitator"])
    with unchanged():
        response = client.post(detail_action("merge", proposal), {"into": into})
    assert response.status_code == 400
    assert field_error(response, "into") == message
    assert field_value(response, "into") == into


def test_a_merge_goes_to_the_proposal_merged_into(client, world, proposal):
    into = ProposalFactory(space=world.public)
    client.force_login(world["facilitator"])
    response = client.post(detail_action("merge", proposal), {"into": into.pk}, follow=True)
    assert response.redirect_chain[-1][0] == into.get_absolute_url()
    assert "The proposals are merged. Supports and followers are moved." in page(response)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"name": "n" * 81}, "Ensure this value has at most 80 characters (it has 81)."),
        ({"name": "parks"}, "This space already has a theme with that name."),
    ],
)
def test_a_bad_theme_is_refused_by_the_field_and_kept(client, world, unchanged, data, message):
    ThemeFactory(space=world.public, name="Parks")
    client.force_login(world["facilitator"])
    with unchanged():
        response = client.post(url("proposals:themes", slug="open-forum"), data)
    assert response.status_code == 400
    assert field_error(response, "name") == message
    assert field_value(response, "name") == data["name"]


def test_a_theme_is_added_and_changed(client, world):
    client.force_login(world["facilitator"])
    path = url("proposals:themes", slug="open-forum")
    response = client.post(path, {"name": "Parks", "responder": world["responder"].pk}, follow=True)
    assert "The theme is saved." in page(response)
    theme = Theme.objects.get()
    assert theme.responder == world["responder"]
    client.post(path, {"theme": theme.pk, "name": "Parks and gardens"})
    theme.refresh_from_db()
    assert theme.name == "Parks and gardens"


def test_a_theme_of_another_space_cannot_be_changed_through_this_one(client, world, unchanged):
    other = ThemeFactory(space=world.members_only, name="Secret")
    client.force_login(world["facilitator"])
    with unchanged():
        response = client.post(
            url("proposals:themes", slug="open-forum"), {"theme": other.pk, "name": "Mine"}
        )
    assert response.status_code == 404


# Never a server error ------------------------------------------------------------------------------

GARBAGE = {
    "title": "\x00" + "t" * 300,
    "body": "\x00<script>",
    "kind": ["idea", "change_request"],
    "theme": "-1",
    "concerns": "1e9",
    "language": "\x00",
    "contact_email": "@" * 300,
    "status": "\x00",
    "progress": "9" * 40,
    "text": "\x00",
    "responder": "0x10",
    "responder_organisation": "None",
    "deadline": "9999-99-99",
    "parent": "9" * 40,
    "comment": "9" * 40,
    "reason": "\x00",
    "into": "9" * 40,
    "name": "\x00",
    "action": "delete\x00",
    "anonymous": "1",
    "scope": "\x00",
}


def test_garbage_posted_to_every_form_never_causes_a_server_error(client, world, proposal, postbox):
    comment = services.comment_add(proposal=proposal, actor=world["member"], body="Mine")
    paths = [create_path(), url("proposals:themes", slug="open-forum")] + [
        detail_action(name, proposal)
        for name in ("answer", "assign", "support", "follow", "comment", "report", "hide", "merge")
    ]
    paths.append(_edit_path(comment))
    for who in ("anonymous", "member", "facilitator"):
        client.logout()
        if who != "anonymous":
            client.force_login(world[who])
        for path in paths:
            response = client.post(path, GARBAGE)
            assert response.status_code < 500, (who, path)
    assert Proposal.objects.count() == 1


@pytest.mark.parametrize(
    "query",
    ["?q=%00abc", "?q=abc%00def", "?theme=%00", "?page=%00", "?status=%00"],
)
def test_garbage_in_a_list_address_never_causes_a_server_error(client, world, query):
    ProposalFactory(space=world.public, title="Something")
    assert client.get(url("proposals:list", slug="open-forum") + query).status_code < 500
    assert client.get(url("proposals:similar", slug="open-forum") + "?title=" + query[3:]).status_code < 500
