"""Views of the sign-up page (routes of SignupPage): thin, the work is in signup_moderation."""

import logging
from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation

from cms.links import page_url

from . import signup_subscribers
from .signup_forms import StreetSignupForm, SubscribeForm
from .signup_moderation import confirm_gangmaker, gangmaker_from_token, submit_signup

logger = logging.getLogger(__name__)


def _render(request, page, template, context, status=200):
    context = {**page.get_context(request), "page": page, "self": page, **context}
    return TemplateResponse(request, template, context, status=status)


def privacy_url(page):
    """The privacy statement in the page's language (a sibling with the slug "privacy")."""
    statement = page.get_siblings().live().filter(slug="privacy").first()
    return statement.url if statement else ""


def _absolute(page, route, token):
    return page_url(page) + page.reverse_subpage(route) + "?" + urlencode({"t": token})


def signup_view(request, page):
    round_ = page.open_round()
    if round_ is None:
        return _render(
            request,
            page,
            "pilots/signup_page.html",
            {"next_round": page.next_round(), "subscribe_form": SubscribeForm(request=request)},
        )
    form = StreetSignupForm(request.POST or None, request=request, round=round_)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            submit_signup(
                round_,
                form.signup_data(),
                form.gangmakers.people(),
                language=translation.get_language(),
                confirm_url=lambda token: _absolute(page, "confirm_email", token),
            )
            return HttpResponseRedirect(page.url + page.reverse_subpage("thanks"))
        if form.is_spam:
            return _render(request, page, "pilots/signup_thanks.html", {})
        status = 429 if form.rate_limited else 200
    return _render(
        request,
        page,
        "pilots/signup_page.html",
        {"round": round_, "form": form, "privacy_url": privacy_url(page)},
        status=status,
    )


def thanks_view(request, page):
    return _render(request, page, "pilots/signup_thanks.html", {})


def confirm_gangmaker_view(request, page, token):
    """GET shows a button, POST confirms: mail scanners that open links confirm nothing."""
    gangmaker = gangmaker_from_token(token)
    if gangmaker is None:
        return _render(request, page, "pilots/signup_confirm.html", {"invalid": True}, status=404)
    done = gangmaker.confirmed_at is not None
    if request.method == "POST" and not done:
        confirm_gangmaker(gangmaker)
        done = True
    return _render(
        request,
        page,
        "pilots/signup_confirm.html",
        {"gangmaker": gangmaker, "signup": gangmaker.signup, "done": done, "kind": "gangmaker"},
    )


def subscribe_view(request, page):
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    form = SubscribeForm(request.POST, request=request)
    if form.is_valid():
        signup_subscribers.subscribe(
            form.cleaned_data["email"],
            language=translation.get_language(),
            confirm_url=lambda token: _absolute(page, "confirm_subscription", token),
        )
        return _render(request, page, "pilots/signup_subscribed.html", {})
    if form.is_spam:
        return _render(request, page, "pilots/signup_subscribed.html", {})
    status = 429 if form.rate_limited else 200
    return _render(
        request,
        page,
        "pilots/signup_page.html",
        {"next_round": page.next_round(), "subscribe_form": form},
        status=status,
    )


def confirm_subscriber_view(request, page, token):
    subscriber = signup_subscribers.subscriber_from_token(
        token, signup_subscribers.CONFIRM_SALT, max_age=signup_subscribers.CONFIRM_MAX_AGE
    )
    if subscriber is None:
        return _render(request, page, "pilots/signup_confirm.html", {"invalid": True}, status=404)
    done = subscriber.confirmed_at is not None
    if request.method == "POST" and not done:
        signup_subscribers.confirm(subscriber)
        done = True
    return _render(request, page, "pilots/signup_confirm.html", {"done": done, "kind": "subscriber"})


def unsubscribe_view(request, page, token):
    subscriber = signup_subscribers.subscriber_from_token(token, signup_subscribers.UNSUBSCRIBE_SALT)
    if subscriber is None:
        # Already removed (or a broken link): either way, this address gets no more mail from us.
        return _render(request, page, "pilots/signup_confirm.html", {"done": True, "kind": "unsubscribe"})
    done = False
    if request.method == "POST":
        signup_subscribers.unsubscribe(subscriber)
        done = True
    return _render(request, page, "pilots/signup_confirm.html", {"done": done, "kind": "unsubscribe"})
