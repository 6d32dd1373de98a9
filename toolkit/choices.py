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
