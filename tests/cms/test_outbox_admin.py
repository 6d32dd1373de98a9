"""The outbox in Wagtail's admin: read-only list and inspect pages, and "retry" for a failed mail."""

import re

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from cms.mail import queue_mail
from cms.models import OutboundEmail

pytestmark = pytest.mark.django_db

Status = OutboundEmail.Status


@pytest.fixture
def failed_mail():
    queued = queue_mail("buur@example.org", "Bevestiging aanmelding", "Je aanmelding is binnen.")
    OutboundEmail.objects.filter(pk=queued.pk).update(
        status=Status.FAILED, attempts=12, last_error="ConnectionRefusedError: [Errno 111]"
    )
    queued.refresh_from_db()
    return queued


def editor_with(*codenames):
    """A Wagtail editor (admin access) with the given cms permissions."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("redacteur", "redacteur@example.org", "geheim-genoeg-123")
    group = Group.objects.create(name="Outbox " + "-".join(codenames or ["geen"]))
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(content_type__app_label="cms", codename=codename))
    user.groups.add(group)
    return user


def test_list_and_inspect_render_for_a_superuser(admin_client, failed_mail):
    response = admin_client.get(reverse("outbox:index"))
    assert response.status_code == 200
    assert b"Bevestiging aanmelding" in response.content

    response = admin_client.get(reverse("outbox:inspect", args=[failed_mail.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "buur@example.org" in content
    assert "ConnectionRefusedError" in content
    # The button posts (Wagtail's w-action controller) to the retry view.
    retry_url = reverse("outbox:retry", args=[failed_mail.pk])
    button = re.search(r"<a [^>]*data-controller=\"w-action\"[^>]*>", content).group(0)
    assert 'data-action="w-action#post"' in button
    assert f'data-w-action-url-value="{retry_url}"' in button


def test_list_filters_and_search(admin_client, failed_mail):
    queue_mail("ander@example.org", "Iets anders", "Tekst")
    response = admin_client.get(reverse("outbox:index"), {"status": "failed"})
    assert response.status_code == 200
    assert b"Bevestiging aanmelding" in response.content
    assert b"Iets anders" not in response.content
    response = admin_client.get(reverse("outbox:index"), {"q": "ander@example"})
    assert response.status_code == 200
    assert b"Iets anders" in response.content
    assert b"Bevestiging aanmelding" not in response.content


def test_export_as_csv(admin_client, failed_mail):
    response = admin_client.get(reverse("outbox:index"), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"Bevestiging aanmelding" in content
    assert b"ConnectionRefusedError" in content


def test_a_sent_mail_has_no_retry_button(admin_client):
    sent = queue_mail("buur@example.org", "Al verzonden", "Tekst")
    OutboundEmail.objects.filter(pk=sent.pk).update(status=Status.SENT)
    response = admin_client.get(reverse("outbox:inspect", args=[sent.pk]))
    assert response.status_code == 200
    assert reverse("outbox:retry", args=[sent.pk]).encode() not in response.content


def test_add_edit_and_delete_are_refused(admin_client, failed_mail):
    home = reverse("wagtailadmin_home")
    for name, args in (("add", []), ("edit", [failed_mail.pk]), ("delete", [failed_mail.pk])):
        url = reverse(f"outbox:{name}", args=args)
        # Even a superuser is refused (Wagtail's admin redirects with "no permission").
        assert admin_client.get(url)["Location"] == home, name
        assert admin_client.post(url, {"subject": "Aangepast"})["Location"] == home, name
    failed_mail.refresh_from_db()
    assert failed_mail.subject == "Bevestiging aanmelding"
    assert OutboundEmail.objects.count() == 1
    response = admin_client.get(reverse("outbox:index"))
    assert reverse("outbox:add").encode() not in response.content


def test_retry_view_puts_the_mail_back(admin_client, failed_mail):
    url = reverse("outbox:retry", args=[failed_mail.pk])
    assert admin_client.get(url).status_code == 405
    response = admin_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("outbox:inspect", args=[failed_mail.pk])
    failed_mail.refresh_from_db()
    assert failed_mail.status == Status.PENDING


def test_retry_of_a_sent_mail_changes_nothing(admin_client):
    sent = queue_mail("buur@example.org", "Al verzonden", "Tekst")
    OutboundEmail.objects.filter(pk=sent.pk).update(status=Status.SENT)
    response = admin_client.post(reverse("outbox:retry", args=[sent.pk]), follow=True)
    assert response.status_code == 200
    sent.refresh_from_db()
    assert sent.status == Status.SENT


def test_retry_needs_the_change_permission(client, failed_mail):
    url = reverse("outbox:retry", args=[failed_mail.pk])
    viewer = editor_with("view_outboundemail")
    client.force_login(viewer)
    assert client.get(reverse("outbox:index")).status_code == 200
    inspect = client.get(reverse("outbox:inspect", args=[failed_mail.pk]))
    assert inspect.status_code == 200
    assert url.encode() not in inspect.content
    # Wagtail's admin turns PermissionDenied into 403 for scripts and into a redirect to the
    # dashboard with an error message for a browser; neither changes the mail.
    assert client.post(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    response = client.post(url, follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    failed_mail.refresh_from_db()
    assert failed_mail.status == Status.FAILED


def test_retry_with_the_change_permission(client, failed_mail):
    client.force_login(editor_with("view_outboundemail", "change_outboundemail"))
    response = client.post(reverse("outbox:retry", args=[failed_mail.pk]))
    assert response.status_code == 302
    failed_mail.refresh_from_db()
    assert failed_mail.status == Status.PENDING
    # The change permission is for "retry" only: the edit form stays closed.
    edit = client.get(reverse("outbox:edit", args=[failed_mail.pk]))
    assert edit["Location"] == reverse("wagtailadmin_home")


def test_anonymous_visitors_are_sent_to_the_login(client, failed_mail):
    response = client.post(reverse("outbox:retry", args=[failed_mail.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    failed_mail.refresh_from_db()
    assert failed_mail.status == Status.FAILED
    assert client.get(reverse("outbox:index"))["Location"].startswith(reverse("wagtailadmin_login"))
