"""The embedded default's caches, shared by separate processes (cms/cache.py, ADR 0005).

Each test starts real Python processes with the development settings (no Redis), all pointed at one
CACHE_DIR, the way the web processes and the worker share it: counts add up across processes,
a purge in one process reaches the others, and filling the page cache never evicts a counter.
"""

import json
import subprocess
import sys

import pytest

from tests.subprocess_settings import ROOT, clean_environment, settings_in_subprocess

SETTINGS = "cms.settings.dev"


def environment(cache_dir, **extra):
    return clean_environment(DJANGO_SETTINGS_MODULE=SETTINGS, CACHE_DIR=str(cache_dir), **extra)


def run(cache_dir, code, **extra):
    result = settings_in_subprocess(SETTINGS, code, CACHE_DIR=str(cache_dir), **extra)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def start(cache_dir, code, **extra):
    return subprocess.Popen(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT,
        env=environment(cache_dir, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_the_embedded_default_uses_the_shared_disk_cache(tmp_path):
    out = run(
        tmp_path,
        "from django.core.cache import caches\n"
        "print(type(caches['default']).__name__, type(caches['counters']).__name__)",
    )
    assert out == "SharedDiskCache SharedDiskCache"


HITS = """
from django.test import RequestFactory
from cms import ratelimit
request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7")
over = sum(ratelimit.hit(request, "shared", 10_000, 600) for _ in range(150))
print(over)
"""


def test_rate_limit_counts_add_up_across_processes(tmp_path):
    """Three processes count at the same time: no count is lost, none counted twice."""
    processes = [start(tmp_path, HITS) for _ in range(3)]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    total = run(
        tmp_path,
        "from cms.cache import counters\nfrom cms import ratelimit\n"
        "from django.test import RequestFactory\n"
        "request = RequestFactory().get('/', REMOTE_ADDR='203.0.113.7')\n"
        "print(counters.get(ratelimit._key('shared', request)))",
    )
    assert total == "450"
    # A fourth process sees the limit reached at once.
    limited = run(
        tmp_path,
        "from django.test import RequestFactory\nfrom cms import ratelimit\n"
        "print(ratelimit.is_limited(RequestFactory().get('/', REMOTE_ADDR='203.0.113.7'), 'shared', 450))",
    )
    assert limited == "True"


def test_a_purge_in_one_process_reaches_every_other(tmp_path):
    """A publish in the worker or a shell moves the page-cache generation for the web processes."""
    before = run(tmp_path, "from cms import pagecache\nprint(pagecache.current_generation())")
    again = run(tmp_path, "from cms import pagecache\nprint(pagecache.current_generation())")
    assert before == again  # one generation for all
    run(tmp_path, "from cms import pagecache\npagecache.purge_all()")
    after = run(tmp_path, "from cms import pagecache\nprint(pagecache.current_generation())")
    assert after != before


FILL = """
from django.core.cache import caches
page = b"x" * 4096
for number in range({count}):
    caches["default"].set(f"page:{{number}}", page, 600)
import json
left = sum(1 for n in range({count}) if caches["default"].get(f"page:{{n}}") is not None)
print(json.dumps({{"pages_left": left}}))
"""


def test_filling_the_page_cache_never_evicts_the_login_throttle(tmp_path):
    """1,500 stored pages of 4 kB in a 1 MB page cache: pages are evicted, counters are not."""
    run(
        tmp_path,
        "from django.test import RequestFactory\nfrom cms import ratelimit\n"
        "request = RequestFactory().post('/admin/login/', REMOTE_ADDR='198.51.100.9')\n"
        "for _ in range(5): ratelimit.hit(request, 'login-ip', 5, 900)",
        CACHE_SIZE_MB="1",
    )
    filled = json.loads(run(tmp_path, FILL.format(count=1500), CACHE_SIZE_MB="1"))
    assert filled["pages_left"] < 1500  # the page cache did evict
    limited = run(
        tmp_path,
        "from django.test import RequestFactory\nfrom cms import ratelimit\n"
        "request = RequestFactory().post('/admin/login/', REMOTE_ADDR='198.51.100.9')\n"
        "print(ratelimit.is_limited(request, 'login-ip', 5))",
        CACHE_SIZE_MB="1",
    )
    assert limited == "True"


@pytest.mark.parametrize("alias", ["default", "counters"])
def test_the_caches_stay_open_between_requests(tmp_path, alias):
    """Django closes caches after every request; reopening SQLite would cost ~10x a hit (ADR 0005)."""
    out = run(
        tmp_path,
        "from django.core.cache import caches\nfrom django.core.signals import request_finished\n"
        f"cache = caches['{alias}']\ncache.set('k', 1)\n"
        "shard = cache._cache._shards[0]\nbefore = shard._con\n"
        "request_finished.send(sender=None)\n"
        "print(shard._con is before, cache.get('k'))",
    )
    assert out == "True 1"
