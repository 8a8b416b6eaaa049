"""Import the official list of France services (ANCT, data.gouv.fr) into ``Structure``.

The file's format (columns, hours, codes) and its reading are in ``official_file.py``. The import:

- stops before writing anything when the file is not this CSV (empty, binary, another encoding,
  wrong columns), with a message in French (``FileRejected``);
- is idempotent: a second run of the same file changes nothing;
- updates only the fields that come from the file, never what editors added (partners,
  accessibility, reception mode, closures, stops, slug);
- keeps a row with a malformed value (hours such as "00:00 - 00:00 / 09:00 - 12:00", "9h-12h",
  "fermé"), loses nothing else, and says what it did in the report, one line per problem;
- reports the structures that are no longer in the file, and deletes nothing;
- reads the week from an optional ``opening_hours`` column (OpenStreetMap syntax) when a row has it;
- names, for each structure, the fields that change with their old and new values, and first the
  changes an editor made by hand that the file overwrites (``import_report.py``).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.search.backends import get_search_backends

from . import spreadsheet
from .import_report import ImportReport, Problem, StructureChanges, baseline, compare
from .models import Commune, OpeningHours, Structure
from .official_file import (
    APPOINTMENT,
    COLUMNS,
    FILE_FIELDS,
    FORMATS,
    HOURS_COLUMNS,
    INSEE_CODE,
    KINDS,
    LABEL_DATE,
    OSM_COLUMN,
    POSTCODE,
    FileRejected,
    decode,
    parse_hours,
    plain,
    read_rows,
)
from .osm_hours import InvalidOpeningHours, read_opening_hours
from .signals import structures_imported
from .slugs import unique_slug


@dataclass
class ParsedRow:
    line: int
    id_fs: str
    values: dict
    hours: dict


class RowParser:
    """Turns one row of the file into model values, noting every problem."""

    def __init__(self, header, report):
        self.header = header
        self.report = report
        self.name = ""  # the structure of the row being read, named in its problems
        self.today = timezone.localdate()

    def problem(self, line, column, value, action):
        self.report.problems.append(Problem(line, column, value, action, self.name))

    def text(self, line, row, column, max_length):
        value = " ".join(row[column].split())
        if len(value) > max_length:
            self.problem(line, column, value, _("trop long, coupé à %(n)s caractères") % {"n": max_length})
            value = value[:max_length]
        return value

    def parse(self, line, values):
        names = values[self.header.index("lib_fs") :][:1]
        self.name = " ".join(names[0].split()) if names else ""
        if len(values) < len(self.header):
            self.problem(
                line,
                "—",
                ",".join(values),
                _("%(found)s colonnes au lieu de %(expected)s : ligne ignorée")
                % {"found": len(values), "expected": len(self.header)},
            )
            return None
        row = self.formulas(line, dict(zip(self.header, values, strict=False)))
        id_fs = row["id_fs"].strip()
        if not id_fs or len(id_fs) > 20:
            self.problem(line, "id_fs", id_fs, _("identifiant absent ou trop long : ligne ignorée"))
            return None
        name = self.text(line, row, "lib_fs", 255)
        if not name:
            self.problem(line, "lib_fs", "", _("nom absent : ligne ignorée"))
            return None
        parsed = {
            "department": self.department(row["insee_dep"]),
            "name": name,
            "address": self.text(line, row, "adresse", 255),
            "address_complement": self.text(line, row, "complement_adresse", 255),
            "insee_code": self.matching(line, row, "insee_com", INSEE_CODE),
            "postcode": self.postcode(line, row),
            "commune_name": self.text(line, row, "lib_com", 150),
            "email": self.email(line, row),
            "phone": self.text(line, row, "telephone", 30),
            "appointment_required": self.choice(line, row, "prise_rdv", APPOINTMENT, None),
            "comment": row["commentaire"].strip(),
            "kind": self.choice(line, row, "type_fs", KINDS, ""),
            "format": self.choice(line, row, "format_fs", FORMATS, ""),
            "group": self.text(line, row, "groupe_fs", 255),
            "labelled_on": self.label_date(line, row),
        }
        parsed["latitude"], parsed["longitude"] = self.coordinates(line, row)
        hours = self.opening_hours(line, row)
        if hours is None:
            hours = {}
            for weekday, column in enumerate(HOURS_COLUMNS):
                ranges, notes = parse_hours(row[column])
                if notes:
                    self.problem(line, column, row[column].strip(), " ; ".join(notes))
                if ranges:
                    hours[weekday] = ranges
        return ParsedRow(line, id_fs, parsed, hours)

    def formulas(self, line, row):
        """Note the cells a spreadsheet would run as a formula; the value is kept as it is."""
        for column in COLUMNS:
            row[column] = spreadsheet.unquote(row[column])  # a file exported by this portal
            if spreadsheet.is_formula(row[column]):
                self.problem(
                    line,
                    column,
                    row[column],
                    _(
                        "commence comme une formule de tableur : gardée telle quelle, l'export CSV la rend inoffensive"
                    ),
                )
        return row

    def opening_hours(self, line, row):
        """The week from an ``opening_hours`` column (OpenStreetMap syntax), when the file has one.

        None when there is none or it cannot be read (the h_lundi… columns are read instead).
        Its closures and public holidays are editors' fields: the import leaves them.
        """
        value = row.get(OSM_COLUMN, "").strip()
        if not value:
            return None
        try:
            read = read_opening_hours(value, self.today)
        except InvalidOpeningHours as error:
            self.problem(line, OSM_COLUMN, value, f"{error} " + _("Colonnes h_lundi… lues à la place."))
            return None
        if read.closures:
            self.problem(
                line,
                OSM_COLUMN,
                value,
                _("fermetures non importées : saisissez-les dans la fiche de la structure"),
            )
        return read.weekly

    @staticmethod
    def department(value):
        value = value.strip().upper()
        return value.zfill(2) if value.isdigit() and len(value) < 2 else value[:3]

    def matching(self, line, row, column, pattern):
        value = row[column].strip().upper()
        if value and not pattern.fullmatch(value):
            self.problem(line, column, value, _("valeur impossible, laissée vide"))
            return ""
        return value

    def postcode(self, line, row):
        value = row["code_postal"].strip()
        if value.isdigit() and len(value) == 4:
            self.problem(
                line,
                "code_postal",
                value,
                _("zéro du début perdu, lu comme %(code)s") % {"code": "0" + value},
            )
            return "0" + value
        if value and not POSTCODE.fullmatch(value):
            self.problem(line, "code_postal", value, _("code postal impossible, laissé vide"))
            return ""
        return value

    def email(self, line, row):
        value = row["mail"].strip()
        if not value:
            return ""
        try:
            validate_email(value)
        except ValidationError:
            self.problem(line, "mail", value, _("adresse e-mail impossible, laissée vide"))
            return ""
        return value

    def choice(self, line, row, column, choices, default):
        value = row[column].strip()
        if not value:
            return default
        key = plain(value)
        if key not in choices:
            self.problem(line, column, value, _("valeur inconnue, laissée vide"))
            return default
        return choices[key]

    def label_date(self, line, row):
        value = row["labellisation_fs"].strip()
        if not value:
            return None
        match = LABEL_DATE.search(value)
        try:
            return datetime.datetime.strptime(match[1], "%d/%m/%Y").date()
        except (TypeError, ValueError):
            self.problem(line, "labellisation_fs", value, _("date illisible, laissée vide"))
            return None

    def coordinates(self, line, row):
        try:
            latitude = float(row["latitude"].strip().replace(",", "."))
            longitude = float(row["longitude"].strip().replace(",", "."))
        except ValueError:
            if row["latitude"].strip() or row["longitude"].strip():
                value = f"{row['latitude'].strip()} {row['longitude'].strip()}"
                self.problem(line, "latitude, longitude", value, _("coordonnées illisibles, laissées vides"))
            return None, None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            value = f"{latitude} {longitude}"
            self.problem(line, "latitude, longitude", value, _("coordonnées impossibles, laissées vides"))
            return None, None
        return latitude, longitude


def import_france_services(data, department=None, dry_run=False):
    """Import the official CSV ``data`` (bytes). Returns an ``ImportReport``; raises ``FileRejected``.

    ``department`` ("77") keeps only that département's rows; ``dry_run`` writes nothing.
    """
    report = ImportReport(dry_run=dry_run, department=department or "")
    header, rows = read_rows(decode(data))
    parser = RowParser(header, report)
    parsed_rows, seen = [], {}
    for line, values in rows:
        parsed = parser.parse(line, values)
        if parsed is None:
            report.skipped += 1
            continue
        if department and parsed.values["department"] != department:
            report.other_departments += 1
            continue
        if parsed.id_fs in seen:
            parser.problem(
                line,
                "id_fs",
                parsed.id_fs,
                _("déjà vu ligne %(line)s : ligne ignorée") % {"line": seen[parsed.id_fs]},
            )
            report.skipped += 1
            continue
        seen[parsed.id_fs] = line
        parsed_rows.append(parsed)

    existing = {s.id_fs: s for s in Structure.objects.exclude(id_fs=None)}
    stored_hours = OpeningHours.objects.weekly_ranges()
    scope = [s for s in existing.values() if not department or s.department == department]
    report.missing = sorted((s for s in scope if s.id_fs not in seen), key=lambda s: s.name)
    communes = {c.code: c for c in Commune.objects.all()}
    taken = set(Structure.objects.values_list("slug", flat=True))
    now = timezone.now()

    to_create, to_update, baselines_only, hours_to_replace = [], [], [], {}
    for parsed in parsed_rows:
        structure = existing.get(parsed.id_fs)
        if structure is None:
            structure = Structure(id_fs=parsed.id_fs, **parsed.values)
            structure.imported = baseline(parsed.values, parsed.hours)
            structure.slug = unique_slug(structure.name, taken)
            taken.add(structure.slug)
            structure.commune = communes.get(structure.insee_code)
            to_create.append((structure, parsed.hours))
            continue
        changes = compare(structure, parsed.values, parsed.hours, stored_hours.get(structure.pk, {}))
        if stored_hours.get(structure.pk, {}) != parsed.hours:
            hours_to_replace[structure.pk] = (structure, parsed.hours)
        new_baseline = baseline(parsed.values, parsed.hours)
        if not changes:
            report.unchanged += 1
            if structure.imported != new_baseline:  # the file agrees with an editor's change
                structure.imported = new_baseline
                baselines_only.append(structure)
            continue
        report.changes.append(StructureChanges(parsed.line, parsed.values["name"], changes))
        for name in FILE_FIELDS:
            setattr(structure, name, parsed.values[name])
        structure.commune = communes.get(structure.insee_code)
        structure.imported = new_baseline
        structure.updated_at = now
        to_update.append(structure)
    report.created = len(to_create)
    report.updated = len(to_update)
    if dry_run or not (to_create or to_update or baselines_only):
        return report

    with transaction.atomic():
        created = Structure.objects.bulk_create(
            [structure for structure, _hours in to_create], batch_size=500
        )
        Structure.objects.bulk_update(
            to_update, FILE_FIELDS + ["commune", "imported", "updated_at"], batch_size=500
        )
        Structure.objects.bulk_update(baselines_only, ["imported"], batch_size=500)
        OpeningHours.objects.filter(structure_id__in=list(hours_to_replace)).delete()
        new_hours = [
            row for structure, hours in to_create for row in OpeningHours.rows_for(structure.pk, hours)
        ]
        new_hours += [
            row
            for structure, hours in hours_to_replace.values()
            for row in OpeningHours.rows_for(structure.pk, hours)
        ]
        OpeningHours.objects.bulk_create(new_hours, batch_size=1000)
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(Structure, created + to_update)
        structures_imported.send(sender=Structure, structures=created + to_update)
    return report


def import_path(path, department=None, dry_run=False):
    """Import the file at ``path``: what the management command runs."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise FileRejected(
            _("Impossible de lire le fichier « %(path)s » : %(error)s.")
            % {"path": path, "error": error.strerror}
        ) from None
    return import_france_services(data, department=department, dry_run=dry_run)
