"""Results of every kind, grouped (sheets first), and the France services near a commune."""

import re

import pytest

from directory.models import Commune
from guides.models import ProcedureSheetPage
from tests.agenda.factories import AgendaPageFactory, ProbationUnitFactory
from tests.directory.factories import DirectoryPageFactory, StructureFactory, weekdays_nine_to_five
from tests.factories import StandardPageFactory
from tests.guides.factories import (
    GlossaryPageFactory,
    GlossaryTermFactory,
    GuideIndexPageFactory,
    ProcedureSheetPageFactory,
    TopicPageFactory,
)
from tests.html import french

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home_page):
    index = GuideIndexPageFactory(parent=home_page)
    topic = TopicPageFactory(parent=index, title="Avoir de l'argent", intro="Le RSA et les autres aides.")
    sheet = ProcedureSheetPageFactory(
        parent=topic, title="Comment demander le RSA ?", summary="Le RSA aide à vivre avec peu d'argent."
    )
    GlossaryPageFactory(parent=index)
    GlossaryTermFactory(term="RSA", definition="Une aide de la CAF pour vivre.")
    StandardPageFactory(parent=home_page, title="Le RSA pour les employeurs", intro="Une page pour les pros.")
    DirectoryPageFactory(parent=home_page)
    return {"sheet": sheet, "topic": topic}


def page_of(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def headings(page):
    return re.findall(r'<h2 id="search-kind-[a-z]+">([^<]+)</h2>', page)


def test_results_are_grouped_by_kind_with_sheets_first(client, content):
    assert headings(page_of(client, "rsa")) == [
        "Fiches pratiques",
        "Thèmes",
        "Mots difficiles",
        "Autres pages",
    ]


def test_a_sheet_shows_its_one_sentence_summary(client, content):
    page = page_of(client, "rsa")
    assert french(f'<a href="{content["sheet"].url}">Comment demander le RSA ?</a>') in page
    assert "Le RSA aide à vivre avec peu d&#x27;argent." in page


def test_a_difficult_word_links_to_its_explanation(client, content):
    page = page_of(client, "rsa")
    assert '<a href="/fiches/mots-difficiles/#rsa">RSA</a>' in page
    assert "Une aide de la CAF pour vivre." in page


def test_a_france_services_is_found_by_its_name(client, content):
    StructureFactory(name="France services du Châtelet", slug="chatelet")
    page = page_of(client, "chatelet")
    assert headings(page) == ["France services"]
    assert '<a href="/france-services/chatelet/">France services du Châtelet</a>' in page


def test_drafts_are_not_found(client, content):
    ProcedureSheetPageFactory(parent=content["topic"], title="Brouillon sur le RSA", live=False)
    assert "Brouillon sur le RSA" not in page_of(client, "rsa")


def test_a_commune_offers_the_nearest_france_services(client, content):
    melun = StructureFactory(name="France services de Melun", slug="melun")
    weekdays_nine_to_five(melun)
    StructureFactory(
        name="France services de Provins",
        slug="provins",
        commune_name="Provins",
        latitude=48.56,
        longitude=3.29,
    )
    page = page_of(client, "france services melun")
    place = page.split('id="search-place"', 1)[1].split("</section>", 1)[0]
    assert "France services près de Melun" in place
    assert place.index("France services de Melun") < place.index("France services de Provins")
    assert re.search(r"Provins \(77000\) – à 4[67] km", place)  # as the crow flies from Melun
    melun_code = Commune.objects.get(name="Melun").code
    assert f"/france-services/commune/{melun_code}/" in place


def test_a_postcode_offers_the_nearest_france_services(client, content):
    StructureFactory(name="France services de Melun", slug="melun")
    page = page_of(client, "77300")  # Fontainebleau's own postcode
    assert "France services près de 77300" in page
    assert "France services de Melun" in page


def test_a_postcode_of_several_communes_asks_which_one(client, content):
    page = page_of(client, "77230")
    assert "Le code postal 77230 correspond à plusieurs communes." in page
    assert "/france-services/recherche/?q=77230" in page


def test_a_commune_name_is_not_taken_for_a_typo(client, content):
    page = page_of(client, "fontainebleau")
    assert "Vouliez-vous dire" not in page
    assert "Résultats pour" not in page
    assert "France services près de Fontainebleau" in page


def test_ordinary_words_are_not_taken_for_communes(client, content):
    assert 'id="search-place"' not in page_of(client, "comment demander le rsa")


def test_sheets_found_are_the_published_ones_only(content):
    assert ProcedureSheetPage.objects.live().count() == 1


def test_a_spip_unit_is_found_with_its_calendar(client, content, home_page):
    unit = ProbationUnitFactory(name="SPIP – Meaux", slug="meaux", commune="Meaux", postcode="77100")
    AgendaPageFactory(parent=home_page)
    page = page_of(client, "spip meaux")
    assert "France services dans les locaux du SPIP" in headings(page)
    assert f">{unit.name}</a>" in page
    assert "/agenda/meaux/" in page


def test_a_france_services_on_invitation_is_listed_apart_without_a_distance(client, content):
    StructureFactory(name="France services de Melun", slug="melun")
    StructureFactory(
        name="France services itinérante du SPIP",
        slug="spip",
        reception="invitation",
        latitude=48.54,
        longitude=2.66,
    )
    place = (
        page_of(client, "france services melun").split('id="search-place"', 1)[1].split("</section>", 1)[0]
    )
    open_list, invited = place.split('id="search-place-invitation"', 1)
    assert "France services de Melun" in open_list
    assert "itinérante du SPIP" not in open_list
    assert "Sur invitation de votre CPIP</h3>" in invited
    assert "France services itinérante du SPIP" in invited
    assert " km" not in invited


def test_a_clear_best_match_is_not_drowned_by_sheets_that_only_mention_a_word(client, content):
    topic = content["topic"]
    ProcedureSheetPageFactory(
        parent=topic,
        title="Comment demander sa carte d'identité ?",
        summary="La carte d'identité prouve qui vous êtes.",
    )
    for title in ("Comment payer la cantine ?", "Comment trouver un logement ?"):
        ProcedureSheetPageFactory(
            parent=topic,
            title=title,
            summary="Une aide de la mairie.",
            body__0__steps__steps__0__text="Apportez votre carte.",
        )
    page = page_of(client, "carte d'identité")
    assert headings(page) == ["Fiches pratiques", "Autres résultats, moins proches de votre recherche"]
    sheets, less_close = page.split('id="search-kind-more"', 1)
    assert "Comment demander sa carte d&#x27;identité\u202f?" in sheets  # French typography: thin space
    assert "cantine" not in sheets
    assert "Comment payer la cantine\u202f?" in less_close
