"""Settings read from the environment, checked in a fresh interpreter (settings load once)."""

import json

from tests.subprocess_settings import settings_in_subprocess as run_settings

SHOW = (
    "from django.conf import settings as s; import json; "
    "print(json.dumps([s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, "
    "s.EMAIL_USE_TLS, s.EMAIL_USE_SSL, s.CONTENT_SECURITY_POLICY['img-src']]))"
)


def settings_in_subprocess(module, **environ):
    return run_settings(module, SHOW, **environ)


def test_email_url_sets_every_smtp_setting():
    result = settings_in_subprocess(
        "cms.settings.base", EMAIL_URL="smtp://liefleed%40example.org:ge%3Aheim@mail.example.org:587?tls=1"
    )
    assert result.returncode == 0, result.stderr
    host, port, user, password, tls, ssl, _ = json.loads(result.stdout.splitlines()[-1])
    assert (host, port, user, password, tls, ssl) == (
        "mail.example.org",
        587,
        "liefleed@example.org",
        "ge:heim",
        True,
        False,
    )


def test_smtps_url_means_implicit_tls_on_465():
    result = settings_in_subprocess("cms.settings.base", EMAIL_URL="smtps://mail.example.org")
    assert result.returncode == 0, result.stderr
    _, port, _, _, tls, ssl, _ = json.loads(result.stdout.splitlines()[-1])
    assert (port, tls, ssl) == (465, False, True)


def test_a_bucket_origin_is_allowed_for_images():
    result = settings_in_subprocess(
        "cms.settings.base",
        AWS_STORAGE_BUCKET_NAME="liefleed-media",
        AWS_S3_ENDPOINT_URL="https://s3.nl-ams.example.com",
    )
    assert result.returncode == 0, result.stderr
    img_src = json.loads(result.stdout.splitlines()[-1])[-1]
    assert "https://liefleed-media.s3.nl-ams.example.com" in img_src
    assert "'unsafe-inline'" not in img_src


def test_production_refuses_to_start_without_allowed_hosts():
    result = settings_in_subprocess("cms.settings.production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr
