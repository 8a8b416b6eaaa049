"""A NUL character never makes a server error: 400 in an address or a cookie, ignored in a query,
a French message in a form."""

from html import unescape

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db

REFUSED = "L'adresse ou le formulaire contient des caractères que le site ne peut pas lire."


def assert_refused(response):
    assert response.status_code == 400
    assert REFUSED in unescape(response.content.decode())


@pytest.mark.parametrize("token", ["%00", "a%00b", "%FF%FE%00"])
def test_a_nul_in_the_private_feed_address_is_refused(client, home_page, token):
    assert_refused(client.get(f"/espace-pro/agenda/calendrier-prive/{token}.ics"))


def test_a_nul_in_a_page_address_is_refused(client, home_page):
    assert_refused(client.get("/fiches/a%00b/"))


def test_a_nul_in_a_query_parameter_is_ignored(client, home_page):
    response = client.get("/plan-du-site/?q=Meaux%00&page=%001")
    assert response.status_code == 200
    assert response.wsgi_request.GET.dict() == {"q": "Meaux", "page": "1"}


def test_a_nul_in_a_query_parameter_name_is_ignored(client, home_page):
    response = client.get("/plan-du-site/?q%00=Meaux")
    assert response.status_code == 200
    assert response.wsgi_request.GET.dict() == {"q": "Meaux"}


def test_a_nul_in_a_sign_in_field_gets_the_sign_in_message(client, home_page):
    response = client.post(reverse("login"), {"username": "cpip\x00", "password": "x"})
    assert response.status_code == 200
    assert "Identifiant ou mot de passe incorrect." in unescape(response.content.decode())


def test_a_nul_in_a_cookie_is_refused(client, home_page):
    client.cookies["sessionid"] = "abc\x00def"
    assert_refused(client.get("/"))


def test_invalid_utf8_in_the_private_feed_address_is_not_found(client, home_page):
    assert client.get("/espace-pro/agenda/calendrier-prive/%FF%FE.ics").status_code == 404
