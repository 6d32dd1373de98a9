"""The toolkit's filter form: plain GET parameters, so filters work without JavaScript and can be shared."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.forms import AccessibleFormMixin, PublicForm

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


class SingleLineField(forms.CharField):
    """A one-line text field: control and bidi-override characters removed, line breaks refused."""

    def to_python(self, value):
        from cms.pdf import clean_text

        value = super().to_python(value)
        if "\n" in value or "\r" in value:
            raise forms.ValidationError(_("Schrijf dit op één regel."), code="newline")
        return clean_text(value).strip()


MAX_ADDRESSES = 300


class FlyerForm(AccessibleFormMixin, PublicForm):
    """What a gangmaker fills in to make a flyer or letters from a FlyerTemplate."""

    plain_text_rules = False  # SingleLineField removes control characters and refuses line breaks

    rate_limit_scope = "flyer"

    street = SingleLineField(
        label=_("Straat"),
        max_length=60,
        help_text=_("Bijvoorbeeld: Korenaarstraat"),
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    date = forms.DateField(
        label=_("Datum"),
        required=False,
        help_text=_("De dag van de activiteit."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start_time = forms.TimeField(
        label=_("Begintijd"), required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("Eindtijd (mag leeg)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    place = SingleLineField(
        label=_("Plek"), max_length=80, required=False, help_text=_("Bijvoorbeeld: op de stoep bij nummer 14")
    )
    gangmakers = SingleLineField(
        label=_("Voornamen van de gangmakers"),
        max_length=100,
        help_text=_("Bijvoorbeeld: Noreen en Kees"),
    )
    contact = SingleLineField(
        label=_("Telefoon of e-mail (mag leeg)"),
        max_length=80,
        required=False,
        help_text=_("Komt op de flyer, zodat buren je kunnen bereiken."),
    )
    language = forms.ChoiceField(label=_("Taal"))
    second_language = forms.ChoiceField(
        label=_("Tweede taal ernaast (mag leeg)"),
        required=False,
        help_text=_("De tekst staat dan in twee talen naast elkaar."),
    )
    number_from = forms.IntegerField(label=_("Van huisnummer"), required=False, min_value=1, max_value=9999)
    number_to = forms.IntegerField(
        label=_("Tot en met huisnummer"), required=False, min_value=1, max_value=9999
    )
    numbers = forms.ChoiceField(
        label=_("Welke nummers?"),
        required=False,
        initial="all",
        choices=[
            ("all", _("Alle nummers")),
            ("even", _("Alleen even nummers")),
            ("odd", _("Alleen oneven nummers")),
        ],
        widget=forms.RadioSelect,
    )

    # Placeholders that, when the template uses them, make a field required.
    placeholder_fields = {"datum": "date", "tijd": "start_time", "plek": "place", "contact": "contact"}

    def __init__(self, *args, template, languages, **kwargs):
        kwargs.setdefault("auto_id", "flyer-%s")
        super().__init__(*args, **kwargs)
        self.template = template
        names = dict(settings.LANGUAGES)
        choices = [(code, names[code]) for code in languages]
        self.fields["language"].choices = choices
        self.fields["language"].initial = languages[0]
        self.fields["second_language"].choices = [("", _("Geen tweede taal")), *choices]
        for placeholder in template.used_placeholders():
            name = self.placeholder_fields.get(placeholder)
            if name and name != "contact":
                self.fields[name].required = True
        if not template.per_address:
            for name in ("number_from", "number_to", "numbers"):
                del self.fields[name]
        for field in self.fields.values():
            if isinstance(field, SingleLineField):
                field.widget.attrs.setdefault("maxlength", str(field.max_length))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("second_language") and cleaned.get("second_language") == cleaned.get("language"):
            self.add_error("second_language", _("Kies een andere taal dan de eerste, of laat dit leeg."))
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("De eindtijd moet na de begintijd liggen."))
        if end and not start:
            self.add_error("start_time", _("Vul ook de begintijd in."))
        if self.template.per_address:
            self._clean_numbers(cleaned)
        return cleaned

    def _clean_numbers(self, cleaned):
        first, last = cleaned.get("number_from"), cleaned.get("number_to")
        if first is None and last is None:
            return
        if first is None:
            self.add_error("number_from", _("Vul ook het eerste huisnummer in."))
        elif last is None:
            self.add_error("number_to", _("Vul ook het laatste huisnummer in."))
        elif last < first:
            self.add_error("number_to", _("Het laatste huisnummer moet hoger zijn dan het eerste."))
        else:
            from .flyers import house_numbers

            count = len(house_numbers(self.flyer_inputs(cleaned)))
            if count == 0:
                self.add_error("numbers", _("Tussen deze nummers zitten geen adressen van deze soort."))
            elif count > MAX_ADDRESSES:
                self.add_error(
                    "number_to",
                    _("Dat zijn %(count)s adressen. Maak brieven voor hoogstens %(max)s adressen tegelijk.")
                    % {"count": count, "max": MAX_ADDRESSES},
                )

    def languages(self):
        first = self.cleaned_data["language"]
        second = self.cleaned_data.get("second_language")
        return [first, second] if second else [first]

    @staticmethod
    def initial_from_job(job):
        """The form's initial values from an earlier job's inputs (`flyer_inputs` the other way
        round), so "Terug naar het formulier" after a failed PDF shows what was filled in."""
        inputs = job.inputs or {}
        languages = job.language_list
        initial = {
            name: inputs.get(name, "")
            for name in ("street", "date", "start_time", "end_time", "place", "gangmakers", "contact")
        }
        initial.update(
            language=languages[0] if languages else "",
            second_language=languages[1] if len(languages) > 1 else "",
        )
        for name in ("number_from", "number_to", "numbers"):
            if inputs.get(name):
                initial[name] = inputs[name]
        return initial

    def flyer_inputs(self, cleaned=None):
        """The input as plain JSON-able values (stored on the job, hashed for the cache)."""
        cleaned = self.cleaned_data if cleaned is None else cleaned
        inputs = {
            "street": cleaned.get("street") or "",
            "date": cleaned["date"].isoformat() if cleaned.get("date") else "",
            "start_time": cleaned["start_time"].strftime("%H:%M") if cleaned.get("start_time") else "",
            "end_time": cleaned["end_time"].strftime("%H:%M") if cleaned.get("end_time") else "",
            "place": cleaned.get("place") or "",
            "gangmakers": cleaned.get("gangmakers") or "",
            "contact": cleaned.get("contact") or "",
        }
        if self.template.per_address and cleaned.get("number_from") and cleaned.get("number_to"):
            inputs.update(
                number_from=cleaned["number_from"],
                number_to=cleaned["number_to"],
                numbers=cleaned.get("numbers") or "all",
            )
        return inputs
