import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"  # documents and submission photos
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters and query statistics live in the cache: start every test empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
