"""Protection every public form shares: a honeypot, a time trap and rate limits per IP and email.

    class RegistrationForm(PublicForm, forms.ModelForm):
        rate_limit_scope = "workshop-registration"
        rate_limit_email_field = "email"     # also limit per email address (optional)

    form = RegistrationForm(request.POST or None, request=request)
    if request.method == "POST":
        if form.is_valid(): ...save, redirect to the thank-you page...
        elif form.is_spam: ...show the thank-you page, store nothing (a bot learns nothing)...
        status = 429 if form.rate_limited else 200   # re-render the form with its errors

Templates render the two extra fields with `{% include "components/form_protection.html" %}`.
A person is never silently dropped: rate limits and an expired form are form errors that keep
what was typed. Only what no person does is treated as spam: filling in the hidden honeypot,
posting within FORM_MIN_SECONDS of the page load, or a missing or forged time token.
"""

import logging
import time
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import ratelimit

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website_url"
STARTED_FIELD = "form_started"
_SALT = "cms.forms.started"


def started_token(at=None):
    """A signed timestamp (milliseconds) of when the form was shown; `at` simulates an older form."""
    return signing.dumps(int((at if at is not None else time.time()) * 1000), salt=_SALT)


_ALLOWED_CONTROL = {"\n", "\r", "\t"}


def refuse_control_characters(value):
    """Refuse NUL and other control or format characters (new lines and tabs are fine)."""
    if any(
        unicodedata.category(char) in {"Cc", "Cf"} and char not in _ALLOWED_CONTROL for char in str(value)
    ):
        raise ValidationError(
            _("Er staan onzichtbare of vreemde tekens in. Typ de tekst opnieuw."), code="control"
        )


def refuse_line_breaks(value):
    if "\n" in str(value) or "\r" in str(value):
        raise ValidationError(_("Gebruik hier geen nieuwe regel."), code="newline")


class AccessibleFormMixin:
    """Every public form's fields, for people and screen readers alike.

    - Each field points at its help text (`<id>_helptext`) and its error (`<id>_error`) with
      aria-describedby, and says aria-invalid when it has an error; templates give those ids to the
      help and error elements (templates/components/form_field.html does).
    - Text fields get a `maxlength` in the browser; with `plain_text_rules`, control characters are
      refused and one-line fields refuse line breaks.
    """

    plain_text_rules = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.HiddenInput):
                continue
            if field.max_length:
                field.widget.attrs.setdefault("maxlength", field.max_length)
            if self.plain_text_rules:
                field.validators.append(refuse_control_characters)
                if not isinstance(field.widget, forms.Textarea):
                    field.validators.append(refuse_line_breaks)
        self.describe_fields()

    def full_clean(self):
        super().full_clean()
        self.describe_fields()

    def describe_fields(self):
        """Call again after adding or removing fields."""
        for name, field in self.fields.items():
            if field.widget.is_hidden or name == HONEYPOT_FIELD or not self.auto_id:
                continue
            # BoundField.auto_id, without making (and caching) a BoundField: forms replace fields
            # after __init__, and a cached BoundField would keep validating the old one.
            html_name = self.add_prefix(name)
            auto_id = str(self.auto_id) % html_name if "%s" in str(self.auto_id) else html_name
            described = [f"{auto_id}_helptext"] if field.help_text else []
            if self.is_bound and self._errors is not None and name in self._errors:
                described.append(f"{auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)


class PublicForm(forms.Form):
    """Mix in before forms.Form / forms.ModelForm: `class F(PublicForm, forms.ModelForm)`."""

    rate_limit_scope = "form"
    rate_limit_email_field = None

    website_url = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        self.rate_limited = False
        self.is_spam = False
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[STARTED_FIELD] = started_token()

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.errors and not self.is_spam:
            # Re-rendered with errors: the next post is judged from now, not from the first render.
            self.data = self.data.copy()
            self.data[self.add_prefix(STARTED_FIELD)] = started_token(time.time() - settings.FORM_MIN_SECONDS)

    def clean(self):
        cleaned = super().clean()
        self._check_rate_limits(cleaned)
        self._check_spam(cleaned)
        return cleaned

    def _check_rate_limits(self, cleaned):
        if self.request is None:
            return
        scope, limit, period = self.rate_limit_scope, settings.FORM_RATE_LIMIT, settings.FORM_RATE_PERIOD
        limited = ratelimit.hit(self.request, scope, limit, period)
        email = cleaned.get(self.rate_limit_email_field) if self.rate_limit_email_field else None
        if email:
            by_email = ratelimit.hit(self.request, f"{scope}:email", limit, period, key=email.lower())
            limited = by_email or limited
        if limited:
            self.rate_limited = True
            logger.warning("Public form %s: rate limit reached", scope)
            raise forms.ValidationError(
                _(
                    "Je hebt dit formulier net heel vaak verstuurd. "
                    "Wacht een paar minuten en probeer het dan opnieuw. Wat je hebt ingevuld, blijft staan."
                ),
                code="rate_limited",
            )

    def _check_spam(self, cleaned):
        reason = None
        if cleaned.get(HONEYPOT_FIELD):
            reason = "honeypot filled in"
        else:
            try:
                started = int(signing.loads(cleaned.get(STARTED_FIELD) or "", salt=_SALT)) / 1000
            except (signing.BadSignature, TypeError, ValueError):
                reason = "missing or forged time token"
            else:
                age = time.time() - started
                if age < settings.FORM_MIN_SECONDS:
                    reason = "sent faster than a person can type"
                elif age > settings.FORM_MAX_AGE_SECONDS:
                    raise forms.ValidationError(
                        _("Het formulier stond lang open. Kijk je gegevens na en verstuur het nog een keer."),
                        code="expired",
                    )
        if reason:
            self.is_spam = True
            logger.warning("Public form %s: treated as spam (%s)", self.rate_limit_scope, reason)
            raise forms.ValidationError(_("Dit formulier kon niet worden verstuurd."), code="spam")
