"""The toolkit's demo texts: the index, the materials, the advice cards and the downloadable files.

Written in our own words from the facts of the programme (shared/seed). Dutch is the source; an
"en" entry in the same shape becomes the English translation (cms.demo.translate).
"""

from .choices import Kind, Occasion

TOOLKIT_INDEX = {
    "nl": {
        "title": "Toolkit",
        "slug": "toolkit",
        "intro": (
            "Brieven, kaartjes, lijstjes en tips van andere gangmakers. Kies waar het om gaat, "
            "lees hoe je het aanpakt en download wat je nodig hebt."
        ),
    },
    "en": {
        "title": "Toolkit",
        "slug": "toolkit",
        "intro": (
            "Letters, cards, checklists and tips from other gangmakers (street volunteers). Choose what it "
            "is about, read how to go about it and download what you need."
        ),
    },
}

# key: {"show_on_home": bool, "nl": {...}, "en": {...}}
ADVICE_CARDS = {
    "tijd": {
        "show_on_home": True,
        "nl": {
            "title": "Neem de tijd",
            "text": "Contact met buren groeit langzaam. Neem er rustig de tijd voor. Een groet vandaag is een praatje volgende maand.",
            "source": "Rob Fontain en Corrie van der Sluijs, gangmakers in de Landenbuurt",
        },
        "en": {
            "title": "Take your time",
            "text": "Contact between neighbours grows slowly. Take your time. A hello today becomes a chat next month.",
            "source": "Rob Fontain and Corrie van der Sluijs, gangmakers in the Landenbuurt",
        },
    },
    "bijltje": {
        "show_on_home": True,
        "nl": {
            "title": "Gooi niet meteen het bijltje erbij neer",
            "text": "Lukt iets niet de eerste keer? Dat is heel gewoon. Probeer het later nog eens, of op een andere manier.",
            "source": "Rob Fontain en Corrie van der Sluijs, gangmakers in de Landenbuurt",
        },
        "en": {
            "title": "Don’t throw in the towel",
            "text": "Something didn’t work the first time? That is quite normal. Try again later, or in another way.",
            "source": "Rob Fontain and Corrie van der Sluijs, gangmakers in the Landenbuurt",
        },
    },
    "vriendelijk": {
        "show_on_home": True,
        "nl": {
            "title": "Blijf vriendelijk",
            "text": "Sommige buren willen eerst geen contact. Blijf ze toch groeten. Soms verandert het later, met een klein gebaar.",
            "source": "Noreen Mir, gangmaker in de Korenaarstraat",
        },
        "en": {
            "title": "Stay friendly",
            "text": "Some neighbours don’t want contact at first. Keep saying hello anyway. Sometimes it changes later, with a small gesture.",
            "source": "Noreen Mir, gangmaker in the Korenaarstraat",
        },
    },
    "baas": {
        "show_on_home": False,
        "nl": {
            "title": "Jij bent de baas in je straat",
            "text": "Gangmakers bepalen zelf wat ze doen. Een professional is een praatpaal, geen regisseur. Vraag gerust om raad.",
            "source": "Harm de Oude, Gebiedscommissie IJsselmonde",
        },
        "en": {
            "title": "You are in charge of your street",
            "text": "Gangmakers decide for themselves what they do. A professional is someone to talk to, not a director. Feel free to ask for advice.",
            "source": "Harm de Oude, IJsselmonde district committee",
        },
    },
    "professional": {
        "show_on_home": False,
        "nl": {
            "title": "Ken je grens",
            "text": "Raakt een buur in de war, of is iemand ernstig ziek? Dan is hulp van de zorg nodig. Bel samen met de familie de huisarts of het wijkteam.",
            "source": "Harm de Oude, Gebiedscommissie IJsselmonde",
        },
        "en": {
            "title": "Know your limits",
            "text": "Is a neighbour getting confused, or is someone seriously ill? Then professional care is needed. Together with the family, call the GP or the district team.",
            "source": "Harm de Oude, IJsselmonde district committee",
        },
    },
    "bloemen": {
        "show_on_home": False,
        "nl": {
            "title": "Bloemen openen deuren",
            "text": "Een bosje bloemen of een bord eten maakt het makkelijker om aan te bellen bij buren die je nog niet kent.",
            "source": "Ireen van der Lem, projectleider bij Opzoomer Mee",
        },
        "en": {
            "title": "Flowers open doors",
            "text": "A bunch of flowers or a plate of food makes it easier to ring the bell of neighbours you don’t know yet.",
            "source": "Ireen van der Lem, project leader at Opzoomer Mee",
        },
    },
    "sleutel": {
        "show_on_home": False,
        "nl": {
            "title": "Een sleutel geeft rust",
            "text": "Met een reservesleutel kun je helpen als iemand zichzelf buitensluit of als er iets ergs gebeurt.",
            "source": "Ria en Herman van der Reek, gangmakers in de Langenhorst",
        },
        "en": {
            "title": "A key gives peace of mind",
            "text": "With a spare key you can help when someone is locked out or when something serious happens.",
            "source": "Ria and Herman van der Reek, gangmakers in the Langenhorst",
        },
    },
    "enquete": {
        "show_on_home": False,
        "nl": {
            "title": "Vragen brengt mensen aan het praten",
            "text": "Door de vragenlijst ontstonden gesprekken in de hal. Zo hoor je wat buren voor elkaar willen doen.",
            "source": "Ria en Herman van der Reek, gangmakers in de Langenhorst",
        },
        "en": {
            "title": "Asking gets people talking",
            "text": "The questionnaire started conversations in the hall. That is how you hear what neighbours want to do for each other.",
            "source": "Ria and Herman van der Reek, gangmakers in the Langenhorst",
        },
    },
    "georganiseerd": {
        "show_on_home": False,
        "nl": {
            "title": "Vraag: woont u in een georganiseerde straat?",
            "text": "In zo’n straat letten buren op elkaar. Hulpverleners mogen die vraag gerust aan hun cliënten stellen.",
            "source": "Herman Meijer, Reflectiecommissie Lief & Leed",
        },
        "en": {
            "title": "Ask: do you live in an organised street?",
            "text": "In such a street, neighbours keep an eye on each other. Care workers can safely ask their clients this question.",
            "source": "Herman Meijer, Lief & Leed reflection committee",
        },
    },
}


def letter(*paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def checklist(*items):
    return '<ul class="check">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def lines(*labels):
    return '<dl class="lines">' + "".join(f"<dt>{label}</dt><dd></dd>" for label in labels) + "</dl>"


# key: file to generate. "format" is "pdf" (WeasyPrint) or "xlsx" (openpyxl); "size" A4 or A5.
DOCUMENTS = {
    "welcome-nl": {
        "title": "Welkomstbrief voor nieuwe buren",
        "language": "nl",
        "filename": "welkomstbrief-nieuwe-buren.pdf",
        "description": "Een korte brief om in te vullen en bij de nieuwe buren in de bus te doen.",
        "heading": "Welkom in onze straat!",
        "body": letter(
            "Beste nieuwe buren,",
            "Welkom in onze straat! Ik heet ____________________ en ik woon op nummer ______.",
            "In deze straat kijken buren naar elkaar om. Heeft u een vraag of hulp nodig? Bel gerust bij mij aan.",
            "Ik nodig u graag uit voor een kopje koffie. Een dag die u goed uitkomt: ____________________",
            "Hartelijke groet,",
            "____________________",
        ),
    },
    "welcome-en": {
        "title": "Welcome letter for new neighbours",
        "language": "en",
        "filename": "welcome-letter-new-neighbours.pdf",
        "description": "A short letter to fill in and put through the new neighbours’ letterbox.",
        "heading": "Welcome to our street!",
        "body": letter(
            "Dear new neighbours,",
            "Welcome to our street! My name is ____________________ and I live at number ______.",
            "In this street, neighbours look out for each other. Do you have a question or need help? Just ring my bell.",
            "I would like to invite you for a cup of coffee. A day that suits you: ____________________",
            "Kind regards,",
            "____________________",
        ),
    },
    "welcome-tr": {
        "title": "Yeni komşular için hoş geldiniz mektubu",
        "language": "tr",
        "filename": "hos-geldiniz-mektubu.pdf",
        "description": "Doldurup yeni komşuların posta kutusuna atabileceğiniz kısa bir mektup.",
        "heading": "Sokağımıza hoş geldiniz!",
        "body": letter(
            "Sevgili yeni komşularımız,",
            "Sokağımıza hoş geldiniz! Adım ____________________ ve ______ numarada oturuyorum.",
            "Bu sokakta komşular birbirine göz kulak olur. Bir sorunuz olursa ya da yardıma ihtiyacınız olursa kapımı çalabilirsiniz.",
            "Sizi bir kahveye davet etmek isterim. Size uygun bir gün: ____________________",
            "Sevgiyle,",
            "____________________",
        ),
    },
    "welcome-ar": {
        "title": "رسالة ترحيب بالجيران الجدد",
        "language": "ar",
        "filename": "welkomstbrief-arabisch.pdf",
        "description": "رسالة قصيرة تملؤها وتضعها في صندوق بريد الجيران الجدد.",
        "heading": "أهلاً وسهلاً بكم في شارعنا!",
        "body": letter(
            "جيراننا الجدد الأعزاء،",
            "أهلاً وسهلاً بكم في شارعنا! اسمي ____________________ وأسكن في المنزل رقم ______.",
            "في هذا الشارع يهتم الجيران ببعضهم. إذا كان لديكم سؤال أو احتجتم إلى مساعدة، يمكنكم أن تطرقوا بابي.",
            "يسعدني أن أدعوكم لشرب القهوة. يوم يناسبكم: ____________________",
            "مع أطيب التحيات،",
            "____________________",
        ),
    },
    "welcome-pl": {
        "title": "List powitalny dla nowych sąsiadów",
        "language": "pl",
        "filename": "list-powitalny.pdf",
        "description": "Krótki list do wypełnienia i wrzucenia do skrzynki nowych sąsiadów.",
        "heading": "Witamy na naszej ulicy!",
        "body": letter(
            "Drodzy nowi sąsiedzi,",
            "Witamy na naszej ulicy! Nazywam się ____________________ i mieszkam pod numerem ______.",
            "Na tej ulicy sąsiedzi dbają o siebie nawzajem. Jeśli macie pytanie albo potrzebujecie pomocy, śmiało zapukajcie do moich drzwi.",
            "Chętnie zaproszę Was na kawę. Dzień, który Wam pasuje: ____________________",
            "Serdecznie pozdrawiam,",
            "____________________",
        ),
    },
    "package-nl": {
        "title": "Checklist Lief & Leedpakketje",
        "language": "nl",
        "filename": "checklist-lief-en-leedpakketje.pdf",
        "description": "Wat stop je in een pakketje voor nieuwe buren? Vink af wat je hebt.",
        "heading": "Checklist: een Lief & Leedpakketje",
        "body": (
            "<p>Zorg dat er voor iedereen in het huis iets in zit.</p>"
            + checklist(
                "Een welkomstbrief met je naam en huisnummer",
                "Iets lekkers: koekjes, thee of koffie",
                "Iets voor de kinderen: kleurplaat, stiften of een bal",
                "Iets moois: een plantje of een paar bloemen",
                "Een kaartje met handige nummers in de buurt",
                "Een uitnodiging voor koffie of de volgende straatactiviteit",
                "Een mooie tas of doos, met een strik",
            )
            + "<p>Het potje van je Opzoomerstraat mag je hiervoor gebruiken.</p>"
        ),
    },
    "package-en": {
        "title": "Checklist Lief & Leed welcome package",
        "language": "en",
        "filename": "checklist-welcome-package.pdf",
        "description": "What goes into a package for new neighbours? Tick what you have.",
        "heading": "Checklist: a Lief & Leed welcome package",
        "body": (
            "<p>Make sure there is something for everyone in the household.</p>"
            + checklist(
                "A welcome letter with your name and house number",
                "Something tasty: biscuits, tea or coffee",
                "Something for the children: a colouring page, felt pens or a ball",
                "Something nice: a small plant or a few flowers",
                "A card with useful phone numbers in the neighbourhood",
                "An invitation for coffee or the next street activity",
                "A nice bag or box, with a ribbon",
            )
            + "<p>You may use your street’s yearly budget (the potje) for this.</p>"
        ),
    },
    "key-nl": {
        "title": "Sleutelkaart",
        "language": "nl",
        "filename": "sleutelkaart.pdf",
        "description": "Een kaartje voor naast de deur: bij wie ligt mijn reservesleutel?",
        "size": "A6",
        "heading": "Mijn reservesleutel ligt bij",
        "body": lines("Naam", "Huisnummer", "Telefoon", "Bel ook (familie)")
        + "<p>Bewaar dit kaartje binnen, niet aan de buitenkant van de deur.</p>",
    },
    "key-en": {
        "title": "Key card",
        "language": "en",
        "filename": "key-card.pdf",
        "description": "A card to keep by the door: who has my spare key?",
        "size": "A6",
        "heading": "My spare key is with",
        "body": lines("Name", "House number", "Phone", "Also call (family)")
        + "<p>Keep this card inside, not on the outside of the door.</p>",
    },
    "get-well-nl": {
        "title": "Beterschapskaart",
        "language": "nl",
        "filename": "beterschapskaart.pdf",
        "description": "Een kaart om te geven bij bloemen of een maaltijd.",
        "size": "A5",
        "heading": "Beterschap!",
        "body": letter(
            "Lieve buur,",
            "We denken aan je. Heb je iets nodig, een boodschap of een praatje? Laat het ons weten.",
            "Groeten van je buren van nummer ______",
        ),
    },
    "survey-nl": {
        "title": "Enquête burenhulp",
        "language": "nl",
        "filename": "enquete-burenhulp.pdf",
        "description": "Een vragenlijst van één kantje: wat willen buren voor elkaar doen?",
        "heading": "Enquête: wat doen we voor elkaar?",
        "body": (
            "<p>Wij zijn de gangmakers van de straat. We willen weten wat buren voor elkaar willen doen. "
            "Invullen mag zonder naam.</p>"
            "<h2>1. Wat wilt u wel eens voor een buur doen?</h2>"
            + checklist(
                "Een boodschap doen",
                "Een praatje maken of op de koffie gaan",
                "Een klusje in huis",
                "Een reservesleutel bewaren",
                "Meegaan naar de dokter",
                "Iets anders: ____________________",
            )
            + "<h2>2. Waar zou een buur u mee kunnen helpen?</h2>"
            + lines("", "")
            + "<h2>3. Mogen we u hierover spreken?</h2>"
            + lines("Naam (mag leeg)", "Huisnummer")
            + "<p>Inleveren bij de gangmakers, of we halen het formulier zelf op.</p>"
        ),
    },
    "survey-en": {
        "title": "Neighbour help survey",
        "language": "en",
        "filename": "neighbour-help-survey.pdf",
        "description": "A one-page questionnaire: what do neighbours want to do for each other?",
        "heading": "Survey: what do we do for each other?",
        "body": (
            "<p>We are the gangmakers (street volunteers) of this street. We would like to know what neighbours "
            "want to do for each other. You may fill this in without your name.</p>"
            "<h2>1. What would you sometimes like to do for a neighbour?</h2>"
            + checklist(
                "Do some shopping",
                "Have a chat or a cup of coffee",
                "A small job in the house",
                "Keep a spare key",
                "Go along to the doctor",
                "Something else: ____________________",
            )
            + "<h2>2. What could a neighbour help you with?</h2>"
            + lines("", "")
            + "<h2>3. May we talk to you about this?</h2>"
            + lines("Name (may be empty)", "House number")
            + "<p>Hand it in to the gangmakers, or we will come and collect the form.</p>"
        ),
    },
    "survey-tally": {
        "title": "Enquête burenhulp: telblad",
        "language": "nl",
        "filename": "enquete-burenhulp-telblad.xlsx",
        "description": "Een rekenblad om de antwoorden van de enquête te tellen.",
        "format": "xlsx",
        "rows": [
            ["Antwoord", "Aantal keer aangevinkt"],
            ["Een boodschap doen", 0],
            ["Een praatje maken of op de koffie gaan", 0],
            ["Een klusje in huis", 0],
            ["Een reservesleutel bewaren", 0],
            ["Meegaan naar de dokter", 0],
            ["Iets anders", 0],
        ],
    },
    "christmas-nl": {
        "title": "Kaartje bij een kerststukje",
        "language": "nl",
        "filename": "kaartje-kerststukje.pdf",
        "description": "Een klein kaartje om bij een zelfgemaakt kerststukje te geven.",
        "size": "A6",
        "heading": "Speciaal voor jou gemaakt",
        "body": letter("Fijne feestdagen, buur!", "Van: ____________________"),
    },
    "professional-nl": {
        "title": "Wie bel je als het niet meer gaat?",
        "language": "nl",
        "filename": "wie-bel-je.pdf",
        "description": "Een kaart met plek voor de nummers van huisarts, wijkteam en thuiszorg.",
        "size": "A5",
        "heading": "Wie bel je als het niet meer gaat?",
        "body": (
            "<p>Bij gevaar: bel altijd 112.</p>"
            + lines("Huisarts", "Wijkteam", "Thuiszorg", "Familie van de buur")
            + "<p>Twijfel je? Bel samen met de familie. Je hoeft het niet alleen te doen.</p>"
        ),
    },
    "organised-street-nl": {
        "title": "Flyer: Woont u in een georganiseerde straat?",
        "language": "nl",
        "filename": "flyer-georganiseerde-straat.pdf",
        "description": "Een flyer voor hulpverleners en zorginstellingen.",
        "heading": "Woont u in een georganiseerde straat?",
        "body": letter(
            "Rotterdam heeft zo’n 1.800 georganiseerde straten: straten waar bewoners samen dingen regelen, "
            "van een straatfeest tot bloemen voor een zieke buur.",
            "In zo’n straat zijn buren er voor elkaar bij lief en leed. Wie daar woont, krijgt vaak sneller hulp.",
            "Bent u hulpverlener? Stel uw cliënt de vraag: woont u in een georganiseerde straat? "
            "Dan weet u of er buren zijn die kunnen helpen.",
            "Meer weten? Kijk op de website van Lief & Leed van Opzoomer Mee.",
        ),
    },
    "birth-nl": {
        "title": "Felicitatiekaart bij een geboorte",
        "language": "nl",
        "filename": "felicitatiekaart-geboorte.pdf",
        "description": "Een kaart om de nieuwe ouders in de straat te feliciteren.",
        "size": "A5",
        "heading": "Gefeliciteerd met jullie kindje!",
        "body": letter(
            "Welkom in de straat, kleine buur!",
            "Hebben jullie iets nodig, een boodschap of een pannetje soep? Bel gerust aan.",
            "Van de buren van nummer ______",
        ),
    },
    "condolence-nl": {
        "title": "Kaart bij een overlijden",
        "language": "nl",
        "filename": "kaart-overlijden.pdf",
        "description": "Een rustige kaart om te laten weten dat je aan de buren denkt.",
        "size": "A5",
        "heading": "We denken aan jullie",
        "body": letter(
            "Lieve buren,",
            "Wat verdrietig dat jullie iemand hebben verloren. We leven met jullie mee.",
            "Als we iets kunnen doen, horen we het graag.",
            "____________________",
        ),
    },
    "anniversary-nl": {
        "title": "Uitnodiging voor een jubileum in de straat",
        "language": "nl",
        "filename": "uitnodiging-jubileum.pdf",
        "description": "Een uitnodiging om samen een jubileum van een buur te vieren.",
        "heading": "Feest in de straat!",
        "body": lines("Wie is er jarig of viert een jubileum?", "Wanneer?", "Waar?", "Neem mee")
        + "<p>Iedereen is welkom. Geef even door of je komt bij nummer ______.</p>",
    },
    "coffee-nl": {
        "title": "Uitnodiging: koffie op de stoep",
        "language": "nl",
        "filename": "uitnodiging-koffie-op-de-stoep.pdf",
        "description": "Een uitnodiging voor de hele straat om samen koffie te drinken.",
        "heading": "Koffie op de stoep",
        "body": letter(
            "Beste buren,",
            "Kom een kopje koffie drinken op de stoep! Zo leren we elkaar beter kennen, ook de nieuwe buren.",
        )
        + lines("Datum", "Tijd", "Voor het huis van nummer"),
    },
    "coffee-en": {
        "title": "Invitation: coffee on the pavement",
        "language": "en",
        "filename": "invitation-coffee-on-the-pavement.pdf",
        "description": "An invitation for the whole street to have coffee together.",
        "heading": "Coffee on the pavement",
        "body": letter(
            "Dear neighbours,",
            "Come and have a cup of coffee on the pavement! This is how we get to know each other better, "
            "new neighbours too.",
        )
        + lines("Date", "Time", "In front of number"),
    },
}

# Each material: slug, kind, occasions, documents (keys of DOCUMENTS), cards (keys of ADVICE_CARDS),
# story (the slug of the story the first tip comes from; linked when the stories exist), and the
# texts per language: title, slug, intro, needs, steps [(title, text)], tips [(text, person)].
ITEMS = [
    {
        "kind": Kind.LETTER,
        "occasions": [Occasion.NEW_NEIGHBOURS],
        "documents": ["welcome-nl", "welcome-en", "welcome-tr", "welcome-ar", "welcome-pl"],
        "cards": ["tijd", "vriendelijk"],
        "story": "een-verrassing-voor-de-buurvrouw",
        "nl": {
            "title": "Welkom heten met een brief",
            "slug": "welkomstbrief",
            "intro": "Er komen nieuwe buren wonen. Met een korte brief laat je weten wie je bent en dat ze altijd mogen aanbellen.",
            "needs": ["De welkomstbrief (download hieronder)", "Een pen", "Een envelop", "Tien minuten tijd"],
            "steps": [
                ("Vul de brief in", "Schrijf je naam en huisnummer op. Kies een dag voor de koffie."),
                ("Doe de brief in de bus", "Doe het in de eerste week. Dan is het welkom nog vers."),
                ("Groet ze op straat", "Zie je de nieuwe buren? Stel je even voor en noem de brief."),
            ],
            "tips": [
                (
                    "Spreken de nieuwe buren weinig Nederlands? Er is een brief in het Engels, Turks, Arabisch en Pools.",
                    "Noreen Mir, Korenaarstraat",
                ),
            ],
        },
        "en": {
            "title": "Welcome new neighbours with a letter",
            "slug": "welcome-letter",
            "intro": "New neighbours are moving in. With a short letter you tell them who you are and that they can always ring your bell.",
            "needs": ["The welcome letter (download below)", "A pen", "An envelope", "Ten minutes"],
            "steps": [
                ("Fill in the letter", "Write down your name and house number. Choose a day for coffee."),
                (
                    "Put the letter through the letterbox",
                    "Do it in the first week, while the welcome is still fresh.",
                ),
                (
                    "Say hello in the street",
                    "Do you see the new neighbours? Introduce yourself and mention the letter.",
                ),
            ],
            "tips": [
                (
                    "Do the new neighbours speak little Dutch? There is a letter in English, Turkish, Arabic and Polish.",
                    "Noreen Mir, Korenaarstraat",
                ),
            ],
        },
    },
    {
        "kind": Kind.PACKAGE,
        "occasions": [Occasion.NEW_NEIGHBOURS, Occasion.BIRTH],
        "documents": ["package-nl", "package-en", "welcome-nl"],
        "cards": ["bloemen", "vriendelijk"],
        "story": "een-verrassing-voor-de-buurvrouw",
        "nl": {
            "title": "Een Lief & Leedpakketje maken",
            "slug": "lief-en-leedpakketje",
            "intro": "Een pakketje met iets lekkers en iets moois maakt kennismaken makkelijk. Zo leer je buren kennen die je nog niet kende.",
            "needs": [
                "De checklist (download hieronder)",
                "Een tas of doos",
                "Iets lekkers en iets voor de kinderen",
                "Geld uit het potje van de straat",
            ],
            "steps": [
                (
                    "Maak een lijstje",
                    "Voor wie is het pakketje? Zorg dat er voor iedereen in huis iets in zit.",
                ),
                ("Doe boodschappen", "Gebruik het potje van je Opzoomerstraat. Houd de bonnetjes bij."),
                ("Bezorg het pakketje", "Bel aan en stel je voor. Is er niemand? Kom een andere keer terug."),
            ],
            "tips": [
                (
                    "De meeste buren waren blij en verrast. Een enkeling wilde niets. Dat is ook goed.",
                    "Noreen Mir, Korenaarstraat",
                ),
            ],
        },
        "en": {
            "title": "Make a Lief & Leed welcome package",
            "slug": "welcome-package",
            "intro": "A package with something tasty and something nice makes it easy to get acquainted. That is how you meet neighbours you didn’t know yet.",
            "needs": [
                "The checklist (download below)",
                "A bag or box",
                "Something tasty and something for the children",
                "Money from the street’s budget",
            ],
            "steps": [
                (
                    "Make a list",
                    "Who is the package for? Make sure there is something for everyone in the house.",
                ),
                ("Do the shopping", "Use the budget of your Opzoomer street. Keep the receipts."),
                (
                    "Deliver the package",
                    "Ring the bell and introduce yourself. Nobody home? Come back another time.",
                ),
            ],
            "tips": [
                (
                    "Most neighbours were happy and surprised. One or two didn’t want anything. That is fine too.",
                    "Noreen Mir, Korenaarstraat",
                ),
            ],
        },
    },
    {
        "kind": Kind.CARD,
        "occasions": [Occasion.NEW_NEIGHBOURS, Occasion.ILLNESS],
        "documents": ["key-nl", "key-en"],
        "cards": ["sleutel"],
        "story": "hulp-is-nooit-ver-weg",
        "nl": {
            "title": "Een reservesleutel bij de buren",
            "slug": "reservesleutel",
            "intro": "Met een reservesleutel kan een buur helpen als iemand zichzelf buitensluit of als er iets ergs gebeurt.",
            "needs": [
                "Een reservesleutel",
                "De sleutelkaart (download hieronder)",
                "Een buur die je vertrouwt",
            ],
            "steps": [
                ("Vraag het rustig", "Vraag een buur of die een sleutel wil bewaren. Nee zeggen mag altijd."),
                (
                    "Spreek af wanneer",
                    "Wanneer mag de buur naar binnen? Bijvoorbeeld alleen als je belt, of bij nood.",
                ),
                (
                    "Vul de sleutelkaart in",
                    "Leg de kaart binnen, bij de telefoon. Zet nooit je adres op de sleutel.",
                ),
            ],
            "tips": [
                (
                    "In onze flat gaven buren elkaar een sleutel. Zo kunnen we helpen als iemand er niet meer in kan.",
                    "Herman van der Reek, Langenhorst",
                ),
            ],
        },
        "en": {
            "title": "A spare key with the neighbours",
            "slug": "spare-key",
            "intro": "With a spare key, a neighbour can help when someone is locked out or when something serious happens.",
            "needs": ["A spare key", "The key card (download below)", "A neighbour you trust"],
            "steps": [
                ("Ask calmly", "Ask a neighbour whether they want to keep a key. Saying no is always fine."),
                (
                    "Agree when",
                    "When may the neighbour go in? For example only when you call, or in an emergency.",
                ),
                (
                    "Fill in the key card",
                    "Keep the card inside, by the phone. Never put your address on the key.",
                ),
            ],
            "tips": [
                (
                    "In our block of flats, neighbours gave each other a key. Now we can help when someone can’t get in.",
                    "Herman van der Reek, Langenhorst",
                ),
            ],
        },
    },
    {
        "kind": Kind.ADVICE,
        "occasions": [Occasion.ILLNESS],
        "documents": ["get-well-nl"],
        "cards": ["bloemen", "professional"],
        "story": "ambassadeurs-voor-een-warme-stad",
        "nl": {
            "title": "Bloemen of een maaltijd voor een zieke buur",
            "slug": "bloemen-of-maaltijd-bij-ziekte",
            "intro": "Is een buur ziek? Een bosje bloemen of een pannetje soep laat zien dat je aan iemand denkt.",
            "needs": [
                "Bloemen of een maaltijd",
                "De beterschapskaart (download hieronder)",
                "Geld uit het potje van de straat",
            ],
            "steps": [
                ("Hoor hoe het gaat", "Vraag familie of een buur hoe het met de zieke gaat, en wat fijn is."),
                ("Kies iets kleins", "Een bosje bloemen, soep of een taart. Let op wat iemand mag eten."),
                ("Kom even langs", "Blijf kort. Vraag of je nog eens mag komen, of een boodschap mag doen."),
            ],
            "tips": [
                (
                    "Sommige bewoners brengen elke week eten naar een buur die ziek of oud is.",
                    "Ireen van der Lem, Opzoomer Mee",
                ),
            ],
        },
        "en": {
            "title": "Flowers or a meal for a neighbour who is ill",
            "slug": "flowers-or-a-meal",
            "intro": "Is a neighbour ill? A bunch of flowers or a pot of soup shows that you are thinking of them.",
            "needs": [
                "Flowers or a meal",
                "The get-well card (download below)",
                "Money from the street’s budget",
            ],
            "steps": [
                (
                    "Find out how they are",
                    "Ask family or a neighbour how the person is doing, and what they would like.",
                ),
                (
                    "Choose something small",
                    "A bunch of flowers, soup or a cake. Check what the person is allowed to eat.",
                ),
                ("Drop by", "Keep it short. Ask whether you may come again, or do some shopping."),
            ],
            "tips": [
                (
                    "Some residents bring food every week to a neighbour who is ill or old.",
                    "Ireen van der Lem, Opzoomer Mee",
                ),
            ],
        },
    },
    {
        "kind": Kind.SURVEY,
        "occasions": [Occasion.GETTING_STARTED],
        "documents": ["survey-nl", "survey-en", "survey-tally"],
        "cards": ["enquete"],
        "story": "hulp-is-nooit-ver-weg",
        "nl": {
            "title": "De enquête burenhulp",
            "slug": "enquete-burenhulp",
            "intro": "Met een korte vragenlijst hoor je wat buren voor elkaar willen doen. Het ophalen zorgt vaak voor de beste gesprekken.",
            "needs": [
                "De vragenlijst (download hieronder)",
                "Een pen voor elke buur",
                "Het telblad om te tellen",
                "Een middag om op te halen",
            ],
            "steps": [
                (
                    "Print de vragenlijst",
                    "Print genoeg voor elk huis of elke flat. Zet je naam erop als gangmaker.",
                ),
                ("Breng ze rond", "Zeg wanneer je ze komt ophalen. Invullen mag zonder naam."),
                ("Haal ze op en praat", "Bij het ophalen hoor je vaak meer dan op papier staat."),
                ("Tel en vertel", "Tel de antwoorden op het telblad. Vertel de straat wat eruit kwam."),
            ],
            "tips": [
                (
                    "Door de enquête ontstonden in de hal allerlei gesprekken over hulp aan elkaar.",
                    "Ria van der Reek, Langenhorst",
                ),
            ],
        },
        "en": {
            "title": "The neighbour help survey",
            "slug": "neighbour-help-survey",
            "intro": "A short questionnaire tells you what neighbours want to do for each other. Collecting it often leads to the best conversations.",
            "needs": [
                "The questionnaire (download below)",
                "A pen for each neighbour",
                "The tally sheet for counting",
                "An afternoon to collect",
            ],
            "steps": [
                (
                    "Print the questionnaire",
                    "Print enough for every house or flat. Put your name on it as gangmaker.",
                ),
                (
                    "Hand them out",
                    "Say when you will come to collect them. People may fill it in without a name.",
                ),
                (
                    "Collect them and talk",
                    "When you collect, you often hear more than what is written on paper.",
                ),
                (
                    "Count and tell",
                    "Count the answers on the tally sheet. Tell the street what came out of it.",
                ),
            ],
            "tips": [
                (
                    "The survey started all kinds of conversations in the hall about helping each other.",
                    "Ria van der Reek, Langenhorst",
                ),
            ],
        },
    },
    {
        "kind": Kind.ADVICE,
        "occasions": [Occasion.GETTING_STARTED],
        "documents": [],
        "cards": ["bijltje", "tijd"],
        "story": "niet-meteen-het-bijltje-erbij-neergooien",
        "nl": {
            "title": "Niet meteen het bijltje erbij neergooien",
            "slug": "niet-opgeven",
            "intro": "Niet alles lukt de eerste keer. Dat hoort erbij. Zo houd je het vol als gangmaker.",
            "needs": ["Geduld", "Een mede-gangmaker om mee te praten"],
            "steps": [
                ("Begin klein", "Eén kopje koffie of één kaartje is al een goed begin."),
                ("Praat erover", "Bespreek met een andere gangmaker wat goed ging en wat niet."),
                (
                    "Probeer het opnieuw",
                    "Kies een ander moment of een andere manier. Contact groeit langzaam.",
                ),
            ],
            "tips": [
                (
                    "Er zijn nu meer contacten in onze straat. Bewoners vragen zelf om een nieuwe activiteit.",
                    "Rob Fontain, Landenbuurt",
                ),
            ],
        },
        "en": {
            "title": "Don’t throw in the towel straight away",
            "slug": "keep-going",
            "intro": "Not everything works the first time. That is part of it. This is how you keep going as a gangmaker.",
            "needs": ["Patience", "A fellow gangmaker to talk to"],
            "steps": [
                ("Start small", "One cup of coffee or one card is already a good start."),
                ("Talk about it", "Discuss with another gangmaker what went well and what didn’t."),
                ("Try again", "Choose another moment or another way. Contact grows slowly."),
            ],
            "tips": [
                (
                    "There is more contact in our street now. Residents themselves ask for a new activity.",
                    "Rob Fontain, Landenbuurt",
                ),
            ],
        },
    },
    {
        "kind": Kind.ADVICE,
        "occasions": [Occasion.LONELINESS, Occasion.NEW_NEIGHBOURS],
        "documents": [],
        "cards": ["vriendelijk"],
        "story": "een-verrassing-voor-de-buurvrouw",
        "nl": {
            "title": "Een buur die geen contact wil",
            "slug": "buur-zonder-contact",
            "intro": "Niet iedereen wil meteen contact. Blijf vriendelijk en respecteer het. Soms verandert het later toch.",
            "needs": ["Een groet", "Geduld"],
            "steps": [
                ("Blijf groeten", "Zeg gedag op straat, ook als er niets terugkomt."),
                ("Dring niet aan", "Respecteer dat iemand geen behoefte heeft aan contact."),
                ("Grijp een kans", "Een klein gebaar op het goede moment kan veel doen."),
            ],
            "tips": [
                (
                    "Een buurvrouw wilde niets van mijn pakketje weten. Toen ze mijn kerststukje mooi vond, gaf ik het haar. Nu zijn we vriendinnen.",
                    "Noreen Mir, Korenaarstraat",
                ),
            ],
        },
    },
    {
        "kind": Kind.ADVICE,
        "occasions": [Occasion.HOLIDAYS, Occasion.LONELINESS],
        "documents": ["christmas-nl"],
        "cards": ["vriendelijk"],
        "story": "een-verrassing-voor-de-buurvrouw",
        "nl": {
            "title": "Een kerststukje als verrassing",
            "slug": "kerststukje",
            "intro": "Maak met andere vrijwilligers kerststukjes en geef er een aan een buur die je wilt verrassen.",
            "needs": [
                "Groen, kaarsen en een bakje",
                "Een middag met andere vrijwilligers",
                "Het kaartje (download hieronder)",
            ],
            "steps": [
                ("Maak ze samen", "Spreek een middag af in december. Samen knutselen is ook gezellig."),
                ("Kies aan wie", "Denk aan buren die alleen zijn, of met wie het contact stroef is."),
                ("Geef het zomaar", "Zeg erbij dat je het speciaal voor hen hebt gemaakt."),
            ],
            "tips": [
                (
                    "De buurvrouw was zo verrast dat ze een beetje emotioneel werd. Ik kreeg een dikke knuffel.",
                    "Noreen Mir, Korenaarstraat",
                ),
            ],
        },
    },
    {
        "kind": Kind.ADVICE,
        "occasions": [Occasion.ILLNESS, Occasion.LONELINESS],
        "documents": ["professional-nl"],
        "cards": ["professional", "baas"],
        "story": "hulp-is-nooit-ver-weg",
        "nl": {
            "title": "Wanneer schakel je een professional in?",
            "slug": "professional-inschakelen",
            "intro": "Buren kunnen veel. Maar soms is hulp van de zorg nodig. Zo weet je wanneer, en wie je belt.",
            "needs": ["De kaart ‘Wie bel je?’ (download hieronder)", "De nummers van huisarts en wijkteam"],
            "steps": [
                (
                    "Let op signalen",
                    "Raakt een buur in de war, eet iemand niet meer, of is iemand ernstig ziek?",
                ),
                ("Praat met de familie", "Bel samen met de familie. Je hoeft het niet alleen te doen."),
                ("Bel de huisarts of het wijkteam", "Bij gevaar bel je altijd 112."),
                ("Blijf een buur", "Kom langs zoals altijd. De professional doet de zorg, jij de aandacht."),
            ],
            "tips": [
                (
                    "Een meneer in de flat bleek erg ziek. Samen met het maatschappelijk werk hebben we goede zorg geregeld. Hij heeft er niet alleen voor gestaan.",
                    "Herman van der Reek, Langenhorst",
                ),
            ],
        },
    },
    {
        "kind": Kind.FLYER,
        "occasions": [Occasion.GETTING_STARTED],
        "documents": ["organised-street-nl"],
        "cards": ["georganiseerd"],
        "story": "woont-u-in-een-georganiseerde-straat",
        "nl": {
            "title": "Woont u in een georganiseerde straat?",
            "slug": "georganiseerde-straat",
            "intro": "Een flyer voor hulpverleners: vraag uw cliënt of hij in een georganiseerde straat woont. Dan zijn er buren die kunnen helpen.",
            "needs": [
                "De flyer (download hieronder)",
                "Een wijkteam, huisarts of zorginstelling in de buurt",
            ],
            "steps": [
                ("Print de flyer", "Print een paar flyers op stevig papier."),
                ("Breng ze langs", "Geef ze aan het wijkteam, de huisarts of het buurthuis."),
                ("Vertel wat jullie doen", "Laat weten dat de straat er is bij lief en leed."),
            ],
            "tips": [
                (
                    "Iedere hulpverlener in de stad mag zijn cliënten vragen: woont u in een georganiseerde straat?",
                    "Herman Meijer, oud-wethouder van Rotterdam",
                ),
            ],
        },
    },
    {
        "kind": Kind.CARD,
        "occasions": [Occasion.BIRTH],
        "documents": ["birth-nl"],
        "cards": ["bloemen"],
        "story": "",
        "nl": {
            "title": "Een kaart bij een geboorte",
            "slug": "geboorte",
            "intro": "Er is een kindje geboren in de straat. Met een kaart en iets kleins feliciteer je de nieuwe ouders.",
            "needs": ["De felicitatiekaart (download hieronder)", "Iets kleins, zoals beschuit met muisjes"],
            "steps": [
                ("Schrijf de kaart", "Zet erbij dat ze altijd mogen aanbellen voor een boodschap."),
                ("Geef het kort af", "Nieuwe ouders zijn moe. Blijf alleen als ze dat willen."),
            ],
            "tips": [],
        },
    },
    {
        "kind": Kind.CARD,
        "occasions": [Occasion.DEATH],
        "documents": ["condolence-nl"],
        "cards": ["tijd"],
        "story": "",
        "nl": {
            "title": "Er zijn bij een overlijden",
            "slug": "overlijden",
            "intro": "Is er iemand overleden in de straat? Een kaart en een luisterend oor betekenen veel.",
            "needs": ["De kaart (download hieronder)", "Tijd om te luisteren"],
            "steps": [
                ("Stuur een kaart", "Schrijf kort dat je aan de buren denkt."),
                (
                    "Bied iets concreets aan",
                    "Een maaltijd, een boodschap of hulp bij de koffie na de uitvaart.",
                ),
                ("Kom later terug", "Na een paar weken is het vaak stil. Kom dan nog eens langs."),
            ],
            "tips": [],
        },
    },
    {
        "kind": Kind.INVITATION,
        "occasions": [Occasion.ANNIVERSARY, Occasion.STREET_ACTIVITY],
        "documents": ["anniversary-nl"],
        "cards": ["tijd"],
        "story": "",
        "nl": {
            "title": "Een jubileum samen vieren",
            "slug": "jubileum",
            "intro": "Is een buur 50 jaar getrouwd of 100 jaar geworden? Vier het samen met de straat.",
            "needs": ["De uitnodiging (download hieronder)", "Vlaggetjes", "Koffie en taart uit het potje"],
            "steps": [
                ("Overleg met de familie", "Vraag of de buur een feestje wil, en hoe groot."),
                ("Nodig de straat uit", "Vul de uitnodiging in en doe hem bij iedereen in de bus."),
                ("Versier de straat", "Hang vlaggetjes op. Zo ziet iedereen dat er iets te vieren valt."),
            ],
            "tips": [],
        },
    },
    {
        "kind": Kind.INVITATION,
        "occasions": [Occasion.STREET_ACTIVITY, Occasion.NEW_NEIGHBOURS],
        "documents": ["coffee-nl", "coffee-en"],
        "cards": ["tijd", "bijltje"],
        "story": "niet-meteen-het-bijltje-erbij-neergooien",
        "nl": {
            "title": "Koffie op de stoep",
            "slug": "koffie-op-de-stoep",
            "intro": "Een kopje koffie op de stoep is de makkelijkste straatactiviteit. Nieuwe en oude buren leren elkaar zo kennen.",
            "needs": [
                "De uitnodiging (download hieronder)",
                "Koffie, thee en een paar stoelen",
                "Een droge dag",
            ],
            "steps": [
                ("Kies een dag en een plek", "Een zaterdagochtend voor een huis met ruimte op de stoep."),
                ("Nodig iedereen uit", "Doe de uitnodiging overal in de bus, ook bij de nieuwe buren."),
                (
                    "Zet de koffie klaar",
                    "Zet een paar stoelen neer en wacht rustig af. Mensen komen vanzelf.",
                ),
            ],
            "tips": [
                (
                    "We zeiden elkaar altijd gedag. Nu maken we echt een praatje.",
                    "Corrie van der Sluijs, Landenbuurt",
                ),
            ],
        },
        "en": {
            "title": "Coffee on the pavement",
            "slug": "coffee-on-the-pavement",
            "intro": "A cup of coffee on the pavement is the easiest street activity. New and old neighbours get to know each other this way.",
            "needs": ["The invitation (download below)", "Coffee, tea and a few chairs", "A dry day"],
            "steps": [
                (
                    "Choose a day and a place",
                    "A Saturday morning in front of a house with room on the pavement.",
                ),
                ("Invite everyone", "Put the invitation through every letterbox, the new neighbours’ too."),
                ("Get the coffee ready", "Put out a few chairs and wait calmly. People will come."),
            ],
            "tips": [
                (
                    "We always said hello to each other. Now we really have a chat.",
                    "Corrie van der Sluijs, Landenbuurt",
                ),
            ],
        },
    },
]
