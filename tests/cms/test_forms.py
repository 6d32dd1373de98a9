"""The protection every public form shares (cms.forms.PublicForm)."""

import time

import pytest

from django import forms
from django.core.cache import cache
from django.test import RequestFactory

from cms.forms import HONEYPOT_FIELD, STARTED_FIELD, AccessibleFormMixin, PublicForm, started_token


class NameForm(PublicForm):
    rate_limit_scope = "test-form"
    name = forms.CharField(max_length=20)


@pytest.fixture
def request_from():
    cache.clear()
    yield lambda ip="10.1.1.1": RequestFactory().post("/", REMOTE_ADDR=ip)
    cache.clear()


def data(**extra):
    return {"name": "Fatima", STARTED_FIELD: started_token(time.time() - 10), **extra}


def test_a_person_gets_through(request_from, settings):
    settings.FORM_MIN_SECONDS = 3
    form = NameForm(data(), request=request_from())
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Fatima"


def test_unbound_form_carries_a_fresh_signed_timestamp():
    form = NameForm()
    assert form.initial[STARTED_FIELD]
    assert 'name="form_started"' in str(form[STARTED_FIELD])


def test_too_fast_is_spam_and_nothing_is_cleaned(request_from, settings):
    settings.FORM_MIN_SECONDS = 2
    form = NameForm(data(**{STARTED_FIELD: started_token()}), request=request_from())
    assert not form.is_valid()
    assert form.is_spam


def test_a_slow_person_still_passes(request_from, settings):
    settings.FORM_MIN_SECONDS = 2
    form = NameForm(data(**{STARTED_FIELD: started_token(time.time() - 3)}), request=request_from())
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("kind", ["missing", "garbage", "forged"])
def test_missing_or_forged_time_token_is_spam(request_from, kind):
    token = {"missing": "", "garbage": "garbage", "forged": started_token(time.time() - 10)[:-2] + "xx"}[kind]
    form = NameForm(data(**{STARTED_FIELD: token}), request=request_from())
    assert not form.is_valid()
    assert form.is_spam


def test_expired_form_is_a_friendly_error_that_keeps_the_data(request_from, settings):
    settings.FORM_MAX_AGE_SECONDS = 60
    form = NameForm(data(**{STARTED_FIELD: started_token(time.time() - 120)}), request=request_from())
    assert not form.is_valid()
    assert not form.is_spam
    assert "stond lang open" in str(form.non_field_errors())
    assert form["name"].value() == "Fatima"
    # The re-rendered form carries a fresh token: the next click goes through.
    again = NameForm(dict(form.data.items()), request=request_from())
    assert again.is_valid(), again.errors


def test_honeypot_filled_in_is_spam(request_from):
    form = NameForm(data(**{HONEYPOT_FIELD: "http://spam.example"}), request=request_from())
    assert not form.is_valid()
    assert form.is_spam


def test_field_errors_keep_the_data_and_renew_the_time_token(request_from, settings):
    settings.FORM_MIN_SECONDS = 2
    started = started_token(time.time() - 3)
    form = NameForm(data(name="x" * 30, **{STARTED_FIELD: started}), request=request_from())
    assert not form.is_valid()
    assert "name" in form.errors
    again = NameForm(dict(form.data.items(), name="Fatima"), request=request_from())
    assert again.is_valid(), again.errors


def test_rate_limit_per_client(request_from, settings):
    settings.FORM_RATE_LIMIT = 2
    for _ in range(2):
        assert NameForm(data(), request=request_from()).is_valid()
    form = NameForm(data(), request=request_from())
    assert not form.is_valid()
    assert form.rate_limited
    assert "Wacht een paar minuten" in str(form.non_field_errors())
    # Another visitor is not affected.
    assert NameForm(data(), request=request_from("10.2.2.2")).is_valid()


def test_rate_limit_per_email_across_addresses(request_from, settings):
    class EmailForm(PublicForm):
        rate_limit_scope = "test-email-form"
        rate_limit_email_field = "email"
        email = forms.EmailField()

    settings.FORM_RATE_LIMIT = 2
    for n in range(2):
        assert EmailForm(data(email="a@example.nl"), request=request_from(f"10.9.9.{n}")).is_valid()
    form = EmailForm(data(email="A@example.nl"), request=request_from("10.9.9.9"))
    assert not form.is_valid()
    assert form.rate_limited


def test_rate_limit_behind_a_trusted_proxy_uses_the_forwarded_address(settings):
    from cms.ratelimit import client_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8")
    assert client_ip(request) == "5.6.7.8"
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"


class DescribedForm(AccessibleFormMixin, PublicForm):
    name = forms.CharField(max_length=20, help_text="Je voornaam is genoeg.")
    story = forms.CharField(widget=forms.Textarea, max_length=2000)


def test_fields_point_at_their_help_and_error(request_from):
    form = DescribedForm()
    html = str(form["name"])
    assert 'aria-describedby="id_name_helptext"' in html
    assert 'maxlength="20"' in html
    form = DescribedForm(data(name=""), request=request_from())
    assert not form.is_valid()
    html = str(form["name"])
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'aria-invalid="true"' in html
    assert "aria-describedby" not in str(form["website_url"])  # the honeypot stays silent


def test_plain_text_rules_refuse_control_characters_and_line_breaks(request_from):
    form = DescribedForm(data(name="Fa\x00tima", story="regel een\nregel twee"), request=request_from())
    assert not form.is_valid()
    assert "onzichtbare of vreemde tekens" in str(form.errors["name"])
    assert "story" not in form.errors  # a text area may have new lines
    form = DescribedForm(data(name="Fa\ntima", story="\u202eomgekeerd"), request=request_from())
    assert not form.is_valid()
    assert "geen nieuwe regel" in str(form.errors["name"])
    assert "onzichtbare of vreemde tekens" in str(form.errors["story"])


def test_a_field_replaced_after_init_is_the_one_that_validates(request_from):
    class ChoiceForm(AccessibleFormMixin, PublicForm):
        district = forms.CharField(max_length=80)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["district"] = forms.ChoiceField(choices=[("Zuidwijk", "Zuidwijk")])

    assert not ChoiceForm(data(district="Hillegersberg"), request=request_from()).is_valid()
    assert ChoiceForm(data(district="Zuidwijk"), request=request_from()).is_valid()


def test_the_time_trap_counts_fractions_of_a_second(request_from, settings):
    """The token keeps milliseconds: 1.9 s after the page loaded is still too fast for 2 s."""
    settings.FORM_MIN_SECONDS = 2
    form = NameForm(data(**{STARTED_FIELD: started_token(time.time() - 1.9)}), request=request_from())
    assert not form.is_valid()
    assert form.is_spam
