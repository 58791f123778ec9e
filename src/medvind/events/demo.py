"""Demo data of the events app, loaded by `manage.py load_demo` after the core and proposals demo.

In the Danish workshop space: a live panel debate happening now (questions in every state, an open
and a closed poll), a workshop last week whose postbox is still open, and an older closed workshop
whose input became a proposal. Text from the DUBU workshops (seed 000)."""

import datetime as dt
import secrets

from django.utils import timezone

from medvind.accounts.models import User
from medvind.core.models import Space

from . import services
from .models import Event, EventStatus, Question


def _voters(n: int) -> list[str]:
    return [secrets.token_urlsafe(24) for _ in range(n)]


def _ask(
    event: Event, admin: User, text: str, name: str = "", *, votes: int = 0, action: str = ""
) -> Question:
    question = services.question_ask(event=event, actor=admin, text=text, name=name)
    if action == "approve_first":
        question = services.question_moderate(question=question, actor=admin, action="approve")
    for voter in _voters(votes):
        services.question_upvote(question=question, actor=admin, voter=voter)
    if action in ("answer", "highlight", "hide"):
        question = services.question_moderate(question=question, actor=admin, action=action)
    return question


def load_demo() -> None:
    admin = User.objects.get(email="admin@demo.example")
    workshop = Space.objects.get(slug="workshop-og-paneldebat-om-fagsystemet")
    now = timezone.now()

    # A panel debate happening now, with pre-moderated questions.
    debate = services.event_create(
        space=workshop,
        actor=admin,
        title="Paneldebat: Hvordan bliver fagsystemet bedre for børn og unge?",
        description="Paneldebat med sagsbehandlere, systemejeren og unge, der selv har haft en sag. "
        "Stil dine spørgsmål til panelet her, også uden navn.",
        starts_at=now - dt.timedelta(minutes=30),
        ends_at=now + dt.timedelta(minutes=90),
        premoderated=True,
        postbox_days=7,
    )
    debate = services.event_set_status(event=debate, actor=admin, status=EventStatus.OPEN)
    _ask(
        debate,
        admin,
        "Hvorfor skal vi skrive de samme oplysninger ind to gange, når sagen flytter til en anden kommune?",
        "Lone, sagsbehandler",
        votes=14,
        action="approve_first",
    )
    _ask(
        debate,
        admin,
        "Kan de unge selv se, hvad der står om dem i fagsystemet?",
        votes=9,
        action="approve_first",
    )
    q = _ask(
        debate,
        admin,
        "Hvornår kommer der en bedre søgefunktion, så vi kan finde tidligere underretninger?",
        "Jonas",
        votes=6,
        action="approve_first",
    )
    services.question_moderate(question=q, actor=admin, action="highlight")
    q = _ask(
        debate,
        admin,
        "Hvem bestemmer, hvilke ønsker der kommer med i næste version?",
        votes=4,
        action="approve_first",
    )
    services.question_moderate(question=q, actor=admin, action="answer")
    _ask(
        debate, admin, "Bliver workshopperne også holdt i Jylland næste år?", "Maja"
    )  # waits for a moderator
    _ask(debate, admin, "Skriftlige spørgsmål fra de unge i panelet kommer her bagefter.")  # waits too
    open_poll = services.poll_create(
        event=debate,
        actor=admin,
        question="Hvad er det største problem i fagsystemet i dag?",
        options=["Dobbeltregistrering", "Søgning", "Overblik over sagen", "Adgang for de unge"],
    )
    open_poll = services.poll_set_status(poll=open_poll, actor=admin, status="open")
    options = list(open_poll.options.all())
    for i, voter in enumerate(_voters(23)):
        services.poll_vote(
            poll=open_poll, actor=admin, voter=voter, option_ids=[options[i % 3 if i % 5 else 0].pk]
        )
    closed_poll = services.poll_create(
        event=debate,
        actor=admin,
        question="Hvilke emner skal næste workshop handle om? (vælg gerne flere)",
        options=["Underretninger", "Handleplaner", "Børnesamtaler", "Samarbejde med skolen"],
        multiple=True,
    )
    closed_poll = services.poll_set_status(poll=closed_poll, actor=admin, status="open")
    options = list(closed_poll.options.all())
    for i, voter in enumerate(_voters(17)):
        chosen = [options[i % 4].pk, options[(i + 1) % 4].pk] if i % 2 else [options[2].pk]
        services.poll_vote(poll=closed_poll, actor=admin, voter=voter, option_ids=chosen)
    services.poll_set_status(poll=closed_poll, actor=admin, status="closed")

    # A workshop last week: closed, the postbox open for a few more days.
    week = services.event_create(
        space=workshop,
        actor=admin,
        title="Workshop 2: Handleplaner i fagsystemet",
        description="Workshop for sagsbehandlere og ledere om handleplaner. Postkassen er åben en uge efter.",
        starts_at=now - dt.timedelta(days=3, hours=3),
        ends_at=now - dt.timedelta(days=3),
        postbox_days=7,
    )
    week = services.event_set_status(event=week, actor=admin, status=EventStatus.OPEN)
    _ask(week, admin, "Handleplanen bør kunne skrives sammen med den unge på skærmen.", "Sara", votes=5)
    _ask(week, admin, "Skabelonen til handleplanen er for lang. Kan felterne gøres valgfri?", votes=3)
    week = services.event_set_status(event=week, actor=admin, status=EventStatus.CLOSED)
    Event.objects.filter(pk=week.pk).update(closed_at=now - dt.timedelta(days=3))
    week.refresh_from_db()
    services.question_ask(
        event=week,
        actor=admin,
        text="Jeg nåede ikke at sige det på dagen: der mangler en påmindelse, når handleplanen skal følges op.",
    )

    # An older workshop, closed, whose input became a proposal.
    old = services.event_create(
        space=workshop,
        actor=admin,
        title="Workshop 1: Underretninger og overblik",
        starts_at=now - dt.timedelta(days=40, hours=3),
        ends_at=now - dt.timedelta(days=40),
        postbox_days=7,
    )
    old = services.event_set_status(event=old, actor=admin, status=EventStatus.OPEN)
    q = _ask(
        old,
        admin,
        "Vis alle underretninger på en tidslinje, så man ser hele forløbet på én skærm.",
        "Henrik, afdelingsleder",
        votes=11,
    )
    _ask(old, admin, "Det er svært at se, hvem der sidst har rettet i sagen.", votes=4)
    old = services.event_set_status(event=old, actor=admin, status=EventStatus.CLOSED)
    Event.objects.filter(pk=old.pk).update(closed_at=now - dt.timedelta(days=40))
    services.question_to_proposal(question=q, actor=admin)
