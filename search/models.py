"""Search data that editors manage: synonyms that widen a query."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_ALTERNATIVES = 10


class Synonym(models.Model):
    """A word and its alternatives: a search for `term` also looks for every alternative (OR)."""

    term = models.CharField(
        _("zoekwoord"),
        max_length=60,
        unique=True,
        help_text=_("Eén woord, zoals bezoekers het typen. Bijvoorbeeld: sleutel."),
    )
    alternatives = models.CharField(
        _("ook zoeken naar"),
        max_length=400,
        help_text=_("Andere woorden, gescheiden door komma's. Bijvoorbeeld: sleutelnetwerk, reservesleutel."),
    )

    panels = ["term", "alternatives"]

    class Meta:
        ordering = ["term"]
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.term = " ".join(self.term.lower().split())
        super().save(*args, **kwargs)

    def alternative_words(self):
        """The alternatives as plain lower-case words (no query syntax), at most MAX_ALTERNATIVES."""
        return re.findall(r"\w+", self.alternatives.lower())[:MAX_ALTERNATIVES]


def alternatives_for(words):
    """{word: [alternatives]} for those of `words` that have a synonym, in one query."""
    if not words:
        return {}
    return {
        synonym.term: synonym.alternative_words() for synonym in Synonym.objects.filter(term__in=set(words))
    }
