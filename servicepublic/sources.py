"""Where the sheets to import come from: XML files, folders of them, or the DILA's zip.

Each source yields ``(name, data)`` pairs, one per XML file, or a ``Problem`` for a file that
cannot be read (the import goes on with the others). A path that does not exist, or a zip that
cannot be opened, stops everything before anything is written (``SourceRejected``).
Every file is read with a size cap, so a zip bomb cannot fill the memory.
"""

import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from .parser import MAX_SHEET_BYTES

# The national zip holds about 7,600 sheets and a few menus and lexicons.
MAX_ZIP_MEMBERS = 50_000


class SourceRejected(Exception):
    """A path given to the import cannot be used at all: nothing is imported."""


@dataclass
class Problem:
    """A file the import refused or could only partly read, and why."""

    name: str
    message: str
    line: int | None = None

    def __str__(self):
        if self.line:
            return _("%(name)s, ligne %(line)s : %(message)s") % {
                "name": self.name,
                "line": self.line,
                "message": self.message,
            }
        return f"{self.name} : {self.message}"


def _too_big(name, size):
    return Problem(
        name,
        _("fichier trop gros (%(size)s octets, %(max)s au plus)") % {"size": size, "max": MAX_SHEET_BYTES},
    )


def _read_file(path):
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_SHEET_BYTES + 1)
    except OSError as error:
        return Problem(str(path), _("illisible (%(error)s)") % {"error": error.strerror})
    return _too_big(str(path), path.stat().st_size) if len(data) > MAX_SHEET_BYTES else (str(path), data)


def _zip_members(path):
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise SourceRejected(
            _("Le zip « %(path)s » ne s'ouvre pas (%(error)s) : rien n'a été importé.")
            % {"path": path, "error": error}
        ) from None
    with archive:
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir() and info.filename.lower().endswith(".xml")
        ]
        if len(members) > MAX_ZIP_MEMBERS:
            raise SourceRejected(
                _(
                    "Le zip « %(path)s » contient %(count)s fichiers XML, %(max)s au plus : rien n'a été importé."
                )
                % {"path": path, "count": len(members), "max": MAX_ZIP_MEMBERS}
            )
        for info in members:
            name = f"{path.name}:{info.filename}"
            if info.file_size > MAX_SHEET_BYTES:
                yield _too_big(name, info.file_size)
                continue
            try:
                with archive.open(info) as member:
                    data = member.read(MAX_SHEET_BYTES + 1)
            except (OSError, zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError) as error:
                yield Problem(name, _("illisible dans le zip (%(error)s)") % {"error": error})
                continue
            yield _too_big(name, len(data)) if len(data) > MAX_SHEET_BYTES else (name, data)


def _folder_files(path):
    for file in sorted(path.rglob("*")):
        if file.is_file() and file.suffix.lower() == ".xml":
            yield _read_file(file)


def check_paths(paths):
    """Every path exists: else ``SourceRejected`` before anything is read."""
    missing = [str(path) for path in paths if not Path(path).exists()]
    if missing:
        raise SourceRejected(
            _("Introuvable : %(paths)s. Rien n'a été importé.") % {"paths": ", ".join(missing)}
        )


def read_sources(paths):
    """Yield ``(name, data)`` or ``Problem`` for every XML file under ``paths``."""
    check_paths(paths)
    for path in map(Path, paths):
        if path.is_dir():
            yield from _folder_files(path)
        elif path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
            yield from _zip_members(path)
        else:
            yield _read_file(path)
