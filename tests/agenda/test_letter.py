"""The invitation letter: a PDF with the person's name, a name the portal never keeps."""

import logging
from datetime import time
from html import unescape

from django.core.cache import cache
from django.core.cache.backends import locmem
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from agenda import letters
from agenda.models import Subject
from tests.agenda.factories import BookingFactory, ProbationUnitFactory, SessionFactory, in_days

pytestmark = pytest.mark.django_db

NAME = "Zéphyrine Introuvable-Témoin"
ADDRESS = "4 impasse-Témoin\n77999 Nulle-Part"


@pytest.fixture
def booking(agenda_page, cpip):
    unit = ProbationUnitFactory(
        slug="meaux", name="SPIP – Meaux", address="1 rue Exemple", postcode="77100", commune="Meaux",
        access="Bus ligne 1, arrêt Mairie.",
    )  # fmt: skip
    session = SessionFactory(unit=unit, date=in_days(9), holder="Conseiller Témoin-Détectable")
    return BookingFactory(session=session, slot_start=time(10, 30), cpip=cpip, subject=Subject.HOUSING)


def test_letter_shows_name_date_time_place_access_and_subject(booking):
    html = unescape(letters.invitation_html(booking, NAME))
    assert f"Bonjour {NAME}," in html
    assert "à <strong>10\u00a0h\u00a030</strong>" in html
    assert "lieu : <strong>SPIP – Meaux</strong>" in html
    assert "1 rue Exemple" in html and "77100 Meaux" in html
    assert "Bus ligne 1, arrêt Mairie." in html
    assert "Sujet du rendez-vous : Logement." in html


def test_letter_has_the_qr_code_of_the_appointment_and_prints_the_unit_page(booking):
    context = letters.invitation_context(booking, NAME)
    assert context["qr_code"] == letters.event_qr_code(booking)
    html = unescape(letters.invitation_html(booking, NAME))
    assert context["qr_code"] in html
    assert "Les dates et l'adresse sur internet : http://testserver/agenda/meaux/" in html


def test_letter_without_public_calendar_page_still_has_the_appointments_qr_code(booking, agenda_page):
    agenda_page.unpublish()
    context = letters.invitation_context(booking, NAME)
    assert context["unit_url"] == ""
    html = letters.invitation_html(booking, NAME)
    assert context["qr_code"] in html
    assert "sur internet" not in html


def test_letter_fits_on_one_a4_page(booking):
    document = letters.invitation_document(booking, NAME)
    assert len(document.pages) == 1
    width, height = document.pages[0].width, document.pages[0].height
    assert (round(width * 25.4 / 96), round(height * 25.4 / 96)) == (210, 297)


def test_cpip_gets_the_letter_as_a_pdf_that_no_cache_keeps(client, booking, cpip):
    client.force_login(cpip)
    response = client.post(reverse("agenda:letter", args=[booking.pk]), {"name": NAME})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]
    assert NAME not in response["Content-Disposition"]


@pytest.mark.parametrize(("name", "message"), [("", "Écrivez le nom"), ("x" * 101, "100 caractères")])
def test_letter_form_with_a_bad_name_explains(client, booking, cpip, name, message):
    client.force_login(cpip)
    response = client.post(reverse("agenda:letter", args=[booking.pk]), {"name": name})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert message in unescape(response.content.decode())


def test_letter_form_asks_the_browser_not_to_remember_the_name(client, booking, cpip):
    client.force_login(cpip)
    page = client.get(reverse("agenda:letter", args=[booking.pk])).content.decode()
    assert 'autocomplete="off"' in page


def test_another_cpip_cannot_print_a_letter_for_my_booking(client, booking, other_user):
    from django.contrib.auth.models import Group

    other_user.groups.add(Group.objects.get(name="CPIP"))
    client.force_login(other_user)
    assert client.post(reverse("agenda:letter", args=[booking.pk]), {"name": NAME}).status_code == 404


# The proof that the name is not kept anywhere.


def _database_values():
    """Every value of every column of every table, as text."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from introspection
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("utf-8", "replace")
                    values.append(str(value))
    return values


def _session_values():
    from django.contrib.sessions.models import Session as DjangoSession

    return [repr(stored.get_decoded()) for stored in DjangoSession.objects.all()]


def _cache_values():
    values = []
    for store in locmem._caches.values():
        for key, pickled in store.items():
            values.append(key)
            values.append(pickled.decode("utf-8", "replace") if isinstance(pickled, bytes) else repr(pickled))
    return values


def _contains(values, needle):
    return any(needle.lower() in value.lower() for value in values)


def test_the_typed_name_is_never_stored_in_database_session_cache_or_logs(client, booking, cpip, caplog):
    caplog.set_level(logging.DEBUG)
    client.force_login(cpip)
    cache.set("agenda-test-probe", "Sonde-du-cache")
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            reverse("agenda:letter", args=[booking.pk]), {"name": NAME, "address": ADDRESS}
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        # A later page of the staff area does not bring it back either (no message, no form memory).
        follow_up = client.get(reverse("agenda:booking", args=[booking.pk])).content.decode()

    # The scanners do find what is really stored: the session holder, the signed-in user, the probe.
    assert _contains(_database_values(), "Conseiller Témoin-Détectable")
    assert _contains(_session_values(), str(cpip.pk))
    assert _contains(_cache_values(), "Sonde-du-cache")

    for part in (NAME, "Zéphyrine", "Introuvable-Témoin", "Impasse-Témoin", "Nulle-Part"):
        assert not _contains(_database_values(), part)
        assert not _contains(_session_values(), part)
        assert not _contains(_cache_values(), part)
        assert not _contains([query["sql"] for query in queries.captured_queries], part)
        assert not _contains([record.getMessage() for record in caplog.records], part)
        assert not _contains([str(record.args) for record in caplog.records], part)
        assert not _contains([f"{key}={morsel.value}" for key, morsel in client.cookies.items()], part)
        assert part not in unescape(follow_up)
