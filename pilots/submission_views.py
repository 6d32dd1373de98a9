"""Views of the story-submission page (routes of StorySubmissionPage)."""

from django.http import HttpResponseRedirect
from django.utils import translation

from .signup_views import _render, privacy_url
from .submission_forms import StorySubmissionForm
from .submission_moderation import receive_submission


def submission_view(request, page):
    form = StorySubmissionForm(request.POST or None, request.FILES or None, request=request)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            receive_submission(form.cleaned_data, language=translation.get_language())
            return HttpResponseRedirect(page.url + page.reverse_subpage("thanks"))
        if form.is_spam:
            return _render(request, page, "pilots/submission_thanks.html", {})
        status = 429 if form.rate_limited else 200
    return _render(
        request,
        page,
        "pilots/submission_page.html",
        {"form": form, "privacy_url": privacy_url(page)},
        status=status,
    )


def thanks_view(request, page):
    return _render(request, page, "pilots/submission_thanks.html", {})
