"""Story submissions: gangmakers share a Lief & Leed moment; moderators decide what happens.

Nothing of a submission is public before a moderator acts: it is not a page (so not in search,
the sitemap or a feed), and its photo lives in private storage without a URL. Converting it
makes a draft StoryPage that enters the editorial workflow; only then does the photo become a
Wagtail image. The text is plain text, shown escaped everywhere.
"""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from cms.publishing import GuardedPublishMixin
from home.models import IntroMixin

from ..storage import private_storage


class StorySubmission(models.Model):
    class State(models.TextChoices):
        NEW = "new", _("nieuw")
        APPROVED = "approved", _("goedgekeurd")
        REJECTED = "rejected", _("niet geplaatst")
        CONVERTED = "converted", _("verhaal gemaakt")

    title = models.CharField(_("titel"), max_length=120)
    text = models.TextField(_("verhaal"), max_length=5000)
    street = models.CharField(_("straat"), max_length=120)
    display_name = models.CharField(_("naam bij het verhaal"), max_length=80, blank=True)
    anonymous = models.BooleanField(_("anoniem"), default=False)
    email = models.EmailField(_("e-mailadres"), max_length=254)
    photo = models.FileField(_("foto"), storage=private_storage, upload_to="submissions/", blank=True)
    photo_people_consent = models.BooleanField(_("mensen op de foto geven toestemming"), default=False)
    publication_consent_at = models.DateTimeField(_("toestemming voor plaatsing gegeven op"))
    language = models.CharField(_("taal"), max_length=8, default="nl")
    state = models.CharField(
        _("status"), max_length=12, choices=State.choices, default=State.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("ingestuurd op"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    story_page = models.ForeignKey(
        "pilots.StoryPage",
        verbose_name=_("gemaakt verhaal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("ingestuurd verhaal")
        verbose_name_plural = _("ingestuurde verhalen")
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_storysubmission", "Can moderate story submissions")]

    def __str__(self):
        return self.title

    @property
    def shown_name(self):
        return "" if self.anonymous else self.display_name

    @property
    def has_photo(self):
        return bool(self.photo)


@receiver(post_delete, sender=StorySubmission, dispatch_uid="pilots_submission_photo_delete")
def delete_submission_photo(sender, instance, **kwargs):
    """A deleted submission (erased, purged) takes its private photo with it."""
    if instance.photo:
        instance.photo.delete(save=False)


class StorySubmissionPage(GuardedPublishMixin, RoutablePageMixin, IntroMixin, Page):
    """/nl/deel-je-verhaal/: gangmakers send in a story; moderators decide what is published."""

    cache_public = False  # a form: never from the page cache (cms/pagecache.py)

    thanks_text = models.TextField(
        _("tekst na het insturen"),
        max_length=600,
        blank=True,
        help_text=_("Staat op de bedankpagina."),
    )

    content_panels = Page.content_panels + IntroMixin.content_panels + [FieldPanel("thanks_text")]
    search_fields = Page.search_fields + IntroMixin.search_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pilots/submission_page.html"

    class Meta:
        verbose_name = _("pagina om een verhaal in te sturen")
        verbose_name_plural = _("pagina's om een verhaal in te sturen")

    @path("")
    def submit(self, request):
        from ..submission_views import submission_view

        return submission_view(request, self)

    @path("bedankt/")
    def thanks(self, request):
        from ..submission_views import thanks_view

        return thanks_view(request, self)
