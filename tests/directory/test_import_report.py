"""What the import tells editors: each structure's changes with old and new values, the hand edits
it overwrites (before writing, in the dry run and on the upload page), hours in OpenStreetMap syntax."""

import csv
import datetime
import io
import re

from django.core.management import call_command

import pytest

from directory.importers import import_france_services
from directory.models import OpeningHours, Structure
from tests.directory.test_admin import IMPORT_URL, upload
from tests.directory.test_importers import edit_row, hours_of

pytestmark = pytest.mark.django_db

T = datetime.time
REBAIS_MONDAY = "Ligne 3 — France services La Poste de Rebais : horaires du lundi"


@pytest.fixture
def imported(sample_csv):
    import_france_services(sample_csv, department="77")
    return sample_csv


def edit_by_hand_rebais_monday():
    """An editor changes Rebais's Monday in the admin: 9 h – 12 h 30, no afternoon."""
    OpeningHours.objects.filter(structure__id_fs="972", weekday=0).update(
        closes=T(12, 30), opens_again=None, closes_again=None
    )


def with_column(data, column, values):
    """The CSV with one more column, ``values`` by id_fs."""
    rows = list(csv.reader(io.StringIO(data.decode())))
    rows[0].append(column)
    for row in rows[1:]:
        row.append(values.get(row[0], "") if len(row) > 1 else "")
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def test_dry_run_says_which_hand_edit_the_file_will_overwrite(imported):
    edit_by_hand_rebais_monday()
    report = import_france_services(imported, department="77", dry_run=True)
    assert report.overwritten == [
        f"{REBAIS_MONDAY} « 9\xa0h – 12\xa0h\xa030 » → « 9\xa0h – 12\xa0h et 14\xa0h – 17\xa0h »"
    ]
    assert "Modifications faites à la main que cet import remplacera :" in report.lines()
    assert hours_of("972")[0] == [(T(9), T(12, 30))]


def test_import_says_it_replaced_the_hand_edit(imported):
    edit_by_hand_rebais_monday()
    report = import_france_services(imported, department="77")
    assert report.lines()[1] == "Modifications faites à la main que cet import a remplacées :"
    assert report.lines()[2].startswith(f"  {REBAIS_MONDAY}")
    assert hours_of("972")[0] == [(T(9), T(12)), (T(14), T(17))]


def test_a_change_of_the_file_alone_is_no_hand_edit(imported):
    report = import_france_services(edit_row(imported, "972", "telephone", "01 64 65 65 04"), department="77")
    assert report.overwritten == []
    assert [str(change) for change in report.changes] == [
        "Ligne 3 — France services La Poste de Rebais : téléphone « 01 64 65 65 03 » → « 01 64 65 65 04 »"
    ]


def test_hand_edit_the_new_file_agrees_with_is_kept_and_forgotten(imported):
    Structure.objects.filter(id_fs="972").update(phone="01 64 65 65 04")
    report = import_france_services(edit_row(imported, "972", "telephone", "01 64 65 65 04"), department="77")
    assert (report.updated, report.overwritten) == (0, [])
    assert Structure.objects.get(id_fs="972").imported["phone"] == "01 64 65 65 04"
    assert report.changes == []


def test_command_dry_run_prints_the_hand_edits_first(tmp_path, imported):
    edit_by_hand_rebais_monday()
    path = tmp_path / "liste.csv"
    path.write_bytes(imported)
    out = io.StringIO()
    call_command("import_france_services", str(path), "--departement", "77", "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[1:3] == [
        "Modifications faites à la main que cet import remplacera :",
        f"  {REBAIS_MONDAY} « 9\xa0h – 12\xa0h\xa030 » → « 9\xa0h – 12\xa0h et 14\xa0h – 17\xa0h »",
    ]


def test_upload_page_lists_the_hand_edits_before_any_file(client, editor, imported):
    edit_by_hand_rebais_monday()
    client.force_login(editor)
    html = client.get(IMPORT_URL).content.decode()
    assert "Modifications faites à la main depuis le dernier import" in html
    assert (
        "<strong>France services La Poste de Rebais</strong> : horaires du lundi "
        "« 9\xa0h – 12\xa0h et 14\xa0h – 17\xa0h » dans le dernier fichier, « 9\xa0h – 12\xa0h\xa030 » dans la fiche"
    ) in html


def test_upload_page_proposes_a_dry_run_first(client, editor):
    client.force_login(editor)
    html = client.get(IMPORT_URL).content.decode()
    assert re.search(r'<input type="checkbox" name="dry_run"[^>]* checked>', html)


def test_admin_dry_run_warns_before_writing(client, editor, imported):
    edit_by_hand_rebais_monday()
    client.force_login(editor)
    html = client.post(
        IMPORT_URL, {"file": upload(imported), "departement": "77", "dry_run": "on"}
    ).content.decode()
    assert "Modifications faites à la main que cet import remplacera :" in html
    assert REBAIS_MONDAY in html
    assert hours_of("972")[0] == [(T(9), T(12, 30))]


def test_opening_hours_column_gives_the_week(sample_csv):
    data = with_column(sample_csv, "opening_hours", {"1602": "Mo-Fr 08:30-12:30; PH off"})
    import_france_services(data, department="77")
    assert hours_of("1602") == {day: [(T(8, 30), T(12, 30))] for day in range(5)}


def test_unreadable_opening_hours_column_falls_back_to_the_day_columns(sample_csv):
    data = with_column(sample_csv, "opening_hours", {"1602": "lundi 9h-12h"})
    report = import_france_services(data, department="77")
    assert hours_of("1602")[0] == [(T(9), T(17))]
    (problem,) = [p for p in report.problems if p.column == "opening_hours"]
    assert str(problem).startswith("Ligne 4 — France services La Poste de Juilly : colonne opening_hours")
    assert problem.action.endswith("Colonnes h_lundi… lues à la place.")


def test_closures_in_the_opening_hours_column_are_left_to_editors(sample_csv):
    closure = f"{datetime.date.today().year + 1} Aug 03-{datetime.date.today().year + 1} Aug 14 off"
    data = with_column(sample_csv, "opening_hours", {"1602": f"Mo-Fr 09:00-12:00; PH off; {closure}"})
    report = import_france_services(data, department="77")
    assert Structure.objects.get(id_fs="1602").closures.count() == 0
    assert any("fermetures non importées" in p.action for p in report.problems)
