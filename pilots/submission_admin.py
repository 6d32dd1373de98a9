"""The admin for story submissions: the moderation queue, the private photo, the transitions."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import submission_moderation
from .models import StorySubmission
from .signup_admin import PublicRecordPermissionPolicy, moderate_object, register_log_actions


class SubmissionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("story_page")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm(submission_moderation.MODERATE):
            buttons.insert(
                0,
                ListingButton(
                    _("Beoordelen"),
                    url=reverse("pilots_submissions:moderate", args=[instance.pk]),
                    icon_name="tick",
                    priority=1,
                ),
            )
        return buttons


submission_policy = PublicRecordPermissionPolicy(StorySubmission)
register_permission_policy(StorySubmission, submission_policy)


class StorySubmissionViewSet(SnippetViewSet):
    model = StorySubmission
    permission_policy = submission_policy
    url_prefix = "inzendingen/verhalen"
    url_namespace = "pilots_submissions"
    icon = "comment"
    menu_label = _("Ingestuurde verhalen")
    add_to_admin_menu = True
    menu_order = 260
    index_view_class = SubmissionIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "title",
        "street",
        Column("shown_name", label=_("naam bij het verhaal")),
        Column("state", label=_("status"), accessor="get_state_display"),
        BooleanColumn("has_photo", label=_("foto")),
        "created_at",
    ]
    list_filter = ["state"]
    search_fields = ["title", "street", "display_name", "email"]
    search_backend_name = None
    inspect_view_fields = [
        "title",
        "text",
        "street",
        "display_name",
        "anonymous",
        "email",
        "photo_people_consent",
        "publication_consent_at",
        "language",
        "state",
        "decided_by",
        "decided_at",
        "story_page",
        "created_at",
    ]
    panels = [FieldPanel("title"), FieldPanel("text"), FieldPanel("street"), FieldPanel("display_name")]

    def moderate_view(self, request, pk):
        submission = get_object_or_404(StorySubmission.objects.select_related("story_page"), pk=pk)
        return moderate_object(
            request,
            submission,
            submission_moderation,
            listing_url=reverse(self.get_url_name("list")),
            extra_context={
                "submission": submission,
                "photo_url": reverse(self.get_url_name("photo"), args=[pk]) if submission.photo else "",
            },
        )

    def photo_view(self, request, pk):
        """The private photo, for those who may see submissions; never cached, never sniffed."""
        if not request.user.has_perm("pilots.view_storysubmission"):
            raise Http404
        submission = get_object_or_404(StorySubmission, pk=pk)
        if not submission.photo:
            raise Http404
        response = FileResponse(submission.photo.open("rb"), content_type="image/jpeg")
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("beoordelen/<int:pk>/", self.moderate_view, name="moderate"),
            path("foto/<int:pk>/", self.photo_view, name="photo"),
        ]


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    register_log_actions(
        actions, submission_moderation.TRANSITIONS.values(), submission_moderation.SYSTEM_LOG_ACTIONS
    )


register_snippet(StorySubmissionViewSet)
