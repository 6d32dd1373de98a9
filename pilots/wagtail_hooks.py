from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from cms.admin_views import ReadOnlyPermissionPolicy

from .consent import CONSENT_LOG_ACTION, format_consent_log_message
from .models import ConsentConfirmation
from .translation_review import (
    GuardedUpdateTranslationsView,
    SubmitTranslationButton,
    submit_translation_view,
)

register_permission_policy(ConsentConfirmation, ReadOnlyPermissionPolicy(ConsentConfirmation))


@hooks.register("register_log_actions")
def register_consent_log_action(actions):
    @actions.register_action(CONSENT_LOG_ACTION)
    class ConsentConfirmedFormatter(LogFormatter):
        label = _("Toestemming bevestigd")

        def format_message(self, log_entry):
            return format_consent_log_message(log_entry.data)


class ConsentConfirmationViewSet(ModelViewSet):
    """The consent confirmations, read-only: who confirmed whose consent, for which version, where
    it is kept. Made only by the consent check of the workflow."""

    model = ConsentConfirmation
    name = "toestemmingen"
    icon = "tick-inverse"
    menu_label = _("Toestemmingen")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["person_name", "page", "location", "confirmed_by", "confirmed_at"]
    list_filter = ["confirmed_at"]
    search_fields = ["person_name", "location"]
    search_backend_name = None
    inspect_view_fields = [
        "person_name",
        "person_role",
        "location",
        "page",
        "revision",
        "confirmed_by",
        "confirmed_at",
    ]
    form_fields = []  # never made by hand: the permission policy refuses add and change


@hooks.register("register_admin_viewset")
def register_consent_viewset():
    return ConsentConfirmationViewSet()


@hooks.register("register_admin_urls")
def register_translation_review_url():
    return [
        path(
            "pilots/vertaling-ter-controle/<int:page_id>/",
            submit_translation_view,
            name="pilots_submit_translation",
        ),
        # In front of wagtail-localize's own view at the same address (this app's hooks load first).
        path(
            "localize/update/<int:translation_source_id>/",
            GuardedUpdateTranslationsView.as_view(),
            name="pilots_update_translations",
        ),
    ]


@hooks.register("register_page_listing_more_buttons")
def translation_review_listing_button(page, user, next_url=None):
    yield SubmitTranslationButton(page=page)


@hooks.register("register_page_header_buttons")
def translation_review_header_button(page, user, view_name, next_url=None):
    yield SubmitTranslationButton(page=page)


# Sign-ups and story submissions register their own viewsets, bulk action and log actions.
from . import signup_admin, submission_admin  # noqa: E402, F401

# --- Workshops: registrations, check-in and the attendance list ---------------------------------


@hooks.register("register_admin_viewset")
def register_workshop_registrations_viewset():
    from .workshops.admin import RegistrationViewSet

    return RegistrationViewSet()


@hooks.register("register_log_actions")
def register_workshop_log_actions(actions):
    actions.register_action(
        "pilots.attendance_list_printed", _("Presentielijst gemaakt"), _("Presentielijst gemaakt")
    )


@hooks.register("register_admin_menu_item")
def register_workshop_check_in_menu_item():
    from django.urls import reverse

    from wagtail.admin.menu import MenuItem

    class CheckInMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm("pilots.change_registration")

    return CheckInMenuItem(
        _("Inchecken bij workshops"),
        reverse("workshop_registrations:check_in_overview"),
        icon_name="tick",
        order=311,
    )
