"""Mail goes through the outbox and the worker to a real SMTP server, once, with working links."""

import re
from email import message_from_string, policy

from .flows import Client, fill
from .site import workshop_page

ADDRESS = "fatima.system@example.org"


def registration_mails(stack, address):
    return [raw for recipients, raw in stack.mails() if address in recipients]


def test_a_workshop_registration_mail_arrives_once_and_its_links_work(stack):
    visitor = Client(stack.url, forwarded_for="198.51.100.10")
    path = workshop_page(stack)
    answer = fill(
        visitor,
        path,
        {"name": "Fatima de Vries", "email": ADDRESS, "phone": "", "street": "Korenaarstraat", "people": "1"},
    )
    assert answer.status == 302, answer.text[:2000]
    [raw] = stack.wait_for(lambda: registration_mails(stack, ADDRESS), "the confirmation mail", 90)
    message = message_from_string(raw, policy=policy.default)
    text = message.get_body(preferencelist=("plain",)).get_content()
    links = [url for url in re.findall(r"https?://[^\s<>\"']+", text) if "calendar.google.com" not in url]
    assert links, text
    for url in links:
        assert url.startswith(stack.url + "/"), url  # SITE_URL: the address this site runs on
        assert Client(stack.url, forwarded_for="198.51.100.11").get(url.split("#")[0]).status == 200, url
    # The outbox keeps trying what failed; what was delivered is never sent again (test_6_once).
