from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from medvind.core.errors import DomainError, NotAllowed
from medvind.core.pagination import paginate

from . import selectors, services
from .certificate import certificate_pdf
from .forms import ReflectionForm
from .models import Path, Step


def paths(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.paths_visible(request.user), 20)
    return render(request, "learning/paths.html", {"page": page})


def _path_page(request: HttpRequest, path: Path, failed: Any = None, failed_step: int = 0) -> HttpResponse:
    progress = selectors.progress(request.user, path)
    for step in progress.steps:
        step.show_form = bool(progress.enrolment) or step.pk == failed_step  # type: ignore[attr-defined]
        if step.pk == failed_step:
            step.form = failed  # type: ignore[attr-defined]
        else:
            initial = {"text": step.reflection}  # type: ignore[attr-defined]
            step.form = ReflectionForm(initial=initial, prefix=f"s{step.pk}")  # type: ignore[attr-defined]
    context = {"path": path, "progress": progress, "steps": progress.steps}
    return render(request, "learning/path.html", context, status=400 if failed is not None else 200)


def path_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _path_page(request, selectors.path_get(request.user, slug))


@login_required
@require_POST
def path_start(request: HttpRequest, slug: str) -> HttpResponse:
    path = selectors.path_get(request.user, slug)
    services.path_start(actor=request.user, path=path)
    messages.success(request, _("You have started the learning path."))
    return redirect(path)


def _step(step_id: int) -> Step:
    return get_object_or_404(Step.objects.select_related("item"), pk=step_id)


@login_required
@require_POST
def step_done(request: HttpRequest, slug: str, step_id: int) -> HttpResponse:
    path = selectors.path_get(request.user, slug)
    try:
        enrolment = services.step_done(actor=request.user, path=path, step=_step(step_id))
    except DomainError as error:
        messages.error(request, str(error))
    else:
        if enrolment.completed_at:
            messages.success(request, _("Well done! You have completed the learning path."))
        else:
            messages.success(request, _("The step is marked as done."))
    return redirect(path)


@login_required
@require_POST
def reflection(request: HttpRequest, slug: str, step_id: int) -> HttpResponse:
    path = selectors.path_get(request.user, slug)
    step = _step(step_id)
    if step.path_id != path.pk:
        messages.error(request, _("This step belongs to another learning path."))
        return redirect(path)
    form = ReflectionForm(request.POST, prefix=f"s{step.pk}")
    if form.is_valid():
        try:
            services.reflection_save(actor=request.user, path=path, step=step, text=form.cleaned_data["text"])
        except DomainError as error:
            form.add_error("text", str(error))
        else:
            messages.success(request, _("Your answer is saved. Only you can see it."))
            return redirect(f"{path.get_absolute_url()}#step-{step.position}")
    return _path_page(request, path, failed=form, failed_step=step.pk)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.enrolments_of(request.user), 20)
    return render(request, "learning/mine.html", {"page": page})


@login_required
def certificate(request: HttpRequest, slug: str) -> HttpResponse:
    path = selectors.path_get(request.user, slug)
    enrolment = selectors.completed_enrolment(request.user, path)
    pdf = certificate_pdf(request, enrolment)
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": content_disposition_header(True, f"{path.slug}.pdf") or ""},
    )


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("learning.view_statistics"):
        raise NotAllowed("learning.view_statistics")
    page = paginate(request, selectors.statistics(), 50)
    return render(request, "learning/statistics.html", {"page": page})
