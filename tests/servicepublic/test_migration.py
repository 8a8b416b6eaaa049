"""guides/migrations/0005: the typed Service-Public.fr number and address become a chosen official sheet."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Locale, Page

import pytest

from guides.models import ProcedureSheetPage
from servicepublic.models import OfficialSheet

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("guides", "0008_block_labels_capitalised"), ("servicepublic", "0001_official_sheet")]
AFTER = [("guides", "0009_official_sheet_links")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_state(home_page):
    """The database just before the migration, and a way to add sheets the old way."""
    apps = migrate(BEFORE)
    OldSheet = apps.get_model("guides", "ProcedureSheetPage")
    OldOfficial = apps.get_model("servicepublic", "OfficialSheet")
    content_type_id = ContentType.objects.get_for_model(ProcedureSheetPage).pk
    locale_id = Locale.objects.get().pk
    parent = Page.objects.get(pk=home_page.pk)

    def old_sheet(slug, number="", url=""):
        position = OldSheet.objects.count() + 1
        return OldSheet.objects.create(
            title=slug,
            draft_title=slug,
            slug=slug,
            path=f"{parent.path}{9000 + position:04d}",
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            content_type_id=content_type_id,
            locale_id=locale_id,
            summary="Une démarche.",
            audience="Tout le monde.",
            body=[],
            last_checked_on="2026-01-01",
            review_interval_months=6,
            service_public_number=number,
            service_public_url=url,
        ).pk

    yield old_sheet, OldOfficial
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # back to today's schema


def numbers_after(sheet_pk):
    return ProcedureSheetPage.objects.get(pk=sheet_pk).official_sheet_numbers()


def test_a_number_becomes_a_link_to_a_placeholder_filled_by_the_next_import(old_state):
    old_sheet, _ = old_state
    pk = old_sheet("rsa", number="F19778", url="https://www.service-public.fr/particuliers/vosdroits/F19778")
    migrate(AFTER)
    assert numbers_after(pk) == "F19778"
    official = OfficialSheet.objects.get(identifier="F19778")
    assert official.is_placeholder
    assert official.public_url == "https://www.service-public.gouv.fr/particuliers/vosdroits/F19778"


def test_a_number_already_imported_links_the_imported_sheet(old_state):
    old_sheet, OldOfficial = old_state
    OldOfficial.objects.create(identifier="F265", title="Carte Vitale")
    pk = old_sheet("vitale", number="F265")
    migrate(AFTER)
    assert numbers_after(pk) == "F265"
    assert OfficialSheet.objects.get(identifier="F265").title == "Carte Vitale"


def test_an_address_alone_gives_its_number(old_state):
    old_sheet, _ = old_state
    pk = old_sheet("asso", url="https://www.service-public.fr/associations/vosdroits/F1131")
    migrate(AFTER)
    assert numbers_after(pk) == "F1131"
    assert OfficialSheet.objects.get(identifier="F1131").public_url == (
        "https://www.service-public.gouv.fr/associations/vosdroits/F1131"
    )


def test_a_sheet_without_number_gets_no_link(old_state):
    old_sheet, _ = old_state
    pk = old_sheet("sans")
    migrate(AFTER)
    assert numbers_after(pk) == ""
    assert not OfficialSheet.objects.exists()


def test_going_back_writes_the_number_and_its_address_again(old_state):
    old_sheet, _ = old_state
    pk = old_sheet("rsa", number="F19778")
    migrate(AFTER)
    apps = migrate(BEFORE)
    sheet = apps.get_model("guides", "ProcedureSheetPage").objects.get(pk=pk)
    assert (sheet.service_public_number, sheet.service_public_url) == (
        "F19778",
        "https://www.service-public.fr/particuliers/vosdroits/F19778",
    )
