"""The audit's phases as a state machine. Forward one phase at a time; two steps back are allowed
(collect more answers after a first analysis; rewrite after the service's fact check)."""

from django.utils.translation import gettext as _

from medvind.core.errors import DomainError

from .models import Audit, Phase, SectionKind

P = Phase
ORDER: list[str] = list(Phase.values)
TRANSITIONS: dict[str, frozenset[str]] = {
    P.COMMISSIONED: frozenset({P.PLANNING}),
    P.PLANNING: frozenset({P.INSTRUMENTS}),
    P.INSTRUMENTS: frozenset({P.COLLECTION}),
    P.COLLECTION: frozenset({P.ANALYSIS}),
    P.ANALYSIS: frozenset({P.WRITING, P.COLLECTION}),
    P.WRITING: frozenset({P.FACTUAL_CHECK}),
    P.FACTUAL_CHECK: frozenset({P.PUBLISHED, P.WRITING}),
    P.PUBLISHED: frozenset({P.RESPONSE}),
    P.RESPONSE: frozenset({P.FOLLOW_UP}),
    P.FOLLOW_UP: frozenset({P.CLOSED}),
    P.CLOSED: frozenset(),
}


def allowed_next(phase: str) -> list[str]:
    return [p for p in ORDER if p in TRANSITIONS.get(phase, frozenset())]


def check_transition(audit: Audit, to_phase: str) -> None:
    """Raise DomainError if the audit cannot move to `to_phase` now, saying why."""
    if to_phase not in TRANSITIONS.get(audit.phase, frozenset()):
        raise DomainError(
            _("An audit in the phase “%(current)s” cannot move to “%(new)s”.")
            % {"current": Phase(audit.phase).label, "new": _label(to_phase)}
        )
    if to_phase == P.PLANNING and not audit.agreement_accepted:
        raise DomainError(_("Both the service and the auditors must accept the agreement first."))
    if to_phase == P.INSTRUMENTS and not audit.team.filter(role="auditor").exists():
        raise DomainError(_("Add at least one user auditor to the team first."))
    if to_phase == P.COLLECTION and not audit.space.surveys.exists():
        raise DomainError(_("Write a questionnaire or an interview guide first."))
    if to_phase == P.FACTUAL_CHECK:
        written = set(audit.sections.exclude(text="").values_list("kind", flat=True))
        if written != set(SectionKind.values) or not audit.recommendations.exists():
            raise DomainError(_("Write every section of the report and at least one recommendation first."))
    if to_phase == P.FOLLOW_UP and audit.recommendations.filter(stance="").exists():
        raise DomainError(_("The service must answer every recommendation first."))


def _label(phase: str) -> str:
    return str(Phase(phase).label) if phase in Phase.values else phase
