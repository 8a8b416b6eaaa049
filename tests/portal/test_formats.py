"""Hours, dates and sizes written one way everywhere (portal/formats.py and its template filters)."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.template import Context, Template

from portal.formats import file_size, hour, hours_ranges, long_date, month_name, time_range

NBSP = "\u00a0"


def render(source, **context):
    return Template("{% load portal_tags %}" + source).render(Context(context))


def test_an_hour_is_written_10_h_or_10_h_30_on_one_line():
    assert hour(time(10)) == f"10{NBSP}h"
    assert hour(time(10, 30)) == f"10{NBSP}h{NBSP}30"
    assert hour(time(9, 5)) == f"9{NBSP}h{NBSP}05"


def test_hours_in_a_sentence_and_in_a_table():
    assert time_range(time(9), time(12)) == f"de 9{NBSP}h à 12{NBSP}h"
    assert hours_ranges([(time(9), time(12)), (time(13, 30), time(17))]) == (
        f"9{NBSP}h – 12{NBSP}h et 13{NBSP}h{NBSP}30 – 17{NBSP}h"
    )


def test_the_first_of_the_month_is_written_1er():
    assert long_date(date(2027, 1, 1)) == "vendredi 1er janvier 2027"
    assert long_date(date(2027, 1, 2)) == "samedi 2 janvier 2027"


def test_a_date_can_leave_out_the_year_or_the_weekday():
    assert long_date(date(2027, 1, 1), year=False) == "vendredi 1er janvier"
    assert long_date(date(2027, 1, 1), weekday=False) == "1er janvier 2027"


def test_an_aware_datetime_is_dated_in_paris():
    late_evening = datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert long_date(late_evening, weekday=False) == "1er janvier 2027"


def test_a_month_is_named_with_a_capital():
    assert month_name(2026, 12) == "Décembre 2026"


def test_a_file_size_is_in_ko_never_kio():
    assert file_size(42_100) == f"42{NBSP}Ko"
    assert file_size(15) == f"1{NBSP}Ko"
    assert file_size(1_540_000) == f"1,5{NBSP}Mo"
    assert file_size(2_000_000) == f"2{NBSP}Mo"


def test_templates_write_dates_and_hours_the_same_way():
    html = render(
        '{{ day|long_date }} | {{ day|long_date:"weekday day month" }} | {{ day|long_date:"day month year" }}'
        " | {{ start|hour }} | {% time_range start end %}",
        day=date(2027, 1, 1),
        start=time(10),
        end=time(11, 30),
    )
    assert html == (
        "vendredi 1er janvier 2027 | vendredi 1er janvier | 1er janvier 2027"
        f" | 10{NBSP}h | de 10{NBSP}h à 11{NBSP}h{NBSP}30"
    )


def test_a_phone_link_keeps_digits_and_a_leading_plus():
    assert render("{{ phone|tel_href }}", phone="+33 1 64 09 49 22") == "tel:+33164094922"
