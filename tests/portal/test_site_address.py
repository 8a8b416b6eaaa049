"""Served under another host name, every link and QR code gives that host, never this machine.

The site is asked for as france-services77.example.org: a sheet page, its PDF, an invitation
letter (all three with a request) and the departmental guide (built without one, on
WAGTAILADMIN_BASE_URL). Each address they carry — links, printed URLs, QR codes read back from
the drawn pages — must be on that host, or relative inside a page, or on another site on purpose.
"""

from datetime import time
from io import StringIO
from urllib.parse import urlsplit

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Site

import pytest

from directory import guide
from home.models import SiteSettings
from tests.agenda.factories import (
    AgendaPageFactory,
    BookingFactory,
    ProbationUnitFactory,
    SessionFactory,
    in_days,
)
from tests.directory.factories import DirectoryPageFactory, StructureFactory
from tests.guides.factories import (
    GuideIndexPageFactory,
    PartnerFactory,
    ProcedureSheetPageFactory,
    TopicPageFactory,
)
from tests.html import french
from tests.links import (
    html_addresses,
    html_qr_codes,
    local_addresses,
    needs_pdf_tools,
    pdf_link_addresses,
    pdf_qr_codes,
    pdf_qr_payloads,
    pdf_text,
)

pytestmark = pytest.mark.django_db

HOST = "france-services77.example.org"
ORIGIN = f"http://{HOST}"  # the test client speaks plain HTTP
PRODUCTION = f"https://{HOST}"
# Addresses on other sites, given on purpose: the official sheet and the partner's site.
OTHER_SITES = {"www.service-public.fr", "www.caf.fr"}


@pytest.fixture(autouse=True)
def production_address(settings, tmp_path):
    settings.WAGTAILADMIN_BASE_URL = PRODUCTION
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def directory_page(home_page, site):
    page = DirectoryPageFactory(parent=home_page)
    site_settings = SiteSettings.for_site(site)
    site_settings.directory_page = page
    site_settings.save()
    return page


@pytest.fixture
def sheet(home_page, directory_page):
    topic = TopicPageFactory(parent=GuideIndexPageFactory(parent=home_page), slug="argent")
    return ProcedureSheetPageFactory(
        parent=topic,
        slug="demander-le-rsa",
        body__0__steps__steps__0__text="Faites la demande sur le site de la CAF.",
        body__1__contact__partner=PartnerFactory(website="https://www.caf.fr"),
    )


@pytest.fixture
def booking(home_page, cpip):
    AgendaPageFactory(parent=home_page)
    unit = ProbationUnitFactory(slug="meaux", name="SPIP – Meaux", address="1 rue Exemple", postcode="77100")
    session = SessionFactory(unit=unit, date=in_days(9))
    return BookingFactory(session=session, slot_start=time(10, 30), cpip=cpip)


def _only_this_host_or_other_sites(addresses, origin):
    wrong = [
        address
        for address in addresses
        if urlsplit(address).netloc and not address.startswith(origin + "/")
        if urlsplit(address).hostname not in OTHER_SITES
    ]
    assert local_addresses(addresses) == []
    assert wrong == []


@needs_pdf_tools
def test_a_sheet_page_links_in_the_page_and_prints_and_scans_the_host_it_is_served_on(client, sheet):
    html = client.get(sheet.url, HTTP_HOST=HOST).content.decode()
    addresses = html_addresses(html)
    _only_this_host_or_other_sites(addresses, ORIGIN)
    assert "/france-services/" in addresses  # "Trouver une France services près de chez vous", relative
    assert f'href="{sheet.url}pdf/"' in html
    assert french(f"Cette fiche sur internet : {ORIGIN}{sheet.url}") in html
    assert html_qr_codes(html) == [ORIGIN + sheet.url]


@needs_pdf_tools
def test_a_sheet_pdf_links_prints_and_scans_the_host_it_is_served_on(client, sheet):
    pdf = client.get(sheet.url + "pdf/", HTTP_HOST=HOST).content
    links = pdf_link_addresses(pdf)
    _only_this_host_or_other_sites(links, ORIGIN)
    assert ORIGIN + "/france-services/" in links
    assert f"{ORIGIN}{sheet.url}" in "".join(pdf_text(pdf).split())  # the printed URL may wrap
    assert pdf_qr_codes(pdf) == [ORIGIN + sheet.url]


@needs_pdf_tools
def test_the_guide_pdf_built_without_a_request_gives_the_production_address(directory_page):
    StructureFactory(name="France services de Melun")
    pdf = guide.build_pdf()
    text = pdf_text(pdf)
    assert f"{PRODUCTION}/france-services/" in "".join(text.split())
    assert local_addresses(pdf_link_addresses(pdf) + text.split()) == []
    assert pdf_qr_codes(pdf) == [f"{PRODUCTION}/france-services/"]


@needs_pdf_tools
def test_an_invitation_letter_prints_and_scans_the_host_it_is_asked_on(client, booking, cpip):
    client.force_login(cpip)
    response = client.post(
        reverse("agenda:letter", args=[booking.pk]), {"name": "Camille Test"}, HTTP_HOST=HOST
    )
    pdf = response.content
    text = pdf_text(pdf)
    _only_this_host_or_other_sites(pdf_link_addresses(pdf), ORIGIN)
    assert local_addresses(text.split()) == []
    assert f"{ORIGIN}/agenda/meaux/" in "".join(text.split())
    (event,) = pdf_qr_payloads(pdf)  # the appointment for the phone: no address of this machine
    assert event.startswith("BEGIN:VCALENDAR") and local_addresses([event]) == []


def test_the_open_data_gives_each_structure_s_page_on_the_host_asked(client, directory_page):
    structure = StructureFactory(name="France services de Melun")
    data = client.get("/france-services/donnees-ouvertes/json/", HTTP_HOST=HOST).json()
    assert [row["url"] for row in data["structures"]] == [f"{ORIGIN}/france-services/{structure.slug}/"]


def test_the_wagtail_site_takes_the_production_address(home_page):
    out = StringIO()
    call_command("set_site_address", stdout=out)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (HOST, 443, PRODUCTION)
    assert home_page.full_url == PRODUCTION + "/"
    call_command("set_site_address", stdout=out)
    assert out.getvalue().splitlines() == [
        f"Adresse du site : {PRODUCTION}.",
        f"Le site a déjà l'adresse {PRODUCTION}.",
    ]
