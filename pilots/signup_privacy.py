"""Personal data of sign-ups, the "tell me when it opens" list and story submissions (cms.privacy).

Retention (settings.PERSONAL_DATA_RETENTION_DAYS):
- street_signups: a round's sign-ups, that many days after the round closed; an accepted street's
  only once the round is finished (it is still taking part before that);
- declined_submissions: declined and withdrawn sign-ups, rejected submissions, and unconfirmed
  addresses on the list, that many days after the decision (or the request);
- approved and converted submissions: street_signups days after the decision (the story page
  carries the story on; the submission with the address is not needed longer).
Purge and erase log counts, never contents.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cms import privacy

from .models import Gangmaker, PilotRound, RoundSubscriber, StorySubmission, StreetSignup

logger = logging.getLogger(__name__)


def _days(name):
    return timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS[name])


def purge_signups(now=None):
    now = now or timezone.now()
    old_round = Q(round__signup_closes__lt=now - _days("street_signups")) & (
        ~Q(state=StreetSignup.State.ACCEPTED) | Q(round__status=PilotRound.Status.FINISHED)
    )
    ended = Q(
        state__in=[StreetSignup.State.DECLINED, StreetSignup.State.WITHDRAWN],
        state_changed_at__lt=now - _days("declined_submissions"),
    )
    with transaction.atomic():
        count, _ = StreetSignup.objects.filter(old_round | ended).delete()
        subscribers, _ = RoundSubscriber.objects.filter(
            Q(confirmed_at__isnull=True, created_at__lt=now - _days("declined_submissions"))
        ).delete()
    logger.info("Purged %d sign-up records and %d unconfirmed list addresses", count, subscribers)
    return count + subscribers


def export_signups(email):
    email = privacy.normalise_email(email)
    records = []
    for gangmaker in Gangmaker.objects.filter(email__iexact=email).select_related("signup__round"):
        signup = gangmaker.signup
        records.append(
            {
                "kind": "street_signup",
                "round": signup.round.name,
                "street": signup.street,
                "postcode": signup.postcode,
                "district": signup.district,
                "households": signup.households,
                "already_does": signup.already_does,
                "hopes": signup.hopes,
                "state": signup.state,
                "created_at": signup.created_at.isoformat(),
                "gangmaker": {
                    "name": gangmaker.name,
                    "email": gangmaker.email,
                    "phone": gangmaker.phone,
                    "confirmed_at": gangmaker.confirmed_at.isoformat() if gangmaker.confirmed_at else None,
                },
            }
        )
    for subscriber in RoundSubscriber.objects.filter(email__iexact=email):
        records.append(
            {
                "kind": "round_subscriber",
                "email": subscriber.email,
                "created_at": subscriber.created_at.isoformat(),
                "confirmed_at": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
            }
        )
    return privacy.Export(records=records)


def erase_signups(email):
    """Remove the address from every sign-up (a sign-up left without gangmakers goes entirely)."""
    email = privacy.normalise_email(email)
    with transaction.atomic():
        signup_ids = set(Gangmaker.objects.filter(email__iexact=email).values_list("signup_id", flat=True))
        count, _ = Gangmaker.objects.filter(email__iexact=email).delete()
        StreetSignup.objects.filter(pk__in=signup_ids, gangmakers__isnull=True).delete()
        subscribers, _ = RoundSubscriber.objects.filter(email__iexact=email).delete()
    logger.info("Erased %d gangmaker records and %d list addresses", count, subscribers)
    return count + subscribers


def purge_submissions(now=None):
    now = now or timezone.now()
    State = StorySubmission.State
    old = StorySubmission.objects.filter(
        Q(state=State.REJECTED, decided_at__lt=now - _days("declined_submissions"))
        | Q(state__in=[State.APPROVED, State.CONVERTED], decided_at__lt=now - _days("street_signups"))
    )
    count = 0
    for submission in old:  # one by one, so that the private photo goes too (post_delete)
        submission.delete()
        count += 1
    logger.info("Purged %d story submissions", count)
    return count


def export_submissions(email):
    email = privacy.normalise_email(email)
    export = privacy.Export()
    for submission in StorySubmission.objects.filter(email__iexact=email):
        export.records.append(
            {
                "kind": "story_submission",
                "title": submission.title,
                "text": submission.text,
                "street": submission.street,
                "display_name": submission.display_name,
                "anonymous": submission.anonymous,
                "email": submission.email,
                "state": submission.state,
                "created_at": submission.created_at.isoformat(),
                "publication_consent_at": submission.publication_consent_at.isoformat(),
            }
        )
        if submission.photo:
            with submission.photo.open("rb") as handle:
                export.files.append((f"verhalen/inzending-{submission.pk}.jpg", handle.read()))
    return export


def erase_submissions(email):
    email = privacy.normalise_email(email)
    count = 0
    for submission in StorySubmission.objects.filter(email__iexact=email):
        submission.delete()
        count += 1
    logger.info("Erased %d story submissions", count)
    return count
