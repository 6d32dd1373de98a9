"""Security headers on public and admin pages, and the production settings' deploy checks."""

import pytest
import wagtail_factories

from django.core.files.base import ContentFile

from tests.subprocess_settings import production_environment, run_python

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: [values]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_public_pages_forbid_inline_scripts_and_styles(client, home_page):
    response = client.get("/nl/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_public_pages_carry_the_other_security_headers(client, home_page):
    response = client.get("/nl/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    features = {item.strip() for item in response["Permissions-Policy"].split(",")}
    assert {"camera=()", "microphone=()", "geolocation=()"} <= features
    # Only features that browsers know: an unknown one is an error in the console.
    assert not any(feature.startswith("interest-cohort") for feature in features)


def test_error_pages_and_other_views_get_the_public_policy(client, home_page):
    for url in ("/nl/bestaat-niet/", "/healthz", "/nl/zoeken/?q=buren"):
        response = client.get(url)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        assert policy(response)["frame-ancestors"] == ["'none'"], url
    assert client.get("/nl/bestaat-niet/").status_code == 404


def test_the_admin_gets_its_own_policy(admin_client, home_page):
    # A signed-in editor on the public site gets the public policy (with Wagtail's user bar).
    public = policy(admin_client.get("/nl/"))
    assert "'unsafe-inline'" not in public["script-src"]
    for url in ("/admin/", f"/admin/pages/{home_page.pk}/edit/"):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        admin = policy(response)
        assert admin != public
        # Wagtail's admin needs inline scripts; it may be framed by itself (previews), by nobody else.
        assert "'unsafe-inline'" in admin["script-src"]
        assert admin["frame-ancestors"] == ["'self'"]
        assert admin["object-src"] == ["'none'"]
        assert response["X-Content-Type-Options"] == "nosniff"
    login = policy(admin_client.get("/admin/login/"))
    assert login["frame-ancestors"] == ["'self'"]


def test_a_view_that_sets_its_own_policy_keeps_it(client, home_page):
    document = wagtail_factories.DocumentFactory(
        title="Flyer", file=ContentFile(b"%PDF-1.4 test", name="flyer.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    document.file.delete(save=False)


# Production settings -------------------------------------------------------------------------


def test_production_settings_pass_the_deploy_checks():
    completed = run_python(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", environment=production_environment()
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "no issues" in completed.stdout


@pytest.mark.parametrize("secret_key", [None, "", "te-kort"])
def test_production_settings_refuse_to_start_without_a_real_secret_key(secret_key):
    completed = run_python(
        "-c",
        "from django.conf import settings; settings.DEBUG",
        environment=production_environment(SECRET_KEY=secret_key),
    )
    assert completed.returncode != 0
    assert "ImproperlyConfigured" in completed.stderr
    assert "SECRET_KEY" in completed.stderr
