"""Workshop pages, the registration form, the waitlist and the self-service links."""

import datetime
import zoneinfo

import icalendar
import pytest

from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from pilots.models import Registration, WorkshopIndexPage, WorkshopPage
from pilots.workshops import seats
from pilots.workshops.factories import RegistrationFactory, WorkshopIndexPageFactory, WorkshopPageFactory

from .workshop_helpers import attachment, form_data, mails_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop_index(home_page):
    return WorkshopIndexPageFactory(parent=home_page)


@pytest.fixture
def workshop(workshop_index):
    return WorkshopPageFactory(parent=workshop_index, title="Instrumenten", slug="instrumenten", capacity=5)


def manage_url(workshop, registration):
    return workshop.url + workshop.reverse_subpage(
        "manage_registration", args=(registration.pk, registration.token)
    )


def post(client, workshop, **overrides):
    return client.post(workshop.url, form_data(**overrides))


def test_pages_are_created_where_they_belong(home_page):
    assert WorkshopIndexPage.can_create_at(home_page)
    workshop_index = WorkshopIndexPageFactory(parent=home_page)
    assert not WorkshopIndexPage.can_create_at(home_page)  # one per language
    assert WorkshopPage.can_create_at(workshop_index)
    assert not WorkshopPage.can_create_at(home_page)
    assert not WorkshopIndexPage.can_create_at(workshop_index)


def test_workshop_page_renders_details_and_form(client, workshop):
    response = client.get(workshop.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Instrumenten" in html
    assert "Buurthuis De Kameel" in html
    assert "Nog 5 plekken" in html
    assert 'name="email"' in html
    assert 'name="website_url"' in html  # the honeypot
    assert 'aria-describedby="id_email_helptext"' in html


def test_valid_registration_is_confirmed_and_mailed_with_a_calendar_file(client, workshop):
    response = post(client, workshop, people="2")
    assert response.status_code == 302
    assert response["Location"].endswith("/bedankt/")
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.people == 2
    assert registration.email == "fatima@example.org"
    assert registration.language == "nl"

    thanks = client.get(response["Location"])
    assert "Bedankt voor je aanmelding" in thanks.content.decode()

    [mail] = mails_to("fatima@example.org")
    assert mail.subject == "Je bent aangemeld: Instrumenten"
    manage = workshop.reverse_subpage("manage_registration", args=(registration.pk, registration.token))
    assert manage in mail.body_text
    assert "calendar.google.com" in mail.body_text
    calendar = icalendar.Calendar.from_ical(attachment(mail))
    [event] = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.tzinfo.key == "Europe/Amsterdam"
    assert start == workshop.starts_at
    assert event.decoded("dtend") == workshop.ends_at
    assert str(event["location"]) == "Buurthuis De Kameel, Kameelstraat 1, Rotterdam"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]


def test_a_second_attempt_gets_the_same_answer_and_the_mail_resends_the_confirmation(client, workshop):
    first = post(client, workshop)
    response = post(client, workshop, email="Fatima@Example.org", name="Fatima")
    assert Registration.objects.count() == 1
    # The screen cannot tell a known address from a new one: same redirect, same page.
    assert response.status_code == first.status_code == 302
    assert response["Location"] == first["Location"]
    assert "?" not in response["Location"]
    thanks = client.get(response["Location"]).content.decode()
    assert thanks == client.get(first["Location"]).content.decode()
    assert "Je was al aangemeld" not in thanks
    mails = mails_to("fatima@example.org")
    assert len(mails) == 2
    assert "nog een keer" in mails[1].body_text


def test_full_workshop_puts_people_on_the_waitlist(client, workshop):
    RegistrationFactory(workshop=workshop, people=4)
    post(client, workshop, people="2")
    registration = Registration.objects.get(email="fatima@example.org")
    assert registration.status == Registration.Status.WAITLIST
    [mail] = mails_to("fatima@example.org")
    assert mail.subject == "Je staat op de wachtlijst: Instrumenten"
    assert attachment(mail) is None
    # A smaller party behind them does not skip the queue.
    post(client, workshop, email="karel@example.org")
    assert Registration.objects.get(email="karel@example.org").status == Registration.Status.WAITLIST


def test_cancelling_by_link_frees_the_seat_and_promotes_the_first_once(client, workshop):
    holder = RegistrationFactory(workshop=workshop, people=4, email="holder@example.org")
    RegistrationFactory(workshop=workshop, people=1)
    first = RegistrationFactory(
        workshop=workshop,
        status="waitlist",
        email="first@example.org",
        people=2,
        waitlisted_at=timezone.now(),
    )
    second = RegistrationFactory(
        workshop=workshop,
        status="waitlist",
        email="second@example.org",
        people=2,
        waitlisted_at=timezone.now() + datetime.timedelta(seconds=1),
    )
    url = manage_url(workshop, holder)
    page = client.get(url)
    assert page.status_code == 200
    assert page["X-Robots-Tag"] == "noindex"
    response = client.post(url, {"action": "cancel"})
    assert response.status_code == 302
    client.post(url, {"action": "cancel"})  # a second click changes nothing

    holder.refresh_from_db(), first.refresh_from_db(), second.refresh_from_db()
    assert holder.status == "cancelled"
    assert first.status == "confirmed"
    assert second.status == "confirmed"  # four seats freed: both parties of two fit
    assert [m.subject for m in mails_to("holder@example.org")] == ["Je bent afgemeld: Instrumenten"]
    promoted = mails_to("first@example.org")
    assert [m.subject for m in promoted] == ["Er is een plek voor je: Instrumenten"]
    assert icalendar.Calendar.from_ical(attachment(promoted[0])).walk("VEVENT")
    seats.capacity_changed(workshop)  # another allocation run sends nothing new
    assert len(mails_to("first@example.org")) == 1


def test_a_wrong_token_is_not_found(client, workshop):
    registration = RegistrationFactory(workshop=workshop)
    url = workshop.url + workshop.reverse_subpage("manage_registration", args=(registration.pk, "x" * 43))
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "cancel"}).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_changing_the_number_of_people(client, workshop):
    registration = RegistrationFactory(workshop=workshop, people=2)
    RegistrationFactory(workshop=workshop, people=2)
    url = workshop.url + workshop.reverse_subpage(
        "manage_registration", args=(registration.pk, registration.token)
    )
    response = client.post(url, {"action": "people", "people": "4"})
    assert response.status_code == 200
    assert "niet genoeg plekken" in response.content.decode()
    registration.refresh_from_db()
    assert registration.people == 2
    assert client.post(url, {"action": "people", "people": "3"}).status_code == 302
    registration.refresh_from_db()
    assert registration.people == 3
    assert client.post(url, {"action": "people", "people": "9"}).status_code == 200
    registration.refresh_from_db()
    assert registration.people == 3


def test_lowering_capacity_below_confirmed_is_a_validation_error(workshop):
    RegistrationFactory(workshop=workshop, people=4)
    workshop.capacity = 3
    with pytest.raises(ValidationError) as error:
        workshop.full_clean()
    assert "capacity" in error.value.message_dict
    assert "4" in error.value.message_dict["capacity"][0]
    workshop.capacity = 4
    workshop.full_clean()


def test_raising_capacity_and_publishing_promotes_the_waitlist(workshop):
    RegistrationFactory(workshop=workshop, people=4)
    RegistrationFactory(workshop=workshop, people=1)
    waiting = RegistrationFactory(workshop=workshop, status="waitlist", waitlisted_at=timezone.now())
    workshop.capacity = 6
    workshop.save_revision().publish()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert len(mails_to(waiting.email, "Er is een plek")) == 1


def test_invalid_input_keeps_what_was_typed_and_shows_errors(client, workshop):
    response = post(client, workshop, email="geen-adres", name="Piet", people="7")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="form-errors"' in html
    assert 'value="Piet"' in html
    assert 'aria-invalid="true"' in html
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    "overrides",
    [
        {"name": "x" * 5000},
        {"name": "\x00\x01"},
        {"email": "a@" + "b" * 300 + ".nl"},
        {"people": "-1"},
        {"people": "1e9"},
        {"phone": "<script>alert(1)</script>"},
        {"form_started": "forged"},
        {"dietary_needs": "y" * 301},
    ],
)
def test_hostile_input_never_fails(client, workshop, overrides):
    response = post(client, workshop, **overrides)
    assert response.status_code in (200, 302)
    assert Registration.objects.count() == 0
    assert b"<script>alert" not in response.content


def test_script_in_a_name_is_escaped(client, workshop):
    response = post(client, workshop, name='<img src=x onerror="alert(1)">')
    registration = Registration.objects.get()
    url = workshop.url + workshop.reverse_subpage(
        "manage_registration", args=(registration.pk, registration.token)
    )
    html = client.get(url).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html
    assert response.status_code == 302


def test_honeypot_gets_the_thank_you_page_and_stores_nothing(client, workshop):
    response = post(client, workshop, website_url="http://spam.example")
    assert response.status_code == 302
    assert response["Location"].endswith("/bedankt/")
    assert client.get(response["Location"]).status_code == 200
    assert Registration.objects.count() == 0


@override_settings(FORM_RATE_LIMIT=2)
def test_rate_limit_per_email_gives_a_friendly_429(client, workshop):
    from django.core.cache import cache

    cache.clear()
    for _ in range(2):
        post(client, workshop)
    response = post(client, workshop)
    assert response.status_code == 429
    assert "Wacht een paar minuten" in response.content.decode()


def test_registration_is_closed_before_it_opens_and_after_the_start(client, workshop):
    workshop.registration_opens_at = timezone.now() + datetime.timedelta(days=2)
    workshop.save()
    assert "Aanmelden kan vanaf" in client.get(workshop.url).content.decode()
    assert post(client, workshop).status_code == 409
    assert Registration.objects.count() == 0


def test_index_lists_upcoming_first_with_seats_and_past_after(
    client, workshop_index, django_assert_max_num_queries
):
    full = WorkshopPageFactory(parent=workshop_index, title="Sluimerend talent", capacity=2)
    RegistrationFactory(workshop=full, people=2)
    WorkshopPageFactory(
        parent=workshop_index,
        title="Voorbij",
        starts_at=timezone.now() - datetime.timedelta(days=30),
        ends_at=timezone.now() - datetime.timedelta(days=30, hours=-2),
    )
    for _ in range(3):
        WorkshopPageFactory(parent=workshop_index)
    with django_assert_max_num_queries(30) as few:
        client.get(workshop_index.url)
    for _ in range(12):
        RegistrationFactory(workshop=WorkshopPageFactory(parent=workshop_index))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(workshop_index.url)
    html = response.content.decode()
    assert "Vol — zet je op de wachtlijst" in html
    assert html.index("Sluimerend talent") < html.index("Voorbij")
    assert "Nog 19 plekken" in html


def test_index_calendar_feed_has_every_upcoming_workshop(client, workshop_index, workshop):
    WorkshopPageFactory(parent=workshop_index, title="Tweede")
    response = client.get(workshop_index.url + "agenda/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(str(event["summary"]) for event in events) == ["Instrumenten", "Tweede"]
    start = events[0].decoded("dtstart")
    assert start.tzinfo == zoneinfo.ZoneInfo("Europe/Amsterdam")


def test_workshops_are_a_search_type(client, workshop):
    response = client.get("/nl/zoeken/", {"q": "instrumenten", "type": "workshops"})
    assert response.status_code == 200
    assert workshop.url in response.content.decode()


def test_english_page_registers_on_the_dutch_seats_and_mails_in_english(
    client, workshop, locales, english_home
):
    from .conftest import publish_translation

    publish_translation(workshop.get_parent().specific, locales["en"])
    workshop_en = publish_translation(workshop, locales["en"], title="Instruments")
    assert workshop_en.seat_owner_id == workshop.pk
    response = client.post(workshop_en.url, form_data(email="jane@example.org"))
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.workshop_id == workshop.pk
    assert registration.language == "en"
    [mail] = mails_to("jane@example.org")
    assert mail.language == "en"
    assert "/en/" in mail.body_text
    assert WorkshopPage.objects.get(pk=workshop.pk).seats_left == 4
