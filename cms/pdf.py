"""The one safe PDF renderer of the project (WeasyPrint).

    from cms.pdf import render_pdf, RenderError

    pdf_bytes = render_pdf("pdf/attendance.html", context, language="nl", title="Presentielijst ...")

What makes it safe:

- the HTML comes from a Django template, so user text is autoescaped; user text never goes into
  CSS (templates use fixed classes only). `clean_text()` removes control and bidi-override characters
  from text before it is stored or rendered.
- WeasyPrint fetches every resource through `SafeURLFetcher`: only this project's static files
  (stylesheets, fonts, images) and media images, resolved to files under their roots after a
  real-path check, image types checked by their first bytes, size-capped, never over the network.
  `file:`, `http(s):` to anywhere, `data:` and everything else is refused and logged.
- `max_pages` caps a render in the request; `limited=True` renders in a forked child process with a
  CPU time, memory and wall-clock limit (for the worker). The child is a plain `os.fork()`, not a
  `multiprocessing` process: django-q2's worker processes are daemonic, and a daemonic process may
  not start `multiprocessing` children.
- The result is a `PDF`: the bytes, with the page count WeasyPrint already knows (`.pages`), so
  nobody parses the finished file again to count them.
- Every failure raises `RenderError`, whose `message` can be shown to the user as it is.

The PDF is tagged (PDF/UA-1: a structure tree with the language of `<html lang>`), has a real
text layer and its title in the metadata. Templates extend `templates/pdf/base.html`.
"""

import io
import logging
import os
import re
import resource
import signal
import tempfile
import time
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# Resources are asked for under this origin; it resolves to nothing on any network (RFC 6761).
PDF_ORIGIN = "https://pdf.invalid"
MAX_RESOURCE_BYTES = 5 * 1024 * 1024

IMAGE_SIGNATURES = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
}
STATIC_TYPES = {
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".gif": "image/gif",
}

# C0/C1 controls (but tab and newline), and the bidi embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069) that can make text read differently from how it is stored.
_UNSAFE_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


class RenderError(Exception):
    """A render that failed or took too long; `message` is Dutch and fit to show to the user."""

    default_message = _(
        "Het maken van de PDF is niet gelukt. Probeer het later nog eens, of maak de tekst korter."
    )

    def __init__(self, message=None, *, detail=""):
        self.message = message or self.default_message
        self.detail = detail
        super().__init__(detail or str(self.message))


class RefusedResource(Exception):
    pass


class PDF(bytes):
    """The bytes of a rendered PDF; `pages` is its page count, as WeasyPrint laid it out."""

    pages: int

    def __new__(cls, data, pages):
        pdf = super().__new__(cls, data)
        pdf.pages = pages
        return pdf


def clean_text(value):
    """Text without control characters and bidi overrides; newlines normalised to \\n."""
    if not value:
        return value
    value = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE_CHARACTERS.sub("", value)


def pdf_url(kind, name):
    """The URL a PDF template uses for a static file (`kind="static"`) or a media file name."""
    prefix = settings.STATIC_URL if kind == "static" else settings.MEDIA_URL
    return f"{PDF_ORIGIN}{prefix}{name.lstrip('/')}"


def _under(path, roots):
    real = os.path.realpath(path)
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _static_roots():
    roots = [os.path.realpath(settings.STATIC_ROOT)] if settings.STATIC_ROOT else []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(os.path.realpath(location))
    return roots


class SafeURLFetcher(URLFetcher):
    """WeasyPrint's URL fetcher with an allow-list; `refused` lists every URL it turned down.

    WeasyPrint 70's way: subclass `URLFetcher` and override `fetch(url, headers)`. No protocol is
    allowed to urllib and redirects are off, and `fetch` never calls the parent: nothing here opens
    a connection or a file outside the allow-list.
    """

    def __init__(self):
        super().__init__(allowed_protocols=set(), allow_redirects=False, fail_on_errors=False)
        self.refused = []
        self.fetched = []

    def open(self, url, data=None, timeout=None):
        raise RefusedResource("urllib is not used")

    def fetch(self, url, headers=None):
        try:
            kind, body, mime_type = self._resolve(url)
        except RefusedResource as refusal:
            self.refused.append(url)
            logger.warning("PDF render: refused resource %.200s (%s)", url, refusal)
            raise
        self.fetched.append(url)
        return URLFetcherResponse(url, body=body, headers={"Content-Type": mime_type})

    def _resolve(self, url):
        if not url.startswith(PDF_ORIGIN + "/"):
            raise RefusedResource("not a project file")
        parts = urlsplit(url)
        path = unquote(parts.path)
        if "\x00" in path or any(part in {"..", "."} for part in path.split("/")):
            raise RefusedResource("path escapes its root")
        if path.startswith(settings.STATIC_URL):
            return self._static(path.removeprefix(settings.STATIC_URL))
        if path.startswith(settings.MEDIA_URL):
            return self._media(path.removeprefix(settings.MEDIA_URL))
        raise RefusedResource("neither a static nor a media file")

    def _static(self, name):
        mime_type = STATIC_TYPES.get(Path(name).suffix.lower())
        if mime_type is None:
            raise RefusedResource("file type not allowed")
        found = None
        if settings.STATIC_ROOT and (Path(settings.STATIC_ROOT) / name).is_file():
            found = str(Path(settings.STATIC_ROOT) / name)
        found = found or finders.find(name)
        if not found or not _under(found, _static_roots()):
            raise RefusedResource("no such static file")
        body = _read_capped(open(os.path.realpath(found), "rb"))  # noqa: SIM115 (closed by _read_capped)
        if mime_type.startswith("image/") and mime_type != "image/svg+xml":
            _check_image(body)
        return "static", body, mime_type

    def _media(self, name):
        if not name.startswith(("images/", "original_images/")):
            raise RefusedResource("only images from the media library")
        if isinstance(storages["default"], FileSystemStorage):
            try:
                local = default_storage.path(name)
            except Exception as error:  # SuspiciousFileOperation
                raise RefusedResource("path escapes the media root") from error
            if not _under(local, [os.path.realpath(settings.MEDIA_ROOT)]) or not os.path.isfile(local):
                raise RefusedResource("no such media file")
            handle = open(os.path.realpath(local), "rb")  # noqa: SIM115 (closed by _read_capped)
        else:  # remote storage (S3-compatible): read through the storage API, never by URL
            if not default_storage.exists(name):
                raise RefusedResource("no such media file")
            handle = default_storage.open(name, "rb")
        body = _read_capped(handle)
        return "media", body, _check_image(body)


def _read_capped(handle):
    with handle:
        body = handle.read(MAX_RESOURCE_BYTES + 1)
    if len(body) > MAX_RESOURCE_BYTES:
        raise RefusedResource("file too big")
    return body


def _check_image(body):
    for mime_type, signatures in IMAGE_SIGNATURES.items():
        if body.startswith(signatures):
            if mime_type == "image/webp" and body[8:12] != b"WEBP":
                continue
            return mime_type
    raise RefusedResource("not an image")


def _tag_element_languages():
    """Give structure elements the language of their HTML element (`<div lang="ar">`).

    WeasyPrint 70 writes the language of `<html lang>` into the catalogue only; a bilingual flyer
    needs its second language on the elements that hold it, so that a screen reader switches voice.
    This wraps the tag-tree builder (a private function, hence the guards): every element it makes
    for a box whose HTML element has another `lang` than its parent gets a /Lang entry.
    """
    try:
        import pydyf
        from weasyprint.pdf import tags
    except ImportError:  # pragma: no cover
        return
    original = getattr(tags, "_build_box_tree", None)
    if original is None or getattr(original, "_adds_lang", False):
        return

    def build_box_tree(box, parent, *args, **kwargs):
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and element.tag not in ("html", "body") else None
        for struct in original(box, parent, *args, **kwargs):
            if lang and struct.get("P") == parent.reference and "Lang" not in struct:
                struct["Lang"] = pydyf.String(lang)
            yield struct

    build_box_tree._adds_lang = True
    tags._build_box_tree = build_box_tree


_tag_element_languages()


def render_html(template_name, context, *, language="nl", title=""):
    """The HTML of a PDF template, rendered (autoescaped) in `language`."""
    with translation.override(language):
        return render_to_string(
            template_name,
            {
                **context,
                "pdf_language": language,
                "pdf_direction": "rtl" if translation.get_language_bidi() else "ltr",
                "pdf_title": title,
                "PDF_STATIC": pdf_url("static", ""),
            },
        )


def html_to_pdf(html, *, title="", language="nl", max_pages=None, url_fetcher=None):
    """A `PDF` from HTML made by `render_html` (WeasyPrint, PDF/UA-1, through the safe fetcher)."""
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    fetcher = url_fetcher or SafeURLFetcher()
    try:
        document = HTML(string=html, base_url=PDF_ORIGIN + "/", url_fetcher=fetcher).render(
            pdf_variant="pdf/ua-1"
        )
    except RecursionError as error:
        raise RenderError(detail="document nested too deeply") from error
    if max_pages is not None and len(document.pages) > max_pages:
        raise RenderError(
            _("Dit document wordt te lang (%(count)s bladzijden). Maak de tekst korter.")
            % {"count": len(document.pages)},
            detail=f"{len(document.pages)} pages > {max_pages}",
        )
    if title:
        document.metadata.title = title
    document.metadata.lang = language
    return PDF(document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages))


def render_pdf(
    template_name,
    context,
    *,
    language="nl",
    title="",
    max_pages=None,
    limited=False,
    url_fetcher=None,
):
    """Render `template_name` with `context` to PDF bytes; raises RenderError on any failure.

    `max_pages` refuses a document that turned out longer (use it in the request). `limited=True`
    runs WeasyPrint in a child process under PDF_RENDER_LIMITS (CPU seconds, memory on top of what
    the process already has, wall clock): use it in the worker, where big documents are rendered.
    """
    try:
        html = render_html(template_name, context, language=language, title=title)
        if limited:
            return render_limited(html, title=title, language=language, max_pages=max_pages)
        return html_to_pdf(html, title=title, language=language, max_pages=max_pages, url_fetcher=url_fetcher)
    except RenderError:
        raise
    except Exception as error:
        logger.exception("PDF render of %s failed", template_name)
        raise RenderError(detail=f"{type(error).__name__}: {error}") from error


def render_limits():
    limits = {"cpu_seconds": 120, "memory_bytes": 1536 * 1024 * 1024, "wall_seconds": 180}
    limits.update(getattr(settings, "PDF_RENDER_LIMITS", {}))
    return limits


def _address_space():
    """The virtual memory size of this process in bytes (Linux), 0 where it cannot be read."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _die_with_parent(parent):
    """Linux: the kernel kills this child when its parent dies (a worker replaced at its timeout),
    so no render outlives the task it belongs to."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover (not Linux): the CPU limit still ends it
        return
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(5)


def _render_child(html, options, limits, target, parent):
    """In the forked child: limit CPU time and memory, render, write the PDF to `target` whole.

    The child never returns: it leaves by `os._exit`, so nothing of its parent (database
    connections, the worker's queue, atexit handlers) is closed or flushed from here. It does not
    touch the database; the inherited connections stay the parent's.
    """
    status = 1
    try:
        _die_with_parent(parent)
        resource.setrlimit(resource.RLIMIT_CPU, (limits["cpu_seconds"], limits["cpu_seconds"] + 5))
        # The child starts as a copy of its parent (a web or worker process with everything
        # imported): the budget is on top of the address space it already has.
        ceiling = _address_space() + limits["memory_bytes"]
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
        try:
            pdf = html_to_pdf(html, **options)
        except RenderError as error:
            Path(target + ".error").write_text(str(error.message), encoding="utf-8")
            status = 2
        except MemoryError:
            status = 3
        else:
            # Written under another name and renamed: the parent sees the whole file or none.
            Path(target + ".tmp").write_bytes(pdf)
            Path(target + ".pages").write_text(str(pdf.pages), encoding="ascii")
            os.replace(target + ".tmp", target)
            status = 0
    except BaseException:  # noqa: BLE001 (anything at all: the child must leave by os._exit)
        status = 4
    finally:
        os._exit(status)


def _wait(pid, deadline):
    """The child's exit code, or None when it is still running at `deadline` (monotonic)."""
    while True:
        done, wait_status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(wait_status)
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.02)


def render_limited(html, *, title="", language="nl", max_pages=None):
    """Render in a forked child with CPU, memory and time limits; the parent never runs WeasyPrint.

    Works in any process, django-q2's daemonic workers included. A child that outlives the
    wall-clock limit is killed (SIGKILL) and reaped.
    """
    limits = render_limits()
    options = {"title": title, "language": language, "max_pages": max_pages}
    with tempfile.TemporaryDirectory(prefix="pdf-") as folder:
        target = os.path.join(folder, "out.pdf")
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover (the child; it leaves by os._exit)
            _render_child(html, options, limits, target, parent)
        try:
            exitcode = _wait(pid, time.monotonic() + limits["wall_seconds"])
        except BaseException:  # interrupted (the worker is stopping): the render stops with it
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        if exitcode is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise RenderError(
                _("Het maken van de PDF duurde te lang. Maak de tekst korter of kies minder adressen."),
                detail="wall-clock limit",
            )
        if exitcode == 0 and os.path.exists(target):
            pages = int(Path(target + ".pages").read_text(encoding="ascii"))
            return PDF(Path(target).read_bytes(), pages)
        if os.path.exists(target + ".error"):
            raise RenderError(Path(target + ".error").read_text(encoding="utf-8"), detail="render refused")
        raise RenderError(detail=f"render process ended with {exitcode}")


def page_count(pdf_bytes):
    """The number of pages of a PDF file (pypdf), for checks of a PDF from elsewhere. A render's
    own result knows its page count: `PDF.pages`."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf_bytes)).pages)
