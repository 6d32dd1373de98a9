"""The public flyer pages, routes of a ToolkitItemPage (toolkit/models/pages.py):

    maak/<template>/            the form (GET), "Voorbeeld bekijken" or "Maak de PDF" (POST)
    maak/<template>/voorbeeld/  the first page as an HTML fragment, for the live preview (POST, JS)
    pdf/<key>/                  the PDF as an attachment when it is ready, otherwise a progress page
                                (JSON for the page's polling script with Accept: application/json)

Views stay thin: toolkit/flyers.py does the work. A failed render shows its message; never a 500.
"""

from urllib.parse import urlencode

from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.views.decorators.csrf import csrf_protect

from . import flyers
from .forms import FlyerForm
from .models import FlyerJob, FlyerTemplate

PREVIEW_RATE_LIMIT = 120  # live previews per client per minute (one per pause in typing)


def _template_for(page, template_id):
    """The offered template `template_id`, or its translation offered here (a link in another language)."""
    offered = page.flyer_templates()
    for template in offered:
        if template.pk == template_id:
            return template
    other = FlyerTemplate.objects.filter(pk=template_id).only("translation_key").first()
    for template in offered:
        if other is not None and template.translation_key == other.translation_key:
            return template
    raise Http404


def _languages(template):
    """The languages the form offers: the template's translations, the visitor's language first."""
    from django.utils import translation

    languages = flyers.available_languages(template)
    current = translation.get_language()
    if current in languages:
        languages.remove(current)
        languages.insert(0, current)
    return languages


def _form(request, template):
    if request.method == "POST":
        return FlyerForm(request.POST, request=request, template=template, languages=_languages(template))
    initial = {}
    earlier = _earlier_job(request, template)
    if earlier is not None:
        initial = FlyerForm.initial_from_job(earlier)
    return FlyerForm(request=request, template=template, languages=_languages(template), initial=initial)


def _earlier_job(request, template):
    """The job named by `?opnieuw=<key>` (the opaque key of a PDF this visitor asked for), when it
    was made from this template or one of its translations."""
    key = request.GET.get("opnieuw", "")
    if not key or len(key) > 128:
        return None
    job = FlyerJob.objects.select_related("template").filter(key=key).first()
    if job is None or job.template.translation_key != template.translation_key:
        return None
    return job


def _render_form(request, page, template, form, *, preview=None, error="", status=200):
    response = TemplateResponse(
        request,
        "toolkit/flyer_form.html",
        {
            "page": page,
            "self": page,
            "flyer": template,
            "form": form,
            "preview": preview,
            "render_error": error,
            "preview_url": page.url
            + page.reverse_subpage("flyer_preview", kwargs={"template_id": template.pk}),
            "sync_max_pages": flyers.sync_max_pages(),
        },
        status=status,
    )
    add_never_cache_headers(response)
    return response


def _preview_context(form):
    return flyers.flyer_context(
        form.template, form.flyer_inputs(), form.languages(), for_pdf=False, first_only=True
    )


def _download_url(page, job):
    return page.url + page.reverse_subpage("flyer_download", kwargs={"key": job.key})


@csrf_protect
def flyer_form(request, page, template_id):
    template = _template_for(page, template_id)
    form = _form(request, template)
    if request.method != "POST":
        return _render_form(request, page, template, form)
    if not form.is_valid():
        if form.is_spam:  # a bot: the normal next page, nothing stored
            return HttpResponseRedirect(page.url)
        return _render_form(request, page, template, form, status=429 if form.rate_limited else 200)
    if request.POST.get("action") == "preview":
        return _render_form(request, page, template, form, preview=_preview_context(form))

    job = flyers.get_or_create_job(template, form.flyer_inputs(), form.languages())
    if not flyers.job_is_ready(job):
        if job.page_count <= flyers.sync_max_pages():
            job = flyers.render_now(job)
            if job.status == FlyerJob.Status.FAILED:
                return _render_form(request, page, template, form, error=job.error)
        else:
            flyers.request_render(job)
    return HttpResponseRedirect(_download_url(page, job), status=303)


@csrf_protect
def flyer_preview(request, page, template_id):
    """The first page as HTML (the same template as the PDF), for the live preview script."""
    if request.method != "POST":
        raise Http404
    from cms import ratelimit

    template = _template_for(page, template_id)
    if ratelimit.hit(request, "flyer-preview", PREVIEW_RATE_LIMIT, 60):
        return TemplateResponse(request, "toolkit/flyer/preview.html", {}, status=429)
    form = FlyerForm(request.POST, template=template, languages=_languages(template))  # no per-post limit
    form.is_valid()
    # While the form is still incomplete, the preview shows what is there (blanks for the rest).
    cleaned = getattr(form, "cleaned_data", {})
    context = {"form": form, "flyer": template}
    status = 200
    if cleaned.get("language"):
        languages = [cleaned["language"]]
        if cleaned.get("second_language") and cleaned["second_language"] != cleaned["language"]:
            languages.append(cleaned["second_language"])
        inputs = form.flyer_inputs(cleaned)
        context["preview"] = flyers.flyer_context(template, inputs, languages, for_pdf=False, first_only=True)
    else:
        status = 400
    response = TemplateResponse(request, "toolkit/flyer/preview.html", context, status=status)
    add_never_cache_headers(response)
    return response


def flyer_download(request, page, key):
    job = FlyerJob.objects.select_related("template").filter(key=key).first()
    if job is None:
        raise Http404
    ready = flyers.job_is_ready(job)
    if not ready and job.status == FlyerJob.Status.READY:
        # The file was purged or lost: make it again (same input, same key).
        FlyerJob.objects.filter(pk=job.pk).update(status=FlyerJob.Status.PENDING)
        job.refresh_from_db()
        if job.page_count <= flyers.sync_max_pages():
            job = flyers.render_now(job)
        else:
            flyers.request_render(job)
        ready = flyers.job_is_ready(job)
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse(
            {
                "status": job.status,
                "ready": ready,
                "url": _download_url(page, job),
                "error": job.error,
            }
        )
        add_never_cache_headers(response)
        return response
    if ready:
        filename = f"{slugify(job.template.name) or 'flyer'}-{slugify(job.inputs.get('street', ''))}.pdf"
        response = FileResponse(
            flyers.open_file(job),
            as_attachment=True,
            filename=filename.replace("-.pdf", ".pdf"),
            content_type="application/pdf",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'"
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response
    response = TemplateResponse(
        request,
        "toolkit/flyer_progress.html",
        {
            "page": page,
            "self": page,
            "job": job,
            "failed": job.status == FlyerJob.Status.FAILED,
            # Back to the form with what was filled in (the key is as opaque as this page's URL).
            "form_url": f"{page.flyer_url(job.template)}?{urlencode({'opnieuw': job.key})}",
        },
    )
    add_never_cache_headers(response)
    return response
