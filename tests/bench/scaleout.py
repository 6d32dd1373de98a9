"""Scale-out run: the site as production runs it, on this machine, and nothing lost on the way.

    .venv/bin/python -m tests.bench.scaleout            # the whole run (a few minutes)
    .venv/bin/python -m tests.bench.scaleout --help

What it does (docs/benchmarks.md, "Scale-out"):

1. A PostgreSQL database of its own (`bench_scaleout`, dropped and made again) and Redis db 5
   (flushed), migrated, with the demo content and `collectstatic` (manifest storage, as in
   production), all with `cms.settings.production` and a throw-away environment.
2. Two gunicorn instances (ports 8101 and 8102, two workers each) and two django-q2 clusters
   (`qcluster`, Redis broker, Redis cache), each in a process group of its own.
3. A load generator in a separate process (threads, urllib, loopback): page views of every page
   of the sitemap and searches, spread over both web instances.
4. The burst: every scenario of SCENARIOS (200 workshop registrations, 100 street sign-ups) on
   the demo content's form pages. Each submission GETs its form (CSRF cookie, the hidden time
   token `form_started`, the formset's management form); after the last GET the generator waits
   FORM_MIN_SECONDS + 1 once (the time trap stays on) and then POSTs all of them at once (16
   threads), as through the TLS proxy (X-Forwarded-Proto, Origin). The per-IP rate limit is off
   (FORM_RATE_LIMIT=0): every post comes from 127.0.0.1. 300 mails are queued straight into the
   outbox at the same moment, and one qcluster is killed with SIGKILL (its whole process group)
   when a third of the posts are answered, and started again two seconds later.
5. Then it waits for the outbox to drain and checks that everything is there exactly once:
   every POST answered with the redirect of a stored submission (the time trap's spam answer
   would count as lost), one record per submission (the workshop's confirmed up to its free
   seats and the rest on the waitlist; the round's free places "submitted", the rest waitlisted
   at once), one outbox row per recipient (a registrant; each gangmaker), sent, and one mail
   file entry per recipient written by the workers' file backend (a mail sent twice would be two).

Prints a table and writes tests/bench/results/scaleout-latest.json. Exits 1 when anything is
lost, doubled or failed, and when any page view or search answered anything but 200.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
RESULTS = BASE_DIR / "tests" / "bench" / "results" / "scaleout-latest.json"
WEB_PORTS = (8101, 8102)


@dataclass
class Scenario:
    """N submissions of one public form at once, and what each must leave behind exactly once.

    `target`: the key of the form page in `find_targets()` (its path and what is expected);
    `fields(n, target)`: the POST data of the n-th submission on top of the form's hidden fields;
    `recipients(n)`: the addresses the n-th submission queues one outbox row each for (and one
    mail file each once the worker has sent it); `stored`: a regex the `Location` of the answer
    to a stored submission matches (the form's spam path answers differently, so a submission
    silently dropped by the time trap counts as lost).
    """

    name: str
    target: str
    count: int
    fields: object
    recipients: object
    stored: str


def _workshop_email(n):
    return f"scaleout-ws-{n}@example.org"


def _gangmakers(n):
    """Two gangmakers, every third sign-up three (the formset's min_num 2, max_num 3)."""
    return 3 if n % 3 == 2 else 2


def _gangmaker_email(n, k):
    return f"scaleout-gm-{n}-{k}@example.org"


def _registration_fields(n, target):
    # pilots/workshops/forms.py RegistrationForm: no prefix; one person each, so the expected
    # split is exact (the first seats_left get a seat, everyone after them the waitlist).
    return {
        "name": f"Deelnemer {n}",
        "email": _workshop_email(n),
        "phone": "06 12345678" if n % 2 else "",
        "street": "Korenaarstraat",
        "people": "1",
        "dietary_needs": "vegetarisch" if n % 4 == 1 else "",
        "accessibility_needs": "",
    }


def _signup_fields(n, target):
    # pilots/signup_forms.py StreetSignupForm and its GangmakerFormSet (prefix "gangmaker").
    districts = target["districts"] or ["Feijenoord"]
    people = _gangmakers(n)
    data = {
        "street": f"Scaleoutstraat {n}",  # street + postcode unique: no sign-up is a duplicate
        "postcode": "3071 AB",
        "district": districts[n % len(districts)],
        "households": str(20 + n),
        "is_opzoomerstraat": "unknown",
        "already_does": "Een straatfeest in de zomer.",
        "hopes": "",
        "heard_from": "neighbour",
        "privacy_consent": "on",
        "gangmaker-TOTAL_FORMS": str(people),
        "gangmaker-INITIAL_FORMS": "0",
        "gangmaker-MIN_NUM_FORMS": "2",
        "gangmaker-MAX_NUM_FORMS": "3",
    }
    for k in range(people):
        data[f"gangmaker-{k}-name"] = f"Gangmaker {n}-{k}"
        data[f"gangmaker-{k}-email"] = _gangmaker_email(n, k)
        data[f"gangmaker-{k}-phone"] = ""
    return data


SCENARIOS = [
    Scenario(
        name="workshop registrations",
        target="workshop",
        count=200,
        fields=_registration_fields,
        # seats.register queues one mail: the confirmation, or "you are on the waitlist".
        recipients=lambda n: [_workshop_email(n)],
        stored=r"/bedankt/\?r=",
    ),
    Scenario(
        name="street sign-ups",
        target="signup",
        count=100,
        fields=_signup_fields,
        # signup_moderation.submit_signup queues one "confirm your address" mail per gangmaker.
        recipients=lambda n: [_gangmaker_email(n, k) for k in range(_gangmakers(n))],
        stored=r"/bedankt/$",
    ),
]
# Always run: 300 mails queued at once straight into the outbox (the same call a form makes).
OUTBOX_BURST = 300
# Wait this long after the last GET before the first POST: the form's time trap
# (FORM_MIN_SECONDS, 2 s in production) treats a faster post as a bot's.
FORM_MIN_SECONDS = 2


@dataclass
class Stats:
    requests: int = 0
    errors: Counter = field(default_factory=Counter)
    statuses: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, status, error=None):
        with self.lock:
            self.requests += 1
            self.statuses[status] += 1
            if error:
                self.errors[error] += 1


def run(command, env, **kwargs):
    return subprocess.run(command, env=env, cwd=BASE_DIR, check=True, **kwargs)


def manage(env, *args, capture=False):
    result = run([PYTHON, "manage.py", *args], env, capture_output=capture, text=True)
    return result.stdout if capture else None


def environment(workdir, database, redis_url):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "Q_", "EMAIL_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        DB_CONN_MAX_AGE="60",
        REDIS_URL=redis_url,
        Q_BROKER="redis",
        Q_WORKERS="2",
        VAR_DIR=str(workdir),
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{WEB_PORTS[0]}",
        # The time trap stays on (the load generator waits FORM_MIN_SECONDS between GET and
        # POST); the per-IP rate limit (5 a minute) is off: every post comes from 127.0.0.1.
        # The limit itself is tested in the ordinary suite (tests/cms, tests/security).
        FORM_MIN_SECONDS=str(FORM_MIN_SECONDS),
        FORM_RATE_LIMIT="0",
        SEARCH_RATE_LIMIT="0",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def prepare(env, database, redis_url):
    print(f"PostgreSQL database {database}, Redis {redis_url}: made fresh...")
    run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database], env)
    run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], env)
    run([PYTHON, "-c", f"import redis; redis.Redis.from_url({redis_url!r}).flushdb()"], env)
    print("migrate, load_demo_content, collectstatic...")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--noinput", "-v", "0")


def start(command, env, log):
    # A process group of its own, so that the kill reaches gunicorn's or qcluster's children too.
    return subprocess.Popen(
        command, env=env, cwd=BASE_DIR, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def start_web(env, port, log):
    return start(
        [
            GUNICORN,
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--no-control-socket",
            "--timeout",
            "60",
        ],
        env,
        log,
    )


def start_worker(env, log):
    return start([PYTHON, "manage.py", "qcluster"], env, log)


def stop(process, sig=signal.SIGTERM):
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_healthy(port, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"web on port {port} did not become healthy")


def fetch(url, stats, data=None, opener=None):
    opener = opener or urllib.request.build_opener()
    try:
        request = urllib.request.Request(url, data=data)  # noqa: S310 (always http://127.0.0.1)
        with opener.open(request, timeout=30) as response:
            body = response.read()
            stats.record(response.status)
            return response.status, body
    except urllib.error.HTTPError as error:
        stats.record(error.code, None if error.code < 500 else f"HTTP {error.code}")
        return error.code, error.read()
    except OSError as error:
        stats.record(0, type(error).__name__)
        return 0, b""


def page_paths(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/sitemap.xml", timeout=30) as response:
        xml = response.read().decode()
    return [urllib.parse.urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", xml)]


def browse(paths, searches, stats, threads=8):
    urls = [f"http://127.0.0.1:{WEB_PORTS[i % 2]}{path}" for i, path in enumerate(paths)]
    urls += [
        f"http://127.0.0.1:{WEB_PORTS[i % 2]}/nl/zoeken/?{urllib.parse.urlencode({'q': query})}"
        for i, query in enumerate(searches)
    ]
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(lambda url: fetch(url, stats), urls))


class _PostForm(HTMLParser):
    """The hidden inputs of the POST form whose action is `path` (CSRF token, time token,
    formset management form)."""

    def __init__(self, path):
        super().__init__()
        self.path, self.inside, self.hidden = path, False, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = (attrs.get("action") or self.path).split("#")[0]
            self.inside = (attrs.get("method") or "").lower() == "post" and action == self.path
        elif tag == "input" and self.inside and attrs.get("type") == "hidden" and attrs.get("name"):
            self.hidden[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 302 itself is the answer we check


# As the TLS-terminating proxy of docs/deployment.md would send them: the production settings
# trust X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER), so CSRF checks the Origin as for HTTPS.
def _proxy_headers(port):
    return {"X-Forwarded-Proto": "https", "Origin": f"https://127.0.0.1:{port}"}


@dataclass
class Submission:
    scenario: Scenario
    n: int
    url: str
    port: int
    target: dict
    data: dict = field(default_factory=dict)
    cookie: str = ""
    status: int = 0
    outcome: str = "not sent"


def get_form(sub, path, stats):
    """GET the form page: its CSRF cookie and the form's hidden fields (the time token)."""
    request = urllib.request.Request(sub.url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (127.0.0.1)
            body = response.read().decode()
            cookies = [c.split(";")[0] for c in response.headers.get_all("Set-Cookie") or []]
            stats.record(response.status)
    except urllib.error.HTTPError as error:
        stats.record(error.code, f"GET HTTP {error.code}")
        sub.outcome = f"GET {error.code}"
        return
    except OSError as error:
        stats.record(0, f"GET {type(error).__name__}")
        sub.outcome = f"GET {type(error).__name__}"
        return
    parser = _PostForm(path)
    parser.feed(body)
    # The CSRF cookie is Secure (production): a client keeps it for https only, so it is sent by hand.
    sub.cookie = "; ".join(c for c in cookies if c.startswith("csrftoken="))
    sub.data = {**parser.hidden, **sub.scenario.fields(sub.n, sub.target)}
    if "form_started" not in parser.hidden or not sub.cookie:
        sub.outcome = "form without time token or CSRF cookie"


def post_form(sub, stats):
    if sub.outcome != "not sent":
        return sub
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(  # noqa: S310 (always http://127.0.0.1)
        sub.url,
        data=urllib.parse.urlencode(sub.data).encode(),
        headers={**_proxy_headers(sub.port), "Cookie": sub.cookie},
    )
    location = ""
    try:
        with opener.open(request, timeout=60) as response:
            sub.status = response.status
            response.read()
    except urllib.error.HTTPError as error:
        sub.status = error.code
        location = error.headers.get("Location", "")
        error.read()
    except OSError as error:
        stats.record(0, f"POST {type(error).__name__}")
        sub.outcome = f"POST {type(error).__name__}"
        return sub
    stored = sub.status == 302 and re.search(sub.scenario.stored, location)
    sub.outcome = "stored" if stored else f"POST {sub.status} {location or '(form again)'}"
    stats.record(sub.status, None if stored else sub.outcome.split(" ?")[0])
    return sub


def django_json(env, code):
    """Run `code` (which prints JSON) in a Django shell with the run's settings."""
    return json.loads(manage(env, "shell", "-c", code, capture=True).strip().splitlines()[-1])


def find_targets(env):
    """The form pages of the demo content and what the burst must leave behind on them.

    workshop: the coming workshop with open registration, no waitlist and the most free seats;
    its registrations are confirmed up to the free seats, the rest goes on the waitlist.
    signup: the sign-up page and its open round; the free places get a sign-up in the running,
    the rest is put on the waiting list at once.
    """
    return django_json(
        env,
        textwrap.dedent(
            """
            import json
            from django.db.models import Q
            from pilots.models import PilotRound, SignupPage, WorkshopPage
            out = {}
            workshops = [
                w for w in WorkshopPage.objects.live().filter(locale__language_code="nl")
                if w.registration_state() == "open" and not w.has_waitlist and w.seats_left > 0
            ]
            if workshops:
                w = max(workshops, key=lambda w: w.seats_left)
                out["workshop"] = {"path": w.url, "id": w.seat_owner_id, "title": w.title,
                                   "capacity": w.capacity, "seats_left": w.seats_left}
            page = SignupPage.objects.live().filter(locale__language_code="nl").first()
            round_ = page.open_round() if page else None
            if round_:
                out["signup"] = {"path": page.url, "id": round_.pk, "round": round_.name,
                                 "capacity": round_.capacity, "taken": round_.places_taken(),
                                 "districts": round_.district_list()}
            print(json.dumps(out))
            """
        ),
    )


def queue_outbox_burst(env, count):
    code = (
        "from django.db import transaction; from cms.mail import queue_mail\n"
        "with transaction.atomic():\n"
        f"    for n in range({count}):\n"
        "        queue_mail([f'burst-{n}@example.org'], f'Burst {n}', 'Tekst',\n"
        "                   idempotency_key=f'burst-{n}')\n"
        "print('{}')"
    )
    manage(env, "shell", "-c", code, capture=True)


def wait_for_outbox(env, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        state = django_json(
            env,
            "import json; from cms.models import OutboundEmail as O\n"
            "print(json.dumps({'pending': O.objects.exclude(status__in=['sent', 'failed']).count()}))",
        )
        if state["pending"] == 0:
            return True
        time.sleep(5)
    return False


def outbox_status(database):
    """The outbox by status, straight from PostgreSQL (fast enough to take at the moment of the kill)."""
    result = subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-At",
            "-F",
            "=",
            database,
            "-c",
            "SELECT status, count(*) FROM cms_outboundemail GROUP BY status ORDER BY status",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return {k: int(v) for k, v in (line.split("=") for line in result.stdout.split())}


def count_records(env, targets):
    """What the burst left in the database: records per scenario and outbox rows per recipient."""
    return django_json(
        env,
        textwrap.dedent(
            f"""
            import json
            from collections import Counter
            from django.db.models import Max, Min
            from cms.models import OutboundEmail
            from pilots.models import Gangmaker, Registration, StreetSignup
            targets = {targets!r}
            out = {{}}
            def before(first, then):
                last = first.aggregate(m=Max("created_at"))["m"]
                earliest = then.aggregate(m=Min("created_at"))["m"]
                return last is None or earliest is None or last < earliest

            if "workshop" in targets:
                rows = Registration.objects.filter(
                    workshop_id=targets["workshop"]["id"], email__startswith="scaleout-ws-")
                out["workshop"] = {{
                    "emails": list(rows.values_list("email", flat=True)),
                    "status": dict(Counter(rows.values_list("status", flat=True))),
                    "people": sum(rows.filter(status="confirmed").values_list("people", flat=True)),
                    # First come, first served under the workshop's lock: every seat went to an
                    # earlier registration than every waitlisted one.
                    "in_order": before(rows.filter(status="confirmed"), rows.filter(status="waitlist")),
                }}
            if "signup" in targets:
                rows = StreetSignup.objects.filter(
                    round_id=targets["signup"]["id"], street__startswith="Scaleoutstraat ")
                out["signup"] = {{
                    "streets": list(rows.values_list("street", flat=True)),
                    "emails": list(Gangmaker.objects.filter(signup__in=rows).values_list("email", flat=True)),
                    "state": dict(Counter(rows.values_list("state", flat=True))),
                    "waitlisted_automatically": rows.filter(waitlisted_automatically=True).count(),
                    "duplicates": rows.filter(duplicate_of__isnull=False).count(),
                    "in_order": before(rows.filter(state="submitted"), rows.filter(state="waitlisted")),
                }}
            outbox = Counter()
            for recipients, status in OutboundEmail.objects.values_list("recipients", "status"):
                for address in recipients:
                    if address.startswith(("scaleout-", "burst-")):
                        outbox[f"{{address}}|{{status}}"] += 1
            out["outbox"] = dict(outbox)
            out["outbox_status"] = dict(Counter(OutboundEmail.objects.values_list("status", flat=True)))
            # Rows tried more than once: a claim a dead worker left behind, released and sent again.
            out["outbox_retried"] = OutboundEmail.objects.filter(attempts__gt=1).count()
            print(json.dumps(out))
            """
        ),
    )


def mail_files(workdir):
    """Recipients of the mails the workers' file backend wrote (a mail sent twice counts twice)."""
    files = Counter()
    for path in (workdir / "mail").glob("*.log"):
        for recipient in re.findall(r"^To: (.+)$", path.read_text(errors="replace"), re.MULTILINE):
            files[recipient.strip()] += 1
    return files


def account(scenarios, targets, counted, files, subs):
    """One row per scenario: expected against found, and whether everything is there once."""
    outbox = Counter()
    sent = Counter()
    for key, number in counted["outbox"].items():
        address, status = key.rsplit("|", 1)
        outbox[address] += number
        if status == "sent":
            sent[address] += number
    rows = []
    for scenario in scenarios:
        target = targets[scenario.target]
        n_range = range(scenario.count)
        recipients = [address for n in n_range for address in scenario.recipients(n)]
        found = counted[scenario.target]
        stored = sum(1 for sub in subs if sub.scenario is scenario and sub.outcome == "stored")
        row = {
            "scenario": scenario.name,
            "page": target["path"],
            "submissions": scenario.count,
            "stored_answers": stored,
            "recipients": len(recipients),
            "outbox_rows": sum(outbox[a] for a in recipients),
            "outbox_sent": sum(sent[a] for a in recipients),
            "mail_files": sum(files[a] for a in recipients),
            "recipients_not_once": sorted(
                a for a in recipients if not (outbox[a] == sent[a] == files[a] == 1)
            )[:10],
        }
        if scenario.target == "workshop":
            emails = found["emails"]
            confirmed = min(scenario.count, target["seats_left"])
            row.update(
                records=len(emails),
                distinct=len(set(emails)),
                expected={"confirmed": confirmed, "waitlist": scenario.count - confirmed},
                found=found["status"],
                in_order=found["in_order"],
            )
            row["ok_records"] = (
                sorted(emails) == sorted(_workshop_email(n) for n in n_range)
                and found["status"] == {k: v for k, v in row["expected"].items() if v}
                and found["in_order"]
            )
        else:
            streets = found["streets"]
            places = max(target["capacity"] - target["taken"], 0)
            in_running = min(scenario.count, places)
            row.update(
                records=len(streets),
                distinct=len(set(streets)),
                gangmakers=len(found["emails"]),
                expected={"submitted": in_running, "waitlisted": scenario.count - in_running},
                found=found["state"],
                in_order=found["in_order"],
            )
            row["ok_records"] = (
                sorted(streets) == sorted(f"Scaleoutstraat {n}" for n in n_range)
                and sorted(found["emails"]) == sorted(recipients)
                and found["state"] == {k: v for k, v in row["expected"].items() if v}
                and found["waitlisted_automatically"] == scenario.count - in_running
                and found["duplicates"] == 0
                and found["in_order"]
            )
        row["ok"] = (
            row["ok_records"]
            and stored == scenario.count
            and row["outbox_rows"] == row["outbox_sent"] == row["mail_files"] == len(recipients)
            and not row["recipients_not_once"]
        )
        rows.append(row)
    burst = [f"burst-{n}@example.org" for n in range(OUTBOX_BURST)]
    not_once = sorted(a for a in burst if not (outbox[a] == sent[a] == files[a] == 1))
    rows.append(
        {
            "scenario": "outbox burst",
            "page": "(queue_mail)",
            "submissions": OUTBOX_BURST,
            "stored_answers": OUTBOX_BURST,
            "records": sum(outbox[a] for a in burst),
            "distinct": sum(1 for a in burst if outbox[a]),
            "recipients": len(burst),
            "outbox_rows": sum(outbox[a] for a in burst),
            "outbox_sent": sum(sent[a] for a in burst),
            "mail_files": sum(files[a] for a in burst),
            "recipients_not_once": not_once[:10],
            "ok": not not_once,
        }
    )
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.scaleout", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--database", default="bench_scaleout")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--views", type=int, default=3, help="times every sitemap page is viewed (default 3)")
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--no-kill", action="store_true", help="do not kill a worker in the middle")
    parser.add_argument("--keep", action="store_true", help="keep the working directory")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="scaleout-"))
    env = environment(workdir, args.database, args.redis)
    prepare(env, args.database, args.redis)
    log = open(workdir / "processes.log", "ab")  # noqa: SIM115 (open for the whole run)
    webs = [start_web(env, port, log) for port in WEB_PORTS]
    workers = [start_worker(env, log), start_worker(env, log)]
    result = {"environment": {"web": len(webs), "gunicorn_workers_each": 2, "qclusters": len(workers)}}
    ok = True
    try:
        for port in WEB_PORTS:
            wait_healthy(port)
        stats = Stats()
        paths = page_paths(WEB_PORTS[0]) * args.views
        searches = (["buren", "sleutel", "ziek", "uitnodigingen", "enquete", "welkom"] * args.searches)[
            : args.searches
        ]
        print(f"Browsing: {len(paths)} page views and {len(searches)} searches on two web instances...")
        started = time.perf_counter()
        browse(paths, searches, stats)
        result["browse"] = {
            "requests": stats.requests,
            "seconds": round(time.perf_counter() - started, 1),
            "errors": dict(stats.errors),
            "statuses": {str(k): v for k, v in stats.statuses.items()},
            # A page view or search that answered anything but 200 fails the run (never a figure).
            "not_200": {str(k): v for k, v in stats.statuses.items() if k != 200},
        }

        targets = find_targets(env)
        runnable = [s for s in SCENARIOS if s.target in targets]
        skipped = [s.name for s in SCENARIOS if s.target not in targets]
        result["targets"] = targets
        burst_stats = Stats()
        subs = []
        for scenario in runnable:
            target = targets[scenario.target]
            for n in range(scenario.count):
                port = WEB_PORTS[(n + len(subs)) % 2]
                url = f"http://127.0.0.1:{port}{target['path']}"
                subs.append(Submission(scenario, n, url, port, target))
        planned = ", ".join(f"{s.count} {s.name} on {targets[s.target]['path']}" for s in runnable)
        print(
            f"Burst: {planned or 'no form'}"
            f" and {OUTBOX_BURST} mails queued at once; skipped: {', '.join(skipped) or 'none'}"
        )
        # 1. Every form is fetched (CSRF cookie, time token), all at once.
        started = time.perf_counter()
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(lambda sub: get_form(sub, sub.target["path"], burst_stats), subs))
        gets_seconds = time.perf_counter() - started
        # 2. One wait for the time trap after the last GET (the tokens count whole seconds).
        time.sleep(FORM_MIN_SECONDS + 1)
        # 3. Every form is posted at once, while one qcluster is killed and started again.
        killed = {}
        posting = threading.Event()
        answered = Counter()

        def killer():
            # Half-way: a third of the posts answered, the outbox busy with their mails and the burst.
            posting.wait()
            deadline = time.time() + 120
            while sum(answered.values()) < len(subs) // 3 and time.time() < deadline:
                time.sleep(0.1)
            stop(workers[0], signal.SIGKILL)
            killed.update(
                at=time.strftime("%H:%M:%S"),
                after_posts=sum(answered.values()),
                outbox_at_kill=outbox_status(args.database),
            )
            time.sleep(2.0)
            workers[0] = start_worker(env, log)
            killed["restarted"] = time.strftime("%H:%M:%S")

        def post(sub):
            post_form(sub, burst_stats)
            answered[sub.outcome] += 1
            return sub

        thread = None if args.no_kill else threading.Thread(target=killer)
        if thread:
            thread.start()
        queue_outbox_burst(env, OUTBOX_BURST)
        started = time.perf_counter()
        posting.set()
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(post, subs))
        posts_seconds = time.perf_counter() - started
        if thread:
            thread.join()
        result["burst"] = {
            "submissions": len(subs),
            "requests": burst_stats.requests,
            "get_seconds": round(gets_seconds, 1),
            "post_seconds": round(posts_seconds, 1),
            "answers": dict(Counter(sub.outcome for sub in subs)),
            "statuses": {str(k): v for k, v in burst_stats.statuses.items()},
            "errors": dict(burst_stats.errors),
            "worker_killed_at": killed.get("at"),
            "worker_killed_after_posts": killed.get("after_posts"),
            "worker_restarted_at": killed.get("restarted"),
            "outbox_at_kill": killed.get("outbox_at_kill"),
            "skipped_scenarios": skipped,
        }
        # The Redis broker loses a job taken by the killed worker; the outbox schedule (every
        # minute) sends what it left, and a row it left in "sending" is released after 10 minutes.
        print("Waiting for the outbox to drain...")
        started = time.perf_counter()
        drained = wait_for_outbox(env, timeout=900)
        result["drain_seconds"] = round(time.perf_counter() - started)
        counted = count_records(env, {s.target: targets[s.target] for s in runnable})
        rows = account(runnable, targets, counted, mail_files(workdir), subs)
        result["accounting"] = rows
        result["outbox"] = counted["outbox_status"]
        result["outbox_retried"] = counted["outbox_retried"]
        result["drained"] = drained
        ok = (
            drained
            and not skipped
            and all(row["ok"] for row in rows)
            and not stats.errors
            and not result["browse"]["not_200"]
            and not burst_stats.errors
            and not result["outbox"].get("failed")
        )
    finally:
        for process in [*webs, *workers]:
            stop(process)
        log.close()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"Working directory kept: {workdir}")

    result["ok"] = ok
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print()
    views = result["browse"]
    print(
        f"browse: {views['requests']} requests in {views['seconds']} s, errors {views['errors'] or 'none'}, "
        f"answers other than 200: {views.get('not_200') or 'none'}"
    )
    burst = result["burst"]
    print(
        f"burst: {burst['submissions']} submissions, {burst['requests']} requests "
        f"(GETs {burst['get_seconds']} s, POSTs {burst['post_seconds']} s), answers {burst['answers']}, "
        f"errors {burst['errors'] or 'none'}; qcluster killed at {burst['worker_killed_at']} after "
        f"{burst['worker_killed_after_posts']} posts (outbox then {burst['outbox_at_kill']}), "
        f"restarted {burst['worker_restarted_at']}; "
        f"outbox drained in {result['drain_seconds']} s"
    )
    header = (
        f"{'scenario':<24} {'sent':>5} {'stored':>6} {'records':>7} {'distinct':>8} "
        f"{'mails to':>8} {'outbox':>6} {'sent':>5} {'files':>5}  ok"
    )
    print(header)
    print("-" * len(header))
    for row in result["accounting"]:
        print(
            f"{row['scenario']:<24} {row['submissions']:>5} {row['stored_answers']:>6} {row['records']:>7} "
            f"{row['distinct']:>8} {row['recipients']:>8} {row['outbox_rows']:>6} {row['outbox_sent']:>5} "
            f"{row['mail_files']:>5}  {'yes' if row['ok'] else 'NO'}"
        )
        if "expected" in row:
            print(
                f"{'':<24} expected {row['expected']}, found {row['found']}, "
                f"first come first served: {row['in_order']}"
            )
        if row["recipients_not_once"]:
            print(f"{'':<24} not exactly once: {row['recipients_not_once']}")
    print(f"outbox: {result['outbox']}, retried {result['outbox_retried']}; results: {RESULTS}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
