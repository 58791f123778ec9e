from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from medvind.core.errors import DomainError, NotAllowed
from medvind.core.pagination import paginate
from medvind.knowledge.models import Item, ItemStatus
from medvind.knowledge.selectors import writable_organisations

from . import selectors, services
from .certificate import certificate_pdf
from .forms import ItemSearchForm, LanguageFilterForm, PathForm, ReflectionForm, StepAddForm, StepQuestionForm
from .models import Path, Step


def paths(request: HttpRequest) -> HttpResponse:
    form = LanguageFilterForm(request.GET or None)
    language = form.cleaned_data["language"] if form.is_valid() else ""
    page = paginate(request, selectors.paths_visible(request.user, language), 20)
    return render(request, "learning/paths.html", {"page": page, "form": form})


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
    page = paginate(request, selectors.statistics(request.user), 50)
    return render(request, "learning/statistics.html", {"page": page})


# Writing paths ---------------------------------------------------------------------------------


def _need(request: HttpRequest, perm: str, obj: Any = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise NotAllowed(perm)


def _form_kwargs(request: HttpRequest) -> dict[str, Any]:
    return {
        "organisations": list(writable_organisations(request.user)),
        "shared": request.user.is_superuser,
    }


@login_required
def path_create(request: HttpRequest) -> HttpResponse:
    _need(request, "learning.create_path")
    form = PathForm(request.POST or None, **_form_kwargs(request))
    if request.method == "POST" and form.is_valid():
        try:
            path = services.path_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The path is saved as a draft. Now add its steps."))
            return redirect("learning:edit", slug=path.slug)
    return render(request, "learning/path_form.html", {"form": form}, status=400 if form.errors else 200)


def _editable(request: HttpRequest, slug: str) -> Path:
    path = selectors.path_get(request.user, slug)
    _need(request, "learning.change_path", path)
    return path


@login_required
def path_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """The path builder: the path's details, its steps in order, and items to add as steps."""
    path = _editable(request, slug)
    form = PathForm(request.POST or None, path=path, **_form_kwargs(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.path_update(actor=request.user, path=path, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The path is saved."))
            return redirect("learning:edit", slug=path.slug)
    return _builder(request, path, form)


def _builder(
    request: HttpRequest, path: Path, form: Any = None, failed: Any = None, failed_step: int = 0
) -> HttpResponse:
    steps = list(path.steps.select_related("item").order_by("position"))
    for step in steps:
        step.form = (  # type: ignore[attr-defined]
            failed
            if step.pk == failed_step
            else StepQuestionForm(initial={"question": step.question}, prefix=f"s{step.pk}")
        )
    search = ItemSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    context = {
        "path": path,
        "form": form or PathForm(path=path, **_form_kwargs(request)),
        "steps": steps,
        "search": search,
        "choices": selectors.item_choices(request.user, path, query),
    }
    failed_form = (form is not None and form.errors) or failed is not None
    return render(request, "learning/path_edit.html", context, status=400 if failed_form else 200)


@login_required
@require_POST
def path_publish(request: HttpRequest, slug: str) -> HttpResponse:
    path = _editable(request, slug)
    publish = request.POST.get("action") != "unpublish"
    try:
        services.path_publish(actor=request.user, path=path, published=publish)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        if publish:
            messages.success(request, _("The path is published. Everyone can see it."))
        else:
            messages.success(request, _("The path is a draft again. Only those who write for it can see it."))
    return redirect("learning:edit", slug=path.slug)


@login_required
@require_POST
def step_add(request: HttpRequest, slug: str) -> HttpResponse:
    path = _editable(request, slug)
    form = StepAddForm(request.POST)
    item = (
        Item.objects.filter(pk=form.cleaned_data["item"], status=ItemStatus.PUBLISHED).first()
        if form.is_valid()
        else None
    )
    if item is None:
        messages.error(request, _("Choose a published item of the knowledge bank."))
    else:
        try:
            step = services.step_add(actor=request.user, path=path, item=item)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The step is added."))
            return _to_step(path, step)
    return redirect("learning:edit", slug=path.slug)


def _to_step(path: Path, step: Step) -> HttpResponse:
    return redirect(f"{reverse('learning:edit', kwargs={'slug': path.slug})}#builder-step-{step.position}")


def _own_step(path: Path, step_id: int) -> Step:
    return get_object_or_404(Step.objects.select_related("item"), pk=step_id, path=path)


@login_required
@require_POST
def step_change(request: HttpRequest, slug: str, step_id: int) -> HttpResponse:
    path = _editable(request, slug)
    step = _own_step(path, step_id)
    form = StepQuestionForm(request.POST, prefix=f"s{step.pk}")
    if form.is_valid():
        try:
            services.step_change(
                actor=request.user, path=path, step=step, question=form.cleaned_data["question"]
            )
        except DomainError as error:
            form.add_error("question", str(error))
        else:
            messages.success(request, _("The question is saved."))
            return _to_step(path, step)
    return _builder(request, path, failed=form, failed_step=step.pk)


@login_required
@require_POST
def step_move(request: HttpRequest, slug: str, step_id: int) -> HttpResponse:
    path = _editable(request, slug)
    step = _own_step(path, step_id)
    services.step_move(actor=request.user, path=path, step=step, up=request.POST.get("direction") == "up")
    messages.success(request, _("The step is moved."))
    return _to_step(path, step)


@login_required
@require_POST
def step_remove(request: HttpRequest, slug: str, step_id: int) -> HttpResponse:
    path = _editable(request, slug)
    services.step_remove(actor=request.user, path=path, step=_own_step(path, step_id))
    messages.success(request, _("The step is removed."))
    return redirect("learning:edit", slug=path.slug)
