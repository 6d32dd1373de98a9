"""The street sign-up form: valid, invalid and hostile input, bots, rate limits, double opt-in."""

import time

import pytest

from cms.forms import started_token
from cms.models import OutboundEmail
from pilots.factories import GangmakerFactory, PilotRoundFactory, StreetSignupFactory
from pilots.models import Gangmaker, RoundSubscriber, StreetSignup
from pilots.signup_moderation import gangmaker_token
from pilots.signup_subscribers import CONFIRM_SALT, UNSUBSCRIBE_SALT, notify_open_rounds, subscriber_token

from .signup_support import signup_data

pytestmark = pytest.mark.django_db

URL = "/nl/meedoen/"


def test_the_form_shows_the_round_and_its_criteria(client, open_round, signup_page):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lief &amp; Leed ronde 2027" in html
    assert "Minstens twee gangmakers." in html
    assert 'name="gangmaker-0-email"' in html and 'name="gangmaker-2-email"' in html
    assert 'name="privacy_consent"' in html and "checked" not in html.split('name="privacy_consent"')[1][:80]


def test_a_valid_signup_is_stored_and_every_gangmaker_gets_a_confirmation_mail(
    client, open_round, signup_page
):
    response = client.post(URL, signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/nl/meedoen/bedankt/"
    signup = StreetSignup.objects.get()
    assert signup.postcode == "3074 TK"
    assert signup.state == StreetSignup.State.SUBMITTED
    assert signup.language == "nl"
    assert [g.email for g in signup.gangmakers.all()] == ["ans@example.org", "yusuf@example.org"]
    mails = OutboundEmail.objects.order_by("pk")
    assert [mail.recipients for mail in mails] == [["ans@example.org"], ["yusuf@example.org"]]
    assert "Bloemkoolstraat" in mails[0].subject
    assert "/nl/meedoen/bevestigen/?t=" in mails[0].body_text
    assert "Yusuf Kaya" in mails[0].body_text
    assert client.get(response["Location"]).status_code == 200


def test_confirmation_mails_are_in_the_visitors_language(client, open_round, signup_page, english_home):
    english = signup_page.copy_for_translation(english_home.locale)
    english.save_revision().publish()
    response = client.post("/en/meedoen/", signup_data())
    assert response.status_code == 302
    assert StreetSignup.objects.get().language == "en"
    assert set(OutboundEmail.objects.values_list("language", flat=True)) == {"en"}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"postcode": "30741"}, "postcode", "Nederlandse postcode"),
        ({"postcode": "3074 SS"}, "postcode", "Nederlandse postcode"),
        ({"gangmaker-1-name": "", "gangmaker-1-email": ""}, "gangmakers", "2"),
        ({"gangmaker-1-email": "ans@example.org"}, "gangmakers", "eigen e-mailadres"),
        ({"gangmaker-0-email": "geen-adres"}, "id_gangmaker-0-email", "e-mailadres"),
        ({"privacy_consent": ""}, "privacy_consent", "privacyverklaring"),
        ({"households": "0"}, "households", ""),
        ({"street": "Bloemkool\x00straat"}, "street", ""),
        ({"street": "Bloem\x07kool"}, "street", "vreemde tekens"),
        ({"hopes": "x" * 2001}, "hopes", ""),
        ({"district": "Hillegersberg"}, "district", ""),
    ],
)
def test_invalid_input_is_refused_next_to_the_field_and_kept(
    client, open_round, signup_page, changes, field, message
):
    response = client.post(URL, signup_data(**changes))
    assert response.status_code == 200
    assert not StreetSignup.objects.exists()
    assert OutboundEmail.objects.count() == 0
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert field in html
    assert message in html
    assert 'value="Ans de Wit"' in html  # what was typed stays
    assert 'aria-invalid="true"' in html or field == "gangmakers"


def test_html_in_the_text_is_stored_as_plain_text(client, open_round, signup_page):
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'
    client.post(URL, signup_data(hopes=hostile, already_does=hostile))
    signup = StreetSignup.objects.get()
    assert signup.hopes == hostile  # stored as typed, and escaped wherever it is shown


def test_a_bot_filling_the_honeypot_gets_a_thank_you_and_nothing_is_stored(
    client, open_round, signup_page, caplog
):
    response = client.post(URL, signup_data(website_url="https://spam.example"))
    assert response.status_code == 200
    assert "Bedankt voor je aanmelding" in response.content.decode()
    assert not StreetSignup.objects.exists()
    assert OutboundEmail.objects.count() == 0
    assert "honeypot" in caplog.text


def test_a_post_within_two_seconds_is_not_stored_but_a_slow_human_passes(
    client, open_round, signup_page, settings
):
    settings.FORM_MIN_SECONDS = 2
    response = client.post(URL, signup_data(form_started=started_token()))
    assert response.status_code == 200
    assert not StreetSignup.objects.exists()
    response = client.post(URL, signup_data(form_started=started_token(time.time() - 600)))
    assert response.status_code == 302
    assert StreetSignup.objects.count() == 1


def test_thirty_posts_a_minute_from_one_address_get_429_from_the_sixth(
    client, open_round, signup_page, settings
):
    settings.FORM_RATE_LIMIT = 5
    open_round.capacity = 100
    open_round.save()
    statuses = []
    for number in range(30):
        data = signup_data(
            street=f"Straat {number}",
            **{"gangmaker-0-email": f"a{number}@example.org", "gangmaker-1-email": f"b{number}@example.org"},
        )
        statuses.append(client.post(URL, data).status_code)
    assert statuses[:5] == [302] * 5
    assert statuses[5:] == [429] * 25
    assert StreetSignup.objects.count() == 5


def test_the_same_email_is_rate_limited_from_other_addresses_too(client, open_round, signup_page, settings):
    settings.FORM_RATE_LIMIT = 2
    open_round.capacity = 100
    open_round.save()
    statuses = [
        client.post(URL, signup_data(street=f"Straat {n}"), REMOTE_ADDR=f"10.0.0.{n}").status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 429, 429]


def test_each_gangmaker_confirms_by_link_and_then_the_signup_is_complete(client, open_round, signup_page):
    client.post(URL, signup_data())
    signup = StreetSignup.objects.get()
    first, second = signup.gangmakers.all()
    url = f"{URL}bevestigen/?t={gangmaker_token(first)}"
    response = client.get(url)  # a mail scanner opening the link confirms nothing
    assert response.status_code == 200
    first.refresh_from_db()
    assert first.confirmed_at is None
    assert client.post(url).status_code == 200
    client.post(url)  # twice is fine
    signup.refresh_from_db()
    assert signup.state == StreetSignup.State.SUBMITTED
    client.post(f"{URL}bevestigen/?t={gangmaker_token(second)}")
    signup.refresh_from_db()
    assert signup.state == StreetSignup.State.EMAIL_CONFIRMED
    actions = list(signup_log_actions(signup))
    assert actions.count("pilots.signup_gangmaker_confirmed") == 2
    assert "pilots.signup_email_confirmed" in actions


def signup_log_actions(signup):
    from wagtail.models import ModelLogEntry

    return (
        ModelLogEntry.objects.for_instance(signup)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_a_forged_or_changed_confirmation_link_is_refused(client, open_round, signup_page):
    gangmaker = GangmakerFactory(signup=StreetSignupFactory(round=open_round))
    token = gangmaker_token(gangmaker)
    assert client.post(f"{URL}bevestigen/?t={token}x").status_code == 404
    Gangmaker.objects.filter(pk=gangmaker.pk).update(email="ander@example.org")
    assert client.post(f"{URL}bevestigen/?t={token}").status_code == 404
    gangmaker.refresh_from_db()
    assert gangmaker.confirmed_at is None


def test_a_full_round_puts_new_signups_on_the_waiting_list_and_says_so(client, open_round, signup_page):
    for number in range(open_round.capacity):
        StreetSignupFactory(round=open_round, street=f"Vol {number}")
    client.post(URL, signup_data())
    signup = StreetSignup.objects.get(street="Bloemkoolstraat")
    assert signup.state == StreetSignup.State.WAITLISTED
    assert signup.waitlisted_automatically
    assert all("wachtlijst" in mail.body_text for mail in OutboundEmail.objects.all())


def test_declined_and_withdrawn_signups_free_their_place(client, open_round, signup_page):
    for number, state in enumerate([StreetSignup.State.DECLINED, StreetSignup.State.WITHDRAWN, "accepted"]):
        StreetSignupFactory(round=open_round, street=f"Straat {number}", state=state)
    client.post(URL, signup_data())
    assert StreetSignup.objects.get(street="Bloemkoolstraat").state == StreetSignup.State.SUBMITTED


def test_a_second_signup_for_the_same_street_is_flagged_as_a_duplicate(client, open_round, signup_page):
    client.post(URL, signup_data())
    client.post(
        URL,
        signup_data(
            street="  bloemkoolstraat ",
            postcode="3074 TK",
            **{"gangmaker-0-email": "wim@example.org", "gangmaker-1-email": "sanne@example.org"},
        ),
    )
    first, second = StreetSignup.objects.order_by("pk")
    assert first.duplicate_of is None
    assert second.duplicate_of == first  # flagged and linked, not merged or lost
    assert second.gangmakers.count() == 2
    assert "pilots.signup_duplicate" in list(signup_log_actions(second))


def test_a_closed_round_offers_the_waiting_list_with_double_opt_in(client, signup_page):
    PilotRoundFactory(
        name="Ronde 2028", status="planned", signup_opens=time_in(days=90), signup_closes=time_in(days=150)
    )
    response = client.get(URL)
    html = response.content.decode()
    assert "Aanmelden kan nu niet" in html
    assert "Ronde 2028" in html
    assert 'name="street"' not in html
    response = client.post(f"{URL}bericht/", {"email": "Buur@Example.org", "form_started": started_token()})
    assert response.status_code == 200
    subscriber = RoundSubscriber.objects.get()
    assert subscriber.email == "buur@example.org" and subscriber.confirmed_at is None
    assert OutboundEmail.objects.get().recipients == ["buur@example.org"]
    # Unconfirmed: no mail when the round opens.
    round_ = PilotRoundFactory(name="Ronde nu")
    assert notify_open_rounds() == 0
    client.post(f"{URL}bericht/bevestigen/?t={subscriber_token(subscriber, CONFIRM_SALT)}")
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    assert notify_open_rounds() == 1
    assert notify_open_rounds() == 0  # once per round
    mail = OutboundEmail.objects.order_by("-pk").first()
    assert round_.name in mail.subject
    unsubscribe_url = f"{URL}bericht/afmelden/?t={subscriber_token(subscriber, UNSUBSCRIBE_SALT)}"
    assert "bericht/afmelden/?t=" in mail.body_text
    client.post(unsubscribe_url)
    assert not RoundSubscriber.objects.exists()


def time_in(days):
    import datetime

    from django.utils import timezone

    return timezone.now() + datetime.timedelta(days=days)
