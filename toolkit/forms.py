"""The toolkit's filter form: plain GET parameters, so filters work without JavaScript and can be shared."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .choices import Kind, Occasion


class ToolkitFilterForm(forms.Form):
    occasion = forms.ChoiceField(
        label=_("Waarvoor?"),
        required=False,
        choices=[("", _("Alle gelegenheden")), *Occasion.choices],
    )
    kind = forms.ChoiceField(
        label=_("Wat voor materiaal?"),
        required=False,
        choices=[("", _("Alle soorten")), *Kind.choices],
    )
    language = forms.ChoiceField(
        label=_("In welke taal?"),
        required=False,
        choices=[("", _("Alle talen")), *settings.LANGUAGES],
    )

    def __init__(self, data=None, **kwargs):
        kwargs.setdefault("auto_id", "toolkit-filter-%s")
        super().__init__(data, **kwargs)

    def filters(self):
        """The valid, non-empty filters; a tampered value is ignored rather than shown as an error."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}
