"""The forums pages: who sees what, forms with bad input, exports. Never a 500, nothing half-written."""

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from medvind.core.models import Space
from medvind.forums.models import ActionItem, AgendaItem, Meeting, MeetingState, MemberListing, Registration
from medvind.proposals.models import Follow, Kind, Notification, Status
from tests.factories import ProposalFactory

from .factories import AgendaItemFactory, DecisionFactory, MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "da", "sv", "nb", "nn"]


@pytest.fixture
def site(world):
    meeting = MeetingFactory(space=world.public, capacity=2)
    AgendaItemFactory(meeting=meeting, title="Coming questions", is_standing=True, status="scheduled")
    AgendaItemFactory(meeting=meeting, title="Waiting times")
    RegistrationFactory(meeting=meeting, user=world["member"], interpreter="Arabic")
    start = timezone.now() - dt.timedelta(days=5)
    past = MeetingFactory(
        space=world.public,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        state=MeetingState.HELD,
        minutes_state="published",
        minutes_summary="We agreed on follow-up.",
    )
    DecisionFactory(meeting=past, text="Published decision")
    ActionItem.objects.create(
        space=world.public,
        meeting=past,
        title="Overdue action",
        owner=world["member"],
        deadline=timezone.localdate() - dt.timedelta(days=3),
    )
    world.meeting, world.past = meeting, past
    return world


def pages(site):
    s, m, p = site.public.slug, site.meeting.pk, site.past.pk
    return {
        "meetings": (f"spaces/{s}/meetings/", None),
        "meeting": (f"spaces/{s}/meetings/{m}/", None),
        "past meeting": (f"spaces/{s}/meetings/{p}/", None),
        "people": (f"spaces/{s}/forum/people/", None),
        "space page": (f"spaces/{s}/", None),
        "new meeting": (f"spaces/{s}/meetings/new/", "facilitator"),
        "edit meeting": (f"spaces/{s}/meetings/{m}/edit/", "facilitator"),
        "cancel meeting": (f"spaces/{s}/meetings/{m}/cancel/", "facilitator"),
        "register": (f"spaces/{s}/meetings/{m}/register/", "participant"),
        "registrations": (f"spaces/{s}/meetings/{m}/registrations/", "facilitator"),
        "agenda": (f"spaces/{s}/meetings/{m}/agenda/", "facilitator"),
        "minutes": (f"spaces/{s}/meetings/{p}/minutes/", "facilitator"),
        "follow-up": (f"spaces/{s}/forum/actions/", "facilitator"),
        "my meetings": ("meetings/mine/", "member"),
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_forums_page_answers_in_every_language_with_one_h1(client, site, lang):
    for name, (path, who) in pages(site).items():
        client.logout()
        if who:
            client.force_login(site[who])
        response = client.get(f"/{lang}/{path}")
        assert response.status_code == 200, name
        html = response.content.decode()
        assert f'<html lang="{lang}"' in html, name
        assert html.count("<h1") == 1, name


@pytest.mark.parametrize(
    "name",
    ["new meeting", "edit meeting", "cancel meeting", "registrations", "agenda", "minutes", "follow-up"],
)
@pytest.mark.parametrize("who", ["member", "participant", "staff"])
def test_facilitator_pages_are_forbidden_to_others(client, site, name, who):
    client.force_login(site[who])
    assert client.get("/en/" + pages(site)[name][0]).status_code == 403


def test_visitors_are_sent_to_sign_in(client, site):
    for name in ["new meeting", "register", "my meetings"]:
        response = client.get("/en/" + pages(site)[name][0])
        assert response.status_code == 302 and "login" in response["Location"], name


def test_a_members_only_forum_is_hidden_from_outsiders(client, site):
    Space.objects.filter(pk=site.members_only.pk).update(kind="forum")
    meeting = MeetingFactory(space=site.members_only)
    client.force_login(site["participant"])
    slug = site.members_only.slug
    for path in [
        f"spaces/{slug}/meetings/",
        f"spaces/{slug}/meetings/{meeting.pk}/",
        f"spaces/{slug}/forum/people/",
    ]:
        assert client.get(f"/en/{path}").status_code == 404
    assert client.post(f"/en/spaces/{slug}/meetings/{meeting.pk}/register/").status_code == 404
    assert not Registration.objects.filter(meeting=meeting).exists()


def test_a_meeting_is_not_found_through_another_forum_or_a_non_forum_space(client, site):
    other = MeetingFactory()
    assert client.get(f"/en/spaces/{site.public.slug}/meetings/{other.pk}/").status_code == 404
    Space.objects.filter(pk=site.public.pk).update(kind="consultation")
    assert client.get(f"/en/spaces/{site.public.slug}/meetings/").status_code == 404


def test_the_forum_page_shows_next_meeting_themes_actions_decisions_and_proposals(client, site):
    html = client.get(f"/en/spaces/{site.public.slug}/").content.decode()
    assert site.meeting.title in html
    assert "Waiting times" in html
    assert "Overdue action" in html and "Overdue" in html
    assert "Published decision" in html
    assert f"/en/spaces/{site.public.slug}/proposals/" in html


def test_draft_minutes_are_seen_only_by_facilitators(client, site):
    Meeting.objects.filter(pk=site.past.pk).update(minutes_state="draft")
    path = "/en/" + pages(site)["past meeting"][0]
    assert "Published decision" not in client.get(path).content.decode()
    client.force_login(site["facilitator"])
    assert "Published decision" in client.get(path).content.decode()


def _meeting_form(**overrides):
    start = timezone.localtime(timezone.now() + dt.timedelta(days=5))
    data = {
        "title": "Brukarråd i Fjordvik",
        "theme": "Plan for next year",
        "starts_at": start.strftime("%Y-%m-%dT10:00"),
        "ends_at": start.strftime("%Y-%m-%dT12:00"),
        "place": "Rådhuset",
        "online_url": "",
        "capacity": "",
        "access": ["step_free", "hearing_loop"],
    }
    data.update(overrides)
    return data


def test_a_facilitator_creates_a_meeting_in_the_organisations_time_zone(client, site):
    client.force_login(site["facilitator"])
    response = client.post(f"/en/spaces/{site.public.slug}/meetings/new/", _meeting_form())
    assert response.status_code == 302
    meeting = Meeting.objects.latest("pk")
    assert timezone.localtime(meeting.starts_at, timezone.get_fixed_timezone(0)).tzinfo is not None
    local = timezone.localtime(meeting.starts_at, __import__("zoneinfo").ZoneInfo("Europe/Stockholm"))
    assert (local.hour, local.minute) == (10, 0)
    assert meeting.step_free and meeting.hearing_loop and not meeting.quiet_room
    assert AgendaItem.objects.filter(meeting=meeting, is_standing=True).exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required"),
        ({"title": "x" * 151}, "title", "at most 150"),
        ({"starts_at": "not a date"}, "starts_at", "Enter a valid date/time"),
        ({"ends_at": "2020-01-01T00:00"}, "ends_at", "must end after it starts"),
        ({"online_url": "javascript:alert(1)"}, "online_url", "valid URL"),
        ({"place": "", "online_url": ""}, "place", "place, an online link or both"),
        ({"capacity": "0"}, "capacity", "greater than or equal to 1"),
        ({"capacity": "'; DROP TABLE forums_meeting; --"}, "capacity", "whole number"),
        ({"access": ["nonsense"]}, "access", "Select a valid choice"),
    ],
)
def test_bad_meeting_input_is_shown_next_to_the_field_and_kept(
    client, site, unchanged, overrides, field, message
):
    client.force_login(site["facilitator"])
    data = _meeting_form(**overrides)
    with unchanged():
        response = client.post(f"/en/spaces/{site.public.slug}/meetings/new/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert 'value="Rådhuset"' in html or field == "place"


def test_hostile_text_is_shown_as_text(client, site):
    client.force_login(site["facilitator"])
    client.post(
        f"/en/spaces/{site.public.slug}/meetings/new/",
        _meeting_form(title="<script>alert(1)</script>", place="<img src=x onerror=alert(1)>"),
    )
    meeting = Meeting.objects.latest("pk")
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html


def test_a_participant_registers_with_needs_and_the_facilitator_sees_and_exports_them(client, site):
    client.force_login(site["participant"])
    path = f"/en/spaces/{site.public.slug}/meetings/{site.meeting.pk}/"
    response = client.post(path + "register/", {"interpreter": '=HYPERLINK("http://evil")', "diet": "Halal"})
    assert response.status_code == 302
    assert client.post(path + "register/", {}).status_code == 302  # a second post changes the needs
    client.force_login(site["facilitator"])
    html = client.get(path + "registrations/").content.decode()
    assert "Pat Participant" in html and "Interpreter: Arabic" in html
    response = client.get(path + "registrations.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert rows[0][0] == "name"
    assert {row[0] for row in rows[1:]} == {"Pat Participant", "Member Person"}


def test_the_csv_guards_against_formulas(client, site):
    RegistrationFactory(
        meeting=site.meeting, user=site["representative"], interpreter="=1+1", diet="@SUM(A1)"
    )
    client.force_login(site["facilitator"])
    content = client.get(
        f"/en/spaces/{site.public.slug}/meetings/{site.meeting.pk}/registrations.csv"
    ).content.decode()
    assert "'=1+1" in content and "'@SUM(A1)" in content


def test_registering_for_a_full_meeting_says_waiting_list_and_twice_says_already(client, site):
    Meeting.objects.filter(pk=site.meeting.pk).update(capacity=1)
    client.force_login(site["participant"])
    path = f"/en/spaces/{site.public.slug}/meetings/{site.meeting.pk}/register/"
    response = client.post(path, {}, follow=True)
    assert "waiting list" in response.content.decode()


def test_registering_for_a_cancelled_meeting_gives_a_clear_message_and_keeps_input(client, site, unchanged):
    Meeting.objects.filter(pk=site.meeting.pk).update(state="cancelled")
    client.force_login(site["participant"])
    with unchanged():
        response = client.post(
            f"/en/spaces/{site.public.slug}/meetings/{site.meeting.pk}/register/", {"diet": "Vegan food"}
        )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This meeting is cancelled" in html and 'value="Vegan food"' in html


def test_too_long_needs_are_refused(client, site, unchanged):
    client.force_login(site["participant"])
    with unchanged():
        response = client.post(
            f"/en/spaces/{site.public.slug}/meetings/{site.meeting.pk}/register/", {"needs_text": "x" * 1001}
        )
    assert response.status_code == 400


def test_members_propose_and_vote_through_the_pages(client, site):
    path = f"/en/spaces/{site.public.slug}/meetings/{site.meeting.pk}/"
    client.force_login(site["member"])
    assert client.post(path + "agenda/propose/", {"title": "Peer support workers"}).status_code == 302
    item = AgendaItem.objects.get(title="Peer support workers")
    client.force_login(site["representative"])
    client.post(path + f"agenda/{item.pk}/vote/")
    client.post(path + f"agenda/{item.pk}/vote/")
    item.refresh_from_db()
    assert item.vote_count == 1
    client.post(path + f"agenda/{item.pk}/vote/", {"action": "withdraw"})
    item.refresh_from_db()
    assert item.vote_count == 0


def test_an_empty_theme_shows_the_error_on_the_meeting_page(client, site, unchanged):
    client.force_login(site["member"])
    with unchanged():
        response = client.post(
            f"/en/spaces/{site.public.slug}/meetings/{site.meeting.pk}/agenda/propose/", {"title": ""}
        )
    assert response.status_code == 400
    assert 'id="id_agenda-title_error"' in response.content.decode()


def test_a_proposal_of_kind_meeting_theme_is_brought_onto_the_agenda(client, site):
    proposal = ProposalFactory(space=site.public, kind=Kind.MEETING_THEME, title="Quiet room at meetings")
    client.force_login(site["member"])
    path = f"/en/spaces/{site.public.slug}/meetings/{site.meeting.pk}/"
    assert "Quiet room at meetings" in client.get(path).content.decode()
    client.post(path + "agenda/propose/", {"proposal": str(proposal.pk)})
    assert AgendaItem.objects.filter(meeting=site.meeting, proposal=proposal).exists()
    response = client.post(path + "agenda/propose/", {"proposal": "abc"}, follow=True)
    assert response.status_code == 200


def test_the_facilitator_arranges_the_agenda_and_bad_numbers_are_refused(client, site):
    item = AgendaItem.objects.get(meeting=site.meeting, title="Waiting times")
    client.force_login(site["facilitator"])
    path = f"/en/spaces/{site.public.slug}/meetings/{site.meeting.pk}/agenda/"
    client.post(path, {"item": item.pk, "status": "scheduled", "position": "1"})
    item.refresh_from_db()
    assert item.status == "scheduled"
    for bad in ["-1", "1000", "abc", "1; DROP TABLE x"]:
        response = client.post(path, {"item": item.pk, "status": "declined", "position": bad}, follow=True)
        assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == "scheduled"


def test_minutes_with_a_decision_that_answers_a_proposal(client, site):
    proposal = ProposalFactory(space=site.public, author=site["member"], status=Status.UNDER_CONSIDERATION)
    Follow.objects.create(proposal=proposal, user=site["member"])
    client.force_login(site["facilitator"])
    path = f"/en/spaces/{site.public.slug}/meetings/{site.past.pk}/minutes/"
    response = client.post(
        path,
        {
            "form": "decision",
            "text": "Accepted by the group",
            "proposal": proposal.pk,
            "proposal_status": "accepted",
        },
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "accepted"
    assert Notification.objects.filter(user=site["member"], proposal=proposal).exists()


def test_a_decision_with_a_proposal_but_no_status_is_refused_next_to_the_field(client, site, unchanged):
    proposal = ProposalFactory(space=site.public, status=Status.UNDER_CONSIDERATION)
    client.force_login(site["facilitator"])
    with unchanged():
        response = client.post(
            f"/en/spaces/{site.public.slug}/meetings/{site.past.pk}/minutes/",
            {"form": "decision", "text": "Accepted", "proposal": proposal.pk},
        )
    assert response.status_code == 400
    assert 'id="id_decision-proposal_status_error"' in response.content.decode()


def test_an_action_item_with_a_bad_date_or_owner_is_refused(client, site, unchanged):
    client.force_login(site["facilitator"])
    path = f"/en/spaces/{site.public.slug}/meetings/{site.past.pk}/minutes/"
    with unchanged():
        response = client.post(
            path,
            {
                "form": "action",
                "title": "Book a room",
                "owner": site["participant"].pk,
                "deadline": "31/31/2026",
            },
        )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_action-owner_error"' in html and 'id="id_action-deadline_error"' in html


def test_attendance_through_the_page(client, site):
    registration = Registration.objects.get(meeting=site.meeting, user=site["member"])
    Meeting.objects.filter(pk=site.meeting.pk).update(
        state="held",
        starts_at=timezone.now() - dt.timedelta(hours=3),
        ends_at=timezone.now() - dt.timedelta(hours=1),
    )
    client.force_login(site["facilitator"])
    path = f"/en/spaces/{site.public.slug}/meetings/{site.meeting.pk}/registrations/"
    client.post(path, {f"attended_{registration.pk}": "yes", "attended_x": "no"})
    registration.refresh_from_db()
    assert registration.attended is True


def test_the_owner_marks_an_action_done_and_others_may_not(client, site):
    action = ActionItem.objects.get(title="Overdue action")
    client.force_login(site["representative"])
    assert (
        client.post(
            f"/en/spaces/{site.public.slug}/forum/actions/{action.pk}/", {"status": "done"}
        ).status_code
        == 403
    )
    client.force_login(site["member"])
    for evil in ("//evil.example", "/\\evil.example", "https://evil.example/"):
        response = client.post(
            f"/en/spaces/{site.public.slug}/forum/actions/{action.pk}/", {"status": "done", "next": evil}
        )
        assert response["Location"] == f"/en/spaces/{site.public.slug}/"
    action.refresh_from_db()
    assert action.status == "done"


def test_the_member_list_shows_only_who_agreed_and_only_what_they_agreed(client, site):
    MemberListing.objects.create(
        space=site.public, user=site["representative"], show=True, show_organisation=False
    )
    path = f"/en/spaces/{site.public.slug}/forum/people/"
    html = client.get(path).content.decode()
    assert "Representative Person" in html and "Member Person" not in html
    assert "Users&#x27; Voice" not in html
    client.force_login(site["representative"])
    client.post(path, {"show": "on", "show_organisation": "on"})
    client.logout()
    assert "Users&#x27; Voice" in client.get(path).content.decode()
    client.force_login(site["participant"])
    assert client.post(path, {"show": "on"}).status_code == 403
