"""What editors do with official sheets in the admin: find them, read them, choose them, start from them."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from guides.models import ProcedureSheetPage
from servicepublic.models import OfficialSheet
from tests.servicepublic.factories import PlaceholderSheetFactory

pytestmark = pytest.mark.django_db

INDEX = "wagtailsnippets_servicepublic_officialsheet:list"
INSPECT = "wagtailsnippets_servicepublic_officialsheet:inspect"
CHOOSE = "wagtailsnippetchoosers_servicepublic_officialsheet:choose_results"


def listed(client, **params):
    html = client.get(reverse(INDEX), params).content.decode()
    return {
        identifier
        for identifier in OfficialSheet.objects.values_list("identifier", flat=True)
        if f">{identifier}<" in html
    }


@pytest.fixture
def signed_in(client, editor, imported):
    client.force_login(editor)
    return client


def draft_of(client, identifier, topic):
    official = OfficialSheet.objects.get(identifier=identifier)
    response = client.post(
        reverse("servicepublic_create_draft", args=[official.pk]), {"topic": topic.pk}, follow=True
    )
    return ProcedureSheetPage.objects.get(official_sheet_links__official_sheet=official), response


def test_the_listing_shows_every_imported_sheet(signed_in):
    assert listed(signed_in) == {"F1341", "F1407", "F1531", "F1636", "F19778", "F265", "F2882", "N19775"}


def test_the_listing_finds_a_sheet_by_its_number_or_words_of_its_title(signed_in):
    assert listed(signed_in, q="F19778") == {"F19778"}
    assert listed(signed_in, q="carte") == {"F1341", "F265"}


def test_the_listing_filters_by_theme(signed_in):
    assert listed(signed_in, theme="Justice") == {"F1407", "F1531"}


def test_the_listing_filters_by_the_date_of_the_important_change(signed_in):
    found = listed(signed_in, changed_on_from="2020-03-01", changed_on_to="2020-04-30")
    assert found == {"F1531", "F19778", "F2882"}


def test_a_bad_search_or_filter_is_no_error(signed_in):
    for params in ({"q": "x\x00" * 400}, {"theme": "\x00"}, {"changed_on_from": "2020-02-30"}):
        assert signed_in.get(reverse(INDEX), params).status_code == 200


def test_editors_read_official_sheets_but_do_not_edit_them(signed_in):
    official = OfficialSheet.objects.get(identifier="F19778")
    assert signed_in.get(reverse(INSPECT, args=[official.pk])).status_code == 200
    edit = signed_in.get(reverse("wagtailsnippets_servicepublic_officialsheet:edit", args=[official.pk]))
    assert edit.status_code == 302  # Wagtail's "no permission" redirect


def test_a_sheets_page_shows_where_to_go_its_online_services_and_the_draft_button(signed_in):
    official = OfficialSheet.objects.get(identifier="F19778")
    html = signed_in.get(reverse(INSPECT, args=[official.pk])).content.decode()
    assert "Caisse d&#x27;allocations familiales (CAF) (caf)" in html
    assert "Mutualité sociale agricole (MSA) (msa)" in html
    assert '<a href="https://www.formulaires.service-public.fr/gf/cerfa_15481.do"' in html
    assert "(Formulaire, Cerfa 15481*01)" in html
    assert "Créer une fiche facile à lire" in html
    assert "https://www.service-public.gouv.fr/particuliers/vosdroits/F19778" in html


def test_the_chooser_finds_a_sheet_by_its_number(signed_in):
    html = signed_in.get(reverse(CHOOSE), {"q": "F2882"}).content.decode()
    assert "Prime d&#x27;activité\xa0: salarié ou fonctionnaire" in html
    assert "RSA demandeur" not in html


def test_an_editor_chooses_the_official_sheet_of_a_sheet(signed_in, topic):
    official = OfficialSheet.objects.get(identifier="F2882")
    step = {
        "text": "Faites la demande.",
        "image": "",
        "image_alt": "",
        "link_url": "",
        "link_text": "",
        "phone": "",
    }
    steps = {"count": "1", "0": {"value": step, "deleted": "", "order": "0"}}
    data = nested_form_data(
        {
            "title": "Comment demander la prime d'activité ?",
            "slug": "prime",
            "summary": "Une aide pour ceux qui travaillent.",
            "audience": "Vous travaillez.",
            "body": streamfield([("steps", {"heading": "Les étapes", "steps": steps})]),
            "last_checked_on": "2026-11-01",
            "review_interval_months": "6",
            "official_sheet_links": inline_formset([{"official_sheet": official.pk}]),
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["guides", "proceduresheetpage", topic.pk])
    assert signed_in.post(url, data).status_code == 302
    assert ProcedureSheetPage.objects.get(slug="prime").official_sheets() == [official]


def test_a_draft_follows_the_official_situations_and_chapters(signed_in, topic):
    page, _response = draft_of(signed_in, "F19778", topic)
    steps = [block.value for block in page.body if block.block_type == "steps"]
    assert [block["heading"] for block in steps] == ["Cas général (Caf)", "Régime agricole (MSA)"]
    assert [step["text"] for step in steps[0]["steps"]][:3] == [
        "Conditions d'attribution",
        "Calcul du montant",
        "Demande",
    ]
    assert page.title == "RSA demandeur de 25 ans et plus"
    assert not page.live and page.has_unpublished_changes


def test_a_draft_links_its_official_sheet_and_contacts_its_partners(signed_in, topic):
    page, _response = draft_of(signed_in, "F19778", topic)
    assert page.official_sheet_numbers() == "F19778"
    contacts = [block.value["partner"].slug for block in page.body if block.block_type == "contact"]
    assert contacts == ["caf", "msa"]  # the council (cg) and the town hall are not France services partners
    assert sorted(page.partners.values_list("slug", flat=True)) == ["caf", "msa"]


def test_a_draft_lists_the_papers_the_official_sheet_asks_for(signed_in, topic):
    page, _response = draft_of(signed_in, "F1341", topic)
    checklist = next(block.value for block in page.body if block.block_type == "checklist")
    assert list(checklist["items"])[:3] == [
        "Votre passeport",
        "Photo d'identité de moins de 6 mois et conforme aux normes",
        "Justificatif de domicile",
    ]


def test_creating_a_draft_opens_it_with_the_readability_findings(signed_in, topic):
    page, response = draft_of(signed_in, "F19778", topic)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert "Brouillon créé à partir de la fiche F19778. Score facile à lire" in html
    assert "conseils pour rendre la fiche plus facile à lire" in html


def test_a_placeholder_cannot_start_a_draft(signed_in, topic):
    placeholder = PlaceholderSheetFactory(identifier="F10027")
    response = signed_in.post(
        reverse("servicepublic_create_draft", args=[placeholder.pk]), {"topic": topic.pk}, follow=True
    )
    assert "pas encore importée" in response.content.decode()
    assert not ProcedureSheetPage.objects.exists()


def test_people_who_cannot_add_sheets_cannot_start_one(client, cpip, imported, topic):
    client.force_login(cpip)
    official = OfficialSheet.objects.get(identifier="F19778")
    response = client.post(reverse("servicepublic_create_draft", args=[official.pk]), {"topic": topic.pk})
    assert response.status_code in (302, 403)
    assert not ProcedureSheetPage.objects.exists()


def test_a_huge_sheet_number_in_the_address_is_not_found(signed_in):
    assert signed_in.get(f"/admin/fiches-officielles/{10**30}/fiche-facile/").status_code == 404


def test_the_sheet_editor_offers_the_official_sheet_chooser(signed_in, topic):
    from tests.guides.factories import ProcedureSheetPageFactory

    sheet = ProcedureSheetPageFactory(parent=topic)
    html = signed_in.get(reverse("wagtailadmin_pages:edit", args=[sheet.pk])).content.decode()
    assert "Fiches officielles de Service-Public.fr que cette fiche simplifie" in html
    assert reverse("wagtailsnippetchoosers_servicepublic_officialsheet:choose") in html


def test_each_row_of_the_listing_offers_to_start_an_easy_to_read_sheet(signed_in):
    official = OfficialSheet.objects.get(identifier="F265")
    html = signed_in.get(reverse(INDEX)).content.decode()
    assert f'href="{reverse("servicepublic_create_draft", args=[official.pk])}"' in html


def test_starting_a_sheet_asks_in_which_topic(signed_in, topic):
    official = OfficialSheet.objects.get(identifier="F265")
    html = signed_in.get(reverse("servicepublic_create_draft", args=[official.pk])).content.decode()
    assert "Dans quel thème ?" in html
    assert f'<option value="{topic.pk}">Avoir de l&#x27;argent pour vivre</option>' in html
