"""Opening hours as a citizen reads them, in Paris time: open now, next opening, holidays, closures."""

import datetime
from zoneinfo import ZoneInfo

from directory.hours import Closure, Recurrence, Schedule, describe

PARIS = ZoneInfo("Europe/Paris")
UTC = datetime.UTC
T = datetime.time


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def weekdays(*ranges, days=range(5)):
    return {day: list(ranges) for day in days}


NINE_TO_FIVE = weekdays((T(9), T(12)), (T(14), T(17)))


def text(schedule, now):
    return describe(schedule.status(now), now)


def test_open_structure_says_until_when():
    assert text(Schedule(NINE_TO_FIVE), paris(2025, 3, 11, 10, 0)) == "Ouvert maintenant jusqu'à 12\u00a0h"


def test_half_hours_are_written_the_french_way():
    schedule = Schedule(weekdays((T(8, 30), T(12, 30))))
    assert text(schedule, paris(2025, 3, 11, 9, 0)) == "Ouvert maintenant jusqu'à 12\u00a0h\u00a030"


def test_before_opening_says_it_opens_today():
    assert text(Schedule(NINE_TO_FIVE), paris(2025, 3, 11, 8, 0)) == "Ouvre aujourd'hui à 9\u00a0h"


def test_lunch_break_says_when_it_opens_again():
    assert text(Schedule(NINE_TO_FIVE), paris(2025, 3, 11, 12, 30)) == "Ouvre aujourd'hui à 14\u00a0h"


def test_closing_time_itself_counts_as_closed():
    assert text(Schedule(NINE_TO_FIVE), paris(2025, 3, 11, 17, 0)) == "Ouvre demain à 9\u00a0h"


def test_saturday_evening_names_the_next_open_weekday():
    schedule = Schedule(weekdays((T(9), T(12)), days=[1, 2]))  # Tuesday, Wednesday
    assert text(schedule, paris(2025, 3, 8, 18, 0)) == "Ouvre mardi à 9\u00a0h"


def test_touching_ranges_make_one_opening():
    schedule = Schedule({2: [(T(8, 30), T(12, 30)), (T(12, 30), T(17))]})  # Meaux, Wednesday
    assert text(schedule, paris(2025, 3, 12, 11, 0)) == "Ouvert maintenant jusqu'à 17\u00a0h"


def test_public_holiday_closes_the_structure():
    # Thursday 1 May 2025, Fête du Travail.
    status = Schedule(NINE_TO_FIVE).status(paris(2025, 5, 1, 10, 0))
    assert not status.is_open
    assert text(Schedule(NINE_TO_FIVE), paris(2025, 5, 1, 10, 0)) == (
        "Fermé aujourd'hui (jour férié : Fête du Travail). Ouvre demain à 9\u00a0h"
    )


def test_structure_open_on_public_holidays_stays_open():
    schedule = Schedule(NINE_TO_FIVE, open_on_public_holidays=True)
    assert text(schedule, paris(2025, 5, 1, 10, 0)) == "Ouvert maintenant jusqu'à 12\u00a0h"


def test_holiday_on_the_next_open_day_is_skipped():
    # Wednesday 30 April 2025 evening: Thursday 1 May is a holiday, Friday 2 May is not.
    assert text(Schedule(NINE_TO_FIVE), paris(2025, 4, 30, 18, 0)) == "Ouvre vendredi à 9\u00a0h"


def test_exceptional_closure_closes_and_gives_its_reason():
    closure = Closure(datetime.date(2025, 8, 4), datetime.date(2025, 8, 29), "congés d'été")
    now = paris(2025, 8, 6, 10, 0)
    assert text(Schedule(NINE_TO_FIVE, [closure]), now) == (
        "Fermé aujourd'hui (congés d'été). Ouvre le lundi 1er septembre à 9\u00a0h"
    )


def test_far_opening_gives_the_date():
    closure = Closure(datetime.date(2025, 3, 10), datetime.date(2025, 3, 31), "travaux")
    now = paris(2025, 3, 11, 10, 0)
    assert text(Schedule(NINE_TO_FIVE, [closure]), now).endswith("Ouvre le mardi 1er avril à 9\u00a0h")
    closure = Closure(datetime.date(2025, 3, 10), datetime.date(2025, 4, 1), "travaux")
    assert text(Schedule(NINE_TO_FIVE, [closure]), now).endswith("Ouvre le mercredi 2 avril à 9\u00a0h")


def test_closure_without_reason_still_explains():
    closure = Closure(datetime.date(2025, 3, 11), datetime.date(2025, 3, 11))
    assert text(Schedule(NINE_TO_FIVE, [closure]), paris(2025, 3, 11, 10, 0)) == (
        "Fermé aujourd'hui (fermeture exceptionnelle). Ouvre demain à 9\u00a0h"
    )


def test_night_the_clocks_go_forward_gives_the_right_instant():
    # Sunday 30 March 2025: at 02:00 Paris goes from UTC+1 to UTC+2.
    now = datetime.datetime(2025, 3, 30, 1, 30, tzinfo=UTC)  # 03:30 in Paris, just after the change
    status = Schedule(NINE_TO_FIVE).status(now)
    assert describe(status, now) == "Ouvre demain à 9\u00a0h"
    assert status.opens_at.astimezone(UTC) == datetime.datetime(2025, 3, 31, 7, 0, tzinfo=UTC)


def test_opening_after_the_spring_change_is_one_hour_earlier_in_utc():
    # Saturday 29 March 2025, still UTC+1; Monday 31 March is UTC+2.
    now = datetime.datetime(2025, 3, 29, 13, 0, tzinfo=UTC)  # 14:00 in Paris
    status = Schedule(NINE_TO_FIVE).status(now)
    assert describe(status, now) == "Ouvre lundi à 9\u00a0h"
    assert status.opens_at.astimezone(UTC) == datetime.datetime(2025, 3, 31, 7, 0, tzinfo=UTC)


def test_night_the_clocks_go_back_gives_the_right_instant():
    # Sunday 26 October 2025: at 03:00 Paris goes back to 02:00 (UTC+2 to UTC+1).
    now = datetime.datetime(2025, 10, 26, 0, 30, tzinfo=UTC)  # 02:30 in Paris, the first time
    status = Schedule(NINE_TO_FIVE).status(now)
    assert describe(status, now) == "Ouvre demain à 9\u00a0h"
    assert status.opens_at.astimezone(UTC) == datetime.datetime(2025, 10, 27, 8, 0, tzinfo=UTC)


def test_late_sunday_in_utc_is_already_monday_in_paris():
    now = datetime.datetime(2025, 10, 26, 23, 30, tzinfo=UTC)  # Monday 00:30 in Paris (UTC+1)
    assert text(Schedule(NINE_TO_FIVE), now) == "Ouvre aujourd'hui à 9\u00a0h"


def test_structure_without_hours_says_so():
    assert text(Schedule({}), paris(2025, 3, 11, 10, 0)) == "Horaires non communiqués"


def test_week_lists_monday_to_saturday_with_closed_days_empty():
    week = Schedule({0: [(T(9), T(12)), (T(14), T(17))], 5: [(T(9), T(12))]}).week()
    assert [(str(day), hours) for day, hours in week] == [
        ("lundi", ["9\u00a0h – 12\u00a0h", "14\u00a0h – 17\u00a0h"]),
        ("mardi", []),
        ("mercredi", []),
        ("jeudi", []),
        ("vendredi", []),
        ("samedi", ["9\u00a0h – 12\u00a0h"]),
    ]


def test_week_shows_sunday_only_when_open():
    assert len(Schedule({6: [(T(10), T(12))]}).week()) == 7


def test_upcoming_holidays_are_only_those_on_open_days():
    schedule = Schedule(weekdays((T(9), T(12)), days=[3]))  # Thursdays
    holidays = schedule.upcoming_holidays(datetime.date(2025, 4, 25), days=35)
    assert holidays == [
        (datetime.date(2025, 5, 1), "Fête du Travail"),
        (datetime.date(2025, 5, 8), "Fête de la Victoire"),
        (datetime.date(2025, 5, 29), "Ascension"),
    ]


def test_monthly_stop_reads_as_people_say_it():
    recurrence = Recurrence(weekday=1, week_of_month=2, start=T(9), end=T(12))
    assert recurrence.describe() == "le 2e mardi du mois, 9\u00a0h – 12\u00a0h"


def test_first_and_last_of_the_month_read_naturally():
    assert Recurrence(weekday=4, week_of_month=1).describe() == "le 1er vendredi du mois"
    assert Recurrence(weekday=4, week_of_month=-1).describe() == "le dernier vendredi du mois"
    assert Recurrence(weekday=0).describe() == "chaque lundi"


def test_monthly_stop_next_dates():
    recurrence = Recurrence(weekday=1, week_of_month=2)
    assert recurrence.next_dates(datetime.date(2025, 3, 1)) == [
        datetime.date(2025, 3, 11),
        datetime.date(2025, 4, 8),
        datetime.date(2025, 5, 13),
    ]


def test_next_dates_include_today():
    recurrence = Recurrence(weekday=1, week_of_month=2)
    assert recurrence.next_dates(datetime.date(2025, 3, 11), count=1) == [datetime.date(2025, 3, 11)]


def test_last_weekday_of_the_month():
    recurrence = Recurrence(weekday=4, week_of_month=-1)
    assert recurrence.next_dates(datetime.date(2025, 1, 1), count=2) == [
        datetime.date(2025, 1, 31),
        datetime.date(2025, 2, 28),
    ]


def test_stop_dates_skip_public_holidays_and_closures():
    # Thursdays from 1 May 2025: 1 May and 8 May are holidays, 22 May is closed, 29 May is Ascension.
    closure = Closure(datetime.date(2025, 5, 22), datetime.date(2025, 5, 22), "formation")
    schedule = Schedule({}, [closure])
    dates = Recurrence(weekday=3).next_dates(datetime.date(2025, 5, 1), count=2, schedule=schedule)
    assert dates == [datetime.date(2025, 5, 15), datetime.date(2025, 6, 5)]
