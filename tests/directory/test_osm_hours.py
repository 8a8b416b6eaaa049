"""Hours in OpenStreetMap's syntax: written from the rows, evaluated by opening-hours-py, read back."""

import datetime
from zoneinfo import ZoneInfo

import holidays
import opening_hours
import pytest

from directory import osm_hours
from directory.hours import Closure, Schedule, describe, merge_ranges
from directory.importers import import_france_services
from directory.models import Structure
from directory.official_file import parse_hours
from directory.osm_hours import InvalidOpeningHours, format_opening_hours, read_opening_hours

PARIS = ZoneInfo("Europe/Paris")
T = datetime.time
TODAY = datetime.date(2026, 12, 2)
NINE_TO_FIVE = {day: [(T(9), T(12)), (T(14), T(17))] for day in range(5)}
# Hours as the national file writes them, quirks included (the import reads each one leniently).
FILE_SHAPES = [
    "09:00 - 12:00 / 13:30 - 17:00",
    "08:30 - 17:00",
    "14:00 - 17:00",
    "00:00 - 00:00 / 09:00 - 12:00 / 14:00 - 17:00",
    "9h-12h",
    "9h30 - 12h / 14h - 17h30",
    "09:00 - 12:00 / 13:30 - 17:00 / 18:00 - 19:00",
    "09:00-12:00 et 14:00-16:30",
]


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def said(schedule, now):
    return describe(schedule.status(now), now)


def test_weekly_hours_are_written_as_opening_hours():
    weekly = {**NINE_TO_FIVE, 5: [(T(9), T(12))]}
    assert format_opening_hours(weekly) == "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off"


def test_structure_open_on_public_holidays_has_no_holiday_rule():
    assert format_opening_hours(NINE_TO_FIVE, open_on_public_holidays=True) == "Mo-Fr 09:00-12:00,14:00-17:00"


def test_closures_come_last_with_their_reason():
    closure = Closure(datetime.date(2026, 12, 24), datetime.date(2027, 1, 2), 'congés "de fin" d\'année')
    assert format_opening_hours(NINE_TO_FIVE, [closure]) == (
        'Mo-Fr 09:00-12:00,14:00-17:00; PH off; 2026 Dec 24-2027 Jan 02 off "congés de fin d\'année"'
    )


def test_closures_already_over_are_left_out():
    past = Closure(datetime.date(2026, 8, 3), datetime.date(2026, 8, 21), "congés d'été")
    assert format_opening_hours(NINE_TO_FIVE, [past], since=TODAY) == "Mo-Fr 09:00-12:00,14:00-17:00; PH off"


def test_no_weekly_hours_gives_no_string():
    assert format_opening_hours({}) == ""


def test_typed_string_becomes_rows_holidays_and_closures():
    read = read_opening_hours(
        'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off; 2026 Dec 24-2027 Jan 02 off "congés"', TODAY
    )
    assert read.weekly == {**NINE_TO_FIVE, 5: [(T(9), T(12))]}
    assert read.open_on_public_holidays is False
    assert [(c.start, c.end, c.reason) for c in read.closures] == [
        (datetime.date(2026, 12, 24), datetime.date(2027, 1, 2), "congés")
    ]


def test_string_without_holiday_rule_opens_on_holidays():
    assert read_opening_hours("Mo-Fr 08:30-12:30", TODAY).open_on_public_holidays is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lundi 9h-12h", "pas écrits au format OpenStreetMap"),
        ("", "Écrivez des horaires"),
        ("Mo 09:00-10:00,11:00-12:00,14:00-15:00", "Le lundi a 3 plages horaires"),
        ("Mo-Fr 22:00-02:00", "minuit ou après"),
        ("24/7", "minuit ou après"),
        ("Tu[2] 09:00-12:00", "changent selon la période"),
        ("Mo-Fr 09:00-12:00; Jul-Aug 10:00-12:00", "changent selon la période"),
        ("Mo-Fr 09:00-12:00 unknown", "inconnus"),
        ("Mo-Fr 09:00-12:00; " * 100, "trop longs"),
        ("Mo-Fr\x00 09:00-12:00; Sa 09:00-12:00x", "pas écrits au format OpenStreetMap"),
    ],
)
def test_what_rows_cannot_hold_is_refused_in_french(text, message):
    with pytest.raises(InvalidOpeningHours, match=message):
        read_opening_hours(text, TODAY)


@pytest.mark.parametrize("value", FILE_SHAPES)
def test_every_hours_shape_of_the_national_file_round_trips(value):
    ranges, _notes = parse_hours(value)
    weekly = {0: ranges, 3: ranges}
    text = format_opening_hours(weekly)
    assert opening_hours.validate(text)
    assert read_opening_hours(text, TODAY).weekly == {day: merge_ranges(r) for day, r in weekly.items()}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["directory/data/france-services-77.csv", "tests/directory/data/structures_sample.csv"]
)
def test_every_imported_structure_round_trips_its_opening_hours(path):
    with open(path, "rb") as file:
        import_france_services(file.read())
    structures = list(Structure.objects.prefetch_for_list())
    assert len(structures) >= 8
    for structure in structures:
        text = structure.osm_hours
        schedule = structure.schedule
        if not any(schedule.weekly.values()):
            assert text == ""
            continue
        assert opening_hours.validate(text), (structure.name, text)
        read = read_opening_hours(text, TODAY)
        assert read.weekly == {day: merge_ranges(r) for day, r in schedule.weekly.items() if r}, (
            structure.name
        )
        assert read.open_on_public_holidays == structure.open_on_public_holidays


def test_the_library_closes_on_exactly_the_holidays_of_the_holidays_package():
    every_day = osm_hours.evaluator("Mo-Su 09:00-17:00; PH off")
    for year in range(2025, 2036):
        day, closed = datetime.date(year, 1, 1), set()
        while day.year == year:
            if every_day.is_closed(paris(day.year, day.month, day.day, 10)):
                closed.add(day)
            day += datetime.timedelta(days=1)
        assert closed == set(holidays.France(years=year)), year


def test_christmas_eve_evening_opens_after_the_long_weekend():
    # Thursday 24 December 2026; Friday 25 is Christmas.
    assert said(Schedule(NINE_TO_FIVE), paris(2026, 12, 24, 18)) == "Ouvre lundi à 9\u00a0h"


def test_new_years_day_on_a_friday_opens_on_saturday():
    schedule = Schedule({**NINE_TO_FIVE, 5: [(T(9), T(12))]})
    assert said(schedule, paris(2026, 12, 31, 18)) == "Ouvre samedi à 9\u00a0h"


def test_ascension_thursday_says_why_it_is_closed():
    assert said(Schedule(NINE_TO_FIVE), paris(2026, 5, 14, 10)) == (
        "Fermé aujourd'hui (jour férié : Ascension). Ouvre demain à 9\u00a0h"
    )


def test_easter_weekend_opens_on_tuesday():
    # Saturday 4 April 2026; Monday 6 April is Easter Monday.
    assert said(Schedule(NINE_TO_FIVE), paris(2026, 4, 4, 10)) == "Ouvre mardi à 9\u00a0h"


def test_day_before_bastille_day_skips_it():
    # Monday 13 July 2026; Tuesday 14 July is the national holiday.
    assert said(Schedule(NINE_TO_FIVE), paris(2026, 7, 13, 17, 30)) == "Ouvre mercredi à 9\u00a0h"


def test_structure_open_on_holidays_is_open_on_armistice_day():
    schedule = Schedule(NINE_TO_FIVE, open_on_public_holidays=True)
    assert said(schedule, paris(2026, 11, 11, 10)) == "Ouvert maintenant jusqu'à 12\u00a0h"


def test_the_day_after_a_holiday_is_an_ordinary_day():
    # Tuesday 26 May 2026, after Whit Monday.
    assert said(Schedule(NINE_TO_FIVE), paris(2026, 5, 26, 15)) == "Ouvert maintenant jusqu'à 17\u00a0h"


def test_closure_over_the_holidays_gives_its_reason_and_the_reopening():
    closure = Closure(datetime.date(2026, 12, 21), datetime.date(2027, 1, 1), "congés de fin d'année")
    assert said(Schedule(NINE_TO_FIVE, [closure]), paris(2026, 12, 22, 10)) == (
        "Fermé aujourd'hui (congés de fin d'année). Ouvre le lundi 4 janvier à 9\u00a0h"
    )
