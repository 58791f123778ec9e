"""The audit pages: every page in every language, the right people let in, bad input kept and explained."""

import pytest

from medvind.audits import services
from medvind.audits.models import Audit, AuditorProfile, Phase
from tests.factories import UserFactory
from tests.helpers import LANGUAGES, field_error, field_value, html_lang, page, url

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>' OR 1=1 --"


def commission_form(service, commissioner, **extra):
    return {
        "service": service.pk,
        "commissioner": commissioner.pk,
        "question": "Hur upplever brukarna boendestödet?",
        "target_group": "Personer med boendestöd",
        "timetable": "Intervjuer i mars.",
        "who_informs": "Personalen delar ut brevet.",
        "reporting_back": "Revisorerna presenterar rapporten.",
        "follow_up_months": 6,
        "retention_months": 12,
        **extra,
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_audit_pages_open_in_every_language(client, world, audit, lang):
    client.force_login(world["facilitator"])
    for name, kwargs in (
        ("audits:detail", {"slug": "secret-audit"}),
        ("audits:edit", {"slug": "secret-audit"}),
        ("audits:team", {"slug": "secret-audit"}),
        ("audits:pool_me", {}),
    ):
        response = client.get(url(name, lang, **kwargs))
        assert response.status_code == 200, name
        assert html_lang(response) == lang


def test_a_facilitator_commissions_the_audit_from_the_space(client, world, service):
    client.force_login(world["facilitator"])
    space_page = page(client.get(url("core:space_detail", slug="secret-audit")))
    assert url("audits:commission", slug="secret-audit") in space_page
    assert client.get(url("audits:detail", slug="secret-audit")).url == url(
        "audits:commission", slug="secret-audit"
    )
    response = client.post(
        url("audits:commission", slug="secret-audit"), commission_form(service, world.owner)
    )
    assert response.status_code == 302
    audit = Audit.objects.get(space=world.members_only)
    content = page(client.get(url("audits:detail", slug="secret-audit")))
    assert "Hur upplever brukarna boendestödet?" in content and 'aria-current="step"' in content
    assert "Accept the agreement for the auditors" in content
    assert audit.team.get().user == world["facilitator"]


def test_a_commission_with_bad_input_keeps_what_was_typed_and_says_what_is_wrong(client, world, service):
    client.force_login(world["facilitator"])
    address = url("audits:commission", slug="secret-audit")
    response = client.post(
        address, commission_form(service, world.owner, question="", target_group=HOSTILE, follow_up_months=99)
    )
    assert response.status_code == 400
    assert field_error(response, "question") and field_error(response, "follow_up_months")
    assert field_value(response, "target_group") == HOSTILE
    assert "<script>alert(1)" not in page(response)
    response = client.post(address, commission_form(service, service))
    assert response.status_code == 400 and field_error(response, "commissioner")  # a service is not offered
    response = client.post(address, {**commission_form(service, world.owner), "service": "99999"})
    assert response.status_code == 400 and field_error(response, "service")
    assert not Audit.objects.exists()


def test_hostile_text_in_an_audit_is_shown_as_text(client, world, audit):
    services.audit_update(audit=audit, actor=world["facilitator"], question=HOSTILE)
    client.force_login(world["member"])
    content = page(client.get(url("audits:detail", slug="secret-audit")))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content and "<script>alert(1)" not in content


def test_both_sides_accept_and_the_audit_moves_on(client, world, audit):
    client.force_login(world["responder"])
    assert "Accept the agreement for the service" in page(
        client.get(url("audits:detail", slug="secret-audit"))
    )
    client.post(url("audits:accept", slug="secret-audit"), {"side": "service"})
    client.force_login(world["facilitator"])
    client.post(url("audits:accept", slug="secret-audit"), {"side": "auditors"})
    response = client.post(url("audits:phase", slug="secret-audit"), {"phase": "planning", "note": "Start"})
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.phase == Phase.PLANNING
    assert "Start" in page(client.get(url("audits:detail", slug="secret-audit")))


def test_a_forged_or_early_phase_change_is_refused_with_a_message(client, world, audit):
    client.force_login(world["facilitator"])
    address = url("audits:phase", slug="secret-audit")
    response = client.post(address, {"phase": "published"})  # skips ten phases
    assert response.status_code == 400 and field_error(response, "phase")
    response = client.post(address, {"phase": "planning"})  # the agreement is not accepted
    assert response.status_code == 400 and "Both the service and the auditors" in field_error(
        response, "phase"
    )
    audit.refresh_from_db()
    assert audit.phase == Phase.COMMISSIONED
    client.force_login(world["member"])
    assert client.post(address, {"phase": "planning"}).status_code == 403
    assert client.get(address).status_code == 302  # opened without a form: back to the audit


def test_the_team_page_marks_and_refuses_a_person_who_uses_the_service(client, world, audit):
    conflicted = UserFactory(display_name="Sara Service-User")
    services.pool_join(actor=conflicted, services_used=[audit.service])
    auditor = UserFactory(display_name="Ahmed Auditor")
    services.pool_join(actor=auditor)
    client.force_login(world["facilitator"])
    address = url("audits:team", slug="secret-audit")
    content = page(client.get(address))
    assert "Sara Service-User (uses this service)" in content and "Ahmed Auditor" in content
    response = client.post(address, {"user": conflicted.pk, "role": "auditor"})
    assert response.status_code == 400 and "uses this service" in field_error(response, "user")
    assert client.post(address, {"user": auditor.pk, "role": "auditor"}).status_code == 302
    assert client.post(address, {"user": "nonsense", "role": "auditor"}).status_code == 400
    assert set(audit.team.values_list("user__display_name", flat=True)) == {
        "Facilitator Person",
        "Ahmed Auditor",
    }


def test_only_those_who_run_the_audit_open_the_team_page(client, world, audit):
    for role in ("member", "responder", "staff"):
        client.force_login(world[role])
        assert client.get(url("audits:team", slug="secret-audit")).status_code in (403, 404)
    client.logout()
    assert client.get(url("audits:detail", slug="secret-audit")).status_code in (302, 404)


def test_the_pool_is_for_staff_and_coordinators_and_filters(client, world):
    for name, language, area in (("Ahmed", "sv", "Boendestöd"), ("Nora", "nb", "Rus")):
        person = UserFactory(display_name=name)
        services.pool_join(actor=person, languages=[language], experience_areas=area)
    client.force_login(world["participant"])
    assert client.get(url("audits:pool")).status_code == 403
    client.force_login(world["staff"])
    content = page(client.get(url("audits:pool") + "?language=sv"))
    assert "Ahmed" in content and "Nora" not in content
    content = page(client.get(url("audits:pool") + "?area=rus&language=" + "x" * 300))
    assert client.get(url("audits:pool") + "?area=rus").status_code == 200
    assert "Nora" in page(client.get(url("audits:pool") + "?area=rus")) and "Ahmed" not in page(
        client.get(url("audits:pool") + "?area=rus")
    )


def test_a_person_joins_the_pool_and_records_training_with_clear_errors(client, world):
    client.force_login(world["participant"])
    address = url("audits:pool_me")
    response = client.post(
        address,
        {"pool-experience_areas": "Boendestöd", "pool-languages": ["sv", "en"], "pool-available": "on"},
    )
    assert response.status_code == 302
    assert AuditorProfile.objects.get(user=world["participant"]).languages == ["en", "sv"]
    bad = {
        "training-course": HOSTILE,
        "training-started_on": "2026-03-01",
        "training-ended_on": "2026-02-01",
        "training-hours": "-4",
    }
    response = client.post(address, bad)
    assert response.status_code == 400
    assert field_error(response, "ended_on", "training") and field_error(response, "hours", "training")
    assert field_value(response, "course", "training") == HOSTILE
    good = {
        **bad,
        "training-course": "Brukarrevisor grundkurs",
        "training-ended_on": "2026-03-20",
        "training-hours": "24",
    }
    assert client.post(address, good).status_code == 302
    assert "Brukarrevisor grundkurs" in page(client.get(address))
    client.logout()
    assert client.get(address).status_code == 302  # to sign in


def test_the_audit_page_reads_a_fixed_number_of_queries(client, world, audit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world["facilitator"])
    address = url("audits:detail", slug="secret-audit")
    client.get(address)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        return len(captured)

    small = queries()
    for i in range(8):
        person = UserFactory(display_name=f"Auditor {i}")
        services.pool_join(actor=person)
        services.team_add(audit=audit, actor=world["facilitator"], user=person)
    audit.phase_changes.create(from_phase="commissioned", to_phase="planning")
    assert queries() == small <= 26


def test_the_follow_up_button_starts_the_follow_up_audit(client, world, audit):
    from medvind.core.models import OrganisationMembership

    OrganisationMembership.objects.create(organisation=world.owner, user=world["facilitator"], role="staff")
    audit.phase = Phase.FOLLOW_UP
    audit.save()
    client.force_login(world["facilitator"])
    assert "Start a follow-up audit" in page(client.get(url("audits:detail", slug="secret-audit")))
    response = client.post(url("audits:follow_up", slug="secret-audit"))
    new = Audit.objects.get(follows_up=audit)
    assert response.url == url("audits:detail", slug=new.space.slug)
    content = page(client.get(response.url))
    assert "This audit follows up:" in content and "Secret Audit" in content
    assert "Followed up by:" in page(client.get(url("audits:detail", slug="secret-audit")))


def test_the_team_writes_information_for_respondents_which_is_public_and_linked_from_the_survey(
    client, world, audit
):
    from tests.surveys.factories import make_survey

    survey = make_survey(audit.space)
    client.logout()
    assert client.get(url("audits:information", slug="secret-audit")).status_code == 404  # nothing written
    assert "Read about the audit" not in page(client.get(url("surveys:answer_start", token=survey.token)))
    client.force_login(world["facilitator"])
    address = url("audits:information_edit", slug="secret-audit")
    response = client.post(address, {"information": "x" * 8001, "easy_read": HOSTILE})
    assert response.status_code == 400 and field_value(response, "easy_read") == HOSTILE
    response = client.post(
        address,
        {
            "information": "We ask how the **housing support** works.",
            "easy_read": "We ask you. You can say no.",
        },
    )
    assert response.status_code == 302
    client.logout()  # respondents are not members of the members-only space
    content = page(client.get(url("audits:information", slug="secret-audit")))
    assert "<strong>housing support</strong>" in content and "You can say no." in content
    assert url("audits:information", slug="secret-audit") in page(
        client.get(url("surveys:answer_start", token=survey.token))
    )
    client.force_login(world["member"])
    assert client.get(address).status_code == 403


def test_the_report_downloads_as_one_web_page(client, world, audit):
    audit.phase = Phase.WRITING
    audit.save()
    services.report_section_save(
        audit=audit, actor=world["facilitator"], kind="findings", text="Users want *time*.", version=0
    )
    client.force_login(world["member"])
    response = client.get(url("audits:report_html", slug="secret-audit"))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    content = page(response)
    assert f'<html lang="{audit.space.language}">' in content and "<em>time</em>" in content
    assert "<link" not in content  # one file: its styles are inside
