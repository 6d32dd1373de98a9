from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from . import privacy
from .admin_views import OutboxViewSet, ReadOnlyPermissionPolicy
from .models import OutboundEmail
from .privacy_views import PERMISSION, EraseConfirmView, PrivacyRequestsView

register_permission_policy(OutboundEmail, ReadOnlyPermissionPolicy(OutboundEmail))


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()


@hooks.register("on_serve_page")
def mark_page_cacheable(next_serve_page):
    """Runs only when Wagtail really serves the page (after its view-restriction checks)."""

    def serve_page(page, request, args, kwargs):
        from .pagecache import mark_cacheable

        mark_cacheable(request, page)
        return next_serve_page(page, request, args, kwargs)

    return serve_page


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [
        path("privacy/", PrivacyRequestsView.as_view(), name="privacy_requests"),
        path("privacy/verwijderen/", EraseConfirmView.as_view(), name="privacy_erase"),
    ]


@hooks.register("register_settings_menu_item")
def register_privacy_menu_item():
    return PrivacyMenuItem(
        _("Privacyverzoeken"), reverse("privacy_requests"), name="privacy", icon_name="lock", order=900
    )


class PrivacyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


class PrivacyLogFormatter(LogFormatter):
    """ "Persoonsgegevens verwijderd (outbox: 2, task_queue: 0)": counts per kind, never contents."""

    def format_message(self, log_entry):
        counts = (log_entry.data or {}).get("counts", {})
        parts = ", ".join(f"{name}: {count}" for name, count in counts.items()) or "0"
        return f"{self.label} ({parts})"


class ExportedFormatter(PrivacyLogFormatter):
    label = _("Persoonsgegevens geëxporteerd")


class ErasedFormatter(PrivacyLogFormatter):
    label = _("Persoonsgegevens verwijderd")


class PurgedFormatter(PrivacyLogFormatter):
    label = _("Persoonsgegevens opgeschoond")


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(privacy.LOG_EXPORT)(ExportedFormatter)
    actions.register_action(privacy.LOG_ERASE)(ErasedFormatter)
    actions.register_action(privacy.LOG_PURGE)(PurgedFormatter)
