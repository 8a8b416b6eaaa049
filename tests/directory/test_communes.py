"""Finding a commune the way people type it, and the structures nearest to it."""

from dataclasses import dataclass

import pytest

from directory.communes import CommuneIndex, distance_km, find_communes, normalize, suggest_communes
from directory.models import Commune, Structure
from tests.directory.factories import StopFactory, StructureFactory


def names(communes):
    return [commune.name for commune in communes]


@dataclass
class FakeCommune:
    name: str
    postcode_list: list


def test_normalize_ignores_accents_case_hyphens_and_saint_abbreviations():
    assert normalize("ST-FARGEAU-PONTHIERRY") == "saint fargeau ponthierry"
    assert normalize("Ste Colombe") == "sainte colombe"
    assert normalize("Dammartin-en-Goële") == "dammartin en goele"
    assert normalize("  Œuilly  ") == "oeuilly"


def test_apostrophes_of_both_kinds_are_word_breaks():
    index = CommuneIndex([FakeCommune("Villeneuve-d'Ascq", ["59650"])])
    assert names(index.find("villeneuve d ascq")) == ["Villeneuve-d'Ascq"]
    assert names(index.find("Villeneuve d’Ascq")) == ["Villeneuve-d'Ascq"]


@pytest.mark.django_db
class TestFindCommunes:
    @pytest.mark.parametrize(
        "typed",
        ["dammartin en goele", "Dammartin-en-Goële", "DAMMARTIN EN GOELE", "  dammartin-en goële "],
    )
    def test_name_typed_any_way_finds_the_commune(self, typed):
        assert names(find_communes(typed)) == ["Dammartin-en-Goële"]

    def test_st_for_saint(self):
        assert names(find_communes("st fargeau")) == ["Saint-Fargeau-Ponthierry"]

    def test_ste_for_sainte(self):
        assert names(find_communes("ste colombe")) == ["Sainte-Colombe"]

    def test_leading_article_may_be_left_out(self):
        assert names(find_communes("ferte sous jouarre")) == ["La Ferté-sous-Jouarre"]
        assert names(find_communes("le mee sur seine")) == ["Le Mée-sur-Seine"]

    def test_exact_name_wins_over_longer_names(self):
        # "Meaux" is also the start of nothing else, but "Melun" must not list "Melz-sur-Seine".
        assert names(find_communes("melun")) == ["Melun"]

    def test_start_of_a_name_lists_every_commune_it_begins(self):
        assert names(find_communes("dammartin")) == ["Dammartin-en-Goële", "Dammartin-sur-Tigeaux"]

    def test_postcode_shared_by_several_communes_lists_them_all(self):
        found = names(find_communes("77230"))
        assert len(found) == 13
        assert "Dammartin-en-Goële" in found and "Juilly" in found

    def test_postcode_with_a_space(self):
        assert names(find_communes("77 300")) == ["Fontainebleau"]

    def test_postcode_outside_the_departement_finds_nothing(self):
        assert find_communes("75001") == []

    def test_one_or_two_letters_find_nothing(self):
        assert find_communes("a") == []
        assert find_communes("") == []

    def test_misspelt_name_finds_nothing_but_gets_suggestions(self):
        assert find_communes("fontenblo") == []
        assert "Fontainebleau" in names(suggest_communes("fontenblo"))

    @pytest.mark.parametrize(
        ("typed", "expected"),
        [("coulomier", "Coulommiers"), ("melung", "Melun"), ("pontaut combault", "Pontault-Combault")],
    )
    def test_closest_name_comes_first(self, typed, expected):
        assert names(suggest_communes(typed))[0] == expected

    def test_nonsense_gets_no_suggestion(self):
        assert suggest_communes("xyzzy") == []


def test_distance_paris_lyon_is_about_392_km():
    assert 388 < distance_km((48.8566, 2.3522), (45.7640, 4.8357)) < 396


def test_distance_to_itself_is_zero():
    assert distance_km((48.5, 2.6), (48.5, 2.6)) == 0


@pytest.mark.django_db
class TestNearestTo:
    def test_structures_come_nearest_first_with_their_distance(self):
        meaux = StructureFactory(name="Meaux", insee_code="77284", latitude=48.95497, longitude=2.911934)
        melun = StructureFactory(name="Melun")
        nearby = Structure.objects.nearest_to(Commune.objects.get(name="Fontainebleau"))
        assert [item.structure for item in nearby] == [melun, meaux]
        assert 13 < nearby[0].distance_km < 17  # Melun is about 15 km from Fontainebleau

    def test_itinerant_structure_counts_from_its_nearest_stop(self):
        StructureFactory(name="Melun")
        itinerant = StructureFactory(
            name="SPIP", latitude=None, longitude=None, insee_code="", commune_name=""
        )
        StopFactory(structure=itinerant, commune=Commune.objects.get(code="77186"))
        nearest = Structure.objects.nearest_to(Commune.objects.get(code="77186"), limit=1)[0]
        assert nearest.structure == itinerant
        assert nearest.distance_km == 0

    def test_structure_with_no_known_place_is_left_out(self):
        StructureFactory(latitude=None, longitude=None)
        assert Structure.objects.nearest_to(Commune.objects.get(code="77186")) == []
