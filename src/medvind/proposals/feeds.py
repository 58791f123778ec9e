"""RSS and Atom feeds of new proposals and of answers, per space (public spaces only)."""

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from medvind.core.models import Space

from . import selectors
from .models import Answer, Proposal


def _public_space(slug: str) -> Space:
    space = Space.objects.filter(slug=slug, visibility=Space.Visibility.PUBLIC).first()
    if space is None:
        raise Http404
    return space


class ProposalsFeed(Feed):
    def get_object(self, request: Any, slug: str) -> Space:
        return _public_space(slug)

    def title(self, space: Space) -> str:
        return _("New proposals in %(space)s") % {"space": space.title}

    def link(self, space: Space) -> str:
        return reverse("proposals:list", kwargs={"slug": space.slug})

    def description(self, space: Space) -> str:
        return space.summary

    def items(self, space: Space) -> list[Proposal]:
        return list(
            Proposal.objects.filter(space=space, hidden_reason="")
            .select_related("space")
            .order_by("-created_at", "-id")[:30]
        )

    def item_title(self, item: Proposal) -> str:
        return item.title

    def item_description(self, item: Proposal) -> str:
        return item.body_html

    def item_pubdate(self, item: Proposal) -> Any:
        return item.created_at


class AnswersFeed(ProposalsFeed):
    def title(self, space: Space) -> str:
        return _("Answers to proposals in %(space)s") % {"space": space.title}

    def items(self, space: Space) -> list[Answer]:  # type: ignore[override]
        return list(selectors.latest_answers(space))

    def item_title(self, item: Answer) -> str:  # type: ignore[override]
        return f"{item.proposal.title}: {item.get_to_status_display()}"

    def item_description(self, item: Answer) -> str:  # type: ignore[override]
        return item.text_html

    def item_link(self, item: Answer) -> str:
        return item.proposal.get_absolute_url() + f"#answer-{item.pk}"

    def item_pubdate(self, item: Answer) -> Any:  # type: ignore[override]
        return item.created_at


class ProposalsAtomFeed(ProposalsFeed):
    feed_type = Atom1Feed
    subtitle = ProposalsFeed.description


class AnswersAtomFeed(AnswersFeed):
    feed_type = Atom1Feed
    subtitle = AnswersFeed.description
