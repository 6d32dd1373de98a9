"""The filters of the pilot and story listings: plain GET forms that work without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import StoryKind


class ListingFilterForm(forms.Form):
    """A filter form whose choices come from the listing page; unknown values are ignored."""

    def __init__(self, data=None, *, index, **kwargs):
        self.index = index
        super().__init__(data, **kwargs)
        self.set_choices()

    def set_choices(self):
        raise NotImplementedError

    def filters(self):
        """The valid filter values as keyword arguments for the page's listing method."""
        filters = self.empty_filters()
        if self.is_bound:
            self.is_valid()  # a tampered value becomes a field error and is otherwise ignored
        for name in filters:
            if name in getattr(self, "cleaned_data", {}):
                filters[name] = self.to_filter(name, self.cleaned_data[name])
        return filters

    def empty_filters(self):
        raise NotImplementedError

    def to_filter(self, name, value):
        return value or self.empty_filters()[name]


class PilotFilterForm(ListingFilterForm):
    district = forms.ChoiceField(label=_("Wijk"), required=False)
    year = forms.TypedChoiceField(label=_("Jaar"), required=False, coerce=int, empty_value=None)

    def set_choices(self):
        self.fields["district"].choices = [("", _("Alle wijken"))] + self.index.district_choices()
        self.fields["year"].choices = [("", _("Alle jaren"))] + self.index.year_choices()

    def empty_filters(self):
        return {"district": "", "year": None}


class StoryFilterForm(ListingFilterForm):
    kind = forms.ChoiceField(label=_("Soort"), required=False)
    pilot = forms.TypedChoiceField(label=_("Pilot"), required=False, coerce=int, empty_value=None)
    theme = forms.ChoiceField(label=_("Thema"), required=False)

    def set_choices(self):
        self.pilots = {pilot.pk: pilot for pilot in self.index.pilot_choices()}
        self.fields["kind"].choices = [("", _("Verhalen en reflecties"))] + list(StoryKind.choices)
        self.fields["pilot"].choices = [("", _("Alle pilots"))] + [
            (pk, pilot.title) for pk, pilot in self.pilots.items()
        ]
        self.fields["theme"].choices = [("", _("Alle thema's"))] + self.index.theme_choices()

    def empty_filters(self):
        return {"kind": "", "pilot": None, "theme": ""}

    def to_filter(self, name, value):
        if name == "pilot":
            return self.pilots.get(value)
        return super().to_filter(name, value)
