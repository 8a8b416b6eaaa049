from pathlib import Path

import pytest

from tests.directory.factories import DirectoryPageFactory

DATA = Path(__file__).resolve().parent / "data"
SAMPLE_CSV = DATA / "structures_sample.csv"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test stores the PDF guide in its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def sample_csv():
    return SAMPLE_CSV.read_bytes()


@pytest.fixture
def directory_page(home_page):
    return DirectoryPageFactory(parent=home_page)
