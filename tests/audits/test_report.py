"""The report: written together without losing text, recommendations answered by the service, the PDF
read back, publication on the service's public page."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from pypdf import PdfReader

from medvind.audits import services
from medvind.audits.models import Phase, Progress, ReportSection, SectionKind
from medvind.core.errors import DomainError
from tests.factories import UserFactory
from tests.helpers import LANGUAGES, field_error, field_value, html_lang, page, url

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>"


@pytest.fixture
def writing(world, audit):
    audit.phase = Phase.WRITING
    audit.save()
    return audit


@pytest.fixture
def published(world, writing):
    for kind in SectionKind.values:
        services.report_section_save(
            audit=writing,
            actor=world["facilitator"],
            kind=kind,
            text=f"Text of {kind}: users want **evening** visits.",
            version=0,
        )
    services.recommendation_add(
        audit=writing, actor=world["facilitator"], text="Offer visits in the evening."
    )
    writing.phase = Phase.FACTUAL_CHECK
    writing.save()
    services.audit_set_phase(audit=writing, actor=world["facilitator"], phase=Phase.PUBLISHED)
    return services.audit_set_phase(audit=writing, actor=world["facilitator"], phase=Phase.RESPONSE)


def test_a_stale_save_is_refused_and_keeps_both_versions(world, writing):
    first = services.report_section_save(
        audit=writing, actor=world["facilitator"], kind="findings", text="Most are content.", version=0
    )
    assert first.version == 1
    services.report_section_save(
        audit=writing,
        actor=world["facilitator"],
        kind="findings",
        text="Most are content. Many want more time.",
        version=1,
    )
    with pytest.raises(services.StaleSection) as stale:
        services.report_section_save(
            audit=writing, actor=world["facilitator"], kind="findings", text="My own text", version=1
        )
    assert stale.value.current.text == "Most are content. Many want more time."
    assert ReportSection.objects.get(kind="findings").version == 2


def test_two_auditors_writing_at_once_on_the_page_lose_nothing(client, world, writing):
    address = url("audits:section_edit", slug="secret-audit", kind="findings")
    client.force_login(world["facilitator"])
    assert field_value(client.get(address), "version") == "0"
    other = UserFactory(display_name="Other Auditor")
    services.pool_join(actor=other)
    services.team_add(audit=writing, actor=world["facilitator"], user=other)
    services.report_section_save(
        audit=writing, actor=other, kind="findings", text="Their findings", version=0
    )
    response = client.post(address, {"text": "My findings", "version": "0"})
    assert response.status_code == 409
    content = page(response)
    assert "Their findings" in content and field_value(response, "text") == "My findings"
    assert "Other Auditor saved this" in content
    assert field_value(response, "version") == "1"  # saving again now replaces theirs on purpose
    assert client.post(address, {"text": "My findings, and theirs", "version": "1"}).status_code == 302
    assert ReportSection.objects.get(kind="findings").text == "My findings, and theirs"


def test_hostile_report_text_is_cleaned(client, world, writing):
    services.report_section_save(
        audit=writing, actor=world["facilitator"], kind="background", text=HOSTILE, version=0
    )
    client.force_login(world["member"])
    content = page(client.get(url("audits:report", slug="secret-audit")))
    assert "<script>alert(1)" not in content and "javascript:" not in content and "onerror" not in content


def test_only_the_team_writes_and_only_while_the_report_is_written(client, world, audit):
    with pytest.raises(PermissionDenied):  # commissioned: not yet
        services.report_section_save(
            audit=audit, actor=world["facilitator"], kind="method", text="x", version=0
        )
    audit.phase = Phase.WRITING
    audit.save()
    for role in ("member", "responder", "staff"):
        with pytest.raises(PermissionDenied):
            services.report_section_save(audit=audit, actor=world[role], kind="method", text="x", version=0)
    with pytest.raises(DomainError):
        services.report_section_save(
            audit=audit, actor=world["facilitator"], kind="poetry", text="x", version=0
        )
    client.force_login(world["facilitator"])
    assert client.get(url("audits:section_edit", slug="secret-audit", kind="poetry")).status_code == 404
    response = client.post(
        url("audits:section_edit", slug="secret-audit", kind="method"), {"text": "x" * 20001, "version": "0"}
    )
    assert response.status_code == 400 and field_error(response, "text")


def test_editing_a_published_report_is_refused(client, world, published):
    client.force_login(world["facilitator"])
    response = client.post(
        url("audits:section_edit", slug="secret-audit", kind="findings"), {"text": "Changed", "version": "1"}
    )
    assert response.status_code == 403
    assert "Changed" not in ReportSection.objects.get(kind="findings").text


def test_the_service_answers_each_recommendation_and_tracks_progress(client, world, published):
    recommendation = published.recommendations.get()
    address = url("audits:recommendation_answer", slug="secret-audit", pk=recommendation.pk)
    client.force_login(world["facilitator"])  # not the service
    assert client.post(address, {f"r{recommendation.pk}-stance": "agree"}).status_code == 403
    client.force_login(world["responder"])
    prefix = f"r{recommendation.pk}"
    response = client.post(
        address, {f"{prefix}-stance": "agree", f"{prefix}-answer": "", f"{prefix}-progress": "not_started"}
    )
    assert response.status_code == 400 and "Write the service&#x27;s answer." in page(response)
    response = client.post(
        address,
        {
            f"{prefix}-stance": "agree",
            f"{prefix}-answer": "We will try evening visits.",
            f"{prefix}-action": "A pilot with two staff in the evening.",
            f"{prefix}-owner": "Head of housing support",
            f"{prefix}-deadline": "2027-03-31",
            f"{prefix}-progress": "in_progress",
        },
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert (recommendation.stance, recommendation.progress) == ("agree", Progress.IN_PROGRESS)
    content = page(client.get(url("audits:report", slug="secret-audit")))
    assert "We will try evening visits." in content and "In progress" in content
    response = client.post(
        address, {f"{prefix}-stance": "maybe", f"{prefix}-answer": "x", f"{prefix}-progress": "done"}
    )
    assert response.status_code == 400


def test_the_published_report_is_public_on_the_service_page_and_in_every_language(client, world, published):
    world.members_only.visibility = "members"
    world.members_only.save()
    for lang in LANGUAGES:
        response = client.get(url("audits:report", lang, slug="secret-audit"))  # a visitor
        assert response.status_code == 200 and html_lang(response) == lang
    service_page = page(client.get(url("core:organisation_detail", slug=published.service.slug)))
    assert url("audits:report", slug="secret-audit") in service_page


def test_an_unpublished_report_is_not_shown_to_visitors(client, world, writing):
    assert client.get(url("audits:report", slug="secret-audit")).status_code == 404
    assert client.get(url("audits:report_pdf", slug="secret-audit")).status_code == 404


def test_the_pdf_is_tagged_has_the_document_language_and_holds_the_report(client, world, published):
    response = client.get(url("audits:report_pdf", slug="secret-audit"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Offer visits in the evening." in text and "users want evening visits" in text.replace("\n", " ")
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == world.members_only.language
    assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog
    assert reader.metadata.title.startswith("Report: ")


def test_the_report_shows_the_questionnaires_figures_and_keeps_them_after_the_answers_are_deleted(
    client, world, writing
):
    from medvind.audits.tasks import delete_expired_raw_answers
    from medvind.surveys.models import Response, SurveyStatus
    from tests.surveys.factories import make_survey, record

    survey = make_survey(writing.space, status=SurveyStatus.CLOSED)
    for age in ["under-30"] * 6 + ["30-60"] * 5 + ["over-60"] * 2:
        record(survey, {"age": age, "plan": "yes"})
    for kind in SectionKind.values:
        services.report_section_save(
            audit=writing, actor=world["facilitator"], kind=kind, text="Text.", version=0
        )
    services.recommendation_add(audit=writing, actor=world["facilitator"], text="Ask about plans.")
    client.force_login(world["member"])
    live = page(client.get(url("audits:report", slug="secret-audit")))
    assert "How old are you?" in live and "13 people answered." in live
    writing.phase = Phase.FACTUAL_CHECK
    writing.save()
    audit = services.audit_set_phase(audit=writing, actor=world["facilitator"], phase=Phase.PUBLISHED)
    snapshot = audit.results_snapshot[0]["questions"][0]
    assert [(c["label"], c["count"], c["state"]) for c in snapshot["cells"]] == [
        ("Under 30", 6, "shown"),
        ("30 to 60", None, "hidden"),  # else 13 - 6 - 5 would give the small group away
        ("Over 60", None, "small"),  # 2 people: never their count
    ]
    audit.published_at = audit.published_at.replace(year=audit.published_at.year - 2)
    audit.save()
    delete_expired_raw_answers.enqueue()
    assert not Response.objects.exists()
    content = page(client.get(url("audits:report", slug="secret-audit")))
    assert "How old are you?" in content and "fewer than 5" in content
    assert "These figures were taken when the report was published." in content
    pdf = client.get(url("audits:report_pdf", slug="secret-audit"))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "How old are you?" in text and "Under 30" in text
