"""Forums as people use them: members set the agenda by proposing and voting for themes; a participant
registers with an interpreter need, the facilitator sees it, the meeting is held, and the minutes hold a
decision that answers the participant's proposal, so the participant is told by email and in the app."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from medvind.accounts.models import User
from medvind.core.models import Space
from medvind.forums import demo as forums_demo
from medvind.forums.models import AgendaItem, Meeting, Registration
from medvind.proposals import demo as proposals_demo
from medvind.proposals import services as proposal_services
from medvind.proposals.models import Notification, Proposal, Status

from .helpers import expect, last_email_to
from .proposals_helpers import sign_in_at

pytestmark = pytest.mark.e2e

GROUP = "gemensam-utvecklingsgrupp-for-socialtjansten"
COMING = "Utvecklingsgruppen: dagordning från medlemmarna"


@pytest.fixture
def forums(demo):
    proposals_demo.load_demo()
    forums_demo.load_demo()
    mail.outbox.clear()


def test_a_member_proposes_a_theme_that_others_vote_onto_the_agenda(new_page, forums):
    meeting = Meeting.objects.get(title=COMING)
    path = f"/en/spaces/{GROUP}/meetings/{meeting.pk}/"
    theme = "Contact person in the evening"

    member = new_page()
    sign_in_at(member, "participant@demo.example", path)
    proposed = member.get_by_role("region", name="Themes proposed by members")
    proposed.get_by_label("Theme you want to talk about").fill(theme)
    proposed.get_by_label("Why it matters").fill("Crises often happen after office hours.")
    proposed.get_by_role("button", name="Propose the theme").click()
    expect(member.get_by_role("status")).to_have_text("Your theme is proposed. Members can now vote for it.")
    expect(member.get_by_role("region", name="Themes proposed by members")).to_contain_text(theme)

    for email in ("auditor@demo.example", "responder@demo.example"):
        voter = new_page()
        sign_in_at(voter, email, path)
        voter.get_by_role("button", name=f"Vote for {theme}").click()
        expect(voter.get_by_role("status")).to_have_text("Thank you. Your vote is counted.")
        expect(voter.get_by_role("button", name=f"Withdraw my vote for {theme}")).to_be_visible()
    item = AgendaItem.objects.get(title=theme)
    assert item.vote_count == 2

    facilitator = new_page()
    sign_in_at(facilitator, "facilitator@demo.example", path)
    expect(facilitator.get_by_role("region", name="Themes proposed by members")).to_contain_text("2 votes")
    facilitator.get_by_role("link", name="Arrange the agenda").click()
    expect(facilitator.get_by_role("heading", level=1)).to_have_text(f"Agenda of {COMING}")
    facilitator.get_by_label(f"Status of {theme}").select_option(label="On the agenda")
    facilitator.get_by_label(f"Order of {theme}").fill("2")
    facilitator.get_by_role("button", name=f"Save {theme}").click()
    expect(facilitator.get_by_role("status")).to_have_text("The agenda is saved.")
    facilitator.goto(path)
    expect(facilitator.get_by_role("region", name="Agenda")).to_contain_text(theme)
    expect(facilitator.get_by_role("region", name="Agenda")).to_contain_text(
        "Kommande frågor"
    )  # the standing item, in the forum’s language


def test_registration_with_an_interpreter_need_to_minutes_that_answer_a_proposal(new_page, forums):
    group = Space.objects.get(slug=GROUP)
    participant = User.objects.get(email="participant@demo.example")
    facilitator_user = User.objects.get(email="facilitator@demo.example")
    proposal = proposal_services.proposal_submit(
        space=group,
        actor=participant,
        title="Interpreter at every meeting",
        body="Book an interpreter for every meeting without being asked.",
        language="en",
    )
    for status in (Status.RECEIVED, Status.UNDER_CONSIDERATION):
        proposal_services.proposal_answer(
            proposal=proposal, actor=facilitator_user, status=status, text="Noted."
        )
    mail.outbox.clear()
    Notification.objects.all().delete()

    # The facilitator plans a meeting.
    facilitator = new_page()
    sign_in_at(facilitator, "facilitator@demo.example", f"/en/spaces/{GROUP}/meetings/new/")
    day = timezone.localdate() + dt.timedelta(days=14)
    facilitator.get_by_label("Title", exact=True).fill("Follow-up meeting")
    facilitator.get_by_label("Starts").fill(f"{day.isoformat()}T13:00")
    facilitator.get_by_label("Ends").fill(f"{day.isoformat()}T12:00")
    facilitator.get_by_role("textbox", name="Place").fill("Stadshuset, sal Kärnan")
    facilitator.get_by_label("Spoken-language interpreter").check()
    facilitator.get_by_role("button", name="Save the meeting").click()
    expect(facilitator.get_by_label("Ends")).to_have_accessible_description(
        "Must be after the start. The meeting must end after it starts. Check the end time."
    )
    facilitator.get_by_label("Ends").fill(f"{day.isoformat()}T15:00")
    facilitator.get_by_role("button", name="Save the meeting").click()
    expect(facilitator.get_by_role("status")).to_have_text("The meeting is created.")
    meeting = Meeting.objects.get(title="Follow-up meeting")
    path = f"/en/spaces/{GROUP}/meetings/{meeting.pk}/"

    # A participant registers with an interpreter need.
    person = new_page()
    sign_in_at(person, "participant@demo.example", path)
    person.get_by_role("link", name="Register").click()
    expect(person.get_by_role("heading", level=1)).to_have_text("Register for Follow-up meeting")
    person.get_by_label("I need an interpreter for this language").fill("Somali")
    person.get_by_role("button", name="Register").click()
    expect(person.get_by_role("status")).to_have_text("You are registered. Welcome!")

    # The facilitator sees the need.
    facilitator.goto(path)
    facilitator.get_by_role("link", name="Registrations and attendance").click()
    expect(facilitator.get_by_role("table")).to_contain_text("Interpreter: Somali")

    # The meeting takes place.
    start = timezone.now() - dt.timedelta(hours=3)
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=start, ends_at=start + dt.timedelta(hours=2))
    facilitator.goto(path)
    facilitator.get_by_role("button", name="Mark the meeting as held").click()
    expect(facilitator.get_by_role("status")).to_contain_text("The meeting is marked as held.")
    facilitator.get_by_role("link", name="Registrations and attendance").click()
    expect(facilitator.get_by_role("heading", level=1)).to_have_text("Registrations for Follow-up meeting")
    name = participant.public_name
    facilitator.get_by_label(f"Did {name} attend?").select_option(label="Attended")
    facilitator.get_by_role("button", name="Save attendance").click()
    expect(facilitator.get_by_role("status")).to_have_text("Attendance is saved.")
    assert Registration.objects.get(meeting=meeting, user=participant).attended is True

    # Minutes with a decision that answers the proposal.
    facilitator.goto(path + "minutes/")
    facilitator.get_by_label("Summary of the meeting").fill("We talked about interpreters.")
    facilitator.get_by_role("button", name="Save the notes").click()
    expect(facilitator.get_by_role("status")).to_have_text("The minutes are saved as a draft.")
    decision = "The group accepts: an interpreter is booked for every meeting."
    facilitator.get_by_label("Decision", exact=True).fill(decision)
    facilitator.get_by_label("The decision answers this proposal").select_option(label=proposal.title)
    facilitator.get_by_label("New status of the proposal").select_option(label="Accepted")
    facilitator.get_by_role("button", name="Add the decision").click()
    expect(facilitator.get_by_role("status")).to_have_text("The decision is added.")
    facilitator.get_by_role("button", name="Publish the minutes to the forum").click()
    expect(facilitator.get_by_role("status")).to_have_text("The minutes are published to the forum.")

    proposal.refresh_from_db()
    assert proposal.status == Status.ACCEPTED
    message = last_email_to("participant@demo.example")
    assert message.subject == "Nytt svar på ”Interpreter at every meeting”"  # in the participant’s Swedish
    assert decision in message.body
    assert Notification.objects.filter(user=participant, proposal=proposal, event="answered").exists()

    # Everyone sees the published minutes; the author sees the answer on the proposal.
    visitor = new_page()
    visitor.goto(path)
    expect(visitor.get_by_role("region", name="Minutes")).to_contain_text(decision)
    person.goto(f"/en/spaces/{GROUP}/proposals/{proposal.pk}/")
    expect(person.get_by_role("main")).to_contain_text(decision)
    assert Proposal.objects.get(pk=proposal.pk).answers.count() == 3
