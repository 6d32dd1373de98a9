"""Shared helpers for the workshop tests."""

import base64

from cms.forms import started_token
from cms.models import OutboundEmail


def form_data(**overrides):
    data = {
        "name": "Fatima de Vries",
        "email": "fatima@example.org",
        "phone": "06 12345678",
        "street": "Korenaarstraat",
        "people": "1",
        "dietary_needs": "",
        "accessibility_needs": "",
        "website_url": "",
        "form_started": started_token(),
    }
    data.update(overrides)
    return data


def mails_to(address, template=None):
    """The queued mails to `address` (whose subject contains `template`, when given), oldest first."""
    rows = OutboundEmail.objects.order_by("pk")
    return [
        row for row in rows if address in row.recipients and (template is None or template in row.subject)
    ]


def attachment(mail, suffix=".ics"):
    for item in mail.attachments:
        if item["filename"].endswith(suffix):
            return base64.b64decode(item["content"])
    return None
