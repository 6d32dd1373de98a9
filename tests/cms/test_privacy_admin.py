"""The admin view "Privacyverzoeken" for the group Privacyfunctionaris."""

import io
import json
import zipfile

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import signing

from wagtail.models import ModelLogEntry

from cms import privacy
from cms.mail import queue_mail
from cms.models import OutboundEmail, PersonalDataAction
from cms.privacy_views import CONFIRM_SALT

pytestmark = pytest.mark.django_db

PERSON = "anna@example.org"
URL = "/admin/privacy/"
ERASE_URL = "/admin/privacy/verwijderen/"


@pytest.fixture
def officer(client):
    user = get_user_model().objects.create_user("privacy", "privacy@example.org", "geheim-wachtwoord-123")
    user.groups.add(Group.objects.get(name="Privacyfunctionaris"))
    client.force_login(user)
    return user


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("redacteur", "r@example.org", "geheim-wachtwoord-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def test_the_group_has_least_privilege():
    group = Group.objects.get(name="Privacyfunctionaris")
    assert sorted(group.permissions.values_list("content_type__app_label", "codename")) == [
        ("cms", "handle_personal_data"),
        ("wagtailadmin", "access_admin"),
    ]


def test_an_officer_sees_the_menu_item_and_the_page(client, officer):
    home = client.get("/admin/")
    assert home.status_code == 200
    assert URL in home.content.decode()
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="email"' in page
    assert "Bewaartermijnen" in page
    # The register is listed with its retention texts.
    assert str(privacy.registered()[0].label) in page


def test_others_are_refused(client, editor):
    assert URL not in client.get("/admin/").content.decode()
    # Wagtail turns PermissionDenied in the admin into a redirect to the dashboard with a message.
    assert client.get(URL)["Location"] == "/admin/"
    assert client.post(URL, {"action": "purge"})["Location"] == "/admin/"
    token = signing.dumps(PERSON, salt=CONFIRM_SALT)
    queue_mail(PERSON, "Hallo", "Tekst")
    assert client.post(ERASE_URL, {"token": token})["Location"] == "/admin/"
    assert OutboundEmail.objects.count() == 1
    assert not PersonalDataAction.objects.exists()


def test_anonymous_visitors_go_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_export_downloads_a_zip_and_is_logged(client, officer):
    queue_mail(PERSON, "Je uitnodiging", "Hallo Anna")
    response = client.post(URL, {"action": "export", "email": " Anna@Example.org "})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="persoonsgegevens-')
    assert "no-store" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert json.loads(archive.read("outbox.json"))[0]["subject"] == "Je uitnodiging"
    record = PersonalDataAction.objects.get()
    assert (record.action, record.user, record.source) == ("export", officer, "admin")
    entry = ModelLogEntry.objects.get(action=privacy.LOG_EXPORT)
    assert entry.user == officer


def test_an_invalid_address_is_shown_next_to_the_field(client, officer):
    response = client.post(URL, {"action": "export", "email": "geen adres"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'role="alert"' in page
    assert 'value="geen adres"' in page  # what was typed stays
    assert not PersonalDataAction.objects.exists()


def test_erase_asks_for_confirmation_first(client, officer):
    queue_mail(PERSON, "Je uitnodiging", "Hallo Anna")
    queue_mail("ander@example.org", "Iets anders", "Hallo")
    response = client.post(URL, {"action": "erase", "email": PERSON})
    assert response.status_code == 302
    confirm = client.get(response["Location"])
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert PERSON in page
    assert "Ja, verwijder alles" in page
    # Nothing erased or logged yet.
    assert OutboundEmail.objects.count() == 2
    assert not PersonalDataAction.objects.exists()

    token = confirm.context["token"]
    done = client.post(ERASE_URL, {"token": token}, follow=True)
    assert done.status_code == 200
    assert "Verwijderd: 1 gegevens" in done.content.decode()
    assert list(OutboundEmail.objects.values_list("recipients", flat=True)) == [["ander@example.org"]]
    record = PersonalDataAction.objects.get()
    assert (record.action, record.user, record.counts["outbox"]) == ("erase", officer, 1)
    entry = ModelLogEntry.objects.get(action=privacy.LOG_ERASE)
    assert entry.user == officer
    assert PERSON not in entry.label + json.dumps(entry.data)
    # The audit log ("Site history") shows it with the counts.
    history = client.get("/admin/reports/site-history/")
    if history.status_code == 200:  # the report needs a permission the officer may lack
        assert "Persoonsgegevens verwijderd" in history.content.decode()


def test_a_forged_or_expired_confirmation_erases_nothing(client, officer):
    queue_mail(PERSON, "Je uitnodiging", "Hallo Anna")
    forged = signing.dumps(PERSON, salt="iets-anders")
    response = client.post(ERASE_URL, {"token": forged}, follow=True)
    assert "verlopen" in response.content.decode()
    assert OutboundEmail.objects.count() == 1
    assert client.get(ERASE_URL + "?token=rommel").status_code == 302
    assert not PersonalDataAction.objects.exists()


def test_purge_now(client, officer):
    response = client.post(URL, {"action": "purge"}, follow=True)
    assert response.status_code == 200
    assert "Opgeschoond" in response.content.decode()
    assert PersonalDataAction.objects.get().action == "purge"


def test_the_audit_log_shows_the_actions_to_an_administrator(admin_client):
    privacy.purge_all()
    response = admin_client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert "Persoonsgegevens opgeschoond" in response.content.decode()


def test_a_failing_purge_is_reported_not_a_server_error(client, officer, monkeypatch):
    monkeypatch.setitem(
        privacy._registry,
        "broken",
        privacy.Kind(name="broken", label="Kapot", retention="-", purge="cms.does_not.exist"),
    )
    response = client.post(URL, {"action": "purge"}, follow=True)
    assert response.status_code == 200
    assert "niet helemaal gelukt" in response.content.decode()
    assert PersonalDataAction.objects.get().action == "purge"
