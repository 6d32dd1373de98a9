"""Several outbox workers at once, in threads: used by test_outbox_smtp.

On PostgreSQL the test calls `race()` in its own process (on committed rows that it deletes
afterwards). The suite's in-memory SQLite database cannot be shared between threads, so there the
test runs this module as a script on a file database (WAL, IMMEDIATE transactions, as in
production on SQLite):

    python -m tests.cms.outbox_race SMTP_PORT MAILS WORKERS   (with DATABASE_URL=sqlite:///...)
"""

import json
import sys
import threading


def create_mails(total):
    """`total` due mails, committed; returns their ids."""
    from cms.models import OutboundEmail

    mails = OutboundEmail.objects.bulk_create(
        OutboundEmail(
            recipients=[f"buur{n}@example.org"],
            subject=f"Mail {n}",
            body_text="Tekst",
            from_email="test@example.org",
        )
        for n in range(total)
    )
    return [mail.pk for mail in mails]


def race(workers, pks):
    """Run `workers` send_pending_mail() calls at the same moment; report what they did."""
    from django.db import connections

    from cms.mail import send_pending_mail
    from cms.models import OutboundEmail

    barrier = threading.Barrier(workers)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(send_pending_mail())
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "results": results,
        "errors": errors,
        "statuses": sorted(set(OutboundEmail.objects.filter(pk__in=pks).values_list("status", flat=True))),
        "attempts": sorted(set(OutboundEmail.objects.filter(pk__in=pks).values_list("attempts", flat=True))),
    }


def main(port, total, workers):
    import django

    django.setup()
    from django.db import connection
    from django.test import override_settings

    from cms.models import OutboundEmail

    with connection.schema_editor() as editor:
        editor.create_model(OutboundEmail)
    pks = create_mails(total)
    with override_settings(
        OUTBOX_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=10,
    ):
        report = race(workers, pks)
    print(json.dumps(report))


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:4]))
