import pytest

from wagtail.models import Locale, Page, Site

from home.factories import HomePageFactory


@pytest.fixture
def home_page(db):
    """A Dutch HomePage as the root of the default site (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start", locale=Locale.get_default())
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.save()
    welcome.delete()
    return home


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}
