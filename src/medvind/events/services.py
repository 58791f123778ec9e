"""Every write to live events. Keyword-only, atomic, permission-checked, audit-logged.

Audience writes (questions, upvotes, poll votes) take `voter`, the random token from the browser's
signed cookie; only a keyed hash of it is stored. Every write bumps the event's version (live.bump) so
that polling browsers fetch the new state."""

import datetime as dt
import re
import secrets
from collections.abc import Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from medvind.core import audit
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import Space
from medvind.core.services import require
from medvind.proposals import services as proposal_services
from medvind.proposals.models import Kind, Proposal

from . import live
from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Event,
    EventStatus,
    Poll,
    PollOption,
    PollStatus,
    PollVote,
    Question,
    QuestionStatus,
    Upvote,
)
from .workflow import check_poll_transition, check_transition

QUESTION_MAX = 1000
NAME_MAX = 60
POLL_OPTIONS_MIN = 2
POLL_OPTIONS_MAX = 10
MODERATION_ACTIONS = ("approve", "hide", "answer", "unanswer", "highlight", "unhighlight")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str) -> str:
    """Plain text as it is stored: no control or direction-changing characters, no runs of blank lines."""
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return re.sub(r"\n{3,}", "\n\n", value).strip()


def normalise_code(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "").upper()[:12]


def _new_code() -> str:
    for _attempt in range(20):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not Event.objects.filter(code=code).exists():
            return code
    raise DomainError(_("No free short code was found. Please try again."))


def _check_times(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if ends_at <= starts_at:
        raise DomainError(_("The event must end after it starts."))


def _check_postbox_days(days: int) -> None:
    if not 0 <= days <= 90:
        raise DomainError(_("The postbox can stay open from 0 to 90 days."))


# Events -------------------------------------------------------------------------------------------


@transaction.atomic
def event_create(
    *,
    space: Space,
    actor: Any,
    title: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    description: str = "",
    premoderated: bool = False,
    postbox_days: int = 7,
) -> Event:
    require(actor, "events.create_event", space)
    title = clean_text(title)
    if not title:
        raise DomainError(_("Write a title."))
    _check_times(starts_at, ends_at)
    _check_postbox_days(postbox_days)
    event = Event.objects.create(
        space=space,
        title=title,
        description=clean_text(description),
        code=_new_code(),
        starts_at=starts_at,
        ends_at=ends_at,
        premoderated=premoderated,
        postbox_days=postbox_days,
        created_by=actor if actor.is_authenticated else None,
    )
    audit.record(
        actor=actor,
        action="event.create",
        obj=event,
        changes={"status": [None, event.status], "code": [None, event.code]},
        space=space,
    )
    return event


EVENT_EDITABLE = ("title", "description", "starts_at", "ends_at", "premoderated", "postbox_days")


@transaction.atomic
def event_update(*, event: Event, actor: Any, **values: Any) -> Event:
    require(actor, "events.change_event", event)
    event = Event.objects.select_for_update().select_related("space").get(pk=event.pk)
    if event.status == EventStatus.ARCHIVED:
        raise DomainError(_("This event is archived and can no longer be changed."))
    unknown = set(values) - set(EVENT_EDITABLE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    if "title" in values:
        values["title"] = clean_text(values["title"])
        if not values["title"]:
            raise DomainError(_("Write a title."))
    if "description" in values:
        values["description"] = clean_text(values["description"])
    _check_times(values.get("starts_at", event.starts_at), values.get("ends_at", event.ends_at))
    _check_postbox_days(values.get("postbox_days", event.postbox_days))
    changes = audit.diff(event, values)
    for field, value in values.items():
        setattr(event, field, value)
    event.save()
    if changes:
        live.bump(event)
        audit.record(actor=actor, action="event.update", obj=event, changes=changes, space=event.space)
    return event


@transaction.atomic
def event_set_status(*, event: Event, actor: Any, status: str) -> Event:
    require(actor, "events.present_event", event)
    event = Event.objects.select_for_update().select_related("space").get(pk=event.pk)
    check_transition(event.status, status)
    old = event.status
    event.status = status
    if status == EventStatus.CLOSED:
        event.closed_at = timezone.now()
    elif status == EventStatus.OPEN:
        event.closed_at = None
    event.save(update_fields=["status", "closed_at"])
    if status != EventStatus.OPEN:  # a poll left open closes with its event
        Poll.objects.filter(event=event, status=PollStatus.OPEN).update(status=PollStatus.CLOSED)
    live.bump(event)
    audit.record(
        actor=actor, action="event.status", obj=event, changes={"status": [old, status]}, space=event.space
    )
    return event


# Questions ----------------------------------------------------------------------------------------


def _refuse_closed(event: Event, *, live_only: bool) -> None:
    if event.status == EventStatus.DRAFT:
        raise DomainError(_("This event has not started yet."))
    if event.status == EventStatus.OPEN:
        return
    if not live_only and event.postbox_open:
        return
    if event.status == EventStatus.CLOSED and event.postbox_open:
        raise DomainError(_("The event is over. You can still write to its postbox."))
    raise DomainError(_("The event is closed. It no longer takes questions or votes."))


@transaction.atomic
def question_ask(*, event: Event, actor: Any, text: str, name: str = "") -> Question:
    _refuse_closed(event, live_only=False)
    require(actor, "events.ask_question", event)
    text, name = clean_text(text), clean_text(name).replace("\n", " ")
    if not text:
        raise DomainError(_("Write your question or input."))
    if len(text) > QUESTION_MAX:
        raise DomainError(_("Write at most %(limit)d characters.") % {"limit": QUESTION_MAX})
    if len(name) > NAME_MAX:
        raise DomainError(_("Write a name of at most %(limit)d characters.") % {"limit": NAME_MAX})
    approved = not event.premoderated
    now = timezone.now()
    question = Question.objects.create(
        event=event,
        text=text,
        name=name,
        status=QuestionStatus.APPROVED if approved else QuestionStatus.PENDING,
        approved_at=now if approved else None,
        via_postbox=event.status == EventStatus.CLOSED,
        created_at=now,
    )
    live.bump(event)
    # Nobody is named: the audience has no account, and the audit log must not point at a browser.
    audit.record(
        actor=None,
        action="event.question_ask",
        obj=question,
        changes={"status": [None, question.status]},
        space=event.space,
    )
    return question


def question_upvote(*, question: Question, actor: Any, voter: str) -> bool:
    """Upvote once per browser. False (and nothing changes) if this browser already did."""
    event = question.event
    _refuse_closed(event, live_only=True)
    require(actor, "events.upvote_question", event)
    if question.status != QuestionStatus.APPROVED:
        raise DomainError(_("This question is not shown, so it cannot get votes."))
    try:
        with transaction.atomic():
            Upvote.objects.create(question=question, voter=live.voter_hash(voter))
            Question.objects.filter(pk=question.pk).update(upvote_count=F("upvote_count") + 1)
            live.bump(event)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def question_moderate(*, question: Question, actor: Any, action: str) -> Question:
    event = question.event
    require(actor, "events.moderate_event", event)
    if event.status == EventStatus.ARCHIVED:
        raise DomainError(_("This event is archived and can no longer be changed."))
    if action not in MODERATION_ACTIONS:
        raise DomainError(_("Choose what to do with the question."))
    question = Question.objects.select_for_update().get(pk=question.pk)
    before = {"status": question.status, "answered": question.answered, "highlighted": question.highlighted}
    if action == "approve":
        question.status = QuestionStatus.APPROVED
        question.approved_at = question.approved_at or timezone.now()
    elif action == "hide":
        question.status, question.highlighted = QuestionStatus.HIDDEN, False
    elif action in ("answer", "unanswer"):
        question.answered = action == "answer"
        if question.answered:
            question.highlighted = False
    else:
        if action == "highlight":
            if question.status != QuestionStatus.APPROVED:
                raise DomainError(_("Show the question before you highlight it."))
            # One question is the one being talked about now.
            Question.objects.filter(event=event, highlighted=True).exclude(pk=question.pk).update(
                highlighted=False
            )
        question.highlighted = action == "highlight"
    question.save(update_fields=["status", "approved_at", "answered", "highlighted"])
    after = {"status": question.status, "answered": question.answered, "highlighted": question.highlighted}
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    live.bump(event)
    audit.record(
        actor=actor, action=f"event.question_{action}", obj=question, changes=changes, space=event.space
    )
    return question


@transaction.atomic
def question_to_proposal(*, question: Question, actor: Any) -> Proposal:
    """Turn a question or input into a proposal in the event's space, linked both ways. Input from the
    audience has no author, so the proposal is anonymous when the space takes anonymous proposals;
    otherwise the facilitator sends it, saying where it came from."""
    event = question.event
    require(actor, "events.make_proposal", event)
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.proposal_id:
        raise DomainError(_("This input is already a proposal."))
    if question.status == QuestionStatus.HIDDEN:
        raise DomainError(_("This input is hidden. Show it before you make it a proposal."))
    space = event.space
    anonymous = actor.has_perm("proposals.submit_anonymous_proposal", space)
    if not anonymous and not actor.has_perm("proposals.submit_proposal", space):
        raise NotAllowed("proposals.submit_proposal")
    with translation.override(space.language):
        origin = _("From the audience at “%(event)s” on %(date)s.") % {
            "event": event.title,
            "date": date_format(timezone.localtime(event.starts_at), "DATE_FORMAT"),
        }
    first_line = question.text.splitlines()[0] if question.text else ""
    proposal = proposal_services.proposal_submit(
        space=space,
        actor=actor,
        title=Truncator(first_line).chars(110) or event.title[:110],
        body=f"{question.text}\n\n{origin}",
        kind=Kind.IDEA,
        language=space.language,
        anonymous=anonymous,
    )
    question.proposal = proposal
    question.save(update_fields=["proposal"])
    live.bump(event)
    audit.record(
        actor=actor,
        action="event.question_to_proposal",
        obj=question,
        changes={"proposal": [None, proposal.pk]},
        space=space,
    )
    return proposal


# Polls --------------------------------------------------------------------------------------------


@transaction.atomic
def poll_create(
    *, event: Event, actor: Any, question: str, options: Sequence[str], multiple: bool = False
) -> Poll:
    require(actor, "events.moderate_event", event)
    if event.status == EventStatus.ARCHIVED:
        raise DomainError(_("This event is archived and can no longer be changed."))
    question = clean_text(question).replace("\n", " ")
    cleaned = [clean_text(o).replace("\n", " ") for o in options]
    cleaned = [o for o in cleaned if o]
    if not question:
        raise DomainError(_("Write the poll question."))
    if len(question) > 200:
        raise DomainError(_("Write at most %(limit)d characters.") % {"limit": 200})
    if not POLL_OPTIONS_MIN <= len(cleaned) <= POLL_OPTIONS_MAX:
        raise DomainError(
            _("Give from %(min)d to %(max)d answers, one on each line.")
            % {"min": POLL_OPTIONS_MIN, "max": POLL_OPTIONS_MAX}
        )
    if any(len(o) > 120 for o in cleaned):
        raise DomainError(_("Write each answer in at most %(limit)d characters.") % {"limit": 120})
    if len({o.casefold() for o in cleaned}) != len(cleaned):
        raise DomainError(_("Two answers are the same. Give each answer once."))
    poll = Poll.objects.create(event=event, question=question, multiple=multiple)
    PollOption.objects.bulk_create(
        [PollOption(poll=poll, text=text, position=i) for i, text in enumerate(cleaned)]
    )
    live.bump(event)
    audit.record(
        actor=actor,
        action="event.poll_create",
        obj=poll,
        changes={"question": [None, question], "options": [None, cleaned]},
        space=event.space,
    )
    return poll


@transaction.atomic
def poll_set_status(*, poll: Poll, actor: Any, status: str) -> Poll:
    event = poll.event
    require(actor, "events.moderate_event", event)
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    check_poll_transition(poll.status, status)
    if status == PollStatus.OPEN and event.status != EventStatus.OPEN:
        raise DomainError(_("A poll can only be opened while the event is live."))
    old = poll.status
    poll.status = status
    poll.save(update_fields=["status"])
    live.bump(event)
    audit.record(
        actor=actor,
        action="event.poll_status",
        obj=poll,
        changes={"status": [old, status]},
        space=event.space,
    )
    return poll


def poll_vote(*, poll: Poll, actor: Any, voter: str, option_ids: Sequence[int]) -> bool:
    """Vote once per browser. False (and nothing changes) if this browser already voted."""
    event = poll.event
    _refuse_closed(event, live_only=True)
    if poll.status != PollStatus.OPEN:
        raise DomainError(_("This poll is closed. It no longer takes votes."))
    require(actor, "events.vote_poll", poll)
    chosen = sorted(set(option_ids))
    if not chosen:
        raise DomainError(_("Choose an answer."))
    if not poll.multiple and len(chosen) > 1:
        raise DomainError(_("Choose only one answer."))
    valid = set(PollOption.objects.filter(poll=poll, pk__in=chosen).values_list("pk", flat=True))
    if valid != set(chosen):
        raise DomainError(_("Choose from the answers of this poll."))
    try:
        with transaction.atomic():
            PollVote.objects.create(poll=poll, voter=live.voter_hash(voter), choices=chosen)
            PollOption.objects.filter(pk__in=chosen).update(vote_count=F("vote_count") + 1)
            Poll.objects.filter(pk=poll.pk).update(vote_count=F("vote_count") + 1)
            live.bump(event)
    except IntegrityError:
        return False
    return True
