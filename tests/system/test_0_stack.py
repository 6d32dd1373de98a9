"""The stack itself: two web processes answer, the worker takes jobs."""

from .flows import Client


def test_every_web_process_serves_the_site_and_the_worker_is_alive(stack):
    visitor = Client(stack.url)
    for _ in range(10):
        health = visitor.get("/healthz")
        assert health.status == 200, health.text
        assert visitor.get("/nl/").status == 200
    assert stack.processes["worker"][0].poll() is None
    assert stack.processes["web"][0].poll() is None
