"""The .ics feeds are built once, then served from the cache until the calendar changes."""

from datetime import time

from django.urls import reverse
from django.utils import timezone

import pytest
from icalendar import Calendar

from agenda.booking import cancel
from agenda.models import Booking, CalendarFeedToken, Session
from agenda.recurrence import sync_sessions
from tests.agenda.factories import BookingFactory, SessionFactory, SessionRuleFactory, in_days
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

UNIT_FEED = "/calendriers/meaux.ics"


def events(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return Calendar.from_ical(response.content).events


def private_url(user):
    return reverse("agenda:private_feed", args=[CalendarFeedToken.renew(user).token])


def test_unit_feed_asked_again_is_served_without_querying_the_database(
    client, agenda_page, meaux, django_assert_num_queries
):
    SessionFactory(unit=meaux, date=in_days(3))
    first = client.get(UNIT_FEED).content
    with django_assert_num_queries(0):
        assert client.get(UNIT_FEED).content == first


def test_a_new_session_shows_in_the_unit_feed_at_once(client, agenda_page, meaux):
    SessionFactory(unit=meaux, date=in_days(3))
    assert len(events(client, UNIT_FEED)) == 1
    SessionFactory(unit=meaux, date=in_days(10))
    assert len(events(client, UNIT_FEED)) == 2


def test_a_cancelled_session_shows_cancelled_in_the_unit_feed_at_once(client, agenda_page, meaux):
    session = SessionFactory(unit=meaux, date=in_days(3))
    assert events(client, UNIT_FEED)[0]["STATUS"] == "CONFIRMED"
    session.status, session.reason = Session.Status.CANCELLED, "travaux"
    session.save()
    assert events(client, UNIT_FEED)[0]["STATUS"] == "CANCELLED"


def test_sessions_regenerated_from_a_rule_show_in_the_unit_feed_at_once(
    client, agenda_page, meaux, django_capture_on_commit_callbacks
):
    rule = SessionRuleFactory(unit=meaux, ends_on=in_days(30))
    assert events(client, UNIT_FEED) == []
    with django_capture_on_commit_callbacks(execute=True):
        sync_sessions(rule)
    assert len(events(client, UNIT_FEED)) == rule.sessions.count() > 0


def test_a_renamed_unit_shows_in_its_feed_at_once(client, agenda_page, meaux):
    SessionFactory(unit=meaux, date=in_days(3))
    events(client, UNIT_FEED)
    meaux.name = "SPIP – Meaux, site Jean-Jaurès"
    meaux.save()
    assert "Jean-Jaurès" in str(events(client, UNIT_FEED)[0]["LOCATION"])


def test_an_unknown_unit_stays_not_found_after_a_known_one_was_cached(client, agenda_page, meaux):
    events(client, UNIT_FEED)
    assert client.get("/calendriers/inconnue.ics").status_code == 404


def test_a_new_booking_shows_in_the_private_feed_at_once(client, cpip, meaux):
    session = SessionFactory(unit=meaux, date=in_days(4))
    url = private_url(cpip)
    assert events(client, url) == []
    BookingFactory(session=session, cpip=cpip)
    assert len(events(client, url)) == 1


def test_a_cancelled_booking_shows_cancelled_in_the_private_feed_at_once(client, cpip, meaux):
    booking = BookingFactory(session=SessionFactory(unit=meaux, date=in_days(4)), cpip=cpip)
    url = private_url(cpip)
    assert events(client, url)[0]["STATUS"] == "CONFIRMED"
    cancel(booking, user=cpip)
    assert events(client, url)[0]["STATUS"] == "CANCELLED"


def test_a_cpip_never_gets_another_cpips_cached_feed(client, cpip, meaux):
    other = UserFactory(username="autre-cpip")
    other.groups.set(cpip.groups.all())
    session = SessionFactory(unit=meaux, date=in_days(4), start_time=time(9), end_time=time(12))
    BookingFactory(session=session, slot_start=time(9), cpip=cpip)
    BookingFactory(session=session, slot_start=time(11), cpip=other)
    Booking.objects.update(updated_at=timezone.now())  # the same count and last change for both
    assert [event.start.hour for event in events(client, private_url(cpip))] == [9]
    assert [event.start.hour for event in events(client, private_url(other))] == [11]


def test_an_old_secret_address_stops_working_even_when_its_feed_was_cached(client, cpip):
    old = private_url(cpip)
    events(client, old)
    CalendarFeedToken.renew(cpip)
    assert client.get(old).status_code == 404


def test_a_cached_feed_stops_when_its_cpip_leaves_the_group(client, cpip):
    url = private_url(cpip)
    events(client, url)
    cpip.groups.clear()
    assert client.get(url).status_code == 404
