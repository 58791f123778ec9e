"""The forums services: meetings, registrations with a waiting list, agenda, minutes, action items."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import AuditLogEntry, Space
from medvind.forums import services
from medvind.forums.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MeetingState,
    MinutesState,
    Registration,
)
from medvind.proposals.models import Follow, Kind, Notification, Status
from tests.factories import ProposalFactory, SpaceFactory, SpaceMembershipFactory

from .factories import AgendaItemFactory, MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
R = Registration.Status


def _values(**overrides):
    start = timezone.now() + dt.timedelta(days=10)
    values = {
        "title": "Gemensam utvecklingsgrupp, mars",
        "theme": "Uppföljning av SWOT",
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=2),
        "place": "Helsingborgs stadshus, sal 2",
        "online_url": "",
        "capacity": None,
    }
    values.update(overrides)
    return values


@pytest.fixture
def forum(world):
    return world.public


def held(meeting: Meeting) -> Meeting:
    Meeting.objects.filter(pk=meeting.pk).update(
        state=MeetingState.HELD,
        starts_at=timezone.now() - dt.timedelta(days=1, hours=2),
        ends_at=timezone.now() - dt.timedelta(days=1),
    )
    meeting.refresh_from_db()
    return meeting


class TestMeetings:
    def test_facilitator_creates_a_meeting_with_the_standing_item_coming_questions(self, world, forum):
        meeting = services.meeting_create(space=forum, actor=world["facilitator"], **_values(step_free=True))
        assert meeting.state == MeetingState.PLANNED
        standing = AgendaItem.objects.get(meeting=meeting)
        assert standing.is_standing and standing.status == AgendaItem.Status.SCHEDULED
        with translation.override(forum.language):  # named in the forum's language, not the actor's
            assert standing.title == gettext("Coming questions")
        assert meeting.step_free and meeting.access_labels == ["Step-free access"]
        assert AuditLogEntry.objects.filter(action="meeting.create", object_id=str(meeting.pk)).exists()

    @pytest.mark.parametrize("role", ["anonymous", "participant", "member", "representative", "staff"])
    def test_others_cannot_create_meetings(self, world, forum, role, unchanged):
        with unchanged(), pytest.raises(NotAllowed):
            services.meeting_create(space=forum, actor=world[role], **_values())

    def test_a_meeting_that_ends_before_it_starts_is_refused(self, world, forum, unchanged):
        start = timezone.now() + dt.timedelta(days=3)
        with unchanged(), pytest.raises(DomainError, match="must end after it starts"):
            services.meeting_create(
                space=forum, actor=world["facilitator"], **_values(starts_at=start, ends_at=start)
            )

    @pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "data:text/html,x"])
    def test_an_online_link_must_be_http_or_https(self, world, forum, url, unchanged):
        with unchanged(), pytest.raises(DomainError, match="https://"):
            services.meeting_create(space=forum, actor=world["facilitator"], **_values(online_url=url))

    def test_a_meeting_needs_a_place_or_a_link(self, world, forum, unchanged):
        with unchanged(), pytest.raises(DomainError, match="place"):
            services.meeting_create(space=forum, actor=world["facilitator"], **_values(place=""))

    def test_online_only_is_fine(self, world, forum):
        meeting = services.meeting_create(
            space=forum, actor=world["facilitator"], **_values(place="", online_url="https://meet.example/x")
        )
        assert meeting.online_url == "https://meet.example/x"

    def test_a_new_meeting_in_the_past_is_refused(self, world, forum):
        start = timezone.now() - dt.timedelta(days=1)
        with pytest.raises(DomainError, match="future"):
            services.meeting_create(
                space=forum,
                actor=world["facilitator"],
                **_values(starts_at=start, ends_at=start + dt.timedelta(hours=1)),
            )

    def test_only_a_forum_takes_meetings(self, world):
        audit = SpaceFactory(kind=Space.Kind.AUDIT, organisations=[world.owner])
        SpaceMembershipFactory(space=audit, user=world["facilitator"], role="facilitator")
        with pytest.raises(NotAllowed):
            services.meeting_create(space=audit, actor=world["facilitator"], **_values())

    def test_cancelling_tells_everyone_registered_or_waiting(self, world, forum, after_commit):
        meeting = MeetingFactory(space=forum, capacity=1)
        RegistrationFactory(meeting=meeting, user=world["member"])
        RegistrationFactory(meeting=meeting, user=world["representative"], status=R.WAITING)
        with after_commit():
            services.meeting_cancel(meeting=meeting, actor=world["facilitator"], reason="The room is flooded")
        meeting.refresh_from_db()
        assert meeting.state == MeetingState.CANCELLED
        assert sorted(m.to[0] for m in mail.outbox) == sorted(
            [world["member"].email, world["representative"].email]
        )
        assert "The room is flooded" in mail.outbox[0].body

    def test_a_cancelled_meeting_cannot_be_changed_or_held(self, world, forum):
        meeting = MeetingFactory(space=forum, state=MeetingState.CANCELLED)
        with pytest.raises(DomainError):
            services.meeting_update(meeting=meeting, actor=world["facilitator"], title="New")
        with pytest.raises(DomainError):
            services.meeting_mark_held(meeting=meeting, actor=world["facilitator"])

    def test_a_meeting_is_marked_held_only_after_it_starts(self, world, forum):
        meeting = MeetingFactory(space=forum)
        with pytest.raises(DomainError, match="once it has started"):
            services.meeting_mark_held(meeting=meeting, actor=world["facilitator"])
        Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=5))
        services.meeting_mark_held(meeting=meeting, actor=world["facilitator"])
        meeting.refresh_from_db()
        assert meeting.state == MeetingState.HELD

    def test_raising_the_capacity_moves_people_up(self, world, forum, after_commit):
        meeting = MeetingFactory(space=forum, capacity=1)
        RegistrationFactory(meeting=meeting, user=world["member"])
        waiting = RegistrationFactory(meeting=meeting, user=world["representative"], status=R.WAITING)
        with after_commit():
            services.meeting_update(meeting=meeting, actor=world["facilitator"], capacity=2)
        waiting.refresh_from_db()
        assert waiting.status == R.REGISTERED
        assert [m.to[0] for m in mail.outbox] == [world["representative"].email]


class TestRegistration:
    def test_a_participant_registers_with_an_interpreter_need(self, world, forum):
        meeting = MeetingFactory(space=forum)
        registration = services.registration_create(
            meeting=meeting, actor=world["participant"], interpreter="Arabic", diet="Vegetarian"
        )
        assert registration.status == R.REGISTERED
        assert registration.interpreter == "Arabic"

    def test_registering_twice_is_refused_with_a_clear_message(self, world, forum, unchanged):
        meeting = MeetingFactory(space=forum)
        services.registration_create(meeting=meeting, actor=world["member"])
        with unchanged(), pytest.raises(DomainError, match="already registered"):
            services.registration_create(meeting=meeting, actor=world["member"])

    def test_past_capacity_goes_to_the_waiting_list(self, world, forum):
        meeting = MeetingFactory(space=forum, capacity=1)
        services.registration_create(meeting=meeting, actor=world["member"])
        second = services.registration_create(meeting=meeting, actor=world["representative"])
        assert second.status == R.WAITING
        with pytest.raises(DomainError, match="already on the waiting list"):
            services.registration_create(meeting=meeting, actor=world["representative"])

    def test_a_cancelled_meeting_takes_no_registrations(self, world, forum, unchanged):
        meeting = MeetingFactory(space=forum, state=MeetingState.CANCELLED)
        with unchanged(), pytest.raises(DomainError, match="cancelled"):
            services.registration_create(meeting=meeting, actor=world["member"])

    def test_a_past_meeting_takes_no_registrations(self, world, forum, unchanged):
        start = timezone.now() - dt.timedelta(days=2)
        meeting = MeetingFactory(space=forum, starts_at=start, ends_at=start + dt.timedelta(hours=2))
        with unchanged(), pytest.raises(DomainError, match="already started or taken place"):
            services.registration_create(meeting=meeting, actor=world["member"])

    def test_visitors_cannot_register(self, world, forum, unchanged):
        meeting = MeetingFactory(space=forum)
        with unchanged(), pytest.raises(NotAllowed):
            services.registration_create(meeting=meeting, actor=world["anonymous"])

    def test_outsiders_cannot_register_in_a_members_only_forum(self, world, unchanged):
        Space.objects.filter(pk=world.members_only.pk).update(kind="forum")
        meeting = MeetingFactory(space=Space.objects.get(pk=world.members_only.pk))
        with unchanged(), pytest.raises(NotAllowed):
            services.registration_create(meeting=meeting, actor=world["participant"])

    def test_the_waiting_list_moves_up_when_someone_cancels_and_the_person_is_told(
        self, world, forum, after_commit
    ):
        meeting = MeetingFactory(space=forum, capacity=1)
        services.registration_create(meeting=meeting, actor=world["member"])
        first = services.registration_create(meeting=meeting, actor=world["representative"])
        second = services.registration_create(meeting=meeting, actor=world["responder"])
        world["representative"].language = "sv"
        world["representative"].save()
        with after_commit():
            services.registration_cancel(meeting=meeting, actor=world["member"])
        first.refresh_from_db()
        second.refresh_from_db()
        assert (first.status, second.status) == (R.REGISTERED, R.WAITING)
        assert [m.to[0] for m in mail.outbox] == [world["representative"].email]
        message = mail.outbox[0]
        assert meeting.title in message.subject
        assert "/sv/meetings/unsubscribe/" in message.body
        assert "List-Unsubscribe" in message.extra_headers

    def test_someone_leaving_the_waiting_list_moves_nobody_up(self, world, forum, after_commit):
        meeting = MeetingFactory(space=forum, capacity=1)
        services.registration_create(meeting=meeting, actor=world["member"])
        services.registration_create(meeting=meeting, actor=world["representative"])
        with after_commit():
            services.registration_cancel(meeting=meeting, actor=world["representative"])
        assert mail.outbox == []
        assert Registration.objects.filter(meeting=meeting, status=R.REGISTERED).count() == 1

    def test_registering_again_after_cancelling_goes_to_the_back_of_the_queue(self, world, forum):
        meeting = MeetingFactory(space=forum, capacity=1)
        services.registration_create(meeting=meeting, actor=world["member"])
        services.registration_create(meeting=meeting, actor=world["representative"])
        services.registration_cancel(meeting=meeting, actor=world["member"])
        again = services.registration_create(meeting=meeting, actor=world["member"])
        assert again.status == R.WAITING
        assert Registration.objects.filter(meeting=meeting, user=world["member"]).count() == 1

    def test_cancelling_without_a_registration_is_a_clear_message(self, world, forum):
        meeting = MeetingFactory(space=forum)
        with pytest.raises(DomainError, match="not registered"):
            services.registration_cancel(meeting=meeting, actor=world["member"])

    def test_needs_are_not_written_into_the_audit_log(self, world, forum):
        meeting = MeetingFactory(space=forum)
        registration = services.registration_create(meeting=meeting, actor=world["member"])
        services.registration_update_needs(
            registration=registration,
            actor=world["member"],
            interpreter="Sign language",
            assistance=True,
            diet="",
            needs_text="I use a wheelchair",
        )
        entry = AuditLogEntry.objects.get(action="registration.needs")
        assert "wheelchair" not in str(entry.changes) and "Sign" not in str(entry.changes)

    def test_only_the_person_changes_their_needs(self, world, forum):
        registration = RegistrationFactory(meeting=MeetingFactory(space=forum), user=world["member"])
        with pytest.raises(NotAllowed):
            services.registration_update_needs(
                registration=registration,
                actor=world["facilitator"],
                interpreter="",
                assistance=False,
                diet="",
                needs_text="",
            )

    def test_attendance_is_marked_after_the_meeting_is_held(self, world, forum):
        meeting = MeetingFactory(space=forum)
        registration = RegistrationFactory(meeting=meeting, user=world["member"])
        with pytest.raises(DomainError, match="held"):
            services.attendance_mark(
                meeting=meeting, actor=world["facilitator"], attended={registration.pk: True}
            )
        held(meeting)
        assert (
            services.attendance_mark(
                meeting=meeting, actor=world["facilitator"], attended={registration.pk: True}
            )
            == 1
        )
        registration.refresh_from_db()
        assert registration.attended is True

    def test_members_cannot_mark_attendance(self, world, forum):
        meeting = held(MeetingFactory(space=forum))
        with pytest.raises(NotAllowed):
            services.attendance_mark(meeting=meeting, actor=world["member"], attended={})


class TestAgenda:
    def test_a_member_proposes_a_theme_and_others_vote_once_each(self, world, forum):
        meeting = MeetingFactory(space=forum)
        item = services.agenda_propose(meeting=meeting, actor=world["member"], title="Waiting times at NAV")
        assert services.agenda_vote(item=item, actor=world["representative"]) is True
        assert services.agenda_vote(item=item, actor=world["representative"]) is False
        assert services.agenda_vote(item=item, actor=world["responder"]) is True
        item.refresh_from_db()
        assert item.vote_count == 2
        assert services.agenda_unvote(item=item, actor=world["responder"]) is True
        assert services.agenda_unvote(item=item, actor=world["responder"]) is False
        item.refresh_from_db()
        assert item.vote_count == 1

    def test_participants_who_are_not_members_cannot_propose_or_vote(self, world, forum):
        meeting = MeetingFactory(space=forum)
        with pytest.raises(NotAllowed):
            services.agenda_propose(meeting=meeting, actor=world["participant"], title="x")
        item = AgendaItemFactory(meeting=meeting)
        with pytest.raises(NotAllowed):
            services.agenda_vote(item=item, actor=world["participant"])

    def test_an_empty_theme_is_refused(self, world, forum, unchanged):
        meeting = MeetingFactory(space=forum)
        with unchanged(), pytest.raises(DomainError):
            services.agenda_propose(meeting=meeting, actor=world["member"], title="   ")

    def test_a_theme_from_a_proposal_of_kind_meeting_theme(self, world, forum):
        meeting = MeetingFactory(space=forum)
        proposal = ProposalFactory(space=forum, kind=Kind.MEETING_THEME, author=world["member"])
        item = services.agenda_from_proposal(
            meeting=meeting, actor=world["representative"], proposal=proposal
        )
        assert item.proposal == proposal and item.proposed_by == world["member"]
        with pytest.raises(DomainError, match="already proposed"):
            services.agenda_from_proposal(meeting=meeting, actor=world["member"], proposal=proposal)
        idea = ProposalFactory(space=forum, kind=Kind.IDEA)
        with pytest.raises(DomainError):
            services.agenda_from_proposal(meeting=meeting, actor=world["member"], proposal=idea)

    def test_facilitators_schedule_and_order_items(self, world, forum):
        meeting = MeetingFactory(space=forum)
        item = AgendaItemFactory(meeting=meeting)
        services.agenda_arrange(
            meeting=meeting, actor=world["facilitator"], item=item, status="scheduled", position=2
        )
        item.refresh_from_db()
        assert (item.status, item.position) == ("scheduled", 2)
        with pytest.raises(NotAllowed):
            services.agenda_arrange(
                meeting=meeting, actor=world["member"], item=item, status="declined", position=1
            )
        with pytest.raises(DomainError):
            services.agenda_arrange(
                meeting=meeting, actor=world["facilitator"], item=item, status="nonsense", position=1
            )

    def test_the_standing_item_cannot_be_taken_off(self, world, forum):
        meeting = services.meeting_create(space=forum, actor=world["facilitator"], **_values())
        standing = AgendaItem.objects.get(meeting=meeting, is_standing=True)
        with pytest.raises(DomainError, match="Coming questions"):
            services.agenda_arrange(
                meeting=meeting, actor=world["facilitator"], item=standing, status="declined", position=0
            )

    def test_the_agenda_of_a_held_meeting_does_not_change(self, world, forum):
        meeting = held(MeetingFactory(space=forum))
        with pytest.raises(DomainError):
            services.agenda_propose(meeting=meeting, actor=world["member"], title="Late theme")


class TestMinutes:
    def test_notes_decisions_and_actions_then_publish(self, world, forum):
        meeting = held(MeetingFactory(space=forum))
        item = AgendaItemFactory(meeting=meeting, status="scheduled")
        services.minutes_save(
            meeting=meeting, actor=world["facilitator"], summary="Good meeting", notes={item.pk: "We talked"}
        )
        meeting.refresh_from_db()
        item.refresh_from_db()
        assert meeting.minutes_state == MinutesState.DRAFT and item.notes == "We talked"
        services.decision_add(meeting=meeting, actor=world["facilitator"], text="We ask for a hearing loop")
        action = services.action_add(
            meeting=meeting,
            actor=world["facilitator"],
            title="Book a room with a hearing loop",
            owner=world["member"],
            deadline=timezone.localdate() + dt.timedelta(days=7),
        )
        services.minutes_set_state(meeting=meeting, actor=world["facilitator"], state=MinutesState.PUBLISHED)
        meeting.refresh_from_db()
        assert meeting.minutes_state == MinutesState.PUBLISHED and meeting.minutes_published_at
        services.action_set_status(action=action, actor=world["member"], status="done")
        action.refresh_from_db()
        assert action.status == ActionItem.Status.DONE and action.done_at

    def test_minutes_wait_until_the_meeting_is_held(self, world, forum):
        meeting = MeetingFactory(space=forum)
        with pytest.raises(DomainError, match="held"):
            services.minutes_save(meeting=meeting, actor=world["facilitator"], summary="x", notes={})
        with pytest.raises(DomainError, match="held"):
            services.decision_add(meeting=meeting, actor=world["facilitator"], text="x")

    def test_an_action_item_owner_must_be_a_member(self, world, forum):
        meeting = held(MeetingFactory(space=forum))
        with pytest.raises(DomainError, match="member"):
            services.action_add(
                meeting=meeting,
                actor=world["facilitator"],
                title="x",
                owner=world["participant"],
                deadline=timezone.localdate(),
            )

    def test_only_leads_and_the_owner_change_an_action_item(self, world, forum):
        meeting = held(MeetingFactory(space=forum))
        action = ActionItem.objects.create(
            space=forum, meeting=meeting, title="x", owner=world["member"], deadline=timezone.localdate()
        )
        with pytest.raises(NotAllowed):
            services.action_set_status(action=action, actor=world["representative"], status="done")

    def test_a_decision_answers_a_proposal_and_the_author_is_notified(self, world, forum, after_commit):
        meeting = held(MeetingFactory(space=forum))
        author = world["member"]
        proposal = ProposalFactory(space=forum, author=author, status=Status.UNDER_CONSIDERATION)
        Follow.objects.create(proposal=proposal, user=author)
        with after_commit():
            decision = services.decision_add(
                meeting=meeting,
                actor=world["facilitator"],
                text="The group supports a quiet room at every meeting.",
                proposal=proposal,
                proposal_status=Status.ACCEPTED,
            )
        proposal.refresh_from_db()
        assert proposal.status == Status.ACCEPTED
        assert decision.answer is not None and decision.answer.proposal == proposal
        assert Notification.objects.filter(user=author, proposal=proposal, event="answered").exists()
        assert [m.to[0] for m in mail.outbox] == [author.email]

    def test_a_decision_cannot_answer_without_the_right_to_answer(self, world, forum, unchanged):
        meeting = held(MeetingFactory(space=forum))
        org_admin = world["org_admin"]  # leads the space, but the proposal is not theirs to answer
        proposal = ProposalFactory(space=forum, status=Status.UNDER_CONSIDERATION)
        with unchanged(), pytest.raises(DomainError, match="may not answer this proposal"):
            services.decision_add(
                meeting=meeting,
                actor=org_admin,
                text="x",
                proposal=proposal,
                proposal_status=Status.ACCEPTED,
            )

    def test_a_decision_with_an_impossible_status_change_writes_nothing(self, world, forum, unchanged):
        meeting = held(MeetingFactory(space=forum))
        proposal = ProposalFactory(space=forum, status=Status.SUBMITTED)
        with unchanged(), pytest.raises(DomainError, match="cannot become"):
            services.decision_add(
                meeting=meeting,
                actor=world["facilitator"],
                text="x",
                proposal=proposal,
                proposal_status=Status.DONE,
            )
        assert not Decision.objects.exists()


class TestListing:
    def test_a_member_chooses_to_be_shown(self, world, forum):
        listing = services.listing_set(
            space=forum, actor=world["representative"], show=True, show_organisation=True
        )
        assert listing.show and listing.show_organisation
        listing = services.listing_set(
            space=forum, actor=world["representative"], show=False, show_organisation=True
        )
        assert not listing.show and not listing.show_organisation

    def test_non_members_have_no_listing(self, world, forum):
        with pytest.raises(NotAllowed):
            services.listing_set(space=forum, actor=world["participant"], show=True, show_organisation=False)


def test_the_feed_token_can_be_reset(world):
    person = world["member"]
    old = services.preference_of(person).feed_token
    new = services.feed_token_reset(actor=person).feed_token
    assert new != old and len(new) > 20
