"""Demo data of the audits app, loaded by `manage.py load_demo` after the surveys demo.

The Swedish audit space "Brukarrevision av boendestödet 2026" (Dalarna-style, seed 004): the region
commissions a user-led audit of the housing support; both sides accept the agreement; the team is the
coordinator and two user auditors from the pool (one more person in the pool uses the service and is
marked as such). With the surveys demo's questionnaires the audit goes all the way: the auditors write
the report, it is published (with its PDF and the questionnaire's figures), and the service answers each
recommendation with an action plan. A follow-up audit is started in its own space, where the agreement
waits to be accepted. Without a questionnaire in the space it stops before the data collection."""

import datetime as dt

from django.utils import timezone

from medvind.accounts.models import User
from medvind.core.models import Organisation, Space

from . import services
from .models import Audit, Phase

PHASES = [Phase.PLANNING, Phase.INSTRUMENTS, Phase.COLLECTION, Phase.ANALYSIS, Phase.WRITING]

REPORT = {
    "easy_read": "Vi har frågat 60 personer som får boendestöd hur de har det.\n\n"
    "- De flesta tycker att personalen är snäll och lyssnar.\n"
    "- Många vill ha stöd också på kvällen.\n"
    "- Många vet inte vad som står i deras plan.\n\n"
    "Vi föreslår tre saker. Boendestödet har svarat på alla tre.",
    "background": "Region Mellanland och Exempelkommun ville veta hur de som får boendestöd upplever stödet. "
    "Brukarrevisorerna har själva erfarenhet av psykiatri och boendestöd, men inte av just den här verksamheten.",
    "method": "Två utbildade brukarrevisorer och en samordnare skrev en enkät och en intervjuguide tillsammans "
    "med verksamheten. 60 personer svarade: på nätet, på papper och i intervjuer. Inga svar går att "
    "koppla till en person, och inga siffror visas för grupper med färre än fem svar.",
    "findings": "De flesta är nöjda med bemötandet: personalen tar sig tid och lyssnar. Samtidigt säger många "
    "att stödet tar slut när det behövs mest, på kvällar och helger. Få har sett sin genomförandeplan, och "
    "flera vet inte att de kan vara med och skriva den.\n\nJämfört med enkäten 2024 har fler fått veta vem "
    "de ska ringa när deras kontaktperson är ledig.",
    "recommendations": "Vi föreslår tre förändringar. Verksamhetens svar står under varje rekommendation.",
}
RECOMMENDATIONS = [
    (
        "Erbjud boendestöd också på kvällar och helger, åtminstone per telefon.",
        "partly",
        "Vi kan inte ha personal på plats varje kväll, men vi prövar telefonstöd till klockan 21.",
        "Telefonstöd vardagar 17–21 under ett halvår, sedan utvärdering med brukarrådet.",
        "Enhetschef för boendestödet",
        120,
        "in_progress",
    ),
    (
        "Gå igenom genomförandeplanen tillsammans med varje person, i lugn och ro och på lättläst svenska.",
        "agree",
        "Vi håller med. Alla ska veta vad som står i planen och få vara med och skriva den.",
        "Ny mall för planen på lättläst svenska; genomgång med varje person vid nästa uppföljning.",
        "Boendestödjarna, med stöd av kvalitetsutvecklaren",
        -10,
        "done",
    ),
    (
        "Låt brukarna vara med när nya boendestödjare anställs.",
        "disagree",
        "Vi tror på idén, men anställningar styrs av regler som vi inte kan ändra i år. Vi tar upp frågan i "
        "socialnämnden.",
        "",
        "",
        None,
        "not_started",
    ),
]


def load_demo() -> None:
    people = {p.email.split("@")[0]: p for p in User.objects.filter(email__endswith="@demo.example")}
    space = Space.objects.get(slug="brukarrevision-av-boendestodet-2026")
    service = Organisation.objects.get(name="Boendestöd Exempelkommun")
    coordinator = people["coordinator"]
    audit = services.audit_commission(
        space=space,
        actor=coordinator,
        service=service,
        commissioner=Organisation.objects.get(name="Region Mellanland"),
        question="Hur upplever de som får boendestöd att stödet hjälper dem i vardagen? Får de vara med och "
        "bestämma över sitt stöd?",
        target_group="Vuxna som får boendestöd i Exempelkommun",
        timetable="Februari: planering. Mars: enkäten och intervjuguiden. April–maj: intervjuer och enkät. "
        "Juni: analys. Augusti: rapporten skrivs och faktagranskas. September: rapporten presenteras.",
        who_informs="Boendestödjarna lämnar informationsbrevet (också på lättläst svenska) vid sina besök. "
        "Revisorerna berättar om granskningen på träffpunkten.",
        reporting_back="Revisorerna presenterar rapporten för brukarna, personalen och socialnämnden. "
        "En lättläst sammanfattning skickas till alla som svarat och vill ha den.",
        follow_up_months=6,
        retention_months=12,
    )
    services.information_save(
        audit=audit,
        actor=coordinator,
        information="Region Mellanland och Exempelkommun vill veta hur boendestödet fungerar för dig. Därför "
        "frågar brukarrevisorer dig: personer som själva har erfarenhet av stöd och psykiatri.\n\n"
        "- Det är frivilligt att svara. Du kan sluta när du vill.\n"
        "- Ditt namn sparas inte, och ingen kan se vad just du har svarat.\n"
        "- Du kan svara på nätet, på papper eller i en intervju.\n\n"
        "I september presenterar revisorerna vad de har kommit fram till, på träffpunkten och här.",
        easy_read="Vi vill veta vad du tycker om boendestödet.\n\n"
        "Du får svara om du vill.\n\nVi skriver inte ditt namn.\n\nDu kan svara på papper eller prata med oss.",
    )
    services.agreement_accept(audit=audit, actor=people["responder"], side="service")
    services.agreement_accept(audit=audit, actor=coordinator, side="auditors")

    pool = [
        ("auditor", "Boendestöd, psykiatri, LSS", ["sv", "en"], "Vardagar förmiddag", []),
        ("representative", "Anhörigstöd, beroendevård", ["sv"], "Kvällar", []),
        ("participant", "Boendestöd", ["sv"], "Tisdagar", [service]),  # uses the service: cannot audit it
    ]
    for key, areas, languages, availability, used in pool:
        services.pool_join(
            actor=people[key],
            experience_areas=areas,
            languages=languages,
            availability=availability,
            services_used=used,
        )
    services.training_add(
        actor=people["auditor"],
        course="Utbildning till brukarrevisor (grundkurs)",
        started_on=dt.date(2025, 9, 1),
        ended_on=dt.date(2025, 10, 27),
        hours=40,
    )
    services.training_add(
        actor=people["representative"],
        course="Intervjuteknik för brukarrevisorer",
        started_on=dt.date(2026, 1, 13),
        ended_on=dt.date(2026, 1, 14),
        hours=12,
    )
    for key in ("auditor", "representative"):
        services.team_add(audit=audit, actor=coordinator, user=people[key])

    notes = {
        Phase.PLANNING: "Överenskommelsen är godkänd av båda parter.",
        Phase.INSTRUMENTS: "Teamet är klart: två brukarrevisorer och en samordnare.",
        Phase.COLLECTION: "Enkäten är öppen och intervjuerna börjar.",
        Phase.ANALYSIS: "60 svar: på nätet, på papper och i intervjuer.",
        Phase.WRITING: "Revisorerna skriver rapporten tillsammans.",
    }
    for phase in PHASES:
        if phase == Phase.COLLECTION and not space.surveys.exists():
            return
        audit = services.audit_set_phase(
            audit=audit, actor=coordinator, phase=phase, note=notes.get(phase, "")
        )
    audit = _report(audit, people)
    # The follow-up the reminder will ask for: its own space, the questionnaire again.
    services.follow_up_start(audit=audit, actor=coordinator)


def _report(audit: Audit, people: dict[str, User]) -> Audit:
    auditor, coordinator, service_head = people["auditor"], people["coordinator"], people["responder"]
    for kind, text in REPORT.items():
        services.report_section_save(audit=audit, actor=auditor, kind=kind, text=text, version=0)
    recommendations = [
        services.recommendation_add(audit=audit, actor=auditor, text=text) for text, *_rest in RECOMMENDATIONS
    ]
    audit = services.audit_set_phase(
        audit=audit, actor=coordinator, phase=Phase.FACTUAL_CHECK, note="Verksamheten granskar fakta."
    )
    audit = services.audit_set_phase(
        audit=audit, actor=coordinator, phase=Phase.PUBLISHED, note="Rapporten presenterades på träffpunkten."
    )
    audit = services.audit_set_phase(audit=audit, actor=coordinator, phase=Phase.RESPONSE)
    today = timezone.localdate()
    for recommendation, (_text, stance, answer, action, owner, days, progress) in zip(
        recommendations, RECOMMENDATIONS, strict=True
    ):
        recommendation.audit = audit
        services.recommendation_answer(
            recommendation=recommendation,
            actor=service_head,
            stance=stance,
            answer=answer,
            action=action,
            owner=owner,
            deadline=today + dt.timedelta(days=days) if days is not None else None,
        )
        if progress != "not_started":
            services.recommendation_progress(
                recommendation=recommendation, actor=service_head, progress=progress
            )
    return audit
