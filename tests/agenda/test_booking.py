"""Booking a slot: the rules a CPIP meets, in the service and through the staff pages."""

from datetime import time, timedelta
from html import unescape

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

import pytest

from agenda.booking import BookingError, book, cancel
from agenda.models import Booking, Session, Subject
from home.groups import CPIP
from tests.agenda.factories import BookingFactory, SessionFactory, in_days
from tests.factories import UserFactory
from tests.html import french

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(meaux):
    return SessionFactory(unit=meaux, date=in_days(7), start_time=time(9), end_time=time(10, 30))


@pytest.fixture
def other_cpip(db):
    user = UserFactory(username="autre-cpip", first_name="Claire", last_name="Collègue")
    user.groups.add(Group.objects.get(name=CPIP))
    return user


def text(response):
    return unescape(response.content.decode())


def try_book(session_id, slot, cpip, now=None):
    with pytest.raises(BookingError) as caught:
        book(session_id=session_id, slot_start=slot, cpip=cpip, subject=Subject.CAF, now=now)
    return caught.value.message


def test_cpip_books_a_free_slot(session, cpip):
    booking = book(session_id=session.pk, slot_start=time(9, 30), cpip=cpip, subject=Subject.HOUSING)
    assert (booking.session, booking.slot_start, booking.cpip, booking.subject) == (
        session, time(9, 30), cpip, "logement",
    )  # fmt: skip


def test_booking_a_past_slot_is_refused(session, cpip):
    late = session.starts_at() + timedelta(minutes=45)
    assert "déjà passé" in try_book(session.pk, time(9, 30), cpip, now=late)
    assert not Booking.objects.exists()


def test_booking_a_taken_slot_is_refused(session, cpip, other_cpip):
    BookingFactory(session=session, slot_start=time(9), cpip=other_cpip)
    assert "vient d'être pris" in try_book(session.pk, time(9), cpip)
    assert Booking.objects.get().cpip == other_cpip


def test_booking_in_a_full_session_is_refused(session, cpip, other_cpip):
    for slot in session.slot_times():
        BookingFactory(session=session, slot_start=slot, cpip=other_cpip)
    assert "complète" in try_book(session.pk, time(10), cpip)
    assert Booking.objects.filter(cpip=cpip).count() == 0


def test_booking_in_a_cancelled_session_is_refused(meaux, cpip):
    session = SessionFactory(unit=meaux, status=Session.Status.CANCELLED, reason="grève")
    assert (
        try_book(session.pk, time(9), cpip)
        == "Cette permanence est annulée (grève). Choisissez une autre date."
    )
    assert not Booking.objects.exists()


def test_booking_on_a_public_holiday_is_refused(meaux, cpip):
    session = SessionFactory(unit=meaux, status=Session.Status.HOLIDAY, reason="Noël")
    assert "jour férié" in try_book(session.pk, time(9), cpip)


def test_booking_in_a_session_that_does_not_exist_is_refused(cpip):
    assert "n'existe pas" in try_book(987654, time(9), cpip)
    assert not Booking.objects.exists()


def test_booking_an_hour_that_is_not_a_slot_is_refused(session, cpip):
    assert "n'est pas un créneau" in try_book(session.pk, time(9, 15), cpip)
    assert "n'est pas un créneau" in try_book(session.pk, time(10, 30), cpip)  # the session ends then


def test_cpip_cancels_their_booking_and_the_slot_is_free_again(session, cpip, other_cpip):
    booking = BookingFactory(session=session, slot_start=time(9), cpip=cpip)
    cancel(booking, user=cpip)
    booking.refresh_from_db()
    assert not booking.is_active
    assert book(session_id=session.pk, slot_start=time(9), cpip=other_cpip, subject=Subject.CAF).is_active


def test_cpip_cannot_cancel_someone_elses_booking(session, cpip, other_cpip):
    booking = BookingFactory(session=session, cpip=other_cpip)
    with pytest.raises(BookingError, match="propres rendez-vous"):
        cancel(booking, user=cpip)
    booking.refresh_from_db()
    assert booking.is_active


def test_cancelling_twice_or_after_the_appointment_is_refused(session, cpip):
    booking = BookingFactory(session=session, cpip=cpip)
    with pytest.raises(BookingError, match="passé"):
        cancel(booking, user=cpip, now=session.ends_at())
    cancel(booking, user=cpip)
    with pytest.raises(BookingError, match="déjà annulé"):
        cancel(booking, user=cpip)


# Through the staff pages


def test_cpip_books_through_the_session_page(client, session, cpip):
    client.force_login(cpip)
    response = client.post(
        reverse("agenda:session", args=[session.pk]), {"slot": "09:30", "subject": "papiers"}
    )
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("agenda:booking", args=[booking.pk])
    assert (booking.slot_start, booking.subject, booking.cpip) == (time(9, 30), "papiers", cpip)
    page = text(client.get(response.url))
    assert "Rendez-vous réservé" in page
    assert "Imprimer la convocation" in page


def test_the_booking_message_writes_the_hour_as_everywhere_else(client, session, cpip):
    client.force_login(cpip)
    response = client.post(
        reverse("agenda:session", args=[session.pk]), {"slot": "10:00", "subject": "papiers"}, follow=True
    )
    page = text(response)
    assert "à 10\u00a0h," in page
    assert "10:00" not in page


def test_session_page_offers_only_free_future_slots(client, session, cpip, other_cpip):
    BookingFactory(session=session, slot_start=time(9), cpip=other_cpip)
    client.force_login(cpip)
    page = text(client.get(reverse("agenda:session", args=[session.pk])))
    assert 'value="09:00"' not in page
    assert 'value="09:30"' in page and 'value="10:00"' in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"slot": "09:30"}, "Choisissez le sujet."),
        ({"slot": "09:30", "subject": "nom-de-la-personne"}, "Choisissez un sujet de la liste."),
        ({"subject": "caf"}, "Choisissez un créneau."),
        ({"slot": "25:00", "subject": "caf"}, "Choisissez un créneau de la liste."),
    ],
)
def test_incomplete_booking_form_explains_and_books_nothing(client, session, cpip, data, message):
    client.force_login(cpip)
    response = client.post(reverse("agenda:session", args=[session.pk]), data)
    assert response.status_code == 200
    assert message in text(response)
    assert not Booking.objects.exists()


def test_taken_slot_through_the_page_explains_and_changes_nothing(client, session, cpip, other_cpip):
    BookingFactory(session=session, slot_start=time(9), cpip=other_cpip)
    client.force_login(cpip)
    response = client.post(reverse("agenda:session", args=[session.pk]), {"slot": "09:00", "subject": "caf"})
    assert response.status_code == 200
    assert "Ce créneau vient d'être pris" in text(response)
    assert Booking.objects.get().cpip == other_cpip


def test_past_slot_through_the_page_explains_and_changes_nothing(client, meaux, cpip):
    session = SessionFactory(unit=meaux, date=in_days(-1))
    client.force_login(cpip)
    response = client.post(reverse("agenda:session", args=[session.pk]), {"slot": "09:00", "subject": "caf"})
    assert "Ce créneau est déjà passé" in text(response)
    assert not Booking.objects.exists()


def test_cancelled_session_through_the_page_explains_and_changes_nothing(client, meaux, cpip):
    session = SessionFactory(unit=meaux, status=Session.Status.CANCELLED, reason="grève")
    client.force_login(cpip)
    response = client.post(reverse("agenda:session", args=[session.pk]), {"slot": "09:00", "subject": "caf"})
    assert "Cette permanence est annulée (grève)" in text(response)
    assert not Booking.objects.exists()


def test_unknown_session_page_explains_in_french(client, cpip):
    client.force_login(cpip)
    response = client.post(reverse("agenda:session", args=[424242]), {"slot": "09:00", "subject": "caf"})
    assert response.status_code == 404
    assert "Cette permanence n'existe pas ou plus. Rien n'a été réservé." in text(response)
    assert not Booking.objects.exists()


def test_month_view_shows_free_and_booked_slots(client, session, cpip, other_cpip):
    BookingFactory(session=session, slot_start=time(9), cpip=other_cpip, subject=Subject.HEALTH)
    BookingFactory(session=session, slot_start=time(9, 30), cpip=cpip, subject=Subject.TAXES)
    client.force_login(cpip)
    url = reverse("agenda:unit_month", args=["meaux", session.date.year, session.date.month])
    page = text(client.get(url))
    assert "votre rendez-vous</a> (Impôts)" in page
    assert "pris" in page and "Claire" not in page  # a CPIP does not see who booked the others
    assert "1 créneau libre sur 3" in page
    assert "1 libre" in page  # in the calendar grid


def test_editor_sees_who_booked_each_slot(client, session, editor, other_cpip):
    BookingFactory(session=session, slot_start=time(9), cpip=other_cpip, subject=Subject.HEALTH)
    client.force_login(editor)
    page = text(client.get(reverse("agenda:session", args=[session.pk])))
    assert french("pris : Claire Collègue (Santé)") in page


def test_session_holder_is_shown_to_staff(client, meaux, cpip):
    session = SessionFactory(unit=meaux, holder="Conseiller PIMM'S")
    client.force_login(cpip)
    page = text(client.get(reverse("agenda:session", args=[session.pk])))
    assert french("Tenue par : Conseiller PIMM'S") in page


def test_list_view_shows_coming_sessions_of_all_units(client, session, cpip):
    SessionFactory(unit=session.unit, date=in_days(-3))
    client.force_login(cpip)
    page = text(client.get(reverse("agenda:list")))
    assert "3 créneaux libres sur 3" in page
    assert page.count("agenda-staff-session") == 1


def test_month_without_unit_shows_every_unit(client, session, cpip):
    client.force_login(cpip)
    response = client.get(reverse("agenda:current_month"))
    assert response.status_code == 302
    today = timezone.localdate()
    assert response.url == reverse("agenda:month", args=[today.year, today.month])


@pytest.mark.parametrize("args", [(2026, 13), (1999, 12), (2101, 1)])
def test_month_view_of_an_impossible_month_is_not_found(client, cpip, args):
    client.force_login(cpip)
    assert client.get(reverse("agenda:month", args=args)).status_code == 404


def test_cpip_sees_only_their_bookings_editor_sees_all(client, session, cpip, other_cpip, editor):
    BookingFactory(session=session, slot_start=time(9), cpip=cpip, subject=Subject.HEALTH)
    BookingFactory(session=session, slot_start=time(9, 30), cpip=other_cpip, subject=Subject.PENSION)
    client.force_login(cpip)
    page = text(client.get(reverse("agenda:bookings")))
    assert "Santé" in page and "Retraite" not in page
    client.force_login(editor)
    page = text(client.get(reverse("agenda:bookings")))
    assert "Santé" in page and "Retraite" in page and "Claire Collègue" in page


def test_cpip_cannot_open_someone_elses_booking(client, session, cpip, other_cpip, editor):
    booking = BookingFactory(session=session, cpip=other_cpip)
    client.force_login(cpip)
    assert client.get(reverse("agenda:booking", args=[booking.pk])).status_code == 404
    client.force_login(editor)
    assert client.get(reverse("agenda:booking", args=[booking.pk])).status_code == 200


def test_cpip_cancels_through_the_page(client, session, cpip):
    booking = BookingFactory(session=session, cpip=cpip)
    client.force_login(cpip)
    assert "Oui, annuler" in text(client.get(reverse("agenda:booking_cancel", args=[booking.pk])))
    response = client.post(reverse("agenda:booking_cancel", args=[booking.pk]), follow=True)
    assert "Le rendez-vous est annulé" in text(response)
    booking.refresh_from_db()
    assert not booking.is_active


def test_editor_cannot_cancel_a_cpips_booking(client, session, editor, other_cpip):
    booking = BookingFactory(session=session, cpip=other_cpip)
    client.force_login(editor)
    response = client.post(reverse("agenda:booking_cancel", args=[booking.pk]), follow=True)
    assert "seulement vos propres rendez-vous" in text(response)
    booking.refresh_from_db()
    assert booking.is_active


def test_booking_model_has_no_field_about_the_person():
    names = {field.name for field in Booking._meta.get_fields()}
    assert names == {
        "id",
        "session",
        "slot_start",
        "cpip",
        "subject",
        "sheets",
        "created_at",
        "updated_at",
        "cancelled_at",
        # Whether the appointment was kept (a fixed list), and the booking it was moved to:
        # facts about the slot, nothing that says who the person is.
        "outcome",
        "moved_to",
        "moved_from",
    }


def test_names_shown_in_the_slot_list_are_escaped(client, session, editor):
    BookingFactory(
        session=session, slot_start=time(9), cpip=UserFactory(username="x", first_name="<b>Eve</b>")
    )
    client.force_login(editor)
    page = client.get(reverse("agenda:session", args=[session.pk])).content.decode()
    assert "&lt;b&gt;Eve&lt;/b&gt;" in page and "<b>Eve</b>" not in page
