"""Every write in proposals/services.py: what it changes, who is told, what the audit log keeps, and refusals
that leave nothing behind."""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import AuditLogEntry, Organisation, OrganisationMembership
from medvind.proposals import services
from medvind.proposals.models import (
    Answer,
    Attachment,
    Comment,
    Follow,
    Kind,
    Notification,
    Proposal,
    Report,
    Status,
    Support,
)
from medvind.proposals.uploads import MAX_BYTES, UploadError
from tests.factories import (
    CommentFactory,
    OrganisationFactory,
    OrganisationMembershipFactory,
    ProposalFactory,
    SpaceFactory,
    ThemeFactory,
    UserFactory,
)
from tests.helpers import translated

from .conftest import disguised_html, pdf, png, too_big

pytestmark = pytest.mark.django_db

HOSTILE = (
    "Hello <script>alert('x')</script> "
    "[click](javascript:alert(1)) "
    '<img src="x" onerror="alert(2)"> '
    '<a href="https://example.org" onclick="steal()">fine link</a>'
)


def submit(world, who: str = "member", **kwargs) -> Proposal:
    values = {
        "space": world.public,
        "actor": world[who],
        "title": "Longer opening hours",
        "body": "Open the library on **Sundays**.",
        "language": "en",
    }
    return services.proposal_submit(**{**values, **kwargs})


def last_entry(action: str) -> AuditLogEntry:
    return AuditLogEntry.objects.filter(action=action).latest("pk")


def postbox(world):
    world.public.anonymous_proposals = True
    world.public.save()
    return world.public


def assert_clean(html: str) -> None:
    lowered = html.lower()
    for bad in ("<script", "javascript:", "onerror", "onclick", "<img"):
        assert bad not in lowered, f"{bad} survived: {html}"


# Submitting ---------------------------------------------------------------------------------------


def test_a_signed_proposal_is_submitted_with_its_author_who_follows_it(world):
    proposal = submit(world, kind=Kind.CHANGE_REQUEST)
    assert proposal.author == world["member"]
    assert (proposal.status, proposal.kind, proposal.language) == (
        Status.SUBMITTED,
        Kind.CHANGE_REQUEST,
        "en",
    )
    assert proposal.body_html == "<p>Open the library on <strong>Sundays</strong>.</p>"
    assert Follow.objects.filter(proposal=proposal, user=world["member"]).exists()
    entry = last_entry("proposal.submit")
    assert (entry.actor, entry.space, entry.object_id) == (world["member"], world.public, str(proposal.pk))
    assert entry.changes == {"status": [None, "submitted"], "anonymous": [None, False]}


def test_a_participant_who_is_not_a_member_can_submit_in_a_public_space(world):
    assert submit(world, "participant").author == world["participant"]


def test_the_deadline_is_today_plus_the_spaces_answer_days(world):
    world.public.answer_days = 21
    world.public.save()
    proposal = submit(world)
    assert proposal.deadline == timezone.localdate() + dt.timedelta(days=21)


def test_the_default_deadline_is_thirty_days(world):
    assert submit(world).deadline == timezone.localdate() + dt.timedelta(days=30)


def test_the_theme_rule_makes_the_themes_responder_and_unit_answer_the_proposal(
    world, mailoutbox, after_commit
):
    theme = ThemeFactory(space=world.public, responder=world["responder"], responder_organisation=world.owner)
    with after_commit():
        proposal = submit(world, theme=theme)
    assert (proposal.responder, proposal.responder_organisation) == (world["responder"], world.owner)
    notification = Notification.objects.get(user=world["responder"])
    assert (notification.event, notification.proposal) == (Notification.Event.ASSIGNED, proposal)
    assert [m.to for m in mailoutbox] == [[world["responder"].email]]
    assert "You are responsible for answering the proposal “Longer opening hours”" in mailoutbox[0].body


def test_a_proposal_without_a_theme_waits_for_the_facilitators_to_choose_a_responder(world):
    proposal = submit(world)
    assert proposal.responder is None and proposal.responder_organisation is None
    assert not Notification.objects.exists()


def test_a_theme_from_another_space_is_refused(world, unchanged):
    other = ThemeFactory(space=world.members_only)
    with unchanged(), pytest.raises(DomainError, match="Choose a theme from this space's list."):
        submit(world, theme=other)


@pytest.mark.parametrize(("title", "body"), [("", "Text"), ("Title", ""), ("   ", "Text"), ("Title", " \n ")])
def test_an_empty_title_or_text_is_refused(world, unchanged, title, body):
    with unchanged(), pytest.raises(DomainError, match="Write a title and a text."):
        submit(world, title=title, body=body)


def test_hostile_markdown_and_html_are_cleaned_but_safe_links_kept(world):
    proposal = submit(world, body=HOSTILE)
    assert_clean(proposal.body_html)
    assert '<a href="https://example.org" rel="nofollow noopener ugc">fine link</a>' in proposal.body_html
    assert proposal.body == HOSTILE  # what was written is kept as written, only the HTML is cleaned


def test_people_cannot_submit_in_a_space_that_has_closed_proposals(world, unchanged):
    world.public.proposals_open = False
    world.public.save()
    with unchanged(), pytest.raises(NotAllowed):
        submit(world)


@pytest.mark.parametrize("who", ["anonymous", "participant", "staff"])
def test_people_outside_a_members_only_space_cannot_submit_there(world, unchanged, who):
    with unchanged(), pytest.raises(NotAllowed):
        submit(world, who, space=world.members_only)


def test_an_anonymous_proposal_through_the_postbox_has_no_author_and_no_follow(world):
    space = postbox(world)
    proposal = submit(world, "anonymous", space=space, anonymous=True, contact_email=" Someone@Example.ORG ")
    assert proposal.author is None and proposal.is_anonymous
    assert proposal.contact_email == "someone@example.org"
    assert not Follow.objects.filter(proposal=proposal).exists()
    entry = last_entry("proposal.submit")
    assert entry.actor is None
    assert entry.changes["anonymous"] == [None, True]


def test_a_signed_in_person_who_writes_anonymously_is_not_linked_to_the_proposal_anywhere(world):
    space = postbox(world)
    proposal = submit(world, "member", space=space, anonymous=True)
    assert proposal.author is None
    assert not Follow.objects.filter(proposal=proposal).exists()
    assert not AuditLogEntry.objects.filter(actor=world["member"], object_id=str(proposal.pk)).exists()


def test_a_signed_proposal_never_keeps_a_contact_email(world):
    assert submit(world, contact_email="me@example.org").contact_email == ""


def test_anonymous_proposals_are_refused_when_the_postbox_is_closed(world, unchanged):
    with unchanged(), pytest.raises(NotAllowed):
        submit(world, "anonymous", anonymous=True)


def test_members_only_spaces_have_no_postbox_even_when_it_is_switched_on(world, unchanged):
    world.members_only.anonymous_proposals = True
    world.members_only.save()
    with unchanged(), pytest.raises(NotAllowed):
        submit(world, "member", space=world.members_only, anonymous=True)


def test_images_and_pdf_files_are_attached_with_the_type_read_from_their_content(world):
    proposal = submit(world, attachments=[png("photo.png"), pdf("letter.pdf"), pdf("scan.png")])
    files = {a.name: (a.content_type, a.size) for a in Attachment.objects.filter(proposal=proposal)}
    assert files == {
        "photo.png": ("image/png", len(png().read())),
        "letter.pdf": ("application/pdf", len(pdf().read())),
        "scan.png": ("application/pdf", len(pdf().read())),
    }
    stored = Attachment.objects.get(name="letter.pdf")
    with stored.file.open("rb") as handle:
        assert handle.read().startswith(b"%PDF-")


def test_a_file_of_exactly_ten_megabytes_is_accepted(world):
    proposal = submit(world, attachments=[png("big.png", size=MAX_BYTES)])
    assert proposal.attachments.get().size == MAX_BYTES


def test_an_html_file_named_like_an_image_is_refused_and_nothing_is_written(world, unchanged):
    with unchanged(), pytest.raises(UploadError) as error:
        submit(world, attachments=[png("ok.png"), disguised_html("x.png")])
    assert str(error.value) == (
        "“x.png” is not an image or a PDF file. You can attach images (PNG, JPEG, GIF, WebP) and PDF."
    )


def test_a_file_one_byte_over_ten_megabytes_is_refused_and_nothing_is_written(world, unchanged):
    with unchanged(), pytest.raises(UploadError) as error:
        submit(world, attachments=[too_big("huge.png")])
    assert str(error.value) == "“huge.png” is too big. Files can be at most 10.0\xa0MB."


# Answering ----------------------------------------------------------------------------------------


@pytest.fixture
def proposal(world):
    """A signed proposal in the public space, answered by the responder and the owner organisation."""
    return ProposalFactory(
        space=world.public,
        author=UserFactory(display_name="Anna Author", language="sv"),
        title="Ramps at the day centre",
        responder=world["responder"],
        responder_organisation=world.owner,
    )


def answer(proposal, who, status, text="We have read it.", progress=None, *, world):
    return services.proposal_answer(
        proposal=proposal, actor=world[who], status=status, text=text, progress=progress
    )


def walk(proposal, world, *statuses, who="responder"):
    for status in statuses:
        answer(proposal, who, status, progress=50 if status == Status.IN_PROGRESS else None, world=world)
    proposal.refresh_from_db()
    return proposal


def test_an_answer_adds_a_timeline_row_with_the_cleaned_text_and_an_audit_row(world, proposal):
    result = answer(proposal, "responder", Status.RECEIVED, text=HOSTILE, world=world)
    row = Answer.objects.get(proposal=proposal)
    assert row == result
    assert (row.author, row.from_status, row.to_status, row.text) == (
        world["responder"],
        Status.SUBMITTED,
        Status.RECEIVED,
        HOSTILE,
    )
    assert_clean(row.text_html)
    entry = last_entry("proposal.answer")
    assert (entry.actor, entry.object_id) == (world["responder"], str(proposal.pk))
    assert entry.changes == {"status": ["submitted", "received"], "progress": [0, 0]}


def test_received_and_under_consideration_do_not_stop_the_clock(world, proposal):
    walk(proposal, world, Status.RECEIVED, Status.UNDER_CONSIDERATION)
    assert proposal.answered_at is None and proposal.answer_days is None and proposal.closed_at is None


def test_the_first_decision_sets_answered_at_and_the_number_of_days_it_took(world, proposal):
    Proposal.objects.filter(pk=proposal.pk).update(created_at=timezone.now() - dt.timedelta(days=12))
    proposal.refresh_from_db()
    walk(proposal, world, Status.RECEIVED, Status.UNDER_CONSIDERATION, Status.PARKED)
    assert proposal.answered_at is not None
    assert proposal.answer_days == 12
    first = proposal.answered_at
    walk(proposal, world, Status.UNDER_CONSIDERATION, Status.ACCEPTED, Status.IN_PROGRESS)
    assert (proposal.answered_at, proposal.answer_days) == (first, 12)  # later decisions keep the first


@pytest.mark.parametrize(
    "path",
    [
        [Status.RECEIVED, Status.UNDER_CONSIDERATION, Status.DECLINED],
        [Status.RECEIVED, Status.UNDER_CONSIDERATION, Status.ACCEPTED, Status.IN_PROGRESS, Status.DONE],
    ],
    ids=["declined", "done"],
)
def test_closing_sets_closed_at_and_deletes_the_anonymous_contact_email(world, path):
    proposal = ProposalFactory(space=world.public, author=None, contact_email="anon@example.org")
    walk(proposal, world, *path, who="facilitator")
    assert proposal.closed_at is not None
    assert proposal.contact_email == ""


def test_the_contact_email_is_kept_while_the_proposal_is_still_open(world):
    proposal = ProposalFactory(space=world.public, author=None, contact_email="anon@example.org")
    walk(proposal, world, Status.RECEIVED, Status.UNDER_CONSIDERATION, Status.ACCEPTED, who="facilitator")
    assert proposal.contact_email == "anon@example.org"
    assert proposal.closed_at is None


def test_author_and_followers_are_told_of_an_answer_but_not_the_person_who_answered(
    world, proposal, mailoutbox, after_commit
):
    follower = UserFactory(language="da")
    for person in (proposal.author, follower, world["responder"]):
        Follow.objects.create(proposal=proposal, user=person)
    with after_commit():
        answer(proposal, "responder", Status.RECEIVED, text="Thank you, we have it.", world=world)
    told = set(Notification.objects.filter(event=Notification.Event.ANSWERED).values_list("user", flat=True))
    assert told == {proposal.author.pk, follower.pk}
    assert Notification.objects.get(user=follower).text == "Thank you, we have it."
    assert sorted(m.to[0] for m in mailoutbox) == sorted([proposal.author.email, follower.email])
    languages = {proposal.author.email: "sv", follower.email: "da"}
    for message in mailoutbox:
        assert "Thank you, we have it." in message.body
        subject = translated(languages[message.to[0]], "New answer to “%(title)s”")
        assert message.subject == subject % {"title": "Ramps at the day centre"}


def test_answer_emails_are_in_each_recipients_language_with_a_link_in_that_language(
    world, proposal, mailoutbox, after_commit
):
    danish = UserFactory(language="da")
    no_choice = UserFactory(language="")  # falls back to the space's language (Swedish)
    for person in (proposal.author, danish, no_choice):
        Follow.objects.create(proposal=proposal, user=person)
    with after_commit():
        answer(proposal, "responder", Status.RECEIVED, world=world)
    by_person = {m.to[0]: m for m in mailoutbox}
    for person, lang in ((proposal.author, "sv"), (danish, "da"), (no_choice, "sv")):
        message = by_person[person.email]
        assert message.subject == translated(lang, "New answer to “%(title)s”") % {"title": proposal.title}
        assert translated(lang, "Read more:") in message.body
        assert f"/{lang}/spaces/open-forum/proposals/{proposal.pk}/" in message.body
        assert f"/{lang}/unsubscribe/" in message.body
        assert f"/{lang}/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_people_who_turned_email_off_get_the_in_app_notification_only(
    world, proposal, mailoutbox, after_commit
):
    proposal.author.email_notifications = False
    proposal.author.save()
    Follow.objects.create(proposal=proposal, user=proposal.author)
    with after_commit():
        answer(proposal, "responder", Status.RECEIVED, world=world)
    assert Notification.objects.filter(user=proposal.author).count() == 1
    assert mailoutbox == []


def test_an_anonymous_author_with_a_contact_email_gets_the_answer_even_when_it_closes_the_proposal(
    world, mailoutbox, after_commit
):
    proposal = ProposalFactory(
        space=world.public, author=None, contact_email="anon@example.org", language="nb", title="Postbox"
    )
    walk(proposal, world, Status.RECEIVED, Status.UNDER_CONSIDERATION, who="facilitator")
    with after_commit():
        answer(proposal, "facilitator", Status.DECLINED, text="Not this year.", world=world)
    (message,) = mailoutbox
    assert message.to == ["anon@example.org"]
    assert "Not this year." in message.body
    assert f"/nb/spaces/open-forum/proposals/{proposal.pk}/" in message.body  # the proposal's language
    assert "/nb/unsubscribe/" in message.body
    proposal.refresh_from_db()
    assert proposal.contact_email == ""


def test_the_responsible_units_staff_may_answer(world, proposal):
    answer(proposal, "staff", Status.RECEIVED, world=world)
    answer(proposal, "org_admin", Status.UNDER_CONSIDERATION, world=world)
    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_CONSIDERATION


@pytest.mark.parametrize("who", ["anonymous", "participant", "member", "representative"])
def test_answering_without_the_responders_right_is_refused(world, proposal, unchanged, who):
    with unchanged(), pytest.raises(NotAllowed):
        answer(proposal, who, Status.RECEIVED, world=world)


def test_a_responder_in_the_space_cannot_answer_a_proposal_given_to_someone_else(world, unchanged):
    proposal = ProposalFactory(space=world.public, responder=UserFactory())
    with unchanged(), pytest.raises(NotAllowed):
        answer(proposal, "responder", Status.RECEIVED, world=world)


def test_a_merged_proposal_cannot_be_answered(world, proposal, unchanged):
    into = ProposalFactory(space=world.public)
    Proposal.objects.filter(pk=proposal.pk).update(merged_into=into)
    proposal.refresh_from_db()
    with unchanged(), pytest.raises(DomainError, match="Answer that one instead"):
        answer(proposal, "responder", Status.RECEIVED, world=world)


# Assigning ----------------------------------------------------------------------------------------


def test_the_facilitator_assigns_a_responder_who_is_told(world, mailoutbox, after_commit):
    proposal = ProposalFactory(space=world.public, title="Bus stop")
    deadline = timezone.localdate() + dt.timedelta(days=10)
    with after_commit():
        services.proposal_assign(
            proposal=proposal, actor=world["facilitator"], responder=world["responder"], deadline=deadline
        )
    proposal.refresh_from_db()
    assert (proposal.responder, proposal.deadline) == (world["responder"], deadline)
    assert Notification.objects.get().user == world["responder"]
    (message,) = mailoutbox
    assert message.to == [world["responder"].email]
    assert message.subject == "You are asked to answer “Bus stop”"
    assert "/en/unsubscribe/" in message.body
    entry = last_entry("proposal.assign")
    assert entry.changes["responder"] == [None, "Responder Person"]
    assert entry.changes["deadline"] == [str(timezone.localdate() + dt.timedelta(days=30)), str(deadline)]


def test_assigning_a_unit_only_tells_its_staff_and_admins(world):
    proposal = ProposalFactory(space=world.public)
    services.proposal_assign(
        proposal=proposal, actor=world["facilitator"], responder_organisation=world.owner
    )
    told = set(Notification.objects.values_list("user__email", flat=True))
    assert told == {world["staff"].email, world["org_admin"].email}


def test_assigning_the_same_person_twice_tells_once(world):
    proposal = ProposalFactory(space=world.public)
    for _ in range(2):
        services.proposal_assign(proposal=proposal, actor=world["facilitator"], responder=world["responder"])
    assert list(Notification.objects.values_list("user", flat=True)) == [world["responder"].pk]


def test_assigning_nobody_is_refused(world, unchanged):
    proposal = ProposalFactory(space=world.public)
    with unchanged(), pytest.raises(DomainError, match="Choose a person or a unit"):
        services.proposal_assign(proposal=proposal, actor=world["facilitator"])


def test_a_deadline_before_the_proposal_was_sent_is_refused(world, unchanged):
    proposal = ProposalFactory(space=world.public)
    with unchanged(), pytest.raises(DomainError, match="cannot be before the proposal was sent"):
        services.proposal_assign(
            proposal=proposal,
            actor=world["facilitator"],
            responder=world["responder"],
            deadline=timezone.localdate() - dt.timedelta(days=1),
        )


@pytest.mark.parametrize("who", ["member", "responder", "staff", "org_admin"])
def test_only_facilitators_assign(world, unchanged, who):
    proposal = ProposalFactory(space=world.public, responder=world["responder"])
    with unchanged(), pytest.raises(NotAllowed):
        services.proposal_assign(proposal=proposal, actor=world[who], responder=world["member"])


# Supporting and following -------------------------------------------------------------------------


def test_supporting_counts_once_and_follows_the_proposal(world):
    proposal = ProposalFactory(space=world.public)
    assert services.proposal_support(proposal=proposal, actor=world["participant"]) is True
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    assert Follow.objects.filter(proposal=proposal, user=world["participant"]).exists()
    assert last_entry("proposal.support").actor == world["participant"]


def test_supporting_twice_returns_false_and_leaves_the_count_alone(world):
    proposal = ProposalFactory(space=world.public)
    services.proposal_support(proposal=proposal, actor=world["member"])
    assert services.proposal_support(proposal=proposal, actor=world["member"]) is False
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    assert Support.objects.filter(proposal=proposal).count() == 1
    assert AuditLogEntry.objects.filter(action="proposal.support").count() == 1


def test_withdrawing_support_lowers_the_count_once(world):
    proposal = ProposalFactory(space=world.public)
    services.proposal_support(proposal=proposal, actor=world["member"])
    services.proposal_support(proposal=proposal, actor=world["participant"])
    assert services.proposal_unsupport(proposal=proposal, actor=world["member"]) is True
    assert services.proposal_unsupport(proposal=proposal, actor=world["member"]) is False
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    assert list(Support.objects.values_list("user", flat=True)) == [world["participant"].pk]
    assert last_entry("proposal.unsupport").actor == world["member"]


def test_support_can_be_given_again_after_it_was_withdrawn(world):
    proposal = ProposalFactory(space=world.public)
    services.proposal_support(proposal=proposal, actor=world["member"])
    services.proposal_unsupport(proposal=proposal, actor=world["member"])
    assert services.proposal_support(proposal=proposal, actor=world["member"]) is True
    proposal.refresh_from_db()
    assert proposal.support_count == 1


@pytest.mark.parametrize(
    "change",
    [{"status": Status.DECLINED}, {"status": Status.DONE}, {"hidden_reason": "Spam"}, {"merged": True}],
    ids=["declined", "done", "hidden", "merged"],
)
def test_closed_hidden_or_merged_proposals_take_no_support_or_comment(world, unchanged, change):
    proposal = ProposalFactory(space=world.public)
    if change.pop("merged", False):
        change["merged_into"] = ProposalFactory(space=world.public)
    Proposal.objects.filter(pk=proposal.pk).update(**change)
    proposal.refresh_from_db()
    with unchanged():
        with pytest.raises(NotAllowed):
            services.proposal_support(proposal=proposal, actor=world["member"])
        with pytest.raises(NotAllowed):
            services.comment_add(proposal=proposal, actor=world["member"], body="Hello")


@pytest.mark.parametrize("who", ["anonymous", "participant", "staff"])
def test_people_who_cannot_see_a_members_only_proposal_cannot_support_follow_or_comment(
    world, unchanged, who
):
    proposal = ProposalFactory(space=world.members_only)
    with unchanged():
        for action in (services.proposal_support, services.proposal_follow):
            with pytest.raises(NotAllowed):
                action(proposal=proposal, actor=world[who])
        with pytest.raises(NotAllowed):
            services.comment_add(proposal=proposal, actor=world[who], body="Hello")


def test_follow_and_unfollow_say_whether_anything_changed(world):
    proposal = ProposalFactory(space=world.public)
    actor = world["participant"]
    assert services.proposal_follow(proposal=proposal, actor=actor) is True
    assert services.proposal_follow(proposal=proposal, actor=actor) is False
    assert Follow.objects.filter(proposal=proposal).count() == 1
    assert services.proposal_unfollow(proposal=proposal, actor=actor) is True
    assert services.proposal_unfollow(proposal=proposal, actor=actor) is False
    assert not Follow.objects.exists()


def test_visitors_cannot_follow(world, unchanged):
    proposal = ProposalFactory(space=world.public)
    with unchanged(), pytest.raises(NotAllowed):
        services.proposal_follow(proposal=proposal, actor=AnonymousUser())


# Comments -----------------------------------------------------------------------------------------


def test_commenting_counts_the_comment_follows_the_proposal_and_is_logged(world):
    proposal = ProposalFactory(space=world.public)
    comment = services.comment_add(proposal=proposal, actor=world["participant"], body="*Good* idea")
    proposal.refresh_from_db()
    assert proposal.comment_count == 1
    assert comment.body_html == "<p><em>Good</em> idea</p>"
    assert Follow.objects.filter(proposal=proposal, user=world["participant"]).exists()
    assert last_entry("comment.add").object_id == str(comment.pk)


def test_hostile_markdown_in_a_comment_is_cleaned(world):
    comment = services.comment_add(
        proposal=ProposalFactory(space=world.public), actor=world["member"], body=HOSTILE
    )
    assert_clean(comment.body_html)


def test_replies_are_one_level_deep_a_reply_to_a_reply_joins_the_first_comment(world):
    proposal = ProposalFactory(space=world.public)
    top = services.comment_add(proposal=proposal, actor=world["member"], body="Top")
    reply = services.comment_add(proposal=proposal, actor=world["participant"], body="Reply", parent=top)
    deeper = services.comment_add(proposal=proposal, actor=world["member"], body="Deeper", parent=reply)
    assert reply.parent == top
    assert deeper.parent == top
    proposal.refresh_from_db()
    assert proposal.comment_count == 3


def test_a_reply_to_a_comment_on_another_proposal_is_refused(world, unchanged):
    elsewhere = CommentFactory(proposal=ProposalFactory(space=world.public))
    proposal = ProposalFactory(space=world.public)
    with unchanged(), pytest.raises(DomainError, match="same proposal"):
        services.comment_add(proposal=proposal, actor=world["member"], body="Hi", parent=elsewhere)


def test_an_empty_comment_is_refused(world, unchanged):
    proposal = ProposalFactory(space=world.public)
    with unchanged(), pytest.raises(DomainError, match="Write a comment."):
        services.comment_add(proposal=proposal, actor=world["member"], body="  ")


def _age(comment: Comment, minutes: int) -> Comment:
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - dt.timedelta(minutes=minutes))
    comment.refresh_from_db()
    return comment


def test_the_author_changes_a_comment_within_fifteen_minutes(world):
    comment = services.comment_add(
        proposal=ProposalFactory(space=world.public), actor=world["member"], body="Frist"
    )
    _age(comment, 14)
    services.comment_edit(comment=comment, actor=world["member"], body="First")
    comment.refresh_from_db()
    assert (comment.body, comment.body_html) == ("First", "<p>First</p>")
    assert comment.edited_at is not None
    assert last_entry("comment.edit").changes == {"body": ["Frist", "First"]}


def test_after_fifteen_minutes_the_comment_cannot_be_changed_and_says_why(world, unchanged):
    comment = services.comment_add(
        proposal=ProposalFactory(space=world.public), actor=world["member"], body="Old"
    )
    _age(comment, 16)
    with unchanged(), pytest.raises(DomainError) as error:
        services.comment_edit(comment=comment, actor=world["member"], body="New")
    assert str(error.value) == "A comment can only be changed in the first 15 minutes."
    comment.refresh_from_db()
    assert comment.body == "Old" and comment.edited_at is None


@pytest.mark.parametrize("who", ["participant", "facilitator"])
def test_nobody_else_changes_or_deletes_a_comment(world, unchanged, who):
    comment = services.comment_add(
        proposal=ProposalFactory(space=world.public), actor=world["member"], body="Mine"
    )
    with unchanged():
        with pytest.raises(NotAllowed):
            services.comment_edit(comment=comment, actor=world[who], body="Theirs")
        with pytest.raises(NotAllowed):
            services.comment_delete(comment=comment, actor=world[who])


def test_deleting_a_comment_leaves_a_deleted_placeholder_and_lowers_the_count(world):
    proposal = ProposalFactory(space=world.public)
    comment = services.comment_add(proposal=proposal, actor=world["member"], body="Regret")
    reply = services.comment_add(proposal=proposal, actor=world["participant"], body="Reply", parent=comment)
    _age(comment, 60)  # deleting has no time limit
    services.comment_delete(comment=comment, actor=world["member"])
    comment.refresh_from_db()
    assert comment.deleted_at is not None
    assert (comment.body, comment.body_html) == ("", "")
    assert Comment.objects.filter(pk=reply.pk).exists()  # the conversation below it stays
    proposal.refresh_from_db()
    assert proposal.comment_count == 1
    assert last_entry("comment.delete").actor == world["member"]


def test_a_deleted_comment_cannot_be_deleted_or_changed_again(world, unchanged):
    comment = services.comment_add(
        proposal=ProposalFactory(space=world.public), actor=world["member"], body="x"
    )
    services.comment_delete(comment=comment, actor=world["member"])
    with unchanged():
        with pytest.raises(NotAllowed):
            services.comment_delete(comment=comment, actor=world["member"])
        with pytest.raises((NotAllowed, DomainError)):
            services.comment_edit(comment=comment, actor=world["member"], body="back")


# Reports, hiding and merging ----------------------------------------------------------------------


def test_a_signed_in_person_reports_a_proposal_or_a_comment(world):
    proposal = ProposalFactory(space=world.public)
    comment = CommentFactory(proposal=proposal)
    first = services.report_create(proposal=proposal, actor=world["participant"], reason="Personal data")
    second = services.report_create(proposal=proposal, actor=world["member"], reason="Rude", comment=comment)
    assert (first.comment, first.reporter, first.resolved_at) == (None, world["participant"], None)
    assert second.comment == comment
    assert AuditLogEntry.objects.filter(action="proposal.report").count() == 2


def test_a_report_needs_a_reason_and_a_comment_of_the_same_proposal(world, unchanged):
    proposal = ProposalFactory(space=world.public)
    elsewhere = CommentFactory()
    with unchanged():
        with pytest.raises(DomainError, match="Say briefly what is wrong."):
            services.report_create(proposal=proposal, actor=world["member"], reason=" ")
        with pytest.raises(DomainError, match="same proposal"):
            services.report_create(proposal=proposal, actor=world["member"], reason="Rude", comment=elsewhere)
        with pytest.raises(NotAllowed):
            services.report_create(proposal=proposal, actor=AnonymousUser(), reason="Rude")


def test_hiding_a_proposal_keeps_the_public_reason_and_resolves_its_reports_only(world):
    proposal = ProposalFactory(space=world.public)
    comment = CommentFactory(proposal=proposal)
    on_proposal = Report.objects.create(proposal=proposal, reason="Spam")
    on_comment = Report.objects.create(proposal=proposal, comment=comment, reason="Rude")
    services.content_hide(proposal=proposal, actor=world["facilitator"], reason="Advertising")
    proposal.refresh_from_db()
    assert proposal.hidden_reason == "Advertising" and proposal.is_hidden
    assert Report.objects.get(pk=on_proposal.pk).resolved_at is not None
    assert Report.objects.get(pk=on_comment.pk).resolved_at is None
    entry = last_entry("proposal.hide")
    assert entry.changes == {"hidden_reason": ["", "Advertising"]}


def test_hiding_a_comment_resolves_that_comments_reports(world):
    proposal = ProposalFactory(space=world.public)
    comment, other = CommentFactory(proposal=proposal), CommentFactory(proposal=proposal)
    mine = Report.objects.create(proposal=proposal, comment=comment, reason="Rude")
    theirs = Report.objects.create(proposal=proposal, comment=other, reason="Rude")
    services.content_hide(proposal=proposal, actor=world["platform_admin"], reason="Insult", comment=comment)
    comment.refresh_from_db()
    assert comment.hidden_reason == "Insult"
    assert Report.objects.get(pk=mine.pk).resolved_at is not None
    assert Report.objects.get(pk=theirs.pk).resolved_at is None
    assert last_entry("comment.hide").object_id == str(comment.pk)


def test_hiding_needs_a_reason_a_moderator_and_a_comment_of_the_same_proposal(world, unchanged):
    proposal = ProposalFactory(space=world.public, responder=world["responder"])
    elsewhere = CommentFactory()
    with unchanged():
        with pytest.raises(DomainError, match="Write the reason"):
            services.content_hide(proposal=proposal, actor=world["facilitator"], reason=" ")
        for who in ("member", "responder", "staff"):
            with pytest.raises(NotAllowed):
                services.content_hide(proposal=proposal, actor=world[who], reason="No")
        with pytest.raises(DomainError, match="another proposal"):
            services.content_hide(
                proposal=proposal, actor=world["facilitator"], reason="No", comment=elsewhere
            )


def test_merging_moves_supports_and_followers_without_duplicates_and_links_both_ways(world):
    duplicate = ProposalFactory(space=world.public, author=world["member"], title="Duplicate")
    into = ProposalFactory(space=world.public, title="Original")
    a, b, c = UserFactory(), UserFactory(), UserFactory()
    for person in (a, b):
        services.proposal_support(proposal=duplicate, actor=person)
    for person in (b, c):
        services.proposal_support(proposal=into, actor=person)
    services.proposal_merge(duplicate=duplicate, into=into, actor=world["facilitator"])
    duplicate.refresh_from_db()
    into.refresh_from_db()
    assert sorted(Support.objects.filter(proposal=into).values_list("user", flat=True)) == [a.pk, b.pk, c.pk]
    assert into.support_count == 3
    assert (duplicate.support_count, duplicate.supports.count(), duplicate.follows.count()) == (0, 0, 0)
    followers = list(Follow.objects.filter(proposal=into).values_list("user", flat=True))
    assert sorted(followers) == sorted([a.pk, b.pk, c.pk, world["member"].pk])  # the author follows too
    assert duplicate.merged_into == into
    assert list(into.merged_from.all()) == [duplicate]
    told = set(Notification.objects.filter(event=Notification.Event.MERGED).values_list("user", flat=True))
    assert told == set(followers)
    assert last_entry("proposal.merge").changes == {"merged_into": [None, "Original"]}


@pytest.mark.parametrize("case", ["itself", "other space", "into merged", "already merged"])
def test_merges_that_make_no_sense_are_refused(world, unchanged, case):
    duplicate = ProposalFactory(space=world.public)
    into = {
        "itself": duplicate,
        "other space": ProposalFactory(space=world.members_only),
        "into merged": ProposalFactory(space=world.public, merged_into=ProposalFactory(space=world.public)),
        "already merged": ProposalFactory(space=world.public),
    }[case]
    if case == "already merged":
        Proposal.objects.filter(pk=duplicate.pk).update(merged_into=ProposalFactory(space=world.public))
        duplicate.refresh_from_db()
    with unchanged(), pytest.raises(DomainError):
        services.proposal_merge(duplicate=duplicate, into=into, actor=world["facilitator"])


def test_only_moderators_merge(world, unchanged):
    duplicate, into = ProposalFactory(space=world.public), ProposalFactory(space=world.public)
    with unchanged(), pytest.raises(NotAllowed):
        services.proposal_merge(duplicate=duplicate, into=into, actor=world["member"])


# Themes -------------------------------------------------------------------------------------------


def test_the_facilitator_adds_and_changes_themes_and_the_audit_log_keeps_the_values(world):
    theme = services.theme_save(
        space=world.public, actor=world["facilitator"], name=" Housing ", responder=world["responder"]
    )
    assert (theme.name, theme.responder, theme.position) == ("Housing", world["responder"], 0)
    assert last_entry("theme.save").changes == {
        "name": [None, "Housing"],
        "responder": [None, "Responder Person"],
        "responder_organisation": [None, None],
    }
    services.theme_save(
        space=world.public, actor=world["facilitator"], theme=theme, name="Housing support", responder=None
    )
    theme.refresh_from_db()
    assert (theme.name, theme.responder) == ("Housing support", None)
    assert last_entry("theme.save").changes == {
        "name": ["Housing", "Housing support"],
        "responder": ["Responder Person", None],
    }


def test_a_theme_name_is_unique_in_its_space_whatever_the_case(world, unchanged):
    services.theme_save(space=world.public, actor=world["facilitator"], name="Housing")
    with unchanged():
        with pytest.raises(DomainError, match="already has a theme with that name"):
            services.theme_save(space=world.public, actor=world["facilitator"], name="HOUSING")
        with pytest.raises(DomainError, match="Write a name"):
            services.theme_save(space=world.public, actor=world["facilitator"], name="  ")
    assert services.theme_save(space=world.members_only, actor=world["facilitator"], name="Housing")


@pytest.mark.parametrize("who", ["member", "responder", "staff", "org_admin"])
def test_only_facilitators_manage_themes(world, unchanged, who):
    with unchanged(), pytest.raises(NotAllowed):
        services.theme_save(space=world.public, actor=world[who], name="Housing")


# Unsubscribing ------------------------------------------------------------------------------------


def test_unsubscribing_from_one_proposal_stops_following_only_that_one(world):
    one, two = ProposalFactory(space=world.public), ProposalFactory(space=world.public)
    person = world["member"]
    for proposal in (one, two):
        Follow.objects.create(proposal=proposal, user=person)
    services.unsubscribe(user_id=person.pk, email="", proposal=one, everything=False)
    assert list(Follow.objects.filter(user=person).values_list("proposal", flat=True)) == [two.pk]
    person.refresh_from_db()
    assert person.email_notifications is True
    assert last_entry("proposal.unsubscribe").changes == {"all": [None, False]}


def test_unsubscribing_from_everything_turns_email_off(world):
    person = world["member"]
    services.unsubscribe(user_id=person.pk, email="", proposal=None, everything=True)
    person.refresh_from_db()
    assert person.email_notifications is False


def test_an_anonymous_author_unsubscribes_by_deleting_the_contact_email(world):
    proposal = ProposalFactory(space=world.public, author=None, contact_email="anon@example.org")
    services.unsubscribe(user_id=None, email="someone-else@example.org", proposal=proposal, everything=False)
    proposal.refresh_from_db()
    assert proposal.contact_email == "anon@example.org"
    services.unsubscribe(user_id=None, email="ANON@example.org", proposal=proposal, everything=False)
    proposal.refresh_from_db()
    assert proposal.contact_email == ""


# The responsible unit is an organisation; its members who are not staff cannot answer.


def test_plain_members_of_the_responsible_unit_cannot_answer(world, unchanged):
    unit = OrganisationFactory(kind=Organisation.Kind.SERVICE, parent=world.owner)
    person = UserFactory()
    OrganisationMembershipFactory(organisation=unit, user=person, role=OrganisationMembership.Role.MEMBER)
    proposal = ProposalFactory(space=SpaceFactory(organisations=[world.owner]), responder_organisation=unit)
    with unchanged(), pytest.raises(NotAllowed):
        services.proposal_answer(proposal=proposal, actor=person, status=Status.RECEIVED, text="Hi")


# A platform admin passes every permission check; the services still refuse what makes no sense.


def test_a_platform_admin_cannot_change_or_delete_someone_elses_comment_but_can_hide_it(world, unchanged):
    proposal = ProposalFactory(space=world.public)
    comment = services.comment_add(proposal=proposal, actor=world["member"], body="Mine")
    with unchanged():
        with pytest.raises(NotAllowed):
            services.comment_edit(comment=comment, actor=world["platform_admin"], body="Not yours")
        with pytest.raises(NotAllowed):
            services.comment_delete(comment=comment, actor=world["platform_admin"])
    services.content_hide(proposal=proposal, actor=world["platform_admin"], reason="Insult", comment=comment)
    comment.refresh_from_db()
    assert (comment.body, comment.hidden_reason, comment.deleted_at) == ("Mine", "Insult", None)


def test_a_platform_admin_cannot_change_their_own_comment_after_fifteen_minutes_either(world, unchanged):
    comment = services.comment_add(
        proposal=ProposalFactory(space=world.public), actor=world["platform_admin"], body="Old"
    )
    _age(comment, 16)
    with unchanged(), pytest.raises(DomainError, match="first 15 minutes"):
        services.comment_edit(comment=comment, actor=world["platform_admin"], body="New")


@pytest.mark.parametrize(
    "change", [{"status": Status.DECLINED}, {"hidden_reason": "Spam"}], ids=["closed", "hidden"]
)
def test_a_platform_admin_cannot_support_or_comment_on_a_closed_or_hidden_proposal(world, unchanged, change):
    proposal = ProposalFactory(space=world.public, **change)
    with unchanged():
        with pytest.raises(NotAllowed):
            services.proposal_support(proposal=proposal, actor=world["platform_admin"])
        with pytest.raises(NotAllowed):
            services.comment_add(proposal=proposal, actor=world["platform_admin"], body="Hi")


def test_a_platform_admin_cannot_support_a_merged_duplicate(world, unchanged):
    proposal = ProposalFactory(space=world.public, merged_into=ProposalFactory(space=world.public))
    with unchanged(), pytest.raises(NotAllowed):
        services.proposal_support(proposal=proposal, actor=world["platform_admin"])
