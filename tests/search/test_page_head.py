"""What browsers and search engines read in every page's head: the icon and the description."""

import re
from html import unescape

import pytest

from tests.factories import StandardPageFactory
from tests.guides.factories import GuideIndexPageFactory, ProcedureSheetPageFactory, TopicPageFactory

pytestmark = pytest.mark.django_db


def description(client, url):
    html = client.get(url).content.decode()
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1
    return unescape(found[0])


def test_the_site_answers_favicon_ico(client, home_page):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")  # an ICO file


def test_a_page_is_described_by_its_search_description(client, home_page):
    page = StandardPageFactory(parent=home_page, intro="Le chapeau.", search_description="Ce que dit Google.")
    assert description(client, page.url) == "Ce que dit Google."


def test_a_sheet_is_described_by_its_summary(client, home_page):
    topic = TopicPageFactory(parent=GuideIndexPageFactory(parent=home_page))
    sheet = ProcedureSheetPageFactory(parent=topic, summary="Le RSA aide à vivre avec peu d'argent.")
    assert description(client, sheet.url) == "Le RSA aide à vivre avec peu d'argent."


def test_a_page_without_search_description_is_described_by_its_introduction(client, home_page):
    page = StandardPageFactory(parent=home_page, intro="Demander votre carte Vitale.")
    assert description(client, page.url) == "Demander votre carte Vitale."


def test_a_page_of_no_page_model_has_the_sites_description(client, home_page):
    assert description(client, "/connexion/").startswith("Les France services de Seine-et-Marne")


def test_the_search_page_says_what_it_searches(client, home_page):
    assert description(client, "/recherche/?q=rsa").startswith("Cherchez une démarche")


def test_the_site_answers_robots_txt_and_keeps_crawlers_out_of_the_staff_area(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert b"Disallow: /espace-pro/" in b"".join(response.streaming_content)
