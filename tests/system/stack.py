"""The real stack as separate processes: gunicorn with two workers, `manage.py qcluster` and a
local SMTP server (aiosmtpd), each on a free port, with their logs collected under one folder.

One `Stack` is one set-up: the embedded default (SQLite and local files under its own VAR_DIR)
or PostgreSQL + Redis (its own database and Redis DB 2).
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def reachable(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@dataclass
class Stack:
    name: str
    var_dir: Path
    database_url: str = ""
    redis_url: str = ""
    web_port: int = field(default_factory=free_port)
    smtp_port: int = field(default_factory=free_port)
    processes: dict = field(default_factory=dict)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def mail_dir(self):
        return self.var_dir / "smtp"

    @property
    def log_dir(self):
        return self.var_dir / "logs"

    def environment(self):
        env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST_"))}
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
        env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.dev",
            DEBUG="0",
            VAR_DIR=str(self.var_dir),
            SITE_URL=self.url,
            WAGTAILADMIN_BASE_URL=self.url,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            OUTBOX_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.smtp_port),
            FORM_MIN_SECONDS="0",
            Q_TIMEOUT="50",
            Q_RETRY="60",
            # As behind the documented proxy: each test's visitor has an address of its own
            # (flows.Client(forwarded_for=...)), so one test's rate limits do not meet another's.
            TRUSTED_PROXY_COUNT="1",
            # A small page cache, so that filling it really evicts (the counters must survive that).
            CACHE_SIZE_MB="2",
            PYTHONUNBUFFERED="1",
        )
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        if self.redis_url:
            env["REDIS_URL"] = self.redis_url
        return env

    def manage(self, *args, check=True, timeout=600):
        """Run a management command in its own process (as an operator would)."""
        return subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.environment(),
            capture_output=True,
            text=True,
            check=check,
            timeout=timeout,
        )

    def _spawn(self, name, argv):
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 (closed in stop)
        process = subprocess.Popen(  # noqa: S603
            argv,
            cwd=BASE_DIR,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = (process, log)
        return process

    def start_smtp(self):
        self.mail_dir.mkdir(parents=True, exist_ok=True)
        self._spawn(
            "smtp",
            [PYTHON, str(Path(__file__).with_name("smtp_sink.py")), str(self.smtp_port), str(self.mail_dir)],
        )
        self._wait(lambda: reachable("127.0.0.1", self.smtp_port), "smtp")

    def start_web(self):
        self._spawn(
            "web",
            [PYTHON, "-m", "gunicorn", "cms.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{self.web_port}"]
            + ["--no-control-socket", "--timeout", "120"],
        )
        self._wait(self._web_ready, "web")

    def start_worker(self):
        self._spawn("worker", [PYTHON, "manage.py", "qcluster"])
        time.sleep(0.5)
        if self.processes["worker"][0].poll() is not None:
            raise RuntimeError(f"the worker stopped at start:\n{self.log('worker')}")

    def start(self):
        self.start_smtp()
        self.start_worker()
        self.start_web()

    def _web_ready(self):
        try:
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:  # noqa: S310
                return response.status in (200, 503)
        except urllib.error.HTTPError as error:
            return error.code in (200, 503)
        except OSError:
            return False

    def _wait(self, ready, name, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            process = self.processes[name][0]
            if process.poll() is not None:
                raise RuntimeError(f"{name} stopped at start:\n{self.log(name)}")
            if ready():
                return
            time.sleep(0.2)
        raise RuntimeError(f"{name} not ready after {seconds} s:\n{self.log(name)}")

    def kill(self, name, sig=signal.SIGKILL):
        """Kill a process and its children (the cluster's workers) with `sig`."""
        process, log = self.processes.pop(name)
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()

    def stop(self):
        for name in list(self.processes):
            self.kill(name, signal.SIGTERM)

    def log(self, name):
        path = self.log_dir / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def mails(self):
        """Every message the SMTP server received, as (envelope recipients, raw message text)."""
        found = []
        for path in sorted(self.mail_dir.glob("*.eml")):
            head, _, body = path.read_text(errors="replace").partition("\n")
            found.append((head.removeprefix("RCPT: ").split(","), body))
        return found

    def wait_for(self, condition, what, seconds=90, interval=0.5):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = condition()
            if value:
                return value
            time.sleep(interval)
        raise AssertionError(
            f"{what}: not within {seconds} s\nworker log:\n{self.log('worker')}\nweb log:\n{self.log('web')}"
        )
