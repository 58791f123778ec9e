"""The contact bank and recruitment pages: what people see, in every language, with bad input."""

import datetime as dt
import io
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from medvind.core.models import Organisation, SpaceMembership
from medvind.directory import services
from medvind.directory.models import Application, Call, DirectoryEntry, Representative
from tests.factories import OrganisationFactory, SpaceFactory, SpaceMembershipFactory, UserFactory
from tests.helpers import LANGUAGES, field_error, field_value, html_lang, page, url

pytestmark = pytest.mark.django_db

HOSTILE = ["<script>alert(1)</script>", "' OR 1=1 --", "%", "a" * 150, "-1", "99999999999999999999"]


@pytest.fixture
def listing(world):
    return services.listing_save(
        actor=world["participant"],
        display_name="Robin Sand",
        experience_areas="boendestöd, brukarrevision",
        languages=["sv"],
        can_help_with="Berättar om intervjuer och enkät.",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_answers_in_every_language(client, world, brukarrost, listing, call, language):
    client.force_login(world["facilitator"])
    addresses = [
        url("directory:organisations", language),
        url("directory:organisation", language, slug=brukarrost.slug),
        url("directory:organisation_contact", language, slug=brukarrost.slug),
        url("directory:representatives", language),
        url("directory:representative_contact", language, pk=listing.pk),
        url("directory:listing_me", language),
        url("directory:panel_me", language),
        url("directory:calls", language),
        url("directory:call_detail", language, pk=call.pk),
        url("directory:applications", language, pk=call.pk),
        url("directory:call_create", language, slug=world.public.slug),
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        assert html_lang(response) == language


def names(response) -> list[str]:
    """The organisations the list shows."""
    return re.findall(
        r'<h2 class="ds-heading" data-size="xs"><a class="ds-link" href="[^"]*">([^<]*)</a></h2>',
        page(response),
    )


def test_search_finds_an_organisation_by_what_it_does(client, world, brukarrost):
    services.entry_save(
        organisation=brukarrost, actor=world["platform_admin"], what_we_do="Vi gör brukarrevisioner."
    )
    assert names(client.get(url("directory:organisations"), {"q": "brukarrevision"})) == [
        "Föreningen Brukarröst"
    ]


def test_filter_by_kind_and_municipality(client, world, brukarrost):
    other = OrganisationFactory(name="Otherville", slug="otherville", kind=Organisation.Kind.MUNICIPALITY)
    OrganisationFactory(
        name="Otherville Support", slug="ov-support", kind=Organisation.Kind.SERVICE, parent=other
    )
    response = client.get(
        url("directory:organisations"), {"kind": "user_organisation", "municipality": "exampletown"}
    )
    assert names(response) == ["Föreningen Brukarröst"]
    assert "Otherville" in names(client.get(url("directory:organisations"), {"municipality": "otherville"}))
    assert "Otherville Support" in names(
        client.get(url("directory:organisations"), {"municipality": "otherville"})
    )


def test_an_unlisted_organisation_is_not_shown(client, world, brukarrost):
    services.entry_save(organisation=brukarrost, actor=world["platform_admin"], listed=False)
    assert "Föreningen Brukarröst" not in names(client.get(url("directory:organisations")))
    assert client.get(url("directory:organisation", slug=brukarrost.slug)).status_code == 404


def test_the_directory_shows_the_forums_an_organisation_takes_part_in(client, world, brukarrost):
    forum = SpaceFactory(title="Brukarråd Exampletown", slug="brukarrad", kind="forum")
    SpaceMembershipFactory(space=forum, user=UserFactory(), role="representative", represents=brukarrost)
    content = page(client.get(url("directory:organisation", slug=brukarrost.slug)))
    assert "Brukarråd Exampletown" in content


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_search_and_filters_give_a_page_not_an_error(client, world, brukarrost, text):
    for address in (url("directory:organisations"), url("directory:representatives")):
        response = client.get(
            address,
            {"q": text, "area": text, "kind": text, "municipality": text, "language": text, "page": text},
        )
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in page(response)


def _organisations(n: int, municipality: Organisation) -> None:
    orgs = Organisation.objects.bulk_create(
        Organisation(
            name=f"Förening {i:05}",
            slug=f"forening-{i}",
            kind="user_organisation",
            country="SE",
            language="sv",
        )
        for i in range(n)
    )
    DirectoryEntry.objects.bulk_create(
        DirectoryEntry(organisation=org, what_we_do="Stöd och samtal", municipality=municipality)
        for org in orgs
    )


def _count(client, address, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address, params or {}).status_code == 200
    return len(captured)


def test_the_directory_reads_the_same_number_of_queries_with_10_and_10000_organisations(client, world):
    address = url("directory:organisations")
    _organisations(10, world.owner)
    client.get(address)
    small = _count(client, address, {"municipality": "exampletown"})
    unfiltered = _count(client, address)
    Organisation.objects.bulk_create(
        Organisation(name=f"Organisation {i:05}", slug=f"org-{i}", kind="ngo", country="SE", language="sv")
        for i in range(9990)
    )
    large = _count(client, address, {"municipality": "exampletown"})
    assert Organisation.objects.count() > 10000
    assert large == small
    assert _count(client, address) == unfiltered
    assert _count(client, address, {"q": "Organisation 09"}) <= small + 1


def test_the_representatives_list_reads_a_fixed_number_of_queries(client, world):
    def people(n, start):
        users = [UserFactory(display_name=f"P{start + i}") for i in range(n)]
        Representative.objects.bulk_create(Representative(user=u, display_name=u.display_name) for u in users)

    address = url("directory:representatives")
    people(3, 0)
    client.get(address)
    small = _count(client, address)
    people(30, 100)
    assert _count(client, address) == small


def test_the_joint_folder_is_a_tagged_pdf_with_the_organisations_of_the_municipality(
    client, world, brukarrost
):
    services.entry_save(
        organisation=brukarrost,
        actor=world["platform_admin"],
        what_we_do="Vi gör brukarrevisioner.",
        phone="070-111",
    )
    OrganisationFactory(name="Elsewhere Club", slug="elsewhere", kind="ngo")
    response = client.get(url("directory:folder_pdf", "sv", slug="exampletown"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Föreningen Brukarröst" in text
    assert "Vi gör brukarrevisioner." in text
    assert "Elsewhere Club" not in text
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/Lang"] == "sv"


def test_the_folder_of_something_that_is_no_municipality_is_not_found(client, world, brukarrost):
    assert client.get(url("directory:folder_pdf", slug=brukarrost.slug)).status_code == 404


def test_a_representative_opts_in_and_withdraws(client, world):
    client.force_login(world["participant"])
    data = {"display_name": "Robin", "experience_areas": "boendestöd", "languages": ["sv"], "consent": "on"}
    response = client.post(url("directory:listing_me"), data, follow=True)
    assert "You are listed" in page(response)
    assert "Robin" in page(client.get(url("directory:representatives")))
    response = client.post(url("directory:listing_withdraw"), follow=True)
    assert "no longer listed" in page(response)
    assert "Robin" not in page(client.get(url("directory:representatives")))


def test_opting_in_without_consent_keeps_what_was_typed(client, world):
    client.force_login(world["participant"])
    response = client.post(
        url("directory:listing_me"),
        {"display_name": "<script>alert(1)</script>", "experience_areas": "x" * 501},
    )
    assert response.status_code == 400
    assert field_error(response, "consent")
    assert field_error(response, "experience_areas")
    assert field_value(response, "display_name") == "<script>alert(1)</script>"
    assert "<script>alert(1)</script>" not in page(response)
    assert not Representative.objects.exists()


def test_contacting_a_representative_who_withdrew_shows_a_clear_page(client, world, listing):
    services.consent_withdraw(actor=world["participant"])
    response = client.post(
        url("directory:representative_contact", pk=listing.pk), {"sender_name": "Eva", "message": "Hej"}
    )
    assert response.status_code == 404
    assert "no longer in the contact bank" in page(response)
    assert mail.outbox == []


def test_the_contact_form_sends_without_showing_the_address(
    client, world, listing, django_capture_on_commit_callbacks
):
    address = url("directory:representative_contact", pk=listing.pk)
    assert world["participant"].email not in page(client.get(address))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            address,
            {"sender_name": "Eva", "reply_to": "eva@example.org", "message": "Hej Robin"},
            follow=True,
        )
    assert "Your message is sent" in page(response)
    (message,) = mail.outbox
    assert message.reply_to == ["eva@example.org"]


def test_the_contact_form_is_rate_limited(client, world, listing, django_capture_on_commit_callbacks):
    address = url("directory:representative_contact", pk=listing.pk)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            client.post(address, {"sender_name": "Eva", "message": "Hej"})
        response = client.post(address, {"sender_name": "Eva", "message": "Hej"})
    assert response.status_code == 429
    assert "many messages" in page(response)
    assert len(mail.outbox) == 5


def test_a_bad_contact_form_keeps_what_was_typed(client, world, listing):
    response = client.post(
        url("directory:representative_contact", pk=listing.pk),
        {"sender_name": "", "reply_to": "not-an-address", "message": "' OR 1=1 --"},
    )
    assert response.status_code == 400
    assert field_error(response, "sender_name")
    assert field_error(response, "reply_to")
    assert field_value(response, "message") == "' OR 1=1 --"
    assert mail.outbox == []


def test_a_coordinator_publishes_a_call_a_person_applies_and_is_selected(
    client, world, applicant, brukarrost
):
    client.force_login(world["facilitator"])
    deadline = (timezone.localtime() + dt.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        url("directory:call_create", slug=world.public.slug),
        {
            "title": "Representanter",
            "description": "Vi söker två.",
            "deadline": deadline,
            "role": "representative",
        },
        follow=True,
    )
    assert "The call is published" in page(response)
    call = Call.objects.get()
    client.force_login(applicant)
    response = client.post(url("directory:call_detail", pk=call.pk), {"motivation": "Jag vill."}, follow=True)
    assert "Your application is sent" in page(response)
    response = client.post(url("directory:call_detail", pk=call.pk), {"motivation": "Igen."}, follow=True)
    assert "applied to this call already" in page(response)
    assert Application.objects.count() == 1
    client.force_login(world["facilitator"])
    application = Application.objects.get()
    response = client.post(
        url("directory:application_decide", pk=call.pk, application_id=application.pk),
        {f"a{application.pk}-status": "selected", f"a{application.pk}-message": "Välkommen"},
        follow=True,
    )
    assert "The answer is saved" in page(response)
    membership = SpaceMembership.objects.get(space=world.public, user=applicant)
    assert membership.role == "representative"
    assert membership.represents == brukarrost


def test_a_call_with_a_past_deadline_is_refused_with_the_input_kept(client, world):
    client.force_login(world["facilitator"])
    response = client.post(
        url("directory:call_create", slug=world.public.slug),
        {
            "title": "<script>alert(1)</script>",
            "description": "",
            "deadline": "2000-01-01T10:00",
            "role": "boss",
        },
    )
    assert response.status_code == 400
    assert field_error(response, "deadline")
    assert field_error(response, "description")
    assert field_error(response, "role")
    assert field_value(response, "title") == "<script>alert(1)</script>"
    assert not Call.objects.exists()


def test_applying_after_the_deadline_shows_that_it_is_closed(client, call, applicant):
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - dt.timedelta(hours=1))
    client.force_login(applicant)
    response = client.post(url("directory:call_detail", pk=call.pk), {"motivation": "Jag vill."}, follow=True)
    assert "deadline for this call has passed" in page(response)
    assert not Application.objects.exists()


def test_members_cannot_see_the_applications_or_publish_calls(client, world, call):
    client.force_login(world["member"])
    assert client.get(url("directory:applications", pk=call.pk)).status_code == 403
    assert client.get(url("directory:call_create", slug=world.public.slug)).status_code == 403


def test_a_call_in_a_members_only_space_is_hidden_from_others(client, world):
    hidden = Call.objects.create(
        space=world.members_only,
        title="Hemlig",
        description="x",
        deadline=timezone.now() + dt.timedelta(days=3),
    )
    client.force_login(world["participant"])
    assert client.get(url("directory:call_detail", pk=hidden.pk)).status_code == 403
    assert "Hemlig" not in page(client.get(url("directory:calls")))


def test_the_selected_see_a_welcome_on_the_calls_page(client, world, call, applicant):
    application = services.apply(call=call, actor=applicant, motivation="Jag vill.")
    services.application_decide(application=application, actor=world["facilitator"], status="selected")
    client.force_login(applicant)
    content = page(client.get(url("directory:call_detail", pk=call.pk)))
    assert "Welcome to Open Forum" in content
    assert "No meeting is planned yet." in content


def test_an_organisation_admin_changes_the_entry_and_bad_input_is_kept(client, world):
    client.force_login(world["org_admin"])
    address = url("directory:entry_edit", slug=world.owner.slug)
    response = client.post(
        address,
        {
            "what_we_do": "<script>alert(1)</script>",
            "website": "javascript:alert(1)",
            "email": "nope",
            "listed": "on",
        },
    )
    assert response.status_code == 400
    assert field_error(response, "website")
    assert field_error(response, "email")
    assert field_value(response, "what_we_do") == "<script>alert(1)</script>"
    assert not DirectoryEntry.objects.exists()
    response = client.post(
        address, {"what_we_do": "Stöd till familjer", "phone": "010-1", "listed": "on"}, follow=True
    )
    assert "Stöd till familjer" in page(response)
    client.force_login(world["staff"])
    assert client.get(address).status_code == 403


def test_the_calls_page_reads_a_fixed_number_of_queries(client, world):
    def calls(n):
        Call.objects.bulk_create(
            Call(
                space=world.public,
                title=f"Call {i}",
                description="x",
                deadline=timezone.now() + dt.timedelta(days=3),
            )
            for i in range(n)
        )

    client.force_login(world["facilitator"])
    address = url("directory:calls")
    calls(2)
    client.get(address)
    small = _count(client, address)
    calls(40)
    assert _count(client, address) == small


def test_a_facilitator_finds_the_calls_of_the_spaces_they_lead(client, world, call):
    client.force_login(world["facilitator"])
    content = page(client.get(url("directory:calls")))
    assert url("directory:applications", pk=call.pk) in content
    assert url("directory:call_create", slug=world.public.slug) in content
    client.force_login(world["member"])
    assert url("directory:call_create", slug=world.public.slug) not in page(
        client.get(url("directory:calls"))
    )


def test_a_panel_call_says_what_joining_the_panel_means_and_the_selected_see_where_to_leave(
    client, world, applicant, panel_call
):
    client.force_login(applicant)
    content = page(client.get(panel_call.get_absolute_url()))
    assert "you join the experience panel" in content and "Member of the experience panel" in content
    application = services.apply(call=panel_call, actor=applicant, motivation="Jag vill svara.")
    services.application_decide(application=application, actor=world["facilitator"], status="selected")
    content = page(client.get(panel_call.get_absolute_url()))
    assert "You are in the experience panel." in content and url("directory:panel_me") in content
    assert 'id="welcome-heading"' not in content  # no welcome to a space they did not join
