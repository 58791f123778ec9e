import pytest
from django.contrib.auth.models import AnonymousUser

from medvind.core.errors import DomainError, NotAllowed
from medvind.core.models import AuditLogEntry
from medvind.events import live, services
from medvind.events.models import Event, EventStatus, PollVote, Question, QuestionStatus, Upvote

from .conftest import make_event, make_poll, make_question

pytestmark = pytest.mark.django_db
VISITOR = AnonymousUser()


def test_a_facilitator_makes_an_event_with_a_unique_short_code(world):
    from django.utils import timezone

    now = timezone.now()
    event = services.event_create(
        space=world.public,
        actor=world["facilitator"],
        title="Panel debate",
        starts_at=now,
        ends_at=now.replace(year=now.year + 1),
    )
    assert event.status == EventStatus.DRAFT
    assert len(event.code) == 6 and set(event.code) <= set("ACDEFGHJKMNPQRTUVWXY34679")
    assert AuditLogEntry.objects.filter(action="event.create", object_id=str(event.pk)).exists()


def test_an_event_that_ends_before_it_starts_is_refused(world):
    from django.utils import timezone

    now = timezone.now()
    with pytest.raises(DomainError, match="end after it starts"):
        services.event_create(
            space=world.public, actor=world["facilitator"], title="X", starts_at=now, ends_at=now
        )
    assert not Event.objects.exists()


def test_a_member_may_not_make_an_event(world):
    from django.utils import timezone

    now = timezone.now()
    with pytest.raises(NotAllowed):
        services.event_create(
            space=world.public, actor=world["member"], title="X", starts_at=now, ends_at=now
        )


def test_a_visitor_asks_without_an_account_and_nothing_identifies_them(world, live_event):
    question = services.question_ask(
        event=live_event, actor=VISITOR, text="  Can young people see their file?  ", name=""
    )
    assert question.status == QuestionStatus.APPROVED and question.text == "Can young people see their file?"
    entry = AuditLogEntry.objects.get(action="event.question_ask")
    assert entry.actor is None
    fields = {f.name for f in Question._meta.get_fields()}
    assert not fields & {"ip", "ip_address", "user_agent", "author", "user"}


def test_with_pre_moderation_a_question_waits_for_a_moderator(world):
    event = make_event(world.public, premoderated=True)
    question = services.question_ask(event=event, actor=VISITOR, text="Hello")
    assert question.status == QuestionStatus.PENDING
    services.question_moderate(question=question, actor=world["facilitator"], action="approve")
    question.refresh_from_db()
    assert question.status == QuestionStatus.APPROVED and question.approved_at


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\u202e"])
def test_an_empty_question_is_refused(live_event, text):
    with pytest.raises(DomainError):
        services.question_ask(event=live_event, actor=VISITOR, text=text)
    assert not Question.objects.exists()


def test_a_too_long_question_or_name_is_refused(live_event):
    with pytest.raises(DomainError):
        services.question_ask(event=live_event, actor=VISITOR, text="x" * 1001)
    with pytest.raises(DomainError):
        services.question_ask(event=live_event, actor=VISITOR, text="ok", name="n" * 61)
    assert not Question.objects.exists()


def test_hostile_text_is_stored_as_plain_text_without_control_characters(live_event):
    text = "<script>alert(1)</script> [x](javascript:alert(1)) '; DROP TABLE events_question; --\u202e"
    question = services.question_ask(event=live_event, actor=VISITOR, text=text)
    assert question.text == text.replace("\u202e", "")
    assert Question.objects.count() == 1


def test_a_closed_event_takes_postbox_input_until_the_postbox_closes(world):
    open_box = make_event(world.public, EventStatus.CLOSED, closed_days_ago=2)
    question = services.question_ask(event=open_box, actor=VISITOR, text="Written later")
    assert question.via_postbox
    shut = make_event(world.public, EventStatus.CLOSED, closed_days_ago=8)
    with pytest.raises(DomainError, match="closed"):
        services.question_ask(event=shut, actor=VISITOR, text="Too late")


def test_acting_on_a_closed_event_is_refused_with_a_clear_message(world):
    event = make_event(world.public, EventStatus.CLOSED, closed_days_ago=1)
    question = make_question(event)
    with pytest.raises(DomainError, match="postbox"):
        services.question_upvote(question=question, actor=VISITOR, voter="a" * 32)
    poll = make_poll(event)
    with pytest.raises(DomainError):
        services.poll_vote(poll=poll, actor=VISITOR, voter="a" * 32, option_ids=[poll.options.first().pk])
    assert not Upvote.objects.exists() and not PollVote.objects.exists()


def test_a_draft_event_takes_nothing(world):
    event = make_event(world.public, EventStatus.DRAFT)
    with pytest.raises(DomainError, match="not started"):
        services.question_ask(event=event, actor=VISITOR, text="Hi")


def test_a_browser_upvotes_once_and_only_a_keyed_hash_is_stored(live_event):
    question = make_question(live_event)
    token = "browser-token-1234567890"
    assert services.question_upvote(question=question, actor=VISITOR, voter=token)
    assert not services.question_upvote(question=question, actor=VISITOR, voter=token)
    assert services.question_upvote(question=question, actor=VISITOR, voter="another-browser-12345")
    question.refresh_from_db()
    assert question.upvote_count == 2
    stored = Upvote.objects.values_list("voter", flat=True)
    assert token not in stored and live.voter_hash(token) in stored


def test_a_pending_question_gets_no_votes(live_event):
    question = make_question(live_event, status=QuestionStatus.PENDING)
    with pytest.raises(DomainError):
        services.question_upvote(question=question, actor=VISITOR, voter="x" * 20)


def test_one_question_is_highlighted_at_a_time_and_answering_ends_it(world, live_event):
    first, second = make_question(live_event), make_question(live_event, text="Second")
    services.question_moderate(question=first, actor=world["facilitator"], action="highlight")
    services.question_moderate(question=second, actor=world["facilitator"], action="highlight")
    first.refresh_from_db()
    assert not first.highlighted
    services.question_moderate(question=second, actor=world["facilitator"], action="answer")
    second.refresh_from_db()
    assert second.answered and not second.highlighted


def test_only_facilitators_moderate(world, live_event):
    question = make_question(live_event)
    for role in ("anonymous", "member", "responder", "staff"):
        with pytest.raises(NotAllowed):
            services.question_moderate(question=question, actor=world[role], action="hide")


def test_an_unknown_moderation_action_is_refused(world, live_event):
    with pytest.raises(DomainError):
        services.question_moderate(
            question=make_question(live_event), actor=world["facilitator"], action="delete"
        )


def test_every_write_bumps_the_version_that_polls_compare(
    world, live_event, django_capture_on_commit_callbacks
):
    before = live.current_version(live_event.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.question_ask(event=live_event, actor=VISITOR, text="New")
    assert live.current_version(live_event.pk) == before + 1


def test_anonymous_input_becomes_an_anonymous_proposal_linked_both_ways(world, live_event):
    world.public.anonymous_proposals = True
    world.public.save()
    question = make_question(live_event, text="Show all reports on one timeline\nso we see the whole case.")
    proposal = services.question_to_proposal(question=question, actor=world["facilitator"])
    question.refresh_from_db()
    assert question.proposal == proposal
    assert proposal.author is None and proposal.title == "Show all reports on one timeline"
    assert list(proposal.event_questions.all()) == [question]
    assert live_event.title in proposal.body
    with pytest.raises(DomainError, match="already"):
        services.question_to_proposal(question=question, actor=world["facilitator"])


def test_without_a_postbox_the_facilitator_sends_the_proposal(world, live_event):
    proposal = services.question_to_proposal(question=make_question(live_event), actor=world["facilitator"])
    assert proposal.author == world["facilitator"]


def test_a_hidden_input_is_not_made_a_proposal(world, live_event):
    question = make_question(live_event, status=QuestionStatus.HIDDEN)
    with pytest.raises(DomainError):
        services.question_to_proposal(question=question, actor=world["facilitator"])


def test_polls_single_and_multiple_choice_once_per_browser(world, live_event):
    poll = services.poll_create(
        event=live_event, actor=world["facilitator"], question="Which?", options=["A", "B", "C"]
    )
    with pytest.raises(DomainError):  # not open yet
        services.poll_vote(poll=poll, actor=VISITOR, voter="v" * 20, option_ids=[poll.options.first().pk])
    poll = services.poll_set_status(poll=poll, actor=world["facilitator"], status="open")
    a, b, _c = poll.options.all()
    with pytest.raises(DomainError, match="only one"):
        services.poll_vote(poll=poll, actor=VISITOR, voter="v" * 20, option_ids=[a.pk, b.pk])
    assert services.poll_vote(poll=poll, actor=VISITOR, voter="v" * 20, option_ids=[a.pk])
    assert not services.poll_vote(poll=poll, actor=VISITOR, voter="v" * 20, option_ids=[b.pk])
    many = services.poll_create(
        event=live_event,
        actor=world["facilitator"],
        question="Which ones?",
        options=["X", "Y"],
        multiple=True,
    )
    many = services.poll_set_status(poll=many, actor=world["facilitator"], status="open")
    x, y = many.options.all()
    assert services.poll_vote(poll=many, actor=VISITOR, voter="v" * 20, option_ids=[x.pk, y.pk])
    a.refresh_from_db(), x.refresh_from_db(), many.refresh_from_db()
    assert (a.vote_count, x.vote_count, many.vote_count) == (1, 1, 1)
    other = make_poll(make_event(world.public))
    with pytest.raises(DomainError, match="answers of this poll"):
        services.poll_vote(poll=many, actor=VISITOR, voter="w" * 20, option_ids=[other.options.first().pk])


@pytest.mark.parametrize(
    ("question", "options"),
    [
        ("", ["A", "B"]),
        ("Q", ["A"]),
        ("Q", ["A", "a"]),
        ("Q", [str(i) for i in range(11)]),
        ("Q", ["x" * 121, "B"]),
    ],
)
def test_a_bad_poll_is_refused(world, live_event, question, options):
    with pytest.raises(DomainError):
        services.poll_create(event=live_event, actor=world["facilitator"], question=question, options=options)


def test_a_poll_opens_only_while_the_event_is_live(world):
    event = make_event(world.public, EventStatus.CLOSED, closed_days_ago=1)
    poll = make_poll(event, status="draft")
    with pytest.raises(DomainError, match="live"):
        services.poll_set_status(poll=poll, actor=world["facilitator"], status="open")


def test_an_archived_event_cannot_be_changed(world):
    event = make_event(world.public, EventStatus.ARCHIVED)
    with pytest.raises((DomainError, NotAllowed)):
        services.event_update(event=event, actor=world["facilitator"], title="New")
    with pytest.raises(DomainError, match="archived"):
        services.event_update(event=event, actor=world["platform_admin"], title="New")
