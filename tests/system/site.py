"""Where things are on the demo site, found the way a visitor finds them: by following links."""

import datetime
import re

from .flows import Client

_found = {}


def letter_form(stack):
    """The path of a flyer form that makes letters per address (a per-address template)."""
    key = (stack.name, "letters")
    if key not in _found:
        visitor = Client(stack.url, forwarded_for="192.0.2.200")
        index = visitor.get("/nl/toolkit/").text
        for item in dict.fromkeys(re.findall(r'href="(/nl/toolkit/[\w-]+/)"', index)):
            page = visitor.get(item).text
            for form in dict.fromkeys(re.findall(r'href="(/nl/toolkit/[\w-]+/maak/\d+/)"', page)):
                if 'name="number_from"' in visitor.get(form).text:
                    _found[key] = form
                    break
            if key in _found:
                break
        assert key in _found, "no letter template in the demo toolkit"
    return _found[key]


def letter_fields(**changes):
    saturday = datetime.date.today() + datetime.timedelta(days=14)
    fields = {
        "street": "Korenaarstraat",
        "date": saturday.isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
        "place": "bij nummer 14",
        "gangmakers": "Noreen en Kees",
        "contact": "06 12345678",
        "language": "nl",
        "second_language": "",
        "numbers": "all",
        "number_from": "1",
        "number_to": "4",
        "action": "pdf",
        "website_url": "",
    }
    fields.update(changes)
    return fields


def workshop_page(stack):
    """The path of a workshop that takes registrations."""
    key = (stack.name, "workshop")
    if key not in _found:
        visitor = Client(stack.url, forwarded_for="192.0.2.201")
        index = visitor.get("/nl/workshops/").text
        for path in dict.fromkeys(re.findall(r'href="(/nl/workshops/[\w-]+/)"', index)):
            if 'name="email"' in visitor.get(path).text:
                _found[key] = path
                break
        assert key in _found, "no workshop with a registration form in the demo"
    return _found[key]
