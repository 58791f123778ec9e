"""Every write to forums. Keyword-only, atomic, permission-checked, audit-logged; emails after commit."""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from medvind.core import audit
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import Space, SpaceMembership
from medvind.core.services import require
from medvind.proposals import services as proposal_services
from medvind.proposals.models import Answer, Kind, Proposal

from . import notifications
from .models import (
    ACCESS_FEATURES,
    ActionItem,
    AgendaItem,
    AgendaVote,
    Decision,
    ForumPreference,
    Meeting,
    MeetingState,
    MemberListing,
    MinutesState,
    Registration,
)
from .workflow import check_meeting_transition, check_minutes_transition

ACCESS_FIELDS = [field for field, _label in ACCESS_FEATURES]
MEETING_FIELDS = [
    "title",
    "theme",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "online_url",
    "capacity",
    "access_notes",
    *ACCESS_FIELDS,
]
R = Registration.Status


def _check_meeting_values(values: dict[str, Any]) -> None:
    if not str(values.get("title", "")).strip():
        raise DomainError(_("Write a title for the meeting."))
    if values["ends_at"] <= values["starts_at"]:
        raise DomainError(_("The meeting must end after it starts. Check the end time."))
    url = values.get("online_url") or ""
    if url and not url.lower().startswith(("http://", "https://")):
        raise DomainError(_("The online link must start with https:// or http://."))
    if not values.get("place", "").strip() and not url:
        raise DomainError(_("Give a place, an online link or both."))
    if values.get("capacity") is not None and values["capacity"] < 1:
        raise DomainError(_("The number of places must be at least 1, or left empty for no limit."))


def _standing_title(space: Space) -> str:
    with translation.override(space.language):
        return _("Coming questions")


@transaction.atomic
def meeting_create(*, space: Space, actor: Any, **values: Any) -> Meeting:
    require(actor, "forums.create_meeting", space)
    defaults: dict[str, Any] = {"capacity": None, **{field: False for field in ACCESS_FIELDS}}
    values = {key: values.get(key, defaults.get(key, "")) for key in MEETING_FIELDS}
    _check_meeting_values(values)
    if values["starts_at"] <= timezone.now():
        raise DomainError(_("A new meeting must start in the future."))
    meeting = Meeting.objects.create(space=space, created_by=actor, **values)
    AgendaItem.objects.create(
        space=space,
        meeting=meeting,
        title=_standing_title(space),
        status=AgendaItem.Status.SCHEDULED,
        is_standing=True,
        position=1000,
    )
    audit.record(
        actor=actor,
        action="meeting.create",
        obj=meeting,
        changes={"starts_at": [None, audit._plain(meeting.starts_at)], "state": [None, meeting.state]},
        space=space,
    )
    return meeting


def _locked(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().select_related("space").get(pk=meeting.pk)


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor: Any, **values: Any) -> Meeting:
    require(actor, "forums.change_meeting", meeting)
    meeting = _locked(meeting)
    if meeting.state != MeetingState.PLANNED:
        raise DomainError(_("Only a planned meeting can be changed."))
    values = {key: values.get(key, getattr(meeting, key)) for key in MEETING_FIELDS}
    _check_meeting_values(values)
    changes = audit.diff(meeting, values)
    for field, value in values.items():
        setattr(meeting, field, value)
    meeting.save()
    audit.record(actor=actor, action="meeting.update", obj=meeting, changes=changes, space=meeting.space)
    _promote_waiting(meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, actor: Any, reason: str = "") -> Meeting:
    require(actor, "forums.change_meeting", meeting)
    meeting = _locked(meeting)
    check_meeting_transition(meeting.state, MeetingState.CANCELLED)
    meeting.state = MeetingState.CANCELLED
    meeting.cancel_reason = reason.strip()[:500]
    meeting.save(update_fields=["state", "cancel_reason"])
    audit.record(
        actor=actor,
        action="meeting.cancel",
        obj=meeting,
        changes={"state": [MeetingState.PLANNED, MeetingState.CANCELLED]},
        space=meeting.space,
    )
    user_ids = list(
        meeting.registrations.filter(status__in=[R.REGISTERED, R.WAITING]).values_list("user_id", flat=True)
    )
    notifications.notify(meeting, user_ids, event=notifications.CANCELLED, exclude=actor)
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, actor: Any) -> Meeting:
    require(actor, "forums.change_meeting", meeting)
    meeting = _locked(meeting)
    check_meeting_transition(meeting.state, MeetingState.HELD)
    if meeting.starts_at > timezone.now():
        raise DomainError(_("A meeting can be marked as held once it has started."))
    meeting.state = MeetingState.HELD
    meeting.save(update_fields=["state"])
    audit.record(
        actor=actor,
        action="meeting.held",
        obj=meeting,
        changes={"state": [MeetingState.PLANNED, MeetingState.HELD]},
        space=meeting.space,
    )
    return meeting


def _promote_waiting(meeting: Meeting) -> list[Registration]:
    """Move people up from the waiting list while places are free. The meeting row must be locked."""
    if meeting.state != MeetingState.PLANNED:
        return []
    waiting = meeting.registrations.filter(status=R.WAITING).order_by("created_at", "pk")
    if meeting.capacity is None:
        promoted = list(waiting)
    else:
        taken = meeting.registrations.filter(status=R.REGISTERED).count()
        promoted = list(waiting[: max(meeting.capacity - taken, 0)])
    for registration in promoted:
        registration.status = R.REGISTERED
        registration.save(update_fields=["status", "updated_at"])
        audit.record(
            actor=None,
            action="registration.promote",
            obj=registration,
            changes={"status": [R.WAITING, R.REGISTERED]},
            space=meeting.space,
        )
    if promoted:
        notifications.notify(meeting, [r.user_id for r in promoted], event=notifications.PROMOTED)
    return promoted


@transaction.atomic
def registration_create(
    *,
    meeting: Meeting,
    actor: Any,
    interpreter: str = "",
    assistance: bool = False,
    diet: str = "",
    needs_text: str = "",
) -> Registration:
    require(actor, "forums.register_for_meeting", meeting)
    meeting = _locked(meeting)  # concurrent registrations wait here, so places are never overbooked
    if meeting.state == MeetingState.CANCELLED:
        raise DomainError(_("This meeting is cancelled. You cannot register for it."))
    if meeting.state == MeetingState.HELD or meeting.starts_at <= timezone.now():
        raise DomainError(_("This meeting has already started or taken place. You cannot register for it."))
    existing = Registration.objects.filter(meeting=meeting, user=actor).first()
    if existing is not None and existing.status != R.CANCELLED:
        if existing.status == R.WAITING:
            raise DomainError(_("You are already on the waiting list for this meeting."))
        raise DomainError(_("You are already registered for this meeting."))
    taken = meeting.registrations.filter(status=R.REGISTERED).count()
    has_waiting = meeting.registrations.filter(status=R.WAITING).exists()
    full = meeting.capacity is not None and (taken >= meeting.capacity or has_waiting)
    values = {
        "status": R.WAITING if full else R.REGISTERED,
        "interpreter": interpreter.strip()[:100],
        "assistance": assistance,
        "diet": diet.strip()[:200],
        "needs_text": needs_text.strip()[:1000],
        "attended": None,
        "reminder_sent_at": None,
    }
    if existing is None:
        registration = Registration.objects.create(meeting=meeting, user=actor, **values)
    else:
        registration = existing
        for field, value in values.items():
            setattr(registration, field, value)
        registration.created_at = timezone.now()  # back of the queue
        registration.save()
    audit.record(
        actor=actor,
        action="registration.create",
        obj=registration,
        changes={"status": [None, registration.status]},
        space=meeting.space,
    )
    return registration


@transaction.atomic
def registration_update_needs(
    *, registration: Registration, actor: Any, interpreter: str, assistance: bool, diet: str, needs_text: str
) -> Registration:
    if not actor.is_authenticated or registration.user_id != actor.pk:
        raise NotAllowed("forums.register_for_meeting")
    values = {
        "interpreter": interpreter.strip()[:100],
        "assistance": assistance,
        "diet": diet.strip()[:200],
        "needs_text": needs_text.strip()[:1000],
    }
    changes = audit.diff(registration, values)
    for field, value in values.items():
        setattr(registration, field, value)
    registration.save()
    audit.record(
        actor=actor,
        action="registration.needs",
        obj=registration,
        changes={key: ["…", "…"] for key in changes},  # needs can be health data: not in the log
        space=registration.meeting.space,
    )
    return registration


@transaction.atomic
def registration_cancel(*, meeting: Meeting, actor: Any) -> Registration:
    if not actor.is_authenticated:
        raise NotAllowed("forums.register_for_meeting")
    meeting = _locked(meeting)
    registration = (
        Registration.objects.filter(meeting=meeting, user=actor).exclude(status=R.CANCELLED).first()
    )
    if registration is None:
        raise DomainError(_("You are not registered for this meeting."))
    if meeting.state != MeetingState.PLANNED or meeting.starts_at <= timezone.now():
        raise DomainError(_("The meeting has already started or ended. There is nothing to cancel."))
    old = registration.status
    registration.status = R.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=actor,
        action="registration.cancel",
        obj=registration,
        changes={"status": [old, R.CANCELLED]},
        space=meeting.space,
    )
    if old == R.REGISTERED:
        _promote_waiting(meeting)
    return registration


@transaction.atomic
def attendance_mark(*, meeting: Meeting, actor: Any, attended: dict[int, bool | None]) -> int:
    require(actor, "forums.mark_attendance", meeting)
    meeting = _locked(meeting)
    if meeting.state != MeetingState.HELD:
        raise DomainError(_("Attendance can be marked once the meeting is marked as held."))
    changed = 0
    for registration in meeting.registrations.filter(pk__in=list(attended)):
        value = attended[registration.pk]
        if registration.attended != value:
            registration.attended = value
            registration.save(update_fields=["attended", "updated_at"])
            changed += 1
    audit.record(
        actor=actor,
        action="meeting.attendance",
        obj=meeting,
        changes={"changed": [None, changed]},
        space=meeting.space,
    )
    return changed


def _current_state(meeting: Meeting) -> str:
    return Meeting.objects.filter(pk=meeting.pk).values_list("state", flat=True).get()


def _check_agenda_open(meeting: Meeting) -> None:
    if _current_state(meeting) != MeetingState.PLANNED:
        raise DomainError(_("The agenda of a meeting that is held or cancelled cannot change."))


@transaction.atomic
def agenda_propose(*, meeting: Meeting, actor: Any, title: str, description: str = "") -> AgendaItem:
    require(actor, "forums.propose_agenda_item", meeting)
    _check_agenda_open(meeting)
    if not title.strip():
        raise DomainError(_("Write the theme you want to talk about."))
    item = AgendaItem.objects.create(
        space=meeting.space,
        meeting=meeting,
        title=title.strip()[:150],
        description=description.strip()[:2000],
        proposed_by=actor,
    )
    audit.record(actor=actor, action="agenda.propose", obj=item, space=meeting.space)
    return item


@transaction.atomic
def agenda_from_proposal(*, meeting: Meeting, actor: Any, proposal: Proposal) -> AgendaItem:
    require(actor, "forums.propose_agenda_item", meeting)
    _check_agenda_open(meeting)
    if proposal.space_id != meeting.space_id or proposal.kind != Kind.MEETING_THEME:
        raise DomainError(_("Choose a proposed meeting theme from this forum."))
    if AgendaItem.objects.filter(meeting=meeting, proposal=proposal).exists():
        raise DomainError(_("This theme is already proposed for the meeting."))
    item = AgendaItem.objects.create(
        space=meeting.space,
        meeting=meeting,
        proposal=proposal,
        title=proposal.title[:150],
        description=proposal.body[:2000],
        proposed_by=proposal.author,
    )
    audit.record(actor=actor, action="agenda.from_proposal", obj=item, space=meeting.space)
    return item


@transaction.atomic
def agenda_vote(*, item: AgendaItem, actor: Any) -> bool:
    """One vote per person. False (and nothing changes) if the person already voted."""
    require(actor, "forums.vote_agenda_item", item)
    if item.status == AgendaItem.Status.DECLINED or item.is_standing:
        raise DomainError(_("You cannot vote for this item."))
    if (
        item.meeting_id
        and Meeting.objects.filter(pk=item.meeting_id, state=MeetingState.PLANNED).count() == 0
    ):
        raise DomainError(_("The agenda of a meeting that is held or cancelled cannot change."))
    try:
        with transaction.atomic():
            AgendaVote.objects.create(item=item, user=actor)
    except IntegrityError:
        return False
    AgendaItem.objects.filter(pk=item.pk).update(vote_count=F("vote_count") + 1)
    audit.record(actor=actor, action="agenda.vote", obj=item, space=item.space)
    return True


@transaction.atomic
def agenda_unvote(*, item: AgendaItem, actor: Any) -> bool:
    if not actor.is_authenticated:
        return False
    deleted, _rows = AgendaVote.objects.filter(item=item, user=actor).delete()
    if not deleted:
        return False
    AgendaItem.objects.filter(pk=item.pk).update(vote_count=F("vote_count") - 1)
    audit.record(actor=actor, action="agenda.unvote", obj=item, space=item.space)
    return True


@transaction.atomic
def agenda_arrange(
    *, meeting: Meeting, actor: Any, item: AgendaItem, status: str, position: int
) -> AgendaItem:
    """A facilitator puts an item on the agenda (or not) and gives its place in the order."""
    require(actor, "forums.schedule_agenda", meeting)
    _check_agenda_open(meeting)
    if item.meeting_id != meeting.pk:
        raise DomainError(_("This item belongs to another meeting."))
    if status not in AgendaItem.Status.values:
        raise DomainError(_("Choose whether the item is on the agenda."))
    if item.is_standing and status != AgendaItem.Status.SCHEDULED:
        raise DomainError(_("The standing item “Coming questions” stays on every agenda."))
    if not 0 <= position <= 999:
        raise DomainError(_("Give the place in the order as a number from 0 to 999."))
    changes = audit.diff(item, {"status": status, "position": position})
    item.status = status
    item.position = position
    item.save(update_fields=["status", "position"])
    audit.record(actor=actor, action="agenda.arrange", obj=item, changes=changes, space=meeting.space)
    return item


@transaction.atomic
def minutes_save(*, meeting: Meeting, actor: Any, summary: str, notes: dict[int, str]) -> Meeting:
    require(actor, "forums.write_minutes", meeting)
    meeting = _locked(meeting)
    if meeting.minutes_state == MinutesState.NONE:
        check_minutes_transition(meeting.state, MinutesState.NONE, MinutesState.DRAFT)
        meeting.minutes_state = MinutesState.DRAFT
    elif meeting.state != MeetingState.HELD:
        raise DomainError(_("Minutes can be written once the meeting is marked as held."))
    changes = audit.diff(meeting, {"minutes_summary": summary})
    meeting.minutes_summary = summary
    meeting.save(update_fields=["minutes_state", "minutes_summary"])
    for item in meeting.agenda_items.filter(pk__in=list(notes)):
        if item.notes != notes[item.pk]:
            item.notes = notes[item.pk]
            item.save(update_fields=["notes"])
    audit.record(actor=actor, action="minutes.save", obj=meeting, changes=changes, space=meeting.space)
    return meeting


@transaction.atomic
def minutes_set_state(*, meeting: Meeting, actor: Any, state: str) -> Meeting:
    require(actor, "forums.write_minutes", meeting)
    meeting = _locked(meeting)
    old = meeting.minutes_state
    check_minutes_transition(meeting.state, old, state)
    meeting.minutes_state = state
    if state == MinutesState.PUBLISHED and meeting.minutes_published_at is None:
        meeting.minutes_published_at = timezone.now()
    meeting.save(update_fields=["minutes_state", "minutes_published_at"])
    audit.record(
        actor=actor,
        action="minutes.state",
        obj=meeting,
        changes={"minutes_state": [old, state]},
        space=meeting.space,
    )
    return meeting


def _check_minutes_open(meeting: Meeting) -> None:
    if _current_state(meeting) != MeetingState.HELD:
        raise DomainError(_("Minutes can be written once the meeting is marked as held."))


@transaction.atomic
def decision_add(
    *,
    meeting: Meeting,
    actor: Any,
    text: str,
    agenda_item: AgendaItem | None = None,
    proposal: Proposal | None = None,
    proposal_status: str = "",
) -> Decision:
    """A decision in the minutes. With a proposal, it is also the proposal's public answer, given through
    the proposals service (so its author and followers are told)."""
    require(actor, "forums.write_minutes", meeting)
    _check_minutes_open(meeting)
    if not text.strip():
        raise DomainError(_("Write the decision."))
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise DomainError(_("This item belongs to another meeting."))
    answer: Answer | None = None
    if proposal is not None:
        if proposal.space_id != meeting.space_id:
            raise DomainError(_("Choose a proposal from this forum."))
        if not actor.has_perm("proposals.answer_proposal", proposal):
            raise DomainError(
                _(
                    "You may not answer this proposal, so the decision cannot answer it. Save the decision "
                    "without the proposal, and ask the proposal's responder to answer it."
                )
            )
        answer = proposal_services.proposal_answer(
            proposal=proposal, actor=actor, status=proposal_status, text=text
        )
    decision = Decision.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        text=text.strip()[:4000],
        proposal=proposal,
        answer=answer,
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action="decision.add",
        obj=decision,
        changes={"proposal": [None, proposal.pk if proposal else None]},
        space=meeting.space,
    )
    return decision


@transaction.atomic
def action_add(*, meeting: Meeting, actor: Any, title: str, owner: Any, deadline: dt.date) -> ActionItem:
    require(actor, "forums.write_minutes", meeting)
    _check_minutes_open(meeting)
    if not title.strip():
        raise DomainError(_("Write what is to be done."))
    if owner is None or not SpaceMembership.objects.filter(space=meeting.space, user=owner).exists():
        raise DomainError(_("Choose a member of the forum who will do it."))
    action = ActionItem.objects.create(
        space=meeting.space, meeting=meeting, title=title.strip()[:300], owner=owner, deadline=deadline
    )
    audit.record(
        actor=actor,
        action="action.add",
        obj=action,
        changes={"deadline": [None, deadline.isoformat()]},
        space=meeting.space,
    )
    return action


@transaction.atomic
def action_set_status(*, action: ActionItem, actor: Any, status: str) -> ActionItem:
    require(actor, "forums.change_action_item", action)
    if status not in ActionItem.Status.values:
        raise DomainError(_("Choose open or done."))
    changes = audit.diff(action, {"status": status})
    action.status = status
    action.done_at = timezone.now() if status == ActionItem.Status.DONE else None
    action.save(update_fields=["status", "done_at"])
    audit.record(actor=actor, action="action.status", obj=action, changes=changes, space=action.space)
    return action


@transaction.atomic
def listing_set(*, space: Space, actor: Any, show: bool, show_organisation: bool) -> MemberListing:
    require(actor, "forums.choose_listing", space)
    if not SpaceMembership.objects.filter(space=space, user=actor).exists():
        raise DomainError(_("Only members of the forum are in its member list."))
    listing, _created = MemberListing.objects.get_or_create(space=space, user=actor)
    changes = audit.diff(listing, {"show": show, "show_organisation": show_organisation})
    listing.show = show
    listing.show_organisation = show and show_organisation
    listing.save()
    audit.record(actor=actor, action="listing.set", obj=listing, changes=changes, space=space)
    return listing


def preference_of(user: Any) -> ForumPreference:
    preference, _created = ForumPreference.objects.get_or_create(user=user)
    return preference


@transaction.atomic
def feed_token_reset(*, actor: Any) -> ForumPreference:
    if not actor.is_authenticated:
        raise NotAllowed("forums.reset_feed")
    preference = preference_of(actor)
    from .models import _token

    preference.feed_token = _token()
    preference.save(update_fields=["feed_token"])
    audit.record(actor=actor, action="feed.reset", obj=preference)
    return preference


@transaction.atomic
def meeting_emails_off(*, user_id: int) -> None:
    """From a reminder's unsubscribe link."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return
    preference = preference_of(user)
    preference.meeting_emails = False
    preference.save(update_fields=["meeting_emails"])
    audit.record(actor=user, action="forums.unsubscribe", obj=preference)
