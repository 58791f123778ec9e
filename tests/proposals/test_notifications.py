"""Emails: the weekly overdue digest, and unsubscribe links that work from the email itself."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import ngettext

from medvind.proposals import services
from medvind.proposals.models import Follow, Proposal, Status
from medvind.proposals.tasks import send_overdue_digest
from tests.factories import ProposalFactory, UserFactory
from tests.helpers import page

pytestmark = pytest.mark.django_db


def overdue(space, days: int, **kwargs) -> Proposal:
    proposal = ProposalFactory(space=space, **kwargs)
    Proposal.objects.filter(pk=proposal.pk).update(deadline=timezone.localdate() - dt.timedelta(days=days))
    return proposal


def unsubscribe_path(message) -> str:
    match = re.search(r"(\S+/unsubscribe/\S+/)", message.body)
    assert match, "the email has no unsubscribe link"
    assert message.extra_headers["List-Unsubscribe"] == f"<{match[1]}>"
    assert match[1].startswith(settings.MEDVIND_BASE_URL)
    return match[1].removeprefix(settings.MEDVIND_BASE_URL)


@pytest.fixture
def late(world):
    """Overdue and not overdue proposals in both spaces of the world."""
    world["responder"].language = "sv"
    world["responder"].save()
    return {
        "ramps": overdue(world.public, 3, title="Ramps", responder=world["responder"]),
        "secret": overdue(world.members_only, 10, title="Secret letter"),
        "due_today": overdue(world.public, 0, title="Due today", responder=world["responder"]),
        "answered": overdue(
            world.public, 5, title="Answered late", responder=world["responder"], answered_at=timezone.now()
        ),
        "closed": overdue(world.public, 5, title="Closed", closed_at=timezone.now(), status=Status.DONE),
    }


def test_the_weekly_digest_lists_overdue_proposals_to_their_responders_and_facilitators(
    world, late, mailoutbox
):
    assert send_overdue_digest.call() == 2
    by_person = {m.to[0]: m for m in mailoutbox}
    assert set(by_person) == {world["responder"].email, world["facilitator"].email}
    to_facilitator = by_person[world["facilitator"].email].body
    assert "2 proposals that you answer for, or facilitate, are waiting" in to_facilitator
    assert "- Ramps (3 days overdue)" in to_facilitator
    assert "- Secret letter (10 days overdue)" in to_facilitator
    to_responder = by_person[world["responder"].email].body  # the responder reads Swedish
    with translation.override("sv"):
        days = ngettext("%(counter)s day overdue", "%(counter)s days overdue", 3) % {"counter": 3}
    assert f"- Ramps ({days})" in to_responder
    assert "/sv/spaces/open-forum/proposals/" in to_responder
    for message in mailoutbox:
        for title in ("Due today", "Answered late", "Closed"):
            assert title not in message.body
        assert unsubscribe_path(message)


def test_the_digest_is_not_sent_to_people_who_turned_email_off(world, late, mailoutbox):
    world["facilitator"].email_notifications = False
    world["facilitator"].save()
    send_overdue_digest.call()
    assert [m.to for m in mailoutbox] == [[world["responder"].email]]


def test_the_digest_command_sends_the_digest(world, late, mailoutbox, capsys):
    call_command("send_overdue_digest")
    assert "Overdue digest queued" in capsys.readouterr().out
    assert len(mailoutbox) == 2


def test_no_overdue_proposals_means_no_digest(world, mailoutbox):
    overdue(world.public, 0, responder=world["responder"])
    assert send_overdue_digest.call() == 0
    assert mailoutbox == []


def test_the_digests_unsubscribe_link_turns_off_all_email(client, world, late, mailoutbox):
    send_overdue_digest.call()
    message = next(m for m in mailoutbox if m.to == [world["facilitator"].email])
    path = unsubscribe_path(message)
    response = client.get(path)
    assert response.status_code == 200
    assert "Stop all emails from Medvind" in page(response)
    response = client.post(path, {"scope": "all"})
    assert "Done. You will not get these emails any more." in page(response)
    world["facilitator"].refresh_from_db()
    assert world["facilitator"].email_notifications is False


@pytest.fixture
def answered(world, mailoutbox, after_commit):
    """A proposal followed by the member and answered by the facilitator: the member has an email."""
    proposal = ProposalFactory(space=world.public, title="Benches in the park")
    Follow.objects.create(proposal=proposal, user=world["member"])
    with after_commit():
        services.proposal_answer(
            proposal=proposal, actor=world["facilitator"], status=Status.RECEIVED, text="We read it."
        )
    (message,) = mailoutbox
    return proposal, message


def test_the_answer_emails_unsubscribe_link_stops_emails_about_that_proposal(client, world, answered):
    proposal, message = answered
    path = unsubscribe_path(message)
    response = client.get(path)
    assert response.status_code == 200
    assert "You get emails about “Benches in the park”." in page(response)
    response = client.post(path, {"scope": "proposal"})
    assert response.status_code == 200
    assert not Follow.objects.filter(proposal=proposal, user=world["member"]).exists()
    world["member"].refresh_from_db()
    assert world["member"].email_notifications is True


def test_the_answer_emails_unsubscribe_link_can_also_stop_all_emails(client, world, answered):
    _proposal, message = answered
    client.post(unsubscribe_path(message), {"scope": "all"})
    world["member"].refresh_from_db()
    assert world["member"].email_notifications is False


def test_one_click_unsubscribe_from_a_mail_program_works_without_a_form(world, answered):
    """RFC 8058: the mail program posts List-Unsubscribe=One-Click to the link, without a CSRF token."""
    proposal, message = answered
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_path(message), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not Follow.objects.filter(proposal=proposal, user=world["member"]).exists()


def test_one_click_unsubscribe_from_the_digest_turns_off_all_email(world, late, mailoutbox):
    send_overdue_digest.call()
    message = next(m for m in mailoutbox if m.to == [world["facilitator"].email])
    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_path(message), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    world["facilitator"].refresh_from_db()
    assert world["facilitator"].email_notifications is False


def test_an_anonymous_author_unsubscribes_through_the_link_in_the_answer_email(
    client, world, mailoutbox, after_commit
):
    proposal = ProposalFactory(space=world.public, author=None, contact_email="anon@example.org")
    with after_commit():
        services.proposal_answer(
            proposal=proposal, actor=world["facilitator"], status=Status.RECEIVED, text="Thanks."
        )
    (message,) = mailoutbox
    path = unsubscribe_path(message)
    response = client.get(path)
    assert "Stop emails about this proposal" in page(response)
    assert "Stop all emails from Medvind" not in page(response)  # there is no account to turn off
    client.post(path, {"scope": "proposal"})
    proposal.refresh_from_db()
    assert proposal.contact_email == ""


def test_a_tampered_unsubscribe_link_is_not_found(client, world, answered):
    _proposal, message = answered
    path = unsubscribe_path(message)
    assert client.get(path[:-3] + "xx/").status_code == 404
    assert client.post(path[:-3] + "xx/", {"scope": "all"}).status_code == 404
    world["member"].refresh_from_db()
    assert world["member"].email_notifications is True


def test_a_person_whose_account_is_deleted_gets_no_answer_email(world, mailoutbox, after_commit):
    proposal = ProposalFactory(space=world.public)
    gone = UserFactory(deleted_at=timezone.now())
    Follow.objects.create(proposal=proposal, user=gone)
    with after_commit():
        services.proposal_answer(
            proposal=proposal, actor=world["facilitator"], status=Status.RECEIVED, text="Thanks."
        )
    assert mailoutbox == []


def test_followers_are_emailed_when_a_proposal_is_merged_and_can_unsubscribe(
    client, world, mailoutbox, after_commit
):
    duplicate = ProposalFactory(space=world.public, title="Park benches", author=world["member"])
    into = ProposalFactory(space=world.public, title="Benches in the park")
    Follow.objects.create(proposal=duplicate, user=world["participant"])
    with after_commit():
        services.proposal_merge(duplicate=duplicate, into=into, actor=world["facilitator"])
    assert sorted(m.to[0] for m in mailoutbox) == sorted([world["member"].email, world["participant"].email])
    message = mailoutbox[0]
    assert message.subject == "“Park benches” was merged with another proposal"
    assert client.get(unsubscribe_path(message)).status_code == 200
