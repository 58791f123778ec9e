"""The texts of the knowledge bank demo (see demo.py): written for Medvind, in five languages."""

EN = {
    "participation": (
        "What is user participation?",
        "User participation means that the people who use a service help to decide how it works. Here is what it is, why it matters and how it starts.",
        """User participation means that the people who use a service take part in deciding how the service works. It is not a favour. In the Nordic countries it is a right written into law, and it is also one of the best ways to make services better.

## Three levels

Participation happens on three levels:

- **Your own support.** You take part in the plans and decisions about your own help: what you need, what works, what should change.
- **The service.** Users and their organisations help to plan, check and improve a service, for example in a user council or a user-led audit.
- **The system.** User organisations take part when a municipality or region plans new services, writes rules or decides where the money goes.

## Why it matters

People who use a service know things that nobody else knows. They know what it is like to wait, to be met well or badly, to understand a letter or not. This is called *lived experience*, and it is knowledge, just as professional training is. When staff and users work side by side, both kinds of knowledge are used.

Participation also builds trust. People who are listened to are more likely to use the help they are offered, and staff learn what really makes a difference.

## What it takes

Real participation needs more than one meeting. It needs:

- time and information before decisions are made, not after;
- plain language, and easy-read versions when needed;
- pay or compensation for the time of user representatives;
- feedback: what happened with what people said, and why.

## Where to start

Start small and be honest about what can change. Invite a user organisation to a first meeting, ask what matters most to them, and agree on how you will report back. Then keep your promise. The next steps in this knowledge bank show how to prepare a user council meeting and how a user-led audit works.""",
        """**User participation** means: you help decide how the help works.

- You can say what you need.
- You can say what works and what does not.
- The service must listen.
- The service must tell you what they did with what you said.

Your experience is knowledge. It helps the service get better.""",
    ),
    "meeting": (
        "How to prepare for a user council meeting",
        "A good user council meeting starts weeks before the day. A checklist for chairs, staff and user representatives.",
        """A user council is a regular meeting where user representatives and a service talk about how the service works and how it can be better. A good meeting starts long before the day itself.

## Four weeks before

- **Collect themes.** Ask members and user organisations what they want to discuss. Themes from users come first on the agenda, not last.
- **Book a room that everyone can reach.** Check step-free access, a hearing loop, quiet space and the bus times. Offer a digital link for those who cannot travel.
- **Check compensation.** Tell representatives how they are paid for their time and travel, and how to claim it.

## Two weeks before

- **Send the invitation and the agenda.** Say what each item is about, what the council is asked to do (listen, discuss or decide) and how long it takes.
- **Send papers in plain language.** Add an easy-read summary of long papers. Nobody should read thirty pages to take part.
- **Ask about needs.** Interpreter, sign language, large print, a support person, food allergies.

## On the day

- Start with a short round: who is here and why.
- Keep to time, and leave real time for questions. Short breaks help everyone.
- The chair makes sure that everyone who wants to speak gets to speak.
- Write down decisions and action items: what, who and by when.

## After the meeting

- Send the minutes within a week, with an easy-read summary.
- Report back on every proposal: what was decided and why. A proposal that cannot be done still needs an answer.
- Follow up action items at the next meeting.

## For user representatives

Read the agenda, talk with the people you represent, and bring their questions. You do not have to know everything. Your task is to bring experience, and to ask when something is unclear.""",
        """**Before the meeting**
- You get the agenda two weeks before.
- Read it. Ask if something is hard.
- Tell us what you need, for example an interpreter.

**At the meeting**
- Everyone can speak.
- We write down what we decide.

**After the meeting**
- You get the minutes.
- We tell you what happened with your ideas.""",
    ),
    "audit": (
        "How a user-led audit works",
        "In a user-led audit, people with lived experience examine a service and suggest what should change. The steps, from agreement to follow-up.",
        """In a user-led audit (in Swedish: *brukarrevision*), people with their own experience of a kind of service examine a service and suggest improvements. The auditors have used similar services themselves, but not the one they audit, so they can ask freely.

## The steps

1. **Commission.** A municipality, region or service asks for an audit, often together with a user organisation. They agree on the question: what should the audit find out?
2. **Agreement.** Both sides agree on the timetable, who informs the people who use the service, how answers are kept anonymous and how the results are reported back.
3. **Team.** A coordinator forms a team of trained user auditors from the auditor pool. Nobody audits a service they use themselves.
4. **Instruments.** The team writes a questionnaire (*enkät*) and an interview guide, together with the service, in plain language.
5. **Collection.** The auditors visit the service, hand out the questionnaire and hold interviews (*intervjuer*). People answer on paper, online or face to face.
6. **Analysis.** The team reads the answers together. Small groups are not shown, so that nobody can be recognised.
7. **Report.** The team writes the report with an easy-read summary. The service checks the facts before it is published.
8. **Answer and follow-up.** The service answers each recommendation with what it will do. After six months or a year, the team checks what has changed.

## Why it works

People who use a service often tell another user things they would not tell staff. Auditors understand the answers from their own experience. And because the service agreed to the audit from the start, the results are used and not just filed.

## What it takes

Training for the auditors, a coordinator, pay for the auditors' time, and a service that is ready to listen. The Dalarna model shows that it can be done again and again: housing support (*boendestöd*), day centres and psychiatry have all been audited this way.""",
        """**A user-led audit** is a check of a service.
- People who have used services do the check.
- They ask people who use the service what they think.
- They write a report.
- The service must answer: what will we change?

Later they check again: did it change?""",
    ),
    "easyread": (
        "How to write in easy-read",
        "Easy-read texts help many people: people with learning disabilities, people who are new to the language, and everyone who is tired or stressed.",
        """Easy-read is a way of writing that makes a text easy to understand. It helps people with learning disabilities, people with dyslexia, people who are learning the language, and anyone who reads on a small screen or on a bad day. When information is in easy-read, more people can take part.

## Before you write

- **Know your reader.** Who will read this, and what do they need to know or do?
- **Choose what matters most.** Easy-read is not the whole text made simple. It is the most important things, made clear.

## Words

- Use common, everyday words. Write *help*, not *assistance*.
- Explain a word that must be used, the first time you use it.
- Use the same word for the same thing every time.
- Avoid abbreviations, metaphors and irony.
- Write numbers as numbers: 3, not three.

## Sentences

- One idea in each sentence.
- Short sentences, and active verbs: *We will call you*, not *You will be contacted*.
- Talk to the reader: *you* and *we*.
- Say what people should do, not only what they should not do.

## Layout

- Short paragraphs with a clear heading.
- Lists with bullets for steps or choices.
- Left-aligned text, a clear font, and enough space between lines.
- Pictures can help, when they show what the text says.

## Test it

The best check is to ask people who will use the text. Ask a user organisation to read it, and listen when they say something is hard. Change it, and ask again.

## In Medvind

Every item in this knowledge bank, and many other pages, can have an easy-read version. People who turn on easy-read in their settings see it first.""",
        """**Easy-read** is text that is easy to understand.
- Use short sentences.
- Use common words.
- Write one thing in each sentence.
- Use lists.
- Ask readers if it is clear.""",
    ),
    "experience": (
        "The value of lived experience",
        "What you know from your own life is knowledge. Why it matters, and how staff can make room for it.",
        """Lived experience is what you know because you have lived it. Maybe you have waited for help, lived with mental illness, had housing support or had problems with alcohol or drugs. You know what helped, what did not, and how it felt to be met by staff.

## Why it matters

Staff know the rules, the methods and the research. People who use a service know what it is like from the inside. Both kinds of knowledge are needed. When only one of them is used, services miss things: a letter that nobody understands, opening hours that do not work, a meeting that feels like a test.

Lived experience can also give hope. Meeting someone who has been through the same thing and is doing better shows that change is possible.

## How staff can make room for it

- Ask early, before the plans are done.
- Listen without defending the service. Say thank you, and ask what would be better.
- Treat experience as knowledge, not as a story to fill a gap in a meeting.
- Pay people for their time, in the same way as other experts.
- Tell people what you did with what they said.
- Make it safe. Nobody has to share more of their life than they want to.

## For you who share your experience

Your experience matters even if it was long ago, and even if others have had different ones. You can speak from your own life and also bring what other people have told you. You decide what you want to share.""",
        """**Lived experience** is what you know from your own life.
- You know what helped you.
- You know what did not help.
- This is knowledge. Staff need it.
- You choose what you want to tell.
- You should get paid for your time.""",
    ),
    "representative": (
        "The role of a user representative",
        "As a user representative you speak for others, not only for yourself. What the role means, and what you can ask for.",
        """A user representative takes part in a user council, a working group or a project, and speaks for the people who use a service. You are there because of your experience, and you bring the views of others too.

## Who you speak for

Find out who you represent. It may be a user organisation, the people who use one service, or a group such as people with mental health problems. Ask the people who chose you what they expect. If you speak only for yourself in a meeting, say so.

## How to learn what they think

- Talk with members of your organisation before each meeting.
- Visit places where people meet, or ask staff to help you reach people who are not in an organisation.
- Ask short questions: What works? What should change?
- After the meeting, tell them what happened.

## Confidentiality

You may hear things about single people, in the meeting or from the people you talk with. Do not pass on names or details that can show who someone is. Talk about what many people have said, not about one person. If you are not sure what is confidential, ask the chair.

## What you can ask for

- **Papers in time**, best two weeks before the meeting, in plain language.
- **Pay or compensation** for your time and your travel.
- **Support**: an introduction to the role, a contact person, help with technology or an interpreter.
- **Answers**: what happened with what you brought up.

You do not have to know everything. Ask when something is unclear. That helps everyone.""",
        """**A user representative** speaks for other people who use the service.
- Ask them what they think before the meeting.
- Do not tell others names or private things.
- Ask to get the papers in good time.
- You should get paid for your time.
- You can ask for help.""",
    ),
}

SV = {
    "participation": (
        "Vad är brukarinflytande?",
        "Brukarinflytande betyder att de som använder en verksamhet är med och bestämmer hur den fungerar. Här är vad det är, varför det är viktigt och hur man börjar.",
        """Brukarinflytande betyder att de som använder en verksamhet är med och bestämmer hur verksamheten fungerar. Det är ingen tjänst man gör någon. I de nordiska länderna är det en rättighet som står i lagen, och det är också ett av de bästa sätten att göra verksamheter bättre.

## Tre nivåer

Inflytande sker på tre nivåer:

- **Det egna stödet.** Du är med i planer och beslut om din egen hjälp: vad du behöver, vad som fungerar och vad som ska ändras.
- **Verksamheten.** Brukare och deras organisationer är med och planerar, granskar och förbättrar en verksamhet, till exempel i ett brukarråd eller en brukarrevision.
- **Systemet.** Brukarorganisationer är med när kommunen eller regionen planerar nya verksamheter, skriver regler eller bestämmer vart pengarna går.

## Varför det är viktigt

Den som använder en verksamhet vet saker som ingen annan vet. Hur det är att vänta, att bli bra eller dåligt bemött, att förstå ett brev eller inte. Det kallas *erfarenhetskunskap*, och det är kunskap, precis som en yrkesutbildning. När personal och brukare arbetar sida vid sida används båda sorternas kunskap.

Inflytande bygger också förtroende. Den som blir lyssnad på använder oftare den hjälp som erbjuds, och personalen lär sig vad som verkligen gör skillnad.

## Vad som krävs

Verkligt inflytande kräver mer än ett möte. Det kräver:

- tid och information innan besluten fattas, inte efteråt;
- klarspråk, och lättlästa versioner när det behövs;
- arvode eller ersättning för brukarrepresentanternas tid;
- återkoppling: vad hände med det folk sa, och varför.

## Var man börjar

Börja i liten skala och var ärlig om vad som kan ändras. Bjud in en brukarorganisation till ett första möte, fråga vad som är viktigast för dem och kom överens om hur ni ska återkoppla. Håll sedan det ni lovat. Nästa steg i kunskapsbanken visar hur man förbereder ett brukarrådsmöte och hur en brukarrevision går till.""",
        """**Brukarinflytande** betyder: du är med och bestämmer hur hjälpen fungerar.

- Du kan säga vad du behöver.
- Du kan säga vad som fungerar och vad som inte fungerar.
- Verksamheten ska lyssna.
- Verksamheten ska berätta vad de gjorde med det du sa.

Det du har varit med om är kunskap. Den hjälper verksamheten att bli bättre.""",
    ),
    "meeting": (
        "Så förbereder du ett möte i brukarrådet",
        "Ett bra möte i brukarrådet börjar veckor före mötesdagen. En checklista för ordförande, personal och brukarrepresentanter.",
        """Ett brukarråd är ett återkommande möte där brukarrepresentanter och en verksamhet talar om hur verksamheten fungerar och hur den kan bli bättre. Ett bra möte börjar långt före själva dagen.

## Fyra veckor före

- **Samla teman.** Fråga ledamöterna och brukarorganisationerna vad de vill ta upp. Teman från brukarna kommer först på dagordningen, inte sist.
- **Boka en lokal som alla kan ta sig till.** Kontrollera att det går att komma in utan trappor, att det finns hörslinga och ett lugnt rum, och hur bussarna går. Erbjud en digital länk för den som inte kan resa.
- **Kontrollera ersättningen.** Berätta för representanterna hur de får betalt för sin tid och sina resor och hur de begär det.

## Två veckor före

- **Skicka kallelsen och dagordningen.** Skriv vad varje punkt handlar om, vad rådet ska göra (lyssna, diskutera eller besluta) och hur lång tid det tar.
- **Skicka underlag på klarspråk.** Lägg till en lättläst sammanfattning av långa underlag. Ingen ska behöva läsa trettio sidor för att vara med.
- **Fråga om behov.** Tolk, teckenspråk, stor text, en stödperson, allergier.

## På mötesdagen

- Börja med en kort runda: vem är här och varför.
- Håll tiden och lämna verklig tid för frågor. Korta pauser hjälper alla.
- Ordföranden ser till att alla som vill säga något får ordet.
- Skriv ner beslut och åtgärder: vad, vem och till när.

## Efter mötet

- Skicka protokollet inom en vecka, med en lättläst sammanfattning.
- Återkoppla på varje förslag: vad som beslutades och varför. Ett förslag som inte kan genomföras behöver också ett svar.
- Följ upp åtgärderna på nästa möte.

## För brukarrepresentanter

Läs dagordningen, prata med dem du företräder och ta med deras frågor. Du behöver inte kunna allt. Din uppgift är att bidra med erfarenhet och att fråga när något är oklart.""",
        """**Före mötet**
- Du får dagordningen två veckor före.
- Läs den. Fråga om något är svårt.
- Berätta vad du behöver, till exempel tolk.

**På mötet**
- Alla får prata.
- Vi skriver ner vad vi bestämmer.

**Efter mötet**
- Du får protokollet.
- Vi berättar vad som hände med dina idéer.""",
    ),
    "audit": (
        "Så går en brukarrevision till",
        "I en brukarrevision granskar personer med egen erfarenhet en verksamhet och föreslår vad som ska ändras. Stegen, från överenskommelse till uppföljning.",
        """I en brukarrevision granskar personer med egen erfarenhet av en sorts verksamhet en verksamhet och föreslår förbättringar. Revisorerna har själva använt liknande verksamheter, men inte den som granskas, så att de kan fråga fritt.

## Stegen

1. **Beställning.** En kommun, region eller verksamhet beställer en granskning, ofta tillsammans med en brukarorganisation. De kommer överens om frågan: vad ska granskningen ta reda på?
2. **Överenskommelse.** Båda parter kommer överens om tidsplanen, vem som informerar dem som använder verksamheten, hur svaren hålls anonyma och hur resultatet återkopplas.
3. **Team.** En samordnare sätter ihop ett team av utbildade brukarrevisorer från revisorspoolen. Ingen granskar en verksamhet som hen själv använder.
4. **Instrument.** Teamet skriver en enkät och en intervjuguide tillsammans med verksamheten, på klarspråk.
5. **Insamling.** Revisorerna besöker verksamheten, delar ut enkäten och gör intervjuer. Man kan svara på papper, på nätet eller i ett samtal.
6. **Analys.** Teamet läser svaren tillsammans. Små grupper visas inte, så att ingen kan kännas igen.
7. **Rapport.** Teamet skriver rapporten med en lättläst sammanfattning. Verksamheten faktagranskar innan den publiceras.
8. **Svar och uppföljning.** Verksamheten svarar på varje rekommendation med vad den ska göra. Efter sex månader eller ett år undersöker teamet vad som har ändrats.

## Varför det fungerar

Den som använder en verksamhet berättar ofta saker för en annan brukare som hen inte skulle säga till personalen. Revisorerna förstår svaren utifrån sin egen erfarenhet. Och eftersom verksamheten har gått med på granskningen från början, används resultatet och hamnar inte bara i en pärm.

## Vad som krävs

Utbildning för revisorerna, en samordnare, arvode för revisorernas tid och en verksamhet som är beredd att lyssna. Dalarnas modell visar att det går att göra gång på gång: boendestöd, dagverksamheter och psykiatri har granskats på det här sättet.""",
        """**En brukarrevision** är en granskning av en verksamhet.
- Personer som själva har fått stöd gör granskningen.
- De frågar dem som får stöd vad de tycker.
- De skriver en rapport.
- Verksamheten måste svara: vad ska vi ändra?

Sedan kontrollerar de igen: blev det ändrat?""",
    ),
    "easyread": (
        "Så skriver du lättläst",
        "Lättlästa texter hjälper många: personer med intellektuell funktionsnedsättning, personer som är nya i språket och alla som är trötta eller stressade.",
        """Lättläst är ett sätt att skriva som gör en text lätt att förstå. Det hjälper personer med intellektuell funktionsnedsättning, personer med dyslexi, personer som lär sig språket och alla som läser på en liten skärm eller en dålig dag. När information finns på lättläst kan fler vara med.

## Innan du skriver

- **Känn din läsare.** Vem ska läsa texten, och vad behöver hen veta eller göra?
- **Välj det viktigaste.** Lättläst är inte hela texten förenklad. Det är det viktigaste, sagt tydligt.

## Ord

- Använd vanliga vardagsord. Skriv *hjälp*, inte *bistånd*, om du inte måste.
- Förklara ett ord som måste användas första gången du använder det.
- Använd samma ord för samma sak varje gång.
- Undvik förkortningar, bildspråk och ironi.
- Skriv tal med siffror: 3, inte tre.

## Meningar

- En tanke i varje mening.
- Korta meningar och aktiva verb: *Vi ringer dig*, inte *Du kommer att bli kontaktad*.
- Tala till läsaren: *du* och *vi*.
- Skriv vad man ska göra, inte bara vad man inte ska göra.

## Form

- Korta stycken med en tydlig rubrik.
- Punktlistor för steg eller val.
- Vänsterställd text, ett tydligt typsnitt och luft mellan raderna.
- Bilder kan hjälpa, när de visar det som texten säger.

## Testa texten

Det bästa testet är att fråga dem som ska använda texten. Be en brukarorganisation läsa den och lyssna när de säger att något är svårt. Ändra och fråga igen.

## I Medvind

Varje artikel i kunskapsbanken, och många andra sidor, kan ha en lättläst version. Den som slår på lättläst i sina inställningar ser den först.""",
        """**Lättläst** är text som är lätt att förstå.
- Skriv korta meningar.
- Använd vanliga ord.
- Skriv en sak i varje mening.
- Använd listor.
- Fråga dem som läser om det är tydligt.""",
    ),
    "experience": (
        "Värdet av egen erfarenhet",
        "Det du vet från ditt eget liv är kunskap. Varför den är viktig, och hur personalen kan ge plats åt den.",
        """Egen erfarenhet är det du vet för att du har levt det. Kanske har du väntat på hjälp, levt med psykisk ohälsa, haft boendestöd eller haft problem med alkohol eller droger. Du vet vad som hjälpte, vad som inte gjorde det och hur det kändes att bli bemött av personalen.

## Varför den är viktig

Personalen kan reglerna, metoderna och forskningen. Den som använder en verksamhet vet hur det är inifrån. Båda sorternas kunskap behövs. När bara den ena används missar verksamheten saker: ett brev som ingen förstår, öppettider som inte fungerar, ett möte som känns som ett prov.

Egen erfarenhet kan också ge hopp. Att träffa någon som har varit med om samma sak och som mår bättre visar att förändring är möjlig.

## Så kan personalen ge plats åt den

- Fråga tidigt, innan planerna är klara.
- Lyssna utan att försvara verksamheten. Säg tack och fråga vad som skulle vara bättre.
- Se erfarenhet som kunskap, inte som en berättelse som fyller ut ett möte.
- Betala för tiden, på samma sätt som för andra experter.
- Berätta vad ni gjorde med det folk sa.
- Gör det tryggt. Ingen ska behöva berätta mer om sitt liv än hen vill.

## Till dig som delar din erfarenhet

Din erfarenhet är viktig även om det var länge sedan, och även om andra har varit med om något annat. Du kan tala utifrån ditt eget liv och också ta med det som andra har berättat för dig. Du bestämmer själv vad du vill dela.""",
        """**Egen erfarenhet** är det du vet från ditt eget liv.
- Du vet vad som hjälpte dig.
- Du vet vad som inte hjälpte.
- Det är kunskap. Personalen behöver den.
- Du väljer själv vad du vill berätta.
- Du ska få betalt för din tid.""",
    ),
    "representative": (
        "Rollen som brukarrepresentant",
        "Som brukarrepresentant talar du för andra, inte bara för dig själv. Vad rollen innebär, och vad du kan be om.",
        """En brukarrepresentant är med i ett brukarråd, en arbetsgrupp eller ett projekt och talar för dem som använder en verksamhet. Du är där för din erfarenhet, och du tar också med andras synpunkter.

## Vem du talar för

Ta reda på vem du företräder. Det kan vara en brukarorganisation, de som använder en viss verksamhet eller en grupp, till exempel personer med psykisk ohälsa. Fråga dem som valde dig vad de förväntar sig. Om du bara talar för dig själv på ett möte, säg det.

## Så får du veta vad de tycker

- Prata med medlemmarna i din organisation före varje möte.
- Besök platser där folk träffas, eller be personalen hjälpa dig att nå dem som inte är med i någon organisation.
- Ställ korta frågor: Vad fungerar? Vad borde ändras?
- Berätta efter mötet vad som hände.

## Tystnadsplikt

Du kan få höra saker om enskilda personer, på mötet eller från dem du pratar med. För inte vidare namn eller detaljer som kan visa vem någon är. Tala om vad många har sagt, inte om en enskild person. Fråga ordföranden om du är osäker på vad som ska stanna i rummet.

## Det här kan du be om

- **Underlag i tid**, helst två veckor före mötet, på klarspråk.
- **Arvode eller ersättning** för din tid och dina resor.
- **Stöd**: en introduktion till rollen, en kontaktperson, hjälp med tekniken eller tolk.
- **Svar**: vad som hände med det du tog upp.

Du behöver inte kunna allt. Fråga när något är oklart. Det hjälper alla.""",
        """**En brukarrepresentant** talar för andra som använder verksamheten.
- Fråga dem vad de tycker före mötet.
- Berätta inte namn eller privata saker för andra.
- Be om att få papperen i god tid.
- Du ska få betalt för din tid.
- Du kan be om hjälp.""",
    ),
}

DA = {
    "participation": (
        "Hvad er brugerinddragelse?",
        "Brugerinddragelse betyder, at de mennesker, der bruger et tilbud, er med til at bestemme, hvordan det fungerer. Her er, hvad det er, hvorfor det er vigtigt, og hvordan man begynder.",
        """Brugerinddragelse betyder, at de mennesker, der bruger et tilbud, er med til at bestemme, hvordan tilbuddet fungerer. Det er ikke en tjeneste, man gør nogen. I de nordiske lande er det en rettighed, der står i loven, og det er også en af de bedste måder at gøre tilbud bedre på.

## Tre niveauer

Inddragelse sker på tre niveauer:

- **Din egen støtte.** Du er med i planer og beslutninger om din egen hjælp: hvad du har brug for, hvad der virker, og hvad der skal ændres.
- **Tilbuddet.** Brugere og deres organisationer er med til at planlægge, undersøge og forbedre et tilbud, for eksempel i et brugerråd eller en brugerstyret evaluering.
- **Systemet.** Brugerorganisationer er med, når kommunen eller regionen planlægger nye tilbud, skriver regler eller beslutter, hvor pengene skal bruges.

## Hvorfor det er vigtigt

Den, der bruger et tilbud, ved ting, som ingen andre ved. Hvordan det er at vente, at blive mødt godt eller dårligt, at forstå et brev eller ikke at forstå det. Det kaldes *erfaringsviden*, og det er viden, præcis som en faglig uddannelse. Når personale og brugere arbejder side om side, bliver begge slags viden brugt.

Inddragelse skaber også tillid. Den, der bliver lyttet til, bruger oftere den hjælp, der bliver tilbudt, og personalet lærer, hvad der virkelig gør en forskel.

## Hvad det kræver

Rigtig inddragelse kræver mere end ét møde. Det kræver:

- tid og information, før beslutningerne træffes, ikke bagefter;
- klart sprog, og letlæste udgaver, når der er brug for det;
- honorar eller godtgørelse for brugerrepræsentanternes tid;
- tilbagemelding: hvad skete der med det, folk sagde, og hvorfor.

## Hvor man begynder

Begynd i det små, og vær ærlig om, hvad der kan ændres. Invitér en brugerorganisation til et første møde, spørg, hvad der er vigtigst for dem, og aftal, hvordan I melder tilbage. Hold så det, I har lovet. De næste artikler i videnbanken viser, hvordan man forbereder et møde i brugerrådet, og hvordan en brugerstyret evaluering foregår.""",
        """**Brugerinddragelse** betyder: du er med til at bestemme, hvordan hjælpen virker.

- Du kan sige, hvad du har brug for.
- Du kan sige, hvad der virker, og hvad der ikke virker.
- Tilbuddet skal lytte.
- Tilbuddet skal fortælle, hvad de gjorde med det, du sagde.

Det, du har oplevet, er viden. Den hjælper tilbuddet med at blive bedre.""",
    ),
    "meeting": (
        "Sådan forbereder du et møde i brugerrådet",
        "Et godt møde i brugerrådet begynder uger før mødedagen. En tjekliste for formænd, personale og brugerrepræsentanter.",
        """Et brugerråd er et fast møde, hvor brugerrepræsentanter og et tilbud taler om, hvordan tilbuddet fungerer, og hvordan det kan blive bedre. Et godt møde begynder længe før selve dagen.

## Fire uger før

- **Saml emner.** Spørg medlemmerne og brugerorganisationerne, hvad de vil tale om. Emner fra brugerne kommer først på dagsordenen, ikke sidst.
- **Book et lokale, som alle kan komme til.** Tjek adgang uden trapper, teleslynge, et roligt rum og bustiderne. Tilbyd et digitalt link til dem, der ikke kan rejse.
- **Tjek godtgørelsen.** Fortæl repræsentanterne, hvordan de får betaling for deres tid og transport, og hvordan de søger om den.

## To uger før

- **Send indkaldelsen og dagsordenen.** Skriv, hvad hvert punkt handler om, hvad rådet skal gøre (lytte, drøfte eller beslutte), og hvor lang tid det tager.
- **Send bilag på klart sprog.** Tilføj et letlæst resumé af lange bilag. Ingen skal læse tredive sider for at kunne være med.
- **Spørg om behov.** Tolk, tegnsprog, stor skrift, en støtteperson, allergier.

## På mødedagen

- Begynd med en kort runde: hvem er her, og hvorfor.
- Hold tiden, og giv rigtig tid til spørgsmål. Korte pauser hjælper alle.
- Formanden sørger for, at alle, der vil sige noget, får ordet.
- Skriv beslutninger og opgaver ned: hvad, hvem og hvornår.

## Efter mødet

- Send referatet inden for en uge, med et letlæst resumé.
- Meld tilbage på hvert forslag: hvad blev besluttet, og hvorfor. Et forslag, der ikke kan gennemføres, skal også have et svar.
- Følg op på opgaverne på næste møde.

## Til brugerrepræsentanter

Læs dagsordenen, tal med dem, du repræsenterer, og tag deres spørgsmål med. Du behøver ikke at vide alt. Din opgave er at bidrage med erfaring og at spørge, når noget er uklart. Flere møder i træk giver ro: man lærer hinanden at kende, og møderne bliver bedre for hver gang.""",
        """**Før mødet**
- Du får dagsordenen to uger før.
- Læs den. Spørg, hvis noget er svært.
- Fortæl os, hvad du har brug for, for eksempel en tolk.

**På mødet**
- Alle kan tale.
- Vi skriver ned, hvad vi beslutter.

**Efter mødet**
- Du får referatet.
- Vi fortæller, hvad der skete med dine idéer.""",
    ),
    "audit": (
        "Sådan foregår en brugerstyret evaluering",
        "I en brugerstyret evaluering undersøger mennesker med egen erfaring et tilbud og foreslår, hvad der skal ændres. Trinene fra aftale til opfølgning.",
        """I en brugerstyret evaluering (på svensk: *brukarrevision*) undersøger mennesker med egen erfaring med en slags tilbud et tilbud og foreslår forbedringer. Evaluatorerne har selv brugt lignende tilbud, men ikke det, de undersøger, så de kan spørge frit.

## Trinene

1. **Bestilling.** En kommune, en region eller et tilbud bestiller en evaluering, ofte sammen med en brugerorganisation. De bliver enige om spørgsmålet: hvad skal evalueringen finde ud af?
2. **Aftale.** Begge parter aftaler tidsplanen, hvem der informerer brugerne af tilbuddet, hvordan svarene holdes anonyme, og hvordan resultatet meldes tilbage.
3. **Hold.** En koordinator sammensætter et hold af uddannede brugerevaluatorer fra puljen. Ingen evaluerer et tilbud, de selv bruger.
4. **Redskaber.** Holdet skriver et spørgeskema og en interviewguide sammen med tilbuddet, på klart sprog.
5. **Indsamling.** Evaluatorerne besøger tilbuddet, deler spørgeskemaet ud og holder interviews. Man kan svare på papir, online eller i en samtale.
6. **Analyse.** Holdet læser svarene sammen. Små grupper vises ikke, så ingen kan genkendes.
7. **Rapport.** Holdet skriver rapporten med et letlæst resumé. Tilbuddet tjekker fakta, før den bliver offentliggjort.
8. **Svar og opfølgning.** Tilbuddet svarer på hver anbefaling med, hvad det vil gøre. Efter et halvt eller et helt år undersøger holdet, hvad der er ændret.

## Hvorfor det virker

Den, der bruger et tilbud, fortæller ofte en anden bruger ting, som de ikke ville sige til personalet. Evaluatorerne forstår svarene ud fra deres egen erfaring. Og fordi tilbuddet har sagt ja til evalueringen fra begyndelsen, bliver resultatet brugt og ikke bare lagt i en mappe.

## Hvad det kræver

Uddannelse af evaluatorerne, en koordinator, honorar for evaluatorernes tid og et tilbud, der er klar til at lytte. Modellen fra Dalarna i Sverige viser, at det kan gøres igen og igen: bostøtte, dagtilbud og psykiatri er alle blevet evalueret på denne måde.""",
        """**En brugerstyret evaluering** er et tjek af et tilbud.
- Mennesker, der selv har fået hjælp, laver tjekket.
- De spørger brugerne, hvad de synes.
- De skriver en rapport.
- Tilbuddet skal svare: hvad vil vi ændre?

Senere tjekker de igen: blev det ændret?""",
    ),
    "easyread": (
        "Sådan skriver du letlæst",
        "Letlæste tekster hjælper mange: mennesker med udviklingshandicap, mennesker, der er nye i sproget, og alle, der er trætte eller stressede.",
        """Letlæst er en måde at skrive på, som gør en tekst let at forstå. Det hjælper mennesker med udviklingshandicap, mennesker med ordblindhed, mennesker, der lærer sproget, og alle, der læser på en lille skærm eller på en dårlig dag. Når information findes på letlæst, kan flere være med.

## Før du skriver

- **Kend din læser.** Hvem skal læse teksten, og hvad skal de vide eller gøre?
- **Vælg det vigtigste.** Letlæst er ikke hele teksten gjort enkel. Det er det vigtigste, sagt tydeligt.

## Ord

- Brug almindelige hverdagsord. Skriv *hjælp*, ikke *bistand*, hvis du kan.
- Forklar et ord, der skal bruges, første gang du bruger det.
- Brug det samme ord om den samme ting hver gang.
- Undgå forkortelser, billedsprog og ironi.
- Skriv tal med cifre: 3, ikke tre.

## Sætninger

- Én tanke i hver sætning.
- Korte sætninger og aktive verber: *Vi ringer til dig*, ikke *Du vil blive kontaktet*.
- Tal til læseren: *du* og *vi*.
- Skriv, hvad man skal gøre, ikke kun hvad man ikke må.

## Opsætning

- Korte afsnit med en tydelig overskrift.
- Punktlister til trin eller valg.
- Venstrestillet tekst, en tydelig skrifttype og luft mellem linjerne.
- Billeder kan hjælpe, når de viser det, teksten siger.

## Test teksten

Den bedste test er at spørge dem, der skal bruge teksten. Bed en brugerorganisation om at læse den, og lyt, når de siger, at noget er svært. Ret teksten, og spørg igen.

## I Medvind

Hver artikel i videnbanken, og mange andre sider, kan have en letlæst udgave. Den, der slår letlæst til i sine indstillinger, ser den først.""",
        """**Letlæst** er tekst, der er let at forstå.
- Skriv korte sætninger.
- Brug almindelige ord.
- Skriv én ting i hver sætning.
- Brug lister.
- Spørg læserne, om det er tydeligt.""",
    ),
    "experience": (
        "Værdien af egen erfaring",
        "Det, du ved fra dit eget liv, er viden. Hvorfor den er vigtig, og hvordan personalet kan give plads til den.",
        """Egen erfaring er det, du ved, fordi du har levet det. Måske har du ventet på hjælp, levet med psykisk sygdom, haft bostøtte eller haft problemer med alkohol eller stoffer. Du ved, hvad der hjalp, hvad der ikke gjorde, og hvordan det føltes at blive mødt af personalet.

## Hvorfor den er vigtig

Personalet kender reglerne, metoderne og forskningen. Den, der bruger et tilbud, ved, hvordan det er indefra. Begge slags viden er nødvendige. Når kun den ene bliver brugt, overser tilbuddet ting: et brev, som ingen forstår, åbningstider, der ikke passer, et møde, der føles som en eksamen.

Egen erfaring kan også give håb. At møde en, der har været igennem det samme og har det bedre, viser, at forandring er mulig.

## Sådan kan personalet give plads til den

- Spørg tidligt, før planerne er færdige.
- Lyt uden at forsvare tilbuddet. Sig tak, og spørg, hvad der ville være bedre.
- Se erfaring som viden, ikke som en historie, der fylder et møde ud.
- Betal for tiden, ligesom I betaler andre eksperter.
- Fortæl, hvad I gjorde med det, folk sagde.
- Gør det trygt. Ingen skal fortælle mere om deres liv, end de har lyst til.

## Til dig, der deler din erfaring

Din erfaring er vigtig, også selvom det er længe siden, og også selvom andre har oplevet noget andet. Du kan tale ud fra dit eget liv og også tage det med, som andre har fortalt dig. Du bestemmer selv, hvad du vil dele.""",
        """**Egen erfaring** er det, du ved fra dit eget liv.
- Du ved, hvad der hjalp dig.
- Du ved, hvad der ikke hjalp.
- Det er viden. Personalet har brug for den.
- Du vælger selv, hvad du vil fortælle.
- Du skal have betaling for din tid.""",
    ),
    "representative": (
        "Brugerrepræsentantens rolle",
        "Som brugerrepræsentant taler du for andre, ikke kun for dig selv. Hvad rollen går ud på, og hvad du kan bede om.",
        """En brugerrepræsentant er med i et brugerråd, en arbejdsgruppe eller et projekt og taler for dem, der bruger et tilbud. Du er der på grund af din erfaring, og du tager også andres synspunkter med.

## Hvem du taler for

Find ud af, hvem du repræsenterer. Det kan være en brugerorganisation, dem, der bruger et bestemt tilbud, eller en gruppe, for eksempel mennesker med psykiske vanskeligheder. Spørg dem, der valgte dig, hvad de forventer. Hvis du kun taler for dig selv på et møde, så sig det.

## Sådan finder du ud af, hvad de mener

- Tal med medlemmerne af din organisation før hvert møde.
- Besøg steder, hvor folk mødes, eller bed personalet hjælpe dig med at nå dem, der ikke er med i en organisation.
- Stil korte spørgsmål: Hvad virker? Hvad bør ændres?
- Fortæl bagefter, hvad der skete på mødet.

## Tavshedspligt

Du kan høre ting om enkelte personer, på mødet eller fra dem, du taler med. Giv ikke navne eller detaljer videre, som kan vise, hvem nogen er. Tal om det, mange har sagt, ikke om én person. Spørg formanden, hvis du er i tvivl om, hvad der er fortroligt.

## Det kan du bede om

- **Bilag i god tid**, helst to uger før mødet, på klart sprog.
- **Honorar eller godtgørelse** for din tid og din transport.
- **Støtte**: en introduktion til rollen, en kontaktperson, hjælp til teknik eller en tolk.
- **Svar**: hvad der skete med det, du tog op.

Du behøver ikke at vide alt. Spørg, når noget er uklart. Det hjælper alle.""",
        """**En brugerrepræsentant** taler for andre, der bruger tilbuddet.
- Spørg dem, hvad de mener, før mødet.
- Fortæl ikke navne eller private ting til andre.
- Bed om at få papirerne i god tid.
- Du skal have betaling for din tid.
- Du kan bede om hjælp.""",
    ),
}

NB = {
    "participation": (
        "Hva er brukermedvirkning?",
        "Brukermedvirkning betyr at de som bruker en tjeneste, er med og bestemmer hvordan den fungerer. Her er hva det er, hvorfor det er viktig, og hvordan man begynner.",
        """Brukermedvirkning betyr at de som bruker en tjeneste, er med og bestemmer hvordan tjenesten fungerer. Det er ingen tjeneste man gjør noen. I de nordiske landene er det en rettighet som står i loven, og det er også en av de beste måtene å gjøre tjenester bedre på.

## Tre nivåer

Medvirkning skjer på tre nivåer:

- **Din egen hjelp.** Du er med i planer og beslutninger om din egen hjelp: hva du trenger, hva som virker, og hva som bør endres.
- **Tjenesten.** Brukere og organisasjonene deres er med og planlegger, vurderer og forbedrer en tjeneste, for eksempel i et brukerråd eller en brukerstyrt revisjon.
- **Systemet.** Brukerorganisasjoner er med når kommunen eller helseforetaket planlegger nye tjenester, skriver regler eller bestemmer hvor pengene skal gå.

## Hvorfor det er viktig

Den som bruker en tjeneste, vet ting som ingen andre vet. Hvordan det er å vente, å bli møtt godt eller dårlig, å forstå et brev eller ikke. Det kalles *erfaringskompetanse*, og det er kunnskap, akkurat som en fagutdanning. Når ansatte og brukere jobber sidestilt, blir begge slags kunnskap brukt. Slik arbeider lærings- og mestringssentrene: erfarne brukerrepresentanter og fagpersoner planlegger og holder kursene sammen.

Medvirkning bygger også tillit. Den som blir lyttet til, bruker oftere hjelpen som blir tilbudt, og de ansatte lærer hva som virkelig gjør en forskjell.

## Hva som skal til

Ekte medvirkning krever mer enn ett møte. Det krever:

- tid og informasjon før beslutningene tas, ikke etterpå;
- klart språk, og lettleste versjoner når det trengs;
- honorar eller godtgjøring for tiden til brukerrepresentantene;
- tilbakemelding: hva skjedde med det folk sa, og hvorfor.

## Hvor man begynner

Begynn i det små, og vær ærlig om hva som kan endres. Inviter en brukerorganisasjon til et første møte, spør hva som er viktigst for dem, og avtal hvordan dere skal gi tilbakemelding. Hold så det dere har lovet. De neste artiklene i kunnskapsbanken viser hvordan man forbereder et møte i brukerrådet, og hvordan en brukerstyrt revisjon foregår.""",
        """**Brukermedvirkning** betyr: du er med og bestemmer hvordan hjelpen virker.

- Du kan si hva du trenger.
- Du kan si hva som virker og hva som ikke virker.
- Tjenesten skal lytte.
- Tjenesten skal fortelle hva de gjorde med det du sa.

Det du har opplevd, er kunnskap. Den hjelper tjenesten å bli bedre.""",
    ),
    "meeting": (
        "Slik forbereder du et møte i brukerrådet",
        "Et godt møte i brukerrådet begynner uker før møtedagen. En sjekkliste for ledere, ansatte og brukerrepresentanter.",
        """Et brukerråd er et fast møte der brukerrepresentanter og en tjeneste snakker om hvordan tjenesten fungerer, og hvordan den kan bli bedre. Et godt møte begynner lenge før selve dagen.

## Fire uker før

- **Samle temaer.** Spør medlemmene og brukerorganisasjonene hva de vil ta opp. Temaer fra brukerne kommer først på sakslisten, ikke sist.
- **Bestill et lokale som alle kan komme til.** Sjekk trinnfri adkomst, teleslynge, et stille rom og bussrutene. Tilby en digital lenke til dem som ikke kan reise.
- **Sjekk godtgjøringen.** Fortell representantene hvordan de får betalt for tid og reise, og hvordan de søker om det.

## To uker før

- **Send innkallingen og sakslisten.** Skriv hva hver sak handler om, hva rådet skal gjøre (lytte, drøfte eller vedta), og hvor lang tid det tar.
- **Send sakspapirer på klart språk.** Legg ved et lettlest sammendrag av lange papirer. Ingen skal måtte lese tretti sider for å være med.
- **Spør om behov.** Tolk, tegnspråk, stor skrift, en støtteperson, allergier.

## På møtedagen

- Begynn med en kort runde: hvem er her, og hvorfor.
- Hold tiden, og sett av god tid til spørsmål. Korte pauser hjelper alle.
- Lederen sørger for at alle som vil si noe, får ordet.
- Skriv ned vedtak og oppgaver: hva, hvem og innen når.

## Etter møtet

- Send referatet innen en uke, med et lettlest sammendrag.
- Gi tilbakemelding på hvert forslag: hva som ble vedtatt, og hvorfor. Et forslag som ikke kan gjennomføres, trenger også et svar.
- Følg opp oppgavene på neste møte.

## For brukerrepresentanter

Les sakslisten, snakk med dem du representerer, og ta med spørsmålene deres. Du trenger ikke å kunne alt. Oppgaven din er å bidra med erfaring og å spørre når noe er uklart. Det er lov å si at man trenger mer tid før man kan mene noe.""",
        """**Før møtet**
- Du får sakslisten to uker før.
- Les den. Spør hvis noe er vanskelig.
- Si fra hva du trenger, for eksempel tolk.

**På møtet**
- Alle kan snakke.
- Vi skriver ned hva vi bestemmer.

**Etter møtet**
- Du får referatet.
- Vi forteller hva som skjedde med ideene dine.""",
    ),
    "audit": (
        "Slik foregår en brukerstyrt revisjon",
        "I en brukerstyrt revisjon vurderer personer med egen erfaring en tjeneste og foreslår hva som bør endres. Stegene fra avtale til oppfølging.",
        """I en brukerstyrt revisjon (på svensk: *brukarrevision*) vurderer personer med egen erfaring fra en type tjeneste en tjeneste og foreslår forbedringer. Revisorene har selv brukt lignende tjenester, men ikke den de vurderer, slik at de kan spørre fritt.

## Stegene

1. **Bestilling.** En kommune, et helseforetak eller en tjeneste bestiller en revisjon, ofte sammen med en brukerorganisasjon. De blir enige om spørsmålet: hva skal revisjonen finne ut?
2. **Avtale.** Begge parter avtaler tidsplanen, hvem som informerer brukerne av tjenesten, hvordan svarene holdes anonyme, og hvordan resultatene blir lagt fram.
3. **Team.** En koordinator setter sammen et team av utdannede brukerrevisorer fra revisorpoolen. Ingen reviderer en tjeneste de selv bruker.
4. **Verktøy.** Teamet skriver et spørreskjema og en intervjuguide sammen med tjenesten, på klart språk.
5. **Innsamling.** Revisorene besøker tjenesten, deler ut spørreskjemaet og holder intervjuer. Man kan svare på papir, på nett eller i en samtale.
6. **Analyse.** Teamet leser svarene sammen. Små grupper vises ikke, slik at ingen kan kjennes igjen.
7. **Rapport.** Teamet skriver rapporten med et lettlest sammendrag. Tjenesten sjekker fakta før den blir publisert.
8. **Svar og oppfølging.** Tjenesten svarer på hver anbefaling med hva den vil gjøre. Etter et halvt eller et helt år undersøker teamet hva som er endret.

## Hvorfor det virker

Den som bruker en tjeneste, forteller ofte en annen bruker ting de ikke ville sagt til de ansatte. Revisorene forstår svarene ut fra sin egen erfaring. Og fordi tjenesten sa ja til revisjonen fra starten, blir resultatene brukt og ikke bare lagt i en perm.

## Hva som skal til

Opplæring av revisorene, en koordinator, honorar for revisorenes tid og en tjeneste som er klar til å lytte. Modellen fra Dalarna i Sverige viser at det kan gjøres igjen og igjen: boveiledning, dagsentre og psykiatri er alle blitt vurdert på denne måten.""",
        """**En brukerstyrt revisjon** er en sjekk av en tjeneste.
- Folk som selv har fått hjelp, gjør sjekken.
- De spør brukerne hva de synes.
- De skriver en rapport.
- Tjenesten må svare: hva skal vi endre?

Senere sjekker de igjen: ble det endret?""",
    ),
    "easyread": (
        "Slik skriver du lettlest",
        "Lettleste tekster hjelper mange: personer med utviklingshemming, personer som er nye i språket, og alle som er slitne eller stresset.",
        """Lettlest er en måte å skrive på som gjør en tekst lett å forstå. Det hjelper personer med utviklingshemming, personer med dysleksi, personer som lærer språket, og alle som leser på en liten skjerm eller på en dårlig dag. Når informasjon finnes i lettlest versjon, kan flere være med.

## Før du skriver

- **Kjenn leseren din.** Hvem skal lese teksten, og hva trenger de å vite eller gjøre?
- **Velg det viktigste.** Lettlest er ikke hele teksten gjort enkel. Det er det viktigste, sagt tydelig.

## Ord

- Bruk vanlige hverdagsord. Skriv *hjelp*, ikke *bistand*, hvis du kan.
- Forklar et ord som må brukes, første gang du bruker det.
- Bruk det samme ordet om den samme tingen hver gang.
- Unngå forkortelser, billedspråk og ironi.
- Skriv tall med sifre: 3, ikke tre.

## Setninger

- Én tanke i hver setning.
- Korte setninger og aktive verb: *Vi ringer deg*, ikke *Du vil bli kontaktet*.
- Snakk til leseren: *du* og *vi*.
- Skriv hva man skal gjøre, ikke bare hva man ikke skal gjøre.

## Oppsett

- Korte avsnitt med en tydelig overskrift.
- Punktlister for trinn eller valg.
- Venstrejustert tekst, en tydelig skrifttype og luft mellom linjene.
- Bilder kan hjelpe, når de viser det teksten sier.

## Test teksten

Den beste testen er å spørre dem som skal bruke teksten. Be en brukerorganisasjon lese den, og lytt når de sier at noe er vanskelig. Endre teksten, og spør igjen.

## I Medvind

Hver artikkel i kunnskapsbanken, og mange andre sider, kan ha en lettlest versjon. Den som slår på lettlest i innstillingene sine, ser den først.""",
        """**Lettlest** er tekst som er lett å forstå.
- Skriv korte setninger.
- Bruk vanlige ord.
- Skriv én ting i hver setning.
- Bruk lister.
- Spør leserne om det er tydelig.""",
    ),
    "experience": (
        "Verdien av egen erfaring",
        "Det du vet fra ditt eget liv, er kunnskap. Hvorfor den er viktig, og hvordan de ansatte kan gi plass til den.",
        """Egen erfaring er det du vet fordi du har levd det. Kanskje har du ventet på hjelp, levd med psykiske plager, hatt boveiledning eller hatt problemer med rus. Du vet hva som hjalp, hva som ikke gjorde det, og hvordan det var å bli møtt av de ansatte.

## Hvorfor den er viktig

De ansatte kan reglene, metodene og forskningen. Den som bruker en tjeneste, vet hvordan det er fra innsiden. Begge typer kunnskap trengs. Når bare den ene blir brukt, overser tjenesten ting: et brev som ingen forstår, åpningstider som ikke passer, et møte som føles som en eksamen.

Egen erfaring kan også gi håp. Å møte noen som har vært gjennom det samme og har det bedre, viser at endring er mulig.

## Slik kan de ansatte gi plass til den

- Spør tidlig, før planene er ferdige.
- Lytt uten å forsvare tjenesten. Si takk, og spør hva som ville vært bedre.
- Se erfaring som kunnskap, ikke som en historie som fyller ut et møte.
- Betal for tiden, slik dere betaler andre eksperter.
- Fortell hva dere gjorde med det folk sa.
- Gjør det trygt. Ingen skal måtte fortelle mer om livet sitt enn de vil.

## Til deg som deler erfaringen din

Erfaringen din er viktig, også om det er lenge siden, og også om andre har opplevd noe annet. Du kan snakke ut fra ditt eget liv og også ta med det andre har fortalt deg. Du bestemmer selv hva du vil dele.""",
        """**Egen erfaring** er det du vet fra ditt eget liv.
- Du vet hva som hjalp deg.
- Du vet hva som ikke hjalp.
- Det er kunnskap. De ansatte trenger den.
- Du velger selv hva du vil fortelle.
- Du skal få betalt for tiden din.""",
    ),
    "representative": (
        "Rollen som brukerrepresentant",
        "Som brukerrepresentant snakker du for andre, ikke bare for deg selv. Hva rollen innebærer, og hva du kan be om.",
        """En brukerrepresentant er med i et brukerråd, en arbeidsgruppe eller et prosjekt og snakker for dem som bruker en tjeneste. Du er der på grunn av erfaringen din, og du tar også med deg andres synspunkter.

## Hvem du snakker for

Finn ut hvem du representerer. Det kan være en brukerorganisasjon, de som bruker en bestemt tjeneste, eller en gruppe, for eksempel personer med psykiske helseplager. Spør dem som valgte deg, hva de forventer. Hvis du bare snakker for deg selv på et møte, si det.

## Slik finner du ut hva de mener

- Snakk med medlemmene i organisasjonen din før hvert møte.
- Besøk steder der folk møtes, eller be de ansatte hjelpe deg å nå dem som ikke er med i en organisasjon.
- Still korte spørsmål: Hva virker? Hva bør endres?
- Fortell etterpå hva som skjedde på møtet.

## Taushetsplikt

Du kan få høre ting om enkeltpersoner, på møtet eller fra dem du snakker med. Ikke del navn eller detaljer som kan vise hvem noen er. Snakk om det mange har sagt, ikke om én person. Spør møtelederen hvis du er usikker på hva som er fortrolig.

## Dette kan du be om

- **Sakspapirer i god tid**, helst to uker før møtet, på klart språk.
- **Honorar eller godtgjøring** for tiden din og reisen din.
- **Støtte**: en innføring i rollen, en kontaktperson, hjelp med teknikk eller tolk.
- **Svar**: hva som skjedde med det du tok opp.

Du trenger ikke å kunne alt. Spør når noe er uklart. Det hjelper alle.""",
        """**En brukerrepresentant** snakker for andre som bruker tjenesten.
- Spør dem hva de mener før møtet.
- Ikke fortell navn eller private ting til andre.
- Be om å få papirene i god tid.
- Du skal få betalt for tiden din.
- Du kan be om hjelp.""",
    ),
}

NN = {
    "participation": (
        "Kva er brukarmedverknad?",
        "Brukarmedverknad tyder at dei som brukar ei teneste, er med og bestemmer korleis ho fungerer. Her er kva det er, kvifor det er viktig, og korleis ein byrjar.",
        """Brukarmedverknad tyder at dei som brukar ei teneste, er med og bestemmer korleis tenesta fungerer. Det er ikkje ei teneste ein gjer nokon. I dei nordiske landa er det ein rett som står i lova, og det er òg ein av dei beste måtane å gjere tenester betre på.

## Tre nivå

Medverknad skjer på tre nivå:

- **Di eiga hjelp.** Du er med i planar og avgjerder om di eiga hjelp: kva du treng, kva som verkar, og kva som bør endrast.
- **Tenesta.** Brukarar og organisasjonane deira er med og planlegg, vurderer og betrar ei teneste, til dømes i eit brukarråd eller ein brukarstyrt revisjon.
- **Systemet.** Brukarorganisasjonar er med når kommunen eller helseføretaket planlegg nye tenester, skriv reglar eller bestemmer kvar pengane skal gå.

## Kvifor det er viktig

Den som brukar ei teneste, veit ting som ingen andre veit. Korleis det er å vente, å bli møtt godt eller dårleg, å forstå eit brev eller ikkje. Det blir kalla *erfaringskompetanse*, og det er kunnskap, akkurat som ei fagutdanning. Når tilsette og brukarar arbeider side om side, blir begge slag kunnskap brukte.

Medverknad byggjer òg tillit. Den som blir lytta til, brukar oftare hjelpa som blir tilboden, og dei tilsette lærer kva som verkeleg gjer ein skilnad.

## Kva som skal til

Ekte medverknad krev meir enn eitt møte. Det krev:

- tid og informasjon før avgjerdene blir tekne, ikkje etterpå;
- klart språk, og lettlesne versjonar når det trengst;
- honorar eller godtgjersle for tida til brukarrepresentantane;
- tilbakemelding: kva skjedde med det folk sa, og kvifor.

## Kvar ein byrjar

Byrj i det små, og ver ærleg om kva som kan endrast. Inviter ein brukarorganisasjon til eit første møte, spør kva som er viktigast for dei, og avtal korleis de skal gje tilbakemelding. Hald så det de har lova. Dei neste artiklane i kunnskapsbanken viser korleis ein førebur eit møte i brukarrådet, og korleis ein brukarstyrt revisjon går føre seg.""",
        """**Brukarmedverknad** tyder: du er med og bestemmer korleis hjelpa verkar.

- Du kan seie kva du treng.
- Du kan seie kva som verkar og kva som ikkje verkar.
- Tenesta skal lytte.
- Tenesta skal fortelje kva dei gjorde med det du sa.

Det du har opplevd, er kunnskap. Han hjelper tenesta å bli betre.""",
    ),
    "meeting": (
        "Slik førebur du eit møte i brukarrådet",
        "Eit godt møte i brukarrådet byrjar veker før møtedagen. Ei sjekkliste for leiarar, tilsette og brukarrepresentantar.",
        """Eit brukarråd er eit fast møte der brukarrepresentantar og ei teneste snakkar om korleis tenesta fungerer, og korleis ho kan bli betre. Eit godt møte byrjar lenge før sjølve dagen.

## Fire veker før

- **Samle tema.** Spør medlemane og brukarorganisasjonane kva dei vil ta opp. Tema frå brukarane kjem først på sakslista, ikkje sist.
- **Bestill eit lokale som alle kan kome til.** Sjekk trinnfri tilkomst, teleslynge, eit stille rom og bussrutene. Tilby ei digital lenkje til dei som ikkje kan reise.
- **Sjekk godtgjersla.** Fortel representantane korleis dei får betalt for tid og reise, og korleis dei søkjer om det.

## To veker før

- **Send innkallinga og sakslista.** Skriv kva kvar sak handlar om, kva rådet skal gjere (lytte, drøfte eller vedta), og kor lang tid det tek.
- **Send sakspapir på klart språk.** Legg ved eit lettlese samandrag av lange papir. Ingen skal måtte lese tretti sider for å vere med.
- **Spør om behov.** Tolk, teiknspråk, stor skrift, ein støtteperson, allergiar.

## På møtedagen

- Byrj med ein kort runde: kven er her, og kvifor.
- Hald tida, og set av god tid til spørsmål. Korte pausar hjelper alle.
- Leiaren syter for at alle som vil seie noko, får ordet.
- Skriv ned vedtak og oppgåver: kva, kven og innan når.

## Etter møtet

- Send referatet innan ei veke, med eit lettlese samandrag.
- Gje tilbakemelding på kvart forslag: kva som vart vedteke, og kvifor. Eit forslag som ikkje kan gjennomførast, treng òg eit svar.
- Følg opp oppgåvene på neste møte.

## For brukarrepresentantar

Les sakslista, snakk med dei du representerer, og ta med spørsmåla deira. Du treng ikkje kunne alt. Oppgåva di er å bidra med erfaring og å spørje når noko er uklart. Det er lov å seie at ein treng meir tid før ein kan meine noko.""",
        """**Før møtet**
- Du får sakslista to veker før.
- Les ho. Spør om noko er vanskeleg.
- Sei frå kva du treng, til dømes tolk.

**På møtet**
- Alle kan snakke.
- Vi skriv ned kva vi bestemmer.

**Etter møtet**
- Du får referatet.
- Vi fortel kva som skjedde med ideane dine.""",
    ),
    "audit": (
        "Slik går ein brukarstyrt revisjon føre seg",
        "I ein brukarstyrt revisjon vurderer personar med eiga erfaring ei teneste og føreslår kva som bør endrast. Stega frå avtale til oppfølging.",
        """I ein brukarstyrt revisjon (på svensk: *brukarrevision*) vurderer personar med eiga erfaring frå ein type teneste ei teneste og føreslår betringar. Revisorane har sjølve brukt liknande tenester, men ikkje den dei vurderer, slik at dei kan spørje fritt.

## Stega

1. **Bestilling.** Ein kommune, eit helseføretak eller ei teneste bestiller ein revisjon, ofte saman med ein brukarorganisasjon. Dei blir samde om spørsmålet: kva skal revisjonen finne ut?
2. **Avtale.** Begge partar avtaler tidsplanen, kven som informerer brukarane av tenesta, korleis svara blir haldne anonyme, og korleis resultata blir lagde fram.
3. **Team.** Ein koordinator set saman eit team av utdanna brukarrevisorar frå revisorpoolen. Ingen reviderer ei teneste dei sjølve brukar.
4. **Verktøy.** Teamet skriv eit spørjeskjema og ein intervjuguide saman med tenesta, på klart språk.
5. **Innsamling.** Revisorane besøkjer tenesta, deler ut spørjeskjemaet og held intervju. Ein kan svare på papir, på nett eller i ein samtale.
6. **Analyse.** Teamet les svara saman. Små grupper blir ikkje viste, slik at ingen kan kjennast att.
7. **Rapport.** Teamet skriv rapporten med eit lettlese samandrag. Tenesta sjekkar fakta før han blir publisert.
8. **Svar og oppfølging.** Tenesta svarar på kvar tilråding med kva ho vil gjere. Etter eit halvt eller eit heilt år undersøkjer teamet kva som er endra.

## Kvifor det verkar

Den som brukar ei teneste, fortel ofte ein annan brukar ting dei ikkje ville ha sagt til dei tilsette. Revisorane forstår svara ut frå si eiga erfaring. Og fordi tenesta sa ja til revisjonen frå starten, blir resultata brukte og ikkje berre lagde i ein perm.

## Kva som skal til

Opplæring av revisorane, ein koordinator, honorar for tida til revisorane og ei teneste som er klar til å lytte. Modellen frå Dalarna i Sverige viser at det kan gjerast att og att: butreningsteneste, dagsenter og psykiatri er alle vurderte på denne måten.""",
        """**Ein brukarstyrt revisjon** er ein sjekk av ei teneste.
- Folk som sjølve har fått hjelp, gjer sjekken.
- Dei spør brukarane kva dei synest.
- Dei skriv ein rapport.
- Tenesta må svare: kva skal vi endre?

Seinare sjekkar dei att: vart det endra?""",
    ),
    "easyread": (
        "Slik skriv du lettlese",
        "Lettlesne tekstar hjelper mange: personar med utviklingshemming, personar som er nye i språket, og alle som er slitne eller stressa.",
        """Lettlese er ein måte å skrive på som gjer ein tekst lett å forstå. Det hjelper personar med utviklingshemming, personar med dysleksi, personar som lærer språket, og alle som les på ein liten skjerm eller på ein dårleg dag. Når informasjon finst i lettlese versjon, kan fleire vere med.

## Før du skriv

- **Kjenn lesaren din.** Kven skal lese teksten, og kva treng dei å vite eller gjere?
- **Vel det viktigaste.** Lettlese er ikkje heile teksten gjord enkel. Det er det viktigaste, sagt tydeleg.

## Ord

- Bruk vanlege kvardagsord. Skriv *hjelp*, ikkje *bistand*, om du kan.
- Forklar eit ord som må brukast, første gong du brukar det.
- Bruk det same ordet om den same tingen kvar gong.
- Unngå forkortingar, biletspråk og ironi.
- Skriv tal med siffer: 3, ikkje tre.

## Setningar

- Éin tanke i kvar setning.
- Korte setningar og aktive verb: *Vi ringjer deg*, ikkje *Du vil bli kontakta*.
- Snakk til lesaren: *du* og *vi*.
- Skriv kva ein skal gjere, ikkje berre kva ein ikkje skal gjere.

## Oppsett

- Korte avsnitt med ei tydeleg overskrift.
- Punktlister for steg eller val.
- Venstrejustert tekst, ein tydeleg skrifttype og luft mellom linjene.
- Bilete kan hjelpe, når dei viser det teksten seier.

## Test teksten

Den beste testen er å spørje dei som skal bruke teksten. Be ein brukarorganisasjon lese han, og lytt når dei seier at noko er vanskeleg. Endre teksten, og spør att.

## I Medvind

Kvar artikkel i kunnskapsbanken, og mange andre sider, kan ha ein lettlese versjon. Den som slår på lettlese i innstillingane sine, ser han først.""",
        """**Lettlese** er tekst som er lett å forstå.
- Skriv korte setningar.
- Bruk vanlege ord.
- Skriv éin ting i kvar setning.
- Bruk lister.
- Spør lesarane om det er tydeleg.""",
    ),
    "experience": (
        "Verdien av eiga erfaring",
        "Det du veit frå ditt eige liv, er kunnskap. Kvifor erfaringa er viktig, og korleis dei tilsette kan gje plass til ho.",
        """Eiga erfaring er det du veit fordi du har levd det. Kanskje har du venta på hjelp, levd med psykiske plager, hatt butreningsteneste eller hatt problem med rus. Du veit kva som hjelpte, kva som ikkje gjorde det, og korleis det var å bli møtt av dei tilsette.

## Kvifor erfaringa er viktig

Dei tilsette kan reglane, metodane og forskinga. Den som brukar ei teneste, veit korleis det er frå innsida. Begge slag kunnskap trengst. Når berre den eine blir brukt, går tenesta glipp av ting: eit brev som ingen forstår, opningstider som ikkje passar, eit møte som kjennest som ein eksamen.

Eiga erfaring kan òg gje håp. Å møte nokon som har vore gjennom det same og har det betre, viser at endring er mogleg.

## Slik kan dei tilsette gje plass til erfaringa

- Spør tidleg, før planane er ferdige.
- Lytt utan å forsvare tenesta. Sei takk, og spør kva som ville vore betre.
- Sjå erfaring som kunnskap, ikkje som ei forteljing som fyller ut eit møte.
- Betal for tida, slik de betaler andre ekspertar.
- Fortel kva de gjorde med det folk sa.
- Gjer det trygt. Ingen skal måtte fortelje meir om livet sitt enn dei vil.

## Til deg som deler erfaringa di

Erfaringa di er viktig, òg om det er lenge sidan, og òg om andre har opplevd noko anna. Du kan snakke ut frå ditt eige liv og òg ta med det andre har fortalt deg. Du bestemmer sjølv kva du vil dele.""",
        """**Eiga erfaring** er det du veit frå ditt eige liv.
- Du veit kva som hjelpte deg.
- Du veit kva som ikkje hjelpte.
- Det er kunnskap. Dei tilsette treng denne kunnskapen.
- Du vel sjølv kva du vil fortelje.
- Du skal få betalt for tida di.""",
    ),
    "representative": (
        "Rolla som brukarrepresentant",
        "Som brukarrepresentant snakkar du for andre, ikkje berre for deg sjølv. Kva rolla inneber, og kva du kan be om.",
        """Ein brukarrepresentant er med i eit brukarråd, ei arbeidsgruppe eller eit prosjekt og snakkar for dei som brukar ei teneste. Du er der på grunn av erfaringa di, og du tek òg med deg synspunkta til andre.

## Kven du snakkar for

Finn ut kven du representerer. Det kan vere ein brukarorganisasjon, dei som brukar ei bestemt teneste, eller ei gruppe, til dømes personar med psykiske helseplager. Spør dei som valde deg, kva dei ventar seg. Om du berre snakkar for deg sjølv på eit møte, sei det.

## Slik finn du ut kva dei meiner

- Snakk med medlemmene i organisasjonen din før kvart møte.
- Besøk stader der folk møtest, eller be dei tilsette hjelpe deg å nå dei som ikkje er med i ein organisasjon.
- Still korte spørsmål: Kva verkar? Kva bør endrast?
- Fortel etterpå kva som skjedde på møtet.

## Teieplikt

Du kan få høyre ting om einskildpersonar, på møtet eller frå dei du snakkar med. Ikkje del namn eller detaljar som kan vise kven nokon er. Snakk om det mange har sagt, ikkje om éin person. Spør møteleiaren om du er usikker på kva som er fortruleg.

## Dette kan du be om

- **Sakspapir i god tid**, helst to veker før møtet, på klart språk.
- **Honorar eller godtgjering** for tida di og reisa di.
- **Støtte**: ei innføring i rolla, ein kontaktperson, hjelp med teknikk eller tolk.
- **Svar**: kva som skjedde med det du tok opp.

Du treng ikkje kunne alt. Spør når noko er uklart. Det hjelper alle.""",
        """**Ein brukarrepresentant** snakkar for andre som brukar tenesta.
- Spør dei kva dei meiner før møtet.
- Ikkje fortel namn eller private ting til andre.
- Be om å få papira i god tid.
- Du skal få betalt for tida di.
- Du kan be om hjelp.""",
    ),
}

TIP = {
    "en": (
        "Tip: send the papers two weeks before",
        "A small habit that makes a big difference for user representatives.",
        "Send the agenda and the papers **two weeks** before a meeting, with a short easy-read summary on top.\n\nUser representatives often need time to read, to ask the people they speak for, and to arrange help or travel. Papers that arrive the day before shut people out, even when everyone is welcome in the room.\n\nAsk at the end of each meeting: *Did you get the papers in time? Were they clear?* Then do better next time.",
        "Send the papers two weeks before the meeting. Then everyone has time to read and ask.",
    ),
    "sv": (
        "Tips: skicka underlagen två veckor före",
        "En liten vana som gör stor skillnad för brukarrepresentanter.",
        "Skicka dagordningen och underlagen **två veckor** före ett möte, med en kort lättläst sammanfattning överst.\n\nBrukarrepresentanter behöver ofta tid för att läsa, fråga dem de företräder och ordna hjälp eller resa. Underlag som kommer dagen före stänger ute människor, även när alla är välkomna i rummet.\n\nFråga i slutet av varje möte: *Fick ni underlagen i tid? Var de tydliga?* Gör sedan bättre nästa gång.",
        "Skicka underlagen två veckor före mötet. Då hinner alla läsa och fråga.",
    ),
    "da": (
        "Tip: send bilagene to uger før",
        "En lille vane, der gør en stor forskel for brugerrepræsentanter.",
        "Send dagsordenen og bilagene **to uger** før et møde, med et kort letlæst resumé øverst.\n\nBrugerrepræsentanter har ofte brug for tid til at læse, spørge dem, de repræsenterer, og ordne hjælp eller transport. Bilag, der kommer dagen før, lukker mennesker ude, også når alle er velkomne i rummet.\n\nSpørg i slutningen af hvert møde: *Fik I bilagene i tide? Var de tydelige?* Gør det så bedre næste gang.",
        "Send bilagene to uger før mødet. Så kan alle nå at læse og spørge.",
    ),
    "nb": (
        "Tips: send sakspapirene to uker før",
        "En liten vane som gjør stor forskjell for brukerrepresentanter.",
        "Send sakslisten og sakspapirene **to uker** før et møte, med et kort lettlest sammendrag øverst.\n\nBrukerrepresentanter trenger ofte tid til å lese, spørre dem de representerer, og ordne hjelp eller reise. Papirer som kommer dagen før, stenger folk ute, selv når alle er velkomne i rommet.\n\nSpør på slutten av hvert møte: *Fikk dere papirene i tide? Var de tydelige?* Gjør det bedre neste gang.",
        "Send papirene to uker før møtet. Da rekker alle å lese og spørre.",
    ),
    "nn": (
        "Tips: send sakspapira to veker før",
        "Ein liten vane som gjer stor skilnad for brukarrepresentantar.",
        "Send sakslista og sakspapira **to veker** før eit møte, med eit kort lettlese samandrag øvst.\n\nBrukarrepresentantar treng ofte tid til å lese, spørje dei dei representerer, og ordne hjelp eller reise. Papir som kjem dagen før, stengjer folk ute, sjølv når alle er velkomne i rommet.\n\nSpør på slutten av kvart møte: *Fekk de papira i tide? Var dei tydelege?* Gjer det betre neste gong.",
        "Send papira to veker før møtet. Då rekk alle å lese og spørje.",
    ),
}
TEMPLATE = {
    "en": (
        "Template: invitation to a user council meeting",
        "Copy this invitation and fill in what is in brackets.",
        "**Invitation to the user council**\n\nDear [name],\n\nWelcome to the user council of [service] on [day and date], [time], at [place]. You can also take part online: [link].\n\n**What we will talk about**\n\n1. Welcome and a short round\n2. [Theme proposed by users]\n3. [Theme from the service]\n4. What happened with the proposals from last time\n5. Any other business\n\nThe papers are attached, with an easy-read summary.\n\n**Practical things**\n\n- You are paid [amount] for the meeting, and your travel costs are covered.\n- Tell us by [date] if you need an interpreter, sign language, large print or a support person.\n- Coffee and a light meal are served. Tell us about allergies.\n\nQuestions? Call or write to [name, phone, email].\n\nWelcome!",
        "You are invited to the user council.\n\n- When: [day], [time]\n- Where: [place]\n- You get paid for your time.\n- Tell us what you need.",
    ),
    "sv": (
        "Mall: kallelse till möte i brukarrådet",
        "Kopiera kallelsen och fyll i det som står inom hakparentes.",
        "**Kallelse till brukarrådet**\n\nHej [namn],\n\nVälkommen till brukarrådet för [verksamhet] den [dag och datum] kl. [tid] i [lokal]. Du kan också vara med digitalt: [länk].\n\n**Det här pratar vi om**\n\n1. Välkommen och en kort runda\n2. [Tema som brukarna föreslagit]\n3. [Tema från verksamheten]\n4. Vad som hänt med förslagen från förra mötet\n5. Övriga frågor\n\nUnderlagen finns bifogade, med en lättläst sammanfattning.\n\n**Praktiskt**\n\n- Du får [belopp] i arvode för mötet, och dina resor betalas.\n- Säg till senast [datum] om du behöver tolk, teckenspråk, stor text eller en stödperson.\n- Vi bjuder på kaffe och en lätt måltid. Berätta om allergier.\n\nFrågor? Ring eller skriv till [namn, telefon, e-post].\n\nVälkommen!",
        "Du är inbjuden till brukarrådet.\n\n- När: [dag], [tid]\n- Var: [lokal]\n- Du får betalt för din tid.\n- Säg till vad du behöver.",
    ),
    "da": (
        "Skabelon: indkaldelse til møde i brugerrådet",
        "Kopiér indkaldelsen, og udfyld det, der står i firkantede parenteser.",
        "**Indkaldelse til brugerrådet**\n\nKære [navn],\n\nVelkommen til brugerrådet for [tilbud] [dag og dato] kl. [tid] i [lokale]. Du kan også deltage online: [link].\n\n**Det taler vi om**\n\n1. Velkommen og en kort runde\n2. [Emne foreslået af brugerne]\n3. [Emne fra tilbuddet]\n4. Hvad der skete med forslagene fra sidste møde\n5. Eventuelt\n\nBilagene er vedhæftet med et letlæst resumé.\n\n**Praktisk**\n\n- Du får [beløb] i honorar for mødet, og din transport bliver betalt.\n- Sig til senest [dato], hvis du har brug for tolk, tegnsprog, stor skrift eller en støtteperson.\n- Der er kaffe og et let måltid. Fortæl os om allergier.\n\nSpørgsmål? Ring eller skriv til [navn, telefon, e-mail].\n\nVelkommen!",
        "Du er inviteret til brugerrådet.\n\n- Hvornår: [dag], [tid]\n- Hvor: [lokale]\n- Du får betaling for din tid.\n- Sig til, hvad du har brug for.",
    ),
    "nb": (
        "Mal: innkalling til møte i brukerrådet",
        "Kopier innkallingen og fyll ut det som står i hakeparentes.",
        "**Innkalling til brukerrådet**\n\nHei [navn],\n\nVelkommen til brukerrådet for [tjeneste] [dag og dato] kl. [tid] i [lokale]. Du kan også delta digitalt: [lenke].\n\n**Dette snakker vi om**\n\n1. Velkommen og en kort runde\n2. [Tema foreslått av brukerne]\n3. [Tema fra tjenesten]\n4. Hva som skjedde med forslagene fra forrige møte\n5. Eventuelt\n\nSakspapirene er vedlagt, med et lettlest sammendrag.\n\n**Praktisk**\n\n- Du får [beløp] i honorar for møtet, og reisen din blir dekket.\n- Si fra innen [dato] om du trenger tolk, tegnspråk, stor skrift eller en støtteperson.\n- Vi serverer kaffe og et lett måltid. Si fra om allergier.\n\nSpørsmål? Ring eller skriv til [navn, telefon, e-post].\n\nVelkommen!",
        "Du er invitert til brukerrådet.\n\n- Når: [dag], [tid]\n- Hvor: [lokale]\n- Du får betalt for tiden din.\n- Si fra hva du trenger.",
    ),
    "nn": (
        "Mal: innkalling til møte i brukarrådet",
        "Kopier innkallinga og fyll ut det som står i hakeparentes.",
        "**Innkalling til brukarrådet**\n\nHei [namn],\n\nVelkomen til brukarrådet for [teneste] [dag og dato] kl. [tid] i [lokale]. Du kan òg delta digitalt: [lenkje].\n\n**Dette snakkar vi om**\n\n1. Velkomen og ein kort runde\n2. [Tema føreslått av brukarane]\n3. [Tema frå tenesta]\n4. Kva som skjedde med forslaga frå førre møte\n5. Eventuelt\n\nSakspapira ligg ved, med eit lettlese samandrag.\n\n**Praktisk**\n\n- Du får [beløp] i honorar for møtet, og reisa di blir dekt.\n- Sei frå innan [dato] om du treng tolk, teiknspråk, stor skrift eller ein støtteperson.\n- Vi serverer kaffi og eit lett måltid. Sei frå om allergiar.\n\nSpørsmål? Ring eller skriv til [namn, telefon, e-post].\n\nVelkomen!",
        "Du er invitert til brukarrådet.\n\n- Når: [dag], [tid]\n- Kvar: [lokale]\n- Du får betalt for tida di.\n- Sei frå kva du treng.",
    ),
}
INTERVIEW = {
    "en": (
        "Interview guide for user auditors",
        "A guide for interviews in a user-led audit of housing support: opening, consent, questions and closing. Change the questions to fit the service.",
        """**Before the interview**

- Find a quiet place where nobody can hear you. Ask the person where they want to sit.
- Bring the information sheet, the consent form and a phone number the person can call for support.
- Two auditors take part: one asks, one takes notes.

**Opening**

Hello, my name is [name]. I am a user auditor. I have my own experience of [kind of service], but I do not work here. We are looking at how [service] works, so that it can get better. The interview takes about 30 minutes.

**Consent**

- Taking part is your choice. You can stop at any time, without saying why.
- You can skip any question.
- What you say will not be linked to your name. The staff will not know who said what.
- We take notes, but we do not record you. The notes are destroyed when the report is done.
- Is it all right if we start?

Write down only that the person said yes, not their name.

**Questions**

1. How long have you had housing support?
2. How did you get the support? Was it easy or hard?
3. What do you get help with?
4. What works well with the support?
5. What does not work so well?
6. Do you get to decide what the support is about? Can you give an example?
7. How do the staff treat you?
8. Do you get help when you need it, also when something urgent happens?
9. Do you know where to go if you are not happy with the support?
10. If you could change one thing, what would it be?

Follow-up questions: *Can you tell me more? What happened then? How did that feel?*

**Closing**

- Is there anything else you want to say?
- Thank you for your time. Your answers can make the service better.
- Tell the person when the report is ready, and how they can read it.

**If someone gets upset**

- Stop. Say that it is all right to feel this way.
- Ask if the person wants a break, wants to stop or wants to go on. Let them decide.
- You are not a therapist. Listen, and do not push for more.
- Give the phone number for support, or ask if they want to talk with someone they trust.
- Tell the coordinator after the interview. Take care of yourself too: talk with your team.""",
        """**The interview**
- Say who you are.
- Say that it is all right to say no, and to stop.
- Ask the questions. Listen.
- Do not write down names.
- Say thank you.

**If someone gets sad or angry**
- Take a break.
- Ask what the person wants.
- Give them the phone number for support.""",
    ),
    "sv": (
        "Intervjuguide för brukarrevisorer",
        "En guide för intervjuer i en brukarrevision av boendestödet: inledning, samtycke, frågor och avslutning. Ändra frågorna så att de passar verksamheten.",
        """**Före intervjun**

- Hitta en lugn plats där ingen kan höra er. Fråga personen var hen vill sitta.
- Ta med informationsbladet, samtyckesblanketten och ett telefonnummer som personen kan ringa för att få stöd.
- Två revisorer är med: en frågar, en skriver anteckningar.

**Inledning**

Hej, jag heter [namn]. Jag är brukarrevisor. Jag har egen erfarenhet av [sorts verksamhet], men jag arbetar inte här. Vi tittar på hur [verksamhet] fungerar, för att den ska bli bättre. Intervjun tar ungefär 30 minuter.

**Samtycke**

- Du väljer själv om du vill vara med. Du kan sluta när du vill, utan att säga varför.
- Du kan hoppa över frågor.
- Det du säger kopplas inte till ditt namn. Personalen får inte veta vem som sa vad.
- Vi skriver anteckningar, men vi spelar inte in. Anteckningarna förstörs när rapporten är klar.
- Är det okej att vi börjar?

Skriv bara ner att personen sa ja, inte personens namn.

**Frågor**

1. Hur länge har du haft boendestöd?
2. Hur fick du stödet? Var det lätt eller svårt?
3. Vad får du hjälp med?
4. Vad fungerar bra med stödet?
5. Vad fungerar inte så bra?
6. Får du vara med och bestämma vad stödet ska handla om? Kan du ge ett exempel?
7. Hur blir du bemött av personalen?
8. Får du hjälp när du behöver det, också när något akut händer?
9. Vet du vart du kan vända dig om du inte är nöjd med stödet?
10. Om du fick ändra en sak, vad skulle det vara?

Följdfrågor: *Kan du berätta mer? Vad hände då? Hur kändes det?*

**Avslutning**

- Är det något mer du vill säga?
- Tack för din tid. Dina svar kan göra verksamheten bättre.
- Berätta när rapporten är klar och hur personen kan läsa den.

**Om någon blir ledsen eller upprörd**

- Stanna upp. Säg att det är okej att känna så.
- Fråga om personen vill ta en paus, sluta eller fortsätta. Låt personen bestämma.
- Du är inte terapeut. Lyssna, och pressa inte fram mer.
- Ge telefonnumret för stöd, eller fråga om personen vill prata med någon hen litar på.
- Berätta för samordnaren efter intervjun. Ta hand om dig själv också: prata med ditt team.""",
        """**Intervjun**
- Säg vem du är.
- Säg att det är okej att säga nej och att sluta.
- Ställ frågorna. Lyssna.
- Skriv inte ner namn.
- Säg tack.

**Om någon blir ledsen eller arg**
- Ta en paus.
- Fråga vad personen vill.
- Ge telefonnumret för stöd.""",
    ),
    "da": (
        "Interviewguide til brugerrevisorer",
        "En guide til interviews i en brugerstyret evaluering af bostøtten: indledning, samtykke, spørgsmål og afslutning. Tilpas spørgsmålene, så de passer til tilbuddet.",
        """**Før interviewet**

- Find et roligt sted, hvor ingen kan høre jer. Spørg, hvor personen vil sidde.
- Tag informationsarket, samtykkeerklæringen og et telefonnummer med, som personen kan ringe til for at få støtte.
- To brugerrevisorer er med: én spørger, én skriver noter.

**Indledning**

Hej, jeg hedder [navn]. Jeg er brugerrevisor. Jeg har selv erfaring med [slags tilbud], men jeg arbejder ikke her. Vi ser på, hvordan [tilbud] fungerer, så det kan blive bedre. Interviewet tager cirka 30 minutter.

**Samtykke**

- Du vælger selv, om du vil være med. Du kan stoppe, når du vil, uden at sige hvorfor.
- Du kan springe spørgsmål over.
- Det, du siger, bliver ikke koblet til dit navn. Personalet får ikke at vide, hvem der sagde hvad.
- Vi skriver noter, men vi optager ikke. Noterne bliver destrueret, når rapporten er færdig.
- Er det i orden, at vi begynder?

Skriv kun ned, at personen sagde ja, ikke personens navn.

**Spørgsmål**

1. Hvor længe har du haft bostøtte?
2. Hvordan fik du støtten? Var det let eller svært?
3. Hvad får du hjælp til?
4. Hvad fungerer godt ved støtten?
5. Hvad fungerer ikke så godt?
6. Er du med til at bestemme, hvad støtten skal handle om? Kan du give et eksempel?
7. Hvordan bliver du mødt af personalet?
8. Får du hjælp, når du har brug for det, også når der sker noget akut?
9. Ved du, hvor du kan henvende dig, hvis du ikke er tilfreds med støtten?
10. Hvis du kunne ændre én ting, hvad skulle det så være?

Opfølgende spørgsmål: *Kan du fortælle mere? Hvad skete der så? Hvordan føltes det?*

**Afslutning**

- Er der andet, du gerne vil sige?
- Tak for din tid. Dine svar kan gøre tilbuddet bedre.
- Fortæl, hvornår rapporten er færdig, og hvordan personen kan læse den.

**Hvis nogen bliver ked af det eller vred**

- Stop op. Sig, at det er i orden at have det sådan.
- Spørg, om personen vil holde en pause, stoppe eller fortsætte. Lad personen bestemme.
- Du er ikke terapeut. Lyt, og pres ikke på for at høre mere.
- Giv telefonnummeret til støtte, eller spørg, om personen vil tale med en, som personen stoler på.
- Fortæl koordinatoren om det efter interviewet. Pas også på dig selv: tal med dit hold.""",
        """**Interviewet**
- Sig, hvem du er.
- Sig, at det er i orden at sige nej og at stoppe.
- Stil spørgsmålene. Lyt.
- Skriv ikke navne ned.
- Sig tak.

**Hvis nogen bliver ked af det eller vred**
- Hold en pause.
- Spørg, hvad personen vil.
- Giv telefonnummeret til støtte.""",
    ),
    "nb": (
        "Intervjuguide for brukerrevisorer",
        "En guide for intervjuer i en brukerstyrt revisjon av boveiledningen: innledning, samtykke, spørsmål og avslutning. Tilpass spørsmålene til tjenesten.",
        """**Før intervjuet**

- Finn et rolig sted der ingen kan høre dere. Spør hvor personen vil sitte.
- Ta med informasjonsarket, samtykkeskjemaet og et telefonnummer personen kan ringe for å få støtte.
- To revisorer er med: én spør, én skriver notater.

**Innledning**

Hei, jeg heter [navn]. Jeg er brukerrevisor. Jeg har selv erfaring med [type tjeneste], men jeg jobber ikke her. Vi ser på hvordan [tjeneste] fungerer, slik at den kan bli bedre. Intervjuet tar omtrent 30 minutter.

**Samtykke**

- Du velger selv om du vil være med. Du kan stoppe når du vil, uten å si hvorfor.
- Du kan hoppe over spørsmål.
- Det du sier, blir ikke knyttet til navnet ditt. De ansatte får ikke vite hvem som sa hva.
- Vi skriver notater, men vi tar ikke opp lyd. Notatene blir makulert når rapporten er ferdig.
- Er det greit at vi begynner?

Skriv bare ned at personen sa ja, ikke navnet.

**Spørsmål**

1. Hvor lenge har du hatt boveiledning?
2. Hvordan fikk du hjelpen? Var det lett eller vanskelig?
3. Hva får du hjelp til?
4. Hva fungerer godt med hjelpen?
5. Hva fungerer ikke så godt?
6. Får du være med og bestemme hva hjelpen skal handle om? Kan du gi et eksempel?
7. Hvordan blir du møtt av de ansatte?
8. Får du hjelp når du trenger det, også når noe akutt skjer?
9. Vet du hvor du kan si fra hvis du ikke er fornøyd med hjelpen?
10. Hvis du kunne endre én ting, hva ville det vært?

Oppfølgingsspørsmål: *Kan du fortelle mer? Hva skjedde da? Hvordan føltes det?*

**Avslutning**

- Er det noe mer du vil si?
- Takk for tiden din. Svarene dine kan gjøre tjenesten bedre.
- Fortell når rapporten er ferdig, og hvordan personen kan lese den.

**Hvis noen blir lei seg eller sint**

- Stopp opp. Si at det er greit å ha det sånn.
- Spør om personen vil ta en pause, stoppe eller fortsette. La personen bestemme.
- Du er ikke terapeut. Lytt, og ikke press på for å få vite mer.
- Gi telefonnummeret for støtte, eller spør om personen vil snakke med noen de stoler på.
- Si fra til koordinatoren etter intervjuet. Ta vare på deg selv også: snakk med teamet ditt.""",
        """**Intervjuet**
- Si hvem du er.
- Si at det er greit å si nei og å stoppe.
- Still spørsmålene. Lytt.
- Ikke skriv ned navn.
- Si takk.

**Hvis noen blir lei seg eller sint**
- Ta en pause.
- Spør hva personen vil.
- Gi telefonnummeret for støtte.""",
    ),
    "nn": (
        "Intervjuguide for brukarrevisorar",
        "Ein guide for intervju i ein brukarstyrt revisjon av butreningstenesta: innleiing, samtykke, spørsmål og avslutning. Tilpass spørsmåla til tenesta.",
        """**Før intervjuet**

- Finn ein roleg stad der ingen kan høyre dykk. Spør kvar personen vil sitje.
- Ta med informasjonsarket, samtykkeskjemaet og eit telefonnummer personen kan ringje for å få støtte.
- To revisorar er med: éin spør, éin skriv notat.

**Innleiing**

Hei, eg heiter [namn]. Eg er brukarrevisor. Eg har sjølv erfaring med [type teneste], men eg jobbar ikkje her. Vi ser på korleis [teneste] fungerer, slik at ho kan bli betre. Intervjuet tek om lag 30 minutt.

**Samtykke**

- Du vel sjølv om du vil vere med. Du kan stoppe når du vil, utan å seie kvifor.
- Du kan hoppe over spørsmål.
- Det du seier, blir ikkje knytt til namnet ditt. Dei tilsette får ikkje vite kven som sa kva.
- Vi skriv notat, men vi tek ikkje opp lyd. Notata blir makulerte når rapporten er ferdig.
- Er det greitt at vi byrjar?

Skriv berre ned at personen sa ja, ikkje namnet.

**Spørsmål**

1. Kor lenge har du hatt butreningsteneste?
2. Korleis fekk du hjelpa? Var det lett eller vanskeleg?
3. Kva får du hjelp til?
4. Kva fungerer godt med hjelpa?
5. Kva fungerer ikkje så godt?
6. Får du vere med og bestemme kva hjelpa skal handle om? Kan du gje eit døme?
7. Korleis blir du møtt av dei tilsette?
8. Får du hjelp når du treng det, òg når noko akutt skjer?
9. Veit du kvar du kan seie frå om du ikkje er nøgd med hjelpa?
10. Om du kunne endre éin ting, kva ville det vore?

Oppfølgingsspørsmål: *Kan du fortelje meir? Kva skjedde då? Korleis kjendest det?*

**Avslutning**

- Er det noko meir du vil seie?
- Takk for tida di. Svara dine kan gjere tenesta betre.
- Fortel når rapporten er ferdig, og korleis personen kan lese han.

**Om nokon blir lei seg eller sint**

- Stopp opp. Sei at det er greitt å ha det slik.
- Spør om personen vil ta ein pause, stoppe eller halde fram. La personen bestemme.
- Du er ikkje terapeut. Lytt, og ikkje press på for å få vite meir.
- Gje telefonnummeret for støtte, eller spør om personen vil snakke med nokon dei stolar på.
- Sei frå til koordinatoren etter intervjuet. Ta vare på deg sjølv òg: snakk med teamet ditt.""",
        """**Intervjuet**
- Sei kven du er.
- Sei at det er greitt å seie nei og å stoppe.
- Still spørsmåla. Lytt.
- Ikkje skriv ned namn.
- Sei takk.

**Om nokon blir lei seg eller sint**
- Ta ein pause.
- Spør kva personen vil.
- Gje telefonnummeret for støtte.""",
    ),
}
LINK_URL = "https://www.inclusion-europe.eu/easy-to-read/"
LINK = {
    "en": (
        "Inclusion Europe: easy-to-read standards",
        "The European standards for easy-to-read information, written with people with intellectual disabilities.",
    ),
    "sv": (
        "Inclusion Europe: regler för lättläst",
        "De europeiska reglerna för lättläst information, skrivna tillsammans med personer med intellektuell funktionsnedsättning. På engelska och flera andra språk.",
    ),
    "da": (
        "Inclusion Europe: regler for letlæst",
        "De europæiske regler for letlæst information, skrevet sammen med mennesker med udviklingshandicap. På engelsk og flere andre sprog.",
    ),
    "nb": (
        "Inclusion Europe: regler for lettlest",
        "De europeiske reglene for lettlest informasjon, skrevet sammen med personer med utviklingshemming. På engelsk og flere andre språk.",
    ),
    "nn": (
        "Inclusion Europe: reglar for lettlese",
        "Dei europeiske reglane for lettlesen informasjon, skrivne saman med personar med utviklingshemming. På engelsk og fleire andre språk.",
    ),
}
STORY = {
    "sv": (
        "Annas berättelse: min första gång i brukarrådet",
        "En kort ljudberättelse om att gå från brukare till brukarrepresentant.",
        "Anna: Första gången jag kom till brukarrådet satt jag längst bak och sa ingenting.\nAnna: Jag trodde att de andra visste mer än jag.\nAnna: Men min erfarenhet av boendestödet var precis det som saknades i rummet.\nAnna: Nu förbereder jag mig, pratar med andra brukare och tar med deras frågor.\nAnna: Mitt tips: fråga när något är oklart. Det gör mötet bättre för alla.",
        [
            ("00:00:00.000", "00:00:01.000", "Första gången satt jag längst bak och sa ingenting."),
            ("00:00:01.000", "00:00:02.000", "Min erfarenhet var precis det som saknades i rummet."),
            ("00:00:02.000", "00:00:03.000", "Mitt tips: fråga när något är oklart."),
        ],
    ),
    "en": (
        "Anna's story: my first time in the user council",
        "A short audio story about going from service user to user representative.",
        "Anna: The first time I came to the user council, I sat at the back and said nothing.\nAnna: I thought the others knew more than I did.\nAnna: But my experience of housing support was exactly what was missing in the room.\nAnna: Now I prepare, talk with other users and bring their questions.\nAnna: My tip: ask when something is unclear. It makes the meeting better for everyone.",
        [
            ("00:00:00.000", "00:00:01.000", "The first time, I sat at the back and said nothing."),
            ("00:00:01.000", "00:00:02.000", "My experience was exactly what was missing in the room."),
            ("00:00:02.000", "00:00:03.000", "My tip: ask when something is unclear."),
        ],
    ),
    "da": (
        "Annes historie: min første gang i brugerrådet",
        "En kort lydfortælling om at gå fra bruger til brugerrepræsentant.",
        "Anne: Første gang jeg kom til brugerrådet, sad jeg helt bagest og sagde ingenting.\nAnne: Jeg troede, at de andre vidste mere end jeg.\nAnne: Men min erfaring med bostøtten var lige præcis det, der manglede i rummet.\nAnne: Nu forbereder jeg mig, taler med andre brugere og tager deres spørgsmål med.\nAnne: Mit råd: spørg, når noget er uklart. Det gør mødet bedre for alle.",
        [
            ("00:00:00.000", "00:00:01.000", "Første gang sad jeg helt bagest og sagde ingenting."),
            ("00:00:01.000", "00:00:02.000", "Min erfaring var lige det, der manglede i rummet."),
            ("00:00:02.000", "00:00:03.000", "Mit råd: spørg, når noget er uklart."),
        ],
    ),
    "nb": (
        "Annes historie: min første gang i brukerrådet",
        "En kort lydfortelling om å gå fra bruker til brukerrepresentant.",
        "Anne: Første gang jeg kom til brukerrådet, satt jeg helt bakerst og sa ingenting.\nAnne: Jeg trodde at de andre visste mer enn meg.\nAnne: Men min erfaring med oppfølgingen i hjemmet var akkurat det som manglet i rommet.\nAnne: Nå forbereder jeg meg, snakker med andre brukere og tar med spørsmålene deres.\nAnne: Mitt råd: spør når noe er uklart. Det gjør møtet bedre for alle.",
        [
            ("00:00:00.000", "00:00:01.000", "Første gang satt jeg helt bakerst og sa ingenting."),
            ("00:00:01.000", "00:00:02.000", "Min erfaring var akkurat det som manglet i rommet."),
            ("00:00:02.000", "00:00:03.000", "Mitt råd: spør når noe er uklart."),
        ],
    ),
    "nn": (
        "Anne si forteljing: min første gong i brukarrådet",
        "Ei kort lydforteljing om å gå frå brukar til brukarrepresentant.",
        "Anne: Første gongen eg kom til brukarrådet, sat eg heilt bak og sa ingenting.\nAnne: Eg trudde at dei andre visste meir enn meg.\nAnne: Men erfaringa mi med heimetenesta var akkurat det som mangla i rommet.\nAnne: No førebur eg meg, snakkar med andre brukarar og tek med spørsmåla deira.\nAnne: Rådet mitt: spør når noko er uklart. Det gjer møtet betre for alle.",
        [
            ("00:00:00.000", "00:00:01.000", "Første gongen sat eg heilt bak og sa ingenting."),
            ("00:00:01.000", "00:00:02.000", "Erfaringa mi var akkurat det som mangla i rommet."),
            ("00:00:02.000", "00:00:03.000", "Rådet mitt: spør når noko er uklart."),
        ],
    ),
}

# Written by organisations, in Swedish only: a tip published by Föreningen Brukarröst (with a checklist
# as a PDF attachment) and a handbook that Exempelkommun has not published yet.
# (title, summary, body, easy-read)
ORG_TIP = (
    "Så förbereder vi oss i föreningen före brukarrådet",
    "Föreningen Brukarröst berättar hur medlemmarna förbereder sig tillsammans inför varje möte i "
    "kommunens brukarråd.",
    """Föreningen Brukarröst har två platser i kommunens brukarråd. Vi talar för alla våra medlemmar, inte bara för oss själva. Därför förbereder vi oss tillsammans. Så här gör vi.

## Två veckor före mötet

- Vi läser dagordningen och underlagen när de kommer.
- Vi skickar en kort sammanfattning till medlemmarna, på vanlig svenska.
- Vi frågar: Vad vill ni att vi tar upp?

## En vecka före mötet

- Vi har en träff i föreningens lokal. Alla medlemmar är välkomna, och vi bjuder på kaffe.
- Vi väljer högst tre frågor att driva. Det är bättre att säga något tydligt om tre saker än lite om tio.
- Vi skriver ner varje fråga med ett exempel från verkligheten. Ingen ska kunna kännas igen.

## Dagen före mötet

- Vi bestämmer vem som säger vad.
- Vi ringer kommunens kontaktperson om något i underlagen är oklart.

## Efter mötet

Inom en vecka berättar vi för medlemmarna vad som sades och vad kommunen lovade. Vi skriver upp löftena och frågar efter dem på nästa möte.

Det tar lite tid, men det lönar sig. Kommunen lyssnar mer när vi kommer förberedda, och medlemmarna ser att deras röst kommer fram. Checklistan finns som bilaga. Skriv gärna ut den och använd den i er egen förening.""",
    """Vi i föreningen förbereder oss före varje möte i brukarrådet.

- Vi läser papperen.
- Vi frågar medlemmarna vad de tycker.
- Vi väljer högst tre frågor.
- Efter mötet berättar vi vad som hände.""",
)
ORG_TIP_CHECKLIST = (
    "Checklista före brukarrådet",
    [
        (
            "Två veckor före",
            [
                "Läs dagordningen och underlagen.",
                "Skicka en kort sammanfattning till medlemmarna.",
                "Fråga vad medlemmarna vill ta upp.",
            ],
        ),
        (
            "En vecka före",
            [
                "Träffas i föreningen.",
                "Välj högst tre frågor.",
                "Skriv ett exempel till varje fråga. Ingen ska kännas igen.",
            ],
        ),
        ("Dagen före", ["Bestäm vem som säger vad.", "Ring kontaktpersonen om något är oklart."]),
        (
            "Efter mötet",
            [
                "Berätta för medlemmarna inom en vecka.",
                "Skriv upp vad kommunen lovade.",
                "Fråga efter löftena på nästa möte.",
            ],
        ),
    ],
)
HANDBOOK = (
    "Handbok: brukarinflytande i socialtjänsten (utkast)",
    "Ett utkast till socialförvaltningens handbok. Här står vad varje kapitel ska handla om och vad som "
    "saknas innan vi kan publicera.",
    """## Innehåll

1. Varför brukarinflytande? Lagen, kommunens mål och vad alla vinner på det.
2. Tre nivåer: den egna insatsen, verksamheten och systemet.
3. Brukarrådet: vilka som är med, hur ofta vi träffas och hur vi kallar.
4. Den gemensamma utvecklingsgruppen: så följer vi upp förslag och ger återkoppling.
5. Brukarrevision: när vi beställer en och hur vi tar emot rapporten.
6. Arvode och resor: vad vi betalar och hur det går till.
7. Tillgängliga möten: underlag två veckor före, lättläst, tolk och stödperson.
8. Kontakter: föreningarna vi samarbetar med.

## Det här saknas innan vi publicerar

- Kapitel 6: socialnämndens beslut om hur stort arvodet ska vara.
- Kapitel 8: föreningarnas kontaktpersoner ska säga ja till att vi skriver ut deras namn.
- En lättläst version av hela handboken.
- Föreningen Brukarröst och Anhörigföreningen Tillsammans ska läsa och tycka till om texten.""",
    "",
)
