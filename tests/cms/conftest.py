import socket
import threading

import pytest
from aiosmtpd.controller import Controller

from django.test import override_settings


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on (right now)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RecordingHandler:
    """An aiosmtpd handler that keeps every message it accepts and can refuse recipients."""

    def __init__(self):
        self.messages = []
        self.refused = set()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(envelope)
        return "250 Message accepted for delivery"

    def subjects(self):
        from email import message_from_bytes

        return [message_from_bytes(envelope.content)["Subject"] for envelope in self.messages]


class LocalSMTPServer:
    """A real SMTP server on 127.0.0.1 that a test can start and stop."""

    def __init__(self):
        self.port = free_port()
        self.handler = RecordingHandler()
        self.controller = None

    @property
    def messages(self):
        return self.handler.messages

    def start(self):
        # server_hostname avoids a slow reverse DNS lookup on machines without a network.
        self.controller = Controller(
            self.handler, hostname="127.0.0.1", port=self.port, server_hostname="localhost"
        )
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def settings(self):
        return override_settings(
            OUTBOX_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=self.port,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_TIMEOUT=5,
        )


@pytest.fixture
def smtp_server():
    """A stopped local SMTP server with the mail settings pointed at it; call .start() to run it."""
    server = LocalSMTPServer()
    with server.settings():
        try:
            yield server
        finally:
            server.stop()
