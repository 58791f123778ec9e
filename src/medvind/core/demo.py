"""The demo: fictional municipalities, user organisations, services, spaces and people for every role.

Drawn from the seed texts: Helsingborg's joint development group, Dalarna's user-led audits,
the Danish DUBU workshops and Rudersdal's co-creation. Every name is made up."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from medvind.accounts.models import User

from . import services
from .models import Invitation, Organisation, OrganisationMembership, Space, SpaceMembership

DEMO_PASSWORD = "medvind-demo"


@dataclass(frozen=True)
class DemoPerson:
    email: str
    name: str
    language: str
    role: str


PEOPLE = [
    DemoPerson("admin@demo.example", "Alva Admin", "en", "Platform administrator"),
    DemoPerson(
        "facilitator@demo.example",
        "Fatima Lund",
        "sv",
        "Facilitator of the joint development group (staff, Exempelkommun)",
    ),
    DemoPerson("responder@demo.example", "Rasmus Ek", "sv", "Responder (head of Boendestöd, Exempelkommun)"),
    DemoPerson(
        "participant@demo.example",
        "Pia",
        "sv",
        "Participant (service user, member of the joint development group)",
    ),
    DemoPerson(
        "representative@demo.example",
        "Robin Sand",
        "sv",
        "User representative for Föreningen Brukarröst; co-facilitator",
    ),
    DemoPerson(
        "coordinator@demo.example",
        "Karin Dahl",
        "sv",
        "Coordinator of the user-led audit (Brukarrevision Dalarna-style)",
    ),
    DemoPerson("auditor@demo.example", "Ahmed", "sv", "User auditor in the audit team"),
    DemoPerson("deltager@demo.example", "Mette", "da", "Participant in Eksempelby Kommune (Danish)"),
    DemoPerson("deltaker@demo.example", "Ingrid", "nb", "Participant in Eksempel kommune (Norwegian Bokmål)"),
    DemoPerson(
        "deltakar@demo.example", "Sigrid", "nn", "Participant in Fjordvik kommune (Norwegian Nynorsk)"
    ),
]


def _person(p: DemoPerson) -> User:
    user = User.objects.create_user(p.email, DEMO_PASSWORD, display_name=p.name, language=p.language)
    EmailAddress.objects.create(user=user, email=p.email, verified=True, primary=True)
    return user


def demo_exists() -> bool:
    return User.objects.filter(email="admin@demo.example").exists()


@transaction.atomic
def load_demo() -> bool:
    """Load the demo once. Returns False if it was already there."""
    if demo_exists():
        return False
    people = {p.email.split("@")[0]: _person(p) for p in PEOPLE}
    admin = people["admin"]
    admin.is_superuser = admin.is_staff = True
    admin.save()

    def org(name, kind, country, language, parent=None, description="", **extra):
        return services.organisation_create(
            actor=admin,
            name=name,
            kind=kind,
            country=country,
            language=language,
            parent=parent,
            description=description,
            **extra,
        )

    K = Organisation.Kind
    # Sweden -------------------------------------------------------------------------------------
    exempel = org(
        "Exempelkommun",
        K.MUNICIPALITY,
        "SE",
        "sv",
        description="Socialförvaltningen i Exempelkommun arbetar med brukarinflytande tillsammans med "
        "brukar-, patient- och anhörigorganisationer.",
        website="https://exempelkommun.example",
        email="socialforvaltningen@exempelkommun.example",
        require_staff_mfa=False,
    )
    boendestod = org(
        "Boendestöd Exempelkommun",
        K.SERVICE,
        "SE",
        "sv",
        parent=exempel,
        description="Stöd i hemmet för vuxna med psykisk funktionsnedsättning.",
    )
    org(
        "Socialpsykiatrin Exempelkommun",
        K.SERVICE,
        "SE",
        "sv",
        parent=exempel,
        description="Sysselsättning, träfflokaler och boende med särskild service.",
    )
    org(
        "Beroendemottagningen Exempelkommun",
        K.SERVICE,
        "SE",
        "sv",
        parent=exempel,
        description="Stöd och behandling vid missbruk och beroende.",
    )
    region = org(
        "Region Mellanland",
        K.REGION,
        "SE",
        "sv",
        description="Regionen samverkar med kommunerna om brukarrevision och brukarinflytande.",
    )
    brukarrost = org(
        "Föreningen Brukarröst",
        K.USER_ORGANISATION,
        "SE",
        "sv",
        description="En brukarorganisation för människor med egen erfarenhet av psykisk ohälsa. "
        "Vi företräder medlemmar i kommunens gemensamma utvecklingsgrupp.",
        email="info@brukarrost.example",
    )
    anhoriga = org(
        "Anhörigföreningen Tillsammans",
        K.USER_ORGANISATION,
        "SE",
        "sv",
        description="För anhöriga till personer med psykisk ohälsa eller beroende.",
    )
    org(
        "Frivilligcentralen Exempelkommun",
        K.NGO,
        "SE",
        "sv",
        description="Frivilliga som stöttar i vardagen: följeslagare, språkcafé och samtalsgrupper.",
    )
    # Denmark ------------------------------------------------------------------------------------
    eksempelby = org(
        "Eksempelby Kommune",
        K.MUNICIPALITY,
        "DK",
        "da",
        description="Eksempelby Kommune arbejder med samskabelse og brugerinddragelse på social- og "
        "sundhedsområdet.",
    )
    org(
        "Bostøtten Eksempelby",
        K.SERVICE,
        "DK",
        "da",
        parent=eksempelby,
        description="Socialpædagogisk støtte i eget hjem.",
    )
    systemejer = org(
        "Fællessystem for børn og unge (systemejer)",
        K.SYSTEM_OWNER,
        "DK",
        "da",
        description="Systemejer for kommunernes fagsystem på børne- og ungeområdet. Vi samler brugernes "
        "input fra workshops, paneldebatter og postkassen og gør dem til ændringsønsker.",
    )
    medspil = org(
        "Foreningen Medspil",
        K.USER_ORGANISATION,
        "DK",
        "da",
        description="Brugerforening for mennesker med psykiske vanskeligheder og deres pårørende.",
    )
    # Norway -------------------------------------------------------------------------------------
    eksempel_no = org(
        "Eksempel kommune",
        K.MUNICIPALITY,
        "NO",
        "nb",
        description="Eksempel kommune arbeider for brukermedvirkning i tjenester for psykisk helse og rus.",
    )
    org(
        "Psykisk helse og rus, Eksempel kommune",
        K.SERVICE,
        "NO",
        "nb",
        parent=eksempel_no,
        description="Oppfølging i hjemmet, lavterskeltilbud og aktivitetssenter.",
    )
    stemmen = org(
        "Brukerforeningen Stemmen",
        K.USER_ORGANISATION,
        "NO",
        "nb",
        description="Brukerorganisasjon for folk med erfaring fra psykisk helse- og rustjenester.",
    )
    fjordvik = org(
        "Fjordvik kommune",
        K.MUNICIPALITY,
        "NO",
        "nn",
        description="Fjordvik kommune arbeider med brukarmedverknad i helse- og omsorgstenestene.",
    )

    R = OrganisationMembership.Role
    memberships = [
        (exempel, "facilitator", R.STAFF),
        (exempel, "responder", R.STAFF),
        (boendestod, "responder", R.ADMIN),
        (exempel, "admin", R.ADMIN),
        (brukarrost, "representative", R.ADMIN),
        (brukarrost, "participant", R.MEMBER),
        (region, "coordinator", R.STAFF),
        (brukarrost, "auditor", R.MEMBER),
        (anhoriga, "participant", R.MEMBER),
        (eksempelby, "deltager", R.MEMBER),
        (medspil, "deltager", R.MEMBER),
        (stemmen, "deltaker", R.MEMBER),
        (fjordvik, "deltakar", R.MEMBER),
        (systemejer, "admin", R.ADMIN),
        (eksempel_no, "admin", R.ADMIN),
        (fjordvik, "admin", R.ADMIN),
        (eksempelby, "admin", R.ADMIN),
        (region, "admin", R.ADMIN),
        (anhoriga, "admin", R.ADMIN),
        (medspil, "admin", R.ADMIN),
        (stemmen, "admin", R.ADMIN),
    ]
    for organisation, key, role in memberships:
        services.organisation_member_set(organisation=organisation, actor=admin, user=people[key], role=role)

    # Spaces -------------------------------------------------------------------------------------
    S = Space
    group = services.space_create(
        actor=people["facilitator"],
        title="Gemensam utvecklingsgrupp för socialtjänsten",
        kind=S.Kind.FORUM,
        organisations=[exempel, brukarrost, anhoriga],
        language="sv",
        visibility=S.Visibility.PUBLIC,
        join_policy=S.JoinPolicy.OPEN,
        summary="Ett öppet forum varje månad där socialförvaltningen och brukarorganisationerna utvecklar "
        "verksamheten tillsammans.",
        description="Vi träffas en gång i månaden. Medlemmarna föreslår teman till dagordningen. "
        "Förslag följs upp och alla får återkoppling. Vi har en parkeringsplats för idéer, en kunskapsbank "
        "och en kontaktbank med föreningarnas kontaktuppgifter.\n\nAlla som har egen erfarenhet eller är "
        "anhöriga är välkomna.",
    )
    audit = services.space_create(
        actor=people["coordinator"],
        title="Brukarrevision av boendestödet 2026",
        kind=S.Kind.AUDIT,
        organisations=[region, exempel],
        language="sv",
        visibility=S.Visibility.MEMBERS,
        join_policy=S.JoinPolicy.INVITATION,
        summary="Utbildade brukarrevisorer granskar boendestödet genom att fråga dem som får stödet.",
        description="Revisorerna skriver enkäten och intervjuguiden tillsammans med verksamheten, "
        "samlar in svar anonymt, analyserar och skriver rapporten själva.",
    )
    council = services.space_create(
        actor=people["admin"],
        title="Brukerråd for psykisk helse og rus",
        kind=S.Kind.FORUM,
        organisations=[eksempel_no, stemmen],
        language="nb",
        visibility=S.Visibility.PUBLIC,
        join_policy=S.JoinPolicy.REQUEST,
        summary="Brukerrådet gir råd til kommunen om tjenestene innen psykisk helse og rus.",
    )
    workshop = services.space_create(
        actor=people["admin"],
        title="Workshop og paneldebat om fagsystemet",
        kind=S.Kind.EVENT,
        organisations=[systemejer, eksempelby],
        language="da",
        visibility=S.Visibility.PUBLIC,
        join_policy=S.JoinPolicy.OPEN,
        summary="Brugerne af fagsystemet giver input på workshops, i en paneldebat og i en skriftlig postkasse.",
    )
    cocreation = services.space_create(
        actor=people["admin"],
        title="Samskabelse: fremtidens botilbud",
        kind=S.Kind.CONSULTATION,
        organisations=[eksempelby, medspil],
        language="da",
        visibility=S.Visibility.PUBLIC,
        join_policy=S.JoinPolicy.REQUEST,
        summary="Borgere, pårørende og medarbejdere skaber fremtidens botilbud sammen. Borgerne har roller, "
        "ikke kun personalet.",
    )
    services.space_create(
        actor=people["admin"],
        title="Brukarråd i Fjordvik",
        kind=S.Kind.FORUM,
        organisations=[fjordvik],
        language="nn",
        visibility=S.Visibility.PUBLIC,
        join_policy=S.JoinPolicy.OPEN,
        summary="Brukarrådet i Fjordvik kjem saman fire gonger i året og gjev råd om helse- og omsorgstenestene.",
    )

    M = SpaceMembership.Role
    for key in ("participant", "responder", "representative", "auditor"):
        services.space_join(space=group, actor=people[key])
    services.space_member_set_role(
        space=group,
        actor=people["facilitator"],
        membership=group.memberships.get(user=people["responder"]),
        role=M.RESPONDER,
    )
    services.space_member_set_role(
        space=group,
        actor=people["facilitator"],
        membership=group.memberships.get(user=people["representative"]),
        role=M.FACILITATOR,
        represents=brukarrost,
    )
    for key, space_role in (("auditor", M.MEMBER), ("representative", M.MEMBER), ("responder", M.RESPONDER)):
        invitation = services.space_invite(
            space=audit, actor=people["coordinator"], email=f"{key}@demo.example", role=space_role
        )
        services.invitation_answer(invitation=invitation, actor=people[key], accept=True)
    services.space_member_set_role(
        space=audit,
        actor=people["coordinator"],
        membership=audit.memberships.get(user=people["representative"]),
        role=M.REPRESENTATIVE,
        represents=brukarrost,
    )
    services.space_invite(
        space=audit, actor=people["coordinator"], email="ny.revisor@demo.example", role=M.MEMBER
    )
    services.space_join(space=workshop, actor=people["deltager"])
    services.space_request_join(
        space=cocreation,
        actor=people["deltager"],
        message="Jeg bor selv i et botilbud og vil gerne være med.",
    )
    services.space_request_join(
        space=council,
        actor=people["deltaker"],
        message="Jeg har erfaring fra rustjenestene og vil gjerne bidra.",
    )
    assert Invitation.objects.filter(status=Invitation.Status.PENDING).exists()
    return True
