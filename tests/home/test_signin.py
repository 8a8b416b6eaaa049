"""Sign-in: an account tried too often, an address trying many accounts, idle staff sessions."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from django.contrib.sessions.models import Session
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

import pytest

from portal.signin import client_address

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
ATTACKER = "203.0.113.7"
COLLEAGUE = "198.51.100.20"


def sign_in(client, username, password="mauvais", address=ATTACKER):  # noqa: S107
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_an_address_trying_many_usernames_is_locked_out(client, cpip, settings):
    for number in range(settings.SIGNIN_ADDRESS_FAILURE_LIMIT):
        sign_in(client, f"inconnu{number}")
    response = sign_in(client, cpip.username, "mot-de-passe-de-test")
    assert response.status_code == 429
    assert "Connexion bloquée" in response.content.decode()


def test_a_few_failures_with_other_usernames_do_not_lock_the_address(client, cpip, settings):
    for number in range(settings.SIGNIN_ADDRESS_FAILURE_LIMIT - 1):
        sign_in(client, f"inconnu{number}")
    assert sign_in(client, cpip.username, "mot-de-passe-de-test").status_code == 302


def test_a_locked_address_does_not_lock_people_elsewhere(client, cpip, settings):
    for number in range(settings.SIGNIN_ADDRESS_FAILURE_LIMIT):
        sign_in(client, f"inconnu{number}")
    assert sign_in(client, cpip.username, "mot-de-passe-de-test", address=COLLEAGUE).status_code == 302


def test_signing_in_with_one_account_does_not_clear_the_address_failures(client, cpip, settings):
    for number in range(settings.SIGNIN_ADDRESS_FAILURE_LIMIT - 1):
        sign_in(client, f"inconnu{number}")
    assert sign_in(client, cpip.username, "mot-de-passe-de-test").status_code == 302
    client.logout()
    sign_in(client, "inconnu-encore")
    assert sign_in(client, cpip.username, "mot-de-passe-de-test").status_code == 429


def test_one_account_is_still_locked_after_five_failures(client, cpip):
    for _ in range(5):
        sign_in(client, cpip.username)
    assert sign_in(client, cpip.username, "mot-de-passe-de-test").status_code == 429


@pytest.mark.parametrize("username", ["a" * 300, "é" * 256, "a\x00" * 200])
def test_a_very_long_username_gets_the_sign_in_message(client, home_page, username):
    response = sign_in(client, username)
    assert response.status_code == 200
    assert "Identifiant ou mot de passe incorrect." in response.content.decode()


def test_behind_nginx_the_address_is_the_one_nginx_saw():
    request = RequestFactory().get(
        "/connexion/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.7"
    )
    assert client_address(request) == "203.0.113.7"


def test_a_forwarded_address_from_an_untrusted_client_is_ignored():
    request = RequestFactory().get("/connexion/", REMOTE_ADDR=COLLEAGUE, HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert client_address(request) == COLLEAGUE


def test_a_forged_forwarded_address_is_ignored():
    request = RequestFactory().get("/connexion/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="<script>")
    assert client_address(request) == "127.0.0.1"


def _stored_session(client):
    return Session.objects.get(session_key=client.session.session_key)


def test_a_staff_session_ends_after_a_working_day_without_activity(client, cpip):
    client.force_login(cpip)
    stored = _stored_session(client)
    assert stored.expire_date - timezone.now() == pytest.approx(timedelta(hours=8), abs=timedelta(minutes=1))
    stored.expire_date = timezone.now() - timedelta(seconds=1)
    stored.save()
    response = client.get(reverse("staff_home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_each_request_of_a_staff_member_pushes_the_end_of_the_session_back(client, cpip):
    client.force_login(cpip)
    stored = _stored_session(client)
    stored.expire_date = timezone.now() + timedelta(minutes=5)
    stored.save()
    assert client.get(reverse("staff_home")).status_code == 200
    remaining = _stored_session(client).expire_date - timezone.now()
    assert remaining == pytest.approx(timedelta(hours=8), abs=timedelta(minutes=1))


def test_the_idle_time_of_sessions_comes_from_the_environment():
    env = {**os.environ, "SESSION_IDLE_HOURS": "2.5"}
    out = subprocess.run(
        [sys.executable, "-c", "import portal.settings.base as s; print(s.SESSION_COOKIE_AGE)"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == str(int(2.5 * 3600))
