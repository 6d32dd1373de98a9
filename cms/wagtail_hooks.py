from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import OutboxViewSet, ReadOnlyPermissionPolicy
from .models import OutboundEmail

register_permission_policy(OutboundEmail, ReadOnlyPermissionPolicy(OutboundEmail))


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()
