import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from toolkit.factories import AdviceCardFactory, ToolkitItemPageFactory
from toolkit.models import AdviceCard, ToolkitItemPage

pytestmark = pytest.mark.django_db


def item_form(**overrides):
    data = {
        "title": "Soep voor een zieke buur",
        "slug": "soep",
        "intro": "Een pannetje soep laat zien dat je aan iemand denkt.",
        "kind": "advies",
        "occasions": inline_formset([{"occasion": "ziekte"}], min=1),
        "needs": streamfield([("item", "Een pan soep")]),
        "steps": streamfield([("step", {"title": "Kook soep", "text": "Maak genoeg voor twee dagen."})]),
        "tips": streamfield(
            [("tip", {"text": "Vraag eerst wat iemand mag eten.", "person": "Ria", "page": ""})]
        ),
        "downloads": inline_formset([]),
        "advice_card_links": inline_formset([]),
        "flyer_template_links": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editors_create_an_item_with_occasions_downloads_cards(admin_client, toolkit_index, welcome_letter):
    card = AdviceCardFactory()
    url = reverse("wagtailadmin_pages:add", args=["toolkit", "toolkititempage", toolkit_index.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        item_form(
            downloads=inline_formset([{"document": welcome_letter.pk}]),
            advice_card_links=inline_formset([{"card": card.pk}]),
        ),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ToolkitItemPage.objects.get(slug="soep")
    assert page.live
    assert [row.occasion for row in page.occasions.all()] == ["ziekte"]
    assert [row.document for row in page.downloads.all()] == [welcome_letter]
    assert [link.card for link in page.advice_card_links.all()] == [card]
    assert page.steps[0].value["title"] == "Kook soep"


def test_an_item_needs_an_occasion(admin_client, toolkit_index):
    url = reverse("wagtailadmin_pages:add", args=["toolkit", "toolkititempage", toolkit_index.pk])
    response = admin_client.post(url, item_form(occasions=inline_formset([], min=1)))
    assert response.status_code == 200
    assert not ToolkitItemPage.objects.filter(slug="soep").exists()


def test_the_item_edit_form_renders(admin_client, toolkit_index, welcome_letter):
    page = ToolkitItemPageFactory(parent=toolkit_index, document_list=[welcome_letter])
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert welcome_letter.title in response.content.decode()


def test_advice_cards_are_managed_as_snippets(admin_client, locales):
    AdviceCardFactory(title="Neem de tijd")
    list_url = reverse("wagtailsnippets_toolkit_advicecard:list")
    response = admin_client.get(list_url)
    assert response.status_code == 200
    assert "Neem de tijd" in response.content.decode()
    add_url = reverse("wagtailsnippets_toolkit_advicecard:add")
    response = admin_client.post(
        add_url + "?locale=nl",
        {"title": "Blijf vriendelijk", "text": "Groet je buren.", "source": "Noreen Mir", "sort_order": 10},
    )
    assert response.status_code == 302
    assert AdviceCard.objects.get(title="Blijf vriendelijk").locale == locales["nl"]


def test_document_form_has_language_and_description(admin_client):
    response = admin_client.get(reverse("wagtaildocs:add"))
    html = response.content.decode()
    assert 'name="language"' in html and 'name="description"' in html
