"""What editors do in the Wagtail admin: units, rules that generate sessions, one-off edits."""

import re
from datetime import date, time
from html import unescape

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from agenda.models import ProbationUnit, Session, SessionRule
from agenda.recurrence import sync_sessions
from home.groups import CPIP, EDITORS
from tests.agenda.factories import BookingFactory, SessionFactory, SessionRuleFactory

pytestmark = pytest.mark.django_db

RULE_ADD = "wagtailsnippets_agenda_sessionrule:add"
SESSION_EDIT = "wagtailsnippets_agenda_session:edit"
SESSION_DELETE = "wagtailsnippets_agenda_session:delete"


def text(response):
    return unescape(response.content.decode())


def rule_form(unit, **fields):
    data = {
        "unit": unit.pk,
        "weekdays": ["3"],
        "positions": ["2", "4"],
        "start_time": "14:00",
        "end_time": "17:00",
        "starts_on": "2099-01-01",
        "ends_on": "2099-03-31",
        "slot_minutes": "30",
        "holder": "",
    }
    data.update(fields)
    return data


def session_form(session, **fields):
    data = {
        "unit": session.unit_id,
        "date": session.date.isoformat(),
        "start_time": session.start_time.strftime("%H:%M"),
        "end_time": session.end_time.strftime("%H:%M"),
        "slot_minutes": str(session.slot_minutes),
        "holder": session.holder,
        "status": session.status,
        "reason": session.reason,
    }
    if session.edited:
        data["edited"] = "on"
    data.update(fields)
    return data


def test_editors_may_manage_units_rules_and_sessions_cpips_may_not():
    editor_codenames = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    for model in ("probationunit", "sessionrule", "session"):
        assert {f"add_{model}", f"change_{model}", f"delete_{model}"} <= editor_codenames
    assert not Group.objects.get(name=CPIP).permissions.filter(content_type__app_label="agenda").exists()


def test_editor_opens_the_agenda_admin_pages(client, editor, meaux):
    client.force_login(editor)
    for name in ("probationunit", "sessionrule", "session"):
        assert client.get(reverse(f"wagtailsnippets_agenda_{name}:list")).status_code == 200
    assert client.get(reverse(RULE_ADD)).status_code == 200


def test_saving_a_rule_in_the_admin_generates_its_sessions(client, editor, meaux):
    client.force_login(editor)
    response = client.post(reverse(RULE_ADD), rule_form(meaux), follow=True)
    assert response.status_code == 200
    rule = SessionRule.objects.get()
    assert "6 dates ajoutées" in text(response)
    assert list(rule.sessions.values_list("date", flat=True)) == [
        date(2099, 1, 8), date(2099, 1, 22), date(2099, 2, 12), date(2099, 2, 26), date(2099, 3, 12), date(2099, 3, 26),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"starts_on": "2099-02-30"}, "Saisissez une date valide"),
        ({"starts_on": "1999-06-01"}, "à partir du 1er janvier 2000"),
        ({"ends_on": "2101-01-31"}, "avant le 31 décembre 2100"),
        (
            {
                "weekdays": ["0", "1", "2", "3", "4", "5", "6"],
                "positions": [],
                "starts_on": "2097-01-01",
                "ends_on": "2100-12-31",
            },
            "plus de 1000",
        ),
        ({"starts_on": "2099-01-01", "ends_on": "2099-01-07"}, "ne donne aucune date"),
        ({"weekdays": []}, "Cochez au moins un jour"),
        ({"end_time": "13:00"}, "après l'heure de début"),
    ],
)
def test_bad_rules_are_refused_with_a_clear_message(client, editor, meaux, fields, message):
    client.force_login(editor)
    response = client.post(reverse(RULE_ADD), rule_form(meaux, **fields))
    assert response.status_code == 200
    assert message in text(response)
    assert not SessionRule.objects.exists() and not Session.objects.exists()


def test_cancelling_one_occurrence_in_the_admin_survives_regeneration(client, editor, meaux):
    rule = SessionRuleFactory(unit=meaux, weekdays=[1], starts_on=date(2099, 1, 1), ends_on=date(2099, 1, 31))
    sync_sessions(rule, today=date(2099, 1, 1))
    session = Session.objects.get(date=date(2099, 1, 13))
    client.force_login(editor)
    url = reverse(SESSION_EDIT, args=[session.pk])
    response = client.post(url, session_form(session, status="cancelled", reason="formation"))
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.is_cancelled and session.edited
    rule.start_time = time(8)
    rule.save()
    sync_sessions(rule, today=date(2099, 1, 1))
    session.refresh_from_db()
    assert session.is_cancelled and session.start_time == time(9)
    assert Session.objects.get(date=date(2099, 1, 20)).start_time == time(8)


def test_cancelling_a_session_needs_a_public_reason(client, editor, meaux):
    session = SessionFactory(unit=meaux)
    client.force_login(editor)
    response = client.post(
        reverse(SESSION_EDIT, args=[session.pk]), session_form(session, status="cancelled")
    )
    assert "Dites en quelques mots pourquoi" in text(response)
    session.refresh_from_db()
    assert session.is_scheduled


def test_editing_hours_cannot_drop_a_booked_slot(client, editor, meaux):
    session = SessionFactory(unit=meaux, start_time=time(9), end_time=time(12))
    BookingFactory(session=session, slot_start=time(11, 30))
    client.force_login(editor)
    response = client.post(reverse(SESSION_EDIT, args=[session.pk]), session_form(session, end_time="11:30"))
    assert "Des rendez-vous sont pris à 11\u00a0h\u00a030" in text(response)
    session.refresh_from_db()
    assert session.end_time == time(12)


def test_moving_a_booked_session_to_another_day_keeps_its_bookings(client, editor, meaux):
    session = SessionFactory(unit=meaux, date=date(2099, 5, 5))
    booking = BookingFactory(session=session, slot_start=time(10))
    client.force_login(editor)
    response = client.post(reverse(SESSION_EDIT, args=[session.pk]), session_form(session, date="2099-05-07"))
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.session.date == date(2099, 5, 7) and booking.is_active


def test_a_session_with_bookings_cannot_be_deleted(client, editor, meaux):
    session = SessionFactory(unit=meaux)
    BookingFactory(session=session)
    client.force_login(editor)
    response = client.post(reverse(SESSION_DELETE, args=[session.pk]), follow=True)
    assert "elle ne peut pas être supprimée" in text(response)
    assert Session.objects.filter(pk=session.pk).exists()


def test_a_session_without_bookings_can_be_deleted(client, editor, meaux):
    session = SessionFactory(unit=meaux)
    client.force_login(editor)
    client.post(reverse(SESSION_DELETE, args=[session.pk]))
    assert not Session.objects.filter(pk=session.pk).exists()


def test_editor_adds_a_unit(client, editor):
    client.force_login(editor)
    data = {"name": "SPIP – Melun", "slug": "melun", "address": "", "postcode": "77000", "commune": "Melun",
            "phone": "", "access": ""}  # fmt: skip
    response = client.post(reverse("wagtailsnippets_agenda_probationunit:add"), data)
    assert response.status_code == 302
    assert ProbationUnit.objects.get().commune == "Melun"


def test_a_unit_with_coming_bookings_cannot_be_deleted(client, editor, meaux):
    BookingFactory(session=SessionFactory(unit=meaux))
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_agenda_probationunit:delete", args=[meaux.pk]), follow=True
    )
    assert "Cette unité a des rendez-vous à venir" in text(response)
    assert ProbationUnit.objects.filter(pk=meaux.pk).exists()


def test_rule_edit_form_shows_the_chosen_days_ticked(client, editor, meaux):
    rule = SessionRuleFactory(unit=meaux, weekdays=[3], positions=[2, 4])
    client.force_login(editor)
    page = client.get(reverse("wagtailsnippets_agenda_sessionrule:edit", args=[rule.pk])).content.decode()
    ticked = re.findall(r'<input type="checkbox" name="(\w+)" value="(-?\d)"[^>]*checked', page)
    assert sorted(ticked) == [("positions", "2"), ("positions", "4"), ("weekdays", "3")]


@pytest.mark.parametrize(
    ("day", "message"),
    [("2101-01-04", "avant le 31 décembre 2100"), ("2027-02-30", "Saisissez une date valide")],
)
def test_a_session_date_out_of_range_or_impossible_is_refused(client, editor, meaux, day, message):
    session = SessionFactory(unit=meaux)
    client.force_login(editor)
    response = client.post(reverse(SESSION_EDIT, args=[session.pk]), session_form(session, date=day))
    assert message in text(response)
    assert Session.objects.get(pk=session.pk).date == session.date
