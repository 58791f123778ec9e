"""Who may do what with live events. Listed in docs/permissions.md."""

import rules

from medvind.core.rules import is_platform_admin, is_space_facilitator

from .models import Event, EventStatus, Poll, PollStatus, Question


def _event(obj: Event | Question | Poll) -> Event:
    return obj if isinstance(obj, Event) else obj.event


@rules.predicate
def can_view_space(user, space) -> bool:
    return bool(user.has_perm("core.view_space", space))


@rules.predicate
def runs_space(user, space) -> bool:
    return bool(is_space_facilitator(user, space))


@rules.predicate
def runs_event(user, obj) -> bool:
    return bool(is_space_facilitator(user, _event(obj).space))


@rules.predicate
def sees_event_space(user, obj) -> bool:
    return bool(user.has_perm("core.view_space", _event(obj).space))


@rules.predicate
def is_published(user, obj) -> bool:
    return _event(obj).status != EventStatus.DRAFT


@rules.predicate
def is_live(user, obj) -> bool:
    return _event(obj).status == EventStatus.OPEN


@rules.predicate
def takes_input(user, obj) -> bool:
    return _event(obj).takes_input


@rules.predicate
def not_archived(user, obj) -> bool:
    return _event(obj).status != EventStatus.ARCHIVED


@rules.predicate
def poll_is_open(user, poll: Poll) -> bool:
    return poll.status == PollStatus.OPEN


runs = runs_event | is_platform_admin
audience = sees_event_space & is_published

rules.add_perm("events.create_event", (can_view_space & runs_space) | is_platform_admin)
rules.add_perm("events.view_event", audience | runs)
rules.add_perm("events.change_event", runs & not_archived)
rules.add_perm("events.moderate_event", runs & not_archived)
rules.add_perm("events.present_event", runs)
rules.add_perm("events.export_event", runs)
rules.add_perm("events.ask_question", audience & takes_input)
rules.add_perm("events.upvote_question", audience & is_live)
rules.add_perm("events.vote_poll", audience & is_live & poll_is_open)
rules.add_perm("events.make_proposal", runs)
