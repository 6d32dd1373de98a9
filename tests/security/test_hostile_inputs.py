"""Hostile input against every public form, query parameter and file path of the site.

Two tables drive the tests: ENDPOINTS (every place a visitor can type something) and PATHS (every
way to ask for a file). Each endpoint gets every payload of PAYLOADS. The assertions: no server
error, nothing reflected without escaping, no header injected, no file of the server read.

New public forms (workshop registration, street sign-up, story submission, flyer form) are added
as rows of ENDPOINTS: a `Endpoint(name, method, path, field, fields=...)`, where `fields` (a dict, or
a function of the test's objects returning one) fills in the other fields with valid values, so
that the hostile value reaches the code that handles it; public forms need
`"form_started": started_token()`. Give `path` as a function of the test's objects when it needs
one (a workshop's slug, say) and add the fixture that makes that object to `public_site`.
"""

from dataclasses import dataclass, field
from urllib.parse import quote

import pytest

from django.conf import settings

from cms.forms import started_token
from cms.mail import queue_mail, send_pending_mail

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "script": '<script>alert("xss")</script>',
    "attribute": '"><img src=x onerror=alert(1)>',
    "javascript-url": "javascript:alert(1)//",
    "sql": "' OR 1=1; DROP TABLE wagtailcore_page; --",
    "sql-union": "1 UNION SELECT password FROM auth_user--",
    "nul": "buren\x00koffie",
    "control": "\x1b[31m\x07\x08\x7f",
    "bidi": "\u202egnp.exe\u202c\u2066",
    "crlf": "buren\r\nSet-Cookie: owned=1",
    "template": "{{ settings.SECRET_KEY }}{% debug %}",
    "format": "%s%s%s%n{0.__class__}",
    "traversal": "../../../../etc/passwd",
    "unicode": "é" * 300 + "👍🏽" + "\ufeff",
    "huge": "buren " * 20_000,
    "number-overflow": "9" * 400,
    "negative": "-1",
}


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str  # "GET" or "POST"
    path: object  # "/nl/..." or a function of the objects of `public_site`
    field: str  # where the payload goes
    fields: object = field(default_factory=dict)  # the other fields: a dict, or a function of the objects

    def request(self, client, objects, payload):
        path = self.path(objects) if callable(self.path) else self.path
        data = self.fields(objects) if callable(self.fields) else dict(self.fields)
        data[self.field] = payload
        if self.method == "GET":
            return client.get(path, data)
        return client.post(path, data)


ENDPOINTS = [
    Endpoint("search", "GET", "/nl/zoeken/", "q"),
    Endpoint("search-english", "GET", "/en/search/", "q"),
    Endpoint("search-type", "GET", "/nl/zoeken/", "type", {"q": "buren"}),
    Endpoint("search-page", "GET", "/nl/zoeken/", "page", {"q": "buren"}),
    Endpoint("toolkit-occasion", "GET", "/nl/toolkit/", "occasion"),
    Endpoint("toolkit-kind", "GET", "/nl/toolkit/", "kind"),
    Endpoint("toolkit-language", "GET", "/nl/toolkit/", "language"),
    Endpoint("toolkit-page", "GET", "/nl/toolkit/", "page", {"occasion": "verhuizing"}),
    Endpoint("admin-login-username", "POST", "/admin/login/", "username", {"password": "fout-wachtwoord"}),
    Endpoint("admin-login-password", "POST", "/admin/login/", "password", {"username": "redacteur"}),
    Endpoint("admin-login-next", "GET", "/admin/login/", "next"),
    Endpoint("password-reset", "POST", "/admin/password_reset/", "email"),
    # Public forms add their rows here, e.g.:
    # Endpoint("workshop-registration", "POST", lambda o: o["workshop"].url, "name",
    #          lambda o: {"email": "a@example.org", "form_started": started_token()}),
]

# Markers of files that must never be served: this project's code and the system's.
SECRET_MARKERS = ["def databases_from_environment", "root:x:0:0", "DJANGO_SETTINGS_MODULE", "[core]"]

PATHS = [
    "/static/../cms/settings/base.py",
    "/static/..%2f..%2fcms%2fsettings%2fbase.py",
    "/static/%2e%2e/%2e%2e/manage.py",
    "/static/css/..%5c..%5c..%5cmanage.py",
    "/static/css/site.css%00.py",
    "/media/../cms/settings/base.py",
    "/media/%2e%2e/%2e%2e/manage.py",
    "/media/..%2f..%2f..%2fetc%2fpasswd",
    "/documents/999999/welkomstbrief.pdf",
    "/documents/{document}/..%2f..%2f..%2fmanage.py",
    "/documents/{document}/../../../etc/passwd",
    "/documents/{document}/welkomstbrief.pdf%00.html",
    "/documents/{document}/%3Cscript%3Ealert(1)%3C%2Fscript%3E.pdf",
    "/documents/-1/x.pdf",
    "/documents/" + "9" * 400 + "/x.pdf",
    "/nl/toolkit/alles/..%2f..%2fetc/",
    "/nl/toolkit/alles/%3Cscript%3E/",
    "/nl/toolkit/alles/" + "a" * 3000 + "/",
    "/nl/toolkit/alles/verhuizing%00/",
    "/nl/%00/",
    "/nl/zoeken/%0d%0aSet-Cookie:%20owned=1",
    "/nl/" + quote("\u202egnp.exe") + "/",
    "/.git/config",
    "/.env",
    "/admin/../cms/settings/base.py",
    "/healthz/../../manage.py",
]


def assert_safe(response, payload=""):
    assert response.status_code < 500, response.status_code
    for name, value in response.items():
        assert "owned" not in value.lower(), f"header {name} carries injected text"
    if "owned" in payload:
        assert "owned" not in str(response.cookies)
    if not response.streaming and "html" in response.get("Content-Type", ""):
        body = response.content.decode(errors="replace")
        if any(char in payload for char in "<>\"'") and len(payload) < 1000:
            assert payload not in body, "the payload came back unescaped"
        assert "<img src=x onerror" not in body  # escaped text is harmless, a live tag is not
        assert "<script>alert" not in body
        assert settings.SECRET_KEY not in body


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda endpoint: endpoint.name)
@pytest.mark.parametrize("payload_name", list(PAYLOADS))
def test_hostile_input_is_handled(client, public_site, endpoint, payload_name):
    payload = PAYLOADS[payload_name]
    response = endpoint.request(client, public_site, payload)
    assert_safe(response, payload)


@pytest.mark.parametrize("path", PATHS)
def test_no_file_outside_the_public_folders_is_served(client, public_site, path):
    path = path.format(document=public_site["document"].pk)
    response = client.get(path)
    assert_safe(response)
    if response.status_code == 200:
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode(errors="replace")
        for marker in SECRET_MARKERS:
            assert marker not in text, f"{path} served {marker!r}"


def test_the_real_document_is_served_as_an_attachment(client, public_site):
    document = public_site["document"]
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_login_next_parameter_never_leaves_the_site(client, public_site):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("redacteur", "r@example.org", "een-lang-wachtwoord-42")
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"):
        response = client.post(
            f"/admin/login/?next={quote(target)}",
            {"username": "redacteur", "password": "een-lang-wachtwoord-42"},
        )
        assert response.status_code == 302
        assert "evil.example" not in response["Location"]
        assert not response["Location"].startswith("javascript:")
        client.logout()


# Mail: user text can never add headers or recipients -----------------------------------------

MAIL_HEADER_PAYLOADS = [
    "a@example.org\r\nBcc: evil@example.org",
    "a@example.org\nCc: evil@example.org",
    "a@example.org,evil@example.org\r\n",
    "a@example.org\x00evil@example.org",
    "=?utf-8?q?a=0D=0ABcc:evil@example.org?= <a@example.org>\r\n",
]


@pytest.mark.parametrize("address", MAIL_HEADER_PAYLOADS)
def test_an_address_with_a_line_break_is_refused(address):
    with pytest.raises(ValueError):
        queue_mail(address, "Onderwerp", "Tekst")
    with pytest.raises(ValueError):
        queue_mail("ok@example.org", "Onderwerp", "Tekst", reply_to=address)


@pytest.mark.parametrize(
    "subject", [PAYLOADS["crlf"], "Hallo\r\nBcc: evil@example.org", "Hallo\nTo: evil@example.org"]
)
def test_user_text_in_a_subject_adds_no_header(subject):
    from django.core import mail as django_mail

    queue_mail("ok@example.org", subject, "Tekst met\r\nBcc: evil@example.org in de body")
    send_pending_mail()
    [message] = django_mail.outbox
    assert message.recipients() == ["ok@example.org"]
    parsed = message.message()
    assert parsed["Bcc"] is None and parsed["Cc"] is None and parsed["Set-Cookie"] is None
    assert parsed["To"] == "ok@example.org"


def test_public_form_rows_can_use_the_time_token():
    """The table's contract for public forms: a valid time token lets the payload reach the form."""
    assert started_token()
