"""The contact bank and recruitment in a browser, in Swedish and Danish, with axe-core on every page.

The steps find fields and buttons by their names, so they work before the catalogues are translated;
what the person sees is checked in the page and in the database."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from medvind.core.models import Space, SpaceMembership
from medvind.directory.models import Application, Call, Representative

from .helpers import expect, last_email_to, sign_in

pytestmark = pytest.mark.e2e

GROUP_SLUG = "gemensam-utvecklingsgrupp-for-socialtjansten"


@pytest.mark.parametrize(
    ("language", "email", "name"),
    [("sv", "participant@demo.example", "Pia från Brukarröst"), ("da", "deltager@demo.example", "Mette M.")],
)
def test_a_representative_opts_in_to_the_contact_bank_and_withdraws(new_page, demo, language, email, name):
    page = new_page()
    sign_in(page, email, language=language)
    page.goto(f"/{language}/directory/representatives/me/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    form = page.locator("main form").first
    form.locator("input[name=display_name]").fill(name)
    form.locator("input[name=experience_areas]").fill("boendestöd, psykiatri")
    form.locator(f"input[name=languages][value={language}]").check()
    form.locator("textarea[name=can_help_with]").fill("Jag berättar om brukarrevision.")
    form.locator("input[name=consent]").check()
    form.locator("button[type=submit]").click()
    expect(page.locator(".mv-messages[role=status]")).to_be_visible()
    listing = Representative.objects.get(user__email=email)
    assert listing.consent_at is not None

    page.goto(f"/{language}/directory/representatives/")
    expect(page.get_by_role("heading", name=name, level=2)).to_be_visible()

    page.goto(f"/{language}/directory/representatives/me/")
    page.locator("form[action$='/withdraw/'] button").click()
    expect(page.locator(".mv-messages[role=status]")).to_be_visible()
    assert not Representative.objects.filter(user__email=email).exists()
    page.goto(f"/{language}/directory/representatives/")
    expect(page.get_by_role("heading", name=name, level=2)).to_have_count(0)

    # Writing to the withdrawn listing's old address says that they are gone.
    response = page.goto(f"/{language}/directory/representatives/{listing.pk}/contact/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_coordinator_publishes_a_call_a_person_applies_is_selected_and_lands_in_the_forum(new_page, demo):
    group = Space.objects.get(slug=GROUP_SLUG)
    coordinator = new_page()
    sign_in(coordinator, "facilitator@demo.example", language="sv")
    coordinator.goto(f"/sv/spaces/{GROUP_SLUG}/calls/new/")
    expect(coordinator.locator("html")).to_have_attribute("lang", "sv")
    form = coordinator.locator("main form")
    form.locator("input[name=title]").fill("Brukarrepresentanter till utvecklingsgruppen")
    form.locator("textarea[name=description]").fill(
        "Vi söker två personer med egen erfarenhet av boendestöd."
    )
    form.locator("input[name=time_needed]").fill("Ett möte i månaden")
    form.locator("input[name=compensation]").fill("500 kronor per möte")
    deadline = (timezone.localtime() + dt.timedelta(days=14)).strftime("%Y-%m-%dT%H:%M")
    form.locator("input[name=deadline]").fill(deadline)
    form.locator("select[name=role]").select_option("representative")
    form.locator("button[type=submit]").click()
    expect(coordinator).to_have_url(re.compile(r"/sv/calls/\d+/$"))
    call = Call.objects.get(space=group)
    expect(coordinator.get_by_role("heading", level=1)).to_have_text(call.title)

    # Mette applies in Danish, naming the organisation she speaks for.
    mette = new_page()
    sign_in(mette, "deltager@demo.example", language="da")
    mette.goto(f"/da/calls/{call.pk}/")
    expect(mette.locator("html")).to_have_attribute("lang", "da")
    apply = mette.locator("main form")
    apply.locator("textarea[name=motivation]").fill("Jeg har selv haft bostøtte og vil gerne være med.")
    apply.locator("input[name=availability]").fill("Tirsdage")
    apply.locator("select[name=organisation]").select_option(label="Foreningen Medspil")
    apply.locator("button[type=submit]").click()
    expect(mette.locator(".mv-messages[role=status]")).to_be_visible()
    application = Application.objects.get(call=call)
    expect(mette.locator("main form")).to_have_count(0)

    # The coordinator selects her with a message.
    coordinator.goto(f"/sv/calls/{call.pk}/applications/")
    expect(coordinator.get_by_role("heading", name="Mette", level=2)).to_be_visible()
    decide = coordinator.locator(f"form[action$='/applications/{application.pk}/decide/']")
    decide.locator(f"input[name=a{application.pk}-status][value=selected]").check()
    decide.locator(f"textarea[name=a{application.pk}-message]").fill("Velkommen i gruppen!")
    decide.locator("button[type=submit]").click()
    expect(coordinator.locator(".mv-messages[role=status]")).to_be_visible()

    membership = SpaceMembership.objects.get(space=group, user__email="deltager@demo.example")
    assert membership.role == SpaceMembership.Role.REPRESENTATIVE
    assert membership.represents.name == "Foreningen Medspil"
    message = last_email_to("deltager@demo.example")
    assert call.title in message.subject
    assert "Velkommen i gruppen!" in message.body

    # She sees the forum and her answer on the call's page.
    mette.goto(f"/da/calls/{call.pk}/")
    expect(mette.get_by_role("main")).to_contain_text("Velkommen i gruppen!")
    mette.goto(f"/da/spaces/{GROUP_SLUG}/")
    expect(mette.get_by_role("heading", level=1)).to_have_text(group.title)
    expect(mette.locator("section[aria-labelledby=welcome-heading]")).to_be_visible()  # she is new here


def test_the_contact_bank_pages_pass_axe_in_swedish_and_danish(new_page, demo):
    from medvind.directory import demo as directory_demo

    directory_demo.load_demo()
    page = new_page()
    sign_in(page, "representative@demo.example", language="sv")  # listed, and admin of Brukarröst
    open_call = Call.objects.get(space__slug=GROUP_SLUG, role=SpaceMembership.Role.REPRESENTATIVE)
    panel_call = Call.objects.get(role=Call.PANEL)
    for language in ("sv", "da"):
        for path in (
            "directory/",
            "directory/?municipality=exempelkommun&q=st%C3%B6d",
            "directory/organisations/foreningen-brukarrost/",
            "directory/organisations/foreningen-brukarrost/contact/",
            "directory/representatives/",
            "calls/",
            f"calls/{open_call.pk}/",
            f"calls/{panel_call.pk}/",
            "directory/representatives/me/",
            "directory/organisations/foreningen-brukarrost/edit/",
        ):
            response = page.goto(f"/{language}/{path}")
            assert response is not None and response.status == 200, path
            expect(page.get_by_role("heading", level=1)).to_have_count(1)


def test_a_consultation_goes_to_a_part_of_the_experience_panel(new_page, demo):
    from medvind.accounts.models import User
    from medvind.directory import panel
    from medvind.surveys import services as survey_services

    group = Space.objects.get(slug=GROUP_SLUG)
    facilitator = User.objects.get(email="facilitator@demo.example")
    survey = survey_services.survey_create(
        space=group,
        actor=facilitator,
        title="Hur fungerar boendestödet på kvällen?",
        language="sv",
        languages=["da"],
    )
    section = survey_services.section_create(survey=survey, actor=facilitator, title="Kvällar")
    survey_services.question_create(
        section=section, actor=facilitator, text="Vad saknar du?", kind="long_text"
    )
    survey_services.survey_set_status(survey=survey, actor=facilitator, status="open")
    panel.panel_join(
        actor=User.objects.get(email="auditor@demo.example"), experience_areas="beroende", languages=["sv"]
    )

    # Mette joins the panel in Danish.
    mette = new_page()
    sign_in(mette, "deltager@demo.example", language="da")
    mette.goto("/da/directory/panel/me/")
    expect(mette.locator("html")).to_have_attribute("lang", "da")
    form = mette.locator("main form").first
    form.locator("input[name=experience_areas]").fill("bostøtte, boendestöd")
    form.locator("input[name=languages][value=da]").check()
    form.locator("button[type=submit]").click()
    expect(mette.locator(".mv-messages[role=status]")).to_be_visible()

    # The coordinator sends the survey to those with experience of housing support.
    coordinator = new_page()
    sign_in(coordinator, "facilitator@demo.example", language="sv")
    coordinator.goto(f"/sv/spaces/{GROUP_SLUG}/surveys/{survey.pk}/panel/")
    send = coordinator.locator("main form")
    send.locator("input[name=area]").fill("boendestöd")
    deadline = (timezone.localtime() + dt.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M")
    send.locator("input[name=deadline]").fill(deadline)
    send.locator("button[type=submit]").click()
    expect(coordinator.locator(".mv-messages[role=status]")).to_be_visible()
    expect(coordinator.get_by_role("main").locator("li")).to_have_count(1)

    message = last_email_to("deltager@demo.example")
    assert f"/da/s/{survey.token}/" in message.body
    from django.core import mail

    assert [m.to for m in mail.outbox if "auditor@demo.example" in m.to] == []
    mette.goto(f"/da/s/{survey.token}/")
    expect(mette.get_by_role("heading", level=1)).to_be_visible()
