"""A user-led audit as people run it: an auditor joins the pool with the keyboard alone; the coordinator
commissions an audit of a service, both sides accept the agreement, and the coordinator builds the team
from the pool, where a person who uses the service is marked and refused. Every page passes axe-core."""

import pytest

from medvind.audits.models import Audit, Phase

from .helpers import expect
from .proposals_helpers import sign_in_at

pytestmark = pytest.mark.e2e

SPACE = "brukarrevision-av-boendestodet-2026"
AUDIT = f"/en/spaces/{SPACE}/audit/"


def join_pool(page, email: str, *, uses_service: bool = False) -> None:
    sign_in_at(page, email, "/en/audits/pool/me/")
    page.get_by_label("Experience areas").fill("Housing support, psychiatry")
    page.get_by_label("Swedish").check()
    if uses_service:
        page.get_by_label("Boendestöd Exempelkommun").check()
    page.get_by_role("button", name="Join the pool").click()
    expect(page.get_by_role("status")).to_have_text("Your entry in the auditor pool is saved.")


def test_an_auditor_joins_the_pool_and_records_training_with_the_keyboard(new_page, demo):
    page = new_page()
    sign_in_at(page, "auditor@demo.example", "/en/audits/pool/me/")
    page.get_by_label("Experience areas").focus()
    page.keyboard.type("Housing support")
    page.get_by_role("button", name="Join the pool").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Your entry in the auditor pool is saved.")
    page.get_by_label("Course").focus()
    page.keyboard.type("Training for user auditors")
    page.keyboard.press("Tab")
    page.keyboard.type("01022026")
    page.get_by_label("To").focus()
    page.keyboard.type("01012026")  # before it starts
    page.get_by_label("Hours").focus()
    page.keyboard.type("24")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("The course cannot end before it starts.")
    expect(page.get_by_label("Course")).to_have_value("Training for user auditors")
    page.get_by_label("To").focus()
    page.keyboard.type("03032026")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("The training is recorded.")
    expect(page.get_by_role("region", name="Your training")).to_contain_text("Training for user auditors")


def test_a_coordinator_commissions_an_audit_and_builds_the_team_from_the_pool(new_page, demo):
    join_pool(new_page(), "auditor@demo.example")
    join_pool(new_page(), "participant@demo.example", uses_service=True)

    coordinator = new_page()
    sign_in_at(coordinator, "coordinator@demo.example", f"/en/spaces/{SPACE}/")
    coordinator.get_by_role("link", name="Commission a user-led audit").click()
    expect(coordinator.get_by_role("heading", name="Commission a user-led audit", level=1)).to_be_visible()
    coordinator.get_by_label("Service that is audited").select_option(label="Boendestöd Exempelkommun")
    coordinator.get_by_label("Commissioned by").select_option(label="Region Mellanland")
    coordinator.get_by_label("What the audit examines").fill("How do people experience the housing support?")
    coordinator.get_by_label("Who is asked").fill("Adults with housing support")
    coordinator.get_by_label("Timetable").fill("Interviews in April, the report in August.")
    coordinator.get_by_label("Who tells the respondents about the audit").fill("The staff hand out a letter.")
    coordinator.get_by_label("How the results are reported back").fill("The auditors present the report.")
    coordinator.get_by_role("button", name="Commission the audit").click()
    expect(coordinator.get_by_role("status")).to_contain_text("The audit is commissioned.")
    coordinator.get_by_role("button", name="Accept the agreement for the auditors").click()
    expect(coordinator.get_by_role("status")).to_have_text("You have accepted the agreement.")

    coordinator.get_by_role("link", name="Choose the team").click()
    expect(coordinator.get_by_role("heading", name="The audit team", level=1)).to_be_visible()
    coordinator.get_by_label("Person").select_option(label="Pia (uses this service)")
    coordinator.get_by_role("button", name="Add to the team").click()
    expect(coordinator.get_by_role("alert")).to_contain_text("uses this service and cannot audit it")
    coordinator.get_by_label("Person").select_option(label="Ahmed")
    coordinator.get_by_role("button", name="Add to the team").click()
    expect(coordinator.get_by_role("status")).to_have_text("Ahmed is in the team.")
    expect(coordinator.get_by_role("table", name="The audit team")).to_contain_text("User auditor")

    service = new_page()
    sign_in_at(service, "responder@demo.example", AUDIT)
    service.get_by_role("button", name="Accept the agreement for the service").click()
    expect(service.get_by_role("status")).to_have_text("You have accepted the agreement.")

    coordinator.goto(AUDIT)
    coordinator.get_by_label("Next phase").select_option(label="Planning")
    coordinator.get_by_role("button", name="Move the audit on").click()
    expect(coordinator.get_by_role("status")).to_have_text("The audit has moved to the next phase.")
    expect(coordinator.locator("[aria-current=step]")).to_contain_text("Planning")
    assert Audit.objects.get().phase == Phase.PLANNING
