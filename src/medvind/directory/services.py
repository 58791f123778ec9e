"""Every write to the contact bank and to calls. Keyword-only, atomic, permission-checked, audit-logged."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from medvind.core import audit as log
from medvind.core.errors import DomainError
from medvind.core.models import Organisation, OrganisationMembership, Space, SpaceMembership
from medvind.core.services import require

from .models import Application, Call, DirectoryEntry, PanelMember, Representative

ENTRY_FIELDS = ("what_we_do", "for_whom", "municipality", "email", "phone", "website", "listed")
LISTING_FIELDS = ("display_name", "organisation", "experience_areas", "languages", "can_help_with")
CALL_FIELDS = ("title", "description", "requirements", "time_needed", "compensation", "deadline", "role")


# The contact bank ------------------------------------------------------------------------------


@transaction.atomic
def entry_save(*, organisation: Organisation, actor: Any, **values: Any) -> DirectoryEntry:
    require(actor, "directory.change_entry", organisation)
    unknown = set(values) - set(ENTRY_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    municipality = values.get("municipality")
    if municipality is not None and municipality.kind != Organisation.Kind.MUNICIPALITY:
        raise DomainError(_("Choose a municipality."))
    entry = DirectoryEntry.objects.filter(organisation=organisation).first() or DirectoryEntry(
        organisation=organisation
    )
    changes = log.diff(entry, values)
    for field, value in values.items():
        setattr(entry, field, value)
    entry.save()
    log.record(
        actor=actor, action="directory.entry_save", obj=entry, changes=changes, organisation=organisation
    )
    return entry


@transaction.atomic
def listing_save(*, actor: Any, **values: Any) -> Representative:
    """List the actor in the contact bank (consent given now) or change their listing."""
    require(actor, "directory.list_self")
    unknown = set(values) - set(LISTING_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    if not (values.get("display_name") or "").strip():
        raise DomainError(_("Write the name to show."))
    organisation = values.get("organisation")
    if (
        organisation is not None
        and not OrganisationMembership.objects.filter(user=actor, organisation=organisation).exists()
    ):
        raise DomainError(_("You can only name an organisation you belong to."))
    listing = Representative.objects.select_for_update().filter(user=actor).first()
    if listing is None:
        listing = Representative.objects.create(user=actor, consent_at=timezone.now(), **values)
        log.record(
            actor=actor,
            action="directory.consent_given",
            obj=listing,
            changes={"consent_at": [None, listing.consent_at.isoformat()]},
        )
        return listing
    changes = log.diff(listing, values)
    for field, value in values.items():
        setattr(listing, field, value)
    listing.save()
    log.record(actor=actor, action="directory.listing_change", obj=listing, changes=changes)
    return listing


@transaction.atomic
def consent_withdraw(*, actor: Any) -> None:
    """Withdrawing consent removes the listing at once. The audit log keeps only that it happened."""
    require(actor, "directory.list_self")
    listing = Representative.objects.filter(user=actor).first()
    if listing is None:
        return
    log.record(
        actor=actor,
        action="directory.consent_withdrawn",
        obj=listing,
        changes={"consent_at": [listing.consent_at.isoformat(), None]},
    )
    listing.delete()


def _send_contact(
    *, to: str, language: str, recipient_name: str, sender_name: str, reply_to: str, message: str
) -> None:
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = _("A message from the contact bank of Medvind")
        body = render_to_string(
            "directory/email/contact.txt",
            {
                "recipient_name": recipient_name,
                "sender_name": sender_name,
                "reply_to": reply_to,
                "message": message,
            },
        )
    EmailMessage(subject, body, to=[to], reply_to=[reply_to] if reply_to else None).send()


@transaction.atomic
def contact_organisation(
    *, organisation: Organisation, actor: Any, sender_name: str, reply_to: str = "", message: str
) -> None:
    require(actor, "directory.contact", organisation)
    entry = DirectoryEntry.objects.filter(organisation=organisation).first()
    if entry is not None and not entry.listed:
        raise DomainError(_("This organisation is not in the contact bank."))
    address = (entry.email if entry else "") or organisation.email
    if not address:
        raise DomainError(_("This organisation takes no messages through the contact bank."))
    to, language, name = address, organisation.language, organisation.name
    transaction.on_commit(
        lambda: _send_contact(
            to=to,
            language=language,
            recipient_name=name,
            sender_name=sender_name,
            reply_to=reply_to,
            message=message,
        )
    )


@transaction.atomic
def contact_representative(
    *, representative_id: int, actor: Any, sender_name: str, reply_to: str = "", message: str
) -> None:
    """Checked against the database at the moment of sending: someone who withdrew gets nothing."""
    listing = Representative.objects.select_related("user").filter(pk=representative_id).first()
    if listing is None or listing.user.deleted_at is not None:
        raise DomainError(_("This person is no longer in the contact bank. The message was not sent."))
    require(actor, "directory.contact", listing)
    to, language, name = listing.user.email, listing.user.language, listing.display_name
    transaction.on_commit(
        lambda: _send_contact(
            to=to,
            language=language,
            recipient_name=name,
            sender_name=sender_name,
            reply_to=reply_to,
            message=message,
        )
    )


# Calls for representatives ---------------------------------------------------------------------


@transaction.atomic
def call_create(*, space: Space, actor: Any, **values: Any) -> Call:
    require(actor, "directory.create_call", space)
    unknown = set(values) - set(CALL_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    deadline: dt.datetime = values["deadline"]
    if deadline <= timezone.now():
        raise DomainError(_("The deadline must be in the future."))
    call = Call.objects.create(space=space, created_by=actor, **values)
    log.record(
        actor=actor,
        action="directory.call_create",
        obj=call,
        changes={"title": [None, call.title], "deadline": [None, deadline.isoformat()]},
        space=space,
    )
    return call


@transaction.atomic
def call_close(*, call: Call, actor: Any) -> Call:
    """Close a call now: its deadline becomes this moment."""
    require(actor, "directory.review_applications", call)
    now = timezone.now()
    if call.deadline <= now:
        raise DomainError(_("This call is closed already."))
    old = call.deadline
    call.deadline = now
    call.save(update_fields=["deadline"])
    log.record(
        actor=actor,
        action="directory.call_close",
        obj=call,
        changes={"deadline": [old.isoformat(), now.isoformat()]},
        space=call.space,
    )
    return call


@transaction.atomic
def apply(
    *,
    call: Call,
    actor: Any,
    motivation: str,
    experience_areas: str = "",
    availability: str = "",
    needs: str = "",
    organisation: Organisation | None = None,
) -> Application:
    call = Call.objects.select_for_update().get(pk=call.pk)
    if actor.is_authenticated and not call.is_open:
        raise DomainError(_("The deadline for this call has passed. Applications are closed."))
    require(actor, "directory.apply", call)
    if Application.objects.filter(call=call, user=actor).exists():
        raise DomainError(_("You have applied to this call already."))
    if not motivation.strip():
        raise DomainError(_("Write why you want to take part."))
    if (
        organisation is not None
        and not OrganisationMembership.objects.filter(user=actor, organisation=organisation).exists()
    ):
        raise DomainError(_("You can only name an organisation you belong to."))
    try:
        with transaction.atomic():
            application = Application.objects.create(
                call=call,
                user=actor,
                organisation=organisation,
                motivation=motivation,
                experience_areas=experience_areas,
                availability=availability,
                needs=needs,
            )
    except IntegrityError as error:
        raise DomainError(_("You have applied to this call already.")) from error
    log.record(actor=actor, action="directory.apply", obj=application, space=call.space)
    return application


def _speaks_for(application: Application) -> Organisation | None:
    if application.organisation_id:
        return application.organisation
    membership = (
        OrganisationMembership.objects.filter(
            user=application.user,
            organisation__kind__in=[Organisation.Kind.USER_ORGANISATION, Organisation.Kind.NGO],
        )
        .select_related("organisation")
        .order_by("pk")
        .first()
    )
    return membership.organisation if membership else None


def _send_outcome(application: Application) -> None:
    user = application.user
    with translation.override(user.language or application.call.space.language or settings.LANGUAGE_CODE):
        if application.status == Application.Status.SELECTED:
            subject = _("You are selected: %(title)s") % {"title": application.call.title}
        else:
            subject = _("Your application: %(title)s") % {"title": application.call.title}
        context: dict[str, Any] = {"application": application, "user": user}
        if application.call.is_for_panel:
            from medvind.core.notifications import absolute

            context["panel_url"] = absolute(reverse("directory:panel_me"))
        if application.status == Application.Status.SELECTED and not application.call.is_for_panel:
            from medvind.core.notifications import absolute

            from .selectors import welcome

            context |= welcome(application.call.space, user.language or application.call.space.language)
            context["space_url"] = absolute(application.call.space.get_absolute_url())
            if context["path"]:
                context["path_url"] = absolute(context["path"].get_absolute_url())
        body = render_to_string("directory/email/outcome.txt", context)
    EmailMessage(subject, body, to=[user.email]).send()


def _join_space(application: Application, actor: Any) -> None:
    """The selected join the call's space with the call's role (a facilitator keeps theirs)."""
    call = application.call
    role = call.role
    represents = None
    if role == SpaceMembership.Role.REPRESENTATIVE:
        represents = _speaks_for(application)
        if represents is None:
            raise DomainError(
                _(
                    "A user representative speaks for an organisation, and this person names none. "
                    "Select them as a member instead, or ask them which organisation they speak for."
                )
            )
    membership = SpaceMembership.objects.filter(space=call.space, user=application.user).first()
    if membership is None:
        membership = SpaceMembership.objects.create(
            space=call.space, user=application.user, role=role, represents=represents
        )
    elif membership.role != SpaceMembership.Role.FACILITATOR:
        membership.role, membership.represents = role, represents
        membership.save(update_fields=["role", "represents"])
    log.record(
        actor=actor,
        action="space.member_add",
        obj=membership,
        changes={"role": [None, role]},
        space=call.space,
    )


def _join_panel(application: Application, actor: Any) -> None:
    """Applying to a panel call is the person's consent to be asked; the selected join the panel with the
    experience areas they gave, in their own language (a member already in it keeps their entry)."""
    member, created = PanelMember.objects.get_or_create(
        user=application.user,
        defaults={
            "experience_areas": application.experience_areas,
            "languages": [application.user.language] if application.user.language else [],
        },
    )
    if created:
        log.record(actor=actor, action="directory.panel_join", obj=member, space=application.call.space)


@transaction.atomic
def application_decide(
    *, application: Application, actor: Any, status: str, message: str = ""
) -> Application:
    """Select or decline. The selected join the call's space with the call's role; both are told by
    email in their own language."""
    call = application.call
    require(actor, "directory.review_applications", call)
    application = (
        Application.objects.select_for_update().select_related("call__space", "user").get(pk=application.pk)
    )
    if status not in (Application.Status.SELECTED, Application.Status.DECLINED):
        raise DomainError(_("Choose to select or to decline."))
    if application.status != Application.Status.WAITING:
        raise DomainError(_("This application has an answer already."))
    if status == Application.Status.SELECTED:
        if call.is_for_panel:
            _join_panel(application, actor)
        else:
            _join_space(application, actor)
    application.status = status
    application.message = message
    application.decided_by = actor
    application.decided_at = timezone.now()
    application.save(update_fields=["status", "message", "decided_by", "decided_at"])
    log.record(
        actor=actor,
        action="directory.application_decide",
        obj=application,
        changes={"status": [Application.Status.WAITING, status]},
        space=call.space,
    )
    transaction.on_commit(lambda: _send_outcome(application))
    return application
