"""The appointment card: a bank card's size, a dashed cut line, date, time, place and the QR code."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest
from icalendar import Calendar

from tests.agenda.factories import BookingFactory, ProbationUnitFactory, SessionFactory, in_days
from tests.guides.pdf import page_count
from tests.links import needs_pdf_tools, pdf_qr_payloads, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(cpip, agenda_page):
    unit = ProbationUnitFactory(
        slug="meaux", name="SPIP – Meaux", address="12 rue de la République", postcode="77100",
        commune="Meaux", phone="01 60 00 00 00",
    )  # fmt: skip
    return BookingFactory(
        session=SessionFactory(unit=unit, date=in_days(9)), slot_start=time(10, 30), cpip=cpip
    )


def _card(client, booking):
    return client.get(reverse("agenda:card", args=[booking.pk]))


def test_the_booking_page_links_to_the_card(client, cpip, booking):
    client.force_login(cpip)
    page = client.get(reverse("agenda:booking", args=[booking.pk])).content.decode()
    assert reverse("agenda:card", args=[booking.pk]) in page


def test_the_card_is_a_private_one_page_pdf(client, cpip, booking):
    client.force_login(cpip)
    response = _card(client, booking)
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert page_count(response.content) == 1


def test_the_card_is_the_size_of_a_bank_card_inside_a_dashed_line(booking):
    from django.template.loader import render_to_string

    from agenda.appointment import SUMMARY, event_qr_code

    html = render_to_string("agenda/staff/card.html", {"summary": SUMMARY, "qr_code": event_qr_code(booking)})
    assert 'class="card"' in html
    from django.contrib.staticfiles import finders

    with open(finders.find("agenda/card.css")) as css:
        rules = css.read()
    assert "width: 85.6mm; height: 54mm;" in rules
    assert "dashed" in rules


def test_another_cpip_gets_no_card_for_my_booking(client, booking, other_user):
    other_user.groups.add(Group.objects.get(name="CPIP"))
    client.force_login(other_user)
    assert _card(client, booking).status_code == 404


def test_a_cancelled_booking_has_no_card(client, cpip, booking):
    booking.cancelled_at = timezone.now()
    booking.save()
    client.force_login(cpip)
    assert _card(client, booking).status_code == 404


@needs_pdf_tools
def test_the_card_prints_date_time_place_and_scans_into_the_event(client, cpip, booking):
    client.force_login(cpip)
    pdf = _card(client, booking).content
    text = " ".join(pdf_text(pdf).split())
    assert "Rendez-vous France services" in text
    assert "12 rue de la République" in text and "77100 Meaux" in text
    assert "10 h 30" in text.replace("\u00a0", " ")
    assert "SPIP" not in text and "CPIP" not in text
    (payload,) = pdf_qr_payloads(pdf)
    (event,) = Calendar.from_ical(payload).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime.combine(
        booking.session.date, time(10, 30), tzinfo=ZoneInfo("Europe/Paris")
    )
    assert str(event["LOCATION"]) == "12 rue de la République, 77100 Meaux"
    assert [alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")] == [
        timedelta(days=-1),
        timedelta(hours=-2),
    ]
