"""The figures per unit and month, their page, chart and CSV, and keeping less (the retention task)."""

import csv
import io
import os
import subprocess
import sys
from datetime import date, datetime, time
from html import unescape

from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from agenda.models import Booking, MonthlyBookingCount, Outcome, Session
from agenda.retention import purge_old_bookings
from agenda.statistics import monthly_figures
from tests.agenda.factories import BookingFactory, ProbationUnitFactory, SessionFactory
from tests.html import french, has_inline_script

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 1
FIRST, LAST = date(YEAR, 1, 1), date(YEAR, 12, 31)


def at(day):
    return timezone.make_aware(datetime.combine(day, time(8)))


@pytest.fixture
def lagny(db):
    return ProbationUnitFactory(slug="lagny", name="SPIP – Lagny", commune="Lagny-sur-Marne")


@pytest.fixture
def year(meaux, lagny):
    """March in Meaux: 2 sessions of 3 slots (and a cancelled one); May in Lagny: 1 session of 6."""
    first = SessionFactory(unit=meaux, date=date(YEAR, 3, 10), start_time=time(9), end_time=time(10, 30))
    second = SessionFactory(unit=meaux, date=date(YEAR, 3, 17), start_time=time(9), end_time=time(10, 30))
    SessionFactory(unit=meaux, date=date(YEAR, 3, 24), status=Session.Status.CANCELLED, reason="grève")
    SessionFactory(unit=meaux, date=date(YEAR, 3, 31), status=Session.Status.HOLIDAY, reason="Pâques")
    may = SessionFactory(unit=lagny, date=date(YEAR, 5, 5), start_time=time(9), end_time=time(12))
    BookingFactory(session=first, slot_start=time(9), outcome=Outcome.CAME)
    BookingFactory(session=first, slot_start=time(9, 30), outcome=Outcome.NO_SHOW)
    BookingFactory(session=first, slot_start=time(10), outcome=Outcome.EXCUSED)
    BookingFactory(session=second, slot_start=time(9), outcome=Outcome.CAME)
    BookingFactory(session=second, slot_start=time(9, 30))
    new = BookingFactory(session=may, slot_start=time(11), outcome=Outcome.CAME)
    BookingFactory(
        session=second,
        slot_start=time(10),
        cancelled_at=at(date(YEAR, 3, 1)),
        outcome=Outcome.MOVED,
        moved_to=new,
    )
    BookingFactory(session=second, slot_start=time(10), cancelled_at=at(date(YEAR, 3, 2)))
    return first, second, may


def table(rows):
    return [(row.unit.slug, f"{row.month:%Y-%m}", *row.values()) for row in rows]


EXPECTED = [
    # unit, month, offered, booked, attended, no-show, excused, moved, cancelled
    ("meaux", f"{YEAR}-03", 6, 5, 2, 1, 1, 1, 1),
    ("lagny", f"{YEAR}-05", 6, 1, 1, 0, 0, 0, 0),
]


def test_figures_per_unit_and_month(year):
    assert table(monthly_figures(FIRST, LAST)) == EXPECTED


def test_figures_of_one_unit(year, lagny):
    assert table(monthly_figures(FIRST, LAST, lagny)) == EXPECTED[1:]


def test_a_person_booked_twice_counts_twice(meaux):
    """Counts of bookings: the portal cannot know it is the same person, and does not try."""
    session = SessionFactory(unit=meaux, date=date(YEAR, 6, 2))
    BookingFactory(session=session, slot_start=time(9), outcome=Outcome.CAME)
    BookingFactory(session=session, slot_start=time(9, 30), outcome=Outcome.CAME)
    assert table(monthly_figures(FIRST, LAST)) == [("meaux", f"{YEAR}-06", 6, 2, 2, 0, 0, 0, 0)]


# Keeping less


def test_purge_folds_old_bookings_into_the_counts_and_the_figures_stay_exactly_the_same(year):
    before = table(monthly_figures(FIRST, LAST))
    # A year after 1 April: March's bookings go, May's stay.
    deleted = purge_old_bookings(today=date(YEAR + 1, 4, 1), months=12)
    assert deleted == 7
    assert set(Booking.objects.values_list("session__date", flat=True)) == {date(YEAR, 5, 5)}
    count = MonthlyBookingCount.objects.get()
    assert (count.unit.slug, count.month) == ("meaux", date(YEAR, 3, 1))
    assert [getattr(count, name) for name in MonthlyBookingCount.FIGURES] == [5, 2, 1, 1, 1, 1]
    assert table(monthly_figures(FIRST, LAST)) == before == EXPECTED


def test_purging_twice_counts_nothing_twice(year):
    purge_old_bookings(today=date(YEAR + 1, 4, 1), months=12)
    assert purge_old_bookings(today=date(YEAR + 1, 4, 1), months=12) == 0
    assert table(monthly_figures(FIRST, LAST)) == EXPECTED
    # Later, May goes too, into its own row; March's row is not touched again.
    assert purge_old_bookings(today=date(YEAR + 1, 6, 1), months=12) == 1
    assert purge_old_bookings(today=date(YEAR + 1, 6, 1), months=12) == 0
    assert not Booking.objects.exists()
    assert MonthlyBookingCount.objects.count() == 2
    assert table(monthly_figures(FIRST, LAST)) == EXPECTED


def test_bookings_purged_in_two_runs_of_one_month_add_up(meaux):
    """A month cut in two by the cutoff: its first half is counted, then its second half is added."""
    early = SessionFactory(unit=meaux, date=date(YEAR, 9, 3))
    late = SessionFactory(unit=meaux, date=date(YEAR, 9, 24))
    BookingFactory(session=early, outcome=Outcome.CAME)
    BookingFactory(session=late, outcome=Outcome.NO_SHOW)
    expected = [("meaux", f"{YEAR}-09", 12, 2, 1, 1, 0, 0, 0)]
    assert table(monthly_figures(FIRST, LAST)) == expected
    assert purge_old_bookings(today=date(YEAR + 1, 9, 10), months=12) == 1
    assert table(monthly_figures(FIRST, LAST)) == expected
    assert purge_old_bookings(today=date(YEAR + 1, 9, 30), months=12) == 1
    assert table(monthly_figures(FIRST, LAST)) == expected
    assert MonthlyBookingCount.objects.get().booked == 2


def test_recent_bookings_are_kept(year):
    assert purge_old_bookings(today=date(YEAR, 12, 31), months=12) == 0
    assert Booking.objects.count() == 8


def test_the_command_uses_the_setting(year, settings):
    settings.AGENDA_BOOKING_RETENTION_MONTHS = 1
    out = io.StringIO()
    call_command("purge_old_bookings", stdout=out)
    assert "8 rendez-vous" in out.getvalue()
    assert not Booking.objects.exists()
    assert table(monthly_figures(FIRST, LAST)) == EXPECTED


def test_the_command_refuses_less_than_a_month(year):
    with pytest.raises(CommandError, match="au moins 1 mois"):
        call_command("purge_old_bookings", "--months", "0")
    assert Booking.objects.count() == 8


def test_the_retention_defaults_to_12_months_and_is_read_from_the_environment():
    assert settings.AGENDA_BOOKING_RETENTION_MONTHS == 12
    env = {
        **os.environ,
        "AGENDA_BOOKING_RETENTION_MONTHS": "6",
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
    }
    code = "import django; django.setup(); from django.conf import settings; print(settings.AGENDA_BOOKING_RETENTION_MONTHS)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "6"


# The page, the chart, the CSV


def page(client, **params):
    return unescape(client.get(reverse("agenda:statistics"), params).content.decode())


def test_the_page_shows_the_table_and_says_these_are_bookings_not_people(client, cpip, year):
    client.force_login(cpip)
    html = page(client, annee=YEAR)
    assert french("jamais des personnes") in html
    assert (
        "<td>SPIP – Meaux</td><td>6</td><td>5</td><td>2</td><td>1</td><td>1</td><td>1</td><td>1</td>" in html
    )
    assert (
        "<td>SPIP – Lagny</td><td>6</td><td>1</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td>" in html
    )
    assert f"Mars {YEAR}" in html
    assert "<td>12</td><td>6</td><td>3</td>" in html  # totals
    assert not has_inline_script(html)


def test_the_chart_is_server_drawn_svg_with_a_title(client, cpip, year):
    client.force_login(cpip)
    html = page(client, annee=YEAR)
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and '<title id="chart-title">' in svg
    assert "Les chiffres sont dans le tableau" in svg
    # Two months, four bars each; the tallest (6 offered) reaches the top.
    assert svg.count("<rect") == 8
    assert 'class="bar-offered" x="10" y="0" width="8" height="120"' in svg
    assert "," not in svg.split("<title", 1)[0]  # numbers with a dot, never a French comma
    assert french(f"03/{YEAR % 100:02d} : 5 réservés") in svg


def test_the_figures_do_not_change_after_the_purge_on_the_page(client, cpip, year):
    client.force_login(cpip)

    def figures():
        html = page(client, annee=YEAR)
        return html[html.index("<h1>") : html.index("Télécharger")]

    before = figures()
    assert "<svg" in before and "<table" in before
    purge_old_bookings(today=date(YEAR + 1, 4, 1), months=12)
    assert figures() == before


def test_the_csv_carries_the_same_figures(client, editor, year):
    client.force_login(editor)
    response = client.get(reverse("agenda:statistics_csv"), {"annee": YEAR})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"rendez-vous-{YEAR}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Unité", "Mois", "Créneaux offerts", "Réservés", "Venus", "Pas venus", "Excusés", "Reportés", "Annulés",
    ]  # fmt: skip
    assert rows[1:] == [
        ["SPIP – Meaux", f"{YEAR}-03", "6", "5", "2", "1", "1", "1", "1"],
        ["SPIP – Lagny", f"{YEAR}-05", "6", "1", "1", "0", "0", "0", "0"],
    ]


def test_a_unit_name_a_spreadsheet_would_run_is_written_as_text(client, editor):
    unit = ProbationUnitFactory(slug="piege", name='=HYPERLINK("http://x","y")')
    SessionFactory(unit=unit, date=date(YEAR, 2, 2))
    client.force_login(editor)
    response = client.get(reverse("agenda:statistics_csv"), {"annee": YEAR, "unite": "piege"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == '\'=HYPERLINK("http://x","y")'


@pytest.mark.parametrize(
    "params",
    [
        {"annee": "\x00"},
        {"annee": "9" * 40},
        {"annee": "1999"},
        {"annee": "-1"},
        {"unite": "\x00"},
        {"unite": "x" * 5000},
    ],
)
def test_bad_filters_fall_back_without_a_server_error(client, cpip, year, params):
    client.force_login(cpip)
    for name in ("agenda:statistics", "agenda:statistics_csv"):
        assert client.get(reverse(name), params).status_code == 200


def test_a_full_year_of_three_units_stays_a_light_page(client, cpip, meaux, lagny):
    units = [meaux, lagny, ProbationUnitFactory(slug="melun", name="SPIP – Melun")]
    for unit in units:
        for month in range(1, 13):
            session = SessionFactory(unit=unit, date=date(YEAR, month, 8))
            BookingFactory(session=session, outcome=Outcome.CAME)
    client.force_login(cpip)
    response = client.get(reverse("agenda:statistics"), {"annee": YEAR})
    html = response.content.decode()
    assert html.count("<tr>") == 1 + 36 + 1  # head, a row per unit and month, total
    assert html.count("<rect") == 12 * 4
    assert len(response.content) < 30_000
