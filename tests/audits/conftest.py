import pytest

from medvind.audits import services
from medvind.audits.models import Audit
from medvind.core.models import Organisation, Space
from tests.factories import OrganisationFactory, SpaceFactory

AGREEMENT = {
    "timetable": "Interviews in March, the report in May.",
    "who_informs": "The staff hand out the letter; the auditors explain at the house meeting.",
    "reporting_back": "The auditors present the report at the users' meeting.",
}


@pytest.fixture
def service(db):
    return OrganisationFactory(name="Boendestödet", slug="boendestodet", kind=Organisation.Kind.SERVICE)


def commission(space, actor, service, commissioner, **extra) -> Audit:
    values = {
        "service": service,
        "commissioner": commissioner,
        "question": "How do the users experience the housing support?",
        "target_group": "People who get housing support",
        **AGREEMENT,
        **extra,
    }
    return services.audit_commission(space=space, actor=actor, **values)


@pytest.fixture
def audit(world, service) -> Audit:
    """The members-only audit space's audit, commissioned by its facilitator (now the coordinator)."""
    return commission(world.members_only, world["facilitator"], service, world.owner)


@pytest.fixture
def public_audit(world, service) -> Audit:
    space = SpaceFactory(
        title="Open audit", slug="open-audit", kind=Space.Kind.AUDIT, organisations=[world.owner]
    )
    space.memberships.create(user=world["facilitator"], role="facilitator")
    return commission(space, world["facilitator"], service, world.owner)
