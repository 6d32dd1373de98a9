"""The texts of the pilots and stories of the demo site, per language, in the same shape.

Written in our own words from the facts of the programme (shared/seed): the pilots of 2015/2016,
the gangmakers' stories and the professionals' reflections. Names and roles are facts; the
sentences are ours. Dutch is the source; English (and one Arabic story) are translations made
with wagtail-localize by `pilots.demo.load`. Facts that are not translated (years, people, tags)
are in PILOT_FACTS and STORY_FACTS.
"""

PILOT_INDEX = {
    "nl": {
        "title": "Pilots",
        "slug": "pilots",
        "intro": (
            "In 2015 en 2016 probeerden bewoners in vier Rotterdamse buurten uit hoe buren meer naar elkaar "
            "kunnen omkijken. Hier lees je wat ze deden en wat ze leerden."
        ),
    },
    "en": {
        "title": "Pilots",
        "slug": "pilots",
        "intro": (
            "In 2015 and 2016, residents in four Rotterdam neighbourhoods tried out how neighbours can look out "
            "for each other more. Read what they did and what they learned."
        ),
    },
}

STORY_INDEX = {
    "nl": {
        "title": "Verhalen",
        "slug": "verhalen",
        "intro": (
            "Gangmakers vertellen wat ze in hun straat meemaakten. Professionals kijken terug op de pilots "
            "en zeggen wat zij ervan leerden."
        ),
    },
    "en": {
        "title": "Stories",
        "slug": "stories",
        "intro": (
            "Gangmakers (street volunteers) tell what happened in their street. Professionals look back on "
            "the pilots and say what they learned from them."
        ),
    },
    "ar": {
        "title": "قصص",
        "slug": "qisas",
        "intro": (
            "متطوعو الشوارع يحكون ما عاشوه في شارعهم. ومختصون ينظرون إلى التجارب ويقولون ماذا تعلّموا منها."
        ),
    },
}

# Not translated: where and when, counts, who is named (their consent is checked), partner kinds.
PILOT_FACTS = {
    "hart-van-de-landenbuurt": {
        "year_start": 2015,
        "year_end": 2016,
        "image": "houses",
        "people": [
            ("Rob Fontain", "gangmaker", "Landenbuurt"),
            ("Corrie van der Sluijs", "gangmaker", "Landenbuurt"),
        ],
        "figures": {},
    },
    "zuidwijk-langenhorst": {
        "year_start": 2015,
        "year_end": 2016,
        "image": "flat",
        "people": [
            ("Ria van der Reek", "gangmaker", "Langenhorst"),
            ("Herman van der Reek", "gangmaker", "Langenhorst"),
        ],
        "figures": {},
    },
    "korenaarstraat": {
        "year_start": 2015,
        "year_end": 2016,
        "image": "package",
        "people": [
            ("Noreen Mir", "gangmaker", "Korenaarstraat"),
            ("Frieda", "gangmaker", "Korenaarstraat"),
        ],
        "figures": {"streets_count": 1, "gangmakers_count": 2},
    },
    "middelland-nieuwe-westen": {
        "year_start": 2015,
        "year_end": 2016,
        "image": "table",
        "people": [
            ("Aisa", "resident", "Essenburgstraat"),
            ("Lenie", "resident", "Essenburgstraat"),
            ("Elsa", "resident", "Essenburgstraat"),
        ],
        "figures": {},
    },
}

PILOTS = {
    "hart-van-de-landenbuurt": {
        "nl": {
            "title": "Hart van de Landenbuurt",
            "slug": "hart-van-de-landenbuurt",
            "intro": (
                "In het Hart van de Landenbuurt gingen buren meer met elkaar praten. Er kwamen activiteiten in "
                "de straat en buren gingen elkaar helpen."
            ),
            "district": "Landenbuurt",
            "streets": "",
            "project_leader": "Ireen van der Lem",
            "result_summary": "Meer praatjes op straat, en buren die elkaar helpen.",
            "image_alt": "Tekening van een rij gekleurde huizen met bloembakken.",
            "partners": [],
            "approach": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "Gangmakers in de straat organiseerden samen met Opzoomer Mee activiteiten voor de "
                            "buren. Zo leerden bewoners elkaar beter kennen. Wie iets nodig had, wist nu bij wie hij "
                            "kon aankloppen.",
                        ),
                    ],
                )
            ],
            "what_worked": [
                ("p", "Buren groeten elkaar niet meer alleen, ze maken echt een praatje."),
                ("p", "Bewoners vragen zelf om een nieuwe activiteit in de straat."),
                ("p", "Er ontstond hulp tussen buren, zoals een trapleuning voor twee oudere buren."),
            ],
            "what_did_not_work": [
                ("p", "Niet iedereen doet mee. Een paar bewoners houden liever afstand, en dat is ook goed."),
            ],
            "advice": [
                ("p", "Neem er rustig de tijd voor. En stop niet meteen als iets niet lukt."),
            ],
        },
        "en": {
            "title": "Heart of the Landenbuurt",
            "slug": "heart-of-the-landenbuurt",
            "intro": (
                "In the heart of the Landenbuurt, neighbours started talking to each other more. There were "
                "activities in the street and neighbours began to help each other."
            ),
            "district": "Landenbuurt",
            "streets": "",
            "project_leader": "Ireen van der Lem",
            "result_summary": "More chats in the street, and neighbours who help each other.",
            "image_alt": "Drawing of a row of colourful houses with flower boxes.",
            "partners": [],
            "approach": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "Gangmakers in the street organised activities for their neighbours together with "
                            "Opzoomer Mee. This way residents got to know each other better. Anyone who needed "
                            "something now knew whose door to knock on.",
                        ),
                    ],
                )
            ],
            "what_worked": [
                ("p", "Neighbours no longer just say hello; they have a real chat."),
                ("p", "Residents ask for a new activity in the street themselves."),
                (
                    "p",
                    "Neighbours started helping each other, for example with a stair rail for two older neighbours.",
                ),
            ],
            "what_did_not_work": [
                (
                    "p",
                    "Not everyone joins in. A few residents prefer to keep their distance, and that is fine.",
                ),
            ],
            "advice": [
                ("p", "Take your time. And don’t give up straight away when something doesn’t work."),
            ],
        },
    },
    "zuidwijk-langenhorst": {
        "nl": {
            "title": "Zuidwijk/Langenhorst",
            "slug": "zuidwijk-langenhorst",
            "intro": (
                "In een grote flat aan de Langenhorst kijken bewoners al lang naar elkaar om. Met een enquête "
                "ontdekten de gangmakers hoeveel buren voor elkaar willen doen."
            ),
            "district": "Zuidwijk",
            "streets": "Langenhorst",
            "project_leader": "",
            "result_summary": "Een enquête liet zien: bijna iedereen wil een buur helpen.",
            "image_alt": "Tekening van een hoge flat met balkons en bomen ervoor.",
            "partners": [("housing", "Vestia"), ("welfare", "Maatschappelijk werk")],
            "approach": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "De flat was vroeger een flat voor 55-plussers. De gangmakers van de beheercommissie en de "
                            "Opzoomercommissie wilden meer contact met de bewoners. Ze wilden ook weten wat buren al "
                            "voor elkaar doen.",
                        ),
                        (
                            "p",
                            "Daarom hielden ze een enquête over burenhulp. Ze brachten de vragenlijst rond en haalden "
                            "hem ook weer op. Zo spraken ze veel bewoners persoonlijk.",
                        ),
                    ],
                )
            ],
            "what_worked": [
                ("p", "Door de enquête ontstonden in de hal gesprekken over hulp aan elkaar."),
                ("p", "Buren gaven elkaar een sleutel. Ook bij de beheercommissie kwamen extra sleutels."),
                ("p", "Meer bewoners vroegen om hulp, ook mensen met wie eerst weinig contact was."),
            ],
            "what_did_not_work": [
                (
                    "p",
                    "Niet alles los je op met burenhulp. Geluidsoverlast bleek een groot probleem. Daarover "
                    "praten de gangmakers verder met de verhuurder.",
                ),
            ],
            "advice": [
                ("p", "Haal een vragenlijst zelf op. Juist aan de deur hoor je wat iemand nodig heeft."),
            ],
        },
        "en": {
            "title": "Zuidwijk/Langenhorst",
            "slug": "zuidwijk-langenhorst",
            "intro": (
                "In a large block of flats on the Langenhorst, residents have looked out for each other for a "
                "long time. With a survey, the gangmakers found out how much neighbours want to do for each other."
            ),
            "district": "Zuidwijk",
            "streets": "Langenhorst",
            "project_leader": "",
            "result_summary": "A survey showed that almost everyone wants to help a neighbour.",
            "image_alt": "Drawing of a tall block of flats with balconies and trees in front.",
            "partners": [("housing", "Vestia"), ("welfare", "Social work")],
            "approach": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "The block used to be for people over 55. The gangmakers of the residents’ committees "
                            "wanted more contact with the residents. They also wanted to know what neighbours "
                            "already do for each other.",
                        ),
                        (
                            "p",
                            "So they held a survey about helping neighbours. They delivered the questionnaire and "
                            "collected it again themselves. That way they spoke to many residents in person.",
                        ),
                    ],
                )
            ],
            "what_worked": [
                ("p", "The survey started conversations in the hall about helping each other."),
                ("p", "Neighbours gave each other a key. The residents’ committee received extra keys too."),
                ("p", "More residents asked for help, including people who had little contact before."),
            ],
            "what_did_not_work": [
                (
                    "p",
                    "Not everything can be solved by helping neighbours. Noise turned out to be a big problem. "
                    "The gangmakers are discussing it further with the landlord.",
                ),
            ],
            "advice": [
                ("p", "Collect a questionnaire yourself. At the door you hear what someone needs."),
            ],
        },
    },
    "korenaarstraat": {
        "nl": {
            "title": "Korenaarstraat",
            "slug": "korenaarstraat",
            "intro": (
                "In de Korenaarstraat kenden de gangmakers veel buren nog niet. Met Lief & Leedpakketjes "
                "maakten ze kennis, ook met buren die eerst geen contact wilden."
            ),
            "district": "Tarwewijk",
            "streets": "Korenaarstraat",
            "project_leader": "",
            "result_summary": "Met een pakketje aan de deur leerden buren elkaar kennen.",
            "image_alt": "Tekening van een cadeaupakketje met een strik voor een voordeur.",
            "partners": [],
            "approach": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "Tijdens de pilot kreeg een gangmaker, samen met een gangmaker uit een andere straat, "
                            "een idee: breng nieuwe en onbekende buren een Lief & Leedpakketje. In het pakketje zat "
                            "voor iedereen iets: iets voor de kinderen, iets lekkers en iets extra’s.",
                        ),
                        (
                            "p",
                            "Rond de kerst maakten vrijwilligers samen kerststukjes voor buren.",
                        ),
                    ],
                )
            ],
            "what_worked": [
                ("p", "De meeste buren waren blij en verrast met hun pakketje."),
                ("p", "Een kleine attentie maakt het makkelijk om een gesprek te beginnen."),
            ],
            "what_did_not_work": [
                ("p", "Niet iedereen wil meteen contact. Een pakketje werd eerst geweigerd."),
            ],
            "advice": [
                ("p", "Blijf vriendelijk en blijf het proberen, ook bij buren die eerst niet willen."),
            ],
        },
    },
    "middelland-nieuwe-westen": {
        "nl": {
            "title": "Middelland/Nieuwe Westen",
            "slug": "middelland-nieuwe-westen",
            "intro": (
                "In Middelland en het Nieuwe Westen brengen bewoners eten en bloemen naar buren die ziek of oud "
                "zijn. Zo komen buren dichterbij."
            ),
            "district": "Middelland en Nieuwe Westen",
            "streets": "Essenburgstraat",
            "project_leader": "Ireen van der Lem",
            "result_summary": "Koken voor elkaar: buren die ziek of oud zijn krijgen een maaltijd.",
            "image_alt": "Tekening van een gedekte tafel met schalen eten en een bosje bloemen.",
            "partners": [],
            "approach": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "De projectleider van Opzoomer Mee was lange tijd betrokken bij de straten. Ze zag hoe "
                            "gangmakers op hun eigen manier ‘er zijn voor iemand’. Soms elke week brengen ze eten "
                            "naar een buur. Een bosje bloemen maakt het makkelijker om aan te bellen.",
                        ),
                    ],
                )
            ],
            "what_worked": [
                ("p", "Samen eten: de gangmakers koken met zorg en serveren met trots."),
                ("p", "Gangmakers durven aan te bellen waar dat niet vanzelf gaat."),
            ],
            "what_did_not_work": [],
            "advice": [
                ("p", "Neem buren, buurtgenoten en professionals mee in wat je doet."),
            ],
        },
    },
}

# Not translated: kind, pilot, who is named (consent is checked for each), themes, picture.
STORY_FACTS = {
    "niet-meteen-het-bijltje-erbij-neergooien": {
        "kind": "gangmaker",
        "pilot": "hart-van-de-landenbuurt",
        "people": [
            ("Rob Fontain", "gangmaker", "Landenbuurt"),
            ("Corrie van der Sluijs", "gangmaker", "Landenbuurt"),
        ],
        "tags": ["burenhulp", "kennismaking", "sleutels", "zorg"],
        "image": "houses",
    },
    "hulp-is-nooit-ver-weg": {
        "kind": "gangmaker",
        "pilot": "zuidwijk-langenhorst",
        "people": [
            ("Ria van der Reek", "gangmaker", "Langenhorst"),
            ("Herman van der Reek", "gangmaker", "Langenhorst"),
        ],
        "tags": ["burenhulp", "sleutels", "zorg", "eenzaamheid"],
        "image": "flat",
    },
    "een-verrassing-voor-de-buurvrouw": {
        "kind": "gangmaker",
        "pilot": "korenaarstraat",
        "people": [("Noreen Mir", "gangmaker", "Korenaarstraat")],
        "tags": ["kennismaking", "Lief & Leedpakketje"],
        "image": "package",
    },
    "zorgen-voor-buren": {
        "kind": "reflection",
        "pilot": "",
        "people": [("Harm de Oude", "administrator", "Gebiedscommissie IJsselmonde")],
        "tags": ["zorg", "professionals"],
        "image": "",
    },
    "ambassadeurs-voor-een-warme-stad": {
        "kind": "reflection",
        "pilot": "middelland-nieuwe-westen",
        "people": [
            ("Ireen van der Lem", "project_leader", "Opzoomer Mee"),
            ("Aisa", "resident", "Essenburgstraat"),
            ("Lenie", "resident", "Essenburgstraat"),
            ("Elsa", "resident", "Essenburgstraat"),
            ("Noreen Mir", "gangmaker", "Korenaarstraat"),
            ("Frieda", "gangmaker", "Korenaarstraat"),
            ("Roke", "gangmaker", "Johannes de Vouplein"),
        ],
        "tags": ["eten", "kennismaking", "professionals"],
        "image": "table",
    },
    "woont-u-in-een-georganiseerde-straat": {
        "kind": "reflection",
        "pilot": "",
        "people": [("Herman Meijer", "administrator", "Reflectiecommissie Lief & Leedpilots")],
        "tags": ["georganiseerde straat", "zorg"],
        "image": "",
    },
    "lief-en-leed-als-living-lab": {
        "kind": "reflection",
        "pilot": "",
        "people": [("Erik Sterk", "adviser", "Actieacademie, hogeschool Inholland")],
        "tags": ["professionals", "presentie"],
        "image": "",
    },
    "werken-aan-een-lief-en-leedcultuur": {
        "kind": "reflection",
        "pilot": "",
        "people": [("Guido Walraven", "researcher", "hogeschool Inholland")],
        "tags": ["sociaal werk", "professionals"],
        "image": "",
    },
}

# The story that waits at the consent step of the workflow in the demo.
WAITING_STORY = "werken-aan-een-lief-en-leedcultuur"

STORIES = {
    "niet-meteen-het-bijltje-erbij-neergooien": {
        "nl": {
            "title": "Niet meteen het bijltje erbij neergooien",
            "slug": "niet-meteen-het-bijltje-erbij-neergooien",
            "intro": (
                "Rob Fontain en Corrie van der Sluijs zijn gangmakers in de Landenbuurt. Ze vertellen wat de "
                "pilot in hun straat veranderde."
            ),
            "pull_quote": "Neem er rustig de tijd voor. En gooi niet meteen het bijltje erbij neer.",
            "image_alt": "Tekening van een rij gekleurde huizen met bloembakken.",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "De pilot was leuk en nuttig, vinden Rob en Corrie. In hun straat is nu meer contact.",
                        ),
                        (
                            "p",
                            "Een voorbeeld: een taxichauffeur en zijn vrouw. Vroeger zeiden ze elkaar alleen gedag. "
                            "Nu maken ze echt een praatje. En de buren vragen steeds om een nieuwe activiteit.",
                        ),
                        ("h2", "Hulp tussen buren"),
                        (
                            "p",
                            "Er ontstond ook hulp. Rob zette een beugel bij de trap van twee oudere buren. Zij waren "
                            "er heel blij mee, en hij vond het fijn om te doen.",
                        ),
                        (
                            "p",
                            "Rob en Corrie hebben een sleutel van een oudere buurvrouw. Ze houden contact met haar "
                            "familie en met de thuiszorg. Dat zie je nu ook vaker in de rest van de straat.",
                        ),
                        ("h2", "Niet iedereen doet mee"),
                        (
                            "p",
                            "Een paar bewoners doen niet mee. Dat respecteren ze. Maar Rob en Corrie vinden dat dit "
                            "op veel meer plekken in Rotterdam moet gebeuren.",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Don’t throw in the towel straight away",
            "slug": "dont-throw-in-the-towel",
            "intro": (
                "Rob Fontain and Corrie van der Sluijs are gangmakers in the Landenbuurt. They tell what the "
                "pilot changed in their street."
            ),
            "pull_quote": "Take your time. And don’t throw in the towel straight away.",
            "image_alt": "Drawing of a row of colourful houses with flower boxes.",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "Rob and Corrie found the pilot fun and useful. Their street now has more contact.",
                        ),
                        (
                            "p",
                            "An example: a taxi driver and his wife. They used to just say hello. Now they have a "
                            "real chat. And the neighbours keep asking for a new activity.",
                        ),
                        ("h2", "Neighbours helping neighbours"),
                        (
                            "p",
                            "Help grew too. Rob fitted a rail by the stairs of two older neighbours. They were very "
                            "happy with it, and he enjoyed doing it.",
                        ),
                        (
                            "p",
                            "Rob and Corrie have a key of an older neighbour. They keep in touch with her family and "
                            "with her home care. You see that more often in the rest of the street now.",
                        ),
                        ("h2", "Not everyone joins in"),
                        (
                            "p",
                            "A few residents do not join in. They respect that. But Rob and Corrie think this should "
                            "happen in many more places in Rotterdam.",
                        ),
                    ],
                ),
            ],
        },
    },
    "hulp-is-nooit-ver-weg": {
        "nl": {
            "title": "Hulp is nooit ver weg",
            "slug": "hulp-is-nooit-ver-weg",
            "intro": (
                "Ria en Herman van der Reek zijn gangmakers in de flat aan de Langenhorst in Zuidwijk. De "
                "bewoners zijn trots op hoe ze voor elkaar zorgen."
            ),
            "pull_quote": "Als iemand er niet meer in kan, of er is nood, dan kunnen we helpen.",
            "image_alt": "Tekening van een hoge flat met balkons en bomen ervoor.",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "In de flat letten bewoners op elkaar. Wie het nodig heeft, krijgt aandacht of een "
                            "attentie. Hulp is nooit ver weg.",
                        ),
                        ("h2", "Een enquête in de hal"),
                        (
                            "p",
                            "Met de pilot hielden de gangmakers een enquête over burenhulp. Die liet zien dat bijna "
                            "iedereen een buur wil helpen. Door de vragenlijst gingen bewoners in de hal met elkaar "
                            "praten over hulp.",
                        ),
                        (
                            "p",
                            "Herman hoorde dat buren elkaar een sleutel gaven. Ook bij de beheercommissie kwamen "
                            "extra sleutels. Ria merkte dat meer mensen om hulp vroegen, ook mensen die ze eerst "
                            "nauwelijks kende.",
                        ),
                        ("h2", "Niet alleen"),
                        (
                            "p",
                            "Bij het ophalen van een vragenlijst bleek een meneer erg ziek. Een buurvrouw hielp al. "
                            "Ria en Herman gingen drie keer per dag bij hem langs. Samen met het maatschappelijk werk "
                            "regelde Herman een plek in een hospice. Daar is de meneer na een week overleden. Maar "
                            "hij heeft er niet alleen voor gestaan.",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Help is never far away",
            "slug": "help-is-never-far-away",
            "intro": (
                "Ria and Herman van der Reek are gangmakers in the block of flats on the Langenhorst in "
                "Zuidwijk. The residents are proud of how they care for each other."
            ),
            "pull_quote": "If someone is locked out, or there is an emergency, we can help.",
            "image_alt": "Drawing of a tall block of flats with balconies and trees in front.",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "In the flats, residents keep an eye on each other. Whoever needs it gets attention or a "
                            "small gift. Help is never far away.",
                        ),
                        ("h2", "A survey in the hall"),
                        (
                            "p",
                            "During the pilot the gangmakers held a survey about helping neighbours. It showed that "
                            "almost everyone wants to help a neighbour. Because of the questionnaire, residents "
                            "started talking about help in the hall.",
                        ),
                        (
                            "p",
                            "Herman heard that neighbours gave each other a key. The residents’ committee received "
                            "extra keys too. Ria noticed that more people asked for help, including people she "
                            "hardly knew before.",
                        ),
                        ("h2", "Not alone"),
                        (
                            "p",
                            "When a questionnaire was collected, a man turned out to be very ill. A neighbour was "
                            "already helping. Ria and Herman visited him three times a day. Together with social "
                            "work, Herman arranged a place in a hospice. The man died there a week later. But he "
                            "did not face it alone.",
                        ),
                    ],
                ),
            ],
        },
    },
    "een-verrassing-voor-de-buurvrouw": {
        "nl": {
            "title": "Een verrassing voor de buurvrouw",
            "slug": "een-verrassing-voor-de-buurvrouw",
            "intro": (
                "Noreen Mir is gangmaker in de Korenaarstraat. Met pakketjes leerde ze haar buren kennen. Eén "
                "buurvrouw wilde eerst niets weten van contact."
            ),
            "pull_quote": "Blijf vriendelijk en blijf proberen. Soms komt er echt iets moois van.",
            "image_alt": "Tekening van een cadeaupakketje met een strik voor een voordeur.",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "Noreen doet al een paar jaar mee met Opzoomeren. Toch kende ze veel mensen in haar "
                            "straat niet. Toen Opzoomer Mee vroeg of de straat mee wilde doen aan de pilot, zeiden "
                            "Noreen en haar mede-gangmaker meteen ja.",
                        ),
                        ("h2", "Een pakketje aan de deur"),
                        (
                            "p",
                            "Samen met een gangmaker uit een andere straat kreeg ze een idee: breng de buren een "
                            "Lief & Leedpakketje. Er zat voor iedereen iets in. De meeste buren waren blij en "
                            "verrast.",
                        ),
                        (
                            "p",
                            "Eén buurvrouw wilde het pakketje niet. Ze had geen behoefte aan contact. Op straat zei ze "
                            "nooit iets terug als Noreen groette.",
                        ),
                        ("h2", "Het kerststukje"),
                        (
                            "p",
                            "Met de kerst maakte Noreen met andere vrijwilligers kerststukjes. Op straat kwam ze de "
                            "buurvrouw tegen. Die vond het kerststukje prachtig en vroeg waar ze het had gekocht. "
                            "Noreen zei: ‘Ik heb het voor jou gemaakt. Je mag het hebben!’",
                        ),
                        (
                            "p",
                            "De buurvrouw was ontroerd en gaf Noreen een dikke knuffel. Nu zijn ze bijna vriendinnen.",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "A surprise for the neighbour",
            "slug": "a-surprise-for-the-neighbour",
            "intro": (
                "Noreen Mir is a gangmaker in the Korenaarstraat. With small packages she got to know her "
                "neighbours. One neighbour did not want any contact at first."
            ),
            "pull_quote": "Stay friendly and keep trying. Sometimes something really beautiful comes of it.",
            "image_alt": "Drawing of a gift package with a bow in front of a front door.",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "Noreen has taken part in Opzoomeren for a few years. Still, she did not know many "
                            "people in her street. When Opzoomer Mee asked if the street wanted to join the pilot, "
                            "Noreen and her fellow gangmaker said yes straight away.",
                        ),
                        ("h2", "A package at the door"),
                        (
                            "p",
                            "Together with a gangmaker from another street she had an idea: bring the neighbours "
                            "a Lief & Leed welcome package. There was something in it for everyone. Most neighbours "
                            "were happy and surprised.",
                        ),
                        (
                            "p",
                            "One neighbour did not want the package. She did not feel like having contact. In the "
                            "street she never said anything back when Noreen said hello.",
                        ),
                        ("h2", "The Christmas decoration"),
                        (
                            "p",
                            "At Christmas, Noreen made table decorations with other volunteers. In the street she "
                            "met the neighbour. She loved the decoration and asked where Noreen had bought it. "
                            "Noreen said: ‘I made it for you. You can have it!’",
                        ),
                        (
                            "p",
                            "The neighbour was moved and gave Noreen a big hug. Now they are almost friends.",
                        ),
                    ],
                ),
            ],
        },
        "ar": {
            "title": "مفاجأة للجارة",
            "slug": "mufaja-lil-jara",
            "intro": (
                "نورين مير متطوعة في شارع Korenaarstraat. تعرّفت على جيرانها من خلال هدايا صغيرة. "
                "إحدى الجارات لم تكن تريد أي تواصل في البداية."
            ),
            "pull_quote": "ابقَ لطيفًا واستمر في المحاولة. أحيانًا يأتي من ذلك شيء جميل حقًا.",
            "image_alt": "رسم لعلبة هدية بشريطة أمام باب بيت.",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "تشارك نورين منذ بضع سنوات في أنشطة Opzoomeren. ومع ذلك لم تكن تعرف كثيرًا من الناس في "
                            "شارعها. عندما سألت Opzoomer Mee إن كان الشارع يريد المشاركة في التجربة، قالت نورين "
                            "وزميلتها المتطوعة نعم فورًا.",
                        ),
                        ("h2", "هدية عند الباب"),
                        (
                            "p",
                            "مع متطوعة من شارع آخر خطرت لها فكرة: أن تحمل للجيران هدية ترحيب من Lief & Leed. كان "
                            "فيها شيء لكل واحد. فرح معظم الجيران وتفاجؤوا.",
                        ),
                        (
                            "p",
                            "جارة واحدة لم تُرِد الهدية. لم تكن ترغب في التواصل. وفي الشارع لم تكن تردّ أبدًا حين "
                            "تلقي نورين التحية.",
                        ),
                        ("h2", "زينة عيد الميلاد"),
                        (
                            "p",
                            "في عيد الميلاد صنعت نورين مع متطوعين آخرين زينة للطاولة. وفي الشارع التقت بالجارة. "
                            "أعجبتها الزينة كثيرًا وسألت من أين اشترتها. فقالت نورين: ‹صنعتها لكِ. إنها لكِ!›",
                        ),
                        (
                            "p",
                            "تأثرت الجارة وعانقت نورين عناقًا حارًا. والآن صارتا تقريبًا صديقتين.",
                        ),
                    ],
                ),
            ],
        },
    },
    "zorgen-voor-buren": {
        "nl": {
            "title": "Zorgen voor buren, zorgen van professionals",
            "slug": "zorgen-voor-buren",
            "intro": (
                "Harm de Oude zit in de gebiedscommissie IJsselmonde en werkt al ruim twintig jaar aan "
                "bewonersparticipatie. Hij deed mee aan de workshop Instrumenten."
            ),
            "pull_quote": "De gangmakers zijn de baas. De professional is eerder praatpaal dan regisseur.",
            "image_alt": "",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "Beleidsmakers ontdekken de buurt vaak als wondermiddel. Maar in de straat valt nog veel "
                            "te ontdekken. Het is goed dat de pilots bij de straat beginnen. Buren zien en horen "
                            "dingen die professionals niet zien, hoe vaak ze ook langskomen.",
                        ),
                        (
                            "p",
                            "Op veel plekken zorgen buren al vanzelf voor elkaar. Ze doen een boodschap of brengen "
                            "een pannetje soep. De kunst is dat het zo vanzelf blijft gaan.",
                        ),
                        ("h2", "Geen protocollen voor bewoners"),
                        (
                            "p",
                            "Professionals hebben hun hoofd vaak vol met protocollen en doelen. Daar moet je bewoners "
                            "niet mee belasten. Soms hebben bewoners wel hulp nodig, bijvoorbeeld bij een oudere "
                            "buur die begint te dementeren. Dan is professionele zorg nodig.",
                        ),
                        (
                            "p",
                            "Professionals maken zich soms zorgen: kennen gangmakers hun grenzen? Dat zijn goede "
                            "vragen. Maar het antwoord is niet meer regels en trainingen, tenzij gangmakers daar zelf "
                            "om vragen. Als bewoners voor buren zorgen, moeten professionals durven loslaten.",
                        ),
                    ],
                ),
            ],
        },
    },
    "ambassadeurs-voor-een-warme-stad": {
        "nl": {
            "title": "Ambassadeurs voor een warme stad",
            "slug": "ambassadeurs-voor-een-warme-stad",
            "intro": (
                "Ireen van der Lem is projectleider bij Opzoomer Mee. Ze werkte mee aan de pilots in het Hart van "
                "de Landenbuurt en in Middelland/Nieuwe Westen."
            ),
            "pull_quote": "Gangmakers halen buren dichtbij, met aandacht, met bloemen en met eten.",
            "image_alt": "Tekening van een gedekte tafel met schalen eten en een bosje bloemen.",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "Ireen was een lange tijd betrokken bij deze straten. Ze zag hoe bewoners vorm geven aan "
                            "‘er zijn voor iemand’. Gangmakers durven aan te bellen. Ze houden vol als het moeite "
                            "kost om anderen mee te krijgen.",
                        ),
                        ("h2", "Eten en bloemen"),
                        (
                            "p",
                            "Bloemen en eten horen erbij. Bewoners brengen, soms elke week, eten naar buren die ziek "
                            "of oud zijn. Een bosje bloemen maakt het makkelijker om een onbekende buur te leren "
                            "kennen.",
                        ),
                        (
                            "p",
                            "Ireen proefde het zelf. In de Essenburgstraat at ze om elf uur ’s ochtends roti bij "
                            "Aisa. Lenie maakte vissalade en buurvrouw Elsa visballetjes. In de Korenaarstraat at ze "
                            "Pakistaans bij Noreen en Frieda. En Roke kookte met haar man Surinaams.",
                        ),
                        ("h2", "Een warme stad"),
                        (
                            "p",
                            "Met dezelfde zorg en hetzelfde plezier regelen gangmakers ‘er zijn voor iemand’ in hun "
                            "straat. Ze nemen buren en professionals daarin mee. Voor Ireen zijn zij de beste "
                            "ambassadeurs van een warme stad, waar buren naar elkaar omzien.",
                        ),
                    ],
                ),
            ],
        },
    },
    "woont-u-in-een-georganiseerde-straat": {
        "nl": {
            "title": "Woont u in een georganiseerde straat?",
            "slug": "woont-u-in-een-georganiseerde-straat",
            "intro": (
                "Herman Meijer is oud-wethouder van Rotterdam en lid van de reflectiecommissie van de pilots. "
                "Hij kijkt naar wat een georganiseerde straat voor bewoners betekent."
            ),
            "pull_quote": "Elke hulpverlener in deze stad mag vragen: woont u in een georganiseerde straat?",
            "image_alt": "",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "Loop een willekeurige Rotterdamse straat in. Je ziet bloembakken aan de lantaarnpalen, "
                            "en met Koningsdag oranje vlaggetjes over de hele straat. Dat wijst op organisatie: de "
                            "straat heeft een straatnetwerk. Zo’n straat noemt Herman een georganiseerde straat.",
                        ),
                        ("h2", "Een Lief & Leedcultuur"),
                        (
                            "p",
                            "Die straten blijken een Lief & Leedcultuur te hebben. Als er iets is met een buur, "
                            "reageren de anderen. Bij verdriet, ziekte of eenzaamheid. En bij feest, zoals een "
                            "geboorte of een diploma.",
                        ),
                        (
                            "p",
                            "Is het netwerk wat ingezakt? Dan kun je het met eenvoudige middelen weer tot leven "
                            "brengen. Het straatnetwerk herstelt zich snel.",
                        ),
                        ("h2", "Wat betekent dat?"),
                        (
                            "p",
                            "Rotterdam heeft heel veel georganiseerde straten. De kans is groot dat iemand die in "
                            "nood komt, daar hulp vindt: boodschappen, een praatje, een reparatie of, als het nodig "
                            "is, professionele hulp. Daarom mag elke hulpverlener aan een cliënt vragen: woont u in "
                            "een georganiseerde straat?",
                        ),
                    ],
                ),
            ],
        },
    },
    "lief-en-leed-als-living-lab": {
        "nl": {
            "title": "Lief & Leed als living lab",
            "slug": "lief-en-leed-als-living-lab",
            "intro": (
                "Erik Sterk werkt bij de Actieacademie van hogeschool Inholland en bij De Makers van Rotterdam. "
                "Hij was adviseur van de pilots."
            ),
            "pull_quote": "Lief & Leed draait om aandachtige aanwezigheid: er zijn, en niet meteen iets doen.",
            "image_alt": "",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "Een living lab is een plek waar je al doende leert. Met de pilots gaf Opzoomer Mee "
                            "bewoners de ruimte om zelf zorg en welzijn in hun straat vorm te geven. Tegelijk keek "
                            "Opzoomer Mee hoe je dat het beste kunt steunen.",
                        ),
                        ("h2", "Wat het lab liet zien"),
                        (
                            "p",
                            "Te veel bemoeienis van professionals kan net zo’n probleem zijn als te weinig. Iedereen "
                            "wil iets van bewoners, en dat geeft drukte.",
                        ),
                        (
                            "p",
                            "Lief en leed delen tussen buren is iets anders dan zorg ontvangen. Het verschil zit in "
                            "presentie en interventie. Lief & Leed draait om presentie: aandachtig aanwezig zijn. "
                            "Voor professionals is dat een van de moeilijkste dingen: er zijn, en niet meteen iets "
                            "doen. Dat vraagt oefening.",
                        ),
                    ],
                ),
            ],
        },
    },
    "werken-aan-een-lief-en-leedcultuur": {
        "nl": {
            "title": "Werken aan een Lief & Leedcultuur en duurzaam sociaal werk",
            "slug": "werken-aan-een-lief-en-leedcultuur",
            "intro": (
                "Guido Walraven is lector Dynamiek van de Stad bij hogeschool Inholland. Hij deed mee aan de "
                "workshop Sluimerend talent."
            ),
            "pull_quote": "Er is behoefte aan rust en aan sociaal werkers die de tijd krijgen: slow social work.",
            "image_alt": "",
            "body": [
                (
                    "paragraph",
                    [
                        (
                            "p",
                            "Guido vindt het mooi dat Opzoomer Mee in de pilots aansluit bij wat er al is: de "
                            "netwerken in de straat, wat bewoners al doen, en andere organisaties in de buurt. Dat "
                            "past bij het doel om burenhulp te stimuleren en eenzaamheid te verminderen.",
                        ),
                        ("h2", "Een spanning"),
                        (
                            "p",
                            "Het beleid vraagt vooral om zelfredzaamheid. Tegelijk is veel opbouwwerk wegbezuinigd en "
                            "zijn buurthuizen dicht. Sociaal werk staat onder druk.",
                        ),
                        (
                            "p",
                            "Juist nu is er behoefte aan rust en aan sociaal werkers die een wijk goed leren kennen. "
                            "Die bewoners serieus nemen, ook in het tempo van veranderingen. Guido noemt dat "
                            "duurzaam sociaal werk, of slow social work.",
                        ),
                        (
                            "p",
                            "Wil Opzoomer Mee bouwen aan een blijvende Lief & Leedcultuur? Dan verdient die spanning "
                            "aandacht, vindt Guido.",
                        ),
                    ],
                ),
            ],
        },
    },
}

DEMO_USERS = [
    # (username, first name, last name, group)
    ("redacteur", "Demo", "Redacteur", "Redactie"),
    ("redacteur2", "Demo", "Collega-redacteur", "Redactie"),
    ("moderator", "Demo", "Moderator", "Moderatoren"),
    ("eindredacteur", "Demo", "Eindredacteur", "Eindredactie"),
    ("vertaler", "Demo", "Vertaler", "Vertalers"),
]

ILLUSTRATIONS = {
    "houses": "Tekening: een rij gekleurde huizen met bloembakken",
    "flat": "Tekening: een hoge flat met balkons",
    "package": "Tekening: een cadeaupakketje voor een voordeur",
    "table": "Tekening: een gedekte tafel met eten en bloemen",
}
