"""Proposals from start to answer, as people see them: the anonymous postbox answered by email, and a
signed proposal that goes to its theme's responder and is followed all the way to "Done"."""

import datetime as dt

import pytest
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from medvind.accounts.models import User
from medvind.proposals.models import Notification, Proposal

from .helpers import expect, last_email_to
from .proposals_helpers import (
    GROUP,
    WORKSHOP,
    links_in,
    load_proposals_demo,
    local_path,
    mail_to,
    publish_answer,
    sign_in_at,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def proposals_demo(demo):
    load_proposals_demo()


def test_an_anonymous_letter_to_the_postbox_is_answered_by_email(new_page, proposals_demo):
    contact = "visitor.without.account@example.org"
    title = "The save button is hard to see"
    text = "The **Save** button is light grey on white. Please make it darker, so everyone can see it."

    # A visitor without an account opens the Danish workshop and writes to its postbox, in English.
    visitor = new_page()
    visitor.goto(f"/en/spaces/{WORKSHOP}/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Workshop og paneldebat om fagsystemet")
    visitor.get_by_role("link", name="Write to the postbox, no name needed").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Send a proposal")
    expect(visitor.get_by_text("You write without your name.", exact=False)).to_be_visible()
    visitor.get_by_label("Title").fill(title)
    visitor.get_by_label("Your proposal").fill(text)
    visitor.get_by_label("Your email address, if you want to hear back").fill(contact)
    visitor.get_by_role("button", name="Send the proposal").click()

    # The confirmation says when the answer is due: 21 days from today in this space.
    deadline = timezone.localdate() + dt.timedelta(days=21)
    with translation.override("en"):  # the page is in English
        due = formats.date_format(deadline, "DATE_FORMAT")
    expect(visitor.get_by_role("status")).to_have_text(
        f"Thank you! Your proposal is sent. It will be answered by {due}."
    )
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    expect(visitor.get_by_text("Sent without a name")).to_be_visible()
    expect(visitor.locator(".mv-user-text strong")).to_have_text("Save")
    timeline = visitor.get_by_role("region", name="What happened")
    expect(timeline).to_contain_text("No answer yet.")
    letter = Proposal.objects.get(title=title)
    assert letter.author is None and letter.contact_email == contact and letter.language == "en"

    # The platform administrator, who runs the space, answers the letter in another browser.
    admin = new_page()
    sign_in_at(admin, "admin@demo.example", f"/en/spaces/{WORKSHOP}/proposals/{letter.pk}/")
    expect(admin.get_by_role("heading", level=1)).to_have_text(title)
    expect(admin.get_by_role("main")).not_to_contain_text(contact)  # "Nobody else sees it."
    answer = "Thank you. We make the button darker in the next version of the system."
    publish_answer(admin, "en", "Received", answer)

    # The visitor gets the answer by email, with a link to the proposal and one to stop the emails.
    message = last_email_to(contact)
    assert message.subject == f"New answer to “{title}”"
    assert answer in message.body
    assert "Status: Received" in message.body
    proposal_link, unsubscribe_link = links_in(message)
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_link}>"
    visitor.goto(local_path(proposal_link))
    expect(timeline).to_contain_text(answer)
    expect(timeline.locator(".mv-status")).to_have_text("Received")

    # The unsubscribe link works: it asks first, then confirms.
    visitor.goto(local_path(unsubscribe_link))
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Stop emails")
    expect(visitor.get_by_role("main")).to_contain_text(f"You get emails about “{title}”.")
    visitor.get_by_role("button", name="Stop emails about this proposal").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Emails stopped")
    expect(visitor.get_by_text("Done. You will not get these emails any more.")).to_be_visible()
    visitor.get_by_role("link", name="Back to the proposal").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    letter.refresh_from_db()
    assert letter.contact_email == ""

    # The next answer sends no more email to the visitor.
    sent = len(mail_to(contact))
    publish_answer(admin, "en", "Under consideration", "We talk to the supplier about the colours.")
    assert len(mail_to(contact)) == sent


ANSWERS = [
    ("Received", "Thank you for the proposal. We read it on Monday.", None),
    ("Under consideration", "We ask the reception how it can be done.", None),
    ("Accepted", "Yes: we put up a sign with pictures at the entrance.", None),
    ("In progress", "The sign is ordered.", 40),
    ("Done", "The sign is up. Thank you for the idea!", None),
]


def test_a_proposal_goes_to_its_themes_responder_and_is_followed_to_done(new_page, proposals_demo):
    title = "A sign with pictures at the entrance"
    responder = User.objects.get(email="responder@demo.example")

    # Pia signs in and sends a proposal on the theme "Bemötande och information".
    pia = new_page()
    sign_in_at(pia, "participant@demo.example", f"/en/spaces/{GROUP}/proposals/")
    pia.get_by_role("main").get_by_role("link", name="Send a proposal").click()
    expect(pia.get_by_role("heading", level=1)).to_have_text("Send a proposal")
    pia.get_by_label("Title").fill(title)
    pia.get_by_label("Your proposal").fill("It is hard to find the right door. A sign with pictures helps.")
    pia.get_by_label("Theme").select_option(label="Bemötande och information")
    pia.get_by_role("button", name="Send the proposal").click()
    expect(pia.get_by_role("heading", level=1)).to_have_text(title)
    expect(pia.get_by_role("status")).to_contain_text("Thank you! Your proposal is sent.")
    # The theme's responder is chosen automatically.
    expect(pia.get_by_text("Responsible for the answer:")).to_contain_text(responder.display_name)

    # The new proposal is at the top of the list.
    pia.get_by_role("navigation", name="You are here").get_by_role("link", name="Proposals").click()
    first = pia.get_by_role("list", name="Proposals").get_by_role("listitem").first
    expect(first.get_by_role("heading")).to_have_text(title)
    expect(first).to_contain_text("Submitted")
    expect(first).to_contain_text("Bemötande och information")

    pia_unread = Notification.objects.filter(
        user__email="participant@demo.example", read_at__isnull=True
    ).count()

    # The responder signs in and sees the new notification in the header.
    proposal = Proposal.objects.get(title=title)
    assert proposal.responder == responder
    unread = Notification.objects.filter(user=responder, read_at__isnull=True).count()
    assert unread >= 1
    rasmus = new_page()
    sign_in_at(rasmus, responder.email, "/en/")
    menu = rasmus.get_by_role("navigation", name="Main menu")
    menu.get_by_role("link", name=f"Notifications ({unread} new)").click()
    expect(rasmus.get_by_role("heading", level=1)).to_have_text("Notifications")
    newest = rasmus.get_by_role("main").get_by_role("listitem").first
    expect(newest).to_contain_text("New: You are the responder")
    newest.get_by_role("link", name=title).click()
    expect(rasmus.get_by_role("heading", level=1)).to_have_text(title)

    # He answers step by step, each time with a public text.
    for status, text, progress in ANSWERS:
        publish_answer(rasmus, "en", status, text, progress)
    expect(rasmus.get_by_text("This proposal is closed. It cannot get a new status.")).to_be_visible()

    # Pia sees the whole timeline, the progress and the status "Done".
    pia.goto(f"/en/spaces/{GROUP}/proposals/{proposal.pk}/")
    expect(pia.get_by_role("heading", level=1)).to_have_text(title)
    expect(pia.get_by_role("article").locator(".mv-status")).to_have_text("Done")
    timeline = pia.get_by_role("region", name="What happened").get_by_role("listitem")
    expect(timeline).to_have_count(1 + len(ANSWERS))
    expect(timeline.first).to_contain_text("The proposal was sent.")
    for i, (status, text, progress) in enumerate(ANSWERS, start=1):
        expect(timeline.nth(i).locator(".mv-status")).to_have_text(status)
        expect(timeline.nth(i)).to_contain_text(text)
        if progress is not None:
            expect(timeline.nth(i)).to_contain_text(f"{progress} %")
    expect(pia.get_by_role("progressbar", name="Progress")).to_have_attribute("value", "100")

    # She has a notification for each answer, newest first, and can mark them as read.
    menu = pia.get_by_role("navigation", name="Main menu")
    menu.get_by_role("link", name=f"Notifications ({pia_unread + len(ANSWERS)} new)").click()
    items = pia.get_by_role("main").get_by_role("listitem")
    expect(items).to_have_count(pia_unread + len(ANSWERS))
    for item, (_status, text, _progress) in zip(items.all(), reversed(ANSWERS), strict=False):
        expect(item).to_contain_text(f"New: New answer: {title}")
        expect(item).to_contain_text(text)
    pia.get_by_role("button", name="Mark all as read").click()
    expect(pia.get_by_role("status")).to_have_text("All notifications are marked as read.")
    expect(menu.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    expect(pia.get_by_text("New:")).to_have_count(0)

    # And an email for each answer, with the answer, a link to the proposal and one to stop emails.
    emails = mail_to("participant@demo.example")
    # Pia chose Swedish: her emails are in Swedish.
    with translation.override("sv"):
        subject = gettext("New answer to “%(title)s”") % {"title": title}
    assert subject.startswith("Nytt svar")
    assert [m.subject for m in emails] == [subject] * len(ANSWERS)
    for message, (_status, text, _progress) in zip(emails, ANSWERS, strict=True):
        assert text in message.body
        proposal_link, unsubscribe_link = links_in(message)
        assert local_path(proposal_link) == f"/sv/spaces/{GROUP}/proposals/{proposal.pk}/"
        assert "/unsubscribe/" in unsubscribe_link
