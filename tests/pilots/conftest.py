import pytest
import wagtail_factories

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pilots.consent import publish_through_workflow
from pilots.factories import PilotIndexPageFactory, StoryIndexPageFactory
from pilots.workflow import EINDREDACTIE, MODERATOREN, REDACTIE, VERTALERS


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Images and their renditions go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"  # documents and submission photos
    return settings.MEDIA_ROOT


@pytest.fixture
def pilot_index(home_page):
    return PilotIndexPageFactory(parent=home_page)


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page)


def publish_translation(page, locale, **changes):
    """A published copy of `page` in `locale` (its parent must be translated already). A page that
    names people goes through the editorial workflow, as cms.publishing demands."""
    translated = page.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translated, name, value)
    if getattr(translated, "consent_people", list)():
        publish_with_consent(translated)
    else:
        translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def publish_with_consent(page):
    """Publish `page` through the whole editorial workflow, by one member of each group."""
    User = get_user_model()
    steps = {}
    for group_name in (REDACTIE, MODERATOREN, EINDREDACTIE):
        user, _ = User.objects.get_or_create(username=f"workflow-{group_name.lower()}")
        user.groups.add(Group.objects.get(name=group_name))
        steps[group_name] = User.objects.get(pk=user.pk)  # no cached page permissions
    publish_through_workflow(
        page,
        author=steps[REDACTIE],
        reviewer=steps[REDACTIE],
        moderator=steps[MODERATOREN],
        final_approver=steps[EINDREDACTIE],
        kept_at="Map in de kast",
    )
    page.refresh_from_db()
    return page


@pytest.fixture
def english_home(home_page, locales):
    return publish_translation(home_page, locales["en"], title="Lief & Leed in your street")


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(
        title="Buren op de stoep", description="Buren drinken koffie op de stoep."
    )


def make_user(username, *groups, superuser=False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="a-long-test-password",
        first_name=username.capitalize(),
        is_superuser=superuser,
        is_staff=superuser,
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def editors(db):
    """One user per editorial role, plus a superuser who is in none of the groups."""
    return {
        "redacteur": make_user("redacteur", REDACTIE),
        "collega": make_user("collega", REDACTIE),
        "moderator": make_user("moderator", MODERATOREN),
        "eindredacteur": make_user("eindredacteur", EINDREDACTIE),
        "vertaler": make_user("vertaler", VERTALERS),
        "beheerder": make_user("beheerder", superuser=True),
    }


# Sign-ups and story submissions: their fixtures live in signup_support.py.
from .signup_support import open_round, private_root, signup_page, submission_page  # noqa: E402, F401
