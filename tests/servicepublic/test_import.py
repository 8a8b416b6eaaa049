"""``import_service_public``: files, folders and the zip; idempotent; a report; bad files lose nothing else."""

import datetime
import zipfile

from django.core.management.base import CommandError

import pytest

from servicepublic.importer import import_sheets
from servicepublic.models import OfficialSheet
from servicepublic.parser import MAX_SHEET_BYTES
from tests.servicepublic.conftest import SHARED_IDS, run_import, sheet_bytes, write
from tests.servicepublic.factories import PlaceholderSheetFactory

pytestmark = pytest.mark.django_db


def stored():
    return sorted(OfficialSheet.objects.values_list("identifier", "content_hash", "imported_at"))


def zip_of(path, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def test_the_8_shared_sheets_are_imported_and_reported_added(xml_dir):
    report = run_import(xml_dir)
    assert sorted(OfficialSheet.objects.values_list("identifier", flat=True)) == sorted(SHARED_IDS)
    assert report.startswith("8 fiches ajoutées, 0 modifiées, 0 inchangées, 0 fichiers refusés")
    assert "Ajoutées : F1341, F1407, F1531, F1636, F19778, F265, F2882, N19775" in report


def test_the_stored_sheet_keeps_its_xml_as_published(imported):
    assert OfficialSheet.objects.get(identifier="F265").xml == sheet_bytes("F265").decode()


def test_a_second_import_changes_nothing_and_says_so(xml_dir):
    run_import(xml_dir)
    before = stored()
    report = run_import(xml_dir)
    assert stored() == before
    assert report.startswith("0 fiches ajoutées, 0 modifiées, 8 inchangées")


def test_a_dry_run_writes_nothing(xml_dir):
    report = run_import(xml_dir, dry_run=True)
    assert OfficialSheet.objects.count() == 0
    assert report.startswith("Essai à blanc, rien n'a été enregistré. 8 fiches ajoutées")


def test_a_changed_sheet_is_updated_and_its_important_change_reported(xml_dir):
    run_import(xml_dir)
    text = sheet_bytes("F265").replace(
        b'dateDerniereModificationImportante="2020-10-14', b'dateDerniereModificationImportante="2021-03-02'
    )
    write(xml_dir, "F265.xml", text)
    report = run_import(xml_dir)
    assert report.startswith("0 fiches ajoutées, 1 modifiée, 7 inchangées")
    assert "Changement important : F265" in report
    assert OfficialSheet.objects.get(identifier="F265").changed_on == datetime.date(2021, 3, 2)


def test_a_malformed_file_is_reported_by_name_and_line_and_the_others_are_imported(xml_dir):
    data = sheet_bytes("F1407")
    cut = data[: data.index(b"<Chapitre>")] + b"<Chapitre>\n<Titre>Coupe</Chapitre>"
    bad = write(xml_dir, "F1407.xml", cut)
    with pytest.raises(CommandError) as error:
        run_import(xml_dir)
    assert error.value.returncode == 2
    assert set(OfficialSheet.objects.values_list("identifier", flat=True)) == set(SHARED_IDS) - {"F1407"}
    line = cut.count(b"\n") + 1
    assert f"{bad}, ligne {line} : balise fermante qui ne correspond pas" in str(
        import_sheets([bad], dry_run=True).rejected[0]
    )


def test_the_report_names_the_refused_file_and_its_line(xml_dir):
    bad = write(
        xml_dir, "F99999.xml", '<?xml version="1.0"?>\n<Publication ID="F99999">\n<Texte>\n</Publication>'
    )
    report = import_sheets([xml_dir])
    assert report.lines()[-1] == f"Refusé : {bad}, ligne 4 : balise fermante qui ne correspond pas"
    assert len(report.added) == 8


def test_the_zip_is_imported_with_its_menus_left_aside(tmp_path):
    files = {f"vosdroits/{identifier}.xml": sheet_bytes(identifier) for identifier in SHARED_IDS}
    files["vosdroits/arborescence.xml"] = '<?xml version="1.0"?><Arborescence/>'
    files["vosdroits/LISEZMOI.txt"] = "pas du XML"
    archive = zip_of(tmp_path / "vosdroits-latest.zip", files)
    report = run_import(archive)
    assert OfficialSheet.objects.count() == 8
    assert "1 fichier qui n'est pas une fiche" in report
    assert (
        "Pas une fiche, ignoré : vosdroits-latest.zip:vosdroits/arborescence.xml (racine Arborescence)"
        in report
    )


def test_a_zip_member_too_big_is_refused_without_being_read(tmp_path):
    files = {"F265.xml": sheet_bytes("F265"), "bombe.xml": b"<a>" + b" " * (MAX_SHEET_BYTES + 1) + b"</a>"}
    archive = zip_of(tmp_path / "vosdroits-latest.zip", files)
    report = import_sheets([archive])
    assert report.added == ["F265"]
    assert "vosdroits-latest.zip:bombe.xml : fichier trop gros" in str(report.rejected[0])


def test_a_zip_that_does_not_open_imports_nothing(tmp_path, imported):
    before = stored()
    broken = write(
        tmp_path, "vosdroits-latest.zip", zip_of(tmp_path / "ok.zip", {"F265.xml": b"x"}).read_bytes()[:30]
    )
    with pytest.raises(CommandError, match="ne s'ouvre pas .* rien n'a été importé"):
        run_import(broken)
    assert stored() == before


def test_a_path_that_does_not_exist_imports_nothing(xml_dir, tmp_path):
    with pytest.raises(CommandError, match="Introuvable : .*absent.zip. Rien n'a été importé."):
        run_import(xml_dir, tmp_path / "absent.zip")
    assert OfficialSheet.objects.count() == 0


def test_the_same_sheet_twice_is_imported_once_and_said(xml_dir):
    write(xml_dir, "copie-F265.xml", sheet_bytes("F265"))
    report = import_sheets([xml_dir])
    assert len(report.added) == 8
    assert "fiche F265 déjà lue dans" in str(report.rejected[0])


def test_unknown_elements_are_counted_in_the_report_and_kept(xml_dir):
    text = sheet_bytes("F265").replace(
        b"<Introduction>", b"<Nouveaute>Bient\xc3\xb4t</Nouveaute><Introduction>"
    )
    write(xml_dir, "F265.xml", text)
    report = run_import(xml_dir)
    assert "Élément inconnu gardé dans le XML : Nouveaute, 1 fois dans 1 fichier" in report
    sheet = OfficialSheet.objects.get(identifier="F265")
    assert sheet.unknown_elements == {"Nouveaute": 1}
    assert "<Nouveaute>Bientôt</Nouveaute>" in sheet.xml


def test_a_placeholder_gets_its_content_from_the_import(xml_dir):
    PlaceholderSheetFactory(identifier="F19778")
    report = import_sheets([xml_dir])
    sheet = OfficialSheet.objects.get(identifier="F19778")
    assert sheet.title == "RSA demandeur de 25 ans et plus"
    assert not sheet.is_placeholder
    assert "F19778" in report.added
    assert "F19778" in report.important_changes


def test_a_second_import_still_counts_the_unknown_elements_of_unchanged_sheets(xml_dir):
    text = sheet_bytes("F265").replace(b"<Introduction>", b"<Nouveaute/><Introduction>")
    write(xml_dir, "F265.xml", text)
    run_import(xml_dir)
    report = run_import(xml_dir)
    assert "8 inchangées" in report
    assert "Élément inconnu gardé dans le XML : Nouveaute, 1 fois dans 1 fichier" in report
