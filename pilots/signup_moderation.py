"""Every change of state of a street sign-up, in one place: the transitions, who may make them,
which mail goes out, and the audit-log entry that records it.

Views and admin actions call `submit_signup`, `confirm_gangmaker` and `apply_transition`; nothing
else writes `StreetSignup.state`. Each runs in one transaction that locks the row it changes (the
round, for a new sign-up), writes the audit log and queues the mails in the outbox.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import Locale

from cms.mail import queue_templated_mail

from .models import Gangmaker, MailPurpose, PilotRound, SignupMailTemplate, StreetSignup
from .models.signups import language_or_default

State = StreetSignup.State

GANGMAKER_TOKEN_SALT = "pilots.signup.gangmaker"  # noqa: S105 (a signing salt, not a secret)
GANGMAKER_TOKEN_MAX_AGE = 30 * 24 * 3600

LOG_SUBMITTED = "pilots.signup_submitted"
LOG_DUPLICATE = "pilots.signup_duplicate"
LOG_GANGMAKER_CONFIRMED = "pilots.signup_gangmaker_confirmed"
LOG_EMAIL_CONFIRMED = "pilots.signup_email_confirmed"


class TransitionNotAllowed(Exception):
    """The object is not in a state this transition starts from (someone else was quicker)."""


@dataclass(frozen=True)
class Transition:
    """One allowed move: from `sources` to `target`, by users with `permission`, with a mail."""

    name: str
    label: str
    sources: tuple
    target: str
    permission: str
    mail_purpose: str
    log_action: str
    log_label: str

    def allowed_for(self, user):
        return bool(user and user.is_active and user.has_perm(self.permission))


MODERATE = "pilots.moderate_streetsignup"

TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "start_review",
            _("In behandeling nemen"),
            (State.EMAIL_CONFIRMED, State.WAITLISTED),
            State.UNDER_REVIEW,
            MODERATE,
            MailPurpose.SIGNUP_UNDER_REVIEW,
            "pilots.signup_under_review",
            _("Aanmelding in behandeling genomen"),
        ),
        Transition(
            "accept",
            _("Toelaten"),
            (State.EMAIL_CONFIRMED, State.UNDER_REVIEW, State.WAITLISTED),
            State.ACCEPTED,
            MODERATE,
            MailPurpose.SIGNUP_ACCEPTED,
            "pilots.signup_accepted",
            _("Aanmelding toegelaten"),
        ),
        Transition(
            "waitlist",
            _("Op de wachtlijst zetten"),
            (State.EMAIL_CONFIRMED, State.UNDER_REVIEW),
            State.WAITLISTED,
            MODERATE,
            MailPurpose.SIGNUP_WAITLISTED,
            "pilots.signup_waitlisted",
            _("Aanmelding op de wachtlijst gezet"),
        ),
        Transition(
            "decline",
            _("Afwijzen"),
            (State.SUBMITTED, State.EMAIL_CONFIRMED, State.UNDER_REVIEW, State.WAITLISTED),
            State.DECLINED,
            MODERATE,
            MailPurpose.SIGNUP_DECLINED,
            "pilots.signup_declined",
            _("Aanmelding afgewezen"),
        ),
        Transition(
            "withdraw",
            _("Intrekken (op verzoek van de straat)"),
            (State.SUBMITTED, State.EMAIL_CONFIRMED, State.UNDER_REVIEW, State.WAITLISTED, State.ACCEPTED),
            State.WITHDRAWN,
            MODERATE,
            MailPurpose.SIGNUP_WITHDRAWN,
            "pilots.signup_withdrawn",
            _("Aanmelding ingetrokken"),
        ),
    ]
}

# Audit-log actions without a moderator transition (registered in wagtail_hooks with these labels).
SYSTEM_LOG_ACTIONS = {
    LOG_SUBMITTED: _("Aanmelding ontvangen"),
    LOG_DUPLICATE: _("Dubbele aanmelding gemarkeerd"),
    LOG_GANGMAKER_CONFIRMED: _("E-mailadres van een gangmaker bevestigd"),
    LOG_EMAIL_CONFIRMED: _("Alle e-mailadressen bevestigd"),
}


def available_transitions(signup, user):
    """The transitions `user` may make on `signup` now, in a fixed order."""
    return [t for t in TRANSITIONS.values() if signup.state in t.sources and t.allowed_for(user)]


# --- Mail templates ------------------------------------------------------------------------------


def mail_templates(purpose, language=None):
    """The editable texts for `purpose` in `language` (Dutch ones when it has none), default first."""
    templates = SignupMailTemplate.objects.filter(purpose=purpose).select_related("locale")
    if language:
        localized = templates.filter(locale__language_code=language)
        if localized.exists():
            return localized.order_by("-is_default", "name")
    return templates.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("-is_default", "name")


def localized_template(template, language):
    """`template` in `language` if it has been translated, otherwise as it is."""
    if template is None:
        return None
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or template.locale_id == locale.pk:
        return template
    return template.get_translation_or_none(locale) or template


def queue_moderation_mail(recipients, template, values, *, language, key):
    """One mail per recipient ((name, email) pairs) from an editable template, in `language`."""
    template = localized_template(template, language)
    for name, email in recipients:
        subject, body = template.render({**values, "naam": name})
        queue_templated_mail(
            email,
            "pilots/signup_moderation",
            {"subject": subject, "body": body},
            language=language,
            idempotency_key=f"{key}:{email.lower()}"[:200],
        )


# --- Tokens ------------------------------------------------------------------------------------


def gangmaker_token(gangmaker):
    return signing.dumps([gangmaker.pk, gangmaker.email.lower()], salt=GANGMAKER_TOKEN_SALT, compress=True)


def gangmaker_from_token(token):
    """The gangmaker a confirmation link is for, or None (expired, forged, address changed)."""
    try:
        pk, email = signing.loads(token, salt=GANGMAKER_TOKEN_SALT, max_age=GANGMAKER_TOKEN_MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    gangmaker = Gangmaker.objects.select_related("signup__round").filter(pk=pk).first()
    if gangmaker is None or gangmaker.email.lower() != email:
        return None
    return gangmaker


# --- Submitting and confirming -----------------------------------------------------------------


def submit_signup(round_, data, gangmakers, *, language, confirm_url):
    """Store a new sign-up with its gangmakers and queue a confirmation mail to each of them.

    `data` holds the sign-up's fields, `gangmakers` a list of {"name", "email", "phone"} dicts,
    `confirm_url(token)` makes the absolute link a gangmaker clicks. The round is locked while
    its places are counted, so of two sign-ups for the last place exactly one gets it (PostgreSQL:
    SELECT ... FOR UPDATE; SQLite: the IMMEDIATE transaction already holds the write lock). A
    sign-up for a full round is put on the waiting list at once, and the mail says so.
    """
    language = language_or_default(language)
    with transaction.atomic():
        round_ = PilotRound.objects.select_for_update().get(pk=round_.pk)
        signup = StreetSignup(round=round_, language=language, privacy_consent_at=timezone.now(), **data)
        original = (
            StreetSignup.objects.filter(
                round=round_, postcode=signup.postcode, street_key=_street_key(signup.street)
            )
            .order_by("created_at", "pk")
            .first()
        )
        signup.duplicate_of = original.duplicate_of or original if original else None
        if signup.duplicate_of is None and round_.places_taken() >= round_.capacity:
            signup.state = State.WAITLISTED
            signup.waitlisted_automatically = True
        signup.save()
        people = Gangmaker.objects.bulk_create(
            Gangmaker(signup=signup, sort_order=number, **person) for number, person in enumerate(gangmakers)
        )
        log(
            instance=signup,
            action=LOG_SUBMITTED,
            user=None,
            data={"state": signup.state, "waitlisted_automatically": signup.waitlisted_automatically},
        )
        if signup.duplicate_of is not None:
            log(instance=signup, action=LOG_DUPLICATE, user=None, data={"original": signup.duplicate_of_id})
        names = [person.name for person in people]
        for person in people:
            queue_templated_mail(
                person.email,
                "pilots/signup_confirm",
                {
                    "name": person.name,
                    "signup": signup,
                    "round": round_,
                    "others": [name for name in names if name != person.name],
                    "confirm_url": confirm_url(gangmaker_token(person)),
                    "waitlisted": signup.waitlisted_automatically,
                },
                language=language,
                idempotency_key=f"signup-confirm:{signup.pk}:{person.pk}",
            )
    return signup


def _street_key(street):
    from .models.signups import street_key

    return street_key(street)


def confirm_gangmaker(gangmaker):
    """Record that a gangmaker confirmed their address; when all have, the sign-up is confirmed.

    Idempotent: a second click changes nothing. Returns the sign-up.
    """
    with transaction.atomic():
        signup = StreetSignup.objects.select_for_update().get(pk=gangmaker.signup_id)
        changed = Gangmaker.objects.filter(pk=gangmaker.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
        if changed:
            log(
                instance=signup, action=LOG_GANGMAKER_CONFIRMED, user=None, data={"gangmaker": gangmaker.name}
            )
        all_confirmed = not signup.gangmakers.filter(confirmed_at__isnull=True).exists()
        if all_confirmed and signup.state == State.SUBMITTED:
            signup.state = State.EMAIL_CONFIRMED
            signup.state_changed_at = timezone.now()
            signup.save(update_fields=["state", "state_changed_at"])
            log(instance=signup, action=LOG_EMAIL_CONFIRMED, user=None, data={"to": signup.state})
    return signup


# --- Moderation ------------------------------------------------------------------------------


def apply_transition(signup, name, user, *, note="", template=None):
    """Move `signup` on by transition `name` as `user`, log it and mail every gangmaker.

    Raises PermissionDenied when the user may not make it, TransitionNotAllowed when the sign-up
    is no longer in a state it starts from. `template` is the chosen SignupMailTemplate (of the
    transition's purpose; the default one when None). Returns the updated sign-up.
    """
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise TransitionNotAllowed(name)
    if not transition.allowed_for(user):
        raise PermissionDenied(f"{user} may not {name} a sign-up.")
    if template is not None and template.purpose != transition.mail_purpose:
        raise ValueError("This mail template is for another transition.")
    with transaction.atomic():
        locked = StreetSignup.objects.select_for_update().select_related("round").get(pk=signup.pk)
        if locked.state not in transition.sources:
            raise TransitionNotAllowed(f"{name} from {locked.state}")
        previous = locked.state
        locked.state = transition.target
        locked.state_changed_at = timezone.now()
        locked.save(update_fields=["state", "state_changed_at"])
        template = template or mail_templates(transition.mail_purpose).first()
        entry = log(
            instance=locked,
            action=transition.log_action,
            user=user,
            data={
                "from": previous,
                "to": locked.state,
                "note": note,
                "template": template.name if template else "",
            },
        )
        if template is not None:
            with translation.override(locked.language):
                values = {
                    "straat": str(locked),
                    "ronde": locked.round.name,
                    "opmerking": note,
                    "titel": "",
                }
            queue_moderation_mail(
                [(g.name, g.email) for g in locked.gangmakers.all()],
                template,
                values,
                language=locked.language,
                key=f"signup:{locked.pk}:{transition.name}:{entry.pk if entry else locked.state_changed_at}",
            )
    return locked
