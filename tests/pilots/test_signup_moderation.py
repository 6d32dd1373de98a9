"""Moderating street sign-ups: every transition, its permission, its mail and its audit log."""

import pytest

from django.core.exceptions import PermissionDenied

from wagtail.models import ModelLogEntry

from cms.demo import translate
from cms.models import OutboundEmail
from pilots.factories import GangmakerFactory, StreetSignupFactory
from pilots.models import SignupMailTemplate, StreetSignup
from pilots.signup_moderation import TRANSITIONS, TransitionNotAllowed, apply_transition

pytestmark = pytest.mark.django_db
State = StreetSignup.State


def make_signup(round_, state, language="nl"):
    signup = StreetSignupFactory(round=round_, state=state, language=language, street="Bloemkoolstraat")
    GangmakerFactory(signup=signup, name="Ans", email="ans@example.org")
    GangmakerFactory(signup=signup, name="Yusuf", email="yusuf@example.org")
    return signup


ALLOWED = [(name, source) for name, t in TRANSITIONS.items() for source in t.sources]
REFUSED = [
    (name, source) for name, t in TRANSITIONS.items() for source in State.values if source not in t.sources
]


@pytest.mark.parametrize(("name", "source"), ALLOWED)
def test_a_moderator_makes_every_allowed_transition_and_both_gangmakers_are_mailed(
    editors, open_round, name, source
):
    signup = make_signup(open_round, source)
    result = apply_transition(signup, name, editors["moderator"], note="Tot snel!")
    assert result.state == TRANSITIONS[name].target
    mails = OutboundEmail.objects.order_by("pk")
    assert sorted(m.recipients[0] for m in mails) == ["ans@example.org", "yusuf@example.org"]
    assert all("Tot snel!" in m.body_text and "Bloemkoolstraat" in m.body_text for m in mails)
    entry = ModelLogEntry.objects.for_instance(signup).get(action=TRANSITIONS[name].log_action)
    assert entry.user == editors["moderator"]
    assert entry.data["from"] == source and entry.data["note"] == "Tot snel!"


@pytest.mark.parametrize(("name", "source"), REFUSED)
def test_a_transition_from_another_state_is_refused(editors, open_round, name, source):
    signup = make_signup(open_round, source)
    with pytest.raises(TransitionNotAllowed):
        apply_transition(signup, name, editors["moderator"])
    signup.refresh_from_db()
    assert signup.state == source
    assert OutboundEmail.objects.count() == 0


@pytest.mark.parametrize("name", list(TRANSITIONS))
@pytest.mark.parametrize("username", ["redacteur", "eindredacteur", "vertaler"])
def test_only_moderators_may_move_a_signup(editors, open_round, name, username):
    signup = make_signup(open_round, TRANSITIONS[name].sources[0])
    with pytest.raises(PermissionDenied):
        apply_transition(signup, name, editors[username])
    signup.refresh_from_db()
    assert signup.state == TRANSITIONS[name].sources[0]


def test_the_chosen_mail_text_is_sent_in_the_signups_language(editors, open_round, locales):
    signup = make_signup(open_round, State.UNDER_REVIEW, language="en")
    template = SignupMailTemplate.objects.get(purpose="signup_accepted", locale=locales["nl"])
    template.body = "Beste {naam}, {straat} doet mee met {ronde}. {opmerking}"
    template.save()
    translate(
        template,
        "en",
        {
            template.name: "Accepted",
            template.subject: "Welcome to {ronde}: {straat} takes part",
            template.body: "Dear {naam}, {straat} takes part in {ronde}. {opmerking}",
        },
    )
    apply_transition(signup, "accept", editors["moderator"], template=template, note="See you")
    bodies = sorted(m.body_text for m in OutboundEmail.objects.all())
    assert bodies[0].startswith(
        "Dear Ans, Bloemkoolstraat, 3074 TK takes part in Lief & Leed ronde 2027. See you"
    )
    assert set(OutboundEmail.objects.values_list("language", flat=True)) == {"en"}


def test_a_template_for_another_transition_is_refused(editors, open_round):
    signup = make_signup(open_round, State.UNDER_REVIEW)
    declined = SignupMailTemplate.objects.filter(purpose="signup_declined").first()
    with pytest.raises(ValueError):
        apply_transition(signup, "accept", editors["moderator"], template=declined)


def test_the_admin_moderation_page_accepts_and_mails_and_escapes_the_text(client, editors, open_round):
    signup = make_signup(open_round, State.EMAIL_CONFIRMED)
    StreetSignup.objects.filter(pk=signup.pk).update(
        hopes='<script>alert(1)</script><img src=x onerror="alert(2)">'
    )
    client.force_login(editors["moderator"])
    url = f"/admin/aanmeldingen/straten/beoordelen/{signup.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    response = client.post(url, {"transition": "accept", "note": "Welkom", "template": ""})
    assert response.status_code == 302
    signup.refresh_from_db()
    assert signup.state == State.ACCEPTED
    assert OutboundEmail.objects.count() == 2
    history = client.get(f"/admin/aanmeldingen/straten/history/{signup.pk}/")
    assert history.status_code == 200
    assert "Aanmelding toegelaten" in history.content.decode()


def test_editors_without_the_permission_cannot_open_the_moderation_page(client, editors, open_round):
    signup = make_signup(open_round, State.EMAIL_CONFIRMED)
    client.force_login(editors["redacteur"])
    response = client.get(f"/admin/aanmeldingen/straten/beoordelen/{signup.pk}/")
    assert response.status_code in (302, 403)
    assert client.post(
        f"/admin/aanmeldingen/straten/beoordelen/{signup.pk}/", {"transition": "accept"}
    ).status_code in (302, 403)
    signup.refresh_from_db()
    assert signup.state == State.EMAIL_CONFIRMED


def test_the_queue_filters_flags_duplicates_exports_and_costs_the_same_for_more_rows(
    client, editors, open_round, django_assert_max_num_queries
):
    original = make_signup(open_round, State.EMAIL_CONFIRMED)
    duplicate = StreetSignupFactory(round=open_round, street="Bloemkoolstraat", duplicate_of=original)
    client.force_login(editors["moderator"])
    response = client.get("/admin/aanmeldingen/straten/?state=email_confirmed")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"/admin/aanmeldingen/straten/beoordelen/{original.pk}/" in html
    assert "Dubbel van" in client.get("/admin/aanmeldingen/straten/").content.decode()
    with django_assert_max_num_queries(40) as few:
        client.get("/admin/aanmeldingen/straten/")
    for _number in range(15):
        make_signup(open_round, State.SUBMITTED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/admin/aanmeldingen/straten/")
    export = client.get("/admin/aanmeldingen/straten/?export=csv")
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Bloemkoolstraat" in content and "ans@example.org" not in content.split("\n")[0]
    assert client.get("/admin/aanmeldingen/straten/?export=xlsx").status_code == 200
    assert duplicate.pk


def test_the_bulk_action_moves_several_signups_and_skips_the_others(client, editors, open_round):
    first = make_signup(open_round, State.EMAIL_CONFIRMED)
    second = make_signup(open_round, State.UNDER_REVIEW)
    done = make_signup(open_round, State.DECLINED)
    client.force_login(editors["moderator"])
    url = (
        "/admin/bulk/pilots/streetsignup/move_signups/"
        f"?id={first.pk}&id={second.pk}&id={done.pk}&next=/admin/aanmeldingen/straten/"
    )
    assert client.get(url).status_code == 200
    response = client.post(url, {"transition": "accept", "note": ""})
    assert response.status_code == 302
    states = dict(StreetSignup.objects.values_list("pk", "state"))
    assert states == {first.pk: State.ACCEPTED, second.pk: State.ACCEPTED, done.pk: State.DECLINED}


def test_signups_are_never_added_by_hand_in_the_admin(client, editors):
    client.force_login(editors["beheerder"])
    assert client.get("/admin/aanmeldingen/straten/add/").status_code in (302, 403)
    assert client.get("/admin/inzendingen/verhalen/add/").status_code in (302, 403)
    assert client.get("/admin/aanmeldingen/rondes/add/").status_code == 200


def test_the_inspect_view_and_the_mails_keep_public_text_inert(client, editors, open_round):
    signup = make_signup(open_round, State.EMAIL_CONFIRMED)
    signup.gangmakers.filter(name="Ans").update(name='<img src=x onerror="alert(1)">')
    client.force_login(editors["moderator"])
    html = client.get(f"/admin/aanmeldingen/straten/inspect/{signup.pk}/").content.decode()
    assert "Yusuf" in html and 'onerror="alert(1)"' not in html
    apply_transition(signup, "accept", editors["moderator"])
    mail = OutboundEmail.objects.get(recipients=["ans@example.org"])
    assert "<img" not in mail.body_html and "&lt;img" in mail.body_html
