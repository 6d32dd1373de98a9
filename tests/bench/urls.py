"""The benchmark's URLconf: the site's own URLs plus a minimal view, the yardstick for every page.

The minimal view does no database or template work, but its request passes through exactly the
same middleware as a page (sessions, locale, CSRF, CSP, redirects...), so a page's latency divided
by this one's is the cost of the page itself, and stays comparable between machines.
"""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns

MINIMAL_PATH = "/bench/minimal/"


def minimal(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [path(MINIMAL_PATH.lstrip("/"), minimal, name="bench-minimal"), *site_urlpatterns]
