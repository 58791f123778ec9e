from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from medvind.core import markdown
from medvind.core import selectors as core_selectors
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import Space
from medvind.core.pagination import paginate

from . import figures, selectors, services
from .forms import (
    AnswerForm,
    AuditForm,
    InformationForm,
    PhaseForm,
    PoolFilterForm,
    PoolForm,
    RecommendationForm,
    SectionForm,
    TeamAddForm,
    TrainingForm,
)
from .models import Audit, AuditorProfile, Phase, Recommendation, ReportSection, SectionKind, TeamMember
from .report import report_pdf as make_pdf
from .workflow import ORDER, allowed_next


def _space(request: HttpRequest, slug: str) -> Space:
    return core_selectors.space_get(request.user, slug)


def _audit(request: HttpRequest, slug: str) -> Audit:
    audit = selectors.audit_of_space(_space(request, slug))
    if not request.user.has_perm("audits.view_audit", audit):
        raise NotAllowed("audits.view_audit")
    return audit


def _need(request: HttpRequest, perm: str, obj: Any = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise NotAllowed(perm)


def post_or_report(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A report action's address opened without a form shows the report."""

    @wraps(view)
    def call(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            return redirect("audits:report", slug=slug)
        return view(request, slug, *args, **kwargs)

    return call


def post_or_audit(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """An action's address opened without a form (after switching language) shows the audit."""

    @wraps(view)
    def call(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            return redirect("audits:detail", slug=slug)
        return view(request, slug, *args, **kwargs)

    return call


def audit_detail(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    if not hasattr(space, "audit") and request.user.has_perm("audits.create_audit", space):
        return redirect("audits:commission", slug=slug)
    audit = _audit(request, slug)
    return _render_detail(request, audit)


def _render_detail(
    request: HttpRequest, audit: Audit, status: int = 200, phase_form: Any = None
) -> HttpResponse:
    allowed = allowed_next(audit.phase)
    current = ORDER.index(audit.phase)
    return render(
        request,
        "audits/detail.html",
        {
            "space": audit.space,
            "audit": audit,
            "phases": [(p, Phase(p).label, i < current, i == current) for i, p in enumerate(ORDER)],
            "team": selectors.team(audit),
            "timeline": selectors.timeline(audit),
            "phase_form": phase_form or (PhaseForm(allowed=allowed) if allowed else None),
            "follow_ups": list(audit.follow_ups.select_related("space")),
            "can_follow_up": audit.phase in services.FOLLOW_UP_FROM,
        },
        status=status,
    )


@login_required
def audit_commission(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    if hasattr(space, "audit"):  # commissioned already
        return redirect("audits:detail", slug=slug)
    _need(request, "audits.create_audit", space)
    form = AuditForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.audit_commission(space=space, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The audit is commissioned. Now agree on how it is done."))
            return redirect("audits:detail", slug=slug)
    return render(
        request, "audits/form.html", {"space": space, "form": form}, status=400 if form.errors else 200
    )


@login_required
def audit_edit(request: HttpRequest, slug: str) -> HttpResponse:
    audit = _audit(request, slug)
    _need(request, "audits.change_audit", audit)
    form = AuditForm(request.POST or None, instance=Audit.objects.get(pk=audit.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.audit_update(audit=audit, actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The audit is saved."))
            return redirect("audits:detail", slug=slug)
    context = {"space": audit.space, "audit": audit, "form": form}
    return render(request, "audits/form.html", context, status=400 if form.errors else 200)


@login_required
@post_or_audit
def agreement_accept(request: HttpRequest, slug: str) -> HttpResponse:
    audit = _audit(request, slug)
    side = request.POST.get("side", "")
    try:
        services.agreement_accept(audit=audit, actor=request.user, side=side)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You have accepted the agreement."))
    return redirect("audits:detail", slug=slug)


@login_required
@post_or_audit
def phase_change(request: HttpRequest, slug: str) -> HttpResponse:
    audit = _audit(request, slug)
    _need(request, "audits.change_phase", audit)
    form = PhaseForm(request.POST, allowed=allowed_next(audit.phase))
    if form.is_valid():
        try:
            services.audit_set_phase(
                audit=audit,
                actor=request.user,
                phase=form.cleaned_data["phase"],
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            form.add_error("phase", str(error))
        else:
            messages.success(request, _("The audit has moved to the next phase."))
            return redirect("audits:detail", slug=slug)
    return _render_detail(request, audit, status=400, phase_form=form)


def _team_choices(audit: Audit) -> list[tuple[int, str]]:
    """People who can join the team: the auditor pool and the space's members, each named once, with
    a mark where they use the audited service."""
    in_team = set(audit.team.values_list("user_id", flat=True))
    conflicted = set(
        AuditorProfile.objects.filter(services_used=audit.service).values_list("user_id", flat=True)
    )
    people = {p.user.pk: p.user for p in AuditorProfile.objects.select_related("user").filter(available=True)}
    people.update({m.user.pk: m.user for m in audit.space.memberships.select_related("user")})
    choices = []
    for pk, user in sorted(people.items(), key=lambda item: item[1].public_name.lower()):
        if pk in in_team or user.is_deleted:
            continue
        label = user.public_name
        if pk in conflicted:
            label = _("%(name)s (uses this service)") % {"name": label}
        choices.append((pk, label))
    return choices


@login_required
def team(request: HttpRequest, slug: str) -> HttpResponse:
    audit = _audit(request, slug)
    _need(request, "audits.manage_team", audit)
    form = TeamAddForm(request.POST or None, people=_team_choices(audit))
    if request.method == "POST" and form.is_valid():
        user = get_object_or_404(get_user_model(), pk=form.cleaned_data["user"])
        try:
            services.team_add(audit=audit, actor=request.user, user=user, role=form.cleaned_data["role"])
        except DomainError as error:
            form.add_error("user", str(error))
        else:
            messages.success(request, _("%(name)s is in the team.") % {"name": user.public_name})
            return redirect("audits:team", slug=slug)
    context = {"space": audit.space, "audit": audit, "team": selectors.team(audit), "form": form}
    return render(request, "audits/team.html", context, status=400 if form.errors else 200)


@login_required
def team_remove(request: HttpRequest, slug: str, member_id: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("audits:team", slug=slug)
    audit = _audit(request, slug)
    member = get_object_or_404(TeamMember, pk=member_id, audit=audit)
    try:
        services.team_remove(audit=audit, actor=request.user, member=member)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The person has left the team."))
    return redirect("audits:team", slug=slug)


@login_required
def pool(request: HttpRequest) -> HttpResponse:
    _need(request, "audits.view_pool")
    form = PoolFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    profiles = selectors.pool(
        language=filters.get("language", ""),
        area=filters.get("area", ""),
        available_only=filters.get("available", False),
    )
    return render(request, "audits/pool.html", {"form": form, "page": paginate(request, profiles, 20)})


@login_required
def pool_me(request: HttpRequest) -> HttpResponse:
    _need(request, "audits.join_pool")
    profile = selectors.own_profile(request.user)
    form = PoolForm(request.POST or None, instance=profile, prefix="pool")
    training_form = TrainingForm(prefix="training")
    if request.method == "POST" and "training-course" in request.POST:
        training_form = TrainingForm(request.POST, prefix="training")
        form = PoolForm(instance=profile, prefix="pool")
        if training_form.is_valid():
            try:
                services.training_add(actor=request.user, **training_form.cleaned_data)
            except DomainError as error:
                training_form.add_error(None, str(error))
            else:
                messages.success(request, _("The training is recorded."))
                return redirect("audits:pool_me")
    elif request.method == "POST" and form.is_valid():
        services.pool_join(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your entry in the auditor pool is saved."))
        return redirect("audits:pool_me")
    status = 400 if form.errors or training_form.errors else 200
    context = {"profile": profile, "form": form, "training_form": training_form}
    return render(request, "audits/pool_me.html", context, status=status)


def _report_context(audit: Audit, *, failed: Any = None, recommendation_form: Any = None) -> dict[str, Any]:
    """The report with a form for the service's answer on each recommendation (`failed`: the one that
    was just sent with errors) and the form for a new recommendation."""
    context = {
        "space": audit.space,
        "audit": audit,
        **selectors.report(audit),
        "figures": figures.for_report(audit),
    }
    for recommendation in context["recommendations"]:
        recommendation.answer_form = (
            failed
            if failed is not None and failed.instance.pk == recommendation.pk
            else AnswerForm(instance=recommendation, prefix=f"r{recommendation.pk}")
        )
    context["recommendation_form"] = recommendation_form or RecommendationForm()
    return context


def report(request: HttpRequest, slug: str) -> HttpResponse:
    audit = _report_audit(request, slug)
    context = _report_context(audit)
    context["recommendation_form"] = RecommendationForm()
    context["answer_forms"] = {
        r.pk: AnswerForm(instance=r, prefix=f"r{r.pk}") for r in context["recommendations"]
    }
    return render(request, "audits/report.html", context)


def _report_audit(request: HttpRequest, slug: str) -> Audit:
    audit = selectors.audit_by_slug(slug)
    if audit is None or not request.user.has_perm("audits.view_report", audit):
        raise Http404
    return audit


def report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    audit = _report_audit(request, slug)
    pdf = make_pdf(request, audit, _report_context(audit))
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": content_disposition_header(False, f"{audit.space.slug}.pdf") or ""},
    )


@login_required
def section_edit(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    audit = _audit(request, slug)
    _need(request, "audits.write_report", audit)
    if kind not in SectionKind.values:
        raise Http404
    section = audit.sections.filter(kind=kind).first() or ReportSection(audit=audit, kind=kind)
    form = SectionForm(request.POST or None, initial={"text": section.text, "version": section.version})
    theirs = None
    if request.method == "POST" and form.is_valid():
        try:
            services.report_section_save(
                audit=audit,
                actor=request.user,
                kind=kind,
                text=form.cleaned_data["text"],
                version=form.cleaned_data["version"],
            )
        except services.StaleSection as stale:
            theirs = stale.current
            # The writer keeps their text; saving again from here replaces the newer version on purpose.
            form = SectionForm(initial={"text": form.cleaned_data["text"], "version": theirs.version})
            form.stale_message = str(stale)  # type: ignore[attr-defined]
        except DomainError as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, _("The section is saved."))
            return redirect(f"{reverse('audits:report', kwargs={'slug': slug})}#section-{kind}")
    context = {
        "space": audit.space,
        "audit": audit,
        "kind": kind,
        "label": SectionKind(kind).label,
        "form": form,
        "theirs": theirs,
    }
    return render(
        request, "audits/section_form.html", context, status=409 if theirs else 400 if form.errors else 200
    )


def _recommendation(request: HttpRequest, slug: str, pk: int) -> Recommendation:
    audit = _audit(request, slug)
    recommendation = get_object_or_404(Recommendation, pk=pk, audit=audit)
    recommendation.audit = audit
    return recommendation


@login_required
@post_or_report
def recommendation_add(request: HttpRequest, slug: str) -> HttpResponse:
    audit = _audit(request, slug)
    form = RecommendationForm(request.POST)
    if form.is_valid():
        try:
            services.recommendation_add(audit=audit, actor=request.user, text=form.cleaned_data["text"])
        except DomainError as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, _("The recommendation is added."))
            return redirect(f"{reverse('audits:report', kwargs={'slug': slug})}#recommendations")
    context = {**_report_context(audit), "recommendation_form": form}
    context["answer_forms"] = {
        r.pk: AnswerForm(instance=r, prefix=f"r{r.pk}") for r in context["recommendations"]
    }
    return render(request, "audits/report.html", context, status=400)


@login_required
@post_or_report
def recommendation_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    recommendation = _recommendation(request, slug, pk)
    try:
        services.recommendation_delete(recommendation=recommendation, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The recommendation is removed."))
    return redirect(f"{reverse('audits:report', kwargs={'slug': slug})}#recommendations")


@login_required
@post_or_report
def recommendation_answer(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    recommendation = _recommendation(request, slug, pk)
    _need(request, "audits.answer_recommendation", recommendation.audit)
    form = AnswerForm(request.POST, instance=Recommendation.objects.get(pk=pk), prefix=f"r{pk}")
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                services.recommendation_answer(
                    recommendation=recommendation,
                    actor=request.user,
                    stance=data["stance"],
                    answer=data["answer"],
                    action=data["action"],
                    owner=data["owner"],
                    deadline=data["deadline"],
                )
                if data["progress"] != recommendation.progress:
                    services.recommendation_progress(
                        recommendation=recommendation, actor=request.user, progress=data["progress"]
                    )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The service's answer is saved."))
            return redirect(f"{reverse('audits:report', kwargs={'slug': slug})}#recommendation-{pk}")
    return render(
        request, "audits/report.html", _report_context(recommendation.audit, failed=form), status=400
    )


@login_required
@post_or_audit
def follow_up(request: HttpRequest, slug: str) -> HttpResponse:
    audit = _audit(request, slug)
    try:
        new = services.follow_up_start(audit=audit, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect("audits:detail", slug=slug)
    messages.success(request, _("The follow-up audit is started with new rounds of the questionnaires."))
    return redirect("audits:detail", slug=new.space.slug)


def information(request: HttpRequest, slug: str) -> HttpResponse:
    """The information for respondents: public, since respondents are not members of the space."""
    audit = selectors.audit_by_slug(slug)
    if audit is None or not (audit.information or audit.information_easy_read):
        raise Http404
    return render(
        request,
        "audits/information.html",
        {
            "space": audit.space,
            "audit": audit,
            "information_html": markdown.render(audit.information),
            "easy_read_html": markdown.render(audit.information_easy_read),
        },
    )


@login_required
def information_edit(request: HttpRequest, slug: str) -> HttpResponse:
    audit = _audit(request, slug)
    _need(request, "audits.write_information", audit)
    initial = {"information": audit.information, "easy_read": audit.information_easy_read}
    form = InformationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.information_save(
                audit=audit,
                actor=request.user,
                information=form.cleaned_data["information"],
                easy_read=form.cleaned_data["easy_read"],
            )
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The information for respondents is saved."))
            return redirect("audits:detail", slug=slug)
    context = {"space": audit.space, "audit": audit, "form": form}
    return render(request, "audits/information_form.html", context, status=400 if form.errors else 200)


def report_html(request: HttpRequest, slug: str) -> HttpResponse:
    """The report as one HTML file to keep or send (the same document as the PDF)."""
    audit = _report_audit(request, slug)
    html = render_to_string("audits/report_print.html", _report_context(audit), request)
    return HttpResponse(
        html,
        content_type="text/html; charset=utf-8",
        headers={"Content-Disposition": content_disposition_header(True, f"{audit.space.slug}.html") or ""},
    )
