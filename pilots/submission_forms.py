"""The public story-submission form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.forms import AccessibleFormMixin, PublicForm

from .submission_images import reencode_photo


class StorySubmissionForm(AccessibleFormMixin, PublicForm, forms.Form):
    rate_limit_scope = "story-submission"
    rate_limit_email_field = "email"

    title = forms.CharField(label=_("Titel van je verhaal"), max_length=120)
    text = forms.CharField(
        label=_("Je verhaal"),
        max_length=5000,
        min_length=40,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Vertel wat er gebeurde in je straat. Schrijf niets over de gezondheid van buren."),
    )
    street = forms.CharField(label=_("In welke straat?"), max_length=120)
    display_name = forms.CharField(
        label=_("Je naam zoals die bij het verhaal mag staan"),
        max_length=80,
        required=False,
        help_text=_("Bijvoorbeeld alleen je voornaam. Leeg laten mag als je anoniem wilt blijven."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    anonymous = forms.BooleanField(label=_("Zet mijn naam er niet bij (anoniem)"), required=False)
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        max_length=254,
        help_text=_(
            "Alleen voor ons, om je te laten weten wat we met je verhaal doen. We zetten het nergens op."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    photo = forms.FileField(
        label=_("Foto (niet verplicht)"),
        required=False,
        help_text=_(
            "Een JPG-, PNG- of WebP-foto van hoogstens 10 MB. Wij halen de locatie en andere gegevens eruit."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_people_consent = forms.BooleanField(
        label=_("Iedereen die herkenbaar op de foto staat, vindt het goed dat de foto op de website komt."),
        required=False,
    )
    publication_consent = forms.BooleanField(
        label=_("Opzoomer Mee mag mijn verhaal (ingekort of aangepast) op de website zetten."),
        error_messages={"required": _("Zet een vinkje als we je verhaal op de website mogen zetten.")},
    )

    def clean(self):
        # PublicForm.clean() checks the rate limits, the honeypot and the time trap and raises when one
        # fails, so the upload below is read and decoded only for a post that passed the cheap checks.
        cleaned = super().clean()
        if cleaned.get("photo"):
            try:
                cleaned["photo"] = reencode_photo(cleaned["photo"])
            except ValidationError as error:
                self.add_error("photo", error)
                cleaned.pop("photo", None)
        if cleaned.get("photo") and not cleaned.get("photo_people_consent"):
            self.add_error(
                "photo_people_consent",
                ValidationError(
                    _("Zet een vinkje als de mensen op de foto het goed vinden, of stuur geen foto."),
                    code="photo_consent",
                ),
            )
        if not cleaned.get("anonymous") and not (cleaned.get("display_name") or "").strip():
            self.add_error(
                "display_name",
                ValidationError(_("Vul een naam in, of kies voor anoniem."), code="name"),
            )
        return cleaned

    def error_summary(self):
        items = [("", error) for error in self.non_field_errors()]
        for name in self.fields:
            for error in self.errors.get(name, []):
                items.append((self[name].auto_id, f"{self[name].label}: {error}"))
        return items
