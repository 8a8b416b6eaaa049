"""Reference data loaded by migrations: the communes, and the editors' rights."""

from django.contrib.auth.models import Group

import pytest

from directory.models import ARRONDISSEMENTS, Commune
from home.groups import EDITORS

pytestmark = pytest.mark.django_db

SOUS_PREFECTURES = {
    "Meaux": "77284",
    "Melun": "77288",
    "Provins": "77379",
    "Fontainebleau": "77186",
    "Torcy": "77468",
}


def test_the_507_communes_of_seine_et_marne_are_loaded():
    assert Commune.objects.count() == 507
    assert Commune.objects.exclude(code__startswith="77").count() == 0


def test_every_commune_has_a_postcode_and_a_point_in_the_departement():
    for commune in Commune.objects.all():
        assert commune.postcode_list and all(code.startswith("77") for code in commune.postcode_list)
        assert 48.1 < commune.latitude < 49.2 and 2.3 < commune.longitude < 3.6, commune.name


@pytest.mark.parametrize(("name", "code"), sorted(SOUS_PREFECTURES.items()))
def test_each_sous_prefecture_lies_in_the_arrondissement_named_after_it(name, code):
    commune = Commune.objects.get(code=code)
    assert commune.name == name
    assert commune.arrondissement_name == name


def test_every_commune_belongs_to_a_named_arrondissement():
    assert set(Commune.objects.values_list("arrondissement", flat=True)) == set(ARRONDISSEMENTS)


def test_editors_may_manage_structures_and_import_the_official_list():
    codenames = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    assert {"add_structure", "change_structure", "delete_structure", "import_structures"} <= codenames


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_structures_imported_before_the_baseline_get_their_current_values_as_baseline():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("directory", "0005_reception_details")], [("directory", "0006_import_baseline")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    structure = old_apps.get_model("directory", "Structure").objects.create(
        id_fs="454", name="France services Pimms Médiation Melun", slug="melun", phone="01 64 09 49 22"
    )
    old_apps.get_model("directory", "OpeningHours").objects.create(
        structure_id=structure.pk, weekday=0, opens="09:00", closes="12:00"
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new_apps = executor.loader.project_state(after).apps
    imported = new_apps.get_model("directory", "Structure").objects.get(pk=structure.pk).imported
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert imported["phone"] == "01 64 09 49 22"
    assert imported["hours"] == {"0": [["09:00", "12:00"]]}
