"""Demo data of the forums app, loaded by `manage.py load_demo` after the core and proposals demo.

Meetings in every state, in the languages of the forums: held with attendance and published minutes,
held with draft minutes, coming with registrations (one with an interpreter need), full with a waiting
list, and cancelled; agenda themes with votes; decisions (one answers a demo proposal) and action items
that are open, overdue and done."""

import datetime as dt
import zoneinfo

from django.utils import timezone

from medvind.accounts.models import User
from medvind.core import services as core_services
from medvind.core.models import JoinRequest, Space
from medvind.proposals.models import Proposal, Status

from . import services
from .models import AgendaItem, Meeting, MinutesState, Registration


def _at(days: int, hour: int, tz: str) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=zoneinfo.ZoneInfo(tz))


def _meeting(
    space: Space, actor: User, *, days: int, hour: int, tz: str, hours: int = 2, **values
) -> Meeting:
    """Create through the service (which only takes future meetings), then move it to its date."""
    start = _at(days, hour, tz)
    future = timezone.now() + dt.timedelta(days=400)
    meeting = services.meeting_create(
        space=space, actor=actor, starts_at=future, ends_at=future + dt.timedelta(hours=hours), **values
    )
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=start, ends_at=start + dt.timedelta(hours=hours))
    meeting.refresh_from_db()
    return meeting


def _held(meeting: Meeting, actor: User, attendance: dict[User, bool]) -> None:
    services.meeting_mark_held(meeting=meeting, actor=actor)
    registrations = Registration.objects.filter(meeting=meeting, user__in=list(attendance))
    services.attendance_mark(
        meeting=meeting, actor=actor, attended={r.pk: attendance[r.user] for r in registrations}
    )


def _register_in_past(meeting: Meeting, people: list[User]) -> None:
    for person in people:
        Registration.objects.create(meeting=meeting, user=person)


def _items(
    meeting: Meeting, actor: User, themes: list[tuple[User, str, str, list[User]]]
) -> list[AgendaItem]:
    items = []
    for author, title, why, voters in themes:
        item = services.agenda_propose(meeting=meeting, actor=author, title=title, description=why)
        for voter in voters:
            services.agenda_vote(item=item, actor=voter)
        items.append(item)
    return items


def load_demo() -> None:
    people = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@demo.example")}
    group = Space.objects.get(slug="gemensam-utvecklingsgrupp-for-socialtjansten")
    council = Space.objects.get(title="Brukerråd for psykisk helse og rus")
    fjordvik = Space.objects.get(title="Brukarråd i Fjordvik")
    facilitator, participant = people["facilitator"], people["participant"]
    representative, responder, auditor = people["representative"], people["responder"], people["auditor"]
    admin = people["admin"]
    se, no = "Europe/Stockholm", "Europe/Oslo"

    # Helsingborg-style joint development group (sv) ---------------------------------------------
    swot = _meeting(
        group,
        facilitator,
        days=-35,
        hour=13,
        tz=se,
        title="Utvecklingsgruppen: SWOT-analys av samarbetet",
        theme="Styrkor, svagheter, möjligheter och hot i hur vi samarbetar",
        place="Stadshuset, sal Kärnan, Drottninggatan 2",
        step_free=True,
        hearing_loop=True,
        quiet_room=True,
        access_notes="Ingång från Drottninggatan har ramp. Tyst rum finns bredvid salen.",
    )
    _register_in_past(swot, [participant, representative, responder, auditor])
    swot_items = [
        AgendaItem.objects.create(
            space=group, meeting=swot, title=title, status="scheduled", position=i, proposed_by=facilitator
        )
        for i, title in enumerate(["SWOT: vad fungerar och vad fungerar inte", "Hur vi följer upp förslag"])
    ]
    _held(swot, facilitator, {participant: True, representative: True, responder: True, auditor: False})
    services.minutes_save(
        meeting=swot,
        actor=facilitator,
        summary="Vi gjorde en SWOT tillsammans. Dagordningen har satts av förvaltningen, deltagandet är "
        "ojämnt (”vi vet aldrig vem som kommer”), gruppen är stor och alla vågar inte prata, och "
        "uppföljningen saknas. Gruppen vill själv föreslå teman och få återkoppling på varje förslag.",
        notes={
            swot_items[0].pk: "Styrka: engagerade deltagare. Svaghet: förvaltningen sätter dagordningen.",
            swot_items[1].pk: "Varje beslut får en ansvarig och ett datum. Vi tittar på listan varje möte.",
        },
    )
    anhoriga = Proposal.objects.filter(space=group, title="Anhöriga med i planeringen").first()
    if anhoriga is not None and anhoriga.status == Status.UNDER_CONSIDERATION:
        services.decision_add(
            meeting=swot,
            actor=facilitator,
            text="Gruppen stöder förslaget: anhöriga bjuds in till planeringen när brukaren vill det. "
            "Socialförvaltningen tar fram ett arbetssätt tillsammans med Anhörigföreningen Tillsammans.",
            agenda_item=swot_items[1],
            proposal=anhoriga,
            proposal_status=Status.ACCEPTED,
        )
    services.decision_add(
        meeting=swot,
        actor=facilitator,
        text="Medlemmarna föreslår teman till dagordningen och röstar på dem före varje möte.",
        agenda_item=swot_items[0],
    )
    today = timezone.localdate()
    done = services.action_add(
        meeting=swot,
        actor=facilitator,
        title="Skicka ut SWOT-sammanställningen till alla medlemmar",
        owner=facilitator,
        deadline=today - dt.timedelta(days=28),
    )
    services.action_set_status(action=done, actor=facilitator, status="done")
    services.action_add(
        meeting=swot,
        actor=facilitator,
        title="Ta fram en lättläst inbjudan till mötena",
        owner=representative,
        deadline=today - dt.timedelta(days=7),
    )
    services.action_add(
        meeting=swot,
        actor=facilitator,
        title="Undersöka tolk och hörselslinga i alla mötesrum",
        owner=responder,
        deadline=today + dt.timedelta(days=14),
    )
    services.minutes_set_state(meeting=swot, actor=facilitator, state=MinutesState.PUBLISHED)

    draft = _meeting(
        group,
        facilitator,
        days=-6,
        hour=13,
        tz=se,
        title="Utvecklingsgruppen: boendestöd",
        theme="Hur boendestödet upplevs",
        place="Stadshuset, sal Kärnan, Drottninggatan 2",
        online_url="https://meet.example/utvecklingsgruppen",
        step_free=True,
        hearing_loop=True,
    )
    _register_in_past(draft, [participant, representative, auditor])
    _held(draft, facilitator, {participant: True, representative: True, auditor: True})
    services.minutes_save(meeting=draft, actor=facilitator, summary="Utkast: anteckningar skrivs.", notes={})

    coming = _meeting(
        group,
        facilitator,
        days=12,
        hour=13,
        tz=se,
        title="Utvecklingsgruppen: dagordning från medlemmarna",
        theme="Teman som medlemmarna har föreslagit",
        description="Första mötet där medlemmarna sätter dagordningen. Rösta på de teman du vill prata om.",
        place="Stadshuset, sal Kärnan, Drottninggatan 2",
        online_url="https://meet.example/utvecklingsgruppen",
        capacity=25,
        step_free=True,
        hearing_loop=True,
        spoken_interpreter=True,
        easy_read=True,
        assistance=True,
        access_notes="Säg till om du behöver tolk senast en vecka före mötet.",
    )
    services.registration_create(meeting=coming, actor=participant, interpreter="Arabiska", diet="Halal")
    services.registration_create(
        meeting=coming, actor=auditor, assistance=True, needs_text="Jag kommer med rullstol."
    )
    services.registration_create(meeting=coming, actor=representative)
    items = _items(
        coming,
        participant,
        [
            (
                participant,
                "Väntetider till boendestöd",
                "Många väntar länge på att få stöd.",
                [auditor, representative, responder],
            ),
            (auditor, "Lättläst information", "Broschyrerna är svåra att läsa.", [participant]),
            (representative, "Hur vi tar emot nya medlemmar", "Alla ska känna sig välkomna.", []),
        ],
    )
    services.agenda_arrange(meeting=coming, actor=facilitator, item=items[0], status="scheduled", position=1)
    fika = Proposal.objects.filter(space=group, title="Fika efter mötet").first()
    if fika is not None:
        item = services.agenda_from_proposal(meeting=coming, actor=participant, proposal=fika)
        services.agenda_vote(item=item, actor=auditor)

    full = _meeting(
        group,
        facilitator,
        days=30,
        hour=10,
        tz=se,
        title="Studiebesök: brukarstyrd verksamhet",
        theme="Vi besöker en brukarstyrd verksamhet i grannkommunen",
        place="Brukarhuset, Storgatan 14",
        capacity=2,
        step_free=True,
    )
    for person in (participant, auditor, responder, representative):
        services.registration_create(meeting=full, actor=person)

    cancelled = _meeting(
        group,
        facilitator,
        days=5,
        hour=13,
        tz=se,
        title="Extra möte om sommarens öppettider",
        place="Stadshuset, sal Kärnan",
    )
    services.registration_create(meeting=cancelled, actor=participant)
    services.meeting_cancel(
        meeting=cancelled, actor=facilitator, reason="Frågan tas upp på nästa ordinarie möte i stället."
    )

    services.listing_set(space=group, actor=representative, show=True, show_organisation=True)
    services.listing_set(space=group, actor=participant, show=True, show_organisation=False)

    # User council (nb) ---------------------------------------------------------------------------
    request = JoinRequest.objects.filter(space=council, user=people["deltaker"], status="pending").first()
    if request is not None:
        core_services.join_request_decide(join_request=request, actor=admin, accept=True)
    deltaker = people["deltaker"]
    past_nb = _meeting(
        council,
        admin,
        days=-20,
        hour=17,
        tz=no,
        title="Brukerrådsmøte: lavterskeltilbud",
        theme="Åpningstider på aktivitetssenteret",
        place="Rådhuset, møterom 3",
        step_free=True,
        sign_language=True,
    )
    _register_in_past(past_nb, [deltaker])
    _held(past_nb, admin, {deltaker: True})
    services.decision_add(
        meeting=past_nb,
        actor=admin,
        text="Brukerrådet ber kommunen holde aktivitetssenteret åpent på lørdager.",
    )
    services.action_add(
        meeting=past_nb,
        actor=admin,
        title="Sende rådets uttalelse til kommunedirektøren",
        owner=admin,
        deadline=today - dt.timedelta(days=3),
    )
    services.minutes_save(
        meeting=past_nb, actor=admin, summary="Godt oppmøte. Rådet ble enige om en uttalelse.", notes={}
    )
    services.minutes_set_state(meeting=past_nb, actor=admin, state=MinutesState.PUBLISHED)
    coming_nb = _meeting(
        council,
        admin,
        days=9,
        hour=17,
        tz=no,
        title="Brukerrådsmøte: rusomsorg",
        theme="Oppfølging etter behandling",
        place="Rådhuset, møterom 3",
        online_url="https://meet.example/brukerradet",
        capacity=12,
        sign_language=True,
    )
    services.registration_create(meeting=coming_nb, actor=deltaker, interpreter="Tegnspråk")
    _items(coming_nb, deltaker, [(deltaker, "Ventetid på avrusning", "Folk venter for lenge.", [admin])])

    # Fjordvik (nn) ---------------------------------------------------------------------------
    deltakar = people["deltakar"]
    core_services.space_join(space=fjordvik, actor=deltakar)
    past_nn = _meeting(
        fjordvik,
        admin,
        days=-60,
        hour=12,
        tz=no,
        title="Brukarrådsmøte: helsestasjonen",
        place="Kommunehuset, Fjordvik",
        step_free=True,
    )
    _register_in_past(past_nn, [deltakar])
    _held(past_nn, admin, {deltakar: True})
    services.decision_add(
        meeting=past_nn, actor=admin, text="Rådet vil ha lengre opningstid på helsestasjonen for ungdom."
    )
    action = services.action_add(
        meeting=past_nn,
        actor=admin,
        title="Spørje helsestasjonen om kveldsope",
        owner=deltakar,
        deadline=today - dt.timedelta(days=30),
    )
    services.action_set_status(action=action, actor=deltakar, status="done")
    services.minutes_save(meeting=past_nn, actor=admin, summary="Eit godt møte med mange innspel.", notes={})
    services.minutes_set_state(meeting=past_nn, actor=admin, state=MinutesState.PUBLISHED)
    coming_nn = _meeting(
        fjordvik,
        admin,
        days=20,
        hour=12,
        tz=no,
        title="Brukarrådsmøte: eldreomsorg",
        theme="Heimetenester om kvelden",
        place="Kommunehuset, Fjordvik",
        quiet_room=True,
    )
    services.registration_create(meeting=coming_nn, actor=deltakar, diet="Glutenfritt")
    services.listing_set(space=fjordvik, actor=deltakar, show=True, show_organisation=False)
