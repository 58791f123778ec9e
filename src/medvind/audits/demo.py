"""Demo data of the audits app, loaded by `manage.py load_demo` after the surveys demo.

The Swedish audit space "Brukarrevision av boendestödet 2026" (Dalarna-style, seed 004): the region
commissions a user-led audit of the housing support; both sides have accepted the agreement; the team
is the coordinator and two user auditors from the pool; one person in the pool uses the service and is
marked as such; the audit collects answers when the space has a questionnaire."""

import datetime as dt

from medvind.accounts.models import User
from medvind.core.models import Organisation, Space

from . import services
from .models import Phase

PHASES = [Phase.PLANNING, Phase.INSTRUMENTS, Phase.COLLECTION]


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
    }
    for phase in PHASES:
        if phase == Phase.COLLECTION and not space.surveys.exists():
            break
        audit = services.audit_set_phase(audit=audit, actor=coordinator, phase=phase, note=notes[phase])
