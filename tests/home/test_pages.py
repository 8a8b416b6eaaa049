import re

from django.urls import reverse

import pytest

from tests.factories import StandardPageFactory
from tests.html import french

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_site_name(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "France services" in html
    assert "Seine-et-Marne" in html
    assert html.count("<main") == 1


def test_every_page_starts_with_a_skip_link_to_the_main_content(client, home_page):
    html = client.get("/").content.decode()
    assert 'href="#contenu"' in html
    assert 'id="contenu"' in html
    assert html.index('class="skip-link"') < html.index("<main")


def test_footer_links_to_legal_notice_accessibility_and_site_plan(client, home_page, site):
    from home.models import SiteSettings

    legal = StandardPageFactory(parent=home_page, title="Mentions légales", slug="mentions-legales")
    accessibility = StandardPageFactory(parent=home_page, title="Accessibilité", slug="accessibilite")
    settings = SiteSettings.for_site(site)
    settings.legal_notice_page = legal
    settings.accessibility_page = accessibility
    settings.save()

    html = client.get("/").content.decode()
    assert 'href="/mentions-legales/"' in html
    assert 'href="/accessibilite/"' in html
    assert french("Accessibilité : partiellement conforme") in html
    assert f'href="{reverse("site_plan")}"' in html


def test_site_plan_lists_the_public_pages(client, home_page):
    StandardPageFactory(parent=home_page, title="Mentions légales", slug="mentions-legales")
    html = client.get(reverse("site_plan")).content.decode()
    assert "<h1>Plan du site</h1>" in html
    assert "Mentions légales" in html


def test_unknown_address_gets_a_french_404_page(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_server_error_page_renders_without_context(home_page):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Le site a un problème" in html


def test_public_pages_load_nothing_from_another_host(client, home_page):
    StandardPageFactory(parent=home_page, slug="page")
    for url in ["/", "/page/", reverse("site_plan"), reverse("search") + "?q=aide", reverse("login")]:
        html = client.get(url).content.decode()
        for attribute in re.findall(r"<(?:link|script|img|source|iframe)\b[^>]*>", html):
            src = re.search(r'(?:src|href|srcset)="([^"]+)"', attribute)
            if src:
                assert not re.match(r"^(https?:)?//", src.group(1)), f"{url}: {attribute}"
        assert "<style" not in html, url
        assert " style=" not in html, url
        assert "<script>" not in html, url


def test_search_page_answers_an_empty_query_in_french(client, home_page):
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert "Écrivez un mot" in response.content.decode()
