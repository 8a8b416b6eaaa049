"""What a reader sees: the official sheet's link and date, and where to go near home."""

import datetime

import pytest

from guides.models import Partner, ProcedureSheetPage
from home.models import SiteSettings
from tests.directory.factories import DirectoryPageFactory, StructureFactory
from tests.guides.factories import ProcedureSheetPageFactory
from tests.servicepublic.conftest import link
from tests.servicepublic.factories import PlaceholderSheetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rsa_sheet(topic, imported):
    sheet = ProcedureSheetPageFactory(parent=topic, title="Comment demander le RSA ?", slug="demander-le-rsa")
    return link(sheet, "F19778")


@pytest.fixture
def structures(home_page, site):
    """Two France services: Melun helps with the CAF, Meaux with the MSA only."""
    directory = DirectoryPageFactory(parent=home_page)
    settings = SiteSettings.for_site(site)
    settings.directory_page = directory
    settings.save()
    melun = StructureFactory(name="France services de Melun", slug="melun")
    meaux = StructureFactory(
        name="France services de Meaux",
        slug="meaux",
        insee_code="77284",
        postcode="77100",
        commune_name="Meaux",
        latitude=48.9601,
        longitude=2.8788,
    )
    melun.partners.add(Partner.objects.get(slug="caf"))
    meaux.partners.add(Partner.objects.get(slug="msa"))
    return melun, meaux


def where_to_go(client, sheet, **params):
    response = client.get(f"/ou-aller/{sheet.pk}/", params)
    return response.status_code, " ".join(response.content.decode().split())


def test_a_sheet_links_its_official_sheet_with_its_date(client, rsa_sheet):
    html = " ".join(client.get(rsa_sheet.url).content.decode().split())
    assert (
        '<a href="https://www.service-public.gouv.fr/particuliers/vosdroits/F19778" class="url-shown">'
        "La fiche officielle sur service-public.fr</a>"
        '<span class="print-only"> (F19778)</span> : « RSA demandeur de 25 ans et plus », '
        "mise à jour le 29 octobre 2020." in html
    )


def test_a_sheet_linked_to_a_sheet_not_imported_yet_links_its_address(client, topic):
    sheet = ProcedureSheetPageFactory(parent=topic)
    PlaceholderSheetFactory(identifier="F10027")
    link(sheet, "F10027")
    html = client.get(sheet.url).content.decode()
    assert (
        '<a href="https://www.service-public.gouv.fr/particuliers/vosdroits/F10027" class="url-shown">'
        "La fiche officielle sur service-public.fr</a>"
        '<span class="print-only"> (F10027)</span>.' in html
    )


def test_a_sheet_says_which_partners_help_in_france_services(client, rsa_sheet):
    html = " ".join(client.get(rsa_sheet.url).content.decode().split())
    assert "Où aller ?" in html
    assert "Dans une France services, un conseiller vous aide pour : CAF, MSA. C'est gratuit." in html
    assert f'action="/ou-aller/{rsa_sheet.pk}/"' in html


def test_a_sheet_without_official_sheet_has_no_where_to_go_box(client, topic):
    sheet = ProcedureSheetPageFactory(parent=topic)
    assert "Où aller ?" not in client.get(sheet.url).content.decode()


def test_where_to_go_gives_the_nearest_france_services_for_each_partner(client, rsa_sheet, structures):
    status, html = where_to_go(client, rsa_sheet, q="Melun")
    assert status == 200
    caf = html[
        html.index("<h2>Pour Caisse d&#x27;allocations familiales</h2>") : html.index("<h2>Pour Mutualité")
    ]
    msa = html[html.index("<h2>Pour Mutualité sociale agricole</h2>") :]
    assert "France services de Melun" in caf and "France services de Meaux" not in caf
    assert "France services de Meaux" in msa and "France services de Melun" not in msa
    assert "à 0,8 km" in caf  # from the centre of Melun
    assert 'href="/france-services/meaux/"' in msa


def test_where_to_go_asks_which_commune_when_a_postcode_has_several(client, rsa_sheet, structures):
    status, html = where_to_go(client, rsa_sheet, q="77230")
    assert status == 200
    assert "Plusieurs communes correspondent" in html
    assert "?commune=77153" in html  # Dammartin-en-Goële


def test_where_to_go_for_a_chosen_commune(client, rsa_sheet, structures):
    status, html = where_to_go(client, rsa_sheet, commune="77284")
    assert "Où aller près de Meaux ?" in html


@pytest.mark.parametrize("query", ["Paris", "é" * 500])
def test_where_to_go_says_in_french_when_the_commune_is_unknown(client, rsa_sheet, structures, query):
    status, html = where_to_go(client, rsa_sheet, q=query)
    assert status == 200
    assert "Nous n'avons pas trouvé cette commune." in html


def test_where_to_go_reads_a_query_with_a_nul_byte_without_it(client, rsa_sheet, structures):
    # portal/security.py removes NUL characters from every query before a view reads it.
    status, html = where_to_go(client, rsa_sheet, q="Me\x00aux")
    assert status == 200
    assert "Où aller près de Meaux ?" in html


@pytest.mark.parametrize("sheet_id", ["999999", str(10**30), "abc", "1x"])
def test_where_to_go_of_a_sheet_that_does_not_exist_is_not_found(client, sheet_id, db):
    assert client.get(f"/ou-aller/{sheet_id}/").status_code == 404


def test_where_to_go_of_an_unpublished_sheet_is_not_found(client, rsa_sheet):
    rsa_sheet.unpublish()
    assert client.get(f"/ou-aller/{rsa_sheet.pk}/").status_code == 404


def test_where_to_go_is_never_kept_in_the_page_cache(client, rsa_sheet, structures):
    response = client.get(f"/ou-aller/{rsa_sheet.pk}/", {"q": "Melun"})
    assert "no-store" in response["Cache-Control"]


def test_the_official_date_shown_is_the_last_update(imported):
    from servicepublic.models import OfficialSheet

    sheet = OfficialSheet.objects.get(identifier="F1407")  # no important change date
    assert sheet.date == datetime.date(2020, 3, 19)


@pytest.mark.parametrize(
    ("source_url", "address"),
    [
        (
            "https://www.service-public.fr/particuliers/vosdroits/F19778",
            "https://www.service-public.gouv.fr/particuliers/vosdroits/F19778",
        ),
        (
            "https://www.service-public.fr/associations/vosdroits/F19778",
            "https://www.service-public.gouv.fr/associations/vosdroits/F19778",
        ),
        (
            "https://www.service-public.fr/professionnels-entreprises/vosdroits/F19778",
            "https://entreprendre.service-public.gouv.fr/vosdroits/F19778",
        ),
        ("", "https://www.service-public.gouv.fr/particuliers/vosdroits/F19778"),
    ],
)
def test_the_link_goes_to_the_current_address_of_the_sheet(db, source_url, address):
    assert PlaceholderSheetFactory(identifier="F19778", source_url=source_url).public_url == address


def test_the_sheet_pdf_is_drawn_again_when_its_official_sheet_changes(rf, rsa_sheet, xml_dir):
    from tests.servicepublic.conftest import run_import, sheet_bytes, write

    request = rf.get(rsa_sheet.url)
    before = ProcedureSheetPage.objects.get(pk=rsa_sheet.pk).pdf_cache_key(request)
    write(
        xml_dir, "F19778.xml", sheet_bytes("F19778").replace(b"modified 2020-10-29", b"modified 2021-01-04")
    )
    run_import(xml_dir)
    assert ProcedureSheetPage.objects.get(pk=rsa_sheet.pk).pdf_cache_key(request) != before
