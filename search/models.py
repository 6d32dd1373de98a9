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


class SearchQueryStat(models.Model):
    """How often a (normalised) query was searched on one day. No IP, user or time of day is kept."""

    day = models.DateField(_("dag"), db_index=True)
    query = models.CharField(_("zoekvraag"), max_length=100)
    zero_results = models.BooleanField(_("niets gevonden"), default=False)
    count = models.PositiveIntegerField(_("aantal"), default=0)

    class Meta:
        ordering = ["-day", "-count"]
        verbose_name = _("zoekstatistiek")
        verbose_name_plural = _("zoekstatistieken")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "query", "zero_results"], name="search_stat_unique_day_query"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.query} ({self.count})"
