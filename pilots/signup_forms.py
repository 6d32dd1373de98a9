"""The public forms of the sign-up page, and the input rules every public pilots form shares.

Text is stored and shown as plain text. NUL and other control characters are refused (a
person never types them); so is more than the field can hold. Errors are linked to their field
(`aria-describedby`, `aria-invalid`) and summarised at the top of the page by the template.
"""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms import ratelimit
from cms.forms import AccessibleFormMixin, PublicForm

from .models import StreetSignup

POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")


def normalise_postcode(value):
    """'3071ab' -> '3071 AB'; raises ValidationError for anything that is not a Dutch postcode."""
    match = POSTCODE.match(value or "")
    if not match or match.group(2).upper() in {"SA", "SD", "SS"}:
        raise ValidationError(
            _("Vul een Nederlandse postcode in: vier cijfers en twee letters, bijvoorbeeld 3071 AB."),
            code="postcode",
        )
    return f"{match.group(1)} {match.group(2).upper()}"


class GangmakerForm(AccessibleFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Naam"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mailadres"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Telefoonnummer (niet verplicht)"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel", "inputmode": "tel"}),
    )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not re.fullmatch(r"[0-9+()\-\s]{6,30}", phone):
            raise ValidationError(_("Vul alleen cijfers in, bijvoorbeeld 06 12345678."), code="phone")
        return phone


class BaseGangmakerFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        emails = [form.cleaned_data.get("email", "").lower() for form in self.forms if form.cleaned_data]
        emails = [email for email in emails if email]
        if len(emails) != len(set(emails)):
            raise ValidationError(_("Elke gangmaker heeft een eigen e-mailadres nodig."), code="same_email")

    def people(self):
        return [
            {key: form.cleaned_data[key].strip() for key in ("name", "email", "phone")}
            for form in self.forms
            if form.cleaned_data and form.cleaned_data.get("name")
        ]


GangmakerFormSet = forms.formset_factory(
    GangmakerForm,
    formset=BaseGangmakerFormSet,
    extra=1,
    min_num=2,
    max_num=3,
    validate_min=True,
    validate_max=True,
)


class StreetSignupForm(AccessibleFormMixin, PublicForm, forms.Form):
    """The street's application; its gangmakers come in a formset (`self.gangmakers`)."""

    rate_limit_scope = "street-signup"

    street = forms.CharField(
        label=_("Straatnaam"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
        help_text=_("Alleen de naam van de straat, zonder huisnummer."),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
        help_text=_("Eén postcode uit de straat, bijvoorbeeld 3071 AB."),
    )
    district = forms.CharField(label=_("Wijk"), max_length=80)
    households = forms.IntegerField(
        label=_("Hoeveel huishoudens wonen er ongeveer in de straat?"),
        min_value=1,
        max_value=5000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    is_opzoomerstraat = forms.ChoiceField(
        label=_("Is de straat al een Opzoomerstraat?"),
        choices=StreetSignup.Opzoomer.choices,
        widget=forms.RadioSelect,
        initial=StreetSignup.Opzoomer.UNKNOWN,
    )
    already_does = forms.CharField(
        label=_("Wat doet de straat nu al samen? (niet verplicht)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bijvoorbeeld: een straatfeest, samen de geveltuinen bijhouden."),
    )
    hopes = forms.CharField(
        label=_("Wat hopen jullie met Lief & Leed? (niet verplicht)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    heard_from = forms.ChoiceField(
        label=_("Hoe hoorde je van Lief & Leed? (niet verplicht)"),
        choices=[("", _("Kies een antwoord"))] + list(StreetSignup.HeardFrom.choices),
        required=False,
    )
    privacy_consent = forms.BooleanField(
        label=_(
            "Ik heb de privacyverklaring gelezen. Opzoomer Mee mag deze gegevens gebruiken voor de "
            "aanmelding."
        ),
        error_messages={
            "required": _("Zet een vinkje om te laten weten dat je de privacyverklaring hebt gelezen.")
        },
    )

    def __init__(self, data=None, *args, round=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.round = round
        self.gangmakers = GangmakerFormSet(data, prefix="gangmaker")
        districts = round.district_list() if round is not None else []
        if districts:
            self.fields["district"] = forms.ChoiceField(
                label=_("Wijk"),
                choices=[("", _("Kies de wijk"))] + [(name, name) for name in districts],
                help_text=_("Deze ronde is voor straten in deze wijken."),
            )

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean_street(self):
        return " ".join(self.cleaned_data["street"].split())

    def is_valid(self):
        form_valid = super().is_valid()
        if self.is_spam or self.rate_limited:
            return False
        return self.gangmakers.is_valid() and form_valid

    def _check_rate_limits(self, cleaned):
        super()._check_rate_limits(cleaned)
        if self.request is None or not self.gangmakers.is_valid():
            return
        limit, period = settings.FORM_RATE_LIMIT, settings.FORM_RATE_PERIOD
        limited = False
        for person in self.gangmakers.people():
            key = person["email"].lower()
            limited = (
                ratelimit.hit(self.request, f"{self.rate_limit_scope}:email", limit, period, key=key)
                or limited
            )
        if limited:
            self.rate_limited = True
            raise ValidationError(
                _(
                    "Je hebt dit formulier net heel vaak verstuurd. "
                    "Wacht een paar minuten en probeer het dan opnieuw. Wat je hebt ingevuld, blijft staan."
                ),
                code="rate_limited",
            )

    def signup_data(self):
        data = self.cleaned_data
        return {
            "street": data["street"],
            "postcode": data["postcode"],
            "district": data["district"].strip(),
            "households": data["households"],
            "is_opzoomerstraat": data["is_opzoomerstraat"],
            "already_does": data["already_does"].strip(),
            "hopes": data["hopes"].strip(),
            "heard_from": data["heard_from"],
        }

    def error_summary(self):
        """(field id, message) pairs for the summary at the top, the formset's included."""
        items = []
        for error in self.non_field_errors():
            items.append(("", error))
        for name in self.fields:
            for error in self.errors.get(name, []):
                items.append((self[name].auto_id, f"{self[name].label}: {error}"))
        if self.is_bound:
            for error in self.gangmakers.non_form_errors():
                items.append(("gangmakers", error))
            for number, form in enumerate(self.gangmakers.forms, start=1):
                for name in form.fields:
                    for error in form.errors.get(name, []):
                        label = _("Gangmaker %(number)s, %(field)s") % {
                            "number": number,
                            "field": form[name].label,
                        }
                        items.append((form[name].auto_id, f"{label}: {error}"))
        return items


class SubscribeForm(AccessibleFormMixin, PublicForm, forms.Form):
    rate_limit_scope = "round-subscribe"
    rate_limit_email_field = "email"

    email = forms.EmailField(
        label=_("Je e-mailadres"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def error_summary(self):
        items = [("", error) for error in self.non_field_errors()]
        items += [
            (self["email"].auto_id, f"{self['email'].label}: {error}")
            for error in self.errors.get("email", [])
        ]
        return items
