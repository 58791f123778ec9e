"""The status machine: every pair of statuses is either allowed or refused with a clear message."""

import itertools

import pytest

from medvind.core.errors import DomainError
from medvind.core.models import AuditLogEntry, SpaceMembership
from medvind.proposals import services
from medvind.proposals.models import Answer, Proposal, Status
from medvind.proposals.workflow import ProgressError, allowed_next, check_transition
from tests.factories import ProposalFactory, SpaceMembershipFactory

S = Status
# Written out from the issue, not read from workflow.py, so that a change there has to be deliberate.
ALLOWED = {
    S.SUBMITTED: {S.RECEIVED},
    S.RECEIVED: {S.UNDER_CONSIDERATION},
    S.UNDER_CONSIDERATION: {S.ACCEPTED, S.PARTLY_ACCEPTED, S.DECLINED, S.PARKED},
    S.ACCEPTED: {S.IN_PROGRESS},
    S.PARTLY_ACCEPTED: {S.IN_PROGRESS},
    S.IN_PROGRESS: {S.IN_PROGRESS, S.DONE},
    S.PARKED: {S.UNDER_CONSIDERATION},
    S.DECLINED: set(),
    S.DONE: set(),
}
PAIRS = list(itertools.product(Status.values, Status.values))
ALLOWED_PAIRS = [(a, b) for a, b in PAIRS if b in ALLOWED[a]]
FORBIDDEN_PAIRS = [(a, b) for a, b in PAIRS if b not in ALLOWED[a]]


def test_the_table_covers_every_pair_of_statuses():
    assert len(ALLOWED_PAIRS) + len(FORBIDDEN_PAIRS) == len(Status.values) ** 2 == 81
    assert len(ALLOWED_PAIRS) == 11


@pytest.mark.parametrize("status", Status.values)
def test_the_answer_form_offers_exactly_the_allowed_next_statuses(status):
    assert set(allowed_next(status)) == ALLOWED[status]
    assert allowed_next(status) == [s for s in Status.values if s in ALLOWED[status]]  # in the usual order


@pytest.mark.parametrize(("current", "new"), ALLOWED_PAIRS, ids=[f"{a}->{b}" for a, b in ALLOWED_PAIRS])
def test_an_allowed_transition_is_accepted(current, new):
    progress = 40 if new == S.IN_PROGRESS else None
    expected = {S.IN_PROGRESS: 40, S.DONE: 100}.get(new, 0)
    assert check_transition(current, new, progress) == expected


@pytest.mark.parametrize(("current", "new"), FORBIDDEN_PAIRS, ids=[f"{a}->{b}" for a, b in FORBIDDEN_PAIRS])
def test_a_forbidden_transition_is_refused_with_a_message_naming_both_statuses(current, new):
    with pytest.raises(DomainError) as error:
        check_transition(current, new, 50)
    assert str(error.value) == (
        f"A proposal that is “{Status(current).label}” cannot become “{Status(new).label}”."
    )


@pytest.mark.parametrize("current", [S.ACCEPTED, S.PARTLY_ACCEPTED, S.IN_PROGRESS])
@pytest.mark.parametrize("progress", [None, -1, 101, 1000])
def test_in_progress_needs_a_percentage_from_0_to_100(current, progress):
    with pytest.raises(ProgressError, match="Give the progress as a percentage from 0 to 100."):
        check_transition(current, S.IN_PROGRESS, progress)


@pytest.mark.parametrize("progress", [0, 1, 99, 100])
def test_in_progress_keeps_the_given_percentage_including_the_ends(progress):
    assert check_transition(S.ACCEPTED, S.IN_PROGRESS, progress) == progress


def test_staying_in_progress_is_how_the_percentage_is_updated():
    assert check_transition(S.IN_PROGRESS, S.IN_PROGRESS, 75) == 75


def test_done_is_always_100_percent_whatever_was_sent():
    assert check_transition(S.IN_PROGRESS, S.DONE, None) == 100
    assert check_transition(S.IN_PROGRESS, S.DONE, 3) == 100


def test_a_decision_resets_the_percentage_to_0():
    assert check_transition(S.UNDER_CONSIDERATION, S.ACCEPTED, 80) == 0


# The same table through the service: the person answering sees the same rules, and a refused change
# leaves nothing behind.


@pytest.fixture
def facilitator(db):
    """A facilitator of one space: lighter than the whole world, for the 81 cases below."""
    return SpaceMembershipFactory(role=SpaceMembership.Role.FACILITATOR).user


def _proposal_in(status: str, facilitator) -> Proposal:
    space = facilitator.space_memberships.get().space
    return ProposalFactory(space=space, status=status, progress=30 if status == S.IN_PROGRESS else 0)


@pytest.mark.parametrize(("current", "new"), ALLOWED_PAIRS, ids=[f"{a}->{b}" for a, b in ALLOWED_PAIRS])
def test_the_service_makes_every_allowed_transition_with_a_timeline_row(facilitator, current, new):
    proposal = _proposal_in(current, facilitator)
    progress = 60 if new == S.IN_PROGRESS else None
    answer = services.proposal_answer(
        proposal=proposal, actor=facilitator, status=new, text="We did it.", progress=progress
    )
    proposal.refresh_from_db()
    assert proposal.status == new
    assert (answer.from_status, answer.to_status) == (current, new)
    assert answer.progress == (60 if new == S.IN_PROGRESS else None)
    assert proposal.progress == {S.IN_PROGRESS: 60, S.DONE: 100}.get(new, 0)


@pytest.mark.parametrize(("current", "new"), FORBIDDEN_PAIRS, ids=[f"{a}->{b}" for a, b in FORBIDDEN_PAIRS])
def test_the_service_refuses_every_forbidden_transition_and_writes_nothing(facilitator, current, new):
    proposal = _proposal_in(current, facilitator)
    audit_rows = AuditLogEntry.objects.count()
    with pytest.raises(DomainError, match="cannot become"):
        services.proposal_answer(
            proposal=proposal, actor=facilitator, status=new, text="Forged.", progress=50
        )
    proposal.refresh_from_db()
    assert proposal.status == current
    assert not Answer.objects.filter(proposal=proposal).exists()
    assert AuditLogEntry.objects.count() == audit_rows


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_every_transition_needs_a_written_answer(facilitator, text):
    proposal = _proposal_in(S.SUBMITTED, facilitator)
    with pytest.raises(DomainError, match="Write a public answer"):
        services.proposal_answer(proposal=proposal, actor=facilitator, status=S.RECEIVED, text=text)
    proposal.refresh_from_db()
    assert proposal.status == S.SUBMITTED
    assert not Answer.objects.exists()


def test_a_progress_out_of_range_is_refused_and_the_old_percentage_kept(facilitator):
    proposal = _proposal_in(S.IN_PROGRESS, facilitator)
    with pytest.raises(ProgressError):
        services.proposal_answer(
            proposal=proposal, actor=facilitator, status=S.IN_PROGRESS, text="More.", progress=101
        )
    proposal.refresh_from_db()
    assert proposal.progress == 30
    assert not Answer.objects.exists()
