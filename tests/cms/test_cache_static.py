"""Static files as production serves them: hashed names, compressed, cached for ever by whitenoise."""

import re

import pytest

from django.core.management import call_command
from django.template import engines
from django.test import Client


@pytest.fixture
def production_static(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    # Only the site's own files: the admin's would make this test slow and prove nothing more.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_collectstatic_writes_hashed_and_compressed_files(production_static):
    names = {path.name for path in (production_static / "css").iterdir()}
    hashed = [name for name in names if re.fullmatch(r"site\.[0-9a-f]{12}\.css", name)]
    assert hashed, names
    assert f"{hashed[0]}.gz" in names
    assert f"{hashed[0]}.br" in names
    assert (production_static / "staticfiles.json").exists()


def test_templates_name_the_hashed_file(production_static):
    html = engines["django"].from_string("{% load static %}{% static 'css/site.css' %}").render({})
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", html)


def test_whitenoise_serves_hashed_files_for_ever_and_compressed(production_static):
    url = engines["django"].from_string("{% load static %}{% static 'js/site.js' %}").render({})
    client = Client()  # a new handler: whitenoise reads STATIC_ROOT when it starts
    response = client.get(url, headers={"accept-encoding": "br, gzip"})
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "max-age=315360000" in cache_control and "immutable" in cache_control and "public" in cache_control
    assert response["Content-Encoding"] == "br"
    assert "Accept-Encoding" in response["Vary"]
    gzip = client.get(url, headers={"accept-encoding": "gzip"})
    assert gzip["Content-Encoding"] == "gzip"
    # The unhashed name is served too, but only for a short while (it changes with each deploy).
    plain = client.get("/static/js/site.js")
    assert plain.status_code == 200
    assert "immutable" not in plain["Cache-Control"]
