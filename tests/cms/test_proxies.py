"""Client addresses behind the documented proxy (TRUSTED_PROXY_COUNT; docs/deployment.md)."""

import pytest

from django.core.checks import run_checks
from django.test import RequestFactory

from cms import ratelimit
from tests.subprocess_settings import production_environment, run_python

PROXY = "10.0.0.2"  # nginx in front of gunicorn: every request arrives from here


def login(client, number, forwarded):
    return client.post(
        "/admin/login/",
        {"username": f"onbekend{number}", "password": "fout"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.django_db
def test_distinct_visitors_behind_one_proxy_have_their_own_login_bucket(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_FAILURES_PER_IP = 3
    for number in range(3):
        login(client, number, "203.0.113.5")
    throttled = login(client, 9, "203.0.113.5").content.decode()
    assert "te vaak een verkeerd wachtwoord" in throttled
    other = login(client, 10, "198.51.100.7").content.decode()
    assert "te vaak een verkeerd wachtwoord" not in other  # an editor elsewhere can still log in


@pytest.mark.django_db
def test_a_spoofed_forwarded_for_gets_nothing(client, settings):
    """nginx appends the address it saw; what the client wrote before it never counts."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_FAILURES_PER_IP = 3
    for number in range(3):
        login(client, number, f"192.0.2.{number}, 203.0.113.5")  # a new made-up address each time
    throttled = login(client, 9, "192.0.2.99, 203.0.113.5").content.decode()
    assert "te vaak een verkeerd wachtwoord" in throttled


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert ratelimit.client_ip(request) == "203.0.113.5"


def test_a_request_that_did_not_pass_the_proxies_counts_as_its_connection(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert ratelimit.client_ip(request) == "203.0.113.5"
    behind_two = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.66, 198.51.100.7, 10.0.0.1"
    )
    assert ratelimit.client_ip(behind_two) == "198.51.100.7"


def test_the_production_settings_warn_when_the_proxy_count_is_missing():
    without = run_python(
        "manage.py", "check", "--deploy", environment=production_environment(TRUSTED_PROXY_COUNT="0")
    )
    assert "cms.W001" in without.stderr + without.stdout
    assert "TRUSTED_PROXY_COUNT" in without.stderr + without.stdout
    with_count = run_python(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", environment=production_environment()
    )
    assert with_count.returncode == 0, with_count.stderr


def test_the_development_settings_do_not_warn(settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    settings.TRUSTED_PROXY_COUNT = 0
    assert not [message for message in run_checks() if message.id == "cms.W001"]
