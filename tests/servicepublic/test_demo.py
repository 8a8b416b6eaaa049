"""The demo imports the 8 shared official sheets and links each demo sheet that stands on one."""

import io

from django.core.management import call_command

import pytest

from guides.models import ProcedureSheetPage
from servicepublic.models import OfficialSheet
from tests.servicepublic.conftest import SHARED_IDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home_page):
    call_command("load_demo", stdout=io.StringIO())


def test_every_demo_sheet_on_a_shared_official_sheet_links_the_imported_one(demo):
    linked = {}
    for sheet in ProcedureSheetPage.objects.all():
        for official in sheet.official_sheets():
            linked.setdefault(official.identifier, []).append(sheet.title)
            assert official.is_placeholder == (official.identifier not in SHARED_IDS), sheet.title
    assert {"F19778", "F2882", "F1636", "F265", "F1341", "F1407"} <= set(linked)
    assert linked["F19778"] == ["Comment demander le RSA ?"]


def test_a_second_demo_load_imports_nothing_again(demo):
    assert sorted(OfficialSheet.objects.imported().values_list("identifier", flat=True)) == sorted(SHARED_IDS)
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "servicepublic: 0 fiches ajoutées, 0 modifiées, 8 inchangées" in out.getvalue()
