"""The first texts of the moderation mails (Dutch), made by migration 0003; editors change them
in Snippets → E-mailteksten voor moderatie and translate them with wagtail-localize."""

DEFAULT_MAIL_TEMPLATES = [
    (
        "signup_under_review",
        "In behandeling (standaard)",
        "We bekijken jullie aanmelding: {straat}",
        "Hallo {naam},\n\nDank je wel voor de aanmelding van {straat} voor {ronde}. "
        "We bekijken de aanmelding nu. Binnen drie weken hoor je van ons.\n\n{opmerking}\n\n"
        "Groet, Opzoomer Mee, Lief & Leed",
    ),
    (
        "signup_accepted",
        "Toegelaten (standaard)",
        "Welkom bij {ronde}: {straat} doet mee",
        "Hallo {naam},\n\nGoed nieuws: {straat} doet mee met {ronde}. "
        "Een projectleider belt of mailt jullie binnenkort om kennis te maken en de eerste stappen te "
        "plannen.\n\n"
        "{opmerking}\n\nGroet, Opzoomer Mee, Lief & Leed",
    ),
    (
        "signup_waitlisted",
        "Wachtlijst (standaard)",
        "Jullie straat staat op de wachtlijst: {straat}",
        "Hallo {naam},\n\n{ronde} is vol. {straat} staat daarom op de wachtlijst. "
        "Komt er een plek vrij, dan laten we het meteen weten.\n\n{opmerking}\n\n"
        "Groet, Opzoomer Mee, Lief & Leed",
    ),
    (
        "signup_declined",
        "Afgewezen (standaard)",
        "Over jullie aanmelding voor {ronde}",
        "Hallo {naam},\n\nDank je wel voor de aanmelding van {straat}. Helaas kan jullie straat niet meedoen "
        "met {ronde}.\n\n{opmerking}\n\nDe tips en materialen in de toolkit kunnen jullie wel gewoon "
        "gebruiken.\n\n"
        "Groet, Opzoomer Mee, Lief & Leed",
    ),
    (
        "signup_withdrawn",
        "Ingetrokken (standaard)",
        "Jullie aanmelding is ingetrokken: {straat}",
        "Hallo {naam},\n\nZoals gevraagd hebben we de aanmelding van {straat} voor {ronde} ingetrokken.\n\n"
        "{opmerking}\n\nGroet, Opzoomer Mee, Lief & Leed",
    ),
    (
        "submission_approved",
        "Verhaal goedgekeurd (standaard)",
        "Dank je wel voor je verhaal: {titel}",
        "Hallo {naam},\n\nDank je wel voor je verhaal “{titel}”. We hebben het gelezen en willen het graag "
        "gebruiken. De redactie maakt het klaar voor de website.\n\n{opmerking}\n\n"
        "Groet, Opzoomer Mee, Lief & Leed",
    ),
    (
        "submission_rejected",
        "Verhaal niet geplaatst (standaard)",
        "Over je verhaal: {titel}",
        "Hallo {naam},\n\nDank je wel dat je je verhaal “{titel}” met ons deelde. We zetten het deze "
        "keer niet "
        "op de website.\n\n{opmerking}\n\nWe vinden het fijn dat je iets voor je buren doet. "
        "Je bent altijd welkom om een ander verhaal te sturen.\n\nGroet, Opzoomer Mee, Lief & Leed",
    ),
]

# What the Moderatoren group may do with sign-ups, rounds, the mail texts and submissions.
MODERATOR_PERMISSIONS = [
    ("streetsignup", ["view", "change", "moderate"]),
    ("gangmaker", ["view"]),
    ("pilotround", ["add", "change", "view"]),
    ("roundsubscriber", ["view"]),
    ("signupmailtemplate", ["add", "change", "view"]),
    ("storysubmission", ["view", "moderate"]),
]
