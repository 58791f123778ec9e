"""The event status machine: draft → live → closed (postbox open for N days) → archived."""

from django.utils.translation import gettext as _

from medvind.core.errors import DomainError

from .models import EventStatus, PollStatus

S = EventStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.OPEN, S.ARCHIVED}),
    S.OPEN: frozenset({S.CLOSED}),
    # Closed by mistake: it can go live again while it is not archived.
    S.CLOSED: frozenset({S.OPEN, S.ARCHIVED}),
    S.ARCHIVED: frozenset(),
}

POLL_TRANSITIONS: dict[str, frozenset[str]] = {
    PollStatus.DRAFT: frozenset({PollStatus.OPEN}),
    PollStatus.OPEN: frozenset({PollStatus.CLOSED}),
    PollStatus.CLOSED: frozenset({PollStatus.OPEN}),
}


def allowed_next(status: str) -> list[str]:
    return [s for s in EventStatus.values if s in TRANSITIONS.get(status, frozenset())]


def check_transition(from_status: str, to_status: str) -> None:
    if to_status not in TRANSITIONS.get(from_status, frozenset()):
        raise DomainError(
            _("An event that is “%(current)s” cannot become “%(new)s”.")
            % {"current": EventStatus(from_status).label, "new": _label(to_status)}
        )


def check_poll_transition(from_status: str, to_status: str) -> None:
    if to_status not in POLL_TRANSITIONS.get(from_status, frozenset()):
        raise DomainError(_("This poll cannot be changed that way."))


def _label(status: str) -> str:
    return str(EventStatus(status).label) if status in EventStatus.values else status
