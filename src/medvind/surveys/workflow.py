"""The survey status machine: draft → open → closed; a closed survey can open again."""

from django.utils.translation import gettext as _

from medvind.core.errors import DomainError

from .models import SurveyStatus

S = SurveyStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.OPEN}),
    S.OPEN: frozenset({S.CLOSED}),
    # Closed too early, or more answers are needed: it can take answers again.
    S.CLOSED: frozenset({S.OPEN}),
}


def allowed_next(status: str) -> list[str]:
    return [s for s in SurveyStatus.values if s in TRANSITIONS.get(status, frozenset())]


def check_transition(from_status: str, to_status: str) -> None:
    if to_status not in TRANSITIONS.get(from_status, frozenset()):
        raise DomainError(
            _("A survey that is “%(current)s” cannot become “%(new)s”.")
            % {"current": _label(from_status), "new": _label(to_status)}
        )


def _label(status: str) -> str:
    return str(SurveyStatus(status).label) if status in SurveyStatus.values else status
