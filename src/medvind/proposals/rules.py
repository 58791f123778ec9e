"""Who may do what with proposals. Listed in docs/permissions.md."""

import rules
from django.utils import timezone

from medvind.core.models import OrganisationMembership, Space
from medvind.core.rules import is_platform_admin, is_public_space, is_space_facilitator, is_space_member

from .models import CLOSED_STATUSES, Comment, Proposal

EDIT_MINUTES = 15


@rules.predicate
def can_view_space(user, space: Space) -> bool:
    return bool(user.has_perm("core.view_space", space))


@rules.predicate
def proposals_open(user, space: Space) -> bool:
    return space.proposals_open


@rules.predicate
def anonymous_allowed(user, space: Space) -> bool:
    return space.proposals_open and space.anonymous_proposals and space.visibility == Space.Visibility.PUBLIC


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(user.is_authenticated)


@rules.predicate
def can_view_proposal(user, proposal: Proposal) -> bool:
    return bool(user.has_perm("core.view_space", proposal.space))


@rules.predicate
def is_open_for_taking_part(user, proposal: Proposal) -> bool:
    return (
        proposal.status not in CLOSED_STATUSES and not proposal.is_hidden and proposal.merged_into_id is None
    )


@rules.predicate
def is_proposal_responder(user, proposal: Proposal) -> bool:
    if not user.is_authenticated:
        return False
    if proposal.responder_id == user.pk:
        return True
    return bool(
        proposal.responder_organisation_id
        and OrganisationMembership.objects.filter(
            user=user,
            organisation_id=proposal.responder_organisation_id,
            role__in=[OrganisationMembership.Role.ADMIN, OrganisationMembership.Role.STAFF],
        ).exists()
    )


@rules.predicate
def is_proposal_facilitator(user, proposal: Proposal) -> bool:
    return bool(is_space_facilitator(user, proposal.space))


@rules.predicate
def is_comment_author(user, comment: Comment) -> bool:
    return bool(user.is_authenticated and comment.author_id == user.pk and comment.deleted_at is None)


@rules.predicate
def comment_is_fresh(user, comment: Comment) -> bool:
    return (timezone.now() - comment.created_at).total_seconds() <= EDIT_MINUTES * 60


@rules.predicate
def comment_space_visible(user, comment: Comment) -> bool:
    return bool(user.has_perm("core.view_space", comment.proposal.space))


can_take_part_in_space = is_public_space | is_space_member | is_platform_admin
can_moderate = is_proposal_facilitator | is_platform_admin

rules.add_perm(
    "proposals.submit_proposal", proposals_open & is_signed_in & can_view_space & can_take_part_in_space
)
rules.add_perm("proposals.submit_anonymous_proposal", anonymous_allowed)
rules.add_perm("proposals.view_proposal", can_view_proposal)
rules.add_perm("proposals.support_proposal", is_signed_in & can_view_proposal & is_open_for_taking_part)
rules.add_perm("proposals.comment_proposal", is_signed_in & can_view_proposal & is_open_for_taking_part)
rules.add_perm("proposals.follow_proposal", is_signed_in & can_view_proposal)
rules.add_perm("proposals.report_proposal", is_signed_in & can_view_proposal)
rules.add_perm("proposals.answer_proposal", is_proposal_responder | can_moderate)
rules.add_perm("proposals.assign_proposal", can_moderate)
rules.add_perm("proposals.moderate_proposal", can_moderate)
rules.add_perm("proposals.edit_comment", is_comment_author & comment_is_fresh & comment_space_visible)
rules.add_perm("proposals.delete_comment", is_comment_author & comment_space_visible)
rules.add_perm("proposals.manage_themes", is_space_facilitator | is_platform_admin)
rules.add_perm("proposals.view_accountability", can_view_space)
