"""Admin sign-in hardening: failed logins throttled per IP and per username, password resets limited.

Counted in the cache (cms.ratelimit), so every web process shares the count. A throttled login is
refused before the password is checked, with a plain message; the username's count is reset by a
successful login, the IP's count is not (one known account must not unlock guessing others).
"""

import logging

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from . import ratelimit

logger = logging.getLogger(__name__)

SCOPE_USER = "login-user"
SCOPE_IP = "login-ip"
SCOPE_RESET_IP = "password-reset-ip"
SCOPE_RESET_EMAIL = "password-reset-email"


class ThrottledLoginForm(LoginForm):
    """WAGTAILADMIN_USER_LOGIN_FORM: Wagtail's login form with a limit on failed attempts."""

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip().lower()
        request, period = self.request, settings.LOGIN_FAILURE_PERIOD
        if request is not None and (
            ratelimit.is_limited(request, SCOPE_IP, settings.LOGIN_FAILURES_PER_IP)
            or (
                username
                and ratelimit.is_limited(request, SCOPE_USER, settings.LOGIN_FAILURES_PER_USER, username)
            )
        ):
            logger.warning("Admin login throttled")
            raise forms.ValidationError(
                _(
                    "Er is te vaak een verkeerd wachtwoord ingevuld. Wacht %(minutes)d minuten en probeer "
                    "het dan opnieuw. Wachtwoord vergeten? Vraag een nieuw wachtwoord aan."
                ),
                code="throttled",
                params={"minutes": max(period // 60, 1)},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError as error:
            if request is not None and getattr(error, "code", None) == "invalid_login":
                ratelimit.hit(request, SCOPE_IP, settings.LOGIN_FAILURES_PER_IP, period)
                if username:
                    ratelimit.hit(request, SCOPE_USER, settings.LOGIN_FAILURES_PER_USER, period, key=username)
            raise
        if request is not None and username:
            ratelimit.reset(request, SCOPE_USER, key=username)
        return cleaned


class ThrottledPasswordResetForm(PasswordResetForm):
    """WAGTAILADMIN_USER_PASSWORD_RESET_FORM: at most a few reset mails per IP and per address.

    Over the limit the page says the same as always (it never tells whether an address exists),
    but no mail is queued: nobody can flood a mailbox or the outbox through this form.
    """

    def save(self, *args, request=None, **kwargs):
        email = (self.cleaned_data.get("email") or "").strip().lower()
        limit, period = settings.PASSWORD_RESETS_PER_HOUR, 60 * 60
        if request is not None and (
            ratelimit.hit(request, SCOPE_RESET_IP, limit * 3, period)
            or ratelimit.hit(request, SCOPE_RESET_EMAIL, limit, period, key=email)
        ):
            logger.warning("Password reset throttled")
            return
        return super().save(*args, request=request, **kwargs)
