"""Consent, contact and recruitment: the rules the services keep."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import AuditLogEntry, SpaceMembership
from medvind.directory import services
from medvind.directory.models import Application, Call, PanelMember, Representative
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def listed(user, **extra):
    values = {"display_name": "Robin", "experience_areas": "boendestöd", "languages": ["sv"], **extra}
    return services.listing_save(actor=user, **values)


def test_opting_in_records_the_consent_with_its_date(world):
    before = timezone.now()
    listing = listed(world["participant"])
    assert before <= listing.consent_at <= timezone.now()
    assert AuditLogEntry.objects.filter(action="directory.consent_given", object_id=str(listing.pk)).exists()


def test_withdrawing_consent_removes_the_listing_at_once(world):
    listing = listed(world["participant"])
    services.consent_withdraw(actor=world["participant"])
    assert not Representative.objects.filter(pk=listing.pk).exists()
    assert AuditLogEntry.objects.filter(action="directory.consent_withdrawn").exists()


def test_nobody_can_write_to_someone_who_withdrew(world, django_capture_on_commit_callbacks):
    listing = listed(world["participant"])
    services.consent_withdraw(actor=world["participant"])
    with pytest.raises(DomainError, match="no longer in the contact bank"):
        services.contact_representative(
            representative_id=listing.pk, actor=world["anonymous"], sender_name="Eva", message="Hej"
        )
    assert mail.outbox == []


def test_a_message_to_a_representative_hides_their_address_and_replies_go_to_the_sender(
    world, django_capture_on_commit_callbacks
):
    listing = listed(world["participant"])
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_representative(
            representative_id=listing.pk,
            actor=world["anonymous"],
            sender_name="Eva",
            reply_to="eva@example.org",
            message="Kan du berätta om brukarrevision?",
        )
    (message,) = mail.outbox
    assert message.to == [world["participant"].email]
    assert message.reply_to == ["eva@example.org"]
    assert "Kan du berätta om brukarrevision?" in message.body
    assert world["participant"].email not in message.body


def test_a_message_without_a_reply_address_has_no_reply_to(
    world, brukarrost, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_organisation(
            organisation=brukarrost, actor=world["anonymous"], sender_name="Eva", message="Hej"
        )
    (message,) = mail.outbox
    assert message.to == ["info@brukarrost.example"]
    assert message.reply_to == []


def test_an_organisation_hidden_from_the_contact_bank_takes_no_messages(world, brukarrost):
    services.entry_save(organisation=brukarrost, actor=world["platform_admin"], listed=False)
    with pytest.raises(DomainError):
        services.contact_organisation(
            organisation=brukarrost, actor=world["anonymous"], sender_name="Eva", message="Hej"
        )


def test_only_the_organisations_admins_change_its_entry(world):
    with pytest.raises(NotAllowed):
        services.entry_save(organisation=world.owner, actor=world["staff"], what_we_do="x")
    entry = services.entry_save(organisation=world.owner, actor=world["org_admin"], what_we_do="Stöd")
    assert entry.what_we_do == "Stöd"


def test_a_person_applies_only_once(call, applicant):
    services.apply(call=call, actor=applicant, motivation="Jag vill vara med.")
    with pytest.raises(DomainError, match="applied to this call already"):
        services.apply(call=call, actor=applicant, motivation="Igen.")
    assert Application.objects.count() == 1


def test_nobody_applies_after_the_deadline(call, applicant):
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - dt.timedelta(minutes=1))
    call.refresh_from_db()
    with pytest.raises(DomainError, match="deadline for this call has passed"):
        services.apply(call=call, actor=applicant, motivation="Jag vill vara med.")
    assert Application.objects.count() == 0


def test_a_call_needs_a_deadline_in_the_future(world):
    with pytest.raises(DomainError):
        services.call_create(
            space=world.public,
            actor=world["facilitator"],
            title="x",
            description="y",
            deadline=timezone.now() - dt.timedelta(days=1),
        )


def test_only_facilitators_publish_calls(world):
    with pytest.raises(NotAllowed):
        services.call_create(
            space=world.public,
            actor=world["member"],
            title="x",
            description="y",
            deadline=timezone.now() + dt.timedelta(days=1),
        )


def test_the_selected_join_the_space_as_representatives_and_are_told_in_their_language(
    world, call, applicant, brukarrost, django_capture_on_commit_callbacks, monkeypatch
):
    languages = []
    real_override = services.translation.override

    def spy(language, *args, **kwargs):
        languages.append(language)
        return real_override(language, *args, **kwargs)

    monkeypatch.setattr(services.translation, "override", spy)
    application = services.apply(call=call, actor=applicant, motivation="Jag vill vara med.")
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(
            application=application, actor=world["facilitator"], status="selected", message="Välkommen!"
        )
    membership = SpaceMembership.objects.get(space=world.public, user=applicant)
    assert membership.role == SpaceMembership.Role.REPRESENTATIVE
    assert membership.represents == brukarrost
    (message,) = mail.outbox
    assert message.to == [applicant.email]
    assert languages == ["da"]
    assert call.title in message.subject
    assert "Välkommen!" in message.body


def test_a_declined_applicant_is_told_and_does_not_join(
    world, call, applicant, django_capture_on_commit_callbacks
):
    application = services.apply(call=call, actor=applicant, motivation="Jag vill vara med.")
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(
            application=application, actor=world["facilitator"], status="declined", message="Tack!"
        )
    assert not SpaceMembership.objects.filter(space=world.public, user=applicant).exists()
    assert len(mail.outbox) == 1
    with pytest.raises(DomainError):
        services.application_decide(application=application, actor=world["facilitator"], status="selected")


def test_a_representative_must_speak_for_an_organisation(world, call):
    loner = UserFactory(display_name="Lone")
    application = services.apply(call=call, actor=loner, motivation="Jag vill vara med.")
    with pytest.raises(DomainError, match="speaks for an organisation"):
        services.application_decide(application=application, actor=world["facilitator"], status="selected")
    application.refresh_from_db()
    assert application.status == Application.Status.WAITING
    assert not SpaceMembership.objects.filter(space=world.public, user=loner).exists()


def test_only_the_spaces_facilitators_decide(world, call, applicant):
    application = services.apply(call=call, actor=applicant, motivation="Jag vill vara med.")
    with pytest.raises(NotAllowed):
        services.application_decide(application=application, actor=world["member"], status="selected")


def test_the_selected_are_welcomed_with_the_forums_introduction_and_next_meeting(
    world, call, applicant, django_capture_on_commit_callbacks
):
    from medvind.forums.models import Meeting

    world.public.description = "Vi träffas en gång i månaden."
    world.public.save()
    starts = timezone.now() + dt.timedelta(days=5)
    Meeting.objects.create(
        space=world.public,
        title="Möte om boendestöd",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
    )
    application = services.apply(call=call, actor=applicant, motivation="Jag vill vara med.")
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(application=application, actor=world["facilitator"], status="selected")
    (message,) = mail.outbox
    assert "Vi träffas en gång i månaden." in message.body
    assert "Möte om boendestöd" in message.body
    assert "/da/spaces/open-forum/" in message.body  # in her language


def test_the_selected_of_a_panel_call_join_the_panel_not_the_space(
    world, panel_call, applicant, django_capture_on_commit_callbacks
):
    application = services.apply(
        call=panel_call, actor=applicant, motivation="Jag vill svara.", experience_areas="boendestöd"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(application=application, actor=world["facilitator"], status="selected")
    member = PanelMember.objects.get(user=applicant)
    assert member.experience_areas == "boendestöd" and member.languages == ["da"]
    assert not SpaceMembership.objects.filter(space=world.public, user=applicant).exists()
    (message,) = mail.outbox
    assert "/da/directory/panel/me/" in message.body  # where to leave, in their language
    assert "Space" not in message.subject


def test_a_panel_member_selected_again_keeps_their_entry(world, panel_call, applicant):
    PanelMember.objects.create(user=applicant, experience_areas="psykiatri", languages=["sv", "da"])
    application = services.apply(call=panel_call, actor=applicant, motivation="Igen.", experience_areas="x")
    services.application_decide(application=application, actor=world["facilitator"], status="selected")
    member = PanelMember.objects.get(user=applicant)
    assert member.experience_areas == "psykiatri" and member.languages == ["sv", "da"]
