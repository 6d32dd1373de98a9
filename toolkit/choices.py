"""The toolkit's fixed vocabularies. The values appear in URLs (?occasion=nieuwe-buren), so keep them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Occasion(models.TextChoices):
    NEW_NEIGHBOURS = "nieuwe-buren", _("Nieuwe buren")
    BIRTH = "geboorte", _("Geboorte")
    ILLNESS = "ziekte", _("Ziekte")
    DEATH = "overlijden", _("Overlijden")
    ANNIVERSARY = "jubileum", _("Jubileum")
    LONELINESS = "eenzaamheid", _("Eenzaamheid")
    STREET_ACTIVITY = "straatactiviteit", _("Straatactiviteit")
    HOLIDAYS = "feestdagen", _("Feestdagen")
    GETTING_STARTED = "aan-de-slag", _("Aan de slag als gangmaker")


class Kind(models.TextChoices):
    PACKAGE = "pakketje", _("Pakketje")
    INVITATION = "uitnodiging", _("Uitnodiging")
    LETTER = "brief", _("Brief")
    ADVICE = "advies", _("Advies")
    SURVEY = "enquete", _("Enquête")
    CARD = "kaart", _("Kaart")
    FLYER = "flyer", _("Flyer")


class FlyerKind(models.TextChoices):
    INVITATION = "uitnodiging", _("Uitnodiging")
    INTRODUCTION = "kennismaking", _("Kennismaking")
    STREET_ACTIVITY = "straatactiviteit", _("Straatactiviteit")
    PACKAGE_CARD = "pakketje-kaartje", _("Kaartje bij het pakketje")
    KEY_CARD = "sleutelkaart", _("Sleutelkaart")
    THANK_YOU = "bedankkaart", _("Bedankkaart")
    POSTER = "poster", _("Poster")


class PaperFormat(models.TextChoices):
    A4 = "a4", _("A4 (brief of poster)")
    A5 = "a5", _("A5 (flyer)")
    A6 = "a6", _("A6 (kaartje)")
    DOOR_HANGER = "deurhanger", _("Deurhanger (10 × 21 cm)")


class ColourTheme(models.TextChoices):
    """A fixed palette: the colours themselves live in static/css/flyer.css, never in the database."""

    BRICK = "baksteen", _("Baksteenrood")
    SUN = "zon", _("Zonnegeel")
    LEAF = "blad", _("Bladgroen")
    HARBOUR = "haven", _("Havenblauw")
