"""Demo content of the workshops: three coming workshops (one nearly full, one full with a
waitlist) and one that has been, with registrations made by the factories.

Idempotent: pages are found by slug and never overwritten; registrations are only made for a
workshop that has none. Dates are set relative to the day the demo is first loaded.
"""

import datetime

from django.utils import timezone

from cms.demo import child_page, rich
from home.demo import add_menu_link, translate_once

from .models import Registration, WorkshopIndexPage, WorkshopPage
from .workshops.factories import RegistrationFactory, in_days

WORKSHOP_INDEX = {
    "nl": {
        "title": "Workshops",
        "slug": "workshops",
        "intro": (
            "Leer samen met andere gangmakers en professionals. Een workshop duurt een middag of avond. "
            "Meedoen is gratis. Meld je aan, dan houden we een plek voor je vrij."
        ),
    },
    "en": {
        "title": "Workshops",
        "slug": "workshops",
        "intro": (
            "Learn together with other gangmakers and professionals. A workshop takes one afternoon or "
            "evening. Taking part is free. Register and we will keep a seat for you."
        ),
    },
}

# days from today, start hour, hours, capacity, people confirmed, waitlist parties
WORKSHOP_FACTS = {
    "instrumenten": {"days": 9, "hour": 19, "hours": 2, "capacity": 16, "confirmed": 13, "waiting": 0},
    "sluimerend-talent": {"days": 16, "hour": 14, "hours": 3, "capacity": 12, "confirmed": 12, "waiting": 3},
    "zorgen-voor-buren": {"days": 30, "hour": 19, "hours": 2, "capacity": 25, "confirmed": 5, "waiting": 0},
    "pakketjes-maken": {"days": -21, "hour": 10, "hours": 3, "capacity": 15, "confirmed": 11, "waiting": 0},
}

WORKSHOPS = {
    "instrumenten": {
        "nl": {
            "title": "Instrumenten voor gangmakers",
            "slug": "instrumenten",
            "intro": "Welke middelen helpen je om buren te bereiken? We proberen ze samen uit.",
            "description": [
                (
                    "p",
                    "In de pilots gebruikten gangmakers een enquête, een welkomstpakketje en een potje geld.",
                ),
                (
                    "p",
                    "In deze workshop kijk je welke instrumenten bij jouw straat passen. Je gaat naar huis "
                    "met een plan voor de eerste stap.",
                ),
            ],
            "audience": "Gangmakers en bewoners die gangmaker willen worden",
            "venue": "Buurthuis De Kameel",
            "address": "Kameelstraat 4, Rotterdam",
            "accessibility": "Drempelvrij. Er is een invalidentoilet. Koffie en thee staan klaar.",
        },
        "en": {
            "title": "Tools for gangmakers",
            "slug": "instrumenten",
            "intro": "Which tools help you reach your neighbours? We try them out together.",
            "description": [
                (
                    "p",
                    "In the pilots, gangmakers used a survey, a welcome package and a small street budget.",
                ),
                (
                    "p",
                    "In this workshop you look at which tools suit your street. You go home with a plan for "
                    "the first step.",
                ),
            ],
            "audience": "Gangmakers and residents who want to become one",
            "venue": "Community centre De Kameel",
            "address": "Kameelstraat 4, Rotterdam",
            "accessibility": "Step-free. There is an accessible toilet. Coffee and tea are ready.",
        },
    },
    "sluimerend-talent": {
        "nl": {
            "title": "Sluimerend talent in je straat",
            "slug": "sluimerend-talent",
            "intro": "Veel buren willen best helpen, als iemand het ze vraagt. Hoe vind je ze?",
            "description": [
                (
                    "p",
                    "Bijna iedereen kan iets: koken, klussen of een praatje maken. Vaak weet niemand het.",
                ),
                ("p", "Samen met professionals uit de wijk oefen je hoe je buren vraagt om mee te doen."),
            ],
            "audience": "Gangmakers en professionals in de wijk",
            "venue": "Wijkcentrum Zuidwijk",
            "address": "Slinge 400, Rotterdam",
            "accessibility": "Er is een lift. Er is een ringleiding in de zaal.",
        },
        "en": {
            "title": "Hidden talent in your street",
            "slug": "sluimerend-talent",
            "intro": "Many neighbours are happy to help, if someone asks them. How do you find them?",
            "description": [
                (
                    "p",
                    "Almost everyone can do something: cook, fix things, have a chat. Often the street "
                    "does not know.",
                ),
                (
                    "p",
                    "With professionals from the district, you practise asking neighbours to join in.",
                ),
            ],
            "audience": "Gangmakers and professionals in the district",
            "venue": "Zuidwijk community centre",
            "address": "Slinge 400, Rotterdam",
            "accessibility": "There is a lift. There is a hearing loop in the room.",
        },
    },
    "zorgen-voor-buren": {
        "nl": {
            "title": "Zorgen voor buren: wanneer vraag je hulp?",
            "slug": "zorgen-voor-buren",
            "intro": "Je let op je buren. Maar wanneer is het tijd om een professional te bellen?",
            "description": [
                (
                    "p",
                    "Gangmakers zijn de baas in hun straat. Soms is er meer nodig, bijvoorbeeld als een "
                    "oudere buur in de war raakt.",
                ),
                ("p", "We praten met het wijkteam over grenzen, en over wie je kunt bellen."),
            ],
            "audience": "Gangmakers",
            "venue": "Bibliotheek Hillevliet",
            "address": "Hillevliet 90, Rotterdam",
            "accessibility": "Drempelvrij, met een invalidentoilet.",
        },
        "en": {
            "title": "Caring for neighbours: when do you ask for help?",
            "slug": "zorgen-voor-buren",
            "intro": "You look out for your neighbours. But when is it time to call a professional?",
            "description": [
                (
                    "p",
                    "Gangmakers are in charge in their street. Sometimes more is needed, for instance when "
                    "an older neighbour gets confused.",
                ),
                ("p", "We talk with the district team about limits, and about whom you can call."),
            ],
            "audience": "Gangmakers",
            "venue": "Hillevliet library",
            "address": "Hillevliet 90, Rotterdam",
            "accessibility": "Step-free, with an accessible toilet.",
        },
    },
    "pakketjes-maken": {
        "nl": {
            "title": "Lief & Leedpakketjes maken",
            "slug": "pakketjes-maken",
            "intro": "Een ochtend pakketjes maken voor nieuwe buren en voor buren die het moeilijk hebben.",
            "description": [("p", "We maakten samen veertig pakketjes voor drie straten.")],
            "audience": "Iedereen",
            "venue": "Opzoomer Mee",
            "address": "Schiedamse Vest 89, Rotterdam",
            "accessibility": "Drempelvrij.",
        },
    },
}

NAMES = [
    "Fatima El Amrani",
    "Henk de Groot",
    "Ans Verbeek",
    "Mehmet Yilmaz",
    "Joke van Dam",
    "Kees Bakker",
    "Samira Haddou",
    "Piet Jansen",
    "Ria Koster",
    "Anna Kowalska",
    "Wim Visser",
    "Gerda Smit",
    "Hassan Benali",
    "Tineke Mulder",
    "Elif Demir",
    "Jan de Boer",
    "Marja Vos",
    "Ahmed Ouali",
    "Lies Hendriks",
    "Ton Peters",
]
STREETS = ["Korenaarstraat", "Langenhorst", "Zaagmolenstraat", "Slinge", "Kameelstraat"]


def workshop_fields(content, facts):
    starts = in_days(facts["days"], hour=facts["hour"], minute=0)
    return {
        "title": content["title"],
        "intro": content["intro"],
        "description": rich(*content["description"]),
        "audience": content["audience"],
        "venue": content["venue"],
        "address": content["address"],
        "accessibility": content["accessibility"],
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=facts["hours"]),
        "capacity": facts["capacity"],
        "ask_dietary": True,
        "ask_accessibility": True,
    }


def add_registrations(workshop, slug, facts):
    """Parties of one to three people, confirmed up to the demo's number, then the waitlist."""
    if Registration.objects.filter(workshop=workshop).exists():
        return
    past = facts["days"] < 0
    now = timezone.now()
    remaining, number = facts["confirmed"], 0
    while remaining > 0:
        people = min(remaining, 1 + number % 3)
        status = Registration.Status.CONFIRMED
        if past:
            status = Registration.Status.NO_SHOW if number == 2 else Registration.Status.ATTENDED
        RegistrationFactory(
            workshop=workshop,
            name=NAMES[number % len(NAMES)],
            email=f"{slug}-{number}@example.org",
            street=STREETS[number % len(STREETS)],
            people=people,
            status=status,
            language="en" if number % 5 == 4 else "nl",
            dietary_needs="vegetarisch" if number % 4 == 1 else "",
            created_at=now - datetime.timedelta(days=10, hours=number),
            confirmed_at=now - datetime.timedelta(days=10, hours=number),
            reminder_sent_at=now if past else None,
            thank_you_sent_at=now if past else None,
        )
        remaining -= people
        number += 1
    for position in range(facts["waiting"]):
        waited = now - datetime.timedelta(days=2, hours=-position)
        RegistrationFactory(
            workshop=workshop,
            name=NAMES[(number + position) % len(NAMES)],
            email=f"{slug}-wacht-{position}@example.org",
            street=STREETS[position % len(STREETS)],
            people=1 + position % 2,
            status=Registration.Status.WAITLIST,
            created_at=waited,
            waitlisted_at=waited,
            confirmed_at=None,
        )


def load(context):
    home = context.objects["home"]
    index, _ = child_page(home, WorkshopIndexPage, **WORKSHOP_INDEX["nl"])
    translate_once(index, "en", WORKSHOP_INDEX)
    workshops = {}
    for slug, content in WORKSHOPS.items():
        facts = WORKSHOP_FACTS[slug]
        page, _ = child_page(index, WorkshopPage, slug, **workshop_fields(content["nl"], facts))
        add_registrations(page, slug, facts)
        if "en" in content:
            translate_once(page, "en", content)
        workshops[slug] = page
    add_menu_link(index)
    context.objects["workshop_index"] = index
    context.objects.update({f"workshop:{slug}": page for slug, page in workshops.items()})
    context.log(f"Workshops ({len(workshops)}), with registrations and a waitlist; en translations")
