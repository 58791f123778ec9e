import csv
import io
import re

import pytest
from django.urls import reverse

from medvind.events.models import EventStatus, PollVote, Question, QuestionStatus

from .conftest import make_event, make_poll, make_question

pytestmark = pytest.mark.django_db


def audience(event, lang="en"):
    return f"/{lang}/e/{event.code}/"


def test_the_audience_page_works_without_an_account(client, live_event):
    make_question(live_event, text="Can young people see their file?")
    response = client.get(audience(live_event))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1 and live_event.title in html
    assert "Can young people see their file?" in html
    assert 'hx-trigger="every 2s"' in html


def test_a_lowercase_code_leads_to_the_event(client, live_event):
    response = client.get(f"/en/e/{live_event.code.lower()}/")
    assert response.status_code == 302 and response.url.endswith(f"/e/{live_event.code}/")


def test_the_short_address_without_language_redirects(client, live_event):
    response = client.get(f"/e/{live_event.code}/")
    assert response.status_code == 302 and f"/e/{live_event.code}/" in response.url


def test_a_wrong_code_gives_a_clear_message_not_a_500(client, live_event):
    response = client.get("/en/e/", {"code": "NOPE42"})
    assert response.status_code == 404
    assert "No event has this code" in response.content.decode()
    assert client.get("/en/e/NOPE42/").status_code == 404
    assert client.get("/en/e/NOPE42/live/").status_code == 404


def test_join_with_a_code_typed_with_spaces_and_small_letters(client, live_event):
    typed = f" {live_event.code[:3].lower()} {live_event.code[3:]} "
    response = client.get("/en/e/", {"code": typed})
    assert response.status_code == 302 and response.url == audience(live_event)


def test_a_draft_event_is_not_found_by_the_audience(client, world):
    event = make_event(world.public, EventStatus.DRAFT)
    assert client.get(audience(event)).status_code == 404


def test_a_members_only_event_is_hidden_from_visitors(client, world):
    event = make_event(world.members_only)
    assert client.get(audience(event)).status_code == 404
    assert client.get(f"/en/e/{event.code}/live/").status_code == 404
    client.force_login(world["member"])
    assert client.get(f"/en/e/{event.code}/live/").status_code == 200


def test_asking_posts_and_redirects_and_sets_an_anonymous_cookie(client, live_event):
    response = client.post(f"{audience(live_event)}ask/", {"text": "Why twice?", "name": "Lone"})
    assert response.status_code == 302
    assert "mv_audience" in response.cookies
    question = Question.objects.get()
    assert (question.text, question.name, question.status) == ("Why twice?", "Lone", QuestionStatus.APPROVED)
    page = client.get(response.url)
    assert "Thank you! Your question is shown." in page.content.decode()


@pytest.mark.parametrize(
    ("data", "error"), [({"text": ""}, "This field is required"), ({"text": "x" * 1001}, "at most 1000")]
)
def test_a_bad_question_shows_the_error_and_keeps_what_was_typed(client, live_event, data, error):
    data = {**data, "name": "Kept name"}
    response = client.post(f"{audience(live_event)}ask/", data)
    html = response.content.decode()
    assert response.status_code == 400 and error in html
    assert 'value="Kept name"' in html and 'aria-describedby="id_text_helptext id_text_error"' in html
    assert not Question.objects.exists()


def test_hostile_text_is_shown_escaped(client, live_event, django_capture_on_commit_callbacks):
    hostile = "<script>alert('x')</script> <a href=\"javascript:alert(1)\">click</a>"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{audience(live_event)}ask/", {"text": hostile})
    html = client.get(audience(live_event)).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert 'href="javascript:' not in html


def test_a_flood_of_questions_from_one_browser_gets_a_friendly_message(client, live_event):
    for i in range(5):
        assert client.post(f"{audience(live_event)}ask/", {"text": f"Question {i}"}).status_code == 302
    response = client.post(f"{audience(live_event)}ask/", {"text": "One more", "name": "Flood"})
    assert response.status_code == 400
    assert "Please wait a minute" in response.content.decode() and "One more" in response.content.decode()
    assert Question.objects.count() == 5


def test_asking_in_a_closed_event_without_postbox_is_refused_clearly(client, world):
    event = make_event(world.public, EventStatus.CLOSED, closed_days_ago=10)
    html = client.get(audience(event)).content.decode()
    assert "The event is closed" in html and "Send the question" not in html
    response = client.post(f"{audience(event)}ask/", {"text": "Late"})
    assert response.status_code == 400 and "no longer takes questions" in response.content.decode()


def test_the_postbox_stays_open_after_the_event(client, world):
    event = make_event(world.public, EventStatus.CLOSED, closed_days_ago=2)
    html = client.get(audience(event)).content.decode()
    assert "Its postbox is open until" in html and "Send to the postbox" in html
    client.post(f"{audience(event)}ask/", {"text": "Written later"})
    assert Question.objects.get().via_postbox


def test_upvote_once_per_browser(client, live_event):
    question = make_question(live_event)
    url = f"{audience(live_event)}questions/{question.pk}/upvote/"
    client.post(url)
    second = client.post(url, follow=True)
    assert "You have already voted for this question." in second.content.decode()
    question.refresh_from_db()
    assert question.upvote_count == 1


def test_a_get_to_upvote_is_refused_without_a_500(client, live_event):
    question = make_question(live_event)
    assert client.get(f"{audience(live_event)}questions/{question.pk}/upvote/").status_code == 405


def test_poll_vote_and_bad_vote(client, live_event, django_capture_on_commit_callbacks):
    poll = make_poll(live_event)
    option = poll.options.first()
    bad = client.post(
        f"{audience(live_event)}polls/{poll.pk}/vote/", {f"poll{poll.pk}-choice": "999999"}, follow=True
    )
    assert "Choose an answer before you vote." in bad.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{audience(live_event)}polls/{poll.pk}/vote/", {f"poll{poll.pk}-choice": str(option.pk)})
    assert PollVote.objects.count() == 1
    html = client.get(audience(live_event)).content.decode()
    assert "Results: 1 vote" in html and "<svg" in html


def test_the_poll_answers_204_while_nothing_changes(client, live_event, django_assert_num_queries):
    url = f"{audience(live_event)}live/"
    first = client.get(url)
    version = first["X-Event-Version"]
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get(url, {"v": version})
    assert again.status_code == 204


def test_a_changed_version_sends_the_new_fragment_from_the_cache(
    client, live_event, django_capture_on_commit_callbacks
):
    url = f"{audience(live_event)}live/"
    version = client.get(url)["X-Event-Version"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{audience(live_event)}ask/", {"text": "Brand new question"})
    response = client.get(url, {"v": version})
    assert response.status_code == 200 and "Brand new question" in response.content.decode()
    assert response["X-Event-Version"] != version
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "MVCSRFTOKENPLACEHOLDER" not in response.content.decode()


def test_the_facilitator_moderates_and_others_are_sent_to_the_audience_page(client, world, live_event):
    question = make_question(live_event, status=QuestionStatus.PENDING)
    manage = reverse("events:manage", kwargs={"slug": world.public.slug, "pk": live_event.pk})
    assert client.get(manage).status_code == 302
    client.force_login(world["member"])
    assert client.get(manage).url == live_event.audience_url()
    assert client.post(f"{manage}questions/{question.pk}/moderate/", {"action": "approve"}).status_code == 403
    client.force_login(world["facilitator"])
    assert "Questions and input" in client.get(manage).content.decode()
    client.post(f"{manage}questions/{question.pk}/moderate/", {"action": "approve"})
    question.refresh_from_db()
    assert question.status == QuestionStatus.APPROVED


def test_the_facilitator_makes_an_event_and_bad_times_are_shown_next_to_the_field(client, world):
    client.force_login(world["facilitator"])
    url = reverse("events:create", kwargs={"slug": world.public.slug})
    bad = client.post(
        url,
        {
            "title": "Debate",
            "starts_at": "2026-05-01T10:00",
            "ends_at": "2026-05-01T09:00",
            "postbox_days": 7,
        },
    )
    assert bad.status_code == 200 and "The event must end after it starts." in bad.content.decode()
    assert 'value="Debate"' in bad.content.decode()
    malformed = client.post(
        url, {"title": "Debate", "starts_at": "tomorrow", "ends_at": "", "postbox_days": "-1"}
    )
    assert "Enter a valid date/time." in malformed.content.decode()
    ok = client.post(
        url,
        {
            "title": "Debate",
            "starts_at": "2026-05-01T10:00",
            "ends_at": "2026-05-01T12:00",
            "postbox_days": 7,
        },
    )
    assert ok.status_code == 302


def test_status_change_and_acting_on_an_archived_event(client, world, live_event):
    client.force_login(world["facilitator"])
    base = reverse("events:manage", kwargs={"slug": world.public.slug, "pk": live_event.pk})
    page = client.post(f"{base}status/", {"status": "archived"}, follow=True)
    assert "cannot become" in page.content.decode()
    client.post(f"{base}status/", {"status": "closed"})
    live_event.refresh_from_db()
    assert live_event.status == EventStatus.CLOSED


def test_csv_export_guards_against_formulas(client, world, live_event):
    make_question(live_event, text='=HYPERLINK("http://evil")', name="@boss")
    client.force_login(world["facilitator"])
    response = client.get(reverse("events:export", kwargs={"slug": world.public.slug, "pk": live_event.pk}))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][2] == "'@boss" and rows[1][3].startswith("'=")
    client.force_login(world["member"])
    assert (
        client.get(
            reverse("events:export", kwargs={"slug": world.public.slug, "pk": live_event.pk})
        ).status_code
        == 403
    )


def test_make_a_proposal_with_one_action(client, world, live_event):
    question = make_question(live_event, text="Timeline of all reports")
    client.force_login(world["facilitator"])
    url = reverse(
        "events:proposal", kwargs={"slug": world.public.slug, "pk": live_event.pk, "question_id": question.pk}
    )
    response = client.post(url)
    question.refresh_from_db()
    assert question.proposal and response.url == question.proposal.get_absolute_url()


def test_the_qr_code_is_an_svg(client, live_event):
    response = client.get(f"{audience(live_event)}qr.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content and b"style=" not in response.content


def test_the_presenter_view_has_a_live_region_that_gets_only_news(client, world, live_event):
    client.force_login(world["facilitator"])
    present = reverse("events:present", kwargs={"slug": world.public.slug, "pk": live_event.pk})
    html = client.get(present).content.decode()
    assert 'id="presenter-news"' in html and 'aria-live="polite"' in html
    live_url = f"{present}live/"
    make_question(live_event, text="A fresh one")
    response = client.get(live_url, {"v": "0", "since": "0"})
    body = response.content.decode()
    assert 'hx-swap-oob="innerHTML"' in body and "New question: A fresh one" in body
    version = response["X-Event-Version"]
    assert client.get(live_url, {"v": version, "since": "0"}).status_code == 204
    client.force_login(world["member"])
    assert client.get(present).status_code == 403


def test_events_list_hides_drafts_from_visitors(client, world, live_event):
    draft = make_event(world.public, EventStatus.DRAFT, title="Secret draft")
    url = reverse("events:list", kwargs={"slug": world.public.slug})
    assert draft.title not in client.get(url).content.decode()
    client.force_login(world["facilitator"])
    assert draft.title in client.get(url).content.decode()


def test_a_facilitator_of_another_space_cannot_run_this_event(client, outsider, live_event, world):
    question = make_question(live_event, status=QuestionStatus.PENDING)
    client.force_login(outsider)
    base = reverse("events:manage", kwargs={"slug": world.public.slug, "pk": live_event.pk})
    assert client.post(f"{base}questions/{question.pk}/moderate/", {"action": "approve"}).status_code == 403
    assert client.post(f"{base}status/", {"status": "closed"}).status_code == 403
    assert client.get(f"{base}export.csv").status_code == 403
    question.refresh_from_db()
    live_event.refresh_from_db()
    assert question.status == QuestionStatus.PENDING and live_event.status == EventStatus.OPEN


def test_a_visitor_is_asked_to_sign_in_before_running_an_event(client, world, live_event):
    base = reverse("events:manage", kwargs={"slug": world.public.slug, "pk": live_event.pk})
    response = client.post(f"{base}status/", {"status": "closed"})
    assert response.status_code == 302 and "login" in response.url
    live_event.refresh_from_db()
    assert live_event.status == EventStatus.OPEN


def test_the_moderator_view_learns_of_waiting_questions_by_itself(
    client, world, live_event, django_capture_on_commit_callbacks
):
    client.force_login(world["facilitator"])
    base = reverse("events:manage", kwargs={"slug": world.public.slug, "pk": live_event.pk})
    page = client.get(base).content.decode()
    assert "No questions are waiting for a moderator." in page
    version = re.search(r"waiting/\?v=(\d+)", page).group(1)
    assert client.get(f"{base}waiting/", {"v": version}).status_code == 204
    live_event.premoderated = True
    live_event.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{audience(live_event)}ask/", {"text": "Waiting one"})
    fragment = client.get(f"{base}waiting/", {"v": version}).content.decode()
    assert "1 question is waiting for a moderator." in fragment
    client.force_login(world["member"])
    assert client.get(f"{base}waiting/").status_code == 403


@pytest.mark.parametrize("code", ["-", "%20", "%00", "ÅÄÖ", "x" * 40, "' OR 1=1 --", "<script>"])
def test_strange_codes_answer_404_never_500(client, live_event, code):
    for suffix in ("", "live/", "ask/", "qr.svg"):
        assert client.get(f"/en/e/{code}/{suffix}").status_code in (302, 404), (code, suffix)
    assert client.post(f"/en/e/{code}/ask/", {"text": "Hi"}).status_code == 404
    assert client.get("/en/e/", {"code": code}).status_code == 404


def test_a_proposal_made_from_audience_input_links_back_to_the_event(client, world, live_event):
    from medvind.events import services

    proposal = services.question_to_proposal(question=make_question(live_event), actor=world["facilitator"])
    content = client.get(proposal.get_absolute_url()).content.decode()
    assert f"This proposal came from the audience at the event “{live_event.title}”." in content
    assert f'href="/en/e/{live_event.code}/"' in content
    space_page = client.get(reverse("core:space_detail", kwargs={"slug": world.public.slug})).content.decode()
    assert "See the events" not in space_page  # a forum, not an event space


def test_an_event_space_page_leads_to_its_events(client, world):
    from medvind.core.models import Space
    from tests.factories import SpaceFactory

    space = SpaceFactory(title="Panel", slug="panel", kind=Space.Kind.EVENT, organisations=[world.owner])
    content = client.get(reverse("core:space_detail", kwargs={"slug": space.slug})).content.decode()
    assert f'href="{reverse("events:list", kwargs={"slug": "panel"})}"' in content
