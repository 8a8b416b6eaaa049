"""Importing the official ANCT list: quirks, idempotency, editors' fields, bad files."""

import csv
import datetime
import io
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from directory.importers import import_france_services
from directory.models import Closure, Commune, Stop, Structure
from directory.official_file import COLUMNS, FileRejected, parse_hours
from guides.models import Partner

pytestmark = pytest.mark.django_db

T = datetime.time


def hours_of(id_fs):
    return {line.weekday: line.ranges for line in Structure.objects.get(id_fs=id_fs).opening_hours.all()}


def problems_about(report, line, column):
    return [str(p) for p in report.problems if p.line == line and p.column == column]


def edit_row(data, id_fs, column, value):
    """The sample CSV with one cell changed (rows are keyed by id_fs, first match)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    header = rows[0]
    for row in rows[1:]:
        if row[0] == id_fs:
            row[header.index(column)] = value
            break
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


# Reading hours


def test_standard_hours_are_read_without_comment():
    assert parse_hours("09:00 - 12:00 / 13:30 - 17:00") == ([(T(9), T(12)), (T(13, 30), T(17))], [])


def test_empty_range_is_dropped_and_the_others_kept():
    ranges, notes = parse_hours("00:00 - 00:00 / 09:00 - 12:00")
    assert ranges == [(T(9), T(12))]
    assert notes == ["plage vide « 00:00 - 00:00 » ignorée", "gardé 09:00 - 12:00"]


def test_hand_typed_hours_are_read_and_the_reading_is_said():
    ranges, notes = parse_hours("9h-12h")
    assert ranges == [(T(9), T(12))]
    assert notes == ["« 9h-12h » lu comme 09:00 - 12:00", "gardé 09:00 - 12:00"]


def test_ferme_means_closed_that_day():
    assert parse_hours("Fermé") == ([], ["compris comme « fermé ce jour-là »"])
    assert parse_hours(" FERMEE. ")[0] == []


def test_unreadable_hours_leave_the_day_empty():
    ranges, notes = parse_hours("sur rendez-vous")
    assert ranges == []
    assert notes[-1] == "aucune plage lisible : jour laissé sans horaires"


def test_reversed_or_impossible_ranges_are_dropped():
    assert parse_hours("17:00 - 09:00")[0] == []
    assert parse_hours("25:00 - 26:00")[0] == []


def test_third_range_is_reported_and_dropped():
    ranges, notes = parse_hours("08:00 - 10:00 / 11:00 - 12:00 / 14:00 - 16:00")
    assert ranges == [(T(8), T(10)), (T(11), T(12))]
    assert "ignoré 14:00 - 16:00" in notes[0]


# Importing the sample file


def test_sample_file_creates_the_departement_structures(sample_csv):
    report = import_france_services(sample_csv, department="77")
    assert (report.created, report.updated, report.unchanged, report.skipped) == (7, 0, 0, 2)
    assert report.other_departments == 1
    assert Structure.objects.count() == 7
    assert not Structure.objects.filter(id_fs="1001").exists()


def test_without_departement_every_row_is_imported(sample_csv):
    report = import_france_services(sample_csv)
    assert report.created == 8
    assert Structure.objects.get(id_fs="1001").department == "91"


def test_file_fields_are_stored(sample_csv):
    import_france_services(sample_csv, department="77")
    melun = Structure.objects.get(id_fs="454")
    assert melun.name == "France services Pimms Médiation Melun"
    assert melun.address_complement == "Cellule 32"
    assert (melun.postcode, melun.commune_name, melun.insee_code) == ("77000", "Melun", "77288")
    assert melun.commune == Commune.objects.get(code="77288")
    assert melun.phone == "01 64 09 49 22"
    assert melun.appointment_required is False
    assert melun.format == Structure.Format.FIXED
    assert melun.labelled_on == datetime.date(2020, 1, 1)
    assert melun.slug == "pimms-mediation-melun"
    assert hours_of("454")[5] == [(T(9), T(12))]


def test_rebais_empty_ranges_are_dropped_and_real_hours_kept(sample_csv):
    report = import_france_services(sample_csv, department="77")
    assert hours_of("972")[0] == [(T(9), T(12)), (T(14), T(17))]
    assert hours_of("972")[5] == [(T(9), T(12))]
    assert problems_about(report, 3, "h_lundi") == [
        "Ligne 3 — France services La Poste de Rebais : colonne h_lundi, valeur « 00:00 - 00:00 / 09:00 - 12:00 / 14:00 - 17:00 » : "
        "plage vide « 00:00 - 00:00 » ignorée ; gardé 09:00 - 12:00 / 14:00 - 17:00"
    ]


def test_hand_typed_hours_keep_the_row_and_the_other_days(sample_csv):
    report = import_france_services(sample_csv, department="77")
    bray = hours_of("977")
    assert bray[0] == [(T(9), T(12))]  # "9h-12h"
    assert 1 not in bray  # "fermé"
    assert 2 not in bray  # "sur rendez-vous"
    assert bray[3] == [(T(14), T(19))]
    assert problems_about(report, 5, "h_mardi") == [
        "Ligne 5 — France services de Bray-sur-Seine : colonne h_mardi, valeur « fermé » : compris comme « fermé ce jour-là »"
    ]
    assert "jour laissé sans horaires" in problems_about(report, 5, "h_mercredi")[0]


def test_bad_values_are_left_empty_and_reported(sample_csv):
    report = import_france_services(sample_csv, department="77")
    colibrie = Structure.objects.get(id_fs="456")
    assert colibrie.email == ""
    assert colibrie.format == ""
    assert colibrie.appointment_required is None
    assert colibrie.labelled_on is None
    assert colibrie.latitude == 48.55527  # a decimal comma is read
    assert {p.column for p in report.problems if p.line == 10} == {
        "mail",
        "format_fs",
        "prise_rdv",
        "labellisation_fs",
    }
    assert (
        "Ligne 10 — France services Coli’Brie : colonne mail, valeur « accueil-at-colibrie » : adresse e-mail impossible, laissée vide"
        in (report.lines())
    )


def test_rows_without_id_or_repeated_are_skipped_and_reported(sample_csv):
    report = import_france_services(sample_csv, department="77")
    assert problems_about(report, 8, "id_fs") == [
        "Ligne 8 — France services de la sous-préfecture de Fontainebleau : colonne id_fs, valeur «  » : identifiant absent ou trop long : ligne ignorée"
    ]
    assert problems_about(report, 9, "id_fs") == [
        "Ligne 9 — Doublon de Melun : colonne id_fs, valeur « 454 » : déjà vu ligne 2 : ligne ignorée"
    ]
    assert Structure.objects.get(id_fs="454").name == "France services Pimms Médiation Melun"


def test_comment_on_two_lines_is_kept_whole(sample_csv):
    import_france_services(sample_csv, department="77")
    assert Structure.objects.get(id_fs="1821").comment == (
        'Accueil au « Bâtiment 6A ».\nSonnez à l\'interphone "Arobase".'
    )


def test_second_import_changes_nothing(sample_csv):
    import_france_services(sample_csv, department="77")
    before = {s.pk: s.updated_at for s in Structure.objects.all()}
    hours_before = sorted(Structure.objects.values_list("opening_hours__pk", flat=True))
    report = import_france_services(sample_csv, department="77")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 7)
    assert {s.pk: s.updated_at for s in Structure.objects.all()} == before
    assert sorted(Structure.objects.values_list("opening_hours__pk", flat=True)) == hours_before


def test_changed_row_updates_file_fields_and_keeps_editor_fields(sample_csv):
    import_france_services(sample_csv, department="77")
    melun = Structure.objects.get(id_fs="454")
    melun.slug = "melun-pimms"
    melun.accessibility = "Entrée de plain-pied."
    melun.reception = Structure.Reception.INVITATION
    melun.open_on_public_holidays = True
    melun.save()
    melun.partners.set([Partner.objects.get(slug="caf")])
    Closure.objects.create(
        structure=melun, start_date=datetime.date(2025, 8, 1), end_date=datetime.date(2025, 8, 15)
    )
    Stop.objects.create(structure=melun, place="Mairie", commune=Commune.objects.get(code="77288"))

    changed = edit_row(sample_csv, "454", "telephone", "01 64 00 00 00")
    changed = edit_row(changed, "454", "h_samedi", "")
    report = import_france_services(changed, department="77")

    assert (report.updated, report.unchanged) == (1, 6)
    assert [str(change) for change in report.changes] == [
        "Ligne 2 — France services Pimms Médiation Melun : téléphone « 01 64 09 49 22 » → « 01 64 00 00 00 » ; "
        "horaires du samedi « 9\xa0h – 12\xa0h » → « fermé »"
    ]
    melun.refresh_from_db()
    assert melun.phone == "01 64 00 00 00"
    assert 5 not in hours_of("454")
    assert melun.slug == "melun-pimms"
    assert melun.accessibility == "Entrée de plain-pied."
    assert melun.reception == Structure.Reception.INVITATION
    assert melun.open_on_public_holidays is True
    assert list(melun.partners.values_list("slug", flat=True)) == ["caf"]
    assert melun.closures.count() == 1 and melun.stops.count() == 1


def test_name_change_in_the_file_keeps_the_page_address(sample_csv):
    import_france_services(sample_csv, department="77")
    report = import_france_services(
        edit_row(sample_csv, "454", "lib_fs", "France services PIMMS Médiation de Melun"), department="77"
    )
    assert report.updated == 1
    melun = Structure.objects.get(id_fs="454")
    assert melun.name == "France services PIMMS Médiation de Melun"
    assert melun.slug == "pimms-mediation-melun"


def test_dry_run_writes_nothing(sample_csv):
    report = import_france_services(sample_csv, department="77", dry_run=True)
    assert report.created == 7
    assert report.summary().startswith("Essai à blanc, rien n'a été enregistré.")
    assert Structure.objects.count() == 0


def test_dry_run_of_a_changed_file_leaves_the_structure_as_it_was(sample_csv):
    import_france_services(sample_csv, department="77")
    report = import_france_services(
        edit_row(sample_csv, "454", "telephone", "01 64 00 00 00"), dry_run=True, department="77"
    )
    assert report.updated == 1
    assert Structure.objects.get(id_fs="454").phone == "01 64 09 49 22"


def test_structures_missing_from_a_new_file_are_reported_not_deleted(sample_csv):
    import_france_services(sample_csv, department="77")
    without_juilly = b"\n".join(line for line in sample_csv.split(b"\n") if not line.startswith(b'"1602"'))
    report = import_france_services(without_juilly, department="77")
    assert [s.id_fs for s in report.missing] == ["1602"]
    assert (
        "Absente du fichier, gardée (à vérifier) : France services La Poste de Juilly (id_fs 1602)"
        in report.lines()
    )
    assert Structure.objects.filter(id_fs="1602").exists()


def test_structures_added_by_editors_are_never_reported_missing(sample_csv):
    Structure.objects.create(
        name="France services itinérante du SPIP", reception=Structure.Reception.INVITATION
    )
    report = import_france_services(sample_csv, department="77")
    assert report.missing == []


def test_imported_structures_are_found_by_the_search_backend(sample_csv):
    import_france_services(sample_csv, department="77")
    assert [s.id_fs for s in Structure.objects.search("Rebais")] == ["972"]


def test_semicolon_separated_file_is_read_too(sample_csv):
    rows = list(csv.reader(io.StringIO(sample_csv.decode("utf-8"))))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
    report = import_france_services(out.getvalue().encode("utf-8"), department="77")
    assert report.created == 7


def test_byte_order_mark_is_accepted(sample_csv):
    assert import_france_services(b"\xef\xbb\xbf" + sample_csv, department="77").created == 7


# Files that are not the official CSV: a clear message, nothing written


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Le fichier est vide."),
        (b"  \n\n", "Le fichier est vide."),
        (b"%PDF-1.7\n%\x00\x01\x02binary", "n'est pas un fichier texte"),
        (b'"id_fs","lib_fs"\n"1","Nom"\n', "il lui manque 22 colonne(s) : insee_dep, adresse"),
        (b"une phrase sans colonnes\n", "n'est pas la liste des France services"),
        (
            (",".join(f'"{column}"' for column in COLUMNS) + "\n").encode(),
            "Le fichier ne contient que la ligne des colonnes",
        ),
    ],
)
def test_file_that_is_not_the_official_csv_is_refused(data, message):
    with pytest.raises(FileRejected, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_france_services(data)
    assert Structure.objects.count() == 0


def test_latin1_file_is_refused_with_the_line(sample_csv):
    latin1 = sample_csv.decode("utf-8").encode("latin-1", errors="replace")
    with pytest.raises(
        FileRejected, match=r"n'est pas encodé en UTF-8 \(premier caractère illisible à la ligne 2\)"
    ):
        import_france_services(latin1)
    assert Structure.objects.count() == 0


def test_communes_file_is_refused():
    communes = (Path(__file__).resolve().parents[2] / "directory" / "data" / "communes-77.csv").read_bytes()
    with pytest.raises(FileRejected, match="il lui manque"):
        import_france_services(communes)


def test_broken_quoting_stops_before_writing_anything(sample_csv):
    broken = sample_csv + b'"9999","77","France services sans fin\n'
    with pytest.raises(FileRejected, match="le fichier est mal formé"):
        import_france_services(broken)
    assert Structure.objects.count() == 0


def test_short_row_is_skipped_and_reported(sample_csv):
    report = import_france_services(sample_csv + b'"9999","77","Ligne courte"\n', department="77")
    assert report.skipped == 3
    assert "3 colonnes au lieu de 24 : ligne ignorée" in report.problems[-1].action


# The command


def test_command_prints_the_summary_and_the_problems(tmp_path, sample_csv):
    path = tmp_path / "liste.csv"
    path.write_bytes(sample_csv)
    out = io.StringIO()
    call_command("import_france_services", str(path), "--departement", "77", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "7 créées, 0 mises à jour, 0 inchangées, 2 lignes ignorées. "
        "1 ligne d'un autre département laissée de côté."
    )
    assert any(
        line.startswith("Ligne 3 — France services La Poste de Rebais : colonne h_lundi") for line in lines
    )
    assert Structure.objects.count() == 7


def test_command_dry_run_writes_nothing(tmp_path, sample_csv):
    path = tmp_path / "liste.csv"
    path.write_bytes(sample_csv)
    out = io.StringIO()
    call_command("import_france_services", str(path), "--dry-run", stdout=out)
    assert out.getvalue().startswith("Essai à blanc")
    assert Structure.objects.count() == 0


def test_command_refuses_a_bad_file_in_french(tmp_path):
    path = tmp_path / "vide.csv"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="Le fichier est vide."):
        call_command("import_france_services", str(path))


def test_command_says_when_the_file_does_not_exist(tmp_path):
    with pytest.raises(CommandError, match="Impossible de lire le fichier"):
        call_command("import_france_services", str(tmp_path / "absent.csv"))


# Cells a spreadsheet would run


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("lib_fs", "=cmd|' /C calc'!A0"),
        ("commentaire", "+33 1 64 00 00 00"),
        ("groupe_fs", "-2+3"),
        ("adresse", "@SUM(1+1)*cmd|' /C calc'!A0"),
        ("commentaire", "\t=1+1"),
        ("commentaire", "\r=1+1"),
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_kept_and_reported(sample_csv, column, value):
    report = import_france_services(edit_row(sample_csv, "454", column, value), department="77")
    (problem,) = problems_about(report, 2, column)
    assert "formule de tableur" in problem
    assert "l'export CSV la rend inoffensive" in problem
    assert Structure.objects.filter(id_fs="454").exists()
