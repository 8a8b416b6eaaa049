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
