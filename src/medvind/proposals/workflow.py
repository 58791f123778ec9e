"""The proposal status machine. Every transition carries a public written answer."""

from django.utils.translation import gettext as _

from medvind.core.errors import DomainError

from .models import Status


class ProgressError(DomainError):
    """The percentage for "in progress" is missing or out of range."""


S = Status
TRANSITIONS: dict[str, frozenset[str]] = {
    S.SUBMITTED: frozenset({S.RECEIVED}),
    S.RECEIVED: frozenset({S.UNDER_CONSIDERATION}),
    S.UNDER_CONSIDERATION: frozenset({S.ACCEPTED, S.PARTLY_ACCEPTED, S.DECLINED, S.PARKED}),
    S.ACCEPTED: frozenset({S.IN_PROGRESS}),
    S.PARTLY_ACCEPTED: frozenset({S.IN_PROGRESS}),
    # Staying in progress is how the percentage is updated.
    S.IN_PROGRESS: frozenset({S.IN_PROGRESS, S.DONE}),
    S.PARKED: frozenset({S.UNDER_CONSIDERATION}),
    S.DECLINED: frozenset(),
    S.DONE: frozenset(),
}


def allowed_next(status: str) -> list[str]:
    return [s for s in Status.values if s in TRANSITIONS.get(status, frozenset())]


def check_transition(from_status: str, to_status: str, progress: int | None) -> int:
    """The progress to store, or a DomainError that says why the change is not allowed."""
    if to_status not in TRANSITIONS.get(from_status, frozenset()):
        raise DomainError(
            _("A proposal that is “%(current)s” cannot become “%(new)s”.")
            % {"current": Status(from_status).label, "new": Status(to_status).label}
        )
    if to_status == S.IN_PROGRESS:
        if progress is None or not 0 <= progress <= 100:
            raise ProgressError(_("Give the progress as a percentage from 0 to 100."))
        return progress
    return 100 if to_status == S.DONE else 0
