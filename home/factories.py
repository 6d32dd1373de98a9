"""Factories for the site shell, shared by the tests and `load_demo_content`."""

import factory
import wagtail_factories

from wagtail.models import Locale
from wagtail.rich_text import RichText

from .models import HomePage, Menu, MenuItem, StandardPage


def paragraph(html):
    """One rich-text block of a StreamField (a (block type, value) pair)."""
    return ("paragraph", RichText(html))


def quote(text, person="", role=""):
    return ("quote", {"quote": text, "person": person, "role": role})


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Lief & Leed in je straat"
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = "Buren die naar elkaar omkijken."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.Sequence(lambda n: f"pagina-{n}")
    intro = "Een korte inleiding in eenvoudig Nederlands."
    body = factory.LazyFunction(
        lambda: [
            paragraph("<p>Buren die elkaar kennen, helpen elkaar ook.</p>"),
            quote("Neem er rustig de tijd voor.", "Corrie van der Sluijs", "gangmaker"),
        ]
    )

    class Meta:
        model = StandardPage


class MenuFactory(factory.django.DjangoModelFactory):
    kind = Menu.Kind.MAIN
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Menu


class MenuItemFactory(factory.django.DjangoModelFactory):
    menu = factory.SubFactory(MenuFactory)
    sort_order = factory.Sequence(int)

    class Meta:
        model = MenuItem
