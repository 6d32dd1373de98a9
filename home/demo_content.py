"""The texts of the site shell's demo pages, per language, in the same shape.

Written in our own words from the facts of the programme (shared/seed). Dutch is the source; the
other languages are translations made with wagtail-localize by `home.demo.load`.
"""

HOME = {
    "nl": {
        "title": "Lief & Leed in je straat",
        "slug": "start",
        "intro": (
            "Buren die naar elkaar omkijken. Met een bloemetje, een pannetje soep of een reservesleutel. "
            "Gangmakers in Rotterdam laten zien hoe je dat samen regelt."
        ),
        "body": [
            (
                "paragraph",
                [
                    ("h2", "Wat is Lief & Leed?"),
                    (
                        "p",
                        "Rotterdam heeft zo’n 2.100 georganiseerde straten. In zo’n straat zijn bewoners actief als "
                        "gangmaker. Zij zorgen dat buren elkaar kennen. Ze komen langs als het tegenzit, en ook als er "
                        "iets te vieren valt.",
                    ),
                    (
                        "p",
                        "Met Lief & Leed helpt Opzoomer Mee gangmakers daarbij. Op deze website vind je tips, "
                        "verhalen en materialen die je meteen kunt gebruiken.",
                    ),
                    ("h2", "Wat doen gangmakers?"),
                    ("li", "Ze heten nieuwe buren welkom met een Lief & Leedpakketje."),
                    ("li", "Ze brengen bloemen of een maaltijd als iemand ziek is."),
                    ("li", "Ze bewaren een reservesleutel voor een buur die dat wil."),
                    ("li", "Ze vragen met een korte enquête wie wat voor elkaar wil doen."),
                    ("li", "Ze schakelen een professional in als dat nodig is."),
                ],
            ),
            (
                "quote",
                {
                    "quote": "Neem er rustig de tijd voor. En gooi niet meteen het bijltje erbij neer als iets niet lukt.",
                    "person": "Rob Fontain en Corrie van der Sluijs",
                    "role": "gangmakers in de Landenbuurt",
                },
            ),
        ],
    },
    "en": {
        "title": "Lief & Leed in your street",
        "slug": "start",
        "intro": (
            "Neighbours who look out for each other. With flowers, a pot of soup or a spare key. "
            "Street volunteers in Rotterdam show how to organise it together."
        ),
        "body": [
            (
                "paragraph",
                [
                    ("h2", "What is Lief & Leed?"),
                    (
                        "p",
                        "Rotterdam has about 2,100 organised streets. In such a street, residents are active as "
                        "gangmaker (street volunteer). They make sure neighbours know each other. They drop by when "
                        "times are hard, and also when there is something to celebrate.",
                    ),
                    (
                        "p",
                        "With Lief & Leed (“joys and sorrows”), Opzoomer Mee supports gangmakers. On this website you "
                        "find tips, stories and materials that you can use straight away.",
                    ),
                    ("h2", "What do gangmakers do?"),
                    ("li", "They welcome new neighbours with a Lief & Leed welcome package."),
                    ("li", "They bring flowers or a meal when someone is ill."),
                    ("li", "They keep a spare key for a neighbour who wants that."),
                    ("li", "They use a short survey to ask who wants to do what for each other."),
                    ("li", "They call in a professional when that is needed."),
                ],
            ),
            (
                "quote",
                {
                    "quote": "Take your time. And don’t throw in the towel straight away when something doesn’t work out.",
                    "person": "Rob Fontain and Corrie van der Sluijs",
                    "role": "gangmakers in the Landenbuurt",
                },
            ),
        ],
    },
    "tr": {
        "title": "Sokağında Lief & Leed",
        "slug": "start",
        "intro": (
            "Birbirine göz kulak olan komşular. Bir demet çiçekle, bir tencere çorbayla ya da yedek bir anahtarla. "
            "Rotterdam’daki gönüllüler bunu birlikte nasıl düzenleyeceğinizi gösteriyor."
        ),
        "body": [
            (
                "paragraph",
                [
                    ("h2", "Lief & Leed nedir?"),
                    (
                        "p",
                        "Rotterdam’da yaklaşık 2.100 örgütlü sokak var. Böyle bir sokakta bazı sakinler gangmaker "
                        "(sokak gönüllüsü) olarak çalışır. Komşuların birbirini tanımasını sağlarlar. İşler kötü "
                        "gittiğinde de, kutlanacak bir şey olduğunda da uğrarlar.",
                    ),
                    (
                        "p",
                        "Opzoomer Mee, Lief & Leed ile gönüllülere destek olur. Bu sitede hemen kullanabileceğiniz "
                        "ipuçları, hikâyeler ve malzemeler bulursunuz.",
                    ),
                    ("h2", "Gönüllüler ne yapar?"),
                    ("li", "Yeni komşuları bir Lief & Leed hediye paketiyle karşılarlar."),
                    ("li", "Biri hasta olduğunda çiçek ya da yemek götürürler."),
                    ("li", "İsteyen bir komşu için yedek anahtar saklarlar."),
                    ("li", "Kısa bir anketle kimin kime ne yapmak istediğini sorarlar."),
                    ("li", "Gerektiğinde bir uzmanı devreye sokarlar."),
                ],
            ),
            (
                "quote",
                {
                    "quote": "Acele etmeyin. Bir şey olmadığında hemen pes etmeyin.",
                    "person": "Rob Fontain ve Corrie van der Sluijs",
                    "role": "Landenbuurt’ta gönüllüler",
                },
            ),
        ],
    },
    "ar": {
        "title": "Lief & Leed في شارعك",
        "slug": "start",
        "intro": (
            "جيران يهتمون ببعضهم. بباقة ورد أو قِدر من الحساء أو مفتاح احتياطي. "
            "متطوعو الشوارع في روتردام يبيّنون كيف تنظّمون ذلك معًا."
        ),
        "body": [
            (
                "paragraph",
                [
                    ("h2", "ما هو Lief & Leed؟"),
                    (
                        "p",
                        "في روتردام نحو 2100 شارع منظَّم. في مثل هذا الشارع ينشط بعض السكان كمتطوعين يُسمَّون "
                        "gangmaker. هم يحرصون على أن يتعارف الجيران، ويزورون من يمرّ بوقت صعب، ومن لديه مناسبة سعيدة أيضًا.",
                    ),
                    (
                        "p",
                        "من خلال Lief & Leed تدعم مؤسسة Opzoomer Mee هؤلاء المتطوعين. تجد في هذا الموقع نصائح وقصصًا "
                        "ومواد يمكنك استخدامها فورًا.",
                    ),
                    ("h2", "ماذا يفعل المتطوعون؟"),
                    ("li", "يرحّبون بالجيران الجدد بهدية ترحيب من Lief & Leed."),
                    ("li", "يحملون الورد أو وجبة طعام لمن هو مريض."),
                    ("li", "يحتفظون بمفتاح احتياطي لجار يرغب في ذلك."),
                    ("li", "يسألون باستبيان قصير من يريد أن يساعد الآخرين وبماذا."),
                    ("li", "يستعينون بمختص عند الحاجة."),
                ],
            ),
            (
                "quote",
                {
                    "quote": "خذوا وقتكم. ولا تستسلموا فورًا إذا لم ينجح أمر ما.",
                    "person": "روب فونتين وكوري فان دير سلاوس",
                    "role": "متطوعان في حي Landenbuurt",
                },
            ),
        ],
    },
    "pl": {
        "title": "Lief & Leed na twojej ulicy",
        "slug": "start",
        "intro": (
            "Sąsiedzi, którzy troszczą się o siebie nawzajem. Z bukietem kwiatów, garnkiem zupy albo zapasowym kluczem. "
            "Wolontariusze z Rotterdamu pokazują, jak zorganizować to razem."
        ),
        "body": [
            (
                "paragraph",
                [
                    ("h2", "Czym jest Lief & Leed?"),
                    (
                        "p",
                        "W Rotterdamie jest około 2100 zorganizowanych ulic. Na takiej ulicy część mieszkańców działa "
                        "jako gangmaker (wolontariusz ulicy). Dbają o to, by sąsiedzi się znali. Odwiedzają tych, "
                        "którym jest ciężko, a także tych, którzy mają coś do świętowania.",
                    ),
                    (
                        "p",
                        "Dzięki Lief & Leed Opzoomer Mee wspiera wolontariuszy. Na tej stronie znajdziesz porady, "
                        "historie i materiały, z których możesz od razu skorzystać.",
                    ),
                    ("h2", "Co robią wolontariusze?"),
                    ("li", "Witają nowych sąsiadów paczką powitalną Lief & Leed."),
                    ("li", "Przynoszą kwiaty lub posiłek, gdy ktoś jest chory."),
                    ("li", "Przechowują zapasowy klucz sąsiada, który tego chce."),
                    ("li", "Krótką ankietą pytają, kto chce coś zrobić dla innych."),
                    ("li", "Gdy trzeba, proszą o pomoc profesjonalistę."),
                ],
            ),
            (
                "quote",
                {
                    "quote": "Dajcie sobie czas. I nie poddawajcie się od razu, gdy coś się nie uda.",
                    "person": "Rob Fontain i Corrie van der Sluijs",
                    "role": "wolontariusze w Landenbuurt",
                },
            ),
        ],
    },
}

ABOUT = {
    "nl": {
        "title": "Over Lief & Leed",
        "slug": "over",
        "intro": "Lief & Leed is een programma van Opzoomer Mee. Het helpt straten om goed voor elkaar te zorgen.",
        "body": [
            (
                "paragraph",
                [
                    ("h2", "Waarom Lief & Leed?"),
                    (
                        "p",
                        "In veel Rotterdamse straten hangen bloemkorven en vlaggetjes. Dat laat zien dat bewoners samen "
                        "iets organiseren. Zo’n georganiseerde straat heeft vaak ook een Lief & Leedcultuur: als er met "
                        "een buur iets aan de hand is, dan reageert de straat.",
                    ),
                    (
                        "p",
                        "Dat gaat over verdrietige dingen, zoals ziekte, eenzaamheid of een overlijden. En over vrolijke "
                        "dingen, zoals een geboorte, een jubileum of een diploma.",
                    ),
                    ("h2", "De pilots"),
                    (
                        "p",
                        "In 2015 en 2016 deed Opzoomer Mee pilots in onder andere het Hart van de Landenbuurt, Zuidwijk "
                        "en Middelland/Nieuwe Westen. Gangmakers probeerden daar nieuwe manieren uit om buren te helpen. "
                        "Een reflectiecommissie en professionals keken mee en schreven op wat ze leerden.",
                    ),
                    (
                        "p",
                        "De belangrijkste les: de gangmakers zijn de baas in hun straat. Een professional is er om mee te "
                        "denken, niet om het over te nemen.",
                    ),
                ],
            ),
        ],
    },
    "en": {
        "title": "About Lief & Leed",
        "slug": "about",
        "intro": "Lief & Leed is a programme of Opzoomer Mee. It helps streets to take good care of each other.",
        "body": [
            (
                "paragraph",
                [
                    ("h2", "Why Lief & Leed?"),
                    (
                        "p",
                        "Many Rotterdam streets have flower baskets and bunting. That shows residents organise things "
                        "together. Such an organised street often has a culture of “joys and sorrows” too: when "
                        "something is wrong with a neighbour, the street responds.",
                    ),
                    (
                        "p",
                        "That is about sad things, such as illness, loneliness or a death. And about happy things, such "
                        "as a birth, an anniversary or a diploma.",
                    ),
                    ("h2", "The pilots"),
                    (
                        "p",
                        "In 2015 and 2016 Opzoomer Mee ran pilots in, among others, the Heart of the Landenbuurt, "
                        "Zuidwijk and Middelland/Nieuwe Westen. Street volunteers tried new ways of helping neighbours "
                        "there. A reflection committee and professionals followed along and wrote down what they learned.",
                    ),
                    (
                        "p",
                        "The main lesson: the gangmakers are in charge of their street. A professional is there to think "
                        "along, not to take over.",
                    ),
                ],
            ),
        ],
    },
}

PRIVACY = {
    "nl": {
        "title": "Privacyverklaring",
        "slug": "privacy",
        "intro": "Hier lees je welke gegevens we van je bewaren, waarom, en hoe lang. We bewaren zo weinig mogelijk.",
        "body": [
            (
                "paragraph",
                [
                    ("h2", "Wie zijn wij?"),
                    (
                        "p",
                        "Deze website is van Opzoomer Mee in Rotterdam. Wij zijn verantwoordelijk voor de gegevens die "
                        "je hier invult.",
                    ),
                    ("h2", "Welke gegevens bewaren we?"),
                    (
                        "li",
                        "Als je je aanmeldt voor een workshop: je naam, e-mailadres, straat en eventueel je telefoonnummer.",
                    ),
                    ("li", "Als je je straat aanmeldt: de gegevens van de straat en van de gangmakers."),
                    (
                        "li",
                        "Als je een verhaal deelt: je verhaal, je naam (of anoniem) en eventueel een foto.",
                    ),
                    ("li", "E-mails die we je sturen, zodat we kunnen zien dat ze zijn aangekomen."),
                    ("h2", "Hoe lang bewaren we ze?"),
                ],
            ),
            # The table comes from the code (cms.privacy): it always shows the real retention rules.
            ("retention_table", None),
            (
                "paragraph",
                [
                    (
                        "p",
                        "Daarna verwijderen we de gegevens automatisch. Van bezoeken en downloads tellen we alleen "
                        "totalen. We bewaren daarbij geen IP-adres en gebruiken geen cookies om je te volgen.",
                    ),
                    ("h2", "Jouw rechten"),
                    (
                        "p",
                        "Je mag altijd vragen welke gegevens we van je hebben. Je mag ook vragen om ze te verbeteren of te "
                        "verwijderen. Stuur een e-mail naar privacy@opzoomermee.nl. We antwoorden binnen vier weken.",
                    ),
                    (
                        "p",
                        "Ben je het niet eens met hoe we met je gegevens omgaan? Dan kun je een klacht indienen bij de "
                        "Autoriteit Persoonsgegevens.",
                    ),
                ],
            ),
        ],
    },
    "en": {
        "title": "Privacy statement",
        "slug": "privacy",
        "intro": "Here you can read which data we keep about you, why, and for how long. We keep as little as possible.",
        "body": [
            (
                "paragraph",
                [
                    ("h2", "Who are we?"),
                    (
                        "p",
                        "This website belongs to Opzoomer Mee in Rotterdam. We are responsible for the data you enter here.",
                    ),
                    ("h2", "Which data do we keep?"),
                    (
                        "li",
                        "When you register for a workshop: your name, email address, street and, if you give it, your phone number.",
                    ),
                    ("li", "When you sign up your street: the details of the street and of its gangmakers."),
                    (
                        "li",
                        "When you share a story: your story, your name (or anonymous) and a photo if you add one.",
                    ),
                    ("li", "Emails we send you, so that we can see they have arrived."),
                    ("h2", "How long do we keep them?"),
                ],
            ),
            ("retention_table", None),
            (
                "paragraph",
                [
                    (
                        "p",
                        "After that we delete the data automatically. Of visits and downloads we only count totals. We "
                        "keep no IP address and use no cookies to follow you.",
                    ),
                    ("h2", "Your rights"),
                    (
                        "p",
                        "You may always ask which data we hold about you. You may also ask us to correct or delete it. "
                        "Send an email to privacy@opzoomermee.nl. We reply within four weeks.",
                    ),
                    (
                        "p",
                        "Do you disagree with how we handle your data? Then you can file a complaint with the Dutch Data "
                        "Protection Authority (Autoriteit Persoonsgegevens).",
                    ),
                ],
            ),
        ],
    },
}

ACCESSIBILITY = {
    "nl": {
        "title": "Toegankelijkheid",
        "slug": "toegankelijkheid",
        "intro": "Iedereen moet deze website kunnen gebruiken. Ook op een telefoon, met een schermlezer of in een andere taal.",
        "body": [
            (
                "paragraph",
                [
                    ("h2", "Wat we doen"),
                    (
                        "p",
                        "We bouwen deze website volgens de richtlijnen WCAG 2.1, niveau AA. Dat is de norm voor websites "
                        "van de overheid en van organisaties die met de overheid samenwerken.",
                    ),
                    ("li", "Grote, duidelijke letters en genoeg contrast."),
                    ("li", "Alles werkt met het toetsenbord. Je ziet altijd waar je bent."),
                    ("li", "Eenvoudige taal (niveau B1) en korte formulieren."),
                    ("li", "De website is er in het Nederlands, Engels, Turks, Arabisch en Pools."),
                    ("li", "Elke pagina is goed te printen."),
                    ("h2", "Hoe we het controleren"),
                    (
                        "p",
                        "Bij elke wijziging testen we de pagina’s automatisch met het programma axe, op een computer en "
                        "op een klein scherm. We controleren ook met de hand of alles met het toetsenbord werkt.",
                    ),
                    ("h2", "Wat nog niet goed is"),
                    (
                        "p",
                        "Sommige bestanden om te downloaden komen van partners. Die zijn soms nog niet toegankelijk. "
                        "Vraag gerust om een andere versie.",
                    ),
                    ("h2", "Loop je ergens tegenaan?"),
                    (
                        "p",
                        "Laat het ons weten via liefenleed@opzoomermee.nl. Vertel op welke pagina het was en wat er niet "
                        "lukte. We reageren binnen vijf werkdagen.",
                    ),
                ],
            ),
        ],
    },
    "en": {
        "title": "Accessibility",
        "slug": "accessibility",
        "intro": "Everyone should be able to use this website. On a phone too, with a screen reader or in another language.",
        "body": [
            (
                "paragraph",
                [
                    ("h2", "What we do"),
                    (
                        "p",
                        "We build this website following the WCAG 2.1 guidelines, level AA. That is the standard for "
                        "government websites and for organisations that work with the government.",
                    ),
                    ("li", "Large, clear letters and enough contrast."),
                    ("li", "Everything works with the keyboard. You can always see where you are."),
                    ("li", "Plain language (level B1) and short forms."),
                    ("li", "The website is available in Dutch, English, Turkish, Arabic and Polish."),
                    ("li", "Every page prints well."),
                    ("h2", "How we check it"),
                    (
                        "p",
                        "With every change we test the pages automatically with the axe tool, on a computer and on a "
                        "small screen. We also check by hand that everything works with the keyboard.",
                    ),
                    ("h2", "What is not right yet"),
                    (
                        "p",
                        "Some files to download come from partners. They are sometimes not accessible yet. Feel free to "
                        "ask for another version.",
                    ),
                    ("h2", "Did you run into a problem?"),
                    (
                        "p",
                        "Let us know at liefenleed@opzoomermee.nl. Tell us on which page it was and what did not work. We "
                        "respond within five working days.",
                    ),
                ],
            ),
        ],
    },
}

MENU_LABELS = {
    # Footer text per language.
    "footer": {
        "nl": "Lief & Leed helpt buren om naar elkaar om te kijken. Een programma van Opzoomer Mee, Rotterdam.",
        "en": "Lief & Leed helps neighbours look out for each other. A programme of Opzoomer Mee, Rotterdam.",
        "tr": "Lief & Leed, komşuların birbirine göz kulak olmasına yardım eder. Opzoomer Mee’nin bir programı, Rotterdam.",
        "ar": "يساعد Lief & Leed الجيران على الاهتمام ببعضهم. برنامج من Opzoomer Mee في روتردام.",
        "pl": "Lief & Leed pomaga sąsiadom troszczyć się o siebie nawzajem. Program Opzoomer Mee, Rotterdam.",
    },
}
