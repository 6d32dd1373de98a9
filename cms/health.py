"""/healthz: is this instance able to do its work? JSON for monitoring, 503 when it is not."""

from datetime import timedelta

from django.conf import settings
from django.db import connections, router
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .models import OutboundEmail


def _check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"ok": True}


def _check_queue(now):
    from django_q.models import OrmQ

    if "redis" in settings.Q_CLUSTER:
        import redis

        redis.Redis.from_url(settings.Q_CLUSTER["redis"], socket_timeout=2).ping()
        return {"ok": True, "broker": "redis"}
    queued = OrmQ.objects.using(router.db_for_read(OrmQ))
    # A waiting job has `lock` at or before now (when it was queued); a taken one has it in the
    # future. A job that has waited long means that no worker is taking jobs.
    waiting = queued.filter(lock__lte=now)
    oldest = waiting.order_by("lock").values_list("lock", flat=True).first()
    stale = oldest is not None and oldest < now - timedelta(seconds=settings.QUEUE_STALE_AFTER_SECONDS)
    return {"ok": not stale, "broker": "orm", "backlog": waiting.count()}


def _check_outbox(now):
    """Unhealthy when a mail has been due for long: the worker is not sending.

    A mail that waits for its next attempt (an SMTP outage, a refused address) is not due, so one
    bad address does not take the instance out of a load balancer; it shows as `retrying`.
    """
    pending = OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING)
    overdue_since = (
        pending.filter(next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    overdue = int((now - overdue_since).total_seconds()) if overdue_since else 0
    oldest = pending.order_by("created_at").values_list("created_at", flat=True).first()
    return {
        "ok": overdue <= settings.OUTBOX_STALE_AFTER_SECONDS,
        "pending": pending.count(),
        "retrying": pending.filter(attempts__gt=0).count(),
        "failed": OutboundEmail.objects.filter(status=OutboundEmail.Status.FAILED).count(),
        "oldest_pending_seconds": int((now - oldest).total_seconds()) if oldest else 0,
        "overdue_seconds": overdue,
    }


@never_cache
@require_safe  # GET, and HEAD for load balancers that only look at the status
def healthz(request):
    now = timezone.now()
    checks = {}
    for name, check in (
        ("database", _check_database),
        ("queue", lambda: _check_queue(now)),
        ("outbox", lambda: _check_outbox(now)),
    ):
        try:
            checks[name] = check()
        except Exception as error:
            checks[name] = {"ok": False, "error": type(error).__name__}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unhealthy", **checks}, status=200 if healthy else 503
    )
