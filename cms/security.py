"""Security headers that Django 5.2 does not set by itself."""

from django.conf import settings


def _policy(directives):
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


class ContentSecurityPolicyMiddleware:
    """Sends a Content-Security-Policy without inline scripts or styles on every public page.

    Wagtail's admin (and its page previews) get CONTENT_SECURITY_POLICY_ADMIN, since the admin
    uses inline scripts of its own. A view may set its own header, which is then kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.public = _policy(settings.CONTENT_SECURITY_POLICY)
        self.admin = _policy(settings.CONTENT_SECURITY_POLICY_ADMIN)

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            is_admin = request.path.startswith("/admin/")
            response["Content-Security-Policy"] = self.admin if is_admin else self.public
        # Only features that browsers know: an unknown one ("interest-cohort") logs an error.
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
