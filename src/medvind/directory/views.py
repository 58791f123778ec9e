from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from medvind.core import selectors as core_selectors
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import Organisation
from medvind.core.pagination import paginate
from medvind.core.ratelimit import hit
from medvind.surveys.models import Survey

from . import panel, selectors, services
from .forms import (
    ApplicationForm,
    CallForm,
    ConsultationForm,
    ContactForm,
    DecisionForm,
    DirectoryFilterForm,
    EntryForm,
    ListingForm,
    PanelForm,
    RepresentativeFilterForm,
)
from .models import Application, Call, DirectoryEntry, Representative
from .pdf import folder_pdf as make_pdf

CONTACT_LIMIT = 5  # messages per browser address per hour
CONTACT_WINDOW = 3600


def _need(request: HttpRequest, perm: str, obj: Any = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise NotAllowed(perm)


# The contact bank ------------------------------------------------------------------------------


def organisation_list(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    items = selectors.organisations(
        q=filters.get("q", ""), kind=filters.get("kind", ""), municipality=filters.get("municipality")
    )
    page = paginate(request, items, 20)
    page.object_list = selectors.with_forums(list(page.object_list))
    return render(
        request,
        "directory/organisations.html",
        {"form": form, "page": page, "municipality": filters.get("municipality")},
    )


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(
        Organisation.objects.select_related("directory_entry", "directory_entry__municipality", "parent"),
        slug=slug,
    )
    entry = getattr(org, "directory_entry", None)
    if entry is not None and not entry.listed and not request.user.has_perm("directory.change_entry", org):
        raise Http404
    selectors.with_forums([org])
    return render(
        request,
        "directory/organisation.html",
        {
            "org": org,
            "entry": entry,
            "municipality": selectors.municipality_of(org),
            "representatives": list(selectors.representatives(organisation=org)[:50]),
            "can_contact": bool((entry and entry.email) or org.email),
        },
    )


@login_required
def entry_edit(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organisation, slug=slug)
    _need(request, "directory.change_entry", org)
    entry = DirectoryEntry.objects.filter(organisation=org).first() or DirectoryEntry(organisation=org)
    form = EntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        values = {field: form.cleaned_data[field] for field in services.ENTRY_FIELDS}
        try:
            services.entry_save(organisation=org, actor=request.user, **values)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The entry in the contact bank is saved."))
            return redirect("directory:organisation", slug=org.slug)
    status = 400 if form.errors else 200
    return render(request, "directory/entry_form.html", {"org": org, "form": form}, status=status)


def _contact(request: HttpRequest, send: Any, name: str, back: str) -> HttpResponse:
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not hit(request, "directory-contact", limit=CONTACT_LIMIT, window_seconds=CONTACT_WINDOW):
            form.add_error(
                None, _("You have sent many messages in a short time. Please wait an hour and try again.")
            )
            status = 429
        elif form.is_valid():
            try:
                send(**form.cleaned_data)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your message is sent."))
                return redirect(back)
    if form.errors and status == 200:
        status = 400
    return render(
        request, "directory/contact.html", {"form": form, "name": name, "back": back}, status=status
    )


def organisation_contact(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organisation.objects.select_related("directory_entry"), slug=slug)
    entry = getattr(org, "directory_entry", None)
    if entry is not None and not entry.listed:
        raise Http404

    def send(**data: Any) -> None:
        services.contact_organisation(organisation=org, actor=request.user, **data)

    return _contact(request, send, org.name, reverse("directory:organisation", kwargs={"slug": org.slug}))


def representative_contact(request: HttpRequest, pk: int) -> HttpResponse:
    listing = Representative.objects.filter(pk=pk, user__deleted_at__isnull=True).first()
    if listing is None:
        return render(request, "directory/contact_gone.html", status=404)

    def send(**data: Any) -> None:
        services.contact_representative(representative_id=pk, actor=request.user, **data)

    return _contact(request, send, listing.display_name, reverse("directory:representatives"))


def representative_list(request: HttpRequest) -> HttpResponse:
    form = RepresentativeFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    items = selectors.representatives(language=filters.get("language", ""), area=filters.get("area", ""))
    return render(
        request, "directory/representatives.html", {"form": form, "page": paginate(request, items, 20)}
    )


@login_required
def listing_me(request: HttpRequest) -> HttpResponse:
    _need(request, "directory.list_self")
    listing = selectors.own_listing(request.user)
    form = ListingForm(request.POST or None, instance=listing, user=request.user)
    if request.method == "POST" and form.is_valid():
        values = {field: form.cleaned_data[field] for field in services.LISTING_FIELDS}
        try:
            services.listing_save(actor=request.user, **values)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("You are listed in the contact bank."))
            return redirect("directory:listing_me")
    status = 400 if form.errors else 200
    return render(request, "directory/listing_me.html", {"form": form, "listing": listing}, status=status)


@login_required
@require_POST
def listing_withdraw(request: HttpRequest) -> HttpResponse:
    services.consent_withdraw(actor=request.user)
    messages.success(request, _("Your consent is withdrawn. You are no longer listed in the contact bank."))
    return redirect("directory:listing_me")


def folder_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_object_or_404(Organisation, slug=slug, kind=Organisation.Kind.MUNICIPALITY)
    orgs = selectors.with_forums(list(selectors.organisations(municipality=municipality)[:2000]))
    pdf = make_pdf(request, {"municipality": municipality, "orgs": orgs})
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": content_disposition_header(False, f"{municipality.slug}.pdf") or ""},
    )


# Calls for representatives ---------------------------------------------------------------------


def call_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/calls.html",
        {
            "page": paginate(request, selectors.open_calls(request.user), 20),
            "led": selectors.led_spaces(request.user),
        },
    )


def _call(request: HttpRequest, pk: int) -> Call:
    call = get_object_or_404(Call.objects.select_related("space"), pk=pk)
    _need(request, "directory.view_call", call)
    return call


def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = _call(request, pk)
    own = selectors.own_application(call, request.user)
    form = None
    if own is None and request.user.has_perm("directory.apply", call):
        form = ApplicationForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if form is None:
            messages.error(
                request,
                _("You have applied to this call already.")
                if own
                else _("The deadline for this call has passed. Applications are closed."),
            )
            return redirect(call)
        if form.is_valid():
            try:
                services.apply(call=call, actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Your application is sent. You will get an answer by email."))
                return redirect(call)
        status = 400
    welcome = (
        selectors.welcome(call.space, own.user.language or call.space.language)
        if own and own.status == Application.Status.SELECTED and not call.is_for_panel
        else None
    )
    return render(
        request,
        "directory/call_detail.html",
        {"call": call, "space": call.space, "own": own, "form": form, "welcome": welcome},
        status=status,
    )


@login_required
def call_create(request: HttpRequest, slug: str) -> HttpResponse:
    space = core_selectors.space_get(request.user, slug)
    _need(request, "directory.create_call", space)
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.call_create(space=space, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The call is published."))
            return redirect(call)
    status = 400 if form.errors else 200
    return render(request, "directory/call_form.html", {"space": space, "form": form}, status=status)


@login_required
@require_POST
def call_close(request: HttpRequest, pk: int) -> HttpResponse:
    call = _call(request, pk)
    try:
        services.call_close(call=call, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The call is closed."))
    return redirect("directory:applications", pk=call.pk)


def _applications(request: HttpRequest, call: Call, failed: Any = None, status: int = 200) -> HttpResponse:
    rows = list(selectors.call_applications(call))
    for application in rows:
        application.form = (
            failed[1] if failed and failed[0] == application.pk else DecisionForm(prefix=f"a{application.pk}")
        )
    return render(
        request,
        "directory/applications.html",
        {"call": call, "space": call.space, "applications": rows},
        status=status,
    )


@login_required
def applications(request: HttpRequest, pk: int) -> HttpResponse:
    call = _call(request, pk)
    _need(request, "directory.review_applications", call)
    return _applications(request, call)


@login_required
def application_decide(request: HttpRequest, pk: int, application_id: int) -> HttpResponse:
    call = _call(request, pk)
    _need(request, "directory.review_applications", call)
    if request.method != "POST":
        return redirect("directory:applications", pk=call.pk)
    application = get_object_or_404(Application, pk=application_id, call=call)
    form = DecisionForm(request.POST, prefix=f"a{application.pk}")
    if form.is_valid():
        try:
            services.application_decide(application=application, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The answer is saved and the applicant is told by email."))
            return redirect("directory:applications", pk=call.pk)
    return _applications(request, call, failed=(application.pk, form), status=400)


# The experience panel --------------------------------------------------------------------------


@login_required
def panel_me(request: HttpRequest) -> HttpResponse:
    _need(request, "directory.join_panel")
    member = selectors.own_panel_member(request.user)
    form = PanelForm(request.POST or None, instance=member)
    if request.method == "POST" and "leave" in request.POST:
        panel.panel_leave(actor=request.user)
        messages.success(request, _("You have left the experience panel. Nobody will ask you any more."))
        return redirect("directory:panel_me")
    if request.method == "POST" and form.is_valid():
        panel.panel_join(actor=request.user, **form.cleaned_data)
        messages.success(request, _("You are in the experience panel."))
        return redirect("directory:panel_me")
    status = 400 if form.errors else 200
    return render(request, "directory/panel_me.html", {"form": form, "member": member}, status=status)


@login_required
def consultation_send(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    space = core_selectors.space_get(request.user, slug)
    _need(request, "directory.consult_panel", space)
    survey = get_object_or_404(Survey, pk=pk, space=space)
    form = ConsultationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = panel.consultation_send(survey=survey, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            count = consultation.invites.count()
            messages.success(
                request,
                ngettext(
                    "The survey is sent to %(count)s person in the panel.",
                    "The survey is sent to %(count)s people in the panel.",
                    count,
                )
                % {"count": count},
            )
            return redirect("directory:consultation_send", slug=slug, pk=pk)
    consultations = survey.panel_consultations.annotate(invited=Count("invites"))
    return render(
        request,
        "directory/consultation_form.html",
        {"space": space, "survey": survey, "form": form, "consultations": consultations},
        status=400 if form.errors else 200,
    )
