"""Many people registering at the same moment, against a real threaded HTTP server.

Run by test_workshop_race.py in a subprocess, on a copy of the migrated test database (a SQLite
file, or a PostgreSQL database made from the test database as a template), because the threads of
the server each need their own connection to committed data:

    python -m tests.pilots.workshop_race CAPACITY TAKEN CLIENTS   (with DATABASE_URL set)

Every client first loads the page (for its CSRF cookie and form token), then all post together.
Prints one line of JSON: HTTP results, errors, and the registrations as the database has them.
"""

import http.cookiejar
import json
import re
import sys
import threading
import urllib.parse
import urllib.request


def build_site(capacity, taken):
    from wagtail.models import Locale, Page, Site

    from home.factories import HomePageFactory
    from pilots.workshops.factories import RegistrationFactory, WorkshopIndexPageFactory, WorkshopPageFactory

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="race-start", locale=Locale.get_default())
    Site.objects.all().delete()
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=home, is_default_site=True)
    index = WorkshopIndexPageFactory(parent=home)
    workshop = WorkshopPageFactory(parent=index, slug="drukte", capacity=capacity)
    for number in range(taken):
        RegistrationFactory(workshop=workshop, email=f"al-binnen{number}@example.org")
    return workshop


def serve():
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    class Server(ThreadedWSGIServer):
        request_queue_size = 128

    server = Server(("127.0.0.1", 0), QuietHandler, allow_reuse_address=True)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def client(url, number, barrier, results, errors):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    try:
        html = opener.open(url, timeout=60).read().decode()
        fields = dict(re.findall(r'name="(csrfmiddlewaretoken|form_started)" value="([^"]*)"', html))
        data = {
            **fields,
            "name": f"Buur {number}",
            "email": f"buur{number}@example.org",
            "people": "1",
            "website_url": "",
        }
        request = urllib.request.Request(  # noqa: S310 (our own http:// server)
            url, data=urllib.parse.urlencode(data).encode(), headers={"Referer": url}
        )
        barrier.wait(timeout=120)
        with opener.open(request, timeout=120) as response:
            results.append({"status": response.status, "url": response.url})
    except Exception as error:  # an HTTP 500 or a refused connection: the test reports it
        errors.append(f"{number}: {error!r}")


def main(capacity, taken, clients):
    import django

    django.setup()
    from django.db import connections

    from pilots.models import Registration

    workshop = build_site(capacity, taken)
    server = serve()
    url = f"http://127.0.0.1:{server.server_port}{workshop.url}"
    connections.close_all()

    barrier = threading.Barrier(clients)
    results, errors = [], []
    threads = [
        threading.Thread(target=client, args=(url, number, barrier, results, errors))
        for number in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    server.shutdown()

    registrations = Registration.objects.filter(workshop=workshop, email__startswith="buur")
    report = {
        "results": results,
        "errors": errors,
        "confirmed": registrations.filter(status="confirmed").count(),
        "waitlist": registrations.filter(status="waitlist").count(),
        "total": registrations.count(),
        "seats_taken": Registration.objects.filter(workshop=workshop, status="confirmed").count(),
        "waitlist_order_unique": len(
            set(registrations.filter(status="waitlist").values_list("waitlisted_at"))
        )
        == registrations.filter(status="waitlist").count(),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:4]))
