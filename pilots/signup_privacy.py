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
import re
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape

from cms import privacy
from cms.models import OutboundEmail

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


ERASED_NAME = "[naam verwijderd]"


def _scrub_name(text, names):
    for name in names:
        text = re.sub(rf"\b{re.escape(name)}\b", ERASED_NAME, text, flags=re.IGNORECASE)
    return text


def _erase_traces_in_shared_signups(signup_ids, names):
    """What still names the person once their gangmaker row is gone: the free texts of a sign-up
    that other gangmakers carry on, and the mails to those gangmakers ("Samen met: <name>").
    Only mails to the sign-ups' other gangmakers are looked at, so that a short or common name
    cannot take anyone else's mail with it. Returns the number of mails deleted."""
    names = sorted({name.strip() for name in names if len(name.strip()) >= 2}, key=len, reverse=True)
    if not names:
        return 0
    for signup in StreetSignup.objects.filter(pk__in=signup_ids):
        changed = {
            field: _scrub_name(getattr(signup, field), names)
            for field in ("already_does", "hopes")
            if _scrub_name(getattr(signup, field), names) != getattr(signup, field)
        }
        if changed:
            StreetSignup.objects.filter(pk=signup.pk).update(**changed)
    others = {
        address.lower()
        for address in Gangmaker.objects.filter(signup_id__in=signup_ids).values_list("email", flat=True)
    }
    needles = [*names, *(escape(name) for name in names if escape(name) != name)]
    query = Q()
    for needle in needles:
        query |= (
            Q(subject__icontains=needle) | Q(body_text__icontains=needle) | Q(body_html__icontains=needle)
        )
    mails = [
        mail
        for mail in OutboundEmail.objects.filter(query)
        if {parseaddr(address)[1].lower() for address in mail.recipients} & others
    ]
    if not mails:
        return 0
    deleted, _ = OutboundEmail.objects.filter(pk__in=[mail.pk for mail in mails]).delete()
    return deleted


def erase_signups(email):
    """Remove the address from every sign-up (a sign-up left without gangmakers goes entirely).

    A sign-up that other gangmakers carry on keeps its street, but loses the person's name from
    its free texts and the mails to the others that name them."""
    email = privacy.normalise_email(email)
    with transaction.atomic():
        gangmakers = Gangmaker.objects.filter(email__iexact=email)
        signup_ids = set(gangmakers.values_list("signup_id", flat=True))
        names = set(gangmakers.values_list("name", flat=True))
        count, _ = gangmakers.delete()
        StreetSignup.objects.filter(pk__in=signup_ids, gangmakers__isnull=True).delete()
        mails = _erase_traces_in_shared_signups(signup_ids, names)
        subscribers, _ = RoundSubscriber.objects.filter(email__iexact=email).delete()
    logger.info(
        "Erased %d gangmaker records, %d list addresses and %d mails to fellow gangmakers",
        count,
        subscribers,
        mails,
    )
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
