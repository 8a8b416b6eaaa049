import gzip
from pathlib import Path

from django.core.cache import cache
from django.urls import reverse

import pytest

from home.models import SiteSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, tmp_path):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_VERSION_FILE = tmp_path / "version"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page(home_page, site):
    SiteSettings.for_site(site)  # created on first use, which would change the content version
    return StandardPageFactory(
        parent=home_page, title="Horaires", slug="horaires", body="<p>Lundi matin.</p>"
    )


def _text(response):
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def test_second_anonymous_visit_is_served_from_the_cache(client, page, django_assert_num_queries):
    client.get("/horaires/")
    with django_assert_num_queries(0):
        response = client.get("/horaires/")
    assert response.status_code == 200
    assert "Lundi matin." in _text(response)
    assert response["Cache-Control"] == "public, max-age=60"


def test_cached_page_keeps_its_security_headers(client, page):
    client.get("/horaires/")
    response = client.get("/horaires/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_public_html_is_compressed_for_browsers_that_accept_gzip(client, page):
    response = client.get("/horaires/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Lundi matin." in gzip.decompress(response.content).decode()
    assert "Accept-Encoding" in response["Vary"]


def test_publishing_a_change_shows_on_the_next_request(client, page):
    assert "Lundi matin." in _text(client.get("/horaires/"))
    page.body = "<p>Mardi après-midi.</p>"
    page.save_revision().publish()
    assert "Mardi après-midi." in _text(client.get("/horaires/"))


def test_unpublishing_a_page_removes_it_at_once(client, page):
    client.get("/horaires/")
    page.unpublish()
    assert client.get("/horaires/").status_code == 404


def test_moving_a_page_shows_at_once(client, page, home_page):
    other = StandardPageFactory(parent=home_page, title="Infos", slug="infos")
    client.get("/horaires/")
    page.move(other, pos="last-child")
    old = client.get("/horaires/")
    assert old.status_code == 301
    assert old.url == "/infos/horaires/"
    assert client.get("/infos/horaires/").status_code == 200


def test_changing_a_snippet_or_setting_shows_at_once(client, page, site):
    client.get("/horaires/")
    site_settings = SiteSettings.for_site(site)
    site_settings.operator_name = "Préfecture de Seine-et-Marne et SPIP 77"
    site_settings.save()
    assert "Préfecture de Seine-et-Marne et SPIP 77" in _text(client.get("/horaires/"))


def test_signed_in_users_are_never_served_or_stored(client, page, editor):
    client.get("/horaires/")
    client.force_login(editor)
    response = client.get("/horaires/")
    assert response["Cache-Control"].startswith("private, no-cache, no-store")
    assert response.get("Content-Encoding") is None


def test_pages_with_a_csrf_token_are_never_cached(client, home_page):
    response = client.get(reverse("login"))
    assert "no-store" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in response.content.decode()
    second = client.get(reverse("login"))
    assert "no-store" in second["Cache-Control"]


def test_staff_area_and_admin_are_never_cached(client, home_page, cpip):
    client.force_login(cpip)
    assert "no-store" in client.get(reverse("staff_home"))["Cache-Control"]
    assert "no-store" in client.get("/admin/login/")["Cache-Control"]


def test_not_found_pages_are_not_stored(client, home_page):
    client.get("/absente/")
    StandardPageFactory(parent=home_page, title="Absente", slug="absente")
    assert client.get("/absente/").status_code == 200


def test_importing_the_official_list_shows_at_once(client, home_page, tmp_path):
    from django.core.management import call_command

    from directory.models import Structure

    call_command("load_demo", stdout=open(tmp_path / "out", "w"))  # noqa: SIM115
    structure = Structure.objects.get(id_fs="454")
    url = structure.get_absolute_url()
    assert "01 64 09 49 22" in _text(client.get(url))
    source = (
        Path(__file__).resolve().parents[2] / "directory" / "data" / "france-services-77.csv"
    ).read_text()
    changed = tmp_path / "fs.csv"
    changed.write_text(source.replace('"01 64 09 49 22"', '"01 64 09 49 99"'))
    call_command("import_france_services", str(changed), stdout=open(tmp_path / "out", "w"))  # noqa: SIM115
    assert "01 64 09 49 99" in _text(client.get(url))


def test_a_signed_in_page_is_never_shown_to_the_next_visitor(client, page, cpip):
    client.force_login(cpip)
    assert "Se déconnecter" in _text(client.get("/horaires/"))
    client.logout()
    client.cookies.clear()
    assert "Se déconnecter" not in _text(client.get("/horaires/"))
