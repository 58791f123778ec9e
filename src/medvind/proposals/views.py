import csv
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from medvind.core import ratelimit
from medvind.core import selectors as core_selectors
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import Space
from medvind.core.pagination import paginate, window

from . import selectors, services
from .forms import (
    AnswerForm,
    AssignForm,
    CommentForm,
    MergeForm,
    ProposalForm,
    ReasonForm,
    ReportForm,
    ThemeForm,
)
from .models import Attachment, Comment, Kind, Notification, Proposal, Status, Theme
from .notifications import read_unsubscribe_token
from .uploads import UploadError
from .workflow import ProgressError

ANONYMOUS_LIMIT = 5  # proposals from one address
ANONYMOUS_WINDOW = 10 * 60  # seconds


def _space(request: HttpRequest, slug: str) -> Space:
    return core_selectors.space_get(request.user, slug)


def _proposal(request: HttpRequest, slug: str, pk: int) -> Proposal:
    return selectors.proposal_get(request.user, _space(request, slug), pk)


def post_or_back(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A proposal's form address. A form with errors is shown again at it, so it can be opened without
    a form: after switching language on that page, or after signing in again. Then the proposal page
    opens instead of an empty "405 Method Not Allowed"."""

    @wraps(view)
    def call(request: HttpRequest, slug: str, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            return redirect("proposals:detail", slug=slug, pk=pk)
        return view(request, slug, pk, *args, **kwargs)

    return call


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def proposal_list(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    get = request.GET
    status = get.get("status", "") if get.get("status") in Status.values else ""
    kind = get.get("kind", "") if get.get("kind") in Kind.values else ""
    sort = get.get("sort", "newest") if get.get("sort") in selectors.SORTS else "newest"
    filters: dict[str, Any] = {
        "status": status,
        "kind": kind,
        "theme": _int(get.get("theme")),
        "overdue": get.get("overdue") == "1",
        "mine": get.get("mine") == "1",
        "followed": get.get("followed") == "1",
        "q": get.get("q", "").strip()[:200],
        "sort": sort,
    }
    proposals = selectors.proposal_list(request.user, space, **filters)
    return render(
        request,
        "proposals/list.html",
        {
            "space": space,
            # Not counted: "page 3 of 5,001" costs more than the rest of the page in a large space.
            "page": window(request, proposals, 20),
            "list_url": request.path,
            "filters": filters,
            "statuses": Status.choices,
            "kinds": Kind.choices,
            "themes": selectors.theme_choices(space),
        },
    )


def proposal_create(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    anonymous = not request.user.is_authenticated or "1" in (
        request.GET.get("anonymous"),
        request.POST.get("anonymous"),
    )
    perm = "proposals.submit_anonymous_proposal" if anonymous else "proposals.submit_proposal"
    if not request.user.has_perm(perm, space):
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        raise NotAllowed(perm)
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        space=space,
        anonymous=anonymous,
        similar_url=reverse("proposals:similar", kwargs={"slug": space.slug}),
        initial={"language": request.LANGUAGE_CODE, "kind": request.GET.get("kind", Kind.IDEA)},
    )
    if request.method == "POST" and form.is_valid():
        if anonymous and not ratelimit.hit(
            request, "anonymous-proposal", limit=ANONYMOUS_LIMIT, window_seconds=ANONYMOUS_WINDOW
        ):
            form.add_error(
                None, _("Many proposals were just sent from here. Please wait ten minutes and try again.")
            )
        else:
            data = form.cleaned_data
            try:
                proposal = services.proposal_submit(
                    space=space,
                    actor=request.user,
                    title=data["title"],
                    body=data["body"],
                    kind=data["kind"],
                    theme=data.get("theme"),
                    concerns=data.get("concerns"),
                    language=data["language"],
                    anonymous=anonymous,
                    contact_email=data.get("contact_email", ""),
                    attachments=data["attachments"],
                )
            except UploadError as error:
                form.add_error("attachments", str(error))
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Thank you! Your proposal is sent. It will be answered by %(date)s.")
                    % {"date": date_format(proposal.deadline, "DATE_FORMAT")},
                )
                return redirect(proposal)
    can_sign = request.user.is_authenticated and request.user.has_perm("proposals.submit_proposal", space)
    can_anonymous = request.user.has_perm("proposals.submit_anonymous_proposal", space)
    return render(
        request,
        "proposals/form.html",
        {
            "space": space,
            "form": form,
            "anonymous": anonymous,
            "can_sign": can_sign,
            "can_anonymous": can_anonymous,
        },
        status=400 if form.errors else 200,
    )


def similar(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    title = request.GET.get("title", "")[:120]
    proposals = selectors.similar_proposals(space, title)
    return render(request, "proposals/_similar.html", {"space": space, "similar": proposals, "title": title})


def proposal_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    return _render_detail(request, proposal)


def _render_detail(request: HttpRequest, proposal: Proposal, status: int = 200, **forms: Any) -> HttpResponse:
    user = request.user
    context: dict[str, Any] = {
        "space": proposal.space,
        "proposal": proposal,
        **selectors.proposal_detail(user, proposal),
        **comment_threads(request, proposal),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "report_form": forms.get("report_form") or ReportForm(),
    }
    if user.has_perm("proposals.answer_proposal", proposal):
        context["answer_form"] = forms.get("answer_form") or AnswerForm(current_status=proposal.status)
    if user.has_perm("proposals.moderate_proposal", proposal):
        choices = selectors.responder_choices(proposal.space)
        context["assign_form"] = forms.get("assign_form") or AssignForm(
            initial={
                "responder": proposal.responder_id,
                "responder_organisation": proposal.responder_organisation_id,
                "deadline": proposal.deadline,
            },
            **choices,
        )
        context["hide_form"] = forms.get("hide_form") or ReasonForm()
        context["merge_form"] = forms.get("merge_form") or MergeForm()
    return render(request, "proposals/detail.html", context, status=status)


ANONYMOUS_COMMENTS_SECONDS = 60


def comment_threads(request: HttpRequest, proposal: Proposal) -> dict[str, Any]:
    """A page of the comments. A reader who is not signed in sees no buttons in them, so that HTML is
    the same for all such readers: it is cached, keyed by the proposal's last activity (which every
    comment change moves) and kept at most a minute (a changed name shows within it)."""

    def page() -> Any:
        return paginate(
            request, selectors.comment_threads(proposal), selectors.COMMENT_THREADS_PER_PAGE, param="comments"
        )

    if request.user.is_authenticated or set(request.GET) - {"comments"}:
        return {"comments": page()}
    key = "proposal-comments:{}:{}:{}:{}".format(
        proposal.pk, proposal.last_activity_at.timestamp(), request.GET.get("comments", ""), get_language()
    )
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "proposals/_comment_threads.html",
            {"proposal": proposal, "space": proposal.space, "comments": page()},
            request=request,
        )
        cache.set(key, html, ANONYMOUS_COMMENTS_SECONDS)
    return {"comments_html": mark_safe(html)}  # noqa: S308 (our own template's output)


def _back(proposal: Proposal, anchor: str = "") -> HttpResponse:
    return redirect(proposal.get_absolute_url() + (f"#{anchor}" if anchor else ""))


def _back_to_comment(proposal: Proposal, comment: Comment) -> HttpResponse:
    """To the page of comments that shows the comment."""
    page = selectors.comment_page_number(comment)
    query = f"?comments={page}" if page > 1 else ""
    return redirect(f"{proposal.get_absolute_url()}{query}#comment-{comment.pk}")


@login_required
@post_or_back
def answer(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    if not request.user.has_perm("proposals.answer_proposal", proposal):
        raise NotAllowed("proposals.answer_proposal")
    form = AnswerForm(request.POST, current_status=proposal.status)
    if form.is_valid():
        try:
            services.proposal_answer(
                proposal=proposal,
                actor=request.user,
                status=form.cleaned_data["status"],
                text=form.cleaned_data["text"],
                progress=form.cleaned_data["progress"],
            )
        except ProgressError as error:
            form.add_error("progress", str(error))
        except DomainError as error:
            form.add_error("status", str(error))
        else:
            messages.success(request, _("The answer is published. The author and followers are told."))
            return _back(proposal, "timeline")
    return _render_detail(request, proposal, status=400, answer_form=form)


@login_required
@post_or_back
def assign(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    if not request.user.has_perm("proposals.assign_proposal", proposal):
        raise NotAllowed("proposals.assign_proposal")
    form = AssignForm(request.POST, **selectors.responder_choices(proposal.space))
    if form.is_valid():
        try:
            services.proposal_assign(proposal=proposal, actor=request.user, **form.cleaned_data)
        except services.DeadlineError as error:
            form.add_error("deadline", str(error))
        except DomainError as error:
            form.add_error("responder", str(error))
        else:
            messages.success(request, _("The responder is saved."))
            return _back(proposal)
    return _render_detail(request, proposal, status=400, assign_form=form)


@login_required
@post_or_back
def support(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    try:
        if request.POST.get("action") == "withdraw":
            services.proposal_unsupport(proposal=proposal, actor=request.user)
            messages.success(request, _("Your support is withdrawn."))
        elif services.proposal_support(proposal=proposal, actor=request.user):
            messages.success(request, _("Thank you for your support. You now follow this proposal."))
        else:
            messages.info(request, _("You already support this proposal."))
    except DomainError as error:
        messages.error(request, str(error))
    return _back(proposal)


@login_required
@post_or_back
def follow(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    if request.POST.get("action") == "unfollow":
        services.proposal_unfollow(proposal=proposal, actor=request.user)
        messages.success(request, _("You no longer follow this proposal."))
    else:
        services.proposal_follow(proposal=proposal, actor=request.user)
        messages.success(request, _("You follow this proposal. We tell you when it is answered."))
    return _back(proposal)


@login_required
@post_or_back
def comment(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = get_object_or_404(Comment, pk=form.cleaned_data["parent"], proposal=proposal)
        try:
            new = services.comment_add(
                proposal=proposal, actor=request.user, body=form.cleaned_data["body"], parent=parent
            )
        except DomainError as error:
            form.add_error("body", str(error))
        else:
            messages.success(request, _("Your comment is published."))
            return _back_to_comment(proposal, new)
    return _render_detail(request, proposal, status=400, comment_form=form)


@login_required
def comment_edit(request: HttpRequest, slug: str, pk: int, comment_id: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    target = get_object_or_404(Comment, pk=comment_id, proposal=proposal)
    form = CommentForm(request.POST or None, initial={"body": target.body})
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            services.comment_delete(comment=target, actor=request.user)
            messages.success(request, _("Your comment is deleted."))
            return _back(proposal, "comments")
        if form.is_valid():
            try:
                services.comment_edit(comment=target, actor=request.user, body=form.cleaned_data["body"])
            except DomainError as error:
                form.add_error("body", str(error))
            else:
                messages.success(request, _("Your comment is changed."))
                return _back_to_comment(proposal, target)
    elif not request.user.has_perm("proposals.delete_comment", target):
        raise NotAllowed("proposals.edit_comment")
    can_edit = request.user.has_perm("proposals.edit_comment", target)
    return render(
        request,
        "proposals/comment_edit.html",
        {
            "space": proposal.space,
            "proposal": proposal,
            "comment": target,
            "form": form,
            "can_edit": can_edit,
        },
        status=400 if form.errors else 200,
    )


@login_required
@post_or_back
def report(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    form = ReportForm(request.POST)
    target = None
    if request.POST.get("comment"):
        target = get_object_or_404(Comment, pk=_int(request.POST.get("comment")) or 0, proposal=proposal)
    if form.is_valid():
        services.report_create(
            proposal=proposal, actor=request.user, reason=form.cleaned_data["reason"], comment=target
        )
        messages.success(request, _("Thank you. The moderators will look at it."))
        return _back(proposal)
    return _render_detail(request, proposal, status=400, report_form=form)


@login_required
@post_or_back
def hide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    form = ReasonForm(request.POST)
    target = None
    if request.POST.get("comment"):
        target = get_object_or_404(Comment, pk=_int(request.POST.get("comment")) or 0, proposal=proposal)
    if form.is_valid():
        try:
            services.content_hide(
                proposal=proposal, actor=request.user, reason=form.cleaned_data["reason"], comment=target
            )
        except DomainError as error:
            form.add_error("reason", str(error))
        else:
            messages.success(request, _("The content is hidden. The reason is shown in its place."))
            return _back(proposal)
    return _render_detail(request, proposal, status=400, hide_form=form)


@login_required
@post_or_back
def merge(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    form = MergeForm(request.POST)
    if form.is_valid():
        into = Proposal.objects.filter(pk=form.cleaned_data["into"], space=proposal.space).first()
        if into is None:
            form.add_error("into", _("There is no proposal with this number in this space."))
        else:
            try:
                services.proposal_merge(duplicate=proposal, into=into, actor=request.user)
            except DomainError as error:
                form.add_error("into", str(error))
            else:
                messages.success(request, _("The proposals are merged. Supports and followers are moved."))
                return _back(into)
    return _render_detail(request, proposal, status=400, merge_form=form)


def attachment(request: HttpRequest, slug: str, pk: int, attachment_id: int) -> FileResponse:
    proposal = _proposal(request, slug, pk)
    if proposal.is_hidden and not request.user.has_perm("proposals.moderate_proposal", proposal):
        raise Http404
    item = get_object_or_404(Attachment, pk=attachment_id, proposal=proposal)
    response = FileResponse(item.file.open("rb"), content_type=item.content_type)
    response["Content-Disposition"] = content_disposition_header(False, item.name) or "inline"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def accountability(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    return _accountability(request, space=space)


def organisation_accountability(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = core_selectors.organisation_get(slug)
    return _accountability(request, organisation=organisation)


def _accountability(request: HttpRequest, **scope: Any) -> HttpResponse:
    if "space" in scope:
        figures = selectors.space_accountability(scope["space"])
    else:  # an organisation's figures depend on which of its spaces the viewer may see
        figures = selectors.accountability(**scope, viewer=request.user)
    if request.GET.get("format") == "csv":
        return _figures_csv(figures, scope)
    # Not counted: the figures say how many are overdue.
    overdue = window(request, selectors.overdue_list(**scope, viewer=request.user), 25)
    peak = max([n for _s, _l, n in figures["by_status"]] + [1])
    bars = [
        {
            "status": s,
            "label": label,
            "count": n,
            "y": i * 32,
            "width": round(360 * n / peak),
            "value_x": 236 + round(360 * n / peak),
        }
        for i, (s, label, n) in enumerate(figures["by_status"])
    ]
    return render(
        request,
        "proposals/accountability.html",
        {
            **scope,
            "figures": figures,
            "overdue": overdue,
            "bars": bars,
            "chart_height": len(bars) * 32,
            "list_url": reverse("proposals:list", args=[scope["space"].slug]) if "space" in scope else "",
        },
    )


def _figures_csv(figures: dict[str, Any], scope: dict[str, Any]) -> HttpResponse:
    name = next(iter(scope.values())).slug
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="accountability-{name}.csv"'
    writer = csv.writer(response)
    writer.writerow(["figure", "value"])
    for status, _label, count in figures["by_status"]:
        writer.writerow([f"status_{status}", count])
    for key in (
        "total",
        "answered",
        "overdue",
        "on_time",
        "due",
        "share_on_time",
        "median_days",
        "acted_on",
        "share_acted_on",
    ):
        writer.writerow([key, "" if figures[key] is None else figures[key]])
    return response


def export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="proposals-{space.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "number",
            "title",
            "kind",
            "status",
            "progress",
            "created",
            "deadline",
            "answered",
            "supports",
            "comments",
            "overdue",
            "url",
        ]
    )
    rows = selectors.export_rows(space)
    for p in rows.iterator(chunk_size=2000):
        title = _csv_safe(p.title) if not p.hidden_reason else ""
        writer.writerow(
            [
                p.pk,
                title,
                p.kind,
                p.status,
                p.progress,
                p.created_at.date().isoformat(),
                p.deadline.isoformat(),
                p.answered_at.date().isoformat() if p.answered_at else "",
                p.support_count,
                p.comment_count,
                "yes" if p.is_overdue else "no",
                request.build_absolute_uri(p.get_absolute_url()),
            ]
        )
    return response


def _csv_safe(value: str) -> str:
    """Spreadsheets run cells that start with these characters as formulas."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@login_required
def themes(request: HttpRequest, slug: str) -> HttpResponse:
    space = _space(request, slug)
    if not request.user.has_perm("proposals.manage_themes", space):
        raise NotAllowed("proposals.manage_themes")
    choices = selectors.responder_choices(space)
    theme = None
    if request.GET.get("edit") or request.POST.get("theme"):
        theme = get_object_or_404(
            Theme, pk=_int(request.GET.get("edit") or request.POST.get("theme")) or 0, space=space
        )
    initial = (
        {
            "name": theme.name,
            "responder": theme.responder_id,
            "responder_organisation": theme.responder_organisation_id,
        }
        if theme
        else {}
    )
    form = ThemeForm(request.POST or None, initial=initial, **choices)
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_save(space=space, actor=request.user, theme=theme, **form.cleaned_data)
        except DomainError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("The theme is saved."))
            return redirect("proposals:themes", slug=slug)
    return render(
        request,
        "proposals/themes.html",
        {"space": space, "themes": selectors.themes(space), "form": form, "theme": theme},
        status=400 if form.errors else 200,
    )


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    items = selectors.notifications_for(request.user)
    if request.method == "POST":
        items.filter(read_at__isnull=True).update(read_at=timezone.now())
        messages.success(request, _("All notifications are marked as read."))
        return redirect("proposals:notifications")
    page = paginate(request, items, 30)
    return render(request, "proposals/notifications.html", {"page": page, "events": Notification.Event})


# The signed token is the credential, so CSRF adds nothing; and mail programs post the RFC 8058 one-click
# request ("List-Unsubscribe=One-Click") without a CSRF token.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        data = read_unsubscribe_token(token)
    except Exception:  # noqa: BLE001 - any bad or tampered token is the same to the person
        raise Http404 from None
    proposal = Proposal.objects.filter(pk=data.get("p") or 0).first()
    if request.method == "POST":
        services.unsubscribe(
            user_id=data.get("u"),
            email=data.get("e", ""),
            proposal=proposal,
            everything=request.POST.get("scope") == "all" or not data.get("p"),  # the digest's link
        )
        return render(request, "proposals/unsubscribed.html", {"proposal": proposal})
    return render(
        request, "proposals/unsubscribe.html", {"proposal": proposal, "has_user": bool(data.get("u"))}
    )


def _login_url() -> str:
    return reverse("account_login")
