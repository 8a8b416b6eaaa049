"""The sheets chosen with a booking: which papers the person should bring, printed on the letter."""

from datetime import time
from html import unescape

from django.urls import reverse

import pytest

from agenda import letters
from agenda.booking import book
from agenda.models import Booking, Subject
from tests.agenda.factories import BookingFactory, SessionFactory, in_days
from tests.guides.factories import GuideIndexPageFactory, ProcedureSheetPageFactory, TopicPageFactory
from tests.html import french

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(home_page):
    return TopicPageFactory(parent=GuideIndexPageFactory(parent=home_page), title="Argent", slug="argent")


@pytest.fixture
def rsa_sheet(topic):
    return ProcedureSheetPageFactory(
        parent=topic,
        title="Comment demander le RSA ?",
        slug="rsa",
        body__1__checklist__items__0="Votre carte d'identité",
        body__1__checklist__items__1="Votre RIB",
    )


@pytest.fixture
def draft_sheet(topic):
    return ProcedureSheetPageFactory(parent=topic, title="Fiche en brouillon", slug="brouillon", live=False)


@pytest.fixture
def session(meaux):
    return SessionFactory(unit=meaux, date=in_days(5))


def text(response):
    return unescape(response.content.decode())


def test_booking_form_offers_published_sheets_only(client, session, cpip, rsa_sheet, draft_sheet):
    client.force_login(cpip)
    page = text(client.get(reverse("agenda:session", args=[session.pk])))
    assert french("Comment demander le RSA ?") in page
    assert "Fiche en brouillon" not in page


def test_cpip_books_with_the_sheets_to_bring(client, session, cpip, rsa_sheet):
    client.force_login(cpip)
    data = {"slot": "09:00", "subject": "caf", "sheets": [rsa_sheet.pk]}
    response = client.post(reverse("agenda:session", args=[session.pk]), data, follow=True)
    booking = Booking.objects.get()
    assert list(booking.sheets.all()) == [rsa_sheet.specific]
    page = text(response)
    assert (
        french(
            f'<a href="{rsa_sheet.url}">Comment demander le RSA ?</a> : Votre carte d\'identité, Votre RIB'
        )
        in page
    )


@pytest.mark.parametrize("sheet_id", ["9" * 30, str(2**63), "-1", "abc"])
def test_a_sheet_id_no_page_can_have_is_a_french_error(client, session, cpip, sheet_id):
    client.force_login(cpip)
    data = {"slot": "09:00", "subject": "caf", "sheets": [sheet_id]}
    response = client.post(reverse("agenda:session", args=[session.pk]), data)
    assert response.status_code == 200
    assert "Une des fiches choisies n'existe pas. Choisissez dans la liste." in text(response)
    assert not Booking.objects.exists()


def test_more_than_10_sheets_cannot_be_chosen(client, session, cpip, rsa_sheet):
    client.force_login(cpip)
    data = {"slot": "09:00", "subject": "caf", "sheets": [rsa_sheet.pk] * 11}
    response = client.post(reverse("agenda:session", args=[session.pk]), data)
    assert "Choisissez 10 fiches au plus (vous en avez choisi 11)." in text(response)
    assert not Booking.objects.exists()


def test_an_unpublished_sheet_cannot_be_chosen(client, session, cpip, draft_sheet):
    client.force_login(cpip)
    data = {"slot": "09:00", "subject": "caf", "sheets": [draft_sheet.pk]}
    response = client.post(reverse("agenda:session", args=[session.pk]), data)
    assert "Une des fiches choisies n'existe pas, ou elle n'est pas publiée." in text(response)
    assert not Booking.objects.exists()


def test_letter_lists_the_papers_of_the_chosen_sheets(session, cpip, rsa_sheet):
    booking = book(
        session_id=session.pk, slot_start=time(9), cpip=cpip, subject=Subject.CAF, sheets=[rsa_sheet]
    )
    html = unescape(letters.invitation_html(booking, "Nom Prénom"))
    assert "<p><strong>Comment demander le RSA ?</strong></p>" in html
    assert "<li>Votre carte d'identité</li>" in html and "<li>Votre RIB</li>" in html
    assert "Apportez les papiers dont vous avez parlé" not in html


def test_letter_leaves_out_a_sheet_unpublished_since_the_booking(session, cpip, rsa_sheet):
    booking = BookingFactory(session=session, cpip=cpip)
    booking.sheets.set([rsa_sheet])
    rsa_sheet.unpublish()
    html = unescape(letters.invitation_html(booking, "Nom Prénom"))
    assert "Votre RIB" not in html
    assert "Apportez les papiers dont vous avez parlé avec votre CPIP" in html


@pytest.mark.parametrize("number", ["-99999999999999999999", "99999999999999999999999999"])
def test_a_sheet_number_too_big_for_the_database_explains_and_books_nothing(
    client, session, cpip, rsa_sheet, number
):
    client.force_login(cpip)
    data = {"slot": "09:00", "subject": "caf", "sheets": [rsa_sheet.pk, number]}
    response = client.post(reverse("agenda:session", args=[session.pk]), data)
    assert response.status_code == 200
    assert "Une des fiches choisies n'existe pas. Choisissez dans la liste." in text(response)
    assert not Booking.objects.exists()
