import pytest

from django.core.cache import cache

from pilots.factories import (
    GangmakerFactory,
    PilotIndexPageFactory,
    PilotPageFactory,
    PilotRoundFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
    StreetSignupFactory,
)
from pilots.models import RoundSubscriber, SignupPage, StorySubmissionPage
from pilots.workshops.factories import RegistrationFactory, WorkshopIndexPageFactory, WorkshopPageFactory
from toolkit.factories import (
    FlyerTemplateFactory,
    ToolkitDocumentFactory,
    ToolkitIndexPageFactory,
    ToolkitItemPageFactory,
)
from toolkit.models import ToolkitItemFlyerTemplate


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and login throttling count in the cache: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


def _published(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def public_site(home_page):
    """The public parts the rows of the table need: the toolkit with a document and a flyer, the
    workshops (one open, with a registration to manage), the sign-up page with an open round, the
    story-submission page, and the pilot and story listings."""
    toolkit = ToolkitIndexPageFactory(parent=home_page, slug="toolkit")
    flyer = FlyerTemplateFactory(name="Koffie op de stoep")
    item = ToolkitItemPageFactory(parent=toolkit, title="Koffie op de stoep", slug="koffie-op-de-stoep")
    item.flyer_template_links.add(ToolkitItemFlyerTemplate(template=flyer))
    item.save_revision().publish()

    workshops = WorkshopIndexPageFactory(parent=home_page)
    workshop = WorkshopPageFactory(parent=workshops, title="Buurtgesprekken", slug="buurtgesprekken")
    registration = RegistrationFactory(workshop=workshop, name="Fatima de Vries", email="fatima@example.org")

    signup_page = _published(
        home_page, SignupPage(title="Meedoen", slug="meedoen", intro="Meld je straat aan.")
    )
    pilot_round = PilotRoundFactory(name="Ronde 2027", capacity=5)
    gangmaker = GangmakerFactory(signup=StreetSignupFactory(round=pilot_round), email="ans@example.org")
    subscriber = RoundSubscriber.objects.create(email="lijst@example.org")
    submission_page = _published(
        home_page, StorySubmissionPage(title="Deel je verhaal", slug="deel-je-verhaal")
    )

    pilots = PilotIndexPageFactory(parent=home_page)
    pilot = PilotPageFactory(parent=pilots, district="Zuidwijk", year_start=2016)
    stories = StoryIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=stories)

    return {
        "document": ToolkitDocumentFactory(title="Welkomstbrief", filename="welkomstbrief.pdf"),
        "toolkit_item": item,
        "flyer": flyer,
        "workshops": workshops,
        "workshop": workshop,
        "registration": registration,
        "signup_page": signup_page,
        "round": pilot_round,
        "gangmaker": gangmaker,
        "subscriber": subscriber,
        "submission_page": submission_page,
        "pilots": pilots,
        "pilot": pilot,
        "stories": stories,
    }
