from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from medvind.core.errors import DomainError, NotAllowed
from medvind.core.pagination import paginate

from . import selectors, services
from .forms import FileForm, ItemForm, SearchForm, TranslationForm
from .models import Item, ItemFile


def _item(request: HttpRequest, slug: str) -> Item:
    try:
        return selectors.item_get(request.user, slug)
    except Item.DoesNotExist as error:
        raise Http404 from error


def _need(request: HttpRequest, perm: str, obj: Any = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise NotAllowed(perm)


def item_list(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    items = selectors.search(
        request.user,
        query=filters.get("q", ""),
        kind=filters.get("kind", ""),
        audience=filters.get("audience", ""),
        language=filters.get("language", ""),
        tag=filters.get("tag", ""),
    )
    searched = any(filters.values()) if filters else False
    context = {"form": form, "page": paginate(request, items, 20), "searched": searched}
    return render(request, "knowledge/list.html", context)


def item_detail(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item(request, slug)
    context = {
        "item": item,
        "translations": selectors.translations(request.user, item),
        "files": selectors.files(item),
        "problems": services.publish_problems(item) if item.status == "draft" else [],
    }
    return render(request, "knowledge/detail.html", context)


def item_print(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item(request, slug)
    return render(request, "knowledge/print.html", {"item": item, "files": selectors.files(item)})


def _form_kwargs(request: HttpRequest) -> dict[str, Any]:
    return {
        "organisations": list(selectors.writable_organisations(request.user)),
        "shared": request.user.is_superuser,
    }


@login_required
def item_create(request: HttpRequest) -> HttpResponse:
    _need(request, "knowledge.create_item")
    form = ItemForm(request.POST or None, request.FILES or None, **_form_kwargs(request))
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("The item is saved as a draft. Only those who write for it can see it.")
            )
            return redirect(item)
    status = 400 if form.errors else 200
    return render(request, "knowledge/form.html", {"form": form, "item": None}, status=status)


@login_required
def item_edit(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item(request, slug)
    _need(request, "knowledge.change_item", item)
    form = ItemForm(request.POST or None, request.FILES or None, item=item, **_form_kwargs(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.item_update(actor=request.user, item=item, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The item is saved."))
            return redirect(item)
    context = {
        "form": form,
        "item": item,
        "translation_form": TranslationForm(),
        "file_form": FileForm(),
        "files": selectors.files(item),
    }
    return render(request, "knowledge/form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def item_publish(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item(request, slug)
    _need(request, "knowledge.publish_item", item)
    try:
        if request.POST.get("action") == "unpublish":
            services.item_unpublish(actor=request.user, item=item)
            messages.success(request, _("The item is a draft again. Only those who write for it can see it."))
        else:
            services.item_publish(actor=request.user, item=item)
            messages.success(request, _("The item is published. Everyone can see it."))
    except DomainError as error:
        messages.error(request, str(error))
    return redirect(item)


@login_required
def item_translation(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item(request, slug)
    _need(request, "knowledge.change_item", item)
    form = TranslationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            original = selectors.item_get(request.user, form.cleaned_data["original"])
            services.item_link_translation(actor=request.user, item=item, original=original)
        except Item.DoesNotExist:
            form.add_error("original", _("There is no such item."))
        except DomainError as error:
            form.add_error("original", str(error))
        else:
            messages.success(request, _("The translations are linked."))
            return redirect(item)
    context = {"item": item, "form": form}
    return render(request, "knowledge/translation.html", context, status=400 if form.errors else 200)


@login_required
def file_add(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item(request, slug)
    _need(request, "knowledge.change_item", item)
    form = FileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.file_add(actor=request.user, item=item, upload=form.cleaned_data["file"])
        except DomainError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("The attachment is added."))
            return redirect("knowledge:edit", slug=item.slug)
    context = {"item": item, "form": form}
    return render(request, "knowledge/file_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def file_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    item = _item(request, slug)
    attachment = get_object_or_404(ItemFile, item=item, pk=pk)
    services.file_remove(actor=request.user, attachment=attachment)
    messages.success(request, _("The attachment is removed."))
    return redirect("knowledge:edit", slug=item.slug)


def file_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    item = _item(request, slug)
    attachment = get_object_or_404(ItemFile, item=item, pk=pk)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def media(request: HttpRequest, slug: str) -> FileResponse:
    item = _item(request, slug)
    if not item.media:
        raise Http404
    response = FileResponse(item.media.open("rb"), content_type=item.media_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def captions(request: HttpRequest, slug: str) -> HttpResponse:
    item = _item(request, slug)
    if not item.captions:
        raise Http404
    response = HttpResponse(item.captions, content_type="text/vtt; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    return response
