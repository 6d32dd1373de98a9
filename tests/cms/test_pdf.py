"""cms.pdf: the one safe renderer (real WeasyPrint, read back with pypdf)."""

import io
import os
import time
from pathlib import Path
from unittest import mock

import pytest
from pypdf import PdfReader

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cms import pdf


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


A5 = {"size": "A5", "margin": "10mm", "font": "11pt"}


def read(pdf_bytes):
    return PdfReader(io.BytesIO(pdf_bytes))


def text_of(pdf_bytes):
    return "\n".join(page.extract_text() for page in read(pdf_bytes).pages)


def page_html(body, lang="nl"):
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title></head>'
        f"<body>{body}</body></html>"
    )


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
    b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND"
    b"\xaeB`\x82"
)


def test_render_pdf_sets_title_language_tags_and_a_text_layer(db):
    result = pdf.render_pdf(
        "pdf/demo_document.html",
        {"heading": "Welkom in de straat", "body": "<p>Koffie op zaterdag.</p>", "size": A5},
        language="nl",
        title="Welkomstbrief",
    )
    reader = read(result)
    assert result.startswith(b"%PDF-")
    assert reader.metadata.title == "Welkomstbrief"
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    assert "Welkom in de straat" in text_of(result)


def test_arabic_is_shaped_right_to_left_and_tagged_with_its_language():
    html = page_html('<p>Korenaarstraat</p><div lang="ar" dir="rtl"><p>مرحبا بكم يوم السبت</p></div>')
    result = pdf.html_to_pdf(html, language="nl", title="t")
    text = text_of(result)
    assert "Korenaarstraat" in text
    assert "مرحبا بكم يوم السبت" in text
    languages = set()

    def walk(node):
        node = node.get_object()
        if hasattr(node, "keys"):
            if "/Lang" in node:
                languages.add(str(node["/Lang"]))
            if "/K" in node:
                walk(node["/K"])
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(read(result).trailer["/Root"]["/StructTreeRoot"])
    assert "ar" in languages


@pytest.mark.parametrize(
    "markup",
    [
        '<link rel="attachment" href="file:///etc/passwd">',
        '<img src="file:///etc/hostname" alt="">',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
        '<link rel="stylesheet" href="file:///etc/passwd">',
        '<img src="https://pdf.invalid/static/../../../../etc/passwd.png" alt="">',
        '<img src="https://pdf.invalid/static/%2e%2e/%2e%2e/etc/hostname.png" alt="">',
        '<img src="https://pdf.invalid/media/documents/secret.pdf" alt="">',
        '<link rel="stylesheet" href="https://pdf.invalid/static/js/site.js">',
        '<img src="https://pdf.invalid/elsewhere/x.png" alt="">',
    ],
)
def test_the_fetcher_refuses_everything_outside_the_allow_list(markup):
    fetcher = pdf.SafeURLFetcher()
    result = pdf.html_to_pdf(page_html(f"<p>Tekst</p>{markup}"), url_fetcher=fetcher)
    assert len(fetcher.refused) == 1
    assert fetcher.fetched == []
    assert b"/EmbeddedFile" not in result
    assert b"root:" not in result
    assert "Tekst" in text_of(result)


def test_no_outbound_request_to_any_address(listener):
    address = f"http://127.0.0.1:{listener['port']}"
    markup = (
        f'<img src="{address}/a.png" alt=""><link rel="stylesheet" href="{address}/b.css">'
        f'<div class="x"></div><style>@import url("{address}/c.css");'
        f".x {{ background: url({address}/d.png) }}</style>"
        f'<link rel="attachment" href="{address}/e.txt">'
    )
    fetcher = pdf.SafeURLFetcher()
    pdf.html_to_pdf(page_html(markup), url_fetcher=fetcher)
    assert len(fetcher.refused) == 5
    assert listener["connections"] == 0


def test_the_fetcher_allows_the_project_stylesheet_and_media_images(settings):
    name = default_storage.save("images/dot.png", ContentFile(PNG))
    fake = default_storage.save("images/not-an-image.png", ContentFile(b"<svg onload=alert(1)>"))
    fetcher = pdf.SafeURLFetcher()
    markup = (
        f'<link rel="stylesheet" href="{pdf.pdf_url("static", "css/pdf.css")}">'
        f'<img src="{pdf.pdf_url("media", name)}" alt="">'
        f'<img src="{pdf.pdf_url("media", fake)}" alt="">'
    )
    pdf.html_to_pdf(page_html(markup), url_fetcher=fetcher)
    assert fetcher.fetched == [pdf.pdf_url("static", "css/pdf.css"), pdf.pdf_url("media", name)]
    assert fetcher.refused == [pdf.pdf_url("media", fake)]


def test_a_symlink_out_of_the_media_root_is_refused(media_root, tmp_path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(PNG)
    (media_root / "images").mkdir(parents=True)
    (media_root / "images" / "link.png").symlink_to(outside)
    fetcher = pdf.SafeURLFetcher()
    markup = f'<img src="{pdf.pdf_url("media", "images/link.png")}" alt="">'
    pdf.html_to_pdf(page_html(markup), url_fetcher=fetcher)
    assert len(fetcher.refused) == 1


def test_too_many_pages_is_a_render_error_with_a_dutch_message():
    html = page_html("".join('<p style="break-after: page">Bladzijde</p>' for _ in range(5)))
    with pytest.raises(pdf.RenderError) as caught:
        pdf.html_to_pdf(html, max_pages=3)
    assert "bladzijden" in str(caught.value.message)


def test_any_failure_becomes_a_render_error(db):
    with pytest.raises(pdf.RenderError) as caught:
        pdf.render_pdf("pdf/does-not-exist.html", {}, title="x")
    assert "niet gelukt" in str(caught.value.message)


def test_deep_nesting_is_a_render_error_not_a_crash():
    with pytest.raises(pdf.RenderError):
        pdf.html_to_pdf(page_html("<div>" * 3000 + "x" + "</div>" * 3000))


def test_limited_render_in_a_child_process(db):
    result = pdf.render_pdf(
        "pdf/demo_document.html",
        {"heading": "Begrensd", "body": "<p>In een eigen proces.</p>", "size": A5},
        title="Begrensd",
        limited=True,
    )
    assert "Begrensd" in text_of(result)


def _render_in_a_daemonic_process(html, queue):
    """What a django-q2 worker is: a daemonic multiprocessing process."""
    try:
        result = pdf.render_limited(html, title="Daemon")
        queue.put(("ok", bytes(result), result.pages))
    except Exception as error:  # reported to the test
        queue.put(("error", repr(error), 0))


def test_limited_render_works_inside_a_daemonic_worker_process():
    """django-q2's workers are daemonic: a multiprocessing child is refused there ("daemonic
    processes are not allowed to have children"); the renderer forks with os.fork instead."""
    import multiprocessing

    html = page_html("".join(f'<p style="break-after: page">Brief {n}</p>' for n in range(3)))
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    worker = context.Process(target=_render_in_a_daemonic_process, args=(html, queue), daemon=True)
    worker.start()
    outcome, body, pages = queue.get(timeout=120)
    worker.join(30)
    assert outcome == "ok", body
    assert pages == 3 == len(read(body).pages)


def test_the_page_count_comes_from_weasyprint_not_a_second_parse():
    html = page_html("".join(f'<p style="break-after: page">Brief {n}</p>' for n in range(4)))
    with mock.patch("pypdf.PdfReader", side_effect=AssertionError("parsed again")):
        in_process = pdf.html_to_pdf(html)
        limited = pdf.render_limited(html)
    assert in_process.pages == limited.pages == 4
    assert len(read(limited).pages) == 4


def test_a_killed_render_is_reaped(settings):
    import os

    settings.PDF_RENDER_LIMITS = {"wall_seconds": 0.05}
    html = page_html("".join(f"<p>Regel {number}</p>" for number in range(4000)))
    with pytest.raises(pdf.RenderError):
        pdf.render_limited(html, title="t")
    with pytest.raises(ChildProcessError):  # reaped: no zombie is left behind
        os.waitpid(-1, os.WNOHANG)


def test_limited_render_stops_at_the_time_limit(settings):
    settings.PDF_RENDER_LIMITS = {"wall_seconds": 0.05}
    html = page_html("".join(f"<p>Regel {number}</p>" for number in range(4000)))
    with pytest.raises(pdf.RenderError) as caught:
        pdf.render_limited(html, title="t")
    assert "te lang" in str(caught.value.message)


def test_limited_render_stops_at_the_memory_limit(settings):
    """A render that wants more memory than its budget fails in the child, not in the worker."""
    settings.PDF_RENDER_LIMITS = {"memory_bytes": 64 * 1024 * 1024}

    def greedy_render(html, **options):  # runs in the forked child
        return bytes(bytearray(512 * 1024 * 1024))

    with mock.patch("cms.pdf.html_to_pdf", side_effect=greedy_render), pytest.raises(pdf.RenderError):
        pdf.render_limited(page_html("<p>Te weinig geheugen</p>"), title="t")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Korenaar\u202estraat", "Korenaarstraat"),
        ("a\u2066b\u2069c\u202ad", "abcd"),
        ("regel\r\nregel\x00\x07", "regel\nregel"),
        ("Şükrü Ağaoğlu, Łucja", "Şükrü Ağaoğlu, Łucja"),
        ("\ufeffJan", "Jan"),
    ],
)
def test_clean_text_removes_controls_and_bidi_overrides(value, expected):
    assert pdf.clean_text(value) == expected


def test_media_images_from_a_bucket_are_read_through_the_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    name = default_storage.save("images/dot.png", ContentFile(PNG))
    fetcher = pdf.SafeURLFetcher()
    pdf.html_to_pdf(page_html(f'<img src="{pdf.pdf_url("media", name)}" alt="">'), url_fetcher=fetcher)
    assert fetcher.fetched == [pdf.pdf_url("media", name)]
    assert fetcher.refused == []


def test_the_parents_database_connection_survives_a_limited_render(db):
    from django.contrib.auth import get_user_model
    from django.db import connection

    get_user_model().objects.create(username="voor")
    pdf.render_limited(page_html("<p>Tekst</p>"), title="t")
    assert connection.connection is not None
    get_user_model().objects.create(username="na")
    assert get_user_model().objects.filter(username__in=["voor", "na"]).count() == 2


def test_a_killed_render_child_leaves_no_file_and_raises(settings, tmp_path):
    """SIGKILL of the child (the out-of-memory killer, an operator) is a RenderError, never a part file."""
    import signal

    def killed_render(html, **options):  # runs in the forked child: it dies mid-way
        os.kill(os.getpid(), signal.SIGKILL)

    killed = mock.patch("cms.pdf.html_to_pdf", side_effect=killed_render)
    with killed, pytest.raises(pdf.RenderError) as caught:
        pdf.render_limited(page_html("<p>Weg</p>"), title="t")
    assert "-9" in caught.value.detail


def _render_forever(queue):
    def slow_render(html, **options):  # in the render child
        queue.put(os.getpid())
        time.sleep(120)

    with mock.patch("cms.pdf.html_to_pdf", side_effect=slow_render):
        pdf.render_limited(page_html("<p>Traag</p>"), title="t")


def test_the_render_child_dies_with_a_killed_worker():
    """django-q2 kills a worker that runs over Q_TIMEOUT: its render child must not live on."""
    import multiprocessing
    import signal

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    worker = context.Process(target=_render_forever, args=(queue,), daemon=True)
    worker.start()
    child = queue.get(timeout=30)
    os.kill(worker.pid, signal.SIGKILL)
    worker.join(10)
    for _ in range(100):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        if Path(f"/proc/{child}/stat").read_text().split()[2] == "Z":  # dead, waiting to be reaped
            break
        time.sleep(0.1)
    else:
        os.kill(child, signal.SIGKILL)
        pytest.fail("the render child outlived its worker")
