"""Thin views behind the WorkshopPage routes: the form, the thank-you page, the self-service page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..models.workshops import Registration
from . import seats
from .forms import ChangePeopleForm, RegistrationForm


def _subpage_url(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def workshop_page(page, request):
    state = page.registration_state()
    form = None
    status = 200
    if state == "open":
        form = RegistrationForm(request.POST or None, request=request, workshop=page)
        if request.method == "POST":
            if form.is_valid():
                # The same redirect whether the address was new, known or put on the waiting list:
                # the answer on screen tells nothing about an address, the confirmation mail does.
                seats.register(page, form.cleaned_data, language=get_language() or "nl")
                return redirect(_subpage_url(page, "thank_you"))
            if form.is_spam:
                return redirect(_subpage_url(page, "thank_you"))
            if form.rate_limited:
                status = 429
    elif request.method == "POST":
        status = 409
    context = page.get_context(request)
    context.update({"form": form, "registration_state": state, "seats_left": page.seats_left})
    return TemplateResponse(request, page.get_template(request), context, status=status)


def thank_you(page, request):
    context = page.get_context(request)
    return TemplateResponse(request, "pilots/workshop_thank_you.html", context)


def manage_registration(page, request, pk, token):
    registration = seats.find_by_token(page, pk, token)
    if registration is None:
        raise Http404
    people_form = ChangePeopleForm(
        request.POST if request.POST.get("action") == "people" else None,
        initial={"people": registration.people},
    )
    if request.method == "POST":
        action = request.POST.get("action")
        here = _subpage_url(page, "manage_registration", registration.pk, registration.token)
        if action == "cancel":
            seats.cancel(registration)
            messages.success(request, _("Je bent afgemeld. Je krijgt een e-mail ter bevestiging."))
            return redirect(here)
        if action == "people" and people_form.is_valid():
            outcome = seats.change_people(registration, people_form.cleaned_data["people"])
            if outcome.error:
                people_form.add_error(
                    "people",
                    _("Er zijn niet genoeg plekken vrij. Je houdt je %(n)s plekken.")
                    % {"n": registration.people},
                )
            else:
                messages.success(request, _("Het aantal personen is aangepast."))
                return redirect(here)
    registration.refresh_from_db()
    context = page.get_context(request)
    context.update(
        {
            "registration": registration,
            "people_form": people_form,
            "can_change": registration.status in (Registration.Status.CONFIRMED, Registration.Status.WAITLIST)
            and not page.is_cancelled
            and page.starts_at > timezone.now(),
        }
    )
    response = TemplateResponse(request, "pilots/workshop_manage.html", context)
    response["X-Robots-Tag"] = "noindex"
    # same-origin, not no-referrer: with no-referrer Chrome posts "Origin: null" and CSRF fails.
    response["Referrer-Policy"] = "same-origin"
    return response
