"""Every change of state of a story submission, in one place (like `signup_moderation`).

Receiving stores the submission and logs it; approve, reject and convert are moderator
transitions with a permission, an audit-log entry and (for a rejection) a kind mail from an
editable template. `convert_to_story` makes a draft StoryPage under the story index of the
submitter's language, with the text, the photo (now a Wagtail image) and the consent, and starts
the editorial workflow at its first step.
"""

import io
from html import escape

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.rich_text import RichText

from .models import MailPurpose, StoryIndexPage, StoryPage, StoryPerson, StorySubmission
from .models.pages import PersonRole, StoryKind
from .models.signups import language_or_default
from .signup_moderation import Transition, TransitionNotAllowed, mail_templates, queue_moderation_mail
from .submission_images import reencode_photo

State = StorySubmission.State
MODERATE = "pilots.moderate_storysubmission"

LOG_RECEIVED = "pilots.submission_received"
LOG_STORY_CREATED = "pilots.story_from_submission"

TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "approve",
            _("Goedkeuren"),
            (State.NEW,),
            State.APPROVED,
            MODERATE,
            MailPurpose.SUBMISSION_APPROVED,
            "pilots.submission_approved",
            _("Inzending goedgekeurd"),
        ),
        Transition(
            "reject",
            _("Niet plaatsen"),
            (State.NEW, State.APPROVED),
            State.REJECTED,
            MODERATE,
            MailPurpose.SUBMISSION_REJECTED,
            "pilots.submission_rejected",
            _("Inzending niet geplaatst"),
        ),
        Transition(
            "convert",
            _("Er een conceptverhaal van maken"),
            (State.NEW, State.APPROVED),
            State.CONVERTED,
            MODERATE,
            "",
            "pilots.submission_converted",
            _("Conceptverhaal gemaakt van de inzending"),
        ),
    ]
}

SYSTEM_LOG_ACTIONS = {
    LOG_RECEIVED: _("Verhaal ingestuurd"),
    LOG_STORY_CREATED: _("Verhaal gemaakt van een inzending"),
}


def available_transitions(submission, user):
    return [t for t in TRANSITIONS.values() if submission.state in t.sources and t.allowed_for(user)]


def receive_submission(cleaned, *, language):
    """Store a submission from the public form (the photo already re-encoded) and log it."""
    with transaction.atomic():
        submission = StorySubmission(
            title=cleaned["title"].strip(),
            text=cleaned["text"].strip(),
            street=cleaned["street"].strip(),
            display_name="" if cleaned.get("anonymous") else cleaned.get("display_name", "").strip(),
            anonymous=bool(cleaned.get("anonymous")),
            email=cleaned["email"].strip().lower(),
            photo_people_consent=bool(cleaned.get("photo") and cleaned.get("photo_people_consent")),
            publication_consent_at=timezone.now(),
            language=language_or_default(language),
        )
        if cleaned.get("photo"):
            submission.photo.save(cleaned["photo"].name, cleaned["photo"], save=False)
        submission.save()
        log(instance=submission, action=LOG_RECEIVED, user=None, data={"photo": submission.has_photo})
    return submission


def _lock(submission, transition, user):
    if not transition.allowed_for(user):
        raise PermissionDenied(f"{user} may not {transition.name} a submission.")
    locked = StorySubmission.objects.select_for_update().get(pk=submission.pk)
    if locked.state not in transition.sources:
        raise TransitionNotAllowed(f"{transition.name} from {locked.state}")
    return locked


def _finish(locked, transition, user, note, extra=None):
    previous = locked.state
    locked.state = transition.target
    locked.decided_at = timezone.now()
    locked.decided_by = user
    locked.save()
    return log(
        instance=locked,
        action=transition.log_action,
        user=user,
        data={"from": previous, "to": locked.state, "note": note, **(extra or {})},
    )


def apply_transition(submission, name, user, *, note="", template=None):
    """Approve or reject (with a mail from `template`); `convert` goes through convert_to_story."""
    if name == "convert":
        return convert_to_story(submission, user, note=note)
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise TransitionNotAllowed(name)
    if template is not None and template.purpose != transition.mail_purpose:
        raise ValueError("This mail template is for another transition.")
    with transaction.atomic():
        locked = _lock(submission, transition, user)
        template = template or mail_templates(transition.mail_purpose).first()
        entry = _finish(locked, transition, user, note, {"template": template.name if template else ""})
        if transition.name == "reject" and locked.photo:
            # A photo that will not be published is not kept a day longer than needed.
            transaction.on_commit(lambda name=locked.photo.name: locked.photo.storage.delete(name))
            StorySubmission.objects.filter(pk=locked.pk).update(photo="")
        if template is not None:
            queue_moderation_mail(
                [(locked.display_name, locked.email)],
                template,
                {"titel": locked.title, "opmerking": note, "straat": locked.street, "ronde": ""},
                language=locked.language,
                key=f"submission:{locked.pk}:{transition.name}:{entry.pk if entry else ''}",
            )
    return locked


def story_index_for(language):
    indexes = StoryIndexPage.objects.all()
    return (
        indexes.filter(locale__language_code=language).first()
        or indexes.filter(locale=Locale.get_default()).first()
    )


def _unique_slug(parent, title):
    base = slugify(title)[:60] or "verhaal"
    slug, number = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _paragraphs(text):
    """The plain text as rich-text paragraphs, every character escaped (no HTML from the public)."""
    blocks = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    html = "".join("<p>{}</p>".format(escape(block).replace("\n", "<br/>")) for block in blocks)
    return [("paragraph", RichText(html))]


def convert_to_story(submission, user, *, note=""):
    """A draft StoryPage from the submission, in the workflow at its first step; returns the page."""
    transition = TRANSITIONS["convert"]
    with transaction.atomic():
        locked = _lock(submission, transition, user)
        index = story_index_for(locked.language)
        if index is None:
            raise TransitionNotAllowed("There is no story index to put the story under.")
        image = None
        if locked.photo:
            with locked.photo.open("rb") as handle:
                # Re-encoded again on the way out: whatever reached private storage, the public
                # image holds pixels only.
                data = reencode_photo(ContentFile(handle.read(), name="photo")).read()
            image = get_image_model()(
                title=locked.title,
                description=str(_("Foto bij het ingestuurde verhaal “%(title)s”")) % {"title": locked.title},
                file=ImageFile(io.BytesIO(data), name=f"inzending-{locked.pk}.jpg"),
                uploaded_by_user=user,
            )
            image.save()
        consent = {
            "submission": locked.pk,
            "publication_consent_at": locked.publication_consent_at.isoformat(),
            "photo_people_consent": locked.photo_people_consent,
            "name_shown": locked.shown_name,
            "anonymous": locked.anonymous,
        }
        page = StoryPage(
            title=locked.title,
            slug=_unique_slug(index, locked.title),
            kind=StoryKind.GANGMAKER,
            intro="",
            body=_paragraphs(locked.text),
            image=image,
            owner=user,
            live=False,
        )
        if locked.shown_name:
            page.people.add(
                StoryPerson(
                    name=locked.shown_name, role=PersonRole.GANGMAKER, street_or_organisation=locked.street
                )
            )
        index.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        log(instance=page, action=LOG_STORY_CREATED, user=user, revision=revision, data=consent)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
        old_photo = locked.photo.name if locked.photo else ""
        locked.story_page = page
        locked.photo = ""
        _finish(locked, transition, user, note, {"page": page.pk, **consent})
        if old_photo:
            storage = StorySubmission._meta.get_field("photo").storage
            transaction.on_commit(lambda: storage.delete(old_photo))
    return page
