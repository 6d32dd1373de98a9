from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import OutboxViewSet, ReadOnlyPermissionPolicy
from .models import OutboundEmail

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
