from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_content_security_policy(client, home_page):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_public_pages_send_referrer_and_nosniff_headers(client, home_page):
    response = client.get("/")
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_admin_login_page_renders(client, home_page):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_staff_login_page_renders_in_french(client, home_page):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Se connecter" in response.content.decode()


def test_admin_login_locks_out_after_five_failures(client, home_page, editor):
    url = reverse("wagtailadmin_login")
    for _ in range(5):
        client.post(url, {"username": editor.username, "password": "mauvais"})
    response = client.post(url, {"username": editor.username, "password": "mot-de-passe-de-test"})
    assert response.status_code == 429
    assert "Connexion bloquée" in response.content.decode()


def test_staff_login_works_with_the_right_password(client, home_page, editor):
    response = client.post(
        reverse("login"), {"username": editor.username, "password": "mot-de-passe-de-test"}
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(editor.pk)
