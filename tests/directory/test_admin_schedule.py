"""Editors give a structure's whole schedule in OpenStreetMap's syntax, and date their checks."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset

import pytest

from directory.models import Structure
from directory.osm_hours import read_opening_hours
from tests.directory.factories import ClosureFactory, StructureFactory, weekdays_nine_to_five
from tests.directory.test_admin import structure_form

pytestmark = pytest.mark.django_db

ADD = reverse("wagtailsnippets_directory_structure:add")
T = datetime.time
NEXT_YEAR = datetime.date.today().year + 1
NO_HOURS = inline_formset([])


def test_editor_types_hours_holidays_and_closures_in_openstreetmap_syntax(client, editor):
    client.force_login(editor)
    text = f'Mo-Fr 08:30-12:30; Sa 09:00-12:00; PH off; {NEXT_YEAR} Aug 03-{NEXT_YEAR} Aug 14 off "congés d\'été"'
    response = client.post(ADD, structure_form(opening_hours=NO_HOURS, osm_hours=text))
    assert response.status_code == 302
    structure = Structure.objects.get()
    assert {row.weekday: row.ranges for row in structure.opening_hours.all()} == {
        **{day: [(T(8, 30), T(12, 30))] for day in range(5)},
        5: [(T(9), T(12))],
    }
    assert structure.open_on_public_holidays is False
    closure = structure.closures.get()
    assert (closure.start_date, closure.end_date, closure.reason) == (
        datetime.date(NEXT_YEAR, 8, 3),
        datetime.date(NEXT_YEAR, 8, 14),
        "congés d'été",
    )


def test_hours_that_are_not_openstreetmap_get_a_french_error_and_save_nothing(client, editor):
    client.force_login(editor)
    response = client.post(ADD, structure_form(opening_hours=NO_HOURS, osm_hours="lundi 9h-12h"))
    assert response.status_code == 200
    assert "ne sont pas écrits au format OpenStreetMap" in response.content.decode()
    assert Structure.objects.count() == 0


def test_hours_changed_two_ways_at_once_are_refused(client, editor):
    client.force_login(editor)
    response = client.post(ADD, structure_form(osm_hours="Mo-Fr 08:30-12:30"))
    assert "Vous avez changé les horaires de deux façons" in response.content.decode()
    assert Structure.objects.count() == 0


def test_edit_form_shows_the_schedule_in_openstreetmap_syntax(client, editor):
    structure = weekdays_nine_to_five(StructureFactory())
    client.force_login(editor)
    html = client.get(
        reverse("wagtailsnippets_directory_structure:edit", args=[structure.pk])
    ).content.decode()
    assert 'value="Mo-Fr 09:00-12:00,14:00-17:00; PH off"' in html


def test_typed_schedule_replaces_coming_closures_and_keeps_past_ones():
    structure = weekdays_nine_to_five(StructureFactory())
    past = ClosureFactory(
        structure=structure, start_date=datetime.date(2024, 8, 1), end_date=datetime.date(2024, 8, 15)
    )
    ClosureFactory(
        structure=structure,
        start_date=datetime.date(NEXT_YEAR, 1, 2),
        end_date=datetime.date(NEXT_YEAR, 1, 2),
    )
    structure.replace_schedule(
        read_opening_hours("Mo-Fr 09:00-12:00", timezone.localdate()), timezone.localdate()
    )
    assert list(structure.closures.all()) == [past]
    assert structure.open_on_public_holidays is True
    assert structure.osm_hours == "Mo-Fr 09:00-12:00"


def test_checked_today_dates_the_information(client, editor):
    client.force_login(editor)
    client.post(ADD, structure_form(verified_today="on"))
    assert Structure.objects.get().verified_on == timezone.localdate()
