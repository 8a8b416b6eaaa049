"""The public calendar: what a person invited by their CPIP sees, prints and subscribes to."""

import gzip
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.staticfiles import finders
from django.utils import timezone

import pytest
from dateutil import rrule
from icalendar import Calendar

from agenda.ical import unit_calendar
from agenda.models import Session
from tests.agenda.factories import ProbationUnitFactory, SessionFactory, in_days
from tests.html import french, has_inline_script

pytestmark = pytest.mark.django_db

HOLDER = "Mme Zoé Tenante"


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def test_agenda_page_lists_every_unit_with_its_next_sessions(client, agenda_page, meaux):
    other = ProbationUnitFactory(slug="fontainebleau", name="SPIP – Fontainebleau", commune="Fontainebleau")
    SessionFactory(unit=meaux, date=in_days(3))
    SessionFactory(unit=other, date=in_days(4), start_time=time(14), end_time=time(17))
    page = html(client.get("/agenda/"))
    assert "SPIP – Meaux" in page and "SPIP – Fontainebleau" in page
    assert "de 14\u00a0h à 17\u00a0h" in page
    assert 'href="/agenda/meaux/"' in page


def test_pages_say_sessions_are_on_invitation_only(client, agenda_page, meaux):
    for url in ["/agenda/", "/agenda/meaux/", f"/agenda/meaux/affiche/{in_days(0):%Y-%m}/"]:
        assert "Sur invitation de votre CPIP uniquement" in html(client.get(url))


def test_unit_page_shows_coming_sessions_with_date_and_hours(client, agenda_page, meaux):
    session = SessionFactory(unit=meaux, date=in_days(10), start_time=time(9, 30), end_time=time(12))
    page = html(client.get("/agenda/meaux/"))
    assert f'<time datetime="{session.date:%Y-%m-%d}">' in page
    assert "de 9\u00a0h\u00a030 à 12\u00a0h" in page


def test_past_sessions_are_hidden(client, agenda_page, meaux):
    SessionFactory(unit=meaux, date=in_days(-1))
    page = html(client.get("/agenda/meaux/"))
    assert f'datetime="{in_days(-1):%Y-%m-%d}"' not in page
    assert "Pas de permanence prévue" in page


@pytest.mark.parametrize("url", ["/agenda/", "/agenda/meaux/"])
def test_a_session_over_today_is_no_longer_listed_as_coming(client, agenda_page, meaux, url, monkeypatch):
    today = in_days(0)
    SessionFactory(unit=meaux, date=today, start_time=time(9), end_time=time(12))
    SessionFactory(unit=meaux, date=today, start_time=time(14), end_time=time(17))
    quarter_to_two = timezone.make_aware(datetime.combine(today, time(13, 45)))
    monkeypatch.setattr(timezone, "now", lambda: quarter_to_two)
    page = html(client.get(url))
    assert "de 14\u00a0h à 17\u00a0h" in page
    assert "de 9\u00a0h à 12\u00a0h" not in page


def test_staff_names_never_appear_on_public_pages(client, agenda_page, meaux):
    SessionFactory(unit=meaux, date=in_days(2), holder=HOLDER)
    urls = [
        "/agenda/",
        "/agenda/meaux/",
        f"/agenda/meaux/affiche/{in_days(2):%Y-%m}/",
        "/calendriers/meaux.ics",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert HOLDER not in response.content.decode(), url


def test_cancelled_session_is_struck_through_with_its_reason(client, agenda_page, meaux):
    SessionFactory(
        unit=meaux, date=in_days(5), status=Session.Status.CANCELLED, reason="conseiller en formation"
    )
    page = html(client.get("/agenda/meaux/"))
    assert "<del>" in page
    assert french("Annulée</strong> : conseiller en formation") in page


def test_public_holiday_is_shown_as_such(client, agenda_page, meaux):
    SessionFactory(unit=meaux, date=in_days(6), status=Session.Status.HOLIDAY, reason="Noël")
    assert "jour férié (Noël), pas de permanence" in html(client.get("/agenda/meaux/"))


def test_unit_without_street_address_tells_to_ask_the_cpip(client, agenda_page, meaux):
    assert "Votre CPIP vous donne l'adresse exacte." in html(client.get("/agenda/meaux/"))


def test_unit_address_phone_and_access_are_shown(client, agenda_page):
    ProbationUnitFactory(
        slug="la-rochette", address="1 rue Exemple", postcode="77000", commune="La Rochette",
        phone="01 00 00 00 00", access="Bus ligne 1, arrêt Mairie.",
    )  # fmt: skip
    page = html(client.get("/agenda/la-rochette/"))
    assert "1 rue Exemple" in page and "77000 La Rochette" in page
    assert "01 00 00 00 00" in page and "Bus ligne 1, arrêt Mairie." in page


@pytest.mark.parametrize(
    "url", ["/agenda/inconnue/", "/agenda/inconnue/affiche/2026-12/", "/calendriers/inconnue.ics"]
)
def test_unknown_unit_is_not_found(client, agenda_page, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("month", ["2026-13", "2026-0", "1999-12", "2101-01"])
def test_poster_of_an_impossible_month_is_not_found(client, agenda_page, meaux, month):
    assert client.get(f"/agenda/meaux/affiche/{month}/").status_code == 404


def test_poster_lists_the_sessions_of_its_month_only(client, agenda_page, meaux):
    SessionFactory(unit=meaux, date=date(2030, 5, 7))
    SessionFactory(unit=meaux, date=date(2030, 6, 4))
    page = html(client.get("/agenda/meaux/affiche/2030-05/"))
    assert "Mai 2030" in page
    assert 'datetime="2030-05-07"' in page
    assert 'datetime="2030-06-04"' not in page


def test_poster_has_a_qr_code_to_the_unit_page(client, agenda_page, meaux):
    page = html(client.get("/agenda/meaux/affiche/2030-05/"))
    assert 'src="data:image/svg+xml' in page
    assert "<figcaption>http://testserver/agenda/meaux/</figcaption>" in page


def test_public_pages_need_no_inline_script_or_style(client, agenda_page, meaux):
    SessionFactory(unit=meaux, date=in_days(3), status=Session.Status.CANCELLED, reason="grève")
    for url in ["/agenda/", "/agenda/meaux/", "/agenda/meaux/affiche/2030-05/"]:
        page = html(client.get(url))
        assert not has_inline_script(page) and "<style" not in page and "style=" not in page, url


def test_unit_page_with_three_months_of_sessions_weighs_less_than_30_kb(client, agenda_page, meaux):
    for day in range(0, 91, 2):
        SessionFactory(unit=meaux, date=in_days(day))
    page = client.get("/agenda/meaux/").content
    css = open(finders.find("css/portal.css"), "rb").read()  # noqa: SIM115
    assert len(gzip.compress(page)) + len(gzip.compress(css)) <= 30 * 1024


def test_sitemap_lists_the_unit_pages(client, agenda_page, meaux):
    assert "/agenda/meaux/</loc>" in html(client.get("/sitemap.xml"))


def test_unit_page_links_to_its_calendar_file_and_posters(client, agenda_page, meaux):
    page = html(client.get("/agenda/meaux/"))
    assert 'href="/calendriers/meaux.ics"' in page
    assert f'href="/agenda/meaux/affiche/{timezone.localdate():%Y-%m}/"' in page


# The .ics feed


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_ics_feed_parses_with_one_event_per_session(client, agenda_page, meaux):
    first = SessionFactory(unit=meaux, date=in_days(3))
    SessionFactory(unit=meaux, date=in_days(10), start_time=time(14), end_time=time(16, 30))
    calendar = parse(client.get("/calendriers/meaux.ics"))
    events = calendar.events
    assert len(events) == 2
    assert events[0]["UID"] == f"session-{first.pk}@agenda.france-services-77"
    assert events[0].start == datetime.combine(first.date, time(9), tzinfo=events[0].start.tzinfo)
    assert str(events[0].start.tzinfo) == "Europe/Paris"
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Paris"]
    assert "SPIP – Meaux" in str(events[0]["LOCATION"])
    assert "sur invitation" in str(events[0]["SUMMARY"]).lower()


def test_ics_uids_are_stable_between_downloads(client, agenda_page, meaux):
    SessionFactory(unit=meaux, date=in_days(3))
    first = [str(event["UID"]) for event in parse(client.get("/calendriers/meaux.ics")).events]
    second = [str(event["UID"]) for event in parse(client.get("/calendriers/meaux.ics")).events]
    assert first == second


def test_ics_marks_cancelled_sessions_and_leaves_out_holidays(client, agenda_page, meaux):
    SessionFactory(unit=meaux, date=in_days(3), status=Session.Status.CANCELLED, reason="grève")
    SessionFactory(unit=meaux, date=in_days(4), status=Session.Status.HOLIDAY, reason="Noël")
    events = parse(client.get("/calendriers/meaux.ics")).events
    assert len(events) == 1
    assert events[0]["STATUS"] == "CANCELLED"
    assert "grève" in str(events[0]["DESCRIPTION"])


def _session_on(unit, day, hour):
    return Session(
        pk=day.toordinal(), unit=unit, date=day, start_time=time(hour), end_time=time(hour + 2),
        updated_at=timezone.now(),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2026, 3, 28), 9),  # Saturday before the clocks go forward: UTC+1
        (date(2026, 3, 29), 8),  # last Sunday of March: UTC+2 from 3:00
        (date(2026, 10, 24), 8),  # Saturday before the clocks go back: UTC+2
        (date(2026, 10, 25), 9),  # last Sunday of October: UTC+1 from 3:00
    ],
)
def test_ics_times_are_right_across_clock_changes(day, utc_hour):
    unit = ProbationUnitFactory.build(name="SPIP – Meaux", slug="meaux")
    calendar = Calendar.from_ical(unit_calendar(unit, [_session_on(unit, day, 10)]))
    event = calendar.events[0]
    assert event.start.astimezone(UTC) == datetime(day.year, day.month, day.day, utc_hour, tzinfo=UTC)
    assert event.end - event.start == timedelta(hours=2)


def test_ics_feed_served_in_a_clock_change_week_keeps_the_local_hour(client, agenda_page, meaux):
    change = rrule.rrule(rrule.YEARLY, bymonth=10, byweekday=rrule.SU(-1), dtstart=timezone.localdate())[
        0
    ].date()
    SessionFactory(unit=meaux, date=change - timedelta(days=1), start_time=time(10), end_time=time(12))
    SessionFactory(unit=meaux, date=change, start_time=time(10), end_time=time(12))
    before, after = parse(client.get("/calendriers/meaux.ics")).events
    assert before.start.hour == after.start.hour == 10
    assert before.start.utcoffset() == timedelta(hours=2)
    assert after.start.utcoffset() == timedelta(hours=1)
