"""Who may do what in the knowledge bank. Listed in docs/permissions.md.

Organisation admins and staff write and publish their organisation's items; platform admins curate the
shared collection (items without an organisation). Everyone sees published items; drafts only those who
may change them."""

import rules

from medvind.core.rules import is_organisation_writer, is_platform_admin, is_staff_somewhere

from .models import Item, ItemStatus


@rules.predicate
def writes_for_owner(user, item: Item) -> bool:
    return item.organisation_id is not None and bool(is_organisation_writer(user, item.organisation))


@rules.predicate
def is_published(user, item: Item) -> bool:
    return item.status == ItemStatus.PUBLISHED


writes = writes_for_owner | is_platform_admin

rules.add_perm("knowledge.create_item", is_staff_somewhere | is_platform_admin)
rules.add_perm("knowledge.view_item", is_published | writes)
rules.add_perm("knowledge.change_item", writes)
rules.add_perm("knowledge.publish_item", writes)
