"""Personalised flyers and letters: the form, the PDF (read back with pypdf), QR, cache, worker, purge."""

import io
import os
import re
import shutil
import subprocess
import time
from datetime import date, timedelta
from unittest import mock

import pytest
from pypdf import PdfReader

from django.utils import timezone

from cms import pdf, privacy
from cms.demo import translate
from cms.forms import started_token
from home.factories import StandardPageFactory
from toolkit import flyers
from toolkit.factories import FlyerTemplateFactory, ToolkitItemPageFactory
from toolkit.models import FlyerJob, ToolkitItemFlyerTemplate

pytestmark = pytest.mark.django_db

ARABIC = {
    "Uitnodiging 0": "دعوة",
    "Kom kennismaken in de {straat}!": "تعالوا نتعارف في شارع {straat}!",
    "Wij zijn {gangmakers}, de gangmakers van de {straat}.\n\nKom op {datum} om {tijd} naar {plek}. "
    "Er is koffie en thee.": "نحن {gangmakers}، متطوعو شارع {straat}.\n\nتعالوا يوم {datum} الساعة {tijd} "
    "إلى {plek}. توجد قهوة وشاي.",
}


@pytest.fixture
def signup_page(home_page):
    return StandardPageFactory(parent=home_page, slug="meedoen", title="Meedoen")


@pytest.fixture
def flyer_template(signup_page):
    template = FlyerTemplateFactory(
        name="Uitnodiging 0",
        qr_page=signup_page,
        qr_text="Scan en doe mee",
        reply_strip=True,
        per_address=True,
    )
    strings = dict(ARABIC)
    strings["Uitnodiging 0"] = "دعوة"
    strings["Scan en doe mee"] = "امسحوا الرمز"
    translate(template, "ar", strings)
    return template


@pytest.fixture
def item(toolkit_index, flyer_template):
    page = ToolkitItemPageFactory(parent=toolkit_index, title="Koffie op de stoep", slug="koffie-op-de-stoep")
    page.flyer_template_links.add(ToolkitItemFlyerTemplate(template=flyer_template))
    page.save_revision().publish()
    return page


def next_saturday():
    today = date.today()
    return today + timedelta(days=(5 - today.weekday()) % 7 or 7)


def form_data(**overrides):
    data = {
        "street": "Korenaarstraat",
        "date": next_saturday().isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
        "place": "bij nummer 14",
        "gangmakers": "Noreen en Kees",
        "contact": "06 12345678",
        "language": "nl",
        "second_language": "ar",
        "numbers": "all",
        "action": "pdf",
        "form_started": started_token(),
        "website_url": "",
    }
    data.update(overrides)
    return data


def form_url(item, template):
    return item.url + item.reverse_subpage("flyer_form", kwargs={"template_id": template.pk})


def pdf_text(content):
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def struct_languages(content):
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

    walk(PdfReader(io.BytesIO(content)).trailer["/Root"]["/StructTreeRoot"])
    return languages


def decode_qr(content, tmp_path):
    source = tmp_path / "flyer.pdf"
    source.write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(source), str(tmp_path / "page")],
        check=True,
    )
    image = sorted(tmp_path.glob("page*.png"))[0]
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
    return result.stdout.strip()


def make_pdf(client, item, template, **overrides):
    response = client.post(form_url(item, template), form_data(**overrides))
    assert response.status_code == 303, response.content.decode()[:2000]
    download = client.get(response["Location"])
    assert download.status_code == 200
    return download


def test_item_page_offers_the_template(client, item, flyer_template):
    response = client.get(item.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Maak je eigen uitnodiging" in html
    assert form_url(item, flyer_template) in html


def test_form_page_renders_with_every_field_labelled(client, item, flyer_template):
    response = client.get(form_url(item, flyer_template))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("street", "date", "start_time", "end_time", "place", "gangmakers", "contact", "language"):
        assert f'for="flyer-{name}"' in html
    assert 'value="ar"' in html  # the Arabic translation is offered as a language
    assert "Voorbeeld bekijken" in html
    assert "form_started" in html and "website_url" in html


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="needs zbar-tools (scripts/setup --dev)")
def test_korenaarstraat_invitation_in_dutch_and_arabic(client, item, flyer_template, signup_page, tmp_path):
    download = make_pdf(client, item, flyer_template)
    content = b"".join(download.streaming_content)

    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    text = pdf_text(content)
    assert len(text) == 1
    page = text[0]
    assert page.count("Korenaarstraat") >= 2  # in both columns
    assert page.count("Noreen en Kees") >= 2
    assert "zaterdag" in page and "السبت" in page  # the date, in each language's words
    assert str(next_saturday().day) in page
    assert "تعالوا نتعارف في" in page  # the Arabic headline, shaped text read back
    reader = PdfReader(io.BytesIO(content))
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert {"nl", "ar"} <= struct_languages(content) | {str(reader.trailer["/Root"]["/Lang"])}
    assert "ar" in struct_languages(content)
    assert "Korenaarstraat" in reader.metadata.title
    assert decode_qr(content, tmp_path) == signup_page.get_full_url()


def test_letters_for_2_to_48_even_give_24_pages_each_to_its_own_number(
    client, item, flyer_template, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            form_url(item, flyer_template),
            form_data(second_language="", number_from="2", number_to="48", numbers="even"),
        )
    assert response.status_code == 303
    job = FlyerJob.objects.get()
    assert job.page_count == 24
    assert job.status == FlyerJob.Status.READY  # the worker (synchronous in tests) made it
    download = client.get(response["Location"])
    pages = pdf_text(b"".join(download.streaming_content))
    assert len(pages) == 24
    for number, text in zip(range(2, 49, 2), pages, strict=True):
        assert f"Aan de bewoners van Korenaarstraat {number}" in text
        others = [n for n in range(2, 49, 2) if n != number]
        assert not any(f"Korenaarstraat {n}\n" in text for n in others)


def test_big_letter_jobs_go_to_the_worker_with_a_progress_page(client, item, flyer_template):
    with mock.patch("django_q.tasks.async_task") as queued:
        response = client.post(
            form_url(item, flyer_template),
            form_data(second_language="", number_from="1", number_to="10", numbers="all"),
        )
        # on_commit does not run inside the test transaction: the job waits for the worker.
    assert response.status_code == 303
    job = FlyerJob.objects.get()
    assert job.status == FlyerJob.Status.RENDERING
    progress = client.get(response["Location"])
    assert progress.status_code == 200
    html = progress.content.decode()
    assert "Je PDF wordt gemaakt" in html
    assert f'href="{response["Location"]}"' in html  # a plain refresh link, no JavaScript needed
    assert "flyers.js" in html
    status = client.get(response["Location"], HTTP_ACCEPT="application/json").json()
    assert status == {"status": "rendering", "ready": False, "url": response["Location"], "error": ""}
    assert queued.call_count == 0

    flyers.render_job(job.pk)  # what the worker runs

    status = client.get(response["Location"], HTTP_ACCEPT="application/json").json()
    assert status["ready"] is True
    download = client.get(response["Location"])
    assert len(pdf_text(b"".join(download.streaming_content))) == 10


def test_the_same_flyer_is_served_from_the_cache_without_weasyprint(client, item, flyer_template):
    first = make_pdf(client, item, flyer_template)
    first_content = b"".join(first.streaming_content)
    with mock.patch("cms.pdf.HTML", side_effect=AssertionError("WeasyPrint was called")) as weasyprint:
        second = make_pdf(client, item, flyer_template)
        second_content = b"".join(second.streaming_content)
    assert weasyprint.call_count == 0
    assert second_content == first_content
    assert FlyerJob.objects.count() == 1


def test_cache_key_changes_with_the_template_and_is_not_guessable(flyer_template, settings):
    inputs = {"street": "Korenaarstraat", "gangmakers": "Noreen"}
    key = flyers.flyer_key(flyer_template, inputs, ["nl"])
    assert key == flyers.flyer_key(flyer_template, inputs, ["nl"])
    assert key != flyers.flyer_key(flyer_template, inputs, ["nl", "ar"])
    assert key != flyers.flyer_key(flyer_template, {**inputs, "street": "Tarwestraat"}, ["nl"])
    settings.SECRET_KEY = "another-secret"
    assert key != flyers.flyer_key(flyer_template, inputs, ["nl"])
    settings.SECRET_KEY = "test-only-secret-key"
    flyer_template.headline = "Nieuwe kop voor de {straat}"
    flyer_template.save()
    flyer_template.save_revision()
    assert key != flyers.flyer_key(flyer_template, inputs, ["nl"])


def test_cached_file_is_written_atomically_under_media_flyers(client, item, flyer_template, media_root):
    make_pdf(client, item, flyer_template)
    job = FlyerJob.objects.get()
    files = list((media_root / "flyers").iterdir())
    assert [path.name for path in files] == [f"{job.key}.pdf"]  # no temporary file left behind
    assert job.file_name == f"flyers/{job.key}.pdf"


def test_hostile_input_ends_up_as_harmless_text(client, item, flyer_template, listener, settings):
    settings.DEBUG = False
    port = listener["port"]
    street = "<link rel=attachment href=file:///etc/passwd>"
    names = f'<img src="http://127.0.0.1:{port}/x.png">'
    place = f"</style><style>*{{background:url(http://127.0.0.1:{port}/c)}}"
    contact = "\u202eKees\u202c 06"
    fetchers = []
    original = pdf.SafeURLFetcher

    def counting_fetcher():
        fetcher = original()
        fetchers.append(fetcher)
        return fetcher

    with mock.patch("cms.pdf.SafeURLFetcher", side_effect=counting_fetcher):
        download = make_pdf(
            client,
            item,
            flyer_template,
            street=street,
            gangmakers=names,
            place=place,
            contact=contact,
            second_language="",
        )
        content = b"".join(download.streaming_content)
    time.sleep(0.3)

    text = "".join(pdf_text(content)[0].split())  # the text layer, without line breaks and spaces
    assert "<linkrel=attachmenthref=file:///etc/passwd>" in text
    assert f'<imgsrc="http://127.0.0.1:{port}/x.png">' in text
    assert "</style><style>*{background:url(" in text
    assert "\u202e" not in text and "Kees06" in text  # the override character is gone
    assert b"/EmbeddedFile" not in content
    assert b"root:x:0:0" not in content
    assert listener["connections"] == 0
    assert fetchers and all(fetcher.refused == [] for fetcher in fetchers)  # nothing even asked for
    assert all(
        url.startswith(pdf.PDF_ORIGIN + "/static/css/") for fetcher in fetchers for url in fetcher.fetched
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("street", "K" * 20_000, "niet meer dan 60 tekens"),
        ("gangmakers", "Noreen\nKees", "één regel"),
        ("street", "", "verplicht veld"),
        ("end_time", "09:00", "na de begintijd"),
        ("second_language", "nl", "andere taal"),
        ("number_to", "1000", "hoogstens 300"),
    ],
)
def test_invalid_input_gives_errors_next_to_the_field_and_keeps_what_was_typed(
    client, item, flyer_template, field, value, message
):
    overrides = {field: value}
    if field == "number_to":
        overrides["number_from"] = "1"
    response = client.post(form_url(item, flyer_template), form_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'class="message message--error flyer-errors"' in html  # summarised at the top
    assert f'id="flyer-{field}_error"' in html  # and next to the field
    assert re.search(rf'aria-describedby="[^"]*flyer-{field}_error"', html)
    assert 'value="bij nummer 14"' in html  # what was typed stays
    assert FlyerJob.objects.count() == 0


def test_preview_without_javascript_shows_the_first_page(client, item, flyer_template):
    response = client.post(form_url(item, flyer_template), form_data(action="preview"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="flyer-preview' in html
    assert "Kom kennismaken in de Korenaarstraat!" in html
    assert 'lang="ar" dir="rtl"' in html
    assert "<svg" in html  # the QR code
    assert FlyerJob.objects.count() == 0  # a preview renders no PDF


def test_live_preview_fragment(client, item, flyer_template):
    url = item.url + item.reverse_subpage("flyer_preview", kwargs={"template_id": flyer_template.pk})
    response = client.post(url, form_data(street="Tarwe<b>straat</b>", second_language=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html  # a fragment for the page's script
    assert "Tarwe&lt;b&gt;straat&lt;/b&gt;" in html
    partial = client.post(url, form_data(gangmakers="", place="", second_language=""))
    assert partial.status_code == 200  # still incomplete: the preview shows what is there
    assert "Korenaarstraat" in partial.content.decode()
    invalid = client.post(url, form_data(language="xx"))
    assert invalid.status_code == 400
    assert client.get(url).status_code == 404


def test_a_failed_render_gives_a_clear_message_not_a_500(client, item, flyer_template):
    with mock.patch("cms.pdf.html_to_pdf", side_effect=RuntimeError("boom")):
        response = client.post(form_url(item, flyer_template), form_data())
    assert response.status_code == 200
    assert "Het maken van de PDF is niet gelukt" in response.content.decode()
    assert FlyerJob.objects.get().status == FlyerJob.Status.FAILED


def test_a_failed_worker_job_leads_back_to_a_filled_in_form_and_a_retry_renders_it(
    client, item, flyer_template, django_capture_on_commit_callbacks
):
    data = form_data(number_from="2", number_to="48", numbers="even", gangmakers="Ayşe en Piotr")
    with mock.patch("django_q.tasks.async_task") as queued, django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(item, flyer_template), data)
    assert queued.call_count == 1
    job = FlyerJob.objects.get()
    with mock.patch("cms.pdf.html_to_pdf", side_effect=RuntimeError("boom")):
        flyers.render_job(job.pk)  # what the worker runs; in the forked child the mock raises too
    progress = client.get(response["Location"]).content.decode()
    assert "De PDF is niet gelukt" in progress
    back = re.search(r'<a class="button" href="([^"]+)">Terug naar het formulier', progress).group(1)
    assert "Korenaarstraat" not in back and job.key in back  # an opaque key, no personal data
    form = client.get(back.replace("&amp;", "&")).content.decode()
    for value in ('value="Korenaarstraat"', "bij nummer 14", "Ayşe en Piotr", "06 12345678", 'value="48"'):
        assert value in form, value
    assert re.search(r'<input type="radio" name="numbers" value="even"[^>]*checked', form)
    assert re.search(r'<option value="ar" selected>', form)
    # Sending it again queues the same job again, and the worker now renders it.
    with mock.patch("django_q.tasks.async_task") as queued, django_capture_on_commit_callbacks(execute=True):
        client.post(form_url(item, flyer_template), data)
    assert queued.call_count == 1
    flyers.render_job(job.pk)
    job.refresh_from_db()
    assert job.status == FlyerJob.Status.READY
    # Another template's form ignores the key.
    other = client.get(form_url(item, flyer_template) + "?opnieuw=" + "0" * 64).content.decode()
    assert "Ayşe en Piotr" not in other


def test_a_template_not_offered_on_the_item_is_404(client, item, toolkit_index):
    other = FlyerTemplateFactory()
    assert client.get(form_url(item, other)).status_code == 404
    assert client.get(item.url + "pdf/" + "0" * 64 + "/").status_code == 404


def test_bots_get_the_item_page_and_nothing_is_stored(client, item, flyer_template):
    response = client.post(form_url(item, flyer_template), form_data(website_url="http://spam.example"))
    assert response.status_code == 302
    assert FlyerJob.objects.count() == 0


def test_rate_limit_gives_429_and_keeps_the_input(client, item, flyer_template, settings):
    settings.FORM_RATE_LIMIT = 1
    client.post(form_url(item, flyer_template), form_data(action="preview"))
    response = client.post(form_url(item, flyer_template), form_data(action="preview"))
    assert response.status_code == 429
    assert 'value="Korenaarstraat"' in response.content.decode()


def test_old_flyers_are_purged_with_their_files(client, item, flyer_template, media_root):
    make_pdf(client, item, flyer_template)
    job = FlyerJob.objects.get()
    path = flyers.cached_path(job)
    assert path.exists()
    assert flyers.purge_old_flyers() == 0
    FlyerJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(days=8))
    old = time.time() - 8 * 86400
    os.utime(path, (old, old))
    assert flyers.purge_old_flyers() == 1
    assert not path.exists()
    assert FlyerJob.objects.count() == 0


def test_flyers_are_in_the_personal_data_register():
    kind = next(kind for kind in privacy.registered() if kind.name == "flyers")
    assert "7 dagen" in str(kind.retention)
    assert kind.run_export("noreen@example.org").records == []
    assert kind.run_erase("noreen@example.org") == 0


def test_a_purged_file_is_made_again_from_the_stored_job(client, item, flyer_template):
    download = make_pdf(client, item, flyer_template)
    url = download.request["PATH_INFO"]
    job = FlyerJob.objects.get()
    flyers.cached_path(job).unlink()
    again = client.get(url)
    assert again.status_code == 200
    assert "Korenaarstraat" in pdf_text(b"".join(again.streaming_content))[0]


def test_admin_preview_of_a_template(admin_client, admin_user, flyer_template, rf):
    from django.urls import reverse

    request = rf.get("/")
    request.user = admin_user
    for mode in ("", "letter"):
        response = flyer_template.serve_preview(request, mode)
        response.render()
        html = response.content.decode()
        assert "Kom kennismaken in de Korenaarstraat!" in html
        assert "flyer.css" in html
    assert "Aan de bewoners van Korenaarstraat 2" in html  # the letter mode
    listing = admin_client.get(reverse("wagtailsnippets_toolkit_flyertemplate:list"))
    assert listing.status_code == 200


def test_english_page_offers_the_dutch_template_links(client, item, flyer_template, locales, home_page):
    home_page.copy_for_translation(locales["en"]).save_revision().publish()
    english_index = item.get_parent().specific.copy_for_translation(locales["en"])
    english_index.save_revision().publish()
    english = item.copy_for_translation(locales["en"])
    english.save_revision().publish()
    english.flyer_template_links.all().delete()
    response = client.get(english.url)
    assert response.status_code == 200
    assert form_url(english, flyer_template) in response.content.decode()
    assert client.get(form_url(english, flyer_template)).status_code == 200


def test_the_template_image_comes_through_the_allow_list_fetcher(client, item, flyer_template):
    import wagtail_factories

    flyer_template.image = wagtail_factories.ImageFactory(title="Straatfeest")
    flyer_template.save()
    flyer_template.save_revision()
    fetchers = []
    original = pdf.SafeURLFetcher

    def counting_fetcher():
        fetcher = original()
        fetchers.append(fetcher)
        return fetcher

    with mock.patch("cms.pdf.SafeURLFetcher", side_effect=counting_fetcher):
        download = make_pdf(client, item, flyer_template, second_language="")
        content = b"".join(download.streaming_content)
    fetched = [url for fetcher in fetchers for url in fetcher.fetched]
    assert any(url.startswith(pdf.PDF_ORIGIN + "/media/images/") for url in fetched)
    assert all(fetcher.refused == [] for fetcher in fetchers)
    assert b"/Subtype /Image" in content or b"/Subtype/Image" in content
    preview = client.post(form_url(item, flyer_template), form_data(action="preview", second_language=""))
    assert '<img class="flyer-image" src="/media/images/' in preview.content.decode()


def test_with_a_bucket_the_file_goes_through_the_storage(client, item, flyer_template, settings):
    """A bucket (no local path): web and worker machines share the file through the storage."""
    from django.core.files.storage import default_storage

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    download = make_pdf(client, item, flyer_template, second_language="")
    job = FlyerJob.objects.get()
    assert default_storage.exists(f"flyers/{job.key}.pdf")
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    with mock.patch("cms.pdf.HTML", side_effect=AssertionError("WeasyPrint was called")):
        again = make_pdf(client, item, flyer_template, second_language="")
    assert b"".join(again.streaming_content).startswith(b"%PDF-")
    FlyerJob.objects.update(created_at=timezone.now() - timedelta(days=8))
    assert flyers.purge_old_flyers() == 1
    assert not default_storage.exists(f"flyers/{job.key}.pdf")


def test_editors_add_a_template_in_the_admin_with_a_revision(admin_client, signup_page):
    from django.urls import reverse

    from toolkit.models import FlyerTemplate

    url = reverse("wagtailsnippets_toolkit_flyertemplate:add") + "?locale=nl"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "name": "Burendag",
            "kind": "straatactiviteit",
            "paper": "a4",
            "theme": "zon",
            "headline": "Burendag in de {straat}",
            "body": "Kom op {datum} naar {plek}.",
            "qr_page": signup_page.pk,
            "qr_text": "Doe mee",
            "locale": "nl",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    template = FlyerTemplate.objects.get(name="Burendag")
    assert template.latest_revision_id is not None
    assert template.used_placeholders() == {"straat", "datum", "plek"}


def test_a_door_hanger_is_one_tall_page(client, toolkit_index, signup_page):
    template = FlyerTemplateFactory(name="Deurhanger", paper="deurhanger", theme="blad")
    page = ToolkitItemPageFactory(parent=toolkit_index, slug="deurhanger")
    page.flyer_template_links.add(ToolkitItemFlyerTemplate(template=template))
    page.save_revision().publish()
    download = make_pdf(client, page, template, second_language="")
    reader = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (100, 210)


def test_a_render_child_killed_mid_way_fails_the_job_without_a_file(client, item, flyer_template, media_root):
    import signal

    def killed_render(html, **options):  # in the render child: killed half-way (OOM killer, operator)
        os.kill(os.getpid(), signal.SIGKILL)

    with mock.patch("django_q.tasks.async_task"):
        client.post(form_url(item, flyer_template), form_data(number_from="1", number_to="10"))
    job = FlyerJob.objects.get()
    with mock.patch("cms.pdf.html_to_pdf", side_effect=killed_render):
        flyers.render_job(job.pk)
    job.refresh_from_db()
    assert job.status == FlyerJob.Status.FAILED
    assert job.file_name == ""
    assert not any((media_root / "flyers").glob("*"))  # no part file, no temporary file


def test_a_redelivered_task_takes_over_a_rendering_job_and_never_renders_twice(client, item, flyer_template):
    with mock.patch("django_q.tasks.async_task"):
        response = client.post(form_url(item, flyer_template), form_data(number_from="1", number_to="10"))
    job = FlyerJob.objects.get()
    # The first worker died mid-render: the job is still "rendering" when django-q2 delivers it again.
    assert job.status == FlyerJob.Status.RENDERING
    flyers.render_job(job.pk)
    job.refresh_from_db()
    assert job.status == FlyerJob.Status.READY
    with mock.patch("toolkit.flyers.render_job_pdf") as render:
        flyers.render_job(job.pk)  # delivered once more: the finished job is not rendered again
    assert render.call_count == 0
    assert len(pdf_text(b"".join(client.get(response["Location"]).streaming_content))) == 10
