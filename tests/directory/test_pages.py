"""The directory's public pages, as a citizen sees them (no JavaScript, French, small)."""

import datetime
import html as html_lib
import re

from django.utils import timezone

import pytest

from directory.models import Commune, Structure
from guides.models import Partner
from tests.directory.factories import ClosureFactory, StopFactory, StructureFactory, weekdays_nine_to_five
from tests.html import has_inline_script

pytestmark = pytest.mark.django_db


def main_text(response):
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", main).split()))


@pytest.fixture
def melun(directory_page):
    structure = weekdays_nine_to_five(
        StructureFactory(
            name="France services Pimms Médiation Melun", phone="01 64 09 49 22", appointment_required=True
        )
    )
    structure.partners.set(Partner.objects.filter(slug__in=["caf", "france-travail"]))
    return structure


@pytest.fixture
def meaux(directory_page):
    structure = weekdays_nine_to_five(
        StructureFactory(
            name="France services de la sous-préfecture de Meaux",
            insee_code="77284",
            postcode="77100",
            commune_name="Meaux",
            latitude=48.955507,
            longitude=2.88671,
        )
    )
    structure.partners.set(Partner.objects.filter(slug="msa"))
    return structure


@pytest.fixture
def spip(directory_page):
    structure = StructureFactory(
        name="France services itinérante du SPIP",
        slug="itinerante-spip",
        reception=Structure.Reception.INVITATION,
        format=Structure.Format.ITINERANT,
        address="",
        insee_code="",
        postcode="",
        commune_name="",
        latitude=None,
        longitude=None,
    )
    StopFactory(
        structure=structure,
        place="SPIP, site de Fontainebleau",
        commune=Commune.objects.get(code="77186"),
        calendar_url="https://example.org/calendrier/fontainebleau/",
    )
    StopFactory(
        structure=structure, place="SPIP, site de La Rochette", commune=Commune.objects.get(code="77389")
    )
    StopFactory(structure=structure, place="SPIP, site de Meaux", commune=Commune.objects.get(code="77284"))
    return structure


class TestDirectoryPage:
    def test_lists_structures_by_arrondissement(self, client, melun, meaux):
        text = main_text(client.get("/france-services/"))
        assert "2 France services" in text
        assert text.index("Arrondissement de Meaux") < text.index("sous-préfecture de Meaux")
        assert text.index("Arrondissement de Melun") < text.index("Pimms Médiation Melun")

    def test_each_structure_links_to_its_page_with_its_opening_status(self, client, melun):
        html = client.get("/france-services/").content.decode()
        assert f'href="/france-services/{melun.slug}/"' in html
        assert re.search(r"(Ouvert maintenant jusqu'à|Ouvre \w+)", main_text(client.get("/france-services/")))

    def test_structure_on_invitation_is_listed_apart_last_with_its_communes(self, client, melun, spip):
        text = main_text(client.get("/france-services/"))
        assert text.index("Pimms Médiation Melun") < text.index("Sur invitation de votre CPIP")
        assert text.index("Sur invitation de votre CPIP") < text.index("France services itinérante du SPIP")
        assert "Fontainebleau, La Rochette, Meaux" in text
        assert "Sur invitation de votre conseiller ou conseillère (CPIP)" in text

    def test_filter_by_partner_shows_where_to_meet_it(self, client, melun, meaux):
        text = main_text(client.get("/france-services/?partenaire=caf"))
        assert "1 France services où voir : Allocations familiales (CAF)" in text
        assert "Pimms Médiation Melun" in text
        assert "sous-préfecture de Meaux" not in text

    def test_the_partner_choice_gives_everyday_names(self, client, directory_page):
        html = client.get("/france-services/").content.decode()
        assert '<option value="finances-publiques">Impôts – Finances publiques (DGFiP)</option>' in html
        assert '<option value="urssaf">Cotisations – Urssaf</option>' in html

    def test_alphabetical_list_is_by_commune(self, client, melun, meaux):
        text = main_text(client.get("/france-services/?tri=commune"))
        assert "Par commune, de A à Z" in text
        assert "Arrondissement de" not in text
        assert text.index("sous-préfecture de Meaux") < text.index("Pimms Médiation Melun")

    def test_unknown_partner_gets_a_message_and_the_whole_list(self, client, melun, meaux):
        response = client.get("/france-services/?partenaire=n-existe-pas")
        assert response.status_code == 200
        text = main_text(response)
        assert "Sélectionnez un choix valide" in text
        assert "2 France services" in text

    def test_wrong_order_keeps_the_partner_filter(self, client, melun, meaux):
        text = main_text(client.get("/france-services/?partenaire=caf&tri=n-importe-quoi"))
        assert "Sélectionnez un choix valide" in text
        assert "1 France services où voir : Allocations familiales (CAF)" in text

    def test_offers_the_guide_and_the_open_data(self, client, directory_page):
        html = client.get("/france-services/").content.decode()
        assert "Télécharger le guide des France services de Seine-et-Marne" in html
        assert 'href="/france-services/guide/"' in html
        assert 'href="/france-services/donnees-ouvertes/csv/"' in html
        assert 'href="/france-services/donnees-ouvertes/json/"' in html

    def test_forms_work_without_javascript(self, client, melun):
        html = client.get("/france-services/").content.decode()
        assert '<form class="directory-search" method="get" action="/france-services/recherche/"' in html
        assert '<form class="directory-filter" method="get"' in html
        assert not has_inline_script(html)


class TestStructurePage:
    def test_shows_address_contact_hours_and_partners(self, client, melun):
        text = main_text(client.get(f"/france-services/{melun.slug}/"))
        assert "16 rue Saint Liesne 77000 Melun" in text
        assert "Téléphone : 01 64 09 49 22" in text
        assert "Sur rendez-vous. Appelez le 01 64 09 49 22 avant de venir." in text
        assert "Lundi 9 h – 12 h et 14 h – 17 h" in text
        assert "Samedi Fermé" in text
        assert "Fermé les jours fériés." in text
        assert "Allocations familiales – Caisse d'allocations familiales (CAF)" in text
        assert "Emploi – France Travail" in text

    def test_each_partner_has_its_everyday_name_and_its_explanation(self, client, directory_page):
        structure = StructureFactory()
        structure.partners.set(Partner.objects.filter(slug__in=["finances-publiques", "assurance-retraite"]))
        html = client.get(f"/france-services/{structure.slug}/").content.decode()
        assert (
            '<li><strong>Impôts</strong> – Finances publiques (DGFiP) <span class="partner-explanation">'
            in html
        )
        assert (
            '<li><strong>Retraite</strong> – Assurance retraite (CNAV) <span class="partner-explanation">'
            in html
        )
        text = main_text(client.get(f"/france-services/{structure.slug}/"))
        assert "Les Finances publiques s'occupent des impôts" in text
        assert "L'Assurance retraite paie la retraite des salariés." in text

    def test_phone_number_can_be_called_from_a_phone(self, client, melun):
        assert 'href="tel:0164094922"' in client.get(f"/france-services/{melun.slug}/").content.decode()

    def test_upcoming_closure_is_announced(self, client, melun):
        ClosureFactory(
            structure=melun,
            start_date=datetime.date.today() + datetime.timedelta(days=2),
            end_date=datetime.date.today() + datetime.timedelta(days=4),
            reason="formation de l'équipe",
        )
        text = main_text(client.get(f"/france-services/{melun.slug}/"))
        assert "Fermetures à venir" in text
        assert ": formation de l'équipe." in text

    def test_a_closure_on_the_first_of_a_month_says_1er(self, client, melun):
        first = (datetime.date.today().replace(day=1) + datetime.timedelta(days=40)).replace(day=1)
        ClosureFactory(structure=melun, start_date=first, end_date=first, reason="formation")
        text = main_text(client.get(f"/france-services/{melun.slug}/"))
        assert re.search(r"Le \w+ 1er \w+ : formation\.", text)

    def test_invitation_only_structure_shows_no_walk_in_hours(self, client, spip):
        text = main_text(client.get("/france-services/itinerante-spip/"))
        assert "Accueil seulement sur invitation." in text
        assert "Vous ne pouvez pas venir sans invitation." in text
        assert "Horaires" not in text
        assert "Ouvre" not in text and "Ouvert" not in text

    def test_invitation_only_structure_lists_the_three_units_and_their_calendar(self, client, spip):
        response = client.get("/france-services/itinerante-spip/")
        text = main_text(response)
        assert "Les lieux d'accueil" in text
        assert "SPIP, site de Fontainebleau 77300 Fontainebleau" in text
        assert "SPIP, site de La Rochette 77000 La Rochette" in text
        assert "SPIP, site de Meaux 77100 Meaux" in text
        assert (
            '<a href="https://example.org/calendrier/fontainebleau/">Voir le calendrier de Fontainebleau</a>'
            in (response.content.decode())
        )

    def test_regular_stop_shows_its_rule_and_next_dates(self, client, spip):
        stop = spip.stops.first()
        stop.weekday, stop.week_of_month = 1, 2
        stop.start_time, stop.end_time = datetime.time(9), datetime.time(12)
        stop.save()
        text = main_text(client.get("/france-services/itinerante-spip/"))
        assert "Le 2e mardi du mois, 9 h – 12 h." in text
        assert "Prochaines dates : mardi" in text

    def test_unknown_structure_is_a_404(self, client, directory_page):
        assert client.get("/france-services/n-existe-pas/").status_code == 404

    def test_structure_of_another_departement_is_not_shown(self, client, directory_page):
        other = StructureFactory(department="91", name="France services Étampes")
        assert client.get(f"/france-services/{other.slug}/").status_code == 404

    def test_address_stays_when_the_name_changes(self, client, melun):
        slug = melun.slug
        melun.name = "France services PIMMS Médiation de Melun"
        melun.save()
        assert client.get(f"/france-services/{slug}/").status_code == 200

    def test_get_absolute_url(self, melun):
        assert melun.get_absolute_url() == f"/france-services/{melun.slug}/"


class TestCommuneSearch:
    def test_commune_gives_the_nearest_structures_with_distance_and_status(
        self, client, melun, meaux, monkeypatch
    ):
        # A Tuesday at 10:00 in Paris: the structures open 9 h – 12 h are open.
        monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2025, 3, 11, 9, tzinfo=datetime.UTC))
        text = main_text(client.get("/france-services/recherche/?q=st+fargeau"))
        assert "France services près de Saint-Fargeau-Ponthierry" in text
        assert text.index("Pimms Médiation Melun") < text.index("sous-préfecture de Meaux")
        assert re.search(r"Melun \(77000\) – à \d+,\d km Ouvert maintenant jusqu'à 12 h", text)

    def test_postcode_of_several_communes_asks_which_one(self, client, melun):
        response = client.get("/france-services/recherche/?q=77230")
        text = main_text(response)
        assert "Quelle est votre commune ?" in text
        assert "Dammartin-en-Goële (77230)" in text
        assert 'href="/france-services/commune/77153/"' in response.content.decode()

    def test_chosen_commune_gives_its_results(self, client, melun):
        text = main_text(client.get("/france-services/commune/77153/"))
        assert "France services près de Dammartin-en-Goële" in text
        assert "Pimms Médiation Melun" in text

    def test_unknown_commune_gets_the_closest_names(self, client, melun):
        response = client.get("/france-services/recherche/?q=fontenblo")
        text = main_text(response)
        assert "Nous n'avons pas trouvé cette commune." in text
        assert "Vous cherchez peut-être" in text
        assert 'href="/france-services/commune/77186/">Fontainebleau (77300)</a>' in response.content.decode()

    def test_empty_search_asks_for_a_commune(self, client, directory_page):
        text = main_text(client.get("/france-services/recherche/?q=+"))
        assert "Écrivez le nom de votre commune ou son code postal." in text

    def test_unknown_commune_code_is_a_404(self, client, directory_page):
        assert client.get("/france-services/commune/99999/").status_code == 404


def test_public_pages_load_nothing_inline_or_from_another_host(client, melun, spip):
    for url in [
        "/france-services/",
        f"/france-services/{melun.slug}/",
        "/france-services/itinerante-spip/",
        "/france-services/recherche/?q=meaux",
        "/france-services/recherche/?q=77230",
    ]:
        html = client.get(url).content.decode()
        assert "<style" not in html and " style=" not in html and not has_inline_script(html), url
        for tag in re.findall(r"<(?:link|script|img|iframe)\b[^>]*>", html):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), (url, tag)


def test_sitemap_lists_each_structure(client, melun):
    assert f"/france-services/{melun.slug}/" in client.get("/sitemap.xml").content.decode()


def test_other_apps_can_link_to_the_search_and_to_a_commune(directory_page):
    from directory.models import Commune

    assert directory_page.search_url("st fargeau") == "/france-services/recherche/?q=st+fargeau"
    assert Commune.objects.get(code="77284").get_absolute_url() == "/france-services/commune/77284/"
