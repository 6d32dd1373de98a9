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
4. The burst: every scenario of SCENARIOS at once (threads), while one qcluster is killed with
   SIGKILL (the whole process group) half-way and started again.
5. Then it waits for the outbox to drain and checks that every record and every mail is there
   exactly once: rows in the database, outbox rows per recipient, and mail files written by the
   workers' file backend (a mail sent twice would be two files).

Prints a table and writes tests/bench/results/scaleout-latest.json. Exits 1 when anything is
lost, doubled or failed.
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
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
RESULTS = BASE_DIR / "tests" / "bench" / "results" / "scaleout-latest.json"
WEB_PORTS = (8101, 8102)


@dataclass
class Scenario:
    """N submissions of one public form at once, and how to count what they left behind.

    `path`: the page with the form (GET gives the CSRF cookie and the form's hidden fields);
    `fields(n)`: the POST data of the n-th submission (its email must be unique per n);
    `model`: "app.Model" of the record; `email_field`: its email field (to count records per
    person); `mails_per_submission`: outbox rows each submission must queue. A scenario whose
    model is not in this build is reported as skipped.
    """

    name: str
    path: str
    count: int
    fields: object
    model: str
    email_field: str = "email"
    mails_per_submission: int = 1
    email_pattern: str = "scaleout-{name}-{n}@example.org"


def _email(scenario, n):
    return scenario.email_pattern.format(name=re.sub(r"\W", "", scenario.name), n=n)


# The lead fills in the form fields once the workshops (#6) and sign-up (#7) forms are merged;
# until then these models are not in the build and the scenarios are skipped with a note.
SCENARIOS = [
    Scenario(
        name="workshop registrations",
        path="/nl/workshops/{first_workshop}/",
        count=200,
        model="pilots.WorkshopRegistration",
        fields=lambda s, n: {"name": f"Deelnemer {n}", "email": _email(s, n), "street": "Korenaarstraat"},
    ),
    Scenario(
        name="street sign-ups",
        path="/nl/meedoen/",
        count=100,
        model="pilots.StreetSignup",
        fields=lambda s, n: {
            "street": f"Proefstraat {n}",
            "postcode": "3011 AA",
            "name": f"Gangmaker {n}",
            "email": _email(s, n),
            "second_name": f"Tweede gangmaker {n}",
            "second_email": f"tweede-{n}@example.org",
        },
    ),
]
# Always run: 300 mails queued at once straight into the outbox (the same call a form makes),
# so the kill -9 in the middle of sending is tested in every build.
OUTBOX_BURST = 300


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
        FORM_MIN_SECONDS="0",  # the load generator fills a form in at once
        FORM_RATE_LIMIT="0",  # and all from 127.0.0.1
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


def submit(scenario, n, path, stats):
    """GET the form page (CSRF cookie, hidden fields), then POST one submission to it."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    url = f"http://127.0.0.1:{WEB_PORTS[n % 2]}{path}"
    status, body = fetch(url, stats, opener=opener)
    hidden = dict(re.findall(rb'<input type="hidden" name="([^"]+)" value="([^"]*)"', body))
    data = {key.decode(): value.decode() for key, value in hidden.items()}
    data.update(scenario.fields(scenario, n))
    return fetch(url, stats, data=urllib.parse.urlencode(data).encode(), opener=opener)[0]


def django_json(env, code):
    """Run `code` (which prints JSON) in a Django shell with the run's settings."""
    return json.loads(manage(env, "shell", "-c", code, capture=True).strip().splitlines()[-1])


def resolve_scenarios(env, wanted):
    present = django_json(
        env,
        "import json; from django.apps import apps; from wagtail.models import Page\n"
        f"models = {[s.model for s in wanted]!r}\n"
        "ok = {}\n"
        "for m in models:\n"
        "    try: apps.get_model(m); ok[m] = True\n"
        "    except LookupError: ok[m] = False\n"
        "w = Page.objects.live().filter(content_type__model='workshoppage',\n"
        "    locale__language_code='nl').first()\n"
        "print(json.dumps({'models': ok, 'first_workshop': w.slug if w else None}))",
    )
    runnable, skipped = [], []
    for scenario in wanted:
        path = scenario.path.format(first_workshop=present["first_workshop"] or "-")
        if present["models"].get(scenario.model) and "-" not in path.split("/"):
            runnable.append((scenario, path))
        else:
            skipped.append(scenario.name)
    return runnable, skipped


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
        time.sleep(3)
    return False


def account(env, runnable, workdir):
    """Records and outbox rows per scenario, and mail files per recipient."""
    checks = [
        {
            "name": s.name,
            "model": s.model,
            "field": s.email_field,
            "pattern": _email(s, 0).replace("-0@", "-%@"),
        }
        for s, _ in runnable
    ]
    counted = django_json(
        env,
        "import json; from django.apps import apps; from cms.models import OutboundEmail as O\n"
        f"checks = {checks!r}\n"
        "out = {}\n"
        "for c in checks:\n"
        "    prefix = c['pattern'].split('%')[0]\n"
        "    rows = apps.get_model(c['model']).objects.filter(**{c['field'] + '__startswith': prefix})\n"
        "    emails = list(rows.values_list(c['field'], flat=True))\n"
        "    out[c['name']] = {'records': len(emails), 'distinct': len(set(emails)),\n"
        "        'outbox': sum(1 for r in O.objects.values_list('recipients', flat=True)\n"
        "                      if any(str(x).startswith(prefix) for x in r))}\n"
        "burst = O.objects.filter(idempotency_key__startswith='burst-')\n"
        "out['outbox burst'] = {'records': burst.count(),\n"
        "    'distinct': burst.values('idempotency_key').distinct().count(),\n"
        "    'outbox': burst.count(), 'sent': burst.filter(status='sent').count()}\n"
        "out['_outbox'] = {s: O.objects.filter(status=s).count()\n"
        "                  for s in ['pending', 'sending', 'sent', 'failed']}\n"
        "print(json.dumps(out))",
    )
    files = Counter()
    for path in (workdir / "mail").glob("*.log"):
        for recipient in re.findall(r"^To: (.+)$", path.read_text(errors="replace"), re.MULTILINE):
            files[recipient.strip()] += 1
    return counted, files


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
        }

        runnable, skipped = resolve_scenarios(env, SCENARIOS)
        burst_stats = Stats()
        planned = ", ".join(f"{s.count} {s.name}" for s, _ in runnable) or "no form scenario in this build"
        print(
            f"Burst: {planned} and {OUTBOX_BURST} mails queued at once; "
            f"skipped: {', '.join(skipped) or 'none'}"
        )
        queue_outbox_burst(env, OUTBOX_BURST)
        jobs = [(s, n, path) for s, path in runnable for n in range(s.count)]
        killed = {}

        def killer():
            time.sleep(1.0)
            victim = workers[0]
            stop(victim, signal.SIGKILL)
            killed["at"] = time.strftime("%H:%M:%S")
            time.sleep(2.0)
            workers[0] = start_worker(env, log)

        thread = None if args.no_kill else threading.Thread(target=killer)
        if thread:
            thread.start()
        with ThreadPoolExecutor(16) as pool:
            submitted = Counter(pool.map(lambda job: submit(*job, burst_stats), jobs))
        if thread:
            thread.join()
        result["burst"] = {
            "submissions": len(jobs),
            "requests": burst_stats.requests,
            "answers": {str(k): v for k, v in submitted.items()},
            "errors": dict(burst_stats.errors),
            "worker_killed_at": killed.get("at"),
            "skipped_scenarios": skipped,
        }
        # The Redis broker loses a job taken by the killed worker; the outbox schedule (every
        # minute) sends what it left, and a row it left in "sending" is released after 10 minutes.
        drained = wait_for_outbox(env, timeout=900)
        counted, files = account(env, runnable, workdir)
        rows = []
        for scenario, _ in runnable:
            c = counted[scenario.name]
            expected = scenario.count
            mails = sum(files[_email(scenario, n)] for n in range(scenario.count))
            rows.append(
                {
                    "scenario": scenario.name,
                    "expected": expected,
                    "records": c["records"],
                    "distinct": c["distinct"],
                    "outbox_rows": c["outbox"],
                    "mail_files": mails,
                    "ok": c["records"] == c["distinct"] == expected
                    and c["outbox"] == expected * scenario.mails_per_submission,
                }
            )
        burst = counted["outbox burst"]
        burst_files = sum(files[f"burst-{n}@example.org"] for n in range(OUTBOX_BURST))
        once = all(files[f"burst-{n}@example.org"] == 1 for n in range(OUTBOX_BURST))
        rows.append(
            {
                "scenario": "outbox burst",
                "expected": OUTBOX_BURST,
                "records": burst["records"],
                "distinct": burst["distinct"],
                "outbox_rows": burst["sent"],
                "mail_files": burst_files,
                "ok": burst["records"] == burst["distinct"] == burst["sent"] == OUTBOX_BURST and once,
            }
        )
        result["accounting"] = rows
        result["outbox"] = counted["_outbox"]
        result["drained"] = drained
        ok = drained and all(row["ok"] for row in rows) and not stats.errors and not burst_stats.errors
    finally:
        for process in [*webs, *workers]:
            stop(process)
        log.close()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"Working directory kept: {workdir}")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print()
    views = result["browse"]
    print(f"browse: {views['requests']} requests in {views['seconds']} s, errors {views['errors'] or 'none'}")
    print(
        f"burst: {result['burst']['submissions']} submissions, errors {result['burst']['errors'] or 'none'}, "
        f"worker killed at {result['burst']['worker_killed_at']}"
    )
    header = f"{'scenario':<24} {'expected':>8} {'records':>8} {'distinct':>8} {'outbox':>7} {'mails':>6}  ok"
    print(header)
    print("-" * len(header))
    for row in result["accounting"]:
        print(
            f"{row['scenario']:<24} {row['expected']:>8} {row['records']:>8} {row['distinct']:>8} "
            f"{row['outbox_rows']:>7} {row['mail_files']:>6}  {'yes' if row['ok'] else 'NO'}"
        )
    print(f"outbox: {result['outbox']}; results: {RESULTS}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
