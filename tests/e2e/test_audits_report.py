"""The report of a user-led audit in the browser: two auditors write the same section at once and lose
nothing, the coordinator publishes the report, the service answers the recommendation, and the follow-up
reminder arrives and leads to the follow-up. Every page passes axe-core."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone

from medvind.accounts.models import User
from medvind.audits import services
from medvind.audits.models import Audit, Phase, Recommendation, ReportSection, SectionKind
from medvind.audits.tasks import send_follow_up_reminders
from medvind.core.models import Organisation, Space

from .helpers import expect, last_email_to, link_in, tr
from .proposals_helpers import sign_in_at

pytestmark = pytest.mark.e2e

SPACE = "brukarrevision-av-boendestodet-2026"
REPORT = f"/en/spaces/{SPACE}/audit/report/"


@pytest.fixture
def writing(demo) -> Audit:
    people = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@demo.example")}
    coordinator = people["coordinator"]
    audit = services.audit_commission(
        space=Space.objects.get(slug=SPACE),
        actor=coordinator,
        service=Organisation.objects.get(name="Boendestöd Exempelkommun"),
        commissioner=Organisation.objects.get(name="Region Mellanland"),
        question="How does the housing support work for the people who get it?",
        target_group="Adults with housing support",
    )
    for key in ("auditor", "representative"):
        services.pool_join(actor=people[key])
        services.team_add(audit=audit, actor=coordinator, user=people[key])
    for kind in SectionKind.values:
        if kind != SectionKind.FINDINGS:
            ReportSection.objects.create(audit=audit, kind=kind, text=f"The {kind} section.", version=1)
    audit.phase = Phase.WRITING
    audit.save()
    return audit


def test_auditors_write_together_the_report_is_published_and_the_service_answers(new_page, writing):
    edit = f"/en/spaces/{SPACE}/audit/report/findings/edit/"
    first, second = new_page(), new_page()
    sign_in_at(first, "auditor@demo.example", edit)
    sign_in_at(second, "representative@demo.example", edit)
    expect(first.get_by_role("heading", level=1)).to_have_text("Write “Findings”")
    expect(second.get_by_role("heading", level=1)).to_have_text("Write “Findings”")

    first.get_by_label("Text").fill("Most people are content with the staff.")
    first.get_by_role("button", name="Save the section").click()
    expect(first.get_by_role("status")).to_have_text("The section is saved.")

    second.get_by_label("Text").fill("Many want support in the evening.")
    second.get_by_role("button", name="Save the section").click()
    expect(second.get_by_role("alert")).to_contain_text(
        "Someone else saved this section while you were writing."
    )
    expect(second.get_by_role("region", name="The version saved by the other person")).to_contain_text(
        "Most people are content with the staff."
    )
    expect(second.get_by_label("Text")).to_have_value("Many want support in the evening.")
    second.get_by_label("Text").fill(
        "Most people are content with the staff. Many want support in the evening."
    )
    second.get_by_role("button", name="Save the section").click()
    expect(second.get_by_role("status")).to_have_text("The section is saved.")
    expect(second.get_by_role("region", name="Findings")).to_contain_text("Many want support in the evening.")

    second.get_by_label("New recommendation").fill("Offer support by phone in the evening.")
    second.get_by_role("button", name="Add the recommendation").click()
    expect(second.get_by_role("status")).to_have_text("The recommendation is added.")

    coordinator = new_page()
    sign_in_at(coordinator, "coordinator@demo.example", f"/en/spaces/{SPACE}/audit/")
    for phase in ("Fact check by the service", "Report published"):
        coordinator.get_by_label("Next phase").select_option(label=phase)
        coordinator.get_by_role("button", name="Move the audit on").click()
        expect(coordinator.get_by_role("status")).to_have_text("The audit has moved to the next phase.")
    assert Audit.objects.get().published_at is not None

    service = new_page()
    sign_in_at(service, "responder@demo.example", REPORT)
    service.get_by_text("Answer for the service").click()
    service.get_by_label("We partly agree").check()
    service.get_by_role("textbox", name="The service's answer").fill("We will try phone support until 9 pm.")
    service.get_by_label("What the service will do").fill("A pilot for six months.")
    service.get_by_label("Who is responsible").fill("Head of housing support")
    service.get_by_label("Progress").select_option(label="In progress")
    service.get_by_role("button", name="Save the answer").click()
    expect(service.get_by_role("status")).to_have_text("The service's answer is saved.")
    expect(service.locator("#recommendations")).to_contain_text("We will try phone support until 9 pm.")
    assert Recommendation.objects.get().stance == "partly"

    visitor = new_page()  # the published report is public, with its PDF
    visitor.goto(REPORT)
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("Report:")
    expect(visitor.get_by_role("link", name="Download the report as PDF")).to_be_visible()

    # Months later the follow-up is due: the reminder reaches the coordinator and leads to the follow-up.
    Audit.objects.update(phase=Phase.RESPONSE, follow_up_due_on=timezone.localdate() - dt.timedelta(days=1))
    mail.outbox.clear()
    send_follow_up_reminders.enqueue()
    link = link_in(last_email_to("coordinator@demo.example"))
    assert urlsplit(link).path.startswith("/sv/")  # the coordinator reads Swedish
    coordinator.goto(urlsplit(link).path)
    expect(coordinator.get_by_role("button", name=tr("sv", "Start a follow-up audit"))).to_be_visible()
