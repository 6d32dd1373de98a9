"""Protection every public form shares: a honeypot, a time trap and a per-client rate limit.

    class RegistrationForm(PublicForm, forms.ModelForm):
        rate_limit_scope = "workshop-registration"

    form = RegistrationForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid(): ...
    status = 429 if form.rate_limited else 200

Templates render the two extra fields with `{% include "components/form_protection.html" %}`.
Every refusal is a form error, so the visitor keeps what they typed; nothing is silently dropped.
"""

import logging
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from . import ratelimit

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website_url"
STARTED_FIELD = "form_started"
_SALT = "cms.forms.started"


def started_token(at=None):
    """A signed timestamp of when the form was shown (tests pass `at` to simulate an older form)."""
    return signing.dumps(int(at if at is not None else time.time()), salt=_SALT)


class PublicForm(forms.Form):
    """Mix in before forms.Form / forms.ModelForm: `class F(PublicForm, forms.ModelForm)`."""

    rate_limit_scope = "form"

    website_url = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        self.rate_limited = False
        super().__init__(*args, **kwargs)
        # A fresh timestamp on every render: a visitor who is sent back keeps the original one.
        if not self.is_bound:
            self.initial[STARTED_FIELD] = started_token()

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.errors:
            # Re-rendered with errors: the next post is judged from now, not from the first render.
            self.data = self.data.copy()
            self.data[self.add_prefix(STARTED_FIELD)] = started_token(time.time() - settings.FORM_MIN_SECONDS)
            self.data[self.add_prefix(HONEYPOT_FIELD)] = ""

    def clean(self):
        cleaned = super().clean()
        scope = self.rate_limit_scope
        if self.request is not None and ratelimit.hit(
            self.request, scope, settings.FORM_RATE_LIMIT, period=settings.FORM_RATE_PERIOD
        ):
            self.rate_limited = True
            logger.warning("Public form %s: rate limit reached", scope)
            raise forms.ValidationError(
                _(
                    "Je hebt dit formulier net heel vaak verstuurd. "
                    "Wacht tien minuten en probeer het dan opnieuw."
                ),
                code="rate_limited",
            )
        if cleaned.get(HONEYPOT_FIELD):
            logger.warning("Public form %s: honeypot filled in", scope)
            raise forms.ValidationError(
                _(
                    "Je formulier kon niet worden verstuurd. "
                    "Laat het verborgen veld leeg en probeer het opnieuw."
                ),
                code="honeypot",
            )
        self._check_time(cleaned.get(STARTED_FIELD) or "")
        return cleaned

    def _check_time(self, token):
        try:
            started = int(signing.loads(token, salt=_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            logger.warning("Public form %s: missing or forged time token", self.rate_limit_scope)
            raise forms.ValidationError(
                _("Er ging iets mis met het formulier. Kijk je gegevens na en verstuur het nog een keer."),
                code="no_token",
            ) from None
        age = time.time() - started
        if age > settings.FORM_MAX_AGE_SECONDS:
            raise forms.ValidationError(
                _("Het formulier stond lang open. Kijk je gegevens na en verstuur het nog een keer."),
                code="expired",
            )
        if age < settings.FORM_MIN_SECONDS:
            logger.info("Public form %s: sent faster than a person can type", self.rate_limit_scope)
            raise forms.ValidationError(
                _("Dat ging erg snel. Kijk je gegevens na en klik nog een keer op versturen."),
                code="too_fast",
            )
