"""The mail outbox in Wagtail's admin: read-only, filterable, with "retry" for a failed mail."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from .mail import retry_mail
from .models import OutboundEmail


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody creates, edits or deletes mails by hand; the outbox is a record of what was sent."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class OutboxInspectView(InspectView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.object.status != OutboundEmail.Status.SENT and self.request.user.has_perm(
            "cms.change_outboundemail"
        ):
            retry_url = reverse("outbox:retry", args=[self.object.pk])
            buttons.append(
                HeaderButton(
                    _("Opnieuw proberen"),
                    url=retry_url,
                    icon_name="rotate",
                    # w-action#post submits a form to its url value (not to the link's href).
                    attrs={
                        "data-controller": "w-action",
                        "data-action": "w-action#post",
                        "data-w-action-url-value": retry_url,
                    },
                )
            )
        return buttons


@require_POST
def retry_view(request, pk):
    if not request.user.has_perm("cms.change_outboundemail"):
        raise PermissionDenied
    mail = get_object_or_404(OutboundEmail, pk=pk)
    if retry_mail(mail):
        messages.success(request, _("De e-mail wordt zo snel mogelijk opnieuw verstuurd."))
    else:
        messages.warning(request, _("Deze e-mail is al verzonden."))
    return redirect("outbox:inspect", pk)


class OutboxViewSet(ModelViewSet):
    model = OutboundEmail
    name = "outbox"
    icon = "mail"
    menu_label = _("Outbox")
    add_to_settings_menu = True
    inspect_view_enabled = True
    inspect_view_class = OutboxInspectView
    copy_view_enabled = False
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "language"]
    search_fields = ["subject", "recipients"]
    search_backend_name = None
    inspect_view_fields = [
        "recipients",
        "from_email",
        "reply_to",
        "subject",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
        "language",
        "body_text",
    ]
    list_export = ["created_at", "subject", "status", "attempts", "sent_at", "last_error"]
    export_filename = "outbox"
    form_fields = []  # never edited by hand: the permission policy refuses add and change

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("<int:pk>/retry/", retry_view, name="retry")]
