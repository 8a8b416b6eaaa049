"""The shared calendar (portal/calendar.py): weekdays, "the nth weekday of the month", French public holidays."""

from datetime import date

from portal.calendar import (
    WEEKDAY_CHOICES,
    describe_recurrence,
    public_holiday,
    public_holidays,
    recurring_dates,
    weekday_name,
)

TUESDAY, THURSDAY, FRIDAY, SUNDAY = 1, 3, 4, 6


def test_every_tuesday_gives_each_tuesday_of_the_period():
    dates = list(recurring_dates([TUESDAY], [], date(2026, 1, 1), date(2026, 1, 31)))
    assert dates == [date(2026, 1, 6), date(2026, 1, 13), date(2026, 1, 20), date(2026, 1, 27)]


def test_second_and_fourth_thursday_of_the_month():
    dates = list(recurring_dates([THURSDAY], [2, 4], date(2026, 1, 1), date(2026, 2, 28)))
    assert dates == [date(2026, 1, 8), date(2026, 1, 22), date(2026, 2, 12), date(2026, 2, 26)]


def test_last_sunday_of_the_month_gives_the_clock_change_days():
    dates = list(recurring_dates([SUNDAY], [-1], date(2026, 1, 1), date(2026, 12, 31)))
    assert date(2026, 3, 29) in dates  # clocks go forward
    assert date(2026, 10, 25) in dates  # clocks go back
    assert len(dates) == 12


def test_a_recurrence_without_end_goes_on():
    dates = recurring_dates([FRIDAY], [-1], date(2025, 1, 1))
    assert [next(dates) for _ in range(3)] == [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 28)]


def test_weekdays_are_named_as_python_numbers_them():
    assert [weekday_name(day) for day in (0, 6)] == ["lundi", "dimanche"]
    assert [label for _number, label in WEEKDAY_CHOICES][:2] == ["Lundi", "Mardi"]


def test_a_recurrence_reads_as_french_says_it():
    assert describe_recurrence([TUESDAY]) == "chaque mardi"
    assert describe_recurrence([THURSDAY, TUESDAY]) == "chaque mardi et jeudi"
    assert describe_recurrence([THURSDAY], [4, 2]) == "les 2e et 4e jeudis du mois"
    assert describe_recurrence([FRIDAY], [-1, 1]) == "les 1er et dernier vendredis du mois"
    assert describe_recurrence([2], [3, 1]) == "les 1er et 3e mercredis du mois"
    assert describe_recurrence([FRIDAY], [-1]) == "le dernier vendredi du mois"


def test_public_holidays_have_their_french_names():
    assert public_holiday(date(2025, 5, 1)) == "Fête du Travail"
    assert public_holiday(date(2025, 5, 2)) is None


def test_public_holidays_between_two_dates_include_both_ends_across_years():
    assert public_holidays(date(2025, 12, 25), date(2026, 1, 1)) == {
        date(2025, 12, 25): "Noël",
        date(2026, 1, 1): "Jour de l'an",
    }
