"""HTTP helpers for the system tests: fresh connections (so both gunicorn workers answer),
no exceptions for error statuses, cookies and CSRF for forms and the admin."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """A visitor with its own cookies; every request opens a new connection."""

    def __init__(self, base_url, forwarded_for=None):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.forwarded_for = forwarded_for
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )

    def request(self, path, data=None, headers=None):
        url = path if path.startswith("http") else self.base_url + path
        headers = dict(headers or {})
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        if body is not None:
            headers.setdefault("Referer", url)
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=120) as response:
                return Answer(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, dict(error.headers), error.read())

    def get(self, path, **kwargs):
        return self.request(path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request(path, data=data, **kwargs)

    def csrf_token(self, html):
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert match, "no CSRF token in the form"
        return match.group(1)

    def submit(self, path, fields):
        """Open the form at `path` and post `fields` with its CSRF token."""
        form = self.get(path)
        assert form.status == 200, (path, form.status)
        return self.post(path, {"csrfmiddlewaretoken": self.csrf_token(form.text), **fields})

    def log_in(self, username, password):
        answer = self.submit("/admin/login/", {"username": username, "password": password, "next": "/admin/"})
        return answer


def hidden_fields(html):
    """The hidden inputs of a form page (CSRF token, the time token of public forms)."""
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def fill(client, path, fields):
    """Open the public form at `path` and post `fields` with its hidden fields, as a browser does."""
    form = client.get(path)
    assert form.status == 200, (path, form.status)
    return client.post(path, {**hidden_fields(form.text), **fields})
