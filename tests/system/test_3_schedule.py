"""Scheduled go-live and expiry, run by the worker, change what every web process serves at once."""

from .flows import Client

SCHEDULE = """
import datetime
from django.utils import timezone
from home.models import HomePage, StandardPage
home = HomePage.objects.get(locale__language_code="nl")
soon = timezone.now() + datetime.timedelta(seconds=3)
coming = StandardPage(title="Binnenkort online", slug="binnenkort", intro="Komt zo.", go_live_at=soon)
home.add_child(instance=coming)
coming.save_revision().publish()   # scheduled: approved to go live at `soon`
leaving = StandardPage(title="Straks offline", slug="straks-weg", intro="Gaat zo.")
home.add_child(instance=leaving)
leaving.save_revision().publish()
leaving.expire_at = soon
leaving.save_revision().publish()
"""


def answers(stack, path, rounds=12):
    """The statuses of `rounds` anonymous requests, each on a new connection (both web processes)."""
    return {Client(stack.url).get(path).status for _ in range(rounds)}


def test_go_live_and_expiry_reach_every_web_process_at_once(stack):
    stack.manage("shell", "-c", SCHEDULE)
    assert answers(stack, "/nl/binnenkort/") == {404}
    assert answers(stack, "/nl/straks-weg/") == {200}  # and now in the page cache of both
    cached = Client(stack.url).get("/nl/straks-weg/")
    assert cached.headers.get("X-Page-Cache") == "hit"
    # The worker runs publish_scheduled every minute.
    stack.wait_for(lambda: answers(stack, "/nl/binnenkort/", 1) == {200}, "the go-live", 100)
    assert answers(stack, "/nl/binnenkort/") == {200}
    assert answers(stack, "/nl/straks-weg/") == {404}  # expired: no process serves its cached copy


def test_an_unpublish_from_a_shell_reaches_every_web_process_at_once(stack):
    stack.manage(
        "shell",
        "-c",
        "from home.models import HomePage, StandardPage\n"
        "home = HomePage.objects.get(locale__language_code='nl')\n"
        "page = StandardPage(title='Even online', slug='even-online', intro='Kort.')\n"
        "home.add_child(instance=page)\npage.save_revision().publish()",
    )
    assert answers(stack, "/nl/even-online/") == {200}
    assert Client(stack.url).get("/nl/even-online/").headers.get("X-Page-Cache") == "hit"
    stack.manage(
        "shell",
        "-c",
        "from home.models import StandardPage\nStandardPage.objects.get(slug='even-online').unpublish()",
    )
    assert answers(stack, "/nl/even-online/") == {404}
