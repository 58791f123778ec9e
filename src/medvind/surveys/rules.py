"""Who may do what with surveys. Listed in docs/permissions.md.

Facilitators run surveys in any space. In a user-led audit the auditors write the questionnaire and
collect answers, so there every member except the service's responders may too."""

import rules

from medvind.core.models import Space, SpaceMembership
from medvind.core.rules import _space_role, is_platform_admin

from .models import Survey, SurveyStatus

Role = SpaceMembership.Role
AUDIT_WRITERS = frozenset({Role.FACILITATOR, Role.REPRESENTATIVE, Role.MEMBER})


def _space(obj: Space | Survey) -> Space:
    return obj if isinstance(obj, Space) else obj.space


@rules.predicate
def writes_surveys(user, obj) -> bool:
    space = _space(obj)
    role = _space_role(user, space)
    if role == Role.FACILITATOR:
        return True
    return space.kind == Space.Kind.AUDIT and role in AUDIT_WRITERS


@rules.predicate
def sees_space(user, obj) -> bool:
    return bool(user.has_perm("core.view_space", _space(obj)))


@rules.predicate
def results_public(user, survey: Survey) -> bool:
    return survey.results_public and survey.status != SurveyStatus.DRAFT


@rules.predicate
def is_open(user, survey: Survey) -> bool:
    return survey.is_accepting()


writers = writes_surveys | is_platform_admin

rules.add_perm("surveys.create_survey", writers)
rules.add_perm("surveys.view_survey", writers)
rules.add_perm("surveys.change_survey", writers)
rules.add_perm("surveys.enter_response", writers & is_open)
rules.add_perm("surveys.view_results", writers | (sees_space & results_public))
