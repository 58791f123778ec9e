"""The audit and survey pages of the demo in all five languages, as the coordinator, an auditor, the
service and a visitor: each answers, has its `<html lang>` and one main heading, and passes axe-core."""

import pytest
from playwright.sync_api import Page

from medvind.audits import demo as audits_demo
from medvind.audits.models import Audit
from medvind.surveys import demo as surveys_demo
from medvind.surveys.models import Survey, SurveyStatus

from .helpers import LANGUAGES, expect, sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def audit(demo) -> Audit:
    surveys_demo.load_demo()
    audits_demo.load_demo()
    return Audit.objects.get(follows_up=None)


def visit(page: Page, path: str, language: str) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 200, f"{path}: {response and response.status}"
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)


def pages(audit: Audit, language: str) -> list[str]:
    slug = audit.space.slug
    survey = (
        Survey.objects.filter(space=audit.space, status=SurveyStatus.CLOSED).order_by("-created_at").first()
    )
    L = f"/{language}"
    return [
        f"{L}/spaces/{slug}/",
        f"{L}/spaces/{slug}/audit/",
        f"{L}/spaces/{slug}/audit/report/",
        f"{L}/spaces/{slug}/audit/information/",
        f"{L}/spaces/{slug}/surveys/",
        f"{L}/spaces/{slug}/surveys/{survey.pk}/",
        f"{L}/spaces/{slug}/surveys/{survey.pk}/results/",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_coordinator_sees_every_audit_page_in_every_language(new_page, audit, language):
    page = new_page()
    sign_in(page, "coordinator@demo.example", language=language)
    for path in [
        *pages(audit, language),
        f"/{language}/spaces/{audit.space.slug}/audit/team/",
        f"/{language}/audits/pool/",
        f"/{language}/audits/pool/me/",
    ]:
        visit(page, path, language)


@pytest.mark.parametrize("language", ["da", "nn"])
def test_a_visitor_reads_the_published_report_and_the_information(new_page, audit, language):
    page = new_page()
    slug = audit.space.slug
    for path in (f"/{language}/spaces/{slug}/audit/report/", f"/{language}/spaces/{slug}/audit/information/"):
        visit(page, path, language)
    open_survey = Survey.objects.get(space=audit.space, status=SurveyStatus.OPEN)
    response = page.goto(f"/{language}/s/{open_survey.token}/")
    assert response is not None and response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(open_survey.title)
