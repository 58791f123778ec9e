"""Every write to proposals. Keyword-only, atomic, permission-checked, audit-logged; notifications after commit."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from medvind.core import audit, markdown
from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import Organisation, Space
from medvind.core.services import require

from . import notifications, search
from .models import (
    CLOSED_STATUSES,
    Answer,
    Attachment,
    Comment,
    Follow,
    Kind,
    Proposal,
    Report,
    Status,
    Support,
    Theme,
)
from .rules import EDIT_MINUTES, comment_is_fresh, is_comment_author, is_open_for_taking_part
from .uploads import checked_upload
from .workflow import check_transition

DECISION_STATUSES = (Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.DECLINED, Status.PARKED)


class DeadlineError(DomainError):
    """The answer deadline is not possible."""


def _follow(proposal: Proposal, user: Any) -> bool:
    """Follow quietly (used when someone supports or comments). True if a new follow was made."""
    try:
        with transaction.atomic():
            Follow.objects.create(proposal=proposal, user=user)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def proposal_submit(
    *,
    space: Space,
    actor: Any,
    title: str,
    body: str,
    kind: str = Kind.IDEA,
    theme: Theme | None = None,
    concerns: Organisation | None = None,
    language: str,
    anonymous: bool = False,
    contact_email: str = "",
    attachments: Sequence[UploadedFile] = (),
) -> Proposal:
    if anonymous:
        require(actor, "proposals.submit_anonymous_proposal", space)
    else:
        require(actor, "proposals.submit_proposal", space)
    if theme is not None and theme.space_id != space.pk:
        raise DomainError(_("Choose a theme from this space's list."))
    if not title.strip() or not body.strip():
        raise DomainError(_("Write a title and a text."))
    files = [checked_upload(f) for f in attachments]
    today = timezone.localdate()
    proposal = Proposal.objects.create(
        space=space,
        title=title.strip(),
        body=body,
        body_html=markdown.render(body),
        kind=kind,
        theme=theme,
        concerns=concerns,
        language=language,
        author=None if anonymous else actor,
        contact_email=contact_email.strip().lower() if anonymous else "",
        responder=theme.responder if theme else None,
        responder_organisation=theme.responder_organisation if theme else None,
        deadline=today + dt.timedelta(days=space.answer_days),
    )
    for upload, content_type in files:
        Attachment.objects.create(
            proposal=proposal,
            file=upload,
            name=(upload.name or "attachment")[:200],
            content_type=content_type,
            size=upload.size or 0,
        )
    search.index(proposal)
    if not anonymous:
        Follow.objects.create(proposal=proposal, user=actor)
    audit.record(
        actor=None if anonymous else actor,  # an anonymous proposal must not be traceable to its sender
        action="proposal.submit",
        obj=proposal,
        changes={"status": [None, proposal.status], "anonymous": [None, anonymous]},
        space=space,
    )
    if proposal.responder_id:
        notifications.notify_assigned(proposal)
    return proposal


@transaction.atomic
def proposal_answer(
    *, proposal: Proposal, actor: Any, status: str, text: str, progress: int | None = None
) -> Answer:
    require(actor, "proposals.answer_proposal", proposal)
    proposal = Proposal.objects.select_for_update().select_related("space").get(pk=proposal.pk)
    if not text.strip():
        raise DomainError(_("Write a public answer. It is shown on the proposal page."))
    if proposal.merged_into_id:
        raise DomainError(_("This proposal is merged into another one. Answer that one instead."))
    new_progress = check_transition(proposal.status, status, progress)
    old_status, old_progress = proposal.status, proposal.progress
    now = timezone.now()
    answer = Answer.objects.create(
        proposal=proposal,
        author=actor,
        from_status=old_status,
        to_status=status,
        progress=new_progress if status == Status.IN_PROGRESS else None,
        text=text,
        text_html=markdown.render(text),
    )
    proposal.status = status
    proposal.progress = new_progress
    proposal.last_activity_at = now
    fields = ["status", "progress", "last_activity_at"]
    if status in DECISION_STATUSES and proposal.answered_at is None:
        proposal.answered_at = now
        proposal.answer_days = (timezone.localdate(now) - timezone.localdate(proposal.created_at)).days
        fields += ["answered_at", "answer_days"]
    contact_email = proposal.contact_email
    if status in CLOSED_STATUSES:
        proposal.closed_at = now
        proposal.contact_email = ""  # kept only until the proposal is closed
        fields += ["closed_at", "contact_email"]
    proposal.save(update_fields=fields)
    audit.record(
        actor=actor,
        action="proposal.answer",
        obj=proposal,
        changes={"status": [old_status, status], "progress": [old_progress, new_progress]},
        space=proposal.space,
    )
    notifications.notify_answered(proposal, answer, contact_email=contact_email)
    return answer


@transaction.atomic
def proposal_assign(
    *,
    proposal: Proposal,
    actor: Any,
    responder: Any = None,
    responder_organisation: Organisation | None = None,
    deadline: dt.date | None = None,
) -> Proposal:
    require(actor, "proposals.assign_proposal", proposal)
    if responder is None and responder_organisation is None:
        raise DomainError(_("Choose a person or a unit to answer the proposal."))
    values: dict[str, Any] = {"responder": responder, "responder_organisation": responder_organisation}
    if deadline is not None:
        if deadline < timezone.localdate(proposal.created_at):
            raise DeadlineError(_("The deadline cannot be before the proposal was sent."))
        values["deadline"] = deadline
    changes = audit.diff(proposal, values)
    for field, value in values.items():
        setattr(proposal, field, value)
    proposal.save(update_fields=list(values))
    audit.record(actor=actor, action="proposal.assign", obj=proposal, changes=changes, space=proposal.space)
    if {"responder", "responder_organisation"} & set(changes):
        notifications.notify_assigned(proposal)
    return proposal


@transaction.atomic
def proposal_support(*, proposal: Proposal, actor: Any) -> bool:
    """Support once. Returns False (and changes nothing) if the person already supports it."""
    require(actor, "proposals.support_proposal", proposal)
    if not is_open_for_taking_part(actor, proposal):  # asked directly: superusers pass every has_perm
        raise NotAllowed("proposals.support_proposal")
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, user=actor)
    except IntegrityError:
        return False
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    _follow(proposal, actor)
    audit.record(actor=actor, action="proposal.support", obj=proposal, space=proposal.space)
    return True


@transaction.atomic
def proposal_unsupport(*, proposal: Proposal, actor: Any) -> bool:
    deleted, _rows = Support.objects.filter(proposal=proposal, user=actor).delete()
    if not deleted:
        return False
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)
    audit.record(actor=actor, action="proposal.unsupport", obj=proposal, space=proposal.space)
    return True


@transaction.atomic
def proposal_follow(*, proposal: Proposal, actor: Any) -> bool:
    require(actor, "proposals.follow_proposal", proposal)
    return _follow(proposal, actor)


@transaction.atomic
def proposal_unfollow(*, proposal: Proposal, actor: Any) -> bool:
    deleted, _rows = Follow.objects.filter(proposal=proposal, user=actor).delete()
    return bool(deleted)


@transaction.atomic
def comment_add(*, proposal: Proposal, actor: Any, body: str, parent: Comment | None = None) -> Comment:
    require(actor, "proposals.comment_proposal", proposal)
    if not is_open_for_taking_part(actor, proposal):  # asked directly: superusers pass every has_perm
        raise NotAllowed("proposals.comment_proposal")
    if not body.strip():
        raise DomainError(_("Write a comment."))
    if parent is not None:
        if parent.proposal_id != proposal.pk:
            raise DomainError(_("You can only reply to a comment on the same proposal."))
        parent = parent.parent or parent  # replies are one level deep
    comment = Comment.objects.create(
        proposal=proposal, parent=parent, author=actor, body=body, body_html=markdown.render(body)
    )
    Proposal.objects.filter(pk=proposal.pk).update(
        comment_count=F("comment_count") + 1, last_activity_at=timezone.now()
    )
    _follow(proposal, actor)
    audit.record(actor=actor, action="comment.add", obj=comment, space=proposal.space)
    return comment


def _touch(proposal_id: int) -> None:
    """Every change to a proposal's comments moves its last activity, which also keys the cached
    comments that anonymous readers get (views.comment_threads)."""
    Proposal.objects.filter(pk=proposal_id).update(last_activity_at=timezone.now())


@transaction.atomic
def comment_edit(*, comment: Comment, actor: Any, body: str) -> Comment:
    # Only the author changes or deletes a comment (moderators hide it). Asked directly, because
    # superusers pass every has_perm.
    if not is_comment_author(actor, comment):
        raise NotAllowed("proposals.edit_comment")
    if not comment_is_fresh(actor, comment):
        raise DomainError(
            _("A comment can only be changed in the first %(minutes)s minutes.") % {"minutes": EDIT_MINUTES}
        )
    require(actor, "proposals.edit_comment", comment)
    if not body.strip():
        raise DomainError(_("Write a comment."))
    changes = audit.diff(comment, {"body": body})
    comment.body = body
    comment.body_html = markdown.render(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "body_html", "edited_at"])
    _touch(comment.proposal_id)
    audit.record(
        actor=actor, action="comment.edit", obj=comment, changes=changes, space=comment.proposal.space
    )
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment, actor: Any) -> Comment:
    require(actor, "proposals.delete_comment", comment)
    if not is_comment_author(actor, comment):  # the page says "deleted by its author"
        raise NotAllowed("proposals.delete_comment")
    comment.deleted_at = timezone.now()
    comment.body = ""
    comment.body_html = ""
    comment.save(update_fields=["deleted_at", "body", "body_html"])
    Proposal.objects.filter(pk=comment.proposal_id).update(
        comment_count=F("comment_count") - 1, last_activity_at=timezone.now()
    )
    audit.record(actor=actor, action="comment.delete", obj=comment, space=comment.proposal.space)
    return comment


@transaction.atomic
def report_create(*, proposal: Proposal, actor: Any, reason: str, comment: Comment | None = None) -> Report:
    require(actor, "proposals.report_proposal", proposal)
    if not reason.strip():
        raise DomainError(_("Say briefly what is wrong."))
    if comment is not None and comment.proposal_id != proposal.pk:
        raise DomainError(_("You can only report a comment on the same proposal."))
    report = Report.objects.create(proposal=proposal, comment=comment, reporter=actor, reason=reason)
    audit.record(actor=actor, action="proposal.report", obj=report, space=proposal.space)
    return report


@transaction.atomic
def content_hide(*, proposal: Proposal, actor: Any, reason: str, comment: Comment | None = None) -> None:
    """A moderator hides a proposal or a comment. A placeholder with the public reason stays."""
    require(actor, "proposals.moderate_proposal", proposal)
    if not reason.strip():
        raise DomainError(_("Write the reason. It is shown to everyone in place of the content."))
    target: Proposal | Comment = comment if comment is not None else proposal
    if comment is not None and comment.proposal_id != proposal.pk:
        raise DomainError(_("This comment belongs to another proposal."))
    changes = audit.diff(target, {"hidden_reason": reason})
    target.hidden_reason = reason
    target.save(update_fields=["hidden_reason"])
    _touch(proposal.pk)
    open_reports = Report.objects.filter(proposal=proposal, resolved_at__isnull=True)
    open_reports = (
        open_reports.filter(comment=comment) if comment else open_reports.filter(comment__isnull=True)
    )
    open_reports.update(resolved_at=timezone.now())
    action = "comment.hide" if comment is not None else "proposal.hide"
    audit.record(actor=actor, action=action, obj=target, changes=changes, space=proposal.space)


@transaction.atomic
def proposal_merge(*, duplicate: Proposal, into: Proposal, actor: Any) -> Proposal:
    """Merge a duplicate into another proposal: supports and followers move, both link to each other."""
    require(actor, "proposals.moderate_proposal", duplicate)
    if duplicate.pk == into.pk or into.space_id != duplicate.space_id:
        raise DomainError(_("Choose another proposal in the same space."))
    if into.merged_into_id:
        raise DomainError(_("That proposal is itself merged into another one."))
    if duplicate.merged_into_id:
        raise DomainError(_("This proposal is already merged."))
    for model in (Support, Follow):
        already = list(model.objects.filter(proposal=into).values_list("user_id", flat=True))
        model.objects.filter(proposal=duplicate).exclude(user_id__in=already).update(proposal=into)
        model.objects.filter(proposal=duplicate).delete()
    if duplicate.author_id:
        _follow(into, duplicate.author)
    Proposal.objects.filter(pk=into.pk).update(support_count=Support.objects.filter(proposal=into).count())
    Proposal.objects.filter(pk=duplicate.pk).update(support_count=0, merged_into=into)
    duplicate.merged_into = into
    audit.record(
        actor=actor,
        action="proposal.merge",
        obj=duplicate,
        changes={"merged_into": [None, str(into)]},
        space=duplicate.space,
    )
    notifications.notify_merged(duplicate, into, actor=actor)
    return into


@transaction.atomic
def unsubscribe(*, user_id: int | None, email: str, proposal: Proposal | None, everything: bool) -> None:
    """From an email's unsubscribe link: stop following one proposal, or turn off all emails."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is not None:
        if everything:
            get_user_model().objects.filter(pk=user.pk).update(email_notifications=False)
        elif proposal is not None:
            Follow.objects.filter(proposal=proposal, user=user).delete()
        audit.record(actor=user, action="proposal.unsubscribe", obj=user, changes={"all": [None, everything]})
    elif email and proposal is not None:
        Proposal.objects.filter(pk=proposal.pk, contact_email__iexact=email).update(contact_email="")


@transaction.atomic
def theme_save(
    *,
    space: Space,
    actor: Any,
    name: str,
    responder: Any = None,
    responder_organisation: Organisation | None = None,
    theme: Theme | None = None,
) -> Theme:
    require(actor, "proposals.manage_themes", space)
    name = name.strip()
    if not name:
        raise DomainError(_("Write a name for the theme."))
    same_name = Theme.objects.filter(space=space, name__iexact=name)
    if theme is not None:
        same_name = same_name.exclude(pk=theme.pk)
    if same_name.exists():
        raise DomainError(_("This space already has a theme with that name."))
    values = {"name": name, "responder": responder, "responder_organisation": responder_organisation}
    if theme is None:
        theme = Theme.objects.create(space=space, position=space.themes.count(), **values)
        changes = {key: [None, audit._plain(value)] for key, value in values.items()}
    else:
        changes = audit.diff(theme, values)
        for field, value in values.items():
            setattr(theme, field, value)
        theme.save()
    audit.record(actor=actor, action="theme.save", obj=theme, changes=changes, space=space)
    return theme
