"""A CPIP's private calendar of bookings, at a secret address they can renew."""

from datetime import time

from django.urls import reverse

import pytest
from icalendar import Calendar

from agenda.models import CalendarFeedToken, Session, Subject
from tests.agenda.factories import BookingFactory, SessionFactory, in_days

pytestmark = pytest.mark.django_db


def feed_url(cpip):
    return reverse("agenda:private_feed", args=[CalendarFeedToken.renew(cpip).token])


def test_cpip_creates_a_secret_address_from_the_staff_area(client, cpip):
    client.force_login(cpip)
    assert (
        "Vous n'avez pas encore d'adresse secrète"
        in client.get(reverse("agenda:feed_settings")).content.decode()
    )
    response = client.post(reverse("agenda:feed_settings"), follow=True)
    token = CalendarFeedToken.objects.get(user=cpip).token
    assert len(token) >= 40
    page = response.content.decode()
    assert f"http://testserver/espace-pro/agenda/calendrier-prive/{token}.ics" in page
    assert "Votre adresse secrète est créée." in page
    assert "ancienne adresse" not in page  # there was none


def test_feed_lists_the_cpips_bookings_with_the_subject_only(client, cpip, meaux):
    session = SessionFactory(unit=meaux, date=in_days(4), start_time=time(9), end_time=time(12))
    booking = BookingFactory(session=session, slot_start=time(10), cpip=cpip, subject=Subject.PENSION)
    BookingFactory(session=session, slot_start=time(11))  # another CPIP's
    response = client.get(feed_url(cpip))
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).events
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == "Rendez-vous France services : Retraite"
    assert event["UID"] == f"booking-{booking.pk}@agenda.france-services-77"
    assert (event.start.hour, event.start.minute) == (10, 0)
    assert (event.end - event.start).seconds == 30 * 60
    assert str(event.start.tzinfo) == "Europe/Paris"
    assert "SPIP – Meaux" in str(event["LOCATION"])


def test_feed_marks_cancelled_bookings_and_sessions(client, cpip, meaux):
    cancelled_session = SessionFactory(unit=meaux, status=Session.Status.CANCELLED, reason="grève")
    BookingFactory(session=cancelled_session, cpip=cpip)
    events = Calendar.from_ical(client.get(feed_url(cpip)).content).events
    assert events[0]["STATUS"] == "CANCELLED"
    assert "grève" in str(events[0]["DESCRIPTION"])


def test_renewing_the_address_makes_the_old_one_stop_working(client, cpip):
    old = feed_url(cpip)
    client.force_login(cpip)
    page = client.post(reverse("agenda:feed_settings"), follow=True).content.decode()
    assert "L&#x27;ancienne adresse ne fonctionne plus." in page
    new = reverse("agenda:private_feed", args=[CalendarFeedToken.objects.get(user=cpip).token])
    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_a_wrong_token_is_not_found(client, cpip):
    feed_url(cpip)
    assert client.get(reverse("agenda:private_feed", args=["pas-le-bon-jeton"])).status_code == 404


def test_feed_of_a_user_who_left_the_cpip_group_stops_working(client, cpip):
    url = feed_url(cpip)
    cpip.groups.clear()
    assert client.get(url).status_code == 404


def test_feed_is_not_kept_by_caches(client, cpip):
    assert "no-store" in client.get(feed_url(cpip))["Cache-Control"]
