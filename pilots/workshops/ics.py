"""Calendar files (iCalendar, RFC 5545) for workshops: one event each, in Europe/Amsterdam time."""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import icalendar

from django.conf import settings
from django.http import HttpResponse
from django.utils.html import strip_tags

from cms.links import page_url

PRODID = "-//Opzoomer Mee//Lief & Leed workshops//NL"
TIME_ZONE = ZoneInfo("Europe/Amsterdam")


def event_uid(workshop):
    # The same uid for every language and every version: a calendar replaces the old event.
    return f"workshop-{workshop.seat_owner_id}@liefenleed.opzoomermee.nl"


def location(workshop):
    return f"{workshop.venue}, {workshop.address}"


def build_calendar(workshops, *, method=None):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    now = datetime.datetime.now(datetime.UTC)
    for workshop in workshops:
        event = icalendar.Event()
        event.add("uid", event_uid(workshop))
        event.add("dtstamp", now)
        event.add("dtstart", workshop.starts_at.astimezone(TIME_ZONE))
        event.add("dtend", workshop.ends_at.astimezone(TIME_ZONE))
        event.add("summary", workshop.title)
        event.add("location", location(workshop))
        description = workshop.intro or strip_tags(workshop.description or "")
        if description:
            event.add("description", description[:1000])
        event.add("url", page_url(workshop))
        event.add("status", "CANCELLED" if workshop.is_cancelled else "CONFIRMED")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def ics_bytes(workshops, **kwargs):
    return build_calendar(workshops, **kwargs).to_ical()


def calendar_response(workshops, request, *, filename):
    response = HttpResponse(ics_bytes(list(workshops)), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response


def google_calendar_url(workshop):
    """A link that opens Google Calendar with the event filled in (no account data involved)."""

    def utc(moment):
        return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")

    query = urlencode(
        {
            "action": "TEMPLATE",
            "text": workshop.title,
            "dates": f"{utc(workshop.starts_at)}/{utc(workshop.ends_at)}",
            "location": location(workshop),
            "details": page_url(workshop),
            "ctz": settings.TIME_ZONE,
        }
    )
    return f"https://calendar.google.com/calendar/render?{query}"
