""" "Tell me when it opens": an email list with double opt-in and an unsubscribe link in every mail.

`subscribe` stores the address unconfirmed and mails a confirmation link; only confirmed
addresses hear about a new round, once per round (`notify_open_rounds`, run by a schedule and
idempotent: the outbox's idempotency key and the `notified_round` mark make a rerun send nothing).
"""

from urllib.parse import urlencode

from django.core import signing
from django.db import transaction
from django.utils import timezone, translation

from wagtail.models import Locale

from cms.links import page_url
from cms.mail import queue_templated_mail

from .models import PilotRound, RoundSubscriber, SignupPage
from .models.signups import language_or_default

CONFIRM_SALT = "pilots.subscriber.confirm"
UNSUBSCRIBE_SALT = "pilots.subscriber.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600


def subscriber_token(subscriber, salt):
    return signing.dumps([subscriber.pk, subscriber.email.lower()], salt=salt, compress=True)


def subscriber_from_token(token, salt, max_age=None):
    try:
        pk, email = signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    subscriber = RoundSubscriber.objects.filter(pk=pk).first()
    if subscriber is None or subscriber.email.lower() != email:
        return None
    return subscriber


def subscribe(email, *, language, confirm_url):
    """Ask `email` to confirm; an address already on the list gets no second mail from us today."""
    email = email.strip().lower()
    language = language_or_default(language)
    with transaction.atomic():
        subscriber, created = RoundSubscriber.objects.get_or_create(
            email=email, defaults={"language": language}
        )
        if subscriber.confirmed_at:
            return subscriber
        queue_templated_mail(
            email,
            "pilots/signup_subscribe_confirm",
            {"confirm_url": confirm_url(subscriber_token(subscriber, CONFIRM_SALT))},
            language=language,
            # One confirmation mail per address per day: the form cannot be used to flood someone.
            idempotency_key=f"subscriber-confirm:{subscriber.pk}:{timezone.localdate().isoformat()}",
        )
    return subscriber


def confirm(subscriber):
    RoundSubscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )


def unsubscribe(subscriber):
    RoundSubscriber.objects.filter(pk=subscriber.pk).delete()


def signup_page_url(language):
    """The absolute URL of the sign-up page in `language` (the Dutch one when not translated)."""
    pages = SignupPage.objects.live().public()
    page = (
        pages.filter(locale__language_code=language).first()
        or pages.filter(locale=Locale.get_default()).first()
    )
    if page is None:
        return ""
    with translation.override(language):
        return page_url(page)


def notify_open_rounds(now=None):
    """Mail every confirmed subscriber once about the open round; returns the number of mails."""
    round_ = PilotRound.objects.open(now).first()
    if round_ is None:
        return 0
    sent = 0
    waiting = RoundSubscriber.objects.filter(confirmed_at__isnull=False).exclude(notified_round=round_)
    for subscriber in waiting.iterator():
        with transaction.atomic():
            page_url = signup_page_url(subscriber.language)
            unsubscribe_path = "bericht/afmelden/?" + urlencode(
                {"t": subscriber_token(subscriber, UNSUBSCRIBE_SALT)}
            )
            queue_templated_mail(
                subscriber.email,
                "pilots/signup_round_open",
                {
                    "round": round_,
                    "page_url": page_url,
                    "unsubscribe_url": f"{page_url}{unsubscribe_path}" if page_url else "",
                },
                language=subscriber.language,
                idempotency_key=f"round-open:{round_.pk}:{subscriber.pk}",
            )
            RoundSubscriber.objects.filter(pk=subscriber.pk).update(
                notified_round=round_, notified_at=timezone.now()
            )
            sent += 1
    return sent
