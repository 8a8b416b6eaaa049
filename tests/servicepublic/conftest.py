import io
import shutil
from pathlib import Path

from django.core.management import call_command

import pytest

from guides.models import OfficialSheetLink
from servicepublic.demo import DEMO_XML
from servicepublic.importer import import_sheets
from servicepublic.models import OfficialSheet
from tests.guides.factories import GuideIndexPageFactory, TopicPageFactory

SHARED_IDS = ["F1341", "F1407", "F1531", "F1636", "F19778", "F265", "F2882", "N19775"]


def sheet_bytes(identifier):
    return (DEMO_XML / f"{identifier}.xml").read_bytes()


def run_import(*paths, **options):
    """``import_service_public`` as a command: its report (stdout)."""
    out = io.StringIO()
    call_command("import_service_public", *map(str, paths), stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def xml_dir(tmp_path):
    """A copy of the 8 shared sheets that a test may change."""
    folder = tmp_path / "xml"
    shutil.copytree(DEMO_XML, folder)
    return folder


@pytest.fixture
def imported(db):
    """The 8 shared sheets, imported."""
    return import_sheets([DEMO_XML])


def write(folder, name, text):
    path = Path(folder) / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


@pytest.fixture
def topic(home_page):
    index = GuideIndexPageFactory(parent=home_page)
    return TopicPageFactory(parent=index, title="Avoir de l'argent pour vivre", slug="argent")


def link(sheet, identifier):
    """Link an easy-to-read sheet to the official sheet ``identifier`` as an editor would, and publish."""
    sheet.official_sheet_links = [
        OfficialSheetLink(official_sheet=OfficialSheet.objects.get(identifier=identifier))
    ]
    sheet.save_revision().publish()
    return sheet
