"""Hardening: admin login throttling, password reset limits, password rules, upload limits, headers."""

import json

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core import mail as django_mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import override_settings

from tests.subprocess_settings import production_environment, run_python

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "een-lang-en-sterk-wachtwoord-42"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("redacteur", "redacteur@example.org", PASSWORD)


def log_in(client, username, password, ip="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


@override_settings(LOGIN_FAILURES_PER_USER=3, LOGIN_FAILURES_PER_IP=100)
def test_failed_logins_for_one_username_are_throttled(client, editor):
    for attempt in range(3):
        response = log_in(client, "redacteur", f"fout-{attempt}", ip=f"203.0.113.{attempt}")
        assert response.status_code == 200
        assert "te vaak" not in response.content.decode()
    # From yet another address, and now with the right password: still refused, with a clear message.
    response = log_in(client, "Redacteur", PASSWORD, ip="198.51.100.1")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Er is te vaak een verkeerd wachtwoord ingevuld" in page
    assert "_auth_user_id" not in client.session
    # Another account is not affected.
    get_user_model().objects.create_user("collega", "c@example.org", PASSWORD)
    assert log_in(client, "collega", PASSWORD).status_code == 302


@override_settings(LOGIN_FAILURES_PER_USER=100, LOGIN_FAILURES_PER_IP=4)
def test_failed_logins_from_one_address_are_throttled(client, editor):
    for number in range(4):
        log_in(client, f"gok{number}", "fout", ip="203.0.113.9")
    throttled = log_in(client, "redacteur", PASSWORD, ip="203.0.113.9")
    assert "te vaak" in throttled.content.decode()
    assert "_auth_user_id" not in client.session
    # Someone else, elsewhere, logs in as usual.
    assert log_in(client, "redacteur", PASSWORD, ip="198.51.100.2").status_code == 302


@override_settings(LOGIN_FAILURES_PER_USER=3, LOGIN_FAILURES_PER_IP=100)
def test_a_successful_login_resets_the_usernames_count(client, editor):
    log_in(client, "redacteur", "fout")
    log_in(client, "redacteur", "fout")
    assert log_in(client, "redacteur", PASSWORD).status_code == 302
    client.logout()
    log_in(client, "redacteur", "fout")
    log_in(client, "redacteur", "fout")
    assert log_in(client, "redacteur", PASSWORD).status_code == 302


@override_settings(PASSWORD_RESETS_PER_HOUR=2)
def test_password_reset_mails_are_limited_per_address(client, editor):
    for _ in range(4):
        response = client.post("/admin/password_reset/", {"email": "redacteur@example.org"})
        # The page never tells whether an address exists, or whether it was throttled.
        assert response.status_code == 302
    assert len(django_mail.outbox) == 2


@pytest.mark.parametrize(
    "password",
    ["kort-12", "12345678901234", "redacteur@example.org"],
)
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)


def test_a_long_uncommon_password_is_accepted(editor):
    validate_password("Koffie op de stoep om vier uur", user=editor)


def test_an_oversized_post_is_refused_without_a_server_error(client, home_page, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(LOGIN, {"username": "x" * 5000, "password": "x"})
    assert response.status_code == 400


def test_the_admin_policy_allows_no_foreign_images_or_frames(admin_client, home_page):
    response = admin_client.get("/admin/")
    policy = {part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split(";")}
    assert "https:" not in policy["img-src"]
    assert "https:" not in policy["frame-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    # No avatars from gravatar.com (it would learn a hash of every editor's address).
    assert "gravatar.com" not in response.content.decode()


SHOW_PRODUCTION = """
from django.conf import settings as s
import json
print(json.dumps({name: getattr(s, name) for name in [
    "DEBUG", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "X_FRAME_OPTIONS",
    "SECURE_REFERRER_POLICY", "SECURE_CONTENT_TYPE_NOSNIFF", "EMAIL_BACKEND", "OUTBOX_DELIVERY_BACKEND",
    "DATA_UPLOAD_MAX_MEMORY_SIZE", "FILE_UPLOAD_MAX_MEMORY_SIZE", "WAGTAILIMAGES_MAX_UPLOAD_SIZE",
    "WAGTAILIMAGES_MAX_IMAGE_PIXELS", "WAGTAILDOCS_MAX_UPLOAD_SIZE", "WAGTAILADMIN_USER_LOGIN_FORM",
]} | {"validators": [v["NAME"].rsplit(".", 1)[1] for v in s.AUTH_PASSWORD_VALIDATORS],
      "min_length": s.AUTH_PASSWORD_VALIDATORS[1]["OPTIONS"]["min_length"]}))
"""


def test_production_settings_are_hardened():
    completed = run_python(
        "-c", f"import django; django.setup()\n{SHOW_PRODUCTION}", environment=production_environment()
    )
    assert completed.returncode == 0, completed.stderr
    values = json.loads(completed.stdout.splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SECURE_HSTS_SECONDS"] >= 31536000 and values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert values["SECURE_SSL_REDIRECT"]
    assert (
        values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"] and values["SESSION_COOKIE_HTTPONLY"]
    )
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"]
    assert values["EMAIL_BACKEND"] == "cms.mail.OutboxBackend"
    assert values["OUTBOX_DELIVERY_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["WAGTAILADMIN_USER_LOGIN_FORM"] == "cms.auth.ThrottledLoginForm"
    for name in (
        "DATA_UPLOAD_MAX_MEMORY_SIZE",
        "FILE_UPLOAD_MAX_MEMORY_SIZE",
        "WAGTAILIMAGES_MAX_UPLOAD_SIZE",
        "WAGTAILIMAGES_MAX_IMAGE_PIXELS",
        "WAGTAILDOCS_MAX_UPLOAD_SIZE",
    ):
        assert 0 < values[name] <= 40_000_000, name
    assert values["validators"] == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
    assert values["min_length"] >= 12
