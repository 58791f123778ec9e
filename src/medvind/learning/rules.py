"""Who may do what with learning paths. Listed in docs/permissions.md.

Anyone may read a published path; signed-in people take it. Organisation admins and staff write their
organisation's paths; platform admins curate the shared ones (no organisation), as in the knowledge
bank. The figures of how many started and completed are for those who run participation: staff and
admins of any organisation, facilitators of any space, and platform admins. Nobody but its author ever
sees a reflection: there is no permission for that, on purpose."""

import rules

from medvind.core.models import SpaceMembership
from medvind.core.rules import (
    is_organisation_writer,
    is_platform_admin,
    is_signed_in,
    is_staff_somewhere,
)

from .models import Path


@rules.predicate
def is_published(user, path: Path) -> bool:
    return path.published


@rules.predicate
def writes_for_owner(user, path: Path) -> bool:
    return path.organisation_id is not None and bool(is_organisation_writer(user, path.organisation))


@rules.predicate
def facilitates_somewhere(user) -> bool:
    return bool(
        user.is_authenticated
        and SpaceMembership.objects.filter(user=user, role=SpaceMembership.Role.FACILITATOR).exists()
    )


writes = writes_for_owner | is_platform_admin

rules.add_perm("learning.view_path", is_published | writes)
rules.add_perm("learning.start_path", is_signed_in & is_published)
rules.add_perm("learning.view_statistics", is_staff_somewhere | facilitates_somewhere | is_platform_admin)
rules.add_perm("learning.create_path", is_staff_somewhere | is_platform_admin)
rules.add_perm("learning.change_path", writes)
