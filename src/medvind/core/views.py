from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services
from .errors import DomainError, NotAllowed
from .forms import (
    InvitationForm,
    JoinRequestForm,
    MemberRoleForm,
    OrganisationCreateForm,
    OrganisationForm,
    OrganisationMemberForm,
    SpaceForm,
)
from .models import (
    Country,
    Invitation,
    JoinRequest,
    Organisation,
    OrganisationMembership,
    Space,
    SpaceMembership,
)
from .pagination import paginate


def _check(request: HttpRequest, perm: str, obj: Any = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise NotAllowed(perm)


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})


def home(request: HttpRequest) -> HttpResponse:
    spaces = selectors.space_list(request.user)[:6]
    context = {
        "spaces": spaces,
        "my_spaces": selectors.space_list(request.user, mine=True)[:6]
        if request.user.is_authenticated
        else [],
        "organisation_count": Organisation.objects.count(),
    }
    return render(request, "core/home.html", context)


# Organisations -----------------------------------------------------------------------------------


def organisation_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    country = request.GET.get("country", "")
    query = request.GET.get("q", "").strip()[:100]
    kind = kind if kind in Organisation.Kind.values else ""
    country = country if country in Country.values else ""
    organisations = selectors.organisation_list(kind=kind, country=country, query=query)
    return render(
        request,
        "core/organisation_list.html",
        {
            "page": paginate(request, organisations),
            "kinds": Organisation.Kind.choices,
            "countries": Country.choices,
            "kind": kind,
            "country": country,
            "q": query,
        },
    )


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_get(slug)
    context = {"organisation": organisation, **selectors.organisation_detail(request.user, organisation)}
    return render(request, "core/organisation_detail.html", context)


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    _check(request, "core.create_organisation")
    form = OrganisationCreateForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error("parent", str(error))
        else:
            messages.success(request, _("The organisation is created."))
            return redirect(organisation)
    return render(
        request, "core/organisation_create.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_get(slug)
    _check(request, "core.change_organisation", organisation)
    form = OrganisationForm(request.POST or None, instance=Organisation.objects.get(pk=organisation.pk))
    if request.method == "POST" and form.is_valid():
        services.organisation_update(organisation=organisation, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The changes are saved."))
        return redirect(organisation)
    return render(request, "core/organisation_edit.html", {"organisation": organisation, "form": form})


@login_required
def organisation_members(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_get(slug)
    _check(request, "core.view_organisation_members", organisation)
    can_manage = request.user.has_perm("core.manage_organisation_members", organisation)
    form = OrganisationMemberForm(request.POST or None)
    if request.method == "POST":
        _check(request, "core.manage_organisation_members", organisation)
        if form.is_valid():
            person = (
                get_user_model()
                .objects.filter(email__iexact=form.cleaned_data["email"], deleted_at__isnull=True)
                .first()
            )
            if person is None:
                form.add_error("email", _("No one with this email address has an account on Medvind."))
            else:
                try:
                    services.organisation_member_set(
                        organisation=organisation,
                        actor=request.user,
                        user=person,
                        role=form.cleaned_data["role"],
                    )
                except DomainError as error:
                    form.add_error("role", str(error))
                else:
                    messages.success(request, _("The member list is updated."))
                    return redirect("core:organisation_members", slug=slug)
    return render(
        request,
        "core/organisation_members.html",
        {
            "organisation": organisation,
            "page": paginate(request, selectors.organisation_members(organisation), 50),
            "form": form if can_manage else None,
            "roles": OrganisationMembership.Role.choices,
            "can_manage": can_manage,
        },
    )


@login_required
@require_POST
def organisation_member_remove(request: HttpRequest, slug: str, member_id: int) -> HttpResponse:
    organisation = selectors.organisation_get(slug)
    membership = get_object_or_404(OrganisationMembership, pk=member_id, organisation=organisation)
    try:
        services.organisation_member_remove(
            organisation=organisation, actor=request.user, user=membership.user
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The member list is updated."))
    return redirect("core:organisation_members", slug=slug)


@login_required
def organisation_audit_log(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_get(slug)
    _check(request, "core.view_organisation_audit_log", organisation)
    return render(
        request,
        "core/audit_log.html",
        {
            "organisation": organisation,
            "page": paginate(request, selectors.audit_log(organisation=organisation), 50),
        },
    )


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    _check(request, "core.view_audit_log")
    return render(request, "core/audit_log.html", {"page": paginate(request, selectors.audit_log(), 50)})


# Spaces ------------------------------------------------------------------------------------------


def space_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    kind = kind if kind in Space.Kind.values else ""
    mine = request.GET.get("mine") == "1" and request.user.is_authenticated
    spaces = selectors.space_list(request.user, kind=kind, mine=mine)
    return render(
        request,
        "core/space_list.html",
        {"page": paginate(request, spaces), "kinds": Space.Kind.choices, "kind": kind, "mine": mine},
    )


@login_required
def space_create(request: HttpRequest) -> HttpResponse:
    _check(request, "core.create_space")
    form = SpaceForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            space = services.space_create(actor=request.user, **data)
        except DomainError as error:
            form.add_error("organisations", str(error))
        else:
            messages.success(request, _("The space is created. You are its facilitator."))
            return redirect(space)
    return render(request, "core/space_form.html", {"form": form})


def _kind_context(viewer: Any, space: Space) -> dict[str, Any]:
    """What the app of the space's kind adds to the space page (a forum: meetings, actions, decisions)."""
    if space.kind == Space.Kind.FORUM:
        from medvind.forums.selectors import forum_overview

        return forum_overview(viewer, space)
    return {}


def space_detail(request: HttpRequest, slug: str) -> HttpResponse:
    from medvind.directory.selectors import welcome_for

    space = selectors.space_get(request.user, slug)
    detail = selectors.space_detail(request.user, space)
    context = {
        "space": space,
        "join_form": JoinRequestForm(),
        **detail,
        **_kind_context(request.user, space),
        "welcome": welcome_for(space, detail["viewer_membership"]),
    }
    return render(request, "core/space_detail.html", context)


@login_required
def space_edit(request: HttpRequest, slug: str) -> HttpResponse:
    space = selectors.space_get(request.user, slug)
    _check(request, "core.change_space", space)
    form = SpaceForm(request.POST or None, instance=Space.objects.get(pk=space.pk))
    if request.method == "POST" and form.is_valid():
        services.space_update(space=space, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The changes are saved."))
        return redirect(space)
    return render(request, "core/space_form.html", {"form": form, "space": space})


@login_required
@require_POST
def space_join(request: HttpRequest, slug: str) -> HttpResponse:
    space = selectors.space_get(request.user, slug)
    try:
        if space.join_policy == Space.JoinPolicy.OPEN:
            services.space_join(space=space, actor=request.user)
            messages.success(request, _("Welcome! You are now a member."))
        else:
            form = JoinRequestForm(request.POST)
            if not form.is_valid():
                context = {
                    "space": space,
                    "join_form": form,
                    **selectors.space_detail(request.user, space),
                    **_kind_context(request.user, space),
                }
                return render(request, "core/space_detail.html", context, status=400)
            services.space_request_join(space=space, actor=request.user, message=form.cleaned_data["message"])
            messages.success(request, _("Your request is sent. The facilitators will answer you."))
    except DomainError as error:
        messages.error(request, str(error))
    return redirect(space)


@login_required
@require_POST
def space_leave(request: HttpRequest, slug: str) -> HttpResponse:
    space = selectors.space_get(request.user, slug)
    membership = selectors.membership_of(space, request.user)
    if membership is None:
        messages.error(request, _("You are not a member of this space."))
        return redirect(space)
    try:
        services.space_member_remove(space=space, actor=request.user, membership=membership)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You have left the space."))
    if request.user.has_perm("core.view_space", space):
        return redirect(space)
    return redirect("core:space_list")


@login_required
def space_members(request: HttpRequest, slug: str) -> HttpResponse:
    space = selectors.space_get(request.user, slug)
    _check(request, "core.view_space_members", space)
    can_manage = request.user.has_perm("core.manage_space_members", space)
    invite_form = InvitationForm(request.POST or None, prefix="invite")
    if request.method == "POST":
        _check(request, "core.manage_space_members", space)
        if invite_form.is_valid():
            try:
                services.space_invite(space=space, actor=request.user, **invite_form.cleaned_data)
            except DomainError as error:
                invite_form.add_error("email", str(error))
            else:
                messages.success(request, _("The invitation is sent."))
                return redirect("core:space_members", slug=slug)
    context = {
        "space": space,
        "page": paginate(request, selectors.space_members(space), 50),
        "can_manage": can_manage,
        "invite_form": invite_form if can_manage else None,
        "requests": selectors.space_pending_requests(space) if can_manage else [],
        "invitations": selectors.space_pending_invitations(space) if can_manage else [],
        "role_choices": SpaceMembership.Role.choices,
        "organisations": Organisation.objects.order_by("name").only("pk", "name") if can_manage else [],
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "core/space_members.html", context, status=status)


@login_required
@require_POST
def space_member_change(request: HttpRequest, slug: str, member_id: int) -> HttpResponse:
    space = selectors.space_get(request.user, slug)
    _check(request, "core.manage_space_members", space)
    membership = get_object_or_404(SpaceMembership, pk=member_id, space=space)
    try:
        if request.POST.get("action") == "remove":
            services.space_member_remove(space=space, actor=request.user, membership=membership)
        else:
            form = MemberRoleForm(request.POST)
            if not form.is_valid():
                errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
                raise DomainError(errors)
            services.space_member_set_role(
                space=space,
                actor=request.user,
                membership=membership,
                role=form.cleaned_data["role"],
                represents=form.cleaned_data["represents"],
            )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The member list is updated."))
    return redirect("core:space_members", slug=slug)


@login_required
@require_POST
def join_request_decide(request: HttpRequest, slug: str, request_id: int) -> HttpResponse:
    space = selectors.space_get(request.user, slug)
    join_request = get_object_or_404(JoinRequest, pk=request_id, space=space)
    decision = request.POST.get("decision")
    if decision not in ("accept", "decline"):
        messages.error(request, _("Choose accept or decline."))
        return redirect("core:space_members", slug=slug)
    try:
        services.join_request_decide(
            join_request=join_request, actor=request.user, accept=decision == "accept"
        )
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The answer is saved and the person is told by email."))
    return redirect("core:space_members", slug=slug)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.objects.select_related("space").filter(token=token).first()
    if invitation is None:
        raise Http404
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        decision = request.POST.get("decision")
        if decision not in ("accept", "decline"):
            messages.error(request, _("Choose accept or decline."))
        else:
            try:
                services.invitation_answer(
                    invitation=invitation, actor=request.user, accept=decision == "accept"
                )
            except DomainError as error:
                messages.error(request, str(error))
            else:
                if decision == "accept":
                    messages.success(request, _("Welcome! You are now a member."))
                    return redirect(invitation.space)
                messages.success(request, _("You have said no to the invitation."))
                return redirect("home")
    return render(request, "core/invitation.html", {"invitation": invitation, "login_url": _login_url()})


def _login_url() -> str:
    return reverse("account_login")


# Static pages and errors -------------------------------------------------------------------------


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
