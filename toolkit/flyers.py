"""The personalised-print service: flyer context, content-hash cache, rendering in the request or worker.

    job = get_or_create_job(template, inputs, ["nl", "ar"])   # inputs: FlyerForm.flyer_inputs()
    if job_is_ready(job): serve it
    elif job.page_count <= settings.FLYER_SYNC_MAX_PAGES: render_now(job)   # in the request
    else: request_render(job)                                           # in the worker

The cache key is an HMAC (SECRET_KEY) of the template's fingerprint (revision, texts, image), the
languages' templates and the input, so the same input is never rendered twice and the file name
cannot be guessed from the input. Files live in the media storage as flyers/<key>.pdf (local:
written atomically by a rename; a bucket: one PUT, shared by all machines), are served only by
the download view, and are purged with their job after PERSONAL_DATA_RETENTION_DAYS["flyers"] days.
"""

import hashlib
import hmac
import json
import logging
import os
import re
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.html import conditional_escape, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.models import Locale

from cms.links import page_url

from .models import FlyerJob, FlyerTemplate

logger = logging.getLogger(__name__)

# Bump when the flyer templates or CSS change what a cached PDF looks like.
LAYOUT_VERSION = "1"
FLYER_DIR = "flyers"
RENDER_AGAIN_AFTER = timedelta(minutes=10)

PAPER_PAGES = {  # fixed @page rules per paper format (never built from input)
    "a4": "@page { size: A4; margin: 16mm 16mm; }",
    "a5": "@page { size: A5; margin: 11mm 11mm; }",
    "a6": "@page { size: A6; margin: 7mm 7mm; }",
    # The door hanger: a dashed circle in the top margin shows where to cut the hole for the handle.
    "deurhanger": (
        "@page { size: 100mm 210mm; margin: 40mm 7mm 8mm; "
        '@top-center { content: ""; width: 30mm; height: 30mm; margin-top: 5mm; '
        "border: 0.75pt dashed #4a413b; border-radius: 50%; } }"
    ),
}
_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")


def sync_max_pages():
    return getattr(settings, "FLYER_SYNC_MAX_PAGES", 4)


def flyer_dir():
    return Path(settings.MEDIA_ROOT) / FLYER_DIR


def house_numbers(inputs):
    """[12, 14, ...] for a letter (from, to, even/odd/all), or [None] for one flyer."""
    first, last = inputs.get("number_from"), inputs.get("number_to")
    if not first or not last:
        return [None]
    side = inputs.get("numbers") or "all"
    numbers = range(first, last + 1)
    if side == "even":
        return [number for number in numbers if number % 2 == 0]
    if side == "odd":
        return [number for number in numbers if number % 2 == 1]
    return list(numbers)


def format_values(inputs, language, number=None):
    """The placeholder values in `language`: the date with the language's day and month names."""
    with translation.override(language):
        day = date.fromisoformat(inputs["date"]) if inputs.get("date") else None
        start = time.fromisoformat(inputs["start_time"]) if inputs.get("start_time") else None
        end = time.fromisoformat(inputs["end_time"]) if inputs.get("end_time") else None
        hours = ""
        if start:
            hours = start.strftime("%H:%M") + (f"–{end.strftime('%H:%M')}" if end else "")
        return {
            "straat": inputs.get("street", ""),
            "datum": format_date(day, "l j F") if day else "",
            "tijd": hours,
            "plek": inputs.get("place", ""),
            "gangmakers": inputs.get("gangmakers", ""),
            "contact": inputs.get("contact", ""),
            "huisnummer": str(number) if number else "",
        }


def fill(text, values):
    """`text` with {placeholders} replaced; everything escaped (editor text and gangmaker input)."""
    parts, position = [], 0
    for match in _PLACEHOLDER.finditer(text):
        parts.append(conditional_escape(text[position : match.start()]))
        name = match.group(1)
        parts.append(
            conditional_escape(values[name]) if name in values else conditional_escape(match.group(0))
        )
        position = match.end()
    parts.append(conditional_escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 (every part escaped above)


def paragraphs(text, values):
    """Paragraphs (split on blank lines) with single line breaks kept, each filled and escaped."""
    result = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [fill(line, values) for line in block.split("\n") if line.strip()]
        if lines:
            result.append(format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines)))
    return result


def localized_template(template, language):
    """The template's translation into `language` (the template itself when there is none)."""
    if template.locale.language_code == language:
        return template
    locale = Locale.objects.filter(language_code=language).first()
    translated = template.get_translation_or_none(locale) if locale else None
    return translated or template


def available_languages(template):
    """Language codes the template is translated into, in the site's order (Dutch first)."""
    codes = set(
        FlyerTemplate.objects.filter(translation_key=template.translation_key).values_list(
            "locale__language_code", flat=True
        )
    )
    return [code for code, _name in settings.LANGUAGES if code in codes]


def qr_svg(page, language):
    """An inline SVG QR code with the absolute URL of `page` (its translation in `language`)."""
    import segno

    if page is None:
        return "", ""
    locale = Locale.objects.filter(language_code=language).first()
    target = (page.get_translation_or_none(locale) if locale else None) or page
    if not target.live:
        target = page
    url = page_url(target)
    if not url:
        return "", ""
    code = segno.make(url, error="m")
    # segno writes only path data and fixed attributes: nothing of the page or the input is text here.
    return mark_safe(code.svg_inline(scale=1, border=2, omitsize=True, svgclass="flyer-qr__code")), url  # noqa: S308


def flyer_context(template, inputs, languages, *, for_pdf=True, first_only=False):
    """Everything templates/pdf/flyer.html and the HTML preview need, for one or two languages."""
    from cms.pdf import pdf_url

    columns = []
    qr_code, qr_url = qr_svg(template.qr_page, languages[0])
    for language in languages:
        translated = localized_template(template, language)
        columns.append(
            {
                "language": language,
                "direction": "rtl" if translation.get_language_info(language)["bidi"] else "ltr",
                "template": translated,
            }
        )
    image_src = ""
    if template.image_id:
        rendition = template.image.get_rendition("fill-900x500-c60|format-jpeg")
        image_src = pdf_url("media", rendition.file.name) if for_pdf else rendition.url
    numbers = house_numbers(inputs)
    if first_only:
        numbers = numbers[:1]
    pages = []
    for number in numbers:
        page_columns = []
        for column in columns:
            values = format_values(inputs, column["language"], number)
            page_columns.append(
                {
                    **column,
                    "headline": fill(column["template"].headline, values),
                    "paragraphs": paragraphs(column["template"].body, values),
                    "qr_text": column["template"].qr_text,
                    # "When" and "where" in a box, unless the text itself already says them.
                    "show_facts": not ({"datum", "tijd", "plek"} & column["template"].used_placeholders()),
                    "values": values,
                }
            )
        pages.append({"number": number, "columns": page_columns})
    return {
        "flyer": template,
        "pages": pages,
        "street": inputs.get("street", ""),
        "bilingual": len(languages) > 1,
        "image_src": image_src,
        "qr_code": qr_code,
        "qr_url": qr_url,
        "page_rule": PAPER_PAGES[template.paper],
        "paper": template.paper,
        "theme": template.theme,
    }


def flyer_title(template, inputs, language):
    values = format_values(inputs, language)
    translated = localized_template(template, language)
    headline = _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), translated.headline)
    return f"{headline} · {inputs.get('street', '')}".strip(" ·")


def flyer_key(template, inputs, languages):
    """HMAC of everything the PDF depends on: the same input gives the same key, nothing else does."""
    fingerprints = [localized_template(template, language).fingerprint() for language in languages]
    payload = json.dumps(
        {
            "layout": LAYOUT_VERSION,
            "template": fingerprints,
            "languages": languages,
            "inputs": inputs,
        },
        sort_keys=True,
        ensure_ascii=False,
    )
    secret = hashlib.sha256(f"toolkit.flyers:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(secret, payload.encode(), hashlib.sha256).hexdigest()


def get_or_create_job(template, inputs, languages):
    key = flyer_key(template, inputs, languages)
    job, _created = FlyerJob.objects.get_or_create(
        key=key,
        defaults={
            "template": template,
            "languages": "+".join(languages),
            "inputs": inputs,
            "page_count": len(house_numbers(inputs)),
        },
    )
    return job


def storage_name(job):
    return f"{FLYER_DIR}/{job.key}.pdf"


def _local_storage():
    """True when media are local files (then files are written atomically by a rename)."""
    from django.core.files.storage import FileSystemStorage, storages

    return isinstance(storages["default"], FileSystemStorage)


def cached_path(job):
    """The local file of a job (local media storage only)."""
    return flyer_dir() / f"{job.key}.pdf"


def file_exists(job):
    from django.core.files.storage import default_storage

    return cached_path(job).is_file() if _local_storage() else default_storage.exists(storage_name(job))


def open_file(job):
    from django.core.files.storage import default_storage

    return open(cached_path(job), "rb") if _local_storage() else default_storage.open(storage_name(job), "rb")  # noqa: SIM115


def store_file(job, data):
    """Local media: a temporary file renamed into place. A bucket (several machines share it): one PUT."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    if _local_storage():
        write_atomically(cached_path(job), data)
    elif not default_storage.exists(storage_name(job)):
        default_storage.save(storage_name(job), ContentFile(data))


def delete_file(job):
    from django.core.files.storage import default_storage

    if _local_storage():
        cached_path(job).unlink(missing_ok=True)
    else:
        default_storage.delete(storage_name(job))


def job_is_ready(job):
    return job.status == FlyerJob.Status.READY and file_exists(job)


def write_atomically(path, data):
    """Write `data` to `path` so that a reader sees the whole file or none (same-folder rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as target:
            target.write(data)
            target.flush()
            os.fsync(target.fileno())
        os.chmod(temporary, 0o640)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def render_job_pdf(job, *, limited):
    """Render the job's PDF with cms.pdf (raises cms.pdf.RenderError).

    Each flyer is one page. When a long text (often two languages side by side) runs over, it is
    rendered once more in the compact variant (smaller type), which nearly always fits.
    """
    from cms.pdf import render_pdf

    languages = job.language_list
    template = job.template
    context = flyer_context(template, job.inputs, languages)
    options = {
        "language": languages[0],
        "title": flyer_title(template, job.inputs, languages[0]),
        # One page per address, two at most when a text runs over; more means something is wrong.
        "max_pages": 2 * job.page_count,
        "limited": limited,
    }
    data = render_pdf("pdf/flyer.html", context, **options)
    if data.pages > job.page_count:  # WeasyPrint's own count: no second parse of the PDF
        data = render_pdf("pdf/flyer.html", {**context, "compact": True}, **options)
    return data


def _finish(job, data):
    store_file(job, data)
    FlyerJob.objects.filter(pk=job.pk).update(
        status=FlyerJob.Status.READY,
        file_name=f"{FLYER_DIR}/{job.key}.pdf",
        error="",
        finished_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


def _fail(job, error):
    FlyerJob.objects.filter(pk=job.pk).update(
        status=FlyerJob.Status.FAILED, error=str(error.message)[:300], finished_at=timezone.now()
    )
    job.refresh_from_db()
    logger.warning("Flyer %s failed: %s", job.pk, error.detail)
    return job


def render_now(job):
    """Render a small job in the request (page-capped); returns the job, ready or failed."""
    from cms.pdf import RenderError

    if job_is_ready(job):
        return job
    FlyerJob.objects.filter(pk=job.pk).update(status=FlyerJob.Status.RENDERING, started_at=timezone.now())
    try:
        data = render_job_pdf(job, limited=False)
    except RenderError as error:
        return _fail(job, error)
    return _finish(job, data)


def request_render(job):
    """Queue the job for the worker once (again only when an earlier request seems lost)."""
    from django_q.tasks import async_task

    now = timezone.now()
    claimable = Q(status__in=[FlyerJob.Status.PENDING, FlyerJob.Status.FAILED]) | Q(
        status=FlyerJob.Status.RENDERING, started_at__lt=now - RENDER_AGAIN_AFTER
    )
    claimed = FlyerJob.objects.filter(claimable, pk=job.pk).update(
        status=FlyerJob.Status.RENDERING, started_at=now, error=""
    )
    if claimed:
        transaction.on_commit(
            lambda: async_task("toolkit.flyers.render_job", job.pk, task_name=f"flyer-{job.key[:16]}")
        )
    return bool(claimed)


def render_job(job_id):
    """The worker's task: render a (big) job under CPU, memory and time limits. Idempotent."""
    from cms.pdf import RenderError

    job = FlyerJob.objects.select_related("template").filter(pk=job_id).first()
    if job is None:
        return None
    if job_is_ready(job):
        return job
    # A task delivered again (its first worker died, django-q2 retried it) takes the job over. The
    # file appears by an atomic rename and the job is marked ready only after it: nobody is ever
    # served half a file.
    FlyerJob.objects.filter(pk=job.pk).update(status=FlyerJob.Status.RENDERING, started_at=timezone.now())
    try:
        data = render_job_pdf(job, limited=True)
    except RenderError as error:
        return _fail(job, error)
    return _finish(job, data)


def example_inputs(template, *, letter=False):
    """Example input for the admin preview."""
    inputs = {
        "street": "Korenaarstraat",
        "date": (
            timezone.localdate() + timedelta(days=(5 - timezone.localdate().weekday()) % 7 or 7)
        ).isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
        "place": _("bij nummer 14"),
        "gangmakers": "Noreen en Kees",
        "contact": "06 12345678",
    }
    if letter or template.per_address:
        inputs.update(number_from=2, number_to=48, numbers="even")
    return inputs


def purge_old_flyers():
    """Delete jobs and files older than the retention period (a schedule; they hold names)."""
    days = settings.PERSONAL_DATA_RETENTION_DAYS.get("flyers", 7)
    cutoff = timezone.now() - timedelta(days=days)
    removed = 0
    for job in FlyerJob.objects.filter(created_at__lt=cutoff).only("pk", "key"):
        delete_file(job)
        job.delete()
        removed += 1
    folder = flyer_dir()
    if (
        _local_storage() and folder.is_dir()
    ):  # files whose job is gone (a bucket expires them by its own rule)
        for path in folder.iterdir():
            if path.is_file() and path.stat().st_mtime < cutoff.timestamp():
                path.unlink(missing_ok=True)
    if removed:
        logger.info("Removed %d old flyers", removed)
    return removed


def export_flyers(email):
    """Flyers hold no e-mail address (only what was typed on them), so nothing can be found by one."""
    from cms.privacy import Export

    return Export()


def erase_flyers(email):
    return 0
