"""The public registration form and the self-service form (number of people)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.forms import AccessibleFormMixin, PublicForm

from ..models.workshops import MAX_PEOPLE

PEOPLE_CHOICES = [(n, str(n)) for n in range(1, MAX_PEOPLE + 1)]
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()\-]{6,20}$")


def clean_text(value):
    """One line of plain text: control characters removed, whitespace collapsed."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in value or "").split())


class RegistrationForm(AccessibleFormMixin, PublicForm):
    plain_text_rules = False  # control characters are removed (clean_text), not refused

    rate_limit_scope = "workshop-registration"
    rate_limit_email_field = "email"

    name = forms.CharField(
        label=_("Je naam"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        max_length=254,
        help_text=_("Hierheen sturen we de bevestiging."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Je telefoonnummer (mag leeg blijven)"),
        max_length=20,
        required=False,
        help_text=_("Alleen als we je snel moeten bellen, bijvoorbeeld als de workshop niet doorgaat."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "inputmode": "tel"}),
    )
    street = forms.CharField(
        label=_("Je straat (mag leeg blijven)"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    people = forms.TypedChoiceField(
        label=_("Met hoeveel mensen kom je?"),
        choices=PEOPLE_CHOICES,
        coerce=int,
        initial=1,
        help_text=_("Jijzelf meegeteld. Hoogstens 4."),
    )
    dietary_needs = forms.CharField(
        label=_("Dieetwensen (mag leeg blijven)"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: vegetarisch, halal, geen noten."),
    )
    accessibility_needs = forms.CharField(
        label=_("Wat heb je nodig om mee te doen? (mag leeg blijven)"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: een rolstoelplek of een tolk. Schrijf hier geen medische gegevens."),
    )

    def __init__(self, *args, workshop=None, **kwargs):
        super().__init__(*args, **kwargs)
        if workshop is not None:
            if not workshop.ask_dietary:
                del self.fields["dietary_needs"]
            if not workshop.ask_accessibility:
                del self.fields["accessibility_needs"]
        self.describe_fields()

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Vul je naam in."))
        return name

    def clean_phone(self):
        phone = clean_text(self.cleaned_data.get("phone"))
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(
                _("Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 06 12345678.")
            )
        return phone

    def clean_street(self):
        return clean_text(self.cleaned_data.get("street"))

    def clean_dietary_needs(self):
        return clean_text(self.cleaned_data.get("dietary_needs"))

    def clean_accessibility_needs(self):
        return clean_text(self.cleaned_data.get("accessibility_needs"))


class ChangePeopleForm(AccessibleFormMixin, forms.Form):
    people = forms.TypedChoiceField(label=_("Met hoeveel mensen kom je?"), choices=PEOPLE_CHOICES, coerce=int)
