"""Who may do what in forums. Listed in docs/permissions.md and walked by tests/forums/test_rules.py."""

import rules

from medvind.core.models import Space
from medvind.core.rules import (
    can_lead_space,
    is_owner_admin,
    is_platform_admin,
    is_public_space,
    is_space_member,
)

from .models import ActionItem, AgendaItem, Meeting


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(user.is_authenticated)


@rules.predicate
def is_forum(user, space: Space) -> bool:
    return space.kind == Space.Kind.FORUM


@rules.predicate
def can_view_space(user, space: Space) -> bool:
    return bool(user.has_perm("core.view_space", space))


@rules.predicate
def can_view_meeting(user, meeting: Meeting) -> bool:
    return bool(user.has_perm("core.view_space", meeting.space))


@rules.predicate
def leads_meeting_space(user, meeting: Meeting) -> bool:
    return bool(can_lead_space(user, meeting.space))


@rules.predicate
def can_take_part_in_meeting(user, meeting: Meeting) -> bool:
    space = meeting.space
    return bool(is_public_space(user, space) or is_space_member(user, space) or is_owner_admin(user, space))


@rules.predicate
def is_member_of_meeting_space(user, meeting: Meeting) -> bool:
    return bool(is_space_member(user, meeting.space))


@rules.predicate
def is_member_of_item_space(user, item: AgendaItem) -> bool:
    return bool(is_space_member(user, item.space))


@rules.predicate
def leads_action_space(user, action: ActionItem) -> bool:
    return bool(can_lead_space(user, action.space))


@rules.predicate
def owns_action(user, action: ActionItem) -> bool:
    return bool(
        user.is_authenticated
        and action.owner_id == user.pk
        and user.has_perm("core.view_space", action.space)
    )


rules.add_perm("forums.create_meeting", is_forum & can_lead_space)
rules.add_perm("forums.view_meeting", can_view_meeting)
rules.add_perm("forums.change_meeting", leads_meeting_space)
rules.add_perm("forums.register_for_meeting", is_signed_in & can_take_part_in_meeting | is_platform_admin)
rules.add_perm("forums.view_registrations", leads_meeting_space)
rules.add_perm("forums.mark_attendance", leads_meeting_space)
rules.add_perm("forums.propose_agenda_item", is_member_of_meeting_space | is_platform_admin)
rules.add_perm("forums.vote_agenda_item", is_member_of_item_space | is_platform_admin)
rules.add_perm("forums.schedule_agenda", leads_meeting_space)
rules.add_perm("forums.write_minutes", leads_meeting_space)
rules.add_perm("forums.view_overview", can_lead_space)
rules.add_perm("forums.change_action_item", leads_action_space | owns_action)
rules.add_perm("forums.view_member_list", can_view_space)
rules.add_perm("forums.choose_listing", is_space_member | is_platform_admin)
