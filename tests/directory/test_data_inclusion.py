"""The data·inclusion export: every record valid for the schema's own pydantic models, in JSON and CSV."""

import csv
import io
import json

import pytest
from data_inclusion.schema import v1

from directory import data_inclusion, demo
from directory.models import Structure

pytestmark = pytest.mark.django_db

BASE = "/france-services/donnees-ouvertes/data-inclusion/"
# The schema's list fields, as the CSV writes them: values separated by commas.
LIST_FIELDS = {
    "reseaux_porteurs",
    "thematiques",
    "publics",
    "modes_accueil",
    "zone_eligibilite",
    "modes_mobilisation",
    "mobilisable_par",
}


@pytest.fixture
def directory(home_page):
    """The demo: the 34 structures of the official file with the national partners, and the SPIP's."""
    demo.load(io.StringIO())
    melun = Structure.objects.get(id_fs="454")
    melun.acceslibre_url = "https://acceslibre.beta.gouv.fr/app/77-melun/a/centre-social/erp/pimms-melun/"
    melun.save()


def strict(model, record):
    """Validated as data·inclusion does, warnings counted as errors."""
    return model.model_validate(record, context={"ignore_warnings": False})


def get_json(client, name):
    response = client.get(BASE + name)
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def get_csv(client, name):
    response = client.get(BASE + name)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    return [
        {
            key: (value.split(",") if key in LIST_FIELDS else value) if value != "" else None
            for key, value in row.items()
        }
        for row in rows
    ]


def spip_id():
    return f"{data_inclusion.SOURCE}--{demo.SPIP_STRUCTURE_SLUG}"


def test_every_structure_record_is_valid_for_the_schema(client, directory):
    records = get_json(client, "structures.json")
    assert len(records) == 35
    for record in records:
        strict(v1.Structure, record)


def test_every_service_record_is_valid_for_the_schema(client, directory):
    records = get_json(client, "services.json")
    assert len(records) == 35 * 13  # every structure offers the 13 national partners in the demo
    for record in records:
        strict(v1.Service, record)


def test_every_csv_row_is_valid_for_the_schema(client, directory):
    for name, model, count in [("structures.csv", v1.Structure, 35), ("services.csv", v1.Service, 455)]:
        rows = get_csv(client, name)
        assert len(rows) == count
        for row in rows:
            strict(model, row)


def test_csv_and_json_give_the_same_records(client, directory):
    as_json = get_json(client, "structures.json")
    as_csv = get_csv(client, "structures.csv")
    assert [v1.Structure.model_validate(r) for r in as_csv] == [
        v1.Structure.model_validate(r) for r in as_json
    ]


def test_structure_gives_its_network_hours_and_accessibility_page(client, directory):
    melun = next(r for r in get_json(client, "structures.json") if r["id"] == "france-services-77--454")
    assert melun["reseaux_porteurs"] == ["france-service"]
    assert melun["horaires_accueil"] == (
        "Mo 09:00-13:00,14:00-18:00; Tu 14:00-17:00; We-Fr 09:00-13:00,14:00-17:00; Sa 09:00-12:00; PH off"
    )
    assert melun["accessibilite_lieu"].startswith("https://acceslibre.beta.gouv.fr/")
    assert melun["telephone"] == "+33164094922"
    assert melun["lien_source"] == "http://testserver/france-services/pimms-mediation-melun/"


def test_spip_structure_belongs_to_both_networks(client, directory):
    spip = next(r for r in get_json(client, "structures.json") if r["id"] == spip_id())
    assert spip["reseaux_porteurs"] == ["france-service", "spip"]


def test_one_service_per_partner_present(client, directory):
    melun = [r for r in get_json(client, "services.json") if r["structure_id"] == "france-services-77--454"]
    caf = next(r for r in melun if r["id"] == "france-services-77--454--caf")
    assert caf["nom"] == "Aide aux démarches : Caisse d'allocations familiales (CAF)"
    assert "famille--soutien-a-la-parentalite-et-a-leducation" in caf["thematiques"]
    assert caf["publics"] == ["tous-publics"]
    assert caf["frais"] == "gratuit"
    assert caf["modes_mobilisation"] == ["telephoner", "envoyer-un-courriel", "se-presenter"]


def test_spip_services_are_on_invitation_of_the_cpip(client, directory):
    services = [r for r in get_json(client, "services.json") if r["structure_id"] == spip_id()]
    assert services
    for service in services:
        assert service["modes_accueil"] == ["en-presentiel"]
        assert service["zone_eligibilite"] == ["77"]
        assert service["mobilisable_par"] == ["professionnels"]
        assert service["conditions_acces"] == "Sur invitation du CPIP."
        assert "SPIP de Seine-et-Marne, site de Meaux" in service["description"]


def test_structure_without_partner_has_one_general_service(client, directory_page):
    from tests.directory.factories import StructureFactory

    structure = StructureFactory(name="France services de Nangis")
    (service,) = get_json(client, "services.json")
    assert service["id"] == f"{data_inclusion.SOURCE}--{structure.slug}--accompagnement"
    strict(v1.Service, service)


def test_export_is_only_under_the_directory_page(client, directory_page):
    assert client.get("/autre-page/donnees-ouvertes/data-inclusion/structures.json").status_code == 404
