"""The official list of France services (ANCT, data.gouv.fr): its format, read and written.

UTF-8, comma-separated, one structure per row keyed by ``id_fs``, in the columns of ``COLUMNS``.
Hours per weekday read "09:00 - 12:00 / 13:30 - 17:00"; the labelling date "Espace labellisé
01/08/2024"; the appointment column "Oui" or "Non". The import (``importers.py``) reads this
format, the open data (``opendata.py``) writes it back, so that an export imports again.
"""

import csv
import datetime
import io
import re
import unicodedata

from django.utils.translation import gettext as _

from .models import Structure

COLUMNS = [
    "id_fs",
    "insee_dep",
    "lib_fs",
    "adresse",
    "complement_adresse",
    "insee_com",
    "code_postal",
    "lib_com",
    "latitude",
    "longitude",
    "mail",
    "telephone",
    "h_lundi",
    "h_mardi",
    "h_mercredi",
    "h_jeudi",
    "h_vendredi",
    "h_samedi",
    "prise_rdv",
    "commentaire",
    "type_fs",
    "format_fs",
    "groupe_fs",
    "labellisation_fs",
]
HOURS_COLUMNS = ["h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi"]
# Optional: the week in OpenStreetMap's syntax ("Mo-Fr 09:00-12:00; PH off"). When a row has it,
# the import reads the hours from it rather than from the h_lundi… columns.
OSM_COLUMN = "opening_hours"

# Model fields that come from the file: the only ones an import writes.
FILE_FIELDS = [
    "department",
    "name",
    "address",
    "address_complement",
    "insee_code",
    "postcode",
    "commune_name",
    "latitude",
    "longitude",
    "email",
    "phone",
    "appointment_required",
    "comment",
    "kind",
    "format",
    "group",
    "labelled_on",
]

FORMATS = {
    "fixe": Structure.Format.FIXED,
    "multisites": Structure.Format.MULTISITE,
    "bus_equivalent": Structure.Format.BUS,
    "fixe_antenne(s)": Structure.Format.ANTENNA,
    "itinerante": Structure.Format.ITINERANT,
}
FILE_FORMATS = {
    Structure.Format.FIXED: "Fixe",
    Structure.Format.MULTISITE: "Multisites",
    Structure.Format.BUS: "Bus_équivalent",
    Structure.Format.ANTENNA: "Fixe_antenne(s)",
    Structure.Format.ITINERANT: "Itinérante",
}
KINDS = {"principal": Structure.Kind.MAIN, "antenne": Structure.Kind.ANTENNA}
FILE_KINDS = {Structure.Kind.MAIN: "Principal", Structure.Kind.ANTENNA: "Antenne"}
APPOINTMENT = {"oui": True, "non": False}
FILE_APPOINTMENT = {True: "Oui", False: "Non", None: ""}
CLOSED_WORDS = {"ferme", "fermee", "ferme toute la journee", "closed"}

STANDARD_RANGE = re.compile(r"(\d{2}):(\d{2}) - (\d{2}):(\d{2})")
LENIENT_RANGE = re.compile(
    r"(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?\s*(?:-|–|—|à|a)\s*(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?",
)
LABEL_DATE = re.compile(r"(\d{1,2}/\d{1,2}/\d{4})")
INSEE_CODE = re.compile(r"[0-9][0-9AB][0-9]{3}")
POSTCODE = re.compile(r"\d{5}")
# Binary files (PDF, spreadsheet, image) show a null byte early on.
BINARY_SNIFF_BYTES = 8192


class FileRejected(Exception):
    """The file is not the official CSV: nothing was written. The message is for the editor."""


def plain(text):
    """Lower case, no accents, trimmed: to compare words such as "Itinérante" or "Fermé"."""
    text = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def _time(hour, minute):
    try:
        return datetime.time(int(hour), int(minute or 0))
    except ValueError:
        return None


def parse_hours(value):
    """Read one day: "09:00 - 12:00 / 14:00 - 17:00" → ([(9:00, 12:00), (14:00, 17:00)], notes).

    Malformed parts are dropped or read leniently, and each such decision becomes a note.
    At most two ranges per day are kept (the model's morning and afternoon).
    """
    text = value.strip()
    if not text:
        return [], []
    if not text[0].isdigit() and plain(text).strip(" .!") in CLOSED_WORDS:
        return [], [_("compris comme « fermé ce jour-là »")]
    ranges, notes = [], []
    for part in re.split(r"\s*[/;,]\s*|\s+et\s+", text):
        if not part:
            continue
        standard = STANDARD_RANGE.fullmatch(part)
        match = standard or LENIENT_RANGE.fullmatch(part)
        if not match:
            notes.append(_("plage « %(part)s » illisible, ignorée") % {"part": part})
            continue
        start, end = _time(match[1], match[2]), _time(match[3], match[4])
        if start is None or end is None:
            notes.append(_("plage « %(part)s » : heure impossible, ignorée") % {"part": part})
            continue
        if start == end:
            notes.append(_("plage vide « %(part)s » ignorée") % {"part": part})
            continue
        if end < start:
            notes.append(_("plage « %(part)s » à l'envers, ignorée") % {"part": part})
            continue
        if not standard:
            notes.append(
                _("« %(part)s » lu comme %(range)s")
                % {"part": part, "range": format_file_hours([(start, end)])}
            )
        ranges.append((start, end))
    ranges.sort()
    if len(ranges) > 2:
        notes.append(
            _("plus de deux plages : gardé %(kept)s, ignoré %(dropped)s")
            % {"kept": format_file_hours(ranges[:2]), "dropped": format_file_hours(ranges[2:])}
        )
        ranges = ranges[:2]
    if not ranges:
        notes.append(_("aucune plage lisible : jour laissé sans horaires"))
    elif notes:
        notes.append(_("gardé %(kept)s") % {"kept": format_file_hours(ranges)})
    return ranges, notes


def format_file_hours(ranges):
    """[(9:00, 12:00), (14:00, 17:00)] → "09:00 - 12:00 / 14:00 - 17:00", as in the official file."""
    return " / ".join(f"{start:%H:%M} - {end:%H:%M}" for start, end in ranges)


def format_label_date(day):
    """2024-08-01 → "Espace labellisé 01/08/2024", as in the official file; "" without a date."""
    return f"Espace labellisé {day:%d/%m/%Y}" if day else ""


def decode(data):
    """The file's text, or ``FileRejected`` if it is empty, binary or not UTF-8."""
    if not data or not data.strip():
        raise FileRejected(_("Le fichier est vide."))
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise FileRejected(
            _("Ce fichier n'est pas un fichier texte (CSV). Vérifiez que vous avez choisi le bon fichier.")
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileRejected(
            _(
                "Le fichier n'est pas encodé en UTF-8 (premier caractère illisible à la ligne %(line)s). "
                "Enregistrez-le au format « CSV UTF-8 », puis recommencez."
            )
            % {"line": line}
        ) from None


def read_rows(text):
    """(header, [(line number, [values])]) from the CSV text, after checking its header and rows."""
    header_line = text.split("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(header_line, delimiters=",;\t")
    except csv.Error:
        raise FileRejected(
            _(
                "Ce fichier n'est pas la liste des France services : sa première ligne ne donne pas les colonnes."
            )
        ) from None
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=dialect.delimiter, quotechar='"', strict=True
    )
    try:
        header = [name.strip().lower() for name in next(reader)]
        missing = [name for name in COLUMNS if name not in header]
        if missing:
            raise FileRejected(
                _(
                    "Ce fichier n'est pas la liste des France services de l'ANCT : "
                    "il lui manque %(count)s colonne(s) : %(columns)s."
                )
                % {"count": len(missing), "columns": ", ".join(missing)}
            )
        rows = []
        line = reader.line_num + 1
        for values in reader:
            if any(value.strip() for value in values):
                rows.append((line, values))
            line = reader.line_num + 1
    except csv.Error:
        raise FileRejected(
            _(
                "Ligne %(line)s : le fichier est mal formé (un guillemet n'est pas fermé, ou une valeur est "
                "beaucoup trop longue). Rien n'a été importé."
            )
            % {"line": reader.line_num}
        ) from None
    if not rows:
        raise FileRejected(
            _("Le fichier ne contient que la ligne des colonnes : aucune structure à importer.")
        )
    return header, rows
