"""The open round on the home page: its name, the deadline (days left) and the sign-up link."""

from django import template

from wagtail.models import Locale

from ..models import PilotRound, SignupPage

register = template.Library()


@register.inclusion_tag("pilots/signup_announcement.html")
def open_round_announcement():
    round_ = PilotRound.objects.open().first()
    if round_ is None:
        return {"round": None}
    pages = SignupPage.objects.live().public()
    page = (
        pages.filter(locale=Locale.get_active()).first() or pages.filter(locale=Locale.get_default()).first()
    )
    return {"round": round_, "signup_page": page}
