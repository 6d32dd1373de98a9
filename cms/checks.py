"""System checks of the site's own settings (run by `manage.py check`, `migrate` and `runserver`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security)
def proxy_count_check(app_configs=None, **kwargs):
    """Behind a proxy, rate limits and the login throttle need the client's address from
    X-Forwarded-For; with TRUSTED_PROXY_COUNT=0 every visitor counts as the proxy."""
    behind_proxy = bool(getattr(settings, "SECURE_PROXY_SSL_HEADER", None))
    if behind_proxy and not getattr(settings, "TRUSTED_PROXY_COUNT", 0):
        return [
            Warning(
                "The site trusts a proxy for the scheme (SECURE_PROXY_SSL_HEADER), but "
                "TRUSTED_PROXY_COUNT is 0: every visitor counts as the proxy's address, so one "
                "visitor's failed logins or form posts throttle everyone.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies that add themselves to "
                "X-Forwarded-For (1 for the nginx example in docs/deployment.md).",
                id="cms.W001",
            )
        ]
    return []
