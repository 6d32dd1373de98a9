"""One way to build absolute URLs: from the setting SITE_URL, the address visitors use.

Mail links (workshop "afmelden", sign-up confirmations, workflow mails), flyer QR codes, `.ics`
files and the sitemap all need the site's full address, and none of them has a request to ask
(mail is queued by the worker, a QR code is rendered in a child process). Building them from the
request in one place and from Wagtail's Site or WAGTAILADMIN_BASE_URL in another gave dead links
when the site ran on another port. So:

- `SITE_URL` is the one source (settings; `scripts/run` sets it from HOST and PORT; production
  defaults to WAGTAILADMIN_BASE_URL);
- `absolute_url(path)` and `page_url(page)` build every absolute link; `admin_url(path)` the admin's
  (WAGTAILADMIN_BASE_URL, which defaults to SITE_URL);
- Wagtail's default Site follows SITE_URL (`sync_default_site`, after every `migrate` and in the
  demo), so what Wagtail builds itself (the sitemap, `page.full_url`) agrees.

tests/cms/test_links.py keeps other ways of building absolute URLs out of the code.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url():
    """SITE_URL without a trailing slash, e.g. "https://liefenleed.opzoomermee.nl"."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path):
    """`path` ("/nl/...") on SITE_URL; a URL that is already absolute is returned as it is."""
    if not path:
        return ""
    if path.startswith(("http://", "https://")):
        return path
    return f"{site_url()}/{path.lstrip('/')}"


def page_url(page):
    """The absolute URL of a Wagtail page, in its own language; "" for a page without a route."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    _site_id, _root_url, page_path = parts
    return absolute_url(page_path)


def admin_url(path):
    """A path of the admin on WAGTAILADMIN_BASE_URL (the same address as SITE_URL by default)."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/{path.lstrip('/')}" if path else ""


def sync_default_site(**_kwargs):
    """Give Wagtail's default Site the host name and port of SITE_URL (idempotent)."""
    from wagtail.models import Site

    parts = urlsplit(site_url())
    hostname = parts.hostname or "localhost"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port).update(
        hostname=hostname, port=port
    )
