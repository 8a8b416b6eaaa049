"""The national partners: named as readers name them, and explained in everyday words."""

import importlib

from django.apps import apps

import pytest

from guides.models import Partner
from tests.guides.factories import PartnerFactory
from tests.html import french

pytestmark = pytest.mark.django_db

EVERYDAY_NAMES = {
    "caf": "Allocations familiales",
    "assurance-maladie": "Santé",
    "assurance-retraite": "Retraite",
    "finances-publiques": "Impôts",
    "france-travail": "Emploi",
    "msa": "Agriculteurs",
    "justice": "Justice",
    "interieur": "Papiers d'identité, permis, carte grise",
    "la-poste": "Courrier et banque",
    "france-renov": "Rénover son logement",
    "cheque-energie": "Aide pour payer l'énergie",
    "urssaf": "Cotisations",
    "agirc-arrco": "Retraite complémentaire",
}


def test_each_of_the_13_national_partners_has_an_everyday_name_and_an_explanation():
    partners = Partner.objects.all()
    assert {partner.slug: partner.everyday_name for partner in partners} == EVERYDAY_NAMES
    for partner in partners:
        assert 20 < len(partner.explanation) <= 250, partner.slug
        assert partner.explanation.endswith("."), partner.slug


def test_a_partner_is_named_with_its_acronym_once():
    assert str(Partner.objects.get(slug="interieur")) == "Ministère de l'Intérieur (ANTS)"
    assert str(Partner.objects.get(slug="finances-publiques")) == "Finances publiques (DGFiP)"
    assert str(Partner.objects.get(slug="urssaf")) == "Urssaf"


def test_lists_give_the_everyday_name_then_the_official_one():
    assert Partner.objects.get(slug="finances-publiques").label == "Impôts – Finances publiques (DGFiP)"
    assert Partner.objects.get(slug="justice").compact_name == "Justice"
    assert Partner.objects.get(slug="agirc-arrco").compact_name == "Retraite complémentaire (Agirc-Arrco)"


def test_a_partner_without_an_everyday_name_keeps_its_official_name():
    partner = PartnerFactory(name="Caisse de test", short_name="CT")
    assert (partner.label, partner.compact_name) == ("Caisse de test (CT)", "CT")


def test_the_data_migration_keeps_what_an_editor_wrote():
    migration = importlib.import_module("guides.migrations.0007_partner_everyday_names")
    Partner.objects.filter(slug="urssaf").update(explanation="Texte d'un éditeur.")
    Partner.objects.filter(slug="caf").update(everyday_name="", explanation="")
    migration.fill_everyday_names(apps, None)
    assert Partner.objects.get(slug="urssaf").explanation == "Texte d'un éditeur."
    assert Partner.objects.get(slug="caf").everyday_name == "Allocations familiales"


def test_a_sheet_names_its_partners_in_everyday_words(client, sheet):
    sheet.partners = Partner.objects.filter(slug="finances-publiques")
    sheet.save_revision().publish()
    html = client.get(sheet.url).content.decode()
    assert french("Qui s'en occupe : Impôts – Finances publiques (DGFiP).") in html


def test_sheets_are_found_by_a_partner_s_everyday_name(sheet):
    from guides.models import ProcedureSheetPage

    sheet.partners = Partner.objects.filter(slug="finances-publiques")
    sheet.save_revision().publish()
    assert [page.pk for page in ProcedureSheetPage.objects.live().search("impôts")] == [sheet.pk]
