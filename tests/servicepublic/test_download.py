"""``import_service_public --url``: the daily download, tried on a loopback server (never the real network)."""

import functools
import http.server
import threading
import zipfile

from django.core.management.base import CommandError

import pytest

from servicepublic.models import OfficialSheet
from tests.servicepublic.conftest import SHARED_IDS, run_import, sheet_bytes

pytestmark = pytest.mark.django_db


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass  # tests print nothing


@pytest.fixture
def server(tmp_path):
    """An HTTP server on 127.0.0.1 serving ``tmp_path``; yields its base address."""
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def national_zip(tmp_path):
    with zipfile.ZipFile(tmp_path / "vosdroits-latest.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for identifier in SHARED_IDS:
            archive.writestr(f"{identifier}.xml", sheet_bytes(identifier))
    return tmp_path / "vosdroits-latest.zip"


@pytest.fixture
def one_sheet_imported(xml_dir):
    run_import(xml_dir / "F265.xml")
    return list(OfficialSheet.objects.values_list("identifier", "content_hash"))


def test_the_zip_is_downloaded_then_imported(server, national_zip):
    report = run_import(url=f"{server}/vosdroits-latest.zip")
    assert report.startswith("8 fiches ajoutées")
    assert OfficialSheet.objects.count() == 8


def test_a_missing_file_on_the_server_changes_nothing_and_says_why(server, one_sheet_imported):
    with pytest.raises(CommandError) as error:
        run_import(url=f"{server}/absent.zip")
    assert str(error.value) == (
        f"Téléchargement de {server}/absent.zip impossible : le serveur a répondu 404. Rien n'a changé."
    )
    assert list(OfficialSheet.objects.values_list("identifier", "content_hash")) == one_sheet_imported


def test_a_server_that_does_not_answer_changes_nothing(one_sheet_imported):
    with pytest.raises(CommandError, match="serveur injoignable .* Rien n'a changé"):
        run_import(url="http://127.0.0.1:9/vosdroits-latest.zip")  # port 9: nothing listens there
    assert list(OfficialSheet.objects.values_list("identifier", "content_hash")) == one_sheet_imported


def test_a_download_that_is_not_a_zip_changes_nothing(server, tmp_path, one_sheet_imported):
    (tmp_path / "page.html").write_text("<html>Maintenance</html>")
    with pytest.raises(CommandError, match="n'est pas un zip. Rien n'a changé"):
        run_import(url=f"{server}/page.html")
    assert list(OfficialSheet.objects.values_list("identifier", "content_hash")) == one_sheet_imported


def test_only_web_addresses_are_downloaded(tmp_path, national_zip):
    with pytest.raises(CommandError, match="seules les adresses http:// et https:// sont acceptées"):
        run_import(url=f"file://{national_zip}")
    assert OfficialSheet.objects.count() == 0
