"""The experience panel: joining and leaving, a consultation to a subset, one reminder."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from medvind.core.errors import DomainError, NotAllowed
from medvind.directory import panel
from medvind.directory.models import PanelConsultation, PanelInvite, PanelMember
from medvind.surveys import services as survey_services
from medvind.surveys.models import Survey
from tests.factories import UserFactory
from tests.helpers import field_error, field_value, page, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(world) -> Survey:
    survey = survey_services.survey_create(
        space=world.public, actor=world["facilitator"], title="Hur fungerar boendestödet?", language="sv"
    )
    section = survey_services.section_create(survey=survey, actor=world["facilitator"], title="Boendestöd")
    survey_services.question_create(
        section=section, actor=world["facilitator"], text="Vad fungerar bra?", kind="long_text"
    )
    return survey_services.survey_set_status(survey=survey, actor=world["facilitator"], status="open")


@pytest.fixture
def members(db):
    people = {
        "sv_housing": ("sv", "boendestöd, psykiatri", ["sv"]),
        "da_housing": ("da", "bostøtte, boendestöd", ["da"]),
        "sv_addiction": ("sv", "beroende", ["sv"]),
    }
    result = {}
    for key, (language, areas, languages) in people.items():
        user = UserFactory(display_name=key, email=f"{key}@example.org", language=language)
        panel.panel_join(actor=user, experience_areas=areas, languages=languages)
        result[key] = user
    return result


def soon(days=7):
    return timezone.now() + dt.timedelta(days=days)


def test_a_consultation_goes_only_to_the_chosen_part_of_the_panel(
    world, survey, members, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        consultation = panel.consultation_send(
            survey=survey, actor=world["facilitator"], area="boendestöd", language="sv", deadline=soon()
        )
    assert list(consultation.invites.values_list("user__display_name", flat=True)) == ["sv_housing"]
    (message,) = mail.outbox
    assert message.to == ["sv_housing@example.org"]
    assert f"/sv/s/{survey.token}/" in message.body


def test_the_invitation_link_is_in_each_persons_language(
    world, survey, members, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        panel.consultation_send(survey=survey, actor=world["facilitator"], area="boendestöd", deadline=soon())
    links = {m.to[0]: m.body for m in mail.outbox}
    assert f"/da/s/{survey.token}/" in links["da_housing@example.org"]
    assert f"/sv/s/{survey.token}/" in links["sv_housing@example.org"]


def test_leaving_the_panel_means_no_more_questions(world, survey, members):
    panel.panel_leave(actor=members["sv_housing"])
    assert not PanelMember.objects.filter(user=members["sv_housing"]).exists()
    with pytest.raises(DomainError, match="Nobody in the panel matches"):
        panel.consultation_send(
            survey=survey, actor=world["facilitator"], area="boendestöd", language="sv", deadline=soon()
        )
    assert not PanelConsultation.objects.exists()


def test_a_draft_survey_is_not_sent(world, members):
    draft = survey_services.survey_create(
        space=world.public, actor=world["facilitator"], title="Utkast", language="sv"
    )
    with pytest.raises(DomainError, match="Open the survey"):
        panel.consultation_send(survey=draft, actor=world["facilitator"], deadline=soon())


def test_only_the_spaces_facilitators_consult_the_panel(world, survey, members):
    with pytest.raises(NotAllowed):
        panel.consultation_send(survey=survey, actor=world["member"], deadline=soon())
    assert not PanelInvite.objects.exists()


def test_the_reminder_goes_once_two_days_before_the_deadline_and_not_to_those_who_left(
    world, survey, members, django_capture_on_commit_callbacks
):
    consultation = panel.consultation_send(
        survey=survey, actor=world["facilitator"], area="boendestöd", deadline=soon(5)
    )
    assert panel.send_due_reminders() == 0  # five days left
    panel.panel_leave(actor=members["da_housing"])
    later = timezone.now() + dt.timedelta(days=4)
    with django_capture_on_commit_callbacks(execute=True):
        assert panel.send_due_reminders(now=later) == 1
    assert [m.to for m in mail.outbox] == [["sv_housing@example.org"]]
    assert panel.send_due_reminders(now=later) == 0
    consultation.refresh_from_db()
    assert consultation.reminded_at == later


def test_the_results_follow_the_surveys_anonymity_threshold(survey):
    assert survey.anonymity_threshold >= 3  # the panel adds no way around the survey's results page


def test_a_person_joins_and_leaves_the_panel_in_the_browser_form(client, world):
    client.force_login(world["participant"])
    response = client.post(url("directory:panel_me"), {"experience_areas": "x" * 501})
    assert response.status_code == 400
    assert field_error(response, "experience_areas")
    assert field_value(response, "experience_areas") == "x" * 501
    response = client.post(
        url("directory:panel_me"), {"experience_areas": "boendestöd", "languages": ["sv"]}, follow=True
    )
    assert "You are in the experience panel" in page(response)
    response = client.post(url("directory:panel_me"), {"leave": "1"}, follow=True)
    assert "You have left the experience panel" in page(response)
    assert not PanelMember.objects.exists()


def test_the_coordinator_sends_a_consultation_from_the_page(client, world, survey, members):
    client.force_login(world["facilitator"])
    address = url("directory:consultation_send", slug=world.public.slug, pk=survey.pk)
    response = client.post(address, {"area": "<script>alert(1)</script>", "deadline": "2000-01-01T10:00"})
    assert response.status_code == 400
    assert field_error(response, "deadline")
    assert field_value(response, "area") == "<script>alert(1)</script>"
    deadline = (timezone.localtime() + dt.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(address, {"area": "zzz-nobody", "deadline": deadline})
    assert "Nobody in the panel matches" in page(response)
    response = client.post(address, {"area": "boendestöd", "deadline": deadline}, follow=True)
    assert "The survey is sent to 2 people in the panel." in page(response)
    client.force_login(world["member"])
    assert client.get(address).status_code == 403
