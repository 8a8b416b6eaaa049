"""The appointment on the person's phone (the QR code's calendar event) and the letter's envelope window."""

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse

import pytest
from icalendar import Calendar

from agenda import appointment, letters
from agenda.models import Subject
from tests.agenda.factories import BookingFactory, ProbationUnitFactory, SessionFactory, in_days
from tests.guides.factories import GuideIndexPageFactory, ProcedureSheetPageFactory, TopicPageFactory
from tests.links import needs_pdf_tools, pdf_qr_payloads, pdf_region_text

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
NAME = "Camille Exemple"
ADDRESS = ["Appartement 12", "3 allée des Tilleuls", "77100 Meaux"]
# Words that say justice or probation: none may show through the envelope's window, or on the phone.
REVEALING = re.compile(r"justice|probation|spip|p[ée]nitentiaire|cpip|tribunal|judiciaire|prison", re.I)

# The French window envelope (DL 110 × 220 and C5 162 × 229 mm): a 100 × 45 mm window, 20 mm from
# the right edge and 50 mm from the top of the A4 page; plus 10 mm each way the letter may slide.
WINDOW = {"left_mm": 90, "top_mm": 50, "width_mm": 100, "height_mm": 45}
SLIDE_MM = 10
SEEN_THROUGH_WINDOW = {
    "left_mm": WINDOW["left_mm"] - SLIDE_MM,
    "top_mm": WINDOW["top_mm"] - SLIDE_MM,
    "width_mm": WINDOW["width_mm"] + 2 * SLIDE_MM,
    "height_mm": WINDOW["height_mm"] + 2 * SLIDE_MM,
}


@pytest.fixture
def unit(db):
    return ProbationUnitFactory(
        slug="meaux", name="SPIP – Meaux", address="12 rue de la République", postcode="77100",
        commune="Meaux", phone="01 60 00 00 00", access="Entrée du SPIP, 2e étage.",
    )  # fmt: skip


@pytest.fixture
def booking(unit, cpip, agenda_page):
    session = SessionFactory(unit=unit, date=in_days(9))
    return BookingFactory(session=session, slot_start=time(10, 30), cpip=cpip, subject=Subject.HOUSING)


def _topic(home_page):
    return TopicPageFactory(parent=GuideIndexPageFactory(parent=home_page), slug="argent")


def _event(payload):
    calendar = Calendar.from_ical(payload)
    (event,) = calendar.walk("VEVENT")
    return event


def test_the_event_is_neutral_in_paris_time_at_the_unit_address(booking):
    event = _event(appointment.appointment_ical(booking))
    assert str(event["SUMMARY"]) == "Rendez-vous France services"
    assert event.decoded("DTSTART") == datetime.combine(booking.session.date, time(10, 30), tzinfo=PARIS)
    assert event.decoded("DTSTART").tzinfo.key == "Europe/Paris"
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=30)
    assert str(event["LOCATION"]) == "12 rue de la République, 77100 Meaux"


def test_the_event_says_what_to_bring_and_the_number_to_call(booking, home_page):
    sheet = ProcedureSheetPageFactory(
        parent=_topic(home_page), body__1__checklist__items__0="Votre avis d'imposition"
    )
    booking.sheets.add(sheet)
    description = str(_event(appointment.appointment_ical(booking))["DESCRIPTION"])
    assert "À apporter : votre convocation, Votre avis d'imposition." in description
    assert "Pour changer le rendez-vous, appelez le 01 60 00 00 00." in description


def test_without_the_units_phone_the_event_says_to_tell_who_gave_the_letter(booking, unit):
    unit.phone = ""
    unit.save()
    description = str(_event(appointment.appointment_ical(booking))["DESCRIPTION"])
    assert "prévenez la personne qui vous a donné la lettre" in description
    assert "appelez" not in description


def test_the_event_reminds_the_day_before_and_two_hours_before(booking):
    alarms = _event(appointment.appointment_ical(booking)).walk("VALARM")
    assert [alarm.decoded("TRIGGER") for alarm in alarms] == [timedelta(days=-1), timedelta(hours=-2)]
    assert {str(alarm["ACTION"]) for alarm in alarms} == {"DISPLAY"}


def test_nothing_in_the_event_names_the_person_justice_or_the_unit(booking, unit):
    payload = appointment.appointment_ical(booking).decode()
    assert REVEALING.search(payload) is None
    assert unit.name not in payload and booking.cpip.username not in payload


def test_a_long_list_of_papers_is_cut_to_keep_the_code_readable(booking, home_page):
    sheet = ProcedureSheetPageFactory(
        parent=_topic(home_page),
        **{f"body__1__checklist__items__{n}": f"Un justificatif numéro {n} assez long" for n in range(40)},
    )
    booking.sheets.add(sheet)
    payload = appointment.appointment_ical(booking)
    assert len(payload) <= appointment.MAX_PAYLOAD_BYTES
    assert "les autres papiers de la lettre" in str(_event(payload)["DESCRIPTION"])


@needs_pdf_tools
def test_the_letters_qr_code_adds_the_event_to_a_phone(client, booking, cpip):
    client.force_login(cpip)
    pdf = client.post(reverse("agenda:letter", args=[booking.pk]), {"name": NAME}).content
    (payload,) = pdf_qr_payloads(pdf)
    event = _event(payload)
    assert event.decoded("DTSTART") == datetime.combine(booking.session.date, time(10, 30), tzinfo=PARIS)
    assert str(event["LOCATION"]) == "12 rue de la République, 77100 Meaux"
    assert [alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")] == [
        timedelta(days=-1),
        timedelta(hours=-2),
    ]


@needs_pdf_tools
def test_the_envelope_window_shows_the_recipient_and_nothing_about_justice(client, booking, cpip):
    client.force_login(cpip)
    response = client.post(
        reverse("agenda:letter", args=[booking.pk]), {"name": NAME, "address": "\n".join(ADDRESS)}
    )
    window = pdf_region_text(response.content, **WINDOW)
    for line in [NAME, *ADDRESS]:
        assert line in window
    seen = pdf_region_text(response.content, **SEEN_THROUGH_WINDOW)
    assert REVEALING.search(seen) is None, seen


@needs_pdf_tools
def test_the_window_check_does_see_justice_words_where_the_letter_has_them(client, booking, cpip):
    """The same reading, on the part of the letter that does say CPIP: the check can fail."""
    client.force_login(cpip)
    pdf = client.post(reverse("agenda:letter", args=[booking.pk]), {"name": NAME}).content
    assert REVEALING.search(pdf_region_text(pdf, left_mm=0, top_mm=100, width_mm=210, height_mm=197))


def test_the_letter_says_which_number_to_call_to_move_the_appointment(booking):
    html = letters.invitation_html(booking, NAME)
    assert "Pour changer le rendez-vous, appelez le <strong>01 60 00 00 00</strong>" in html


def test_without_the_units_phone_the_letter_says_to_tell_the_cpip(booking, unit):
    unit.phone = ""
    unit.save()
    html = letters.invitation_html(booking, NAME)
    assert "Pour changer le rendez-vous, prévenez votre CPIP le plus tôt possible." in html


def test_an_address_of_more_than_four_lines_is_refused_in_french(client, booking, cpip):
    client.force_login(cpip)
    response = client.post(
        reverse("agenda:letter", args=[booking.pk]), {"name": NAME, "address": "a\nb\nc\nd\ne"}
    )
    assert response["Content-Type"].startswith("text/html")
    assert "quatre lignes au plus" in response.content.decode()


@needs_pdf_tools
def test_a_code_full_of_papers_still_scans_from_the_letter(client, booking, cpip, home_page):
    sheet = ProcedureSheetPageFactory(
        parent=_topic(home_page),
        **{f"body__1__checklist__items__{n}": f"Un justificatif numéro {n} assez long" for n in range(40)},
    )
    booking.sheets.add(sheet)
    assert len(appointment.appointment_ical(booking)) > appointment.MAX_PAYLOAD_BYTES - 60
    client.force_login(cpip)
    pdf = client.post(reverse("agenda:letter", args=[booking.pk]), {"name": NAME}).content
    payloads = pdf_qr_payloads(pdf)
    assert len(payloads) >= 1
    event = _event(payloads[0])
    assert "les autres papiers de la lettre" in str(event["DESCRIPTION"])
