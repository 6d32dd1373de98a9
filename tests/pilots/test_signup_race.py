"""The last place of a round under ten concurrent sign-ups: exactly one takes it (PostgreSQL).

A transactional test (the threads need committed rows) with serialized rollback: the data the
migrations made (groups, locales, workflow) is restored after the flush.
"""

import threading

import pytest

from django.db import connection

from pilots.factories import PilotRoundFactory
from pilots.models import StreetSignup


@pytest.mark.postgres
def test_ten_concurrent_signups_for_the_last_place_take_it_once(
    transactional_db, django_db_serialized_rollback, django_db_blocker
):
    """Committed rows and real threads: only PostgreSQL runs them in parallel in this process."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    from django.db import connections

    from pilots.signup_moderation import submit_signup

    with django_db_blocker.unblock():
        round_ = PilotRoundFactory(name="Race", capacity=1)
        barrier = threading.Barrier(10)
        errors = []

        def sign_up(number):
            try:
                barrier.wait()
                submit_signup(
                    round_,
                    {
                        "street": f"Straat {number}",
                        "postcode": "3074 TK",
                        "district": "Feijenoord",
                        "households": 10,
                    },
                    [{"name": "A", "email": f"a{number}@example.org", "phone": ""}],
                    language="nl",
                    confirm_url=lambda token: token,
                )
            except Exception as error:  # noqa: BLE001 (reported below)
                errors.append(repr(error))
            finally:
                connections.close_all()

        threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        try:
            states = list(StreetSignup.objects.filter(round=round_).values_list("state", flat=True))
            assert errors == []
            assert states.count("submitted") == 1
            assert states.count("waitlisted") == 9
        finally:
            from cms.models import OutboundEmail

            OutboundEmail.objects.filter(idempotency_key__startswith="signup-confirm:").delete()
            StreetSignup.objects.filter(round=round_).delete()
            round_.delete()
