"""Download the DILA's zip of every sheet, for the daily synchronisation (``--url``).

The zip is written to a temporary file, then imported; when the download fails (network,
HTTP error, a file too big, not a zip) ``DownloadFailed`` says why in French and nothing is
imported or changed. Only http(s) addresses are accepted.
"""

import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

# The national zip weighs a few tens of megabytes.
MAX_DOWNLOAD_BYTES = 500 * 1024 * 1024
TIMEOUT_SECONDS = 60
CHUNK = 1024 * 1024


class DownloadFailed(Exception):
    pass


def _fetch(url, file, max_bytes, timeout):
    request = urllib.request.Request(url, headers={"User-Agent": "portail-france-services-77"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked
            size = 0
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise DownloadFailed(
                        _("le fichier dépasse %(max)s octets : téléchargement arrêté") % {"max": max_bytes}
                    )
                file.write(chunk)
    except urllib.error.HTTPError as error:
        raise DownloadFailed(_("le serveur a répondu %(code)s") % {"code": error.code}) from None
    except urllib.error.URLError as error:
        raise DownloadFailed(_("serveur injoignable (%(reason)s)") % {"reason": error.reason}) from None
    except (TimeoutError, OSError) as error:
        raise DownloadFailed(_("téléchargement interrompu (%(error)s)") % {"error": error}) from None


@contextmanager
def downloaded_zip(url, max_bytes=MAX_DOWNLOAD_BYTES, timeout=TIMEOUT_SECONDS):
    """The zip at ``url`` as a local path, removed afterwards. Raises ``DownloadFailed``."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise DownloadFailed(_("adresse refusée : seules les adresses http:// et https:// sont acceptées"))
    folder = Path(tempfile.mkdtemp(prefix="service-public-"))
    try:
        path = folder / "vosdroits-latest.zip"
        with open(path, "wb") as file:
            _fetch(url, file, max_bytes, timeout)
        if not zipfile.is_zipfile(path):
            raise DownloadFailed(_("le fichier reçu n'est pas un zip"))
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)
