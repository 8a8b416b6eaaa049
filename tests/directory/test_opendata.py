"""The directory as open data: the official CSV columns, and JSON."""

import csv
import io
import json
from pathlib import Path

import pytest

from directory.importers import import_france_services
from directory.models import Commune, Structure
from tests.directory.factories import StopFactory, StructureFactory

pytestmark = pytest.mark.django_db

OFFICIAL_FILE = Path(__file__).resolve().parents[2] / "directory" / "data" / "france-services-77.csv"


def official_header():
    with OFFICIAL_FILE.open(encoding="utf-8", newline="") as file:
        return next(csv.reader(file))


def test_csv_has_the_columns_of_the_official_file(client, directory_page, sample_csv):
    import_france_services(sample_csv, department="77")
    response = client.get("/france-services/donnees-ouvertes/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="france-services-77.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == official_header()
    assert len(rows) == 8


def test_csv_rows_are_written_like_the_official_ones(client, directory_page, sample_csv):
    import_france_services(sample_csv, department="77")
    rows = {
        row["id_fs"]: row
        for row in csv.DictReader(
            io.StringIO(client.get("/france-services/donnees-ouvertes/csv/").content.decode())
        )
    }
    melun = rows["454"]
    assert melun["h_lundi"] == "09:00 - 13:00 / 14:00 - 18:00"
    assert melun["prise_rdv"] == "Non"
    assert melun["format_fs"] == "Fixe"
    assert melun["labellisation_fs"] == "Espace labellisé 01/01/2020"
    assert rows["972"]["h_lundi"] == "09:00 - 12:00 / 14:00 - 17:00"  # cleaned of "00:00 - 00:00"


def test_exported_csv_imports_back_unchanged(client, directory_page, sample_csv):
    import_france_services(sample_csv, department="77")
    exported = client.get("/france-services/donnees-ouvertes/csv/").content
    report = import_france_services(exported, department="77")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 7)


def test_json_gives_the_same_values_and_what_the_portal_adds(client, directory_page):
    spip = StructureFactory(
        name="France services itinérante du SPIP", reception=Structure.Reception.INVITATION
    )
    StopFactory(structure=spip, place="SPIP, site de Meaux", commune=Commune.objects.get(code="77284"))
    data = json.loads(client.get("/france-services/donnees-ouvertes/json/").content)
    assert "ANCT" in data["source"] and "Licence Ouverte" in data["licence"]
    (structure,) = data["structures"]
    assert set(official_header()) <= set(structure)
    assert structure["lib_fs"] == "France services itinérante du SPIP"
    assert structure["sur_invitation"] is True
    assert structure["url"].endswith(f"/france-services/{spip.slug}/")
    assert structure["lieux_de_passage"] == [
        {
            "lieu": "SPIP, site de Meaux",
            "insee_com": "77284",
            "lib_com": "Meaux",
            "quand": "",
            "calendrier": "",
        }
    ]


FORMULA = "=cmd|' /C calc'!A0"


def exported_rows(client):
    response = client.get("/france-services/donnees-ouvertes/csv/")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_csv_writes_cells_a_spreadsheet_would_run_as_text(client, directory_page):
    StructureFactory(name=FORMULA, comment="+33 1 64 00 00 00", group="@SUM(1)", address="\t=1+1")
    (row,) = exported_rows(client)
    assert row["lib_fs"] == "'" + FORMULA
    assert (row["commentaire"], row["groupe_fs"], row["adresse"]) == (
        "'+33 1 64 00 00 00",
        "'@SUM(1)",
        "'\t=1+1",
    )
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values())


def test_json_keeps_cells_a_spreadsheet_would_run_exactly(client, directory_page):
    StructureFactory(name=FORMULA)
    data = json.loads(client.get("/france-services/donnees-ouvertes/json/").content)
    assert data["structures"][0]["lib_fs"] == FORMULA


def test_exported_csv_with_formula_cells_imports_back_unchanged(client, directory_page, sample_csv):
    import_france_services(sample_csv, department="77")
    Structure.objects.filter(id_fs="454").update(name=FORMULA, comment="-2+3")
    exported = client.get("/france-services/donnees-ouvertes/csv/").content
    report = import_france_services(exported, department="77")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 7)
    assert Structure.objects.get(id_fs="454").name == FORMULA


def test_json_gives_each_structures_hours_in_openstreetmap_syntax(client, directory_page, sample_csv):
    import_france_services(sample_csv, department="77")
    data = json.loads(client.get("/france-services/donnees-ouvertes/json/").content)
    juilly = next(structure for structure in data["structures"] if structure["id_fs"] == "1602")
    assert juilly["opening_hours"] == "Mo-Tu,Fr-Sa 09:00-17:00; We-Th 09:00-12:00; PH off"


def test_json_gives_accessibility_and_reception(client, directory_page):
    StructureFactory(step_free_access=True, hearing_loop=False, languages=["en"], helps_non_readers=True)
    (structure,) = json.loads(client.get("/france-services/donnees-ouvertes/json/").content)["structures"]
    assert structure["accessibilite"]["entree_fauteuil"] is True
    assert structure["accessibilite"]["boucle_magnetique"] is False
    assert structure["accessibilite"]["toilettes_adaptees"] is None
    assert structure["langues"] == ["en"]
    assert structure["aide_lecture_ecriture"] is True


def test_directory_page_links_to_the_data_inclusion_files(client, directory_page):
    html = client.get("/france-services/").content.decode()
    for name in ["structures.json", "structures.csv", "services.json", "services.csv"]:
        assert f'href="/france-services/donnees-ouvertes/data-inclusion/{name}"' in html
