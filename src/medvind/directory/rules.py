"""Who may do what in the contact bank and with calls for representatives. Listed in docs/permissions.md.

Calls are run by the facilitators of their space (the coordinators)."""

import rules

from medvind.core.models import Organisation, Space, SpaceMembership
from medvind.core.rules import _space_role, is_organisation_admin, is_platform_admin, is_signed_in

from .models import Call


@rules.predicate
def facilitates(user, obj) -> bool:
    space = obj if isinstance(obj, Space) else obj.space
    return _space_role(user, space) == SpaceMembership.Role.FACILITATOR


@rules.predicate
def sees_space(user, call: Call) -> bool:
    return bool(user.has_perm("core.view_space", call.space))


@rules.predicate
def call_is_open(user, call: Call) -> bool:
    return call.is_open


@rules.predicate
def admin_of(user, organisation: Organisation) -> bool:
    return bool(is_organisation_admin(user, organisation))


runs = facilitates | is_platform_admin

rules.add_perm("directory.view_directory", rules.always_allow)
rules.add_perm("directory.change_entry", admin_of | is_platform_admin)
rules.add_perm("directory.contact", rules.always_allow)
rules.add_perm("directory.list_self", is_signed_in)
rules.add_perm("directory.create_call", runs)
rules.add_perm("directory.view_call", sees_space | runs)
rules.add_perm("directory.apply", is_signed_in & call_is_open & sees_space)
rules.add_perm("directory.review_applications", runs)

rules.add_perm("directory.join_panel", is_signed_in)
rules.add_perm("directory.consult_panel", runs)
