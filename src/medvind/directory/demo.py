"""Demo data of the contact bank and recruitment, loaded after the core demo.

Contact bank entries for the demo organisations in Sweden, Denmark and Norway; two listed
representatives (one Danish, one Swedish); two people in the experience panel; an open call for the Swedish joint development group with
two applications (one selected, one waiting); a call for the experience panel with one application
waiting; and a closed call for the Norwegian user council.
Pia, selected through the call, is the one new member: the group's page welcomes her (next meeting,
the learning path for new members); every other membership of the demo is months old."""

import datetime as dt

from django.utils import timezone

from medvind.accounts.models import User
from medvind.core.models import Organisation, Space, SpaceMembership

from . import panel, services
from .models import Application, Call

ENTRIES = {
    "exempelkommun": {
        "what_we_do": "Socialförvaltningen ger stöd till barn, vuxna och familjer. Vi arbetar med brukarinflytande "
        "i en gemensam utvecklingsgrupp med brukar- och anhörigorganisationerna.",
        "for_whom": "Alla som bor i Exempelkommun",
        "phone": "010-123 45 00",
    },
    "boendestod-exempelkommun": {
        "what_we_do": "Boendestöd är stöd i hemmet: att klara vardagen, ekonomin och kontakter med andra.",
        "for_whom": "Vuxna med psykisk funktionsnedsättning",
        "phone": "010-123 45 10",
    },
    "foreningen-brukarrost": {
        "what_we_do": "Vi är en brukarorganisation för människor med egen erfarenhet av psykisk ohälsa. Vi gör "
        "brukarrevisioner, har samtalsgrupper och företräder medlemmarna i kommunens utvecklingsgrupp.",
        "for_whom": "Människor med egen erfarenhet av psykisk ohälsa",
        "phone": "070-111 22 33",
        "website": "https://brukarrost.example",
    },
    "anhorigforeningen-tillsammans": {
        "what_we_do": "Vi ger stöd och råd till anhöriga och träffas varannan vecka.",
        "for_whom": "Anhöriga till personer med psykisk ohälsa eller beroende",
        "email": "kontakt@tillsammans.example",
    },
    "frivilligcentralen-exempelkommun": {
        "what_we_do": "Frivilliga följer med till möten, håller språkcafé och leder samtalsgrupper.",
        "for_whom": "Alla som behöver en medmänniska i vardagen",
        "email": "frivillig@exempelkommun.example",
    },
    "foreningen-medspil": {
        "what_we_do": "Vi er en brugerforening for mennesker med psykiske vanskeligheder og deres pårørende. "
        "Vi deltager i kommunens samskabelse om fremtidens botilbud.",
        "for_whom": "Mennesker med psykiske vanskeligheder og pårørende",
        "email": "kontakt@medspil.example",
        "phone": "+45 12 34 56 78",
    },
    "brukerforeningen-stemmen": {
        "what_we_do": "Vi er en brukerorganisasjon for folk med erfaring fra psykisk helse- og rustjenester, og "
        "vi sitter i kommunens brukerråd.",
        "for_whom": "Folk med erfaring fra psykisk helse og rus",
        "email": "post@stemmen.example",
    },
}


def load_demo() -> bool:
    if Call.objects.exists():
        return False
    people = {user.email.split("@")[0]: user for user in User.objects.filter(email__endswith="@demo.example")}
    admin = people["admin"]
    orgs = {org.slug: org for org in Organisation.objects.all()}
    municipality = {
        "SE": orgs["exempelkommun"],
        "DK": orgs["eksempelby-kommune"],
        "NO": orgs["eksempel-kommune"],
    }
    for slug, values in ENTRIES.items():
        org = orgs[slug]
        services.entry_save(
            organisation=org,
            actor=admin,
            municipality=municipality[org.country],
            **values,
        )

    services.listing_save(
        actor=people["deltager"],
        display_name="Mette",
        organisation=orgs["foreningen-medspil"],
        experience_areas="bostøtte, psykiatri, pårørende",
        languages=["da", "en"],
        can_help_with="Jeg fortæller gerne om at være brugerrepræsentant i samskabelse med kommunen.",
    )
    services.listing_save(
        actor=people["representative"],
        display_name="Robin Sand",
        organisation=orgs["foreningen-brukarrost"],
        experience_areas="boendestöd, psykiatri, brukarrevision",
        languages=["sv", "nb"],
        can_help_with="Jag berättar gärna hur en brukarrevision går till: enkät, intervjuer och rapport.",
    )

    panel.panel_join(actor=people["deltager"], experience_areas="bostøtte, psykiatri", languages=["da"])
    panel.panel_join(actor=people["auditor"], experience_areas="boendestöd, beroende", languages=["sv"])

    now = timezone.now()
    group = Space.objects.get(slug="gemensam-utvecklingsgrupp-for-socialtjansten")
    call = services.call_create(
        space=group,
        actor=people["facilitator"],
        title="Brukarrepresentanter till den gemensamma utvecklingsgruppen",
        description="Vi söker två personer med egen erfarenhet av socialtjänstens stöd, till exempel boendestöd "
        "eller beroendevård. Du företräder din förening i utvecklingsgruppen och tar med medlemmarnas frågor.",
        requirements="Egen erfarenhet som brukare eller anhörig, och att du är med i en brukar- eller "
        "anhörigorganisation.",
        time_needed="Ett möte i månaden, två timmar, plus lite läsning före mötet.",
        compensation="Arvode 500 kronor per möte och ersättning för resor.",
        deadline=now + dt.timedelta(days=21),
        role=SpaceMembership.Role.REPRESENTATIVE,
    )
    selected = services.apply(
        call=call,
        actor=people["participant"],
        motivation="Jag har haft boendestöd i fem år och vill att fler ska få vara med och påverka stödet.",
        experience_areas="boendestöd, psykiatri",
        availability="Vardagar efter klockan 13",
        needs="Jag vill få handlingarna en vecka före mötet.",
        organisation=orgs["foreningen-brukarrost"],
    )
    # The demo's memberships are months old, so the welcome of new members shows only where it should:
    # Pia's place in the group, which she gets now through the call.
    SpaceMembership.objects.update(created_at=now - dt.timedelta(days=120))
    services.application_decide(
        application=selected,
        actor=people["facilitator"],
        status=Application.Status.SELECTED,
        message="Välkommen! Nästa möte står i kalendern för utvecklingsgruppen.",
    )
    SpaceMembership.objects.filter(space=group, user=people["participant"]).update(created_at=now)
    services.apply(
        call=call,
        actor=people["auditor"],
        motivation="Jag är brukarrevisor och vill föra in det vi lärde oss i revisionen av boendestödet.",
        experience_areas="brukarrevision, intervjuer, enkät",
        availability="Måndagar och torsdagar",
    )

    council = Space.objects.get(slug="brukerrad-for-psykisk-helse-og-rus")
    closed = services.call_create(
        space=council,
        actor=admin,
        title="Nye medlemmer til brukerrådet",
        description="Brukerrådet søkte to nye medlemmer med erfaring fra psykisk helse- og rustjenester.",
        time_needed="Fire møter i året.",
        compensation="Møtegodtgjørelse etter kommunens satser.",
        deadline=now + dt.timedelta(days=1),
        role=SpaceMembership.Role.MEMBER,
    )
    services.call_close(call=closed, actor=admin)

    panel_call = services.call_create(
        space=group,
        actor=people["facilitator"],
        title="Erfarenhetspanelen söker fler röster",
        description="Erfarenhetspanelen är personer med egen erfarenhet av socialtjänsten som vill svara på "
        "korta frågor några gånger om året, till exempel om en ny broschyr eller om öppettider. Du svarar när "
        "du vill, och ingen ser vem som svarat vad.",
        requirements="Egen erfarenhet som brukare eller anhörig.",
        time_needed="Några minuter, några gånger om året.",
        compensation="Ingen ersättning. Du får veta vad svaren ledde till.",
        deadline=now + dt.timedelta(days=30),
        role=Call.PANEL,
    )
    services.apply(
        call=panel_call,
        actor=people["representative"],
        motivation="Jag vill att fler ska kunna tycka till utan att gå på möten.",
        experience_areas="psykiatri, anhörig",
        availability="När som helst",
    )
    return True
