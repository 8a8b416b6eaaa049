"""The structure model's vocabulary: readable page addresses, places, lists, invitation mode."""

import datetime

import pytest

from directory.grouping import alphabetical
from directory.models import Commune, Structure
from directory.slugs import base_slug, unique_slug
from tests.directory.factories import ClosureFactory, StopFactory, StructureFactory, weekdays_nine_to_five

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("France services Pimms Médiation Melun", "pimms-mediation-melun"),
        ("France services de la sous-préfecture de Provins", "sous-prefecture-de-provins"),
        ("Bus France services Plaines et Monts de France", "bus-plaines-et-monts-de-france"),
        ("France services La Poste d'Égreville", "la-poste-degreville"),
        ("France services", "france-services"),
        ("France services Recherche", "recherche-fs"),
    ],
)
def test_page_address_is_read_from_the_name(name, slug):
    assert base_slug(name) == slug


def test_page_addresses_stay_unique():
    assert unique_slug("France services Avon", {"avon", "avon-2"}) == "avon-3"


def test_saving_gives_a_slug_once_and_finds_the_commune():
    structure = StructureFactory(name="France services Pimms Médiation Melun")
    assert structure.slug == "pimms-mediation-melun"
    assert structure.commune == Commune.objects.get(code="77288")
    assert structure.arrondissement_name == "Melun"
    structure.name = "France services PIMMS de Melun"
    structure.save()
    assert structure.slug == "pimms-mediation-melun"


def test_two_structures_with_the_same_name_get_two_addresses():
    first = StructureFactory(name="France services Avon")
    second = StructureFactory(name="France services Avon")
    assert (first.slug, second.slug) == ("avon", "avon-2")


def test_itinerant_structure_is_placed_by_its_stops():
    structure = StructureFactory(commune_name="", postcode="", insee_code="")
    for code in ("77186", "77389", "77186"):
        StopFactory(structure=structure, commune=Commune.objects.get(code=code))
    assert structure.place_label == "Fontainebleau, La Rochette"


def test_invitation_mode_replaces_the_opening_status():
    structure = weekdays_nine_to_five(StructureFactory(reception=Structure.Reception.INVITATION))
    assert structure.status_text() == "Sur invitation de votre conseiller ou conseillère (CPIP)"


def test_list_loading_gives_what_the_orm_gives():
    melun = weekdays_nine_to_five(StructureFactory())
    ClosureFactory(structure=melun, start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2020, 1, 2))
    ClosureFactory(structure=melun)
    itinerant = StructureFactory(commune_name="", postcode="", insee_code="")
    StopFactory(structure=itinerant, commune=Commune.objects.get(code="77284"))
    now = datetime.datetime(2025, 3, 11, 10, tzinfo=datetime.UTC)
    for loaded, orm in zip(
        Structure.objects.order_by("pk").as_list(),
        Structure.objects.order_by("pk").prefetch_for_list(),
        strict=True,
    ):
        assert loaded.place_label == orm.place_label
        assert loaded.status_text(now) == orm.status_text(now)
        assert loaded.schedule.weekly == orm.schedule.weekly
        assert loaded.schedule.upcoming_closures(datetime.date.today()) == orm.schedule.upcoming_closures(
            datetime.date.today()
        )


def test_in_department_leaves_other_departements_out():
    StructureFactory(department="91")
    melun = StructureFactory()
    assert list(Structure.objects.in_department()) == [melun]


def test_a_to_z_ignores_accents_and_places_itinerant_ones_by_their_stops():
    egreville = StructureFactory(name="France services La Poste d'Égreville", commune_name="Égreville")
    melun = StructureFactory(name="France services Pimms Médiation Melun")
    itinerant = StructureFactory(name="France services itinérante du SPIP", commune_name="", postcode="")
    StopFactory(structure=itinerant, commune=Commune.objects.get(code="77186"))
    (group,) = alphabetical(Structure.objects.as_list())
    assert group.structures == [egreville, itinerant, melun]
