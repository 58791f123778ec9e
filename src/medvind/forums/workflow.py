"""The two state machines of a meeting: the meeting itself, and its minutes."""

from django.utils.translation import gettext as _

from medvind.core.errors import DomainError

from .models import MeetingState, MinutesState

M = MeetingState
MEETING_TRANSITIONS: dict[str, frozenset[str]] = {
    M.PLANNED: frozenset({M.HELD, M.CANCELLED}),
    M.HELD: frozenset(),
    M.CANCELLED: frozenset(),
}

N = MinutesState
# Minutes are written after the meeting is held. Published minutes can be taken back to draft to correct them.
MINUTES_TRANSITIONS: dict[str, frozenset[str]] = {
    N.NONE: frozenset({N.DRAFT}),
    N.DRAFT: frozenset({N.PUBLISHED}),
    N.PUBLISHED: frozenset({N.DRAFT}),
}


def check_meeting_transition(from_state: str, to_state: str) -> None:
    if to_state not in MEETING_TRANSITIONS.get(from_state, frozenset()):
        raise DomainError(
            _("A meeting that is “%(current)s” cannot become “%(new)s”.")
            % {"current": MeetingState(from_state).label, "new": MeetingState(to_state).label}
        )


def check_minutes_transition(meeting_state: str, from_state: str, to_state: str) -> None:
    if meeting_state != M.HELD:
        raise DomainError(_("Minutes can be written once the meeting is marked as held."))
    if to_state not in MINUTES_TRANSITIONS.get(from_state, frozenset()):
        raise DomainError(
            _("Minutes that are “%(current)s” cannot become “%(new)s”.")
            % {"current": MinutesState(from_state).label, "new": MinutesState(to_state).label}
        )
