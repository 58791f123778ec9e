"""Benchmark data for the knowledge bank search, the contact bank and the learning paths: 10,000
published knowledge items, 10,000 organisations in the contact bank and 200 learning paths.

    python bench/knowledge_data.py targets    # print the pages to measure, as JSON
    python bench/knowledge_data.py generate   # add the data set once, then print the pages to measure
    python bench/knowledge_data.py measure    # time each page through Django's test client, as JSON

The items are spread over Danish, Swedish, Norwegian (Bokmål and Nynorsk) and English, about user
councils, housing support, user-led audits, easy-read and meetings, with 150 to 400 words of text in
varied word forms (brukarråd, brukarrådet, brukarråden; brugerråd, brugerrådene; brukerrådet;
councils), so that stemming matters. Some belong to the demo organisations, the rest to the shared
collection. They are written with bulk_create; the stored search data is made the services' way:
`services._render` gives the HTML and `index_text`, and on PostgreSQL the search vector is written
with one UPDATE per batch that builds the same tsvector as `services._reindex` (checked against
`_reindex` on a sample; a difference stops the run). The organisations are municipalities, services,
user organisations and voluntary organisations in Sweden, Denmark and Norway, each with a contact bank
entry; about a quarter of them are in the demo's Exempelkommun. The learning paths (5 steps each) are made
by `learning.services.path_create`. Then ANALYZE (VACUUM ANALYZE on PostgreSQL). Needs
DJANGO_SETTINGS_MODULE and a migrated database holding the demo. Progress goes to stderr.

Environment: BENCH_KNOWLEDGE_ITEMS (10000), BENCH_KNOWLEDGE_ORGANISATIONS (10000),
BENCH_KNOWLEDGE_PATHS (200), BENCH_KNOWLEDGE_REPEAT (requests per page in `measure`, 20).
"""

import datetime as dt
import json
import os
import random
import sys
import time
from collections import Counter
from itertools import batched
from pathlib import Path as FilePath
from urllib.parse import urlencode

ROOT = FilePath(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from medvind.accounts.models import User  # noqa: E402
from medvind.core.models import Organisation  # noqa: E402
from medvind.core.services import NORDIC_LETTERS, RESERVED_SLUGS  # noqa: E402
from medvind.directory.models import DirectoryEntry  # noqa: E402
from medvind.knowledge import services as knowledge_services  # noqa: E402
from medvind.knowledge import stemming  # noqa: E402
from medvind.knowledge.models import Audience, Item, ItemStatus, Kind  # noqa: E402
from medvind.learning import services as learning_services  # noqa: E402
from medvind.learning.models import Path, Step  # noqa: E402

ITEMS = int(os.environ.get("BENCH_KNOWLEDGE_ITEMS", "10000"))
ORGANISATIONS = int(os.environ.get("BENCH_KNOWLEDGE_ORGANISATIONS", "10000"))
PATHS = int(os.environ.get("BENCH_KNOWLEDGE_PATHS", "200"))
REPEAT = int(os.environ.get("BENCH_KNOWLEDGE_REPEAT", "20"))
BATCH = 500
VIEWER = "facilitator@demo.example"  # staff of Exempelkommun: sees its drafts too
ADMIN = "admin@demo.example"
DEMO_PATH = "att-vara-brukarrepresentant"  # the demo's Swedish path "Att vara brukarrepresentant"
MUNICIPALITY = "exempelkommun"
# The first item, written by hand: the item page measured, and the sign that the data set is there.
MARKER_SLUG = "brukarradet-steg-for-steg"
MARKER = {
    "kind": Kind.ARTICLE,
    "title": "Brukarrådet steg för steg",
    "language": "sv",
    "summary": "Så startar ni ett brukarråd, bjuder in till mötena och följer upp det brukarråden föreslår.",
    "tags": ["user-council", "meeting", "brukarråd"],
    "audiences": [Audience.STAFF, Audience.REPRESENTATIVES],
}
TAG = "user-council"  # the common tag measured

LANGUAGES = ["sv", "da", "nb", "nn", "en"]
LANGUAGE_WEIGHTS = [30, 20, 20, 10, 20]
KINDS = [Kind.ARTICLE, Kind.HANDBOOK, Kind.TEMPLATE, Kind.TIP, Kind.LINK]
KIND_WEIGHTS = [40, 10, 15, 25, 10]
AUDIENCE_WEIGHTS = {
    Audience.EVERYONE: 40,
    Audience.REPRESENTATIVES: 30,
    Audience.STAFF: 25,
    Audience.AUDITORS: 15,
}
# Tags and how often an item has each; every language adds its own words (VOCABULARY[...]["tags"]).
TAGS = {
    "user-council": 0.45,
    "meeting": 0.3,
    "housing-support": 0.25,
    "user-led-audit": 0.2,
    "easy-read": 0.25,
    "participation": 0.2,
    "lived-experience": 0.15,
    "plain-language": 0.1,
    "checklist": 0.08,
    "invitation": 0.08,
    "interview": 0.08,
    "minutes": 0.06,
    "payment": 0.05,
    "training": 0.05,
}
COUNTRY_OF = {"sv": "SE", "da": "DK", "nb": "NO", "nn": "NO"}

# Sentences are made of a subject, a verb, an object and an ending. In English a subject ending in
# "|p" is plural and a verb is "singular|plural".
VOCABULARY = {
    "sv": {
        "titles": [
            "Så fungerar {t}",
            "Tio råd om {t}",
            "Checklista för {t}",
            "Frågor och svar om {t}",
            "Mall: {t}",
            "Kom igång med {t}",
            "Erfarenheter av {t}",
            "{T} steg för steg",
            "Det här behöver du veta om {t}",
            "Tips inför {t}",
        ],
        "topics": [
            "brukarråd",
            "brukarrådet",
            "brukarråden",
            "ett nytt brukarråd",
            "boendestöd",
            "boendestödet",
            "brukarrevision",
            "brukarrevisionen",
            "lättläst information",
            "lättlästa kallelser",
            "mötet",
            "möten med brukare",
            "protokollet",
            "ersättning till representanter",
        ],
        "qualifiers": [
            " för personal",
            " för nya representanter",
            " för brukare och anhöriga",
            " i praktiken",
        ],
        "subjects": [
            "brukarrådet",
            "brukarråden",
            "ett brukarråd",
            "boendestödet",
            "personalen på boendestödet",
            "brukarrevisorerna",
            "brukarrevisionen",
            "ordföranden",
            "sekreteraren",
            "representanterna i brukarrådet",
            "kommunen",
            "föreningen",
            "deltagarna",
            "de som får boendestöd",
            "mötesledaren",
        ],
        "verbs": [
            "planerar",
            "granskar",
            "diskuterar",
            "skriver ner",
            "följer upp",
            "tar upp",
            "bjuder in till",
            "lyssnar på",
            "förbereder",
            "sammanfattar",
            "beslutar om",
            "frågar om",
        ],
        "objects": [
            "dagordningen",
            "mötet",
            "mötena",
            "protokollet",
            "en lättläst kallelse",
            "lättlästa texter",
            "synpunkterna från brukarna",
            "brukarnas erfarenheter",
            "frågorna om boendet",
            "stödet i hemmet",
            "förslagen från brukarrådet",
            "brukarrådens arbete",
            "intervjuerna i brukarrevisionen",
            "rapporten",
            "besöken",
            "ersättningen till representanterna",
        ],
        "endings": [
            "varje månad",
            "före nästa möte",
            "i god tid",
            "tillsammans med brukarna",
            "på ett enkelt sätt",
            "med korta meningar",
            "efter varje möte",
            "under hösten",
            "i lättläst form",
            "så att alla förstår",
            "med stöd av personalen",
            "två gånger om året",
        ],
        "facts": [
            "Ett brukarråd är en grupp där brukare och personal träffas och pratar om hur stödet fungerar.",
            "Kallelsen ska komma minst två veckor före mötet.",
            "Skriv protokollet på lättläst svenska och skicka det till alla.",
            "Den som deltar som representant ska få ersättning för sin tid.",
            "I en brukarrevision intervjuar brukare andra brukare om stödet.",
            "Boendestödet hjälper till med vardagen i hemmet, till exempel ekonomi, städning och kontakter.",
            "Börja mötet med en kort runda där alla får säga något.",
            "Fråga deltagarna vad de behöver för att kunna vara med, till exempel tolk eller stöd på mötet.",
            "Lättläst text har korta meningar, vanliga ord och en tanke i varje mening.",
            "Brukarråden i kommunen har tillsammans lämnat tolv förslag under året.",
        ],
        "easy": [
            "Ett brukarråd är ett möte.",
            "Där pratar vi om stödet.",
            "Du får säga vad du tycker.",
            "Vi lyssnar på dig.",
            "Du får pengar för din tid.",
            "Fråga om du inte förstår.",
            "Mötet är en gång i månaden.",
        ],
        "list": "Tänk på det här:",
        "tags": ["brukarråd", "boendestöd", "brukarrevision"],
        "paths": [
            "Att vara med i ett brukarråd",
            "Brukarrevision steg för steg",
            "Skriv lättläst",
            "Bra möten med brukare",
            "Boendestöd och inflytande",
            "Att leda ett brukarråd",
            "Intervjua i en brukarrevision",
            "Från synpunkt till förslag",
        ],
        "questions": [
            "Vad vill du ta upp på nästa möte?",
            "Vad var nytt för dig i den här texten?",
            "Vad behöver du för att kunna vara med?",
            "Hur kan ni göra kallelsen lättare att läsa?",
            "Vilken fråga vill du ställa i en intervju?",
            "",
        ],
    },
    "da": {
        "titles": [
            "Sådan fungerer {t}",
            "Ti gode råd om {t}",
            "Tjekliste til {t}",
            "Spørgsmål og svar om {t}",
            "Skabelon: {t}",
            "Kom i gang med {t}",
            "Erfaringer med {t}",
            "{T} trin for trin",
            "Det skal du vide om {t}",
            "Gode råd før {t}",
        ],
        "topics": [
            "brugerråd",
            "brugerrådet",
            "brugerrådene",
            "et nyt brugerråd",
            "bostøtte",
            "bostøtten",
            "brugerrevision",
            "brugerrevisionen",
            "letlæst information",
            "letlæste indkaldelser",
            "mødet",
            "møder med brugere",
            "referatet",
            "honorar til repræsentanter",
        ],
        "qualifiers": [
            " for medarbejdere",
            " for nye repræsentanter",
            " for brugere og pårørende",
            " i praksis",
        ],
        "subjects": [
            "brugerrådet",
            "brugerrådene",
            "et brugerråd",
            "bostøtten",
            "medarbejderne i bostøtten",
            "brugerrevisorerne",
            "brugerrevisionen",
            "formanden",
            "referenten",
            "repræsentanterne i brugerrådet",
            "kommunen",
            "foreningen",
            "deltagerne",
            "de, der får bostøtte,",
            "mødelederen",
        ],
        "verbs": [
            "planlægger",
            "gennemgår",
            "drøfter",
            "skriver",
            "følger op på",
            "vurderer",
            "inviterer til",
            "lytter til",
            "forbereder",
            "opsummerer",
            "beslutter",
            "spørger til",
        ],
        "objects": [
            "dagsordenen",
            "mødet",
            "møderne",
            "referatet",
            "en letlæst indkaldelse",
            "letlæste tekster",
            "brugernes synspunkter",
            "brugernes erfaringer",
            "spørgsmålene om boligen",
            "støtten i hjemmet",
            "forslagene fra brugerrådet",
            "brugerrådenes arbejde",
            "interviewene i brugerrevisionen",
            "rapporten",
            "besøgene",
            "honoraret til repræsentanterne",
        ],
        "endings": [
            "hver måned",
            "før næste møde",
            "i god tid",
            "sammen med brugerne",
            "på en enkel måde",
            "med korte sætninger",
            "efter hvert møde",
            "i løbet af efteråret",
            "i letlæst form",
            "så alle forstår det",
            "med støtte fra medarbejderne",
            "to gange om året",
        ],
        "facts": [
            "Et brugerråd er en gruppe, hvor brugere og medarbejdere mødes og taler om, hvordan støtten fungerer.",
            "Indkaldelsen skal komme mindst to uger før mødet.",
            "Skriv referatet på letlæst dansk, og send det til alle.",
            "Den, der deltager som repræsentant, skal have honorar for sin tid.",
            "I en brugerrevision interviewer brugere andre brugere om støtten.",
            "Bostøtten hjælper med hverdagen i hjemmet, for eksempel økonomi, rengøring og kontakt med andre.",
            "Start mødet med en kort runde, hvor alle får sagt noget.",
            "Spørg deltagerne, hvad de har brug for for at kunne være med, for eksempel tolk eller en bisidder.",
            "Letlæst tekst har korte sætninger, almindelige ord og én tanke i hver sætning.",
            "Brugerrådene i kommunen har tilsammen givet tolv forslag i løbet af året.",
        ],
        "easy": [
            "Et brugerråd er et møde.",
            "Der taler vi om støtten.",
            "Du må sige, hvad du mener.",
            "Vi lytter til dig.",
            "Du får penge for din tid.",
            "Spørg, hvis du ikke forstår.",
            "Mødet er en gang om måneden.",
        ],
        "list": "Husk det her:",
        "tags": ["brugerråd", "bostøtte", "brugerrevision"],
        "paths": [
            "At være med i et brugerråd",
            "Brugerrevision trin for trin",
            "Skriv letlæst",
            "Gode møder med brugere",
            "Bostøtte og indflydelse",
            "At lede et brugerråd",
            "Interview i en brugerrevision",
            "Fra synspunkt til forslag",
        ],
        "questions": [
            "Hvad vil du tage op på næste møde?",
            "Hvad var nyt for dig i denne tekst?",
            "Hvad har du brug for for at kunne være med?",
            "Hvordan kan I gøre indkaldelsen lettere at læse?",
            "Hvilket spørgsmål vil du stille i et interview?",
            "",
        ],
    },
    "nb": {
        "titles": [
            "Slik fungerer {t}",
            "Ti råd om {t}",
            "Sjekkliste for {t}",
            "Spørsmål og svar om {t}",
            "Mal: {t}",
            "Kom i gang med {t}",
            "Erfaringer med {t}",
            "{T} steg for steg",
            "Dette må du vite om {t}",
            "Tips før {t}",
        ],
        "topics": [
            "brukerråd",
            "brukerrådet",
            "brukerrådene",
            "et nytt brukerråd",
            "boveiledning",
            "boveiledningen",
            "brukerrevisjon",
            "brukerrevisjonen",
            "lettlest informasjon",
            "lettleste innkallinger",
            "møtet",
            "møter med brukere",
            "referatet",
            "godtgjørelse til representanter",
        ],
        "qualifiers": [" for ansatte", " for nye representanter", " for brukere og pårørende", " i praksis"],
        "subjects": [
            "brukerrådet",
            "brukerrådene",
            "et brukerråd",
            "boveiledningen",
            "de ansatte i boveiledningen",
            "brukerrevisorene",
            "brukerrevisjonen",
            "lederen",
            "referenten",
            "representantene i brukerrådet",
            "kommunen",
            "foreningen",
            "deltakerne",
            "de som får boveiledning,",
            "møtelederen",
        ],
        "verbs": [
            "planlegger",
            "går gjennom",
            "drøfter",
            "skriver ned",
            "følger opp",
            "tar opp",
            "inviterer til",
            "lytter til",
            "forbereder",
            "oppsummerer",
            "vedtar",
            "spør om",
        ],
        "objects": [
            "sakslisten",
            "møtet",
            "møtene",
            "referatet",
            "en lettlest innkalling",
            "lettleste tekster",
            "synspunktene fra brukerne",
            "brukernes erfaringer",
            "spørsmålene om boligen",
            "støtten i hjemmet",
            "forslagene fra brukerrådet",
            "brukerrådenes arbeid",
            "intervjuene i brukerrevisjonen",
            "rapporten",
            "besøkene",
            "godtgjørelsen til representantene",
        ],
        "endings": [
            "hver måned",
            "før neste møte",
            "i god tid",
            "sammen med brukerne",
            "på en enkel måte",
            "med korte setninger",
            "etter hvert møte",
            "i løpet av høsten",
            "i lettlest form",
            "så alle forstår",
            "med støtte fra de ansatte",
            "to ganger i året",
        ],
        "facts": [
            "Et brukerråd er en gruppe der brukere og ansatte møtes og snakker om hvordan tjenestene fungerer.",
            "Innkallingen skal komme minst to uker før møtet.",
            "Skriv referatet på lettlest norsk og send det til alle.",
            "Den som deltar som representant, skal få godtgjørelse for tiden sin.",
            "I en brukerrevisjon intervjuer brukere andre brukere om tjenestene.",
            "Boveiledningen hjelper med hverdagen i hjemmet, for eksempel økonomi, rengjøring og kontakt med andre.",
            "Start møtet med en kort runde der alle får si noe.",
            "Spør deltakerne hva de trenger for å kunne være med, for eksempel tolk eller støtte på møtet.",
            "Lettlest tekst har korte setninger, vanlige ord og én tanke i hver setning.",
            "Brukerrådene i kommunen har til sammen kommet med tolv forslag i løpet av året.",
        ],
        "easy": [
            "Et brukerråd er et møte.",
            "Der snakker vi om tjenestene.",
            "Du får si hva du mener.",
            "Vi lytter til deg.",
            "Du får penger for tiden din.",
            "Spør hvis du ikke forstår.",
            "Møtet er en gang i måneden.",
        ],
        "list": "Husk dette:",
        "tags": ["brukerråd", "boveiledning", "brukerrevisjon"],
        "paths": [
            "Å være med i et brukerråd",
            "Brukerrevisjon steg for steg",
            "Skriv lettlest",
            "Gode møter med brukere",
            "Boveiledning og medvirkning",
            "Å lede et brukerråd",
            "Intervju i en brukerrevisjon",
            "Fra innspill til forslag",
        ],
        "questions": [
            "Hva vil du ta opp på neste møte?",
            "Hva var nytt for deg i denne teksten?",
            "Hva trenger du for å kunne være med?",
            "Hvordan kan dere gjøre innkallingen lettere å lese?",
            "Hvilket spørsmål vil du stille i et intervju?",
            "",
        ],
    },
    "nn": {
        "titles": [
            "Slik fungerer {t}",
            "Ti råd om {t}",
            "Sjekkliste for {t}",
            "Spørsmål og svar om {t}",
            "Mal: {t}",
            "Kom i gang med {t}",
            "Røynsler med {t}",
            "{T} steg for steg",
            "Dette må du vite om {t}",
            "Tips før {t}",
        ],
        "topics": [
            "brukarråd",
            "brukarrådet",
            "brukarråda",
            "eit nytt brukarråd",
            "bustadoppfølging",
            "bustadoppfølginga",
            "brukarrevisjon",
            "brukarrevisjonen",
            "lettlesen informasjon",
            "lettlesne innkallingar",
            "møtet",
            "møte med brukarar",
            "referatet",
            "godtgjersle til representantar",
        ],
        "qualifiers": [
            " for tilsette",
            " for nye representantar",
            " for brukarar og pårørande",
            " i praksis",
        ],
        "subjects": [
            "brukarrådet",
            "brukarråda",
            "eit brukarråd",
            "bustadoppfølginga",
            "dei tilsette i bustadoppfølginga",
            "brukarrevisorane",
            "brukarrevisjonen",
            "leiaren",
            "referenten",
            "representantane i brukarrådet",
            "kommunen",
            "foreininga",
            "deltakarane",
            "dei som får bustadoppfølging,",
            "møteleiaren",
        ],
        "verbs": [
            "planlegg",
            "går gjennom",
            "drøftar",
            "skriv ned",
            "følgjer opp",
            "tek opp",
            "inviterer til",
            "lyttar til",
            "førebur",
            "summerer opp",
            "vedtek",
            "spør om",
        ],
        "objects": [
            "sakslista",
            "møtet",
            "møta",
            "referatet",
            "ei lettlesen innkalling",
            "lettlesne tekstar",
            "synspunkta frå brukarane",
            "røynslene til brukarane",
            "spørsmåla om bustaden",
            "støtta i heimen",
            "forslaga frå brukarrådet",
            "arbeidet i brukarråda",
            "intervjua i brukarrevisjonen",
            "rapporten",
            "besøka",
            "godtgjersla til representantane",
        ],
        "endings": [
            "kvar månad",
            "før neste møte",
            "i god tid",
            "saman med brukarane",
            "på ein enkel måte",
            "med korte setningar",
            "etter kvart møte",
            "i løpet av hausten",
            "i lettlesen form",
            "så alle forstår",
            "med støtte frå dei tilsette",
            "to gonger i året",
        ],
        "facts": [
            "Eit brukarråd er ei gruppe der brukarar og tilsette møtest og snakkar om korleis tenestene fungerer.",
            "Innkallinga skal kome minst to veker før møtet.",
            "Skriv referatet på lettlesen nynorsk og send det til alle.",
            "Den som deltek som representant, skal få godtgjersle for tida si.",
            "I ein brukarrevisjon intervjuar brukarar andre brukarar om tenestene.",
            "Bustadoppfølginga hjelper med kvardagen i heimen, til dømes økonomi, reinhald og kontakt med andre.",
            "Start møtet med ein kort runde der alle får seie noko.",
            "Spør deltakarane kva dei treng for å kunne vere med, til dømes tolk eller støtte på møtet.",
            "Lettlesen tekst har korte setningar, vanlege ord og éin tanke i kvar setning.",
            "Brukarråda i kommunen har til saman kome med tolv forslag i løpet av året.",
        ],
        "easy": [
            "Eit brukarråd er eit møte.",
            "Der snakkar vi om tenestene.",
            "Du får seie kva du meiner.",
            "Vi lyttar til deg.",
            "Du får pengar for tida di.",
            "Spør om du ikkje forstår.",
            "Møtet er ein gong i månaden.",
        ],
        "list": "Hugs dette:",
        "tags": ["brukarråd", "bustadoppfølging", "brukarrevisjon"],
        "paths": [
            "Å vere med i eit brukarråd",
            "Brukarrevisjon steg for steg",
            "Skriv lettlese",
            "Gode møte med brukarar",
            "Bustadoppfølging og medverknad",
            "Å leie eit brukarråd",
            "Intervju i ein brukarrevisjon",
            "Frå innspel til forslag",
        ],
        "questions": [
            "Kva vil du ta opp på neste møte?",
            "Kva var nytt for deg i denne teksten?",
            "Kva treng du for å kunne vere med?",
            "Korleis kan de gjere innkallinga lettare å lese?",
            "Kva spørsmål vil du stille i eit intervju?",
            "",
        ],
    },
    "en": {
        "titles": [
            "Ten tips on {t}",
            "A checklist for {t}",
            "Questions and answers about {t}",
            "Template: {t}",
            "Getting started with {t}",
            "Experiences of {t}",
            "{T} step by step",
            "What to know about {t}",
            "Before {t}: a short guide",
            "A guide to {t}",
        ],
        "topics": [
            "user councils",
            "the user council",
            "a new user council",
            "council meetings",
            "housing support",
            "housing support visits",
            "user-led audits",
            "the user-led audit",
            "easy-read information",
            "easy-read invitations",
            "the meeting",
            "meetings with service users",
            "the minutes",
            "paying representatives",
        ],
        "qualifiers": [
            " for staff",
            " for new representatives",
            " for service users and families",
            " in practice",
        ],
        "subjects": [
            "the user council",
            "user councils|p",
            "the councils|p",
            "a user council",
            "the housing support team",
            "staff in housing support|p",
            "the user auditors|p",
            "the user-led audit",
            "the chair",
            "the note-taker",
            "the representatives on the council|p",
            "the municipality",
            "the association",
            "the participants|p",
            "people who get housing support|p",
        ],
        "verbs": [
            "plans|plan",
            "reviews|review",
            "discusses|discuss",
            "writes down|write down",
            "follows up|follow up",
            "brings up|bring up",
            "prepares|prepare",
            "summarises|summarise",
            "decides on|decide on",
            "asks about|ask about",
            "listens to|listen to",
            "invites people to|invite people to",
        ],
        "objects": [
            "the agenda",
            "the meeting",
            "the meetings",
            "the minutes",
            "an easy-read invitation",
            "easy-read texts",
            "the views of service users",
            "the experience of service users",
            "questions about housing",
            "support at home",
            "proposals from the user council",
            "the work of the councils",
            "the interviews in the audit",
            "the report",
            "the visits",
            "payment for representatives",
        ],
        "endings": [
            "every month",
            "before the next meeting",
            "in good time",
            "together with service users",
            "in a simple way",
            "with short sentences",
            "after each meeting",
            "during the autumn",
            "in easy-read form",
            "so that everyone understands",
            "with help from staff",
            "twice a year",
        ],
        "facts": [
            "A user council is a group where service users and staff meet and talk about how the support works.",
            "Send the invitation at least two weeks before the meeting.",
            "Write the minutes in easy-read English and send them to everyone.",
            "People who take part as representatives should be paid for their time.",
            "In a user-led audit, service users interview other service users about the support.",
            "Housing support helps with everyday life at home, such as money, cleaning and seeing other people.",
            "Start the meeting with a short round where everyone gets to say something.",
            "Ask the participants what they need to take part, for example an interpreter or someone to come along.",
            "Easy-read text has short sentences, common words and one idea in each sentence.",
            "The councils in the municipality made twelve proposals together this year.",
        ],
        "easy": [
            "A user council is a meeting.",
            "We talk about the support.",
            "You can say what you think.",
            "We listen to you.",
            "You get paid for your time.",
            "Ask if you do not understand.",
            "The meeting is once a month.",
        ],
        "list": "Remember this:",
        "tags": ["user-councils", "service-users"],
        "paths": [
            "Being on a user council",
            "User-led audits step by step",
            "Writing easy-read",
            "Good meetings with service users",
            "Housing support and having a say",
            "Chairing a user council",
            "Interviewing in a user-led audit",
            "From feedback to proposals",
        ],
        "questions": [
            "What do you want to bring up at the next meeting?",
            "What was new to you in this text?",
            "What do you need to be able to take part?",
            "How can you make the invitation easier to read?",
            "What question would you ask in an interview?",
            "",
        ],
    },
}
PATH_QUALIFIERS = {
    "sv": ["", " för nybörjare", " för personal", " – fördjupning"],
    "da": ["", " for begyndere", " for medarbejdere", " – fordybelse"],
    "nb": ["", " for nybegynnere", " for ansatte", " – fordypning"],
    "nn": ["", " for nybyrjarar", " for tilsette", " – fordjuping"],
    "en": ["", " for beginners", " for staff", " – going further"],
}

# The contact bank: kinds of organisation with name patterns, what they do and for whom, per language.
ORG_KIND_WEIGHTS = {
    Organisation.Kind.SERVICE: 40,
    Organisation.Kind.USER_ORGANISATION: 30,
    Organisation.Kind.NGO: 30,
}
ORG_LANGUAGE_WEIGHTS = {"sv": 50, "da": 25, "nb": 18, "nn": 7}
# The demo municipality of each language gets this share of its organisations; new ones the rest.
DEMO_MUNICIPALITY = {
    "sv": MUNICIPALITY,
    "da": "eksempelby-kommune",
    "nb": "eksempel-kommune",
    "nn": "fjordvik-kommune",
}
DEMO_SHARE = {"sv": 0.5, "da": 0.4, "nb": 0.4, "nn": 0.4}
S, U, N, M = (
    Organisation.Kind.SERVICE,
    Organisation.Kind.USER_ORGANISATION,
    Organisation.Kind.NGO,
    Organisation.Kind.MUNICIPALITY,
)
DIRECTORY = {
    "sv": {
        "municipalities": [
            "Björkviks kommun",
            "Sjöstads kommun",
            "Lindås kommun",
            "Norrhults kommun",
            "Ekeby kommun",
        ],
        "places": (
            ["Björk", "Ek", "Lind", "Sjö", "Berg", "Ny", "Norr", "Söder", "Väster", "Öster"]
            + ["Ås", "Dal", "Strand", "Gran", "Hag", "Löv", "Ros", "Sol", "Äng", "Mos"],
            ["by", "vik", "dal", "torp", "holm", "berg", "lund", "sta", "åsen", "hult"],
        ),
        "districts": ["norra", "södra", "östra", "västra", "centrum"],
        "names": {
            S: [
                "Boendestöd {p}",
                "Socialpsykiatrin {p}",
                "Daglig verksamhet {p}",
                "Hemtjänsten {p}",
                "Träffpunkten {p}",
                "Stödboendet {p}",
            ],
            U: [
                "Brukarföreningen {p}",
                "Anhörigföreningen {p}",
                "Föreningen Egen röst {p}",
                "Brukarrådet i {p}",
            ],
            N: ["Frivilligcentralen {p}", "Språkcaféet {p}", "Väntjänsten {p}", "Fritidsgården {p}"],
        },
        "what": {
            S: [
                "Vi ger boendestöd i hemmet: hjälp med vardagen, ekonomin och kontakter med andra.",
                "Vi har ett brukarråd som träffas fyra gånger om året och tar upp frågor om stödet.",
                "Personalen arbetar dagtid och kvällar, även helger.",
                "Du ansöker om stöd hos kommunens handläggare.",
                "Vi gör brukarrevisioner tillsammans med brukarorganisationerna.",
                "All information finns också på lättläst svenska.",
            ],
            U: [
                "Vi är en förening för människor med egen erfarenhet av psykisk ohälsa.",
                "Våra medlemmar sitter i kommunens brukarråd och företräder brukarna.",
                "Vi ordnar samtalsgrupper och studiecirklar varje vecka.",
                "Vi utbildar brukarrevisorer och gör brukarrevisioner av boendestödet.",
                "Alla är välkomna på våra öppna möten.",
                "Vi ger stöd och råd till anhöriga.",
            ],
            N: [
                "Frivilliga följer med till möten och läkarbesök.",
                "Vi har språkcafé och samtalsgrupper varje vecka.",
                "Vi ordnar aktiviteter för alla som vill träffa andra.",
                "Du kan bli frivillig hos oss. Det kräver ingen erfarenhet.",
                "Vi samarbetar med kommunen och brukarorganisationerna.",
            ],
            M: [
                "Socialförvaltningen ger stöd till barn, vuxna och familjer.",
                "Kommunen har brukarråd inom socialpsykiatrin och boendestödet.",
            ],
        },
        "for_whom": {
            S: [
                "Vuxna med psykisk funktionsnedsättning",
                "Personer med beroende",
                "Alla som behöver stöd i vardagen",
            ],
            U: ["Människor med egen erfarenhet av psykisk ohälsa", "Anhöriga och närstående"],
            N: ["Alla som vill träffa andra", "Alla som behöver en medmänniska i vardagen"],
            M: ["Alla som bor i kommunen"],
        },
        "phone": "010-{a:03d} {b:02d} {c:02d}",
    },
    "da": {
        "municipalities": ["Nordby Kommune", "Skovlund Kommune", "Strandhøj Kommune", "Egelund Kommune"],
        "places": (
            ["Nord", "Syd", "Øster", "Vester", "Skov", "Strand", "Bak", "Sø", "Eng", "Hav"]
            + ["Lyng", "Birke", "Ege", "Ny", "Lille", "Store", "Kirke", "Mølle", "Rose", "Sol"],
            ["by", "lund", "høj", "rup", "sted", "bjerg", "vang", "dal", "holm", "skov"],
        ),
        "districts": ["Nord", "Syd", "Øst", "Vest", "Centrum"],
        "names": {
            S: [
                "Bostøtten {p}",
                "Socialpsykiatrien {p}",
                "Botilbuddet {p}",
                "Væresteddet {p}",
                "Hjemmeplejen {p}",
            ],
            U: [
                "Brugerforeningen {p}",
                "Pårørendeforeningen {p}",
                "Foreningen Egen Stemme {p}",
                "Brugerrådet i {p}",
            ],
            N: ["Frivilligcentret {p}", "Sprogcaféen {p}", "Besøgstjenesten {p}", "Klubhuset {p}"],
        },
        "what": {
            S: [
                "Vi giver bostøtte i hjemmet: hjælp til hverdagen, økonomien og kontakt med andre.",
                "Vi har et brugerråd, der mødes fire gange om året og taler om støtten.",
                "Medarbejderne arbejder om dagen og om aftenen, også i weekenden.",
                "Du søger om støtte hos kommunens sagsbehandler.",
                "Vi laver brugerrevisioner sammen med brugerforeningerne.",
                "Al information findes også på letlæst dansk.",
            ],
            U: [
                "Vi er en forening for mennesker med egen erfaring med psykiske vanskeligheder.",
                "Vores medlemmer sidder i kommunens brugerråd og taler brugernes sag.",
                "Vi holder samtalegrupper og studiekredse hver uge.",
                "Vi uddanner brugerrevisorer og laver brugerrevisioner af bostøtten.",
                "Alle er velkomne til vores åbne møder.",
                "Vi giver støtte og råd til pårørende.",
            ],
            N: [
                "Frivillige går med til møder og lægebesøg.",
                "Vi har sprogcafé og samtalegrupper hver uge.",
                "Vi holder aktiviteter for alle, der gerne vil møde andre.",
                "Du kan blive frivillig hos os. Det kræver ingen erfaring.",
                "Vi arbejder sammen med kommunen og brugerforeningerne.",
            ],
            M: [
                "Socialforvaltningen giver støtte til børn, voksne og familier.",
                "Kommunen har brugerråd i socialpsykiatrien og bostøtten.",
            ],
        },
        "for_whom": {
            S: [
                "Voksne med psykiske vanskeligheder",
                "Mennesker med misbrug",
                "Alle, der har brug for støtte i hverdagen",
            ],
            U: ["Mennesker med egen erfaring med psykiske vanskeligheder", "Pårørende"],
            N: ["Alle, der gerne vil møde andre", "Alle, der har brug for et medmenneske"],
            M: ["Alle, der bor i kommunen"],
        },
        "phone": "+45 {a:02d} {b:02d} {c:02d} {d:02d}",
    },
    "nb": {
        "municipalities": ["Fjellby kommune", "Nordvik kommune", "Elvdal kommune"],
        "places": (
            ["Nord", "Sør", "Øst", "Vest", "Fjell", "Fjord", "Skog", "Strand", "Bjørk", "Elv"]
            + ["Lyng", "Myr", "Nes", "Ny", "Sol", "Berg", "Dal", "Eik", "Furu", "Li"],
            ["by", "vik", "dal", "heim", "nes", "stad", "åsen", "li", "haug", "sund"],
        ),
        "districts": ["nord", "sør", "øst", "vest", "sentrum"],
        "names": {
            S: [
                "Boveiledningen {p}",
                "Psykisk helse og rus {p}",
                "Dagsenteret {p}",
                "Hjemmetjenesten {p}",
                "Bofellesskapet {p}",
            ],
            U: [
                "Brukerforeningen {p}",
                "Pårørendeforeningen {p}",
                "Foreningen Egen stemme {p}",
                "Brukerrådet i {p}",
            ],
            N: ["Frivilligsentralen {p}", "Språkkaféen {p}", "Besøkstjenesten {p}", "Aktivitetshuset {p}"],
        },
        "what": {
            S: [
                "Vi gir boveiledning i hjemmet: hjelp med hverdagen, økonomien og kontakt med andre.",
                "Vi har et brukerråd som møtes fire ganger i året og tar opp spørsmål om tjenestene.",
                "De ansatte jobber dag og kveld, også i helgene.",
                "Du søker om hjelp hos tildelingskontoret i kommunen.",
                "Vi gjør brukerrevisjoner sammen med brukerorganisasjonene.",
                "All informasjon finnes også på lettlest norsk.",
            ],
            U: [
                "Vi er en forening for folk med egen erfaring fra psykisk helse og rus.",
                "Medlemmene våre sitter i kommunens brukerråd og snakker for brukerne.",
                "Vi har samtalegrupper og studiesirkler hver uke.",
                "Vi lærer opp brukerrevisorer og gjør brukerrevisjoner av boveiledningen.",
                "Alle er velkommen på de åpne møtene våre.",
                "Vi gir støtte og råd til pårørende.",
            ],
            N: [
                "Frivillige blir med til møter og legebesøk.",
                "Vi har språkkafé og samtalegrupper hver uke.",
                "Vi har aktiviteter for alle som vil møte andre.",
                "Du kan bli frivillig hos oss. Det krever ingen erfaring.",
                "Vi samarbeider med kommunen og brukerorganisasjonene.",
            ],
            M: [
                "Helse- og velferdstjenestene gir hjelp til barn, voksne og familier.",
                "Kommunen har brukerråd for psykisk helse og rus.",
            ],
        },
        "for_whom": {
            S: [
                "Voksne med psykiske helseplager",
                "Folk med rusproblemer",
                "Alle som trenger hjelp i hverdagen",
            ],
            U: ["Folk med egen erfaring fra psykisk helse og rus", "Pårørende"],
            N: ["Alle som vil møte andre", "Alle som trenger et medmenneske"],
            M: ["Alle som bor i kommunen"],
        },
        "phone": "+47 {a:03d} {b:02d} {c:03d}",
    },
    "nn": {
        "municipalities": ["Lyngnes kommune", "Myrheim kommune"],
        "places": (
            ["Nord", "Sør", "Aust", "Vest", "Fjell", "Fjord", "Skog", "Strand", "Bjørk", "Elv"]
            + ["Lyng", "Myr", "Nes", "Ny", "Sol", "Berg", "Dal", "Eik", "Furu", "Li"],
            ["by", "vik", "dal", "heim", "nes", "stad", "åsen", "li", "haug", "sund"],
        ),
        "districts": ["nord", "sør", "aust", "vest", "sentrum"],
        "names": {
            S: ["Bustadoppfølginga {p}", "Psykisk helse og rus {p}", "Dagsenteret {p}", "Heimetenesta {p}"],
            U: ["Brukarforeininga {p}", "Pårørandeforeininga {p}", "Brukarrådet i {p}"],
            N: ["Frivilligsentralen {p}", "Språkkafeen {p}", "Aktivitetshuset {p}"],
        },
        "what": {
            S: [
                "Vi gir bustadoppfølging i heimen: hjelp med kvardagen, økonomien og kontakt med andre.",
                "Vi har eit brukarråd som møtest fire gonger i året og tek opp spørsmål om tenestene.",
                "Dei tilsette arbeider dag og kveld, også i helgene.",
                "Du søkjer om hjelp hos tildelingskontoret i kommunen.",
                "All informasjon finst også på lettlesen nynorsk.",
            ],
            U: [
                "Vi er ei foreining for folk med eiga røynsle frå psykisk helse og rus.",
                "Medlemmene våre sit i brukarrådet i kommunen og talar for brukarane.",
                "Vi har samtalegrupper og studiesirklar kvar veke.",
                "Alle er velkomne på dei opne møta våre.",
            ],
            N: [
                "Frivillige blir med til møte og legebesøk.",
                "Vi har språkkafé og samtalegrupper kvar veke.",
                "Du kan bli frivillig hos oss. Det krev inga røynsle.",
            ],
            M: [
                "Helse- og velferdstenestene gir hjelp til born, vaksne og familiar.",
                "Kommunen har brukarråd for psykisk helse og rus.",
            ],
        },
        "for_whom": {
            S: ["Vaksne med psykiske helseplager", "Alle som treng hjelp i kvardagen"],
            U: ["Folk med eiga røynsle frå psykisk helse og rus", "Pårørande"],
            N: ["Alle som vil møte andre"],
            M: ["Alle som bur i kommunen"],
        },
        "phone": "+47 {a:03d} {b:02d} {c:03d}",
    },
}


def say(message: str) -> None:
    print(f"knowledge_data: {message}", file=sys.stderr, flush=True)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class Slugs:
    """Slugs as core.services.unique_slug makes them (base, base-2, base-3, ...), without a query each."""

    def __init__(self, model: type, max_length: int = 80) -> None:
        self.taken = set(model.objects.values_list("slug", flat=True)) | RESERVED_SLUGS
        self.max_length = max_length

    def __call__(self, text: str) -> str:
        base = (slugify(text.translate(NORDIC_LETTERS)) or "x")[: self.max_length - 6].strip("-") or "x"
        slug, n = base, 2
        while slug in self.taken:
            slug, n = f"{base}-{n}", n + 1
        self.taken.add(slug)
        return slug


class Writer:
    """Titles, sentences and texts in one language, from VOCABULARY."""

    def __init__(self, rng: random.Random, language: str) -> None:
        self.rng, self.language, self.words = rng, language, VOCABULARY[language]

    def sentence(self) -> str:
        w, choice = self.words, self.rng.choice
        subject, _, plural = choice(w["subjects"]).partition("|")
        verb = choice(w["verbs"])
        if "|" in verb:
            verb = verb.split("|")[1 if plural else 0]
        return capital(f"{subject} {verb} {choice(w['objects'])} {choice(w['endings'])}.")

    def title(self) -> str:
        topic = self.rng.choice(self.words["topics"])
        title = self.rng.choice(self.words["titles"]).format(t=topic, T=capital(topic))
        if self.rng.random() < 0.4:
            title += self.rng.choice(self.words["qualifiers"])
        return title

    def summary(self) -> str:
        parts = [self.sentence(), self.rng.choice(self.words["facts"])]
        self.rng.shuffle(parts)
        return " ".join(parts)[:400]

    def body(self) -> str:
        """150 to 400 words in paragraphs of facts and made sentences, sometimes a list."""
        target, count, paragraphs = self.rng.randint(150, 400), 0, []
        while count < target:
            if paragraphs and self.rng.random() < 0.15:
                points = self.rng.sample(self.words["objects"], 4)
                paragraph = self.words["list"] + "\n\n" + "\n".join(f"- {capital(p)}" for p in points)
            else:
                sentences = [
                    self.rng.choice(self.words["facts"]) if self.rng.random() < 0.3 else self.sentence()
                    for _ in range(self.rng.randint(3, 6))
                ]
                paragraph = " ".join(sentences)
                if self.rng.random() < 0.2:
                    head, _, rest = paragraph.partition(" ")
                    paragraph = f"**{head}** {rest}"
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        return "\n\n".join(paragraphs)

    def easy_read(self) -> str:
        return " ".join(self.rng.sample(self.words["easy"], self.rng.randint(3, 5)))

    def tags(self) -> list[str]:
        tags = [tag for tag, share in TAGS.items() if self.rng.random() < share]
        tags += [tag for tag in self.words["tags"] if self.rng.random() < 0.3]
        return knowledge_services.clean_tags(tags or [self.rng.choice(list(TAGS))])


def audiences(rng: random.Random) -> list[str]:
    count = 1 if rng.random() < 0.6 else 2
    chosen: list[str] = []
    while len(chosen) < count:
        audience = rng.choices(list(AUDIENCE_WEIGHTS), list(AUDIENCE_WEIGHTS.values()))[0]
        if audience not in chosen:
            chosen.append(audience)
    return chosen


def owners_by_language() -> dict[str, list[Organisation]]:
    """The demo organisations that may own items and paths in each language (English: any of them)."""
    demo = [o for o in Organisation.objects.exclude(kind=Organisation.Kind.SYSTEM_OWNER)]
    owners = {lang: [o for o in demo if o.language == lang] for lang in LANGUAGES}
    owners["en"] = demo
    return owners


def make_items(rng: random.Random, admin: User) -> list[Item]:
    """ITEMS published items, rendered and indexed by the services' own `_render`, not yet saved."""
    owners = owners_by_language()
    slugs = Slugs(Item)
    now = timezone.now()
    items = []
    for n in range(ITEMS):
        writer = Writer(rng, rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0])
        values = {
            "kind": rng.choices(KINDS, KIND_WEIGHTS)[0],
            "title": writer.title(),
            "language": writer.language,
            "summary": writer.summary(),
            "tags": writer.tags(),
            "audiences": audiences(rng),
        }
        if n == 0:
            values, writer = dict(MARKER), Writer(rng, MARKER["language"])
        values["body"] = writer.body()
        published = now - dt.timedelta(minutes=rng.randint(60, 60 * 24 * 1000))
        item = Item(
            **values,
            slug=slugs(values["title"]),
            easy_read=writer.easy_read() if rng.random() < 0.25 else "",
            url=f"https://kunskap.example/{n}" if values["kind"] == Kind.LINK else "",
            organisation=rng.choice(owners[values["language"]]) if rng.random() < 0.6 else None,
            status=ItemStatus.PUBLISHED,
            created_by=admin if rng.random() < 0.5 else None,
            created_at=published - dt.timedelta(days=rng.randint(0, 20)),
            published_at=published,
            updated_at=published,
        )
        knowledge_services._render(item)  # body_html, easy_read_html, index_text: as the services do
        items.append(item)
    if items[0].slug != MARKER_SLUG:
        raise SystemExit(f"knowledge_data: the first item got the slug {items[0].slug}, not {MARKER_SLUG}")
    return items


VECTOR_SQL = """
UPDATE {table} AS item SET search_vector =
    setweight(to_tsvector(v.config::regconfig, v.a), 'A')
    || setweight(to_tsvector('simple'::regconfig, v.a_stems), 'A')
    || setweight(to_tsvector(v.config::regconfig, v.b), 'B')
    || setweight(to_tsvector('simple'::regconfig, v.b_stems), 'B')
    || setweight(to_tsvector(v.config::regconfig, v.c), 'C')
    || setweight(to_tsvector('simple'::regconfig, v.c_stems), 'C')
FROM (VALUES {rows}) AS v(id, config, a, a_stems, b, b_stems, c, c_stems)
WHERE item.id = v.id
"""


def vector_fields(item: Item) -> list:
    """What services._reindex puts in the vector: title A, summary and tags B, texts C, each in the item's
    language configuration and as stems from stemming.py in `simple`."""
    row: list = [item.pk, knowledge_services.PG_CONFIG.get(item.language, "english")]
    for text in (
        item.title,
        item.summary + " " + " ".join(item.tags),
        " ".join([item.body, item.easy_read, item.transcript]),
    ):
        row += [text, " ".join(stemming.stems(text, item.language))]
    return row


def write_vectors(items: list[Item], rng: random.Random) -> None:
    """PostgreSQL: the search vectors, one UPDATE per batch, then a check against services._reindex."""
    table = connection.ops.quote_name(Item._meta.db_table)
    placeholders = "(%s::bigint, %s::text, %s::text, %s::text, %s::text, %s::text, %s::text, %s::text)"
    with connection.cursor() as cursor:
        for batch in batched(items, BATCH):
            rows = [value for item in batch for value in vector_fields(item)]
            cursor.execute(VECTOR_SQL.format(table=table, rows=", ".join([placeholders] * len(batch))), rows)
        sample = rng.sample(items, min(25, len(items)))
        query = f"SELECT search_vector::text FROM {table} WHERE id = %s"  # noqa: S608
        for item in sample:
            cursor.execute(query, [item.pk])
            ours = cursor.fetchone()[0]
            knowledge_services._reindex(item)
            cursor.execute(query, [item.pk])
            theirs = cursor.fetchone()[0]
            if ours != theirs:
                raise SystemExit(
                    f"knowledge_data: the search vector of item {item.pk} differs from _reindex's"
                )
    say(f"search vectors checked against services._reindex on {len(sample)} items")


def make_organisations(rng: random.Random) -> tuple[int, int]:
    """ORGANISATIONS organisations (a few new municipalities, then services, user organisations and
    voluntary organisations), each with a contact bank entry."""
    slugs = Slugs(Organisation)
    towns: dict[str, list[Organisation]] = {}
    for lang, words in DIRECTORY.items():
        towns[lang] = [
            Organisation(
                name=name,
                slug=slugs(name),
                kind=M,
                country=COUNTRY_OF[lang],
                language=lang,
                description=words["what"][M][0],
            )
            for name in words["municipalities"]
        ]
    made = [(org, lang, None) for lang, orgs in towns.items() for org in orgs]
    Organisation.objects.bulk_create([org for org, _, _ in made])
    demo = {lang: Organisation.objects.get(slug=slug) for lang, slug in DEMO_MUNICIPALITY.items()}
    languages, language_weights = list(ORG_LANGUAGE_WEIGHTS), list(ORG_LANGUAGE_WEIGHTS.values())
    kinds, kind_weights = list(ORG_KIND_WEIGHTS), list(ORG_KIND_WEIGHTS.values())
    names: set[str] = set()
    others = []
    for n in range(ORGANISATIONS - len(made)):
        lang = rng.choices(languages, language_weights)[0]
        words = DIRECTORY[lang]
        kind = rng.choices(kinds, kind_weights)[0]
        first, last = words["places"]
        name = rng.choice(words["names"][kind]).format(p=rng.choice(first) + rng.choice(last))
        if name in names:
            name = f"{name} {rng.choice(words['districts'])}"
        if name in names:
            name = f"{name} {n}"
        names.add(name)
        town = demo[lang] if rng.random() < DEMO_SHARE[lang] else rng.choice(towns[lang])
        org = Organisation(
            name=name,
            slug=slugs(name),
            kind=kind,
            parent=town if kind == S else None,
            country=COUNTRY_OF[lang],
            language=lang,
            description=rng.choice(words["what"][kind]),
        )
        others.append(org)
        made.append((org, lang, town))
    Organisation.objects.bulk_create(others, batch_size=BATCH)
    entries = []
    for org, lang, town in made:
        words = DIRECTORY[lang]
        if org.kind == S and rng.random() < 0.3:
            town = None  # the contact bank then goes by the parent
        elif org.kind in (U, N) and rng.random() < 0.1:
            town = None  # in no municipality
        phone = words["phone"].format(
            a=rng.randint(10, 999), b=rng.randint(10, 99), c=rng.randint(10, 99), d=rng.randint(10, 99)
        )
        entries.append(
            DirectoryEntry(
                organisation=org,
                what_we_do=" ".join(rng.sample(words["what"][org.kind], 2)),
                for_whom=rng.choice(words["for_whom"][org.kind]),
                municipality=town,
                email=f"kontakt@{org.slug}.example" if rng.random() < 0.5 else "",
                phone=phone if rng.random() < 0.7 else "",
                website=f"https://{org.slug}.example" if rng.random() < 0.4 else "",
                listed=rng.random() < 0.97,
            )
        )
    DirectoryEntry.objects.bulk_create(entries, batch_size=BATCH)
    return len(made), len(entries)


def make_paths(rng: random.Random, admin: User) -> int:
    """PATHS published learning paths of 5 steps, made by learning.services.path_create."""
    owners = owners_by_language()
    published = {
        lang: list(Item.objects.filter(language=lang, status=ItemStatus.PUBLISHED).only("pk", "status"))
        for lang in LANGUAGES
    }
    for _ in range(PATHS):
        language = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
        words, writer = VOCABULARY[language], Writer(rng, language)
        learning_services.path_create(
            actor=admin,
            title=rng.choice(words["paths"]) + rng.choice(PATH_QUALIFIERS[language]),
            language=language,
            organisation=rng.choice(owners[language]) if rng.random() < 0.5 else None,
            steps=[(item, rng.choice(words["questions"])) for item in rng.sample(published[language], 5)],
            description=f"{writer.sentence()} {writer.sentence()}",
            audiences=audiences(rng),
            hours=rng.randint(1, 8),
            published=True,
        )
    return PATHS


def generated() -> bool:
    return Item.objects.filter(slug=MARKER_SLUG).exists()


@transaction.atomic
def generate() -> bool:
    if generated():
        return False
    rng = random.Random(2026)
    admin = User.objects.get(email=ADMIN)
    started = time.monotonic()
    items = make_items(rng, admin)
    say(f"{len(items)} items written and indexed in memory ({time.monotonic() - started:.1f} s)")
    Item.objects.bulk_create(items, batch_size=BATCH)
    say(f"{len(items)} items saved ({time.monotonic() - started:.1f} s)")
    if connection.vendor == "postgresql":
        write_vectors(items, rng)
        say(f"search vectors written ({time.monotonic() - started:.1f} s)")
    organisations, entries = make_organisations(rng)
    say(f"{organisations} organisations, {entries} entries ({time.monotonic() - started:.1f} s)")
    make_paths(rng, admin)
    say(f"{PATHS} learning paths ({time.monotonic() - started:.1f} s)")
    return True


def analyze() -> None:
    started = time.monotonic()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    say(f"statistics updated ({time.monotonic() - started:.1f} s)")


def address(name: str, language: str, query: dict | None = None, **kwargs: str) -> str:
    with translation.override(language):
        path = reverse(name, kwargs=kwargs or None)
    return f"{path}?{urlencode(query)}" if query else path


def targets() -> dict:
    if not generated():
        raise SystemExit("knowledge_data: no benchmark data yet; run `generate` first")
    items = Item.objects.filter(status=ItemStatus.PUBLISHED)
    return {
        "paths": {
            "knowledge_list": address("knowledge:list", "sv"),
            "knowledge_search_sv": address("knowledge:list", "sv", {"q": "brukarrådet"}),
            "knowledge_search_da": address("knowledge:list", "da", {"q": "brugerrådene"}),
            "knowledge_search_filtered": address(
                "knowledge:list",
                "en",
                {"q": "councils", "kind": "article", "audience": "representatives", "language": "en"},
            ),
            "knowledge_search_no_match": address("knowledge:list", "sv", {"q": "xyzzyplugh"}),
            "knowledge_tag": address("knowledge:list", "sv", {"tag": TAG}),
            "knowledge_item": address("knowledge:item", "sv", slug=MARKER_SLUG),
            "directory_list": address("directory:organisations", "sv"),
            "directory_search": address("directory:organisations", "sv", {"q": "boendestöd"}),
            "directory_municipality": address(
                "directory:organisations", "sv", {"municipality": MUNICIPALITY}
            ),
            "learning_paths": address("learning:paths", "sv"),
            "learning_builder": address("learning:edit", "sv", {"q": "brukarråd"}, slug=DEMO_PATH),
        },
        "viewers": {"learning_builder": ADMIN},
        "counts": {
            "items": Item.objects.count(),
            "items_published": items.count(),
            "items_by_language": dict(Counter(items.values_list("language", flat=True))),
            "items_tagged": items.filter(index_text__contains=f" #{TAG} ").count(),
            "organisations": Organisation.objects.count(),
            "directory_entries": DirectoryEntry.objects.count(),
            "in_exempelkommun": DirectoryEntry.objects.filter(municipality__slug=MUNICIPALITY).count(),
            "paths": Path.objects.count(),
            "paths_published": Path.objects.filter(published=True).count(),
            "steps": Step.objects.count(),
        },
    }


def measure() -> dict:
    """Each page REPEAT times after one warm-up request, signed in as the facilitator (the path builder
    as the platform admin, who may change the demo's shared paths)."""
    plan = targets()
    clients: dict[str, Client] = {}
    for email in {VIEWER, *plan["viewers"].values()}:
        clients[email] = Client(HTTP_HOST="127.0.0.1")
        clients[email].force_login(User.objects.get(email=email))
    out = {}
    for name, path in plan["paths"].items():
        client = clients[plan["viewers"].get(name, VIEWER)]
        client.get(path)
        latencies, errors, statuses = [], 0, set()
        started = time.monotonic()
        for _ in range(REPEAT):
            begun = time.perf_counter()
            response = client.get(path)
            if response.status_code == 200:
                latencies.append(time.perf_counter() - begun)
            else:
                errors += 1
                statuses.add(response.status_code)
        out[name] = {"seconds": time.monotonic() - started, "latencies": latencies, "errors": errors}
        ordered = sorted(latencies)
        median = f"{ordered[len(ordered) // 2] * 1000:.0f} ms" if ordered else "-"
        failed = f", {errors} errors (status {', '.join(map(str, sorted(statuses)))})" if errors else ""
        say(f"{name} ({path}): median {median}{failed}")
    return out


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "targets"
    if command == "generate":
        started = time.monotonic()
        created = generate()
        if created:
            analyze()
        say(f"data set {'generated' if created else 'already present'} in {time.monotonic() - started:.1f} s")
    elif command == "measure":
        print(json.dumps(measure()))
        return 0
    elif command != "targets":
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(targets()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
