"""One ZIP per occasion with every toolkit document for it, built in the worker and cached.

The cache key is a fingerprint of the documents (ids, languages, file names, sizes and content
hashes), so the ZIP is rebuilt only after a document was added, removed or replaced. Building is
idempotent: a worker that finds a ZIP for the current key does nothing.
"""

import hashlib
import logging
import tempfile
import zipfile
from datetime import timedelta

from django.core.files import File
from django.db.models import Q
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify

from wagtail.models import CollectionViewRestriction

from .choices import Occasion
from .models import Bundle, ToolkitDocument, ToolkitItemOccasion, ToolkitItemPage

logger = logging.getLogger(__name__)

# A build that was asked for but has not finished after this long is asked for again.
REQUEST_AGAIN_AFTER = timedelta(minutes=10)
REFRESH_SECONDS = 5


def bundle_documents(occasion):
    """Every document of the live, public materials for `occasion` (all languages), in a stable order.

    Documents in a collection with a view restriction stay out: the ZIP is public.
    """
    pages = (
        ToolkitItemPage.objects.live()
        .public()
        .filter(pk__in=ToolkitItemOccasion.objects.filter(occasion=occasion).values("page_id"))
    )
    documents = ToolkitDocument.objects.filter(toolkit_downloads__page__in=pages).select_related("collection")
    restricted = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    unique = {}
    for document in documents.order_by("language", "title", "pk"):
        if any(document.collection.path.startswith(path) for path in restricted):
            continue
        unique.setdefault(document.pk, document)
    return list(unique.values())


def bundle_key(occasion, documents):
    fingerprint = hashlib.sha256(occasion.encode())
    for document in sorted(documents, key=lambda d: d.pk):
        fingerprint.update(
            "|".join(
                [
                    str(document.pk),
                    document.language,
                    document.file.name,
                    str(document.file_size or ""),
                    document.file_hash or document.get_file_hash(),
                ]
            ).encode()
            + b"\n"
        )
    return fingerprint.hexdigest()


def archive_name(document, taken):
    """`nl/welkomstbrief.pdf`: a folder per language and a readable, unique file name."""
    extension = document.file_extension.lower()
    stem = slugify(document.title)[:80] or f"document-{document.pk}"
    name = f"{document.language}/{stem}.{extension}"
    number = 2
    while name in taken:
        name = f"{document.language}/{stem}-{number}.{extension}"
        number += 1
    taken.add(name)
    return name


def write_zip(documents, target):
    taken = set()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for document in documents:
            with document.open_file() as source, archive.open(archive_name(document, taken), "w") as entry:
                while chunk := source.read(1024 * 1024):
                    entry.write(chunk)


def build_bundle(occasion):
    """Build the ZIP of `occasion` unless the stored one is current. Run by the worker."""
    documents = bundle_documents(occasion)
    bundle, _created = Bundle.objects.get_or_create(occasion=occasion)
    if not documents:
        return bundle
    key = bundle_key(occasion, documents)
    if bundle.is_ready_for(key):
        return bundle
    storage = bundle.file.storage
    name = f"toolkit/bundles/{occasion}-{key[:24]}.zip"
    if not storage.exists(name):
        with tempfile.TemporaryFile() as target:
            write_zip(documents, target)
            target.seek(0)
            name = storage.save(name, File(target, name=name))
    old_name = bundle.file.name
    Bundle.objects.filter(pk=bundle.pk).update(
        key=key,
        file=name,
        document_count=len(documents),
        file_size=storage.size(name),
        built_at=timezone.now(),
    )
    if old_name and old_name != name and storage.exists(old_name):
        storage.delete(old_name)
    logger.info("Built the %s bundle: %d documents", occasion, len(documents))
    bundle.refresh_from_db()
    return bundle


def build_all_bundles():
    """Bring every occasion's ZIP up to date (a schedule), so visitors rarely wait for a build."""
    return [build_bundle(occasion) for occasion in Occasion.values]


def request_build(occasion, key):
    """Ask the worker for a build, once per key (again only when an earlier request seems lost)."""
    from django_q.tasks import async_task

    bundle, _created = Bundle.objects.get_or_create(occasion=occasion)
    now = timezone.now()
    not_asked_yet = (
        ~Q(requested_key=key) | Q(requested_at__isnull=True) | Q(requested_at__lt=now - REQUEST_AGAIN_AFTER)
    )
    claimed = Bundle.objects.filter(not_asked_yet, pk=bundle.pk).update(requested_key=key, requested_at=now)
    if claimed:
        async_task("toolkit.bundles.build_bundle", occasion, task_name=f"toolkit-bundle-{occasion}")
    return bool(claimed)


def serve_bundle(bundle):
    response = FileResponse(
        bundle.file.open("rb"),
        as_attachment=True,
        filename=f"lief-en-leed-{bundle.occasion}.zip",
        content_type="application/zip",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def serve_or_prepare_bundle(request, index_page, occasion):
    """The ZIP when it is current; otherwise ask for a build and show a page that refreshes itself."""
    documents = bundle_documents(occasion)
    if not documents:
        raise Http404
    key = bundle_key(occasion, documents)
    bundle = Bundle.objects.filter(occasion=occasion).first()
    if bundle is None or not bundle.is_ready_for(key):
        request_build(occasion, key)
        # With a synchronous queue (tests, a small install) the ZIP may be there already.
        bundle = Bundle.objects.filter(occasion=occasion).first()
    if bundle is not None and bundle.is_ready_for(key):
        return serve_bundle(bundle)
    response = TemplateResponse(
        request,
        "toolkit/bundle_preparing.html",
        {
            "page": index_page,
            "occasion_label": Occasion(occasion).label,
            "document_count": len(documents),
            "refresh_seconds": REFRESH_SECONDS,
            "back_url": index_page.filter_url(occasion=occasion),
        },
    )
    add_never_cache_headers(response)
    return response
