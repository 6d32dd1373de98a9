"""/healthz: JSON about the database, the task queue and the outbox; 503 when something is stuck."""

from datetime import timedelta
from unittest import mock

import pytest
from django_q.models import OrmQ

from django.test import override_settings
from django.utils import timezone

from cms.mail import queue_mail
from cms.models import OutboundEmail

pytestmark = pytest.mark.django_db


def get_health(client):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    return response, response.json()


def test_healthy(client):
    response, data = get_health(client)
    assert response.status_code == 200
    assert data["status"] == "ok"
    assert set(data) == {"status", "database", "queue", "outbox"}
    assert data["database"] == {"ok": True}
    assert data["queue"] == {"ok": True, "broker": "orm", "backlog": 0}
    assert data["outbox"] == {
        "ok": True,
        "pending": 0,
        "retrying": 0,
        "failed": 0,
        "oldest_pending_seconds": 0,
        "overdue_seconds": 0,
    }
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "must-revalidate", "private", "max-age=0"} <= cache_control


def test_head_works_for_load_balancers(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_a_fresh_backlog_is_still_healthy(client):
    queue_mail("buur@example.org", "Net in de outbox", "Tekst")
    OrmQ.objects.create(key="liefleed", payload="x", lock=timezone.now() - timedelta(seconds=5))
    response, data = get_health(client)
    assert response.status_code == 200
    assert data["outbox"]["pending"] == 1
    assert data["queue"]["backlog"] == 1


@override_settings(OUTBOX_STALE_AFTER_SECONDS=900)
def test_a_mail_due_for_long_makes_it_unhealthy(client):
    old = queue_mail("buur@example.org", "Blijft liggen", "Tekst")
    long_ago = timezone.now() - timedelta(seconds=901)
    OutboundEmail.objects.filter(pk=old.pk).update(created_at=long_ago, next_attempt_at=long_ago)
    response, data = get_health(client)
    assert response.status_code == 503
    assert data["status"] == "unhealthy"
    assert data["outbox"]["ok"] is False
    assert data["outbox"]["pending"] == 1
    assert data["outbox"]["oldest_pending_seconds"] >= 901
    assert data["outbox"]["overdue_seconds"] >= 901
    assert data["database"]["ok"] and data["queue"]["ok"]


@override_settings(OUTBOX_STALE_AFTER_SECONDS=900)
def test_a_mail_waiting_for_its_next_attempt_keeps_it_healthy(client):
    """An old mail that keeps failing (a refused address) is retrying, not a stopped worker."""
    mail = queue_mail("bestaat-niet@example.org", "Blijft mislukken", "Tekst")
    OutboundEmail.objects.filter(pk=mail.pk).update(
        created_at=timezone.now() - timedelta(days=1),
        attempts=5,
        next_attempt_at=timezone.now() + timedelta(hours=1),
    )
    response, data = get_health(client)
    assert response.status_code == 200
    assert data["outbox"]["retrying"] == 1
    assert data["outbox"]["overdue_seconds"] == 0
    assert "no-store" in response["Cache-Control"]


def test_old_sent_and_failed_mails_do_not_count(client):
    sent = queue_mail("a@example.org", "Verzonden", "Tekst")
    failed = queue_mail("b@example.org", "Mislukt", "Tekst")
    long_ago = timezone.now() - timedelta(days=3)
    OutboundEmail.objects.filter(pk=sent.pk).update(status=OutboundEmail.Status.SENT, created_at=long_ago)
    OutboundEmail.objects.filter(pk=failed.pk).update(status=OutboundEmail.Status.FAILED, created_at=long_ago)
    response, data = get_health(client)
    assert response.status_code == 200
    assert data["outbox"]["failed"] == 1


@override_settings(QUEUE_STALE_AFTER_SECONDS=600)
def test_an_old_waiting_job_makes_it_unhealthy(client):
    OrmQ.objects.create(key="liefleed", payload="x", lock=timezone.now() - timedelta(seconds=601))
    response, data = get_health(client)
    assert response.status_code == 503
    assert data["queue"] == {"ok": False, "broker": "orm", "backlog": 1}
    assert data["outbox"]["ok"] is True


@override_settings(QUEUE_STALE_AFTER_SECONDS=600)
def test_a_job_that_a_worker_holds_is_not_waiting(client):
    # A worker that takes a job moves its lock into the future (django-q2's ORM broker).
    OrmQ.objects.create(key="liefleed", payload="x", lock=timezone.now() + timedelta(seconds=300))
    response, data = get_health(client)
    assert response.status_code == 200
    assert data["queue"]["backlog"] == 0


def test_a_broken_database_is_reported_not_raised(client):
    with mock.patch("cms.health._check_database", side_effect=RuntimeError("down")):
        response = client.get("/healthz")
    data = response.json()
    assert response.status_code == 503
    assert data["database"] == {"ok": False, "error": "RuntimeError"}


def test_the_redis_broker_is_pinged(client, settings):
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "redis": "redis://127.0.0.1:1/0"}
    with mock.patch("redis.Redis.from_url") as from_url:
        from_url.return_value.ping.return_value = True
        response, data = get_health(client)
    assert response.status_code == 200
    assert data["queue"] == {"ok": True, "broker": "redis"}
    from_url.assert_called_once_with("redis://127.0.0.1:1/0", socket_timeout=2)

    with mock.patch("redis.Redis.from_url") as from_url:
        from_url.return_value.ping.side_effect = ConnectionError("refused")
        response, data = get_health(client)
    assert response.status_code == 503
    assert data["queue"] == {"ok": False, "error": "ConnectionError"}
