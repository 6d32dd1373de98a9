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
                started = int(signing.loads(cleaned.get(STARTED_FIELD) or "", salt=_SALT))
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
