"""Recurrence rules: the dates they give, public holidays, and regenerating without undoing edits."""

from datetime import date, time

from django.core.exceptions import ValidationError

import pytest

from agenda.models import Session, SessionRule
from agenda.recurrence import sync_sessions
from tests.agenda.factories import BookingFactory, SessionRuleFactory

pytestmark = pytest.mark.django_db

THURSDAY, TUESDAY = 3, 1


def make_rule(**fields):
    defaults = {
        "weekdays": [TUESDAY],
        "positions": [],
        "starts_on": date(2026, 1, 1),
        "ends_on": date(2026, 3, 31),
    }
    return SessionRuleFactory(**{**defaults, **fields})


def test_first_of_may_is_a_holiday_with_its_french_name():
    rule = make_rule(weekdays=[THURSDAY], starts_on=date(2025, 4, 24), ends_on=date(2025, 5, 15))
    assert rule.occurrences() == [
        (date(2025, 4, 24), None),
        (date(2025, 5, 1), "Fête du Travail"),
        (date(2025, 5, 8), "Fête de la Victoire"),
        (date(2025, 5, 15), None),
    ]


def test_holidays_become_sessions_marked_as_holidays_without_slots():
    rule = make_rule(weekdays=[TUESDAY], starts_on=date(2026, 7, 7), ends_on=date(2026, 7, 21))
    sync_sessions(rule, today=date(2026, 7, 1))
    bastille_day = Session.objects.get(date=date(2026, 7, 14))
    assert bastille_day.is_holiday
    assert bastille_day.reason == "Fête nationale"
    assert bastille_day.capacity == 0
    assert Session.objects.filter(rule=rule).scheduled().count() == 2


def test_christmas_is_skipped_in_a_fourth_thursday_rule():
    rule = make_rule(
        weekdays=[THURSDAY], positions=[2, 4], starts_on=date(2025, 12, 1), ends_on=date(2025, 12, 31)
    )
    sync_sessions(rule, today=date(2025, 12, 1))
    christmas = Session.objects.get(date=date(2025, 12, 25))
    assert christmas.status == Session.Status.HOLIDAY
    assert christmas.reason == "Noël"
    assert Session.objects.get(date=date(2025, 12, 11)).is_scheduled


def test_sync_creates_one_session_per_date_with_the_rule_hours():
    rule = make_rule(start_time=time(14), end_time=time(17), slot_minutes=20, holder="Conseiller PIMM'S")
    report = sync_sessions(rule, today=date(2026, 1, 1))
    sessions = Session.objects.filter(rule=rule)
    assert report.created == sessions.count() == 13
    session = sessions.first()
    assert (session.start_time, session.end_time, session.slot_minutes) == (time(14), time(17), 20)
    assert session.holder == "Conseiller PIMM'S"
    assert len(session.slot_times()) == 9


def test_second_sync_changes_nothing():
    rule = make_rule()
    sync_sessions(rule, today=date(2026, 1, 1))
    before = list(Session.objects.values_list("pk", "date", "updated_at"))
    report = sync_sessions(rule, today=date(2026, 1, 1))
    assert (report.created, report.updated, report.deleted) == (0, 0, 0)
    assert list(Session.objects.values_list("pk", "date", "updated_at")) == before


def test_changing_the_rule_hours_updates_the_coming_sessions_only():
    rule = make_rule()
    sync_sessions(rule, today=date(2026, 1, 1))
    rule.start_time = time(10)
    rule.save()
    sync_sessions(rule, today=date(2026, 2, 1))
    assert Session.objects.get(date=date(2026, 1, 27)).start_time == time(9)  # past: unchanged
    assert Session.objects.get(date=date(2026, 2, 3)).start_time == time(10)


def test_a_cancelled_occurrence_stays_cancelled_after_regeneration():
    rule = make_rule()
    sync_sessions(rule, today=date(2026, 1, 1))
    session = Session.objects.get(date=date(2026, 1, 13))
    session.status, session.reason, session.edited = Session.Status.CANCELLED, "Conseiller absent", True
    session.save()
    rule.end_time = time(12, 30)
    rule.save()
    report = sync_sessions(rule, today=date(2026, 1, 1))
    session.refresh_from_db()
    assert session.is_cancelled and session.reason == "Conseiller absent"
    assert session.end_time == time(12)
    assert report.kept_edited == 1
    assert Session.objects.get(date=date(2026, 1, 20)).end_time == time(12, 30)


def test_a_moved_occurrence_is_not_recreated_on_its_old_date():
    rule = make_rule()
    sync_sessions(rule, today=date(2026, 1, 1))
    session = Session.objects.get(date=date(2026, 1, 13))
    session.date, session.edited = date(2026, 1, 15), True
    session.save()
    sync_sessions(rule, today=date(2026, 1, 1))
    assert not Session.objects.filter(date=date(2026, 1, 13)).exists()
    assert Session.objects.get(rule_date=date(2026, 1, 13)).date == date(2026, 1, 15)


def test_dates_dropped_from_the_rule_are_removed_unless_booked():
    rule = make_rule()
    sync_sessions(rule, today=date(2026, 1, 1))
    booked = Session.objects.get(date=date(2026, 3, 24))
    BookingFactory(session=booked)
    rule.ends_on = date(2026, 2, 28)
    rule.save()
    report = sync_sessions(rule, today=date(2026, 1, 1))
    assert report.deleted == 4  # 3, 10, 17 and 31 March
    assert report.kept_booked == 1
    assert Session.objects.filter(date__month=3).get() == booked


def test_deleting_a_rule_removes_its_coming_dates_but_keeps_booked_ones():
    rule = make_rule(starts_on=date(2099, 1, 1), ends_on=date(2099, 1, 31))
    sync_sessions(rule, today=date(2099, 1, 1))
    booked = Session.objects.get(date=date(2099, 1, 13))
    BookingFactory(session=booked)
    rule.delete()
    assert list(Session.objects.all()) == [booked]
    booked.refresh_from_db()
    assert booked.rule is None


def _errors(**fields):
    rule = SessionRule(**{"unit": SessionRuleFactory.build().unit, **fields})
    with pytest.raises(ValidationError) as caught:
        rule.full_clean(exclude=["unit"])
    return " ".join(message for messages in caught.value.message_dict.values() for message in messages)


BASE = {
    "weekdays": [TUESDAY],
    "positions": [],
    "start_time": time(9),
    "end_time": time(12),
    "slot_minutes": 30,
}


def test_rule_before_2000_is_refused():
    assert "1er janvier 2000" in _errors(**BASE, starts_on=date(1999, 12, 28), ends_on=date(2000, 2, 1))


def test_rule_after_2100_is_refused():
    assert "31 décembre 2100" in _errors(**BASE, starts_on=date(2100, 12, 1), ends_on=date(2101, 1, 31))


def test_rule_giving_no_date_is_refused():
    # 1 to 5 January 2026: no Tuesday but the 6th.
    message = _errors(**{**BASE, "weekdays": [TUESDAY]}, starts_on=date(2026, 1, 1), ends_on=date(2026, 1, 5))
    assert "ne donne aucune date" in message


def test_rule_giving_only_holidays_is_refused():
    message = _errors(
        **{**BASE, "weekdays": [THURSDAY]}, starts_on=date(2025, 5, 1), ends_on=date(2025, 5, 1)
    )
    assert "ne donne aucune date" in message


def test_rule_giving_more_than_1000_dates_is_refused():
    every_day = {**BASE, "weekdays": [0, 1, 2, 3, 4, 5, 6]}
    assert "plus de 1000 dates" in _errors(
        **every_day, starts_on=date(2026, 1, 1), ends_on=date(2028, 12, 31)
    )


def test_rule_ending_before_it_starts_is_refused():
    assert "après la date de début" in _errors(**BASE, starts_on=date(2026, 3, 1), ends_on=date(2026, 2, 1))


def test_rule_without_weekday_is_refused():
    message = _errors(**{**BASE, "weekdays": []}, starts_on=date(2026, 1, 1), ends_on=date(2026, 2, 1))
    assert "au moins un jour" in message


def test_rule_ending_before_its_start_hour_is_refused():
    fields = {**BASE, "start_time": time(12), "end_time": time(9)}
    assert "après l'heure de début" in _errors(**fields, starts_on=date(2026, 1, 1), ends_on=date(2026, 2, 1))


def test_rule_is_described_in_french():
    rule = SessionRule(weekdays=[THURSDAY], positions=[4, 2], start_time=time(14), end_time=time(17, 30))
    assert rule.describe() == "les 2e et 4e jeudis du mois, de 14\u00a0h à 17\u00a0h\u00a030"
    rule = SessionRule(weekdays=[TUESDAY], positions=[], start_time=time(9), end_time=time(12))
    assert rule.describe() == "chaque mardi, de 9\u00a0h à 12\u00a0h"
