"""Demo proposals in every state: answered, in progress, done, declined, parked, overdue, merged, hidden,
and an anonymous postbox letter. Runs after core.demo, on the same people and spaces."""

import datetime as dt

from django.utils import timezone

from medvind.accounts.models import User
from medvind.core import services as core_services
from medvind.core.models import Organisation, Space

from . import services
from .models import Answer, Kind, Proposal, Status


def _age(proposal: Proposal, days: int) -> None:
    """Move a demo proposal back in time, with its deadline and answers."""
    created = timezone.now() - dt.timedelta(days=days)
    Proposal.objects.filter(pk=proposal.pk).update(
        created_at=created,
        last_activity_at=created,
        deadline=timezone.localdate(created) + dt.timedelta(days=30),
    )
    proposal.refresh_from_db()


def _answers(
    proposal: Proposal, actor: User, steps: list[tuple[str, str, int | None]], days_after: list[int]
) -> None:
    for (status, text, progress), after in zip(steps, days_after, strict=True):
        answered_before = proposal.answered_at
        answer = services.proposal_answer(
            proposal=proposal, actor=actor, status=status, text=text, progress=progress
        )
        when = proposal.created_at + dt.timedelta(days=after)
        Answer.objects.filter(pk=answer.pk).update(created_at=when)
        proposal.refresh_from_db()
        updates: dict = {"last_activity_at": when}
        if answered_before is None and proposal.answered_at:
            updates.update(answered_at=when, answer_days=after)
        if proposal.closed_at:
            updates["closed_at"] = when
        Proposal.objects.filter(pk=proposal.pk).update(**updates)
        proposal.refresh_from_db()


def load_demo() -> None:
    people = {u.email.split("@")[0]: u for u in User.objects.filter(email__endswith="@demo.example")}
    group = Space.objects.get(slug="gemensam-utvecklingsgrupp-for-socialtjansten")
    workshop = Space.objects.get(slug="workshop-og-paneldebat-om-fagsystemet")
    facilitator, responder = people["facilitator"], people["responder"]
    boendestod = Organisation.objects.get(slug="boendestod-exempelkommun")
    systemejer = Organisation.objects.get(slug="faellessystem-for-born-og-unge-systemejer")

    core_services.space_update(
        space=workshop, actor=people["admin"], anonymous_proposals=True, answer_days=21
    )
    themes = {
        name: services.theme_save(
            space=group, actor=facilitator, name=name, responder=resp, responder_organisation=org
        )
        for name, resp, org in [
            ("Boende och boendestöd", responder, boendestod),
            ("Sysselsättning och meningsfull vardag", facilitator, None),
            ("Bemötande och information", responder, None),
            ("Nästa möte", facilitator, None),
        ]
    }

    def submit(
        author: str | None,
        title: str,
        body: str,
        theme: str | None = None,
        kind: str = Kind.IDEA,
        space: Space = group,
        **extra,
    ) -> Proposal:
        return services.proposal_submit(
            space=space,
            actor=people[author] if author else people["admin"],
            title=title,
            body=body,
            kind=kind,
            theme=themes[theme] if theme else None,
            language=space.language,
            anonymous=author is None,
            **extra,
        )

    done = submit(
        "participant",
        "Längre öppettider på träfflokalen",
        "Många av oss har svårt med kvällarna. Kan träfflokalen vara öppen till klockan 20 två dagar i "
        "veckan?",
        "Sysselsättning och meningsfull vardag",
    )
    _age(done, 120)
    _answers(
        done,
        facilitator,
        [
            (Status.RECEIVED, "Tack! Vi tar upp förslaget på nästa möte i utvecklingsgruppen.", None),
            (
                Status.UNDER_CONSIDERATION,
                "Vi räknar på personal och kostnad tillsammans med Socialpsykiatrin.",
                None,
            ),
            (
                Status.ACCEPTED,
                "Ja. Träfflokalen öppnar till 20 på tisdagar och torsdagar från oktober.",
                None,
            ),
            (Status.IN_PROGRESS, "Personal är anställd. Vi prövar under hösten.", 50),
            (Status.DONE, "Klart. Kvällsöppet tisdag och torsdag. Vi följer upp i vår.", None),
        ],
        [3, 10, 21, 40, 70],
    )

    progress = submit(
        "representative",
        "Brukarrevisorer ska få arvode",
        "Brukarrevisorer lägger ner mycket tid. De ska få arvode och ersättning för resor, som andra "
        "som anlitas av kommunen.",
        "Bemötande och information",
    )
    _age(progress, 60)
    _answers(
        progress,
        responder,
        [
            (Status.RECEIVED, "Tack för förslaget. Vi tittar på hur andra kommuner gör.", None),
            (Status.UNDER_CONSIDERATION, "Vi tar fram ett förslag till beslut i socialnämnden.", None),
            (Status.PARTLY_ACCEPTED, "Arvode införs. Reseersättning utreds vidare med regionen.", None),
            (Status.IN_PROGRESS, "Arvodet gäller från januari. Reglerna skrivs nu.", 60),
        ],
        [2, 9, 25, 45],
    )

    declined = submit(
        "auditor",
        "Egen parkeringsplats för besökare vid boendet",
        "Det är svårt att hitta parkering när man hälsar på.",
        "Boende och boendestöd",
    )
    _age(declined, 50)
    _answers(
        declined,
        responder,
        [
            (Status.RECEIVED, "Tack, vi har tagit emot förslaget.", None),
            (Status.UNDER_CONSIDERATION, "Vi har frågat fastighetsägaren.", None),
            (
                Status.DECLINED,
                "Tyvärr äger kommunen inte marken. Vi har i stället satt upp skyltar till "
                "infartsparkeringen 200 meter bort.",
                None,
            ),
        ],
        [4, 12, 34],
    )

    parked = submit(
        "participant",
        "Studiebesök hos brukarstyrd verksamhet i grannkommunen",
        "Vi vill se hur de arbetar med brukarstyrning.",
        "Nästa möte",
        kind=Kind.MEETING_THEME,
    )
    _age(parked, 40)
    _answers(
        parked,
        facilitator,
        [
            (Status.RECEIVED, "Bra idé!", None),
            (Status.UNDER_CONSIDERATION, "Vi kollar budget för resor.", None),
            (Status.PARKED, "Vi parkerar idén till våren, när resebudgeten för nästa år är klar.", None),
        ],
        [1, 7, 14],
    )

    overdue = submit(
        "participant",
        "Information på lättläst svenska om boendestöd",
        "Broschyren om boendestöd är svår att läsa. Gör en lättläst version, gärna med bilder.",
        "Boende och boendestöd",
    )
    _age(overdue, 45)
    _answers(overdue, responder, [(Status.RECEIVED, "Tack. Vi återkommer.", None)], [6])

    overdue2 = submit(
        "representative",
        "Samma kontaktperson hela tiden",
        "Det är jobbigt att byta kontaktperson. Kan man få behålla samma?",
        "Boende och boendestöd",
    )
    _age(overdue2, 38)

    consider = submit(
        "auditor",
        "Anhöriga med i planeringen",
        "Anhöriga vill vara med när stödet planeras, om brukaren vill det.",
        "Bemötande och information",
    )
    _age(consider, 12)
    _answers(
        consider,
        responder,
        [
            (Status.RECEIVED, "Tack för förslaget.", None),
            (
                Status.UNDER_CONSIDERATION,
                "Vi pratar med Anhörigföreningen Tillsammans om hur det kan gå till.",
                None,
            ),
        ],
        [1, 5],
    )

    fresh = submit(
        "participant",
        "Fika efter mötet",
        "Vi vill ha tid att prata efter mötena, med fika.",
        "Nästa möte",
        kind=Kind.MEETING_THEME,
    )
    duplicate = submit(
        "auditor",
        "Kaffe och prat efter mötena",
        "Kan vi stanna och fika efteråt?",
        "Nästa möte",
        kind=Kind.MEETING_THEME,
    )
    for key in ("representative", "responder", "auditor"):
        services.proposal_support(proposal=fresh, actor=people[key])
    for key in ("representative", "auditor", "responder", "facilitator"):
        services.proposal_support(proposal=progress, actor=people[key])
    for key in ("participant", "auditor"):
        services.proposal_support(proposal=overdue, actor=people[key])
    services.proposal_merge(duplicate=duplicate, into=fresh, actor=facilitator)

    first = services.comment_add(
        proposal=overdue, actor=people["auditor"], body="Ja! Och gärna en film med textning också."
    )
    services.comment_add(
        proposal=overdue,
        actor=people["representative"],
        parent=first,
        body="Föreningen Brukarröst kan hjälpa till att testa texten.",
    )
    rude = services.comment_add(proposal=fresh, actor=people["participant"], body="Det här är ett test.")
    services.content_hide(
        proposal=fresh, comment=rude, actor=facilitator, reason="Kommentaren hörde inte till ämnet."
    )

    # The Danish system owner's workshop: change requests, one from the anonymous postbox.
    letter = submit(
        None,
        "Fanen med handleplaner er svær at finde",
        "Jeg bruger lang tid på at finde handleplanen. Den burde ligge på forsiden af sagen.",
        kind=Kind.CHANGE_REQUEST,
        space=workshop,
        concerns=systemejer,
        contact_email="postkasse.demo@demo.example",
    )
    _age(letter, 10)
    services.proposal_assign(
        proposal=letter, actor=people["admin"], responder=people["admin"], responder_organisation=systemejer
    )
    services.proposal_answer(
        proposal=letter,
        actor=people["admin"],
        status=Status.RECEIVED,
        text="Tak for dit input. Vi tager det med til næste workshop om fagsystemet.",
    )
    request = submit(
        "deltager",
        "Kortere svartid når systemet gemmer",
        "Systemet fryser i flere sekunder, når man gemmer en sag.",
        kind=Kind.CHANGE_REQUEST,
        space=workshop,
        concerns=systemejer,
    )
    _age(request, 30)
