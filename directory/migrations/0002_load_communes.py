"""Load the 507 communes of Seine-et-Marne (directory/data/communes-77.csv, see SOURCES.md there).

Reference data the commune search needs on every installation, not demo content.
"""

import csv
from pathlib import Path

from django.db import migrations

COMMUNES_FILE = Path(__file__).resolve().parent.parent / "data" / "communes-77.csv"


def load_communes(apps, schema_editor):
    Commune = apps.get_model("directory", "Commune")
    with COMMUNES_FILE.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    existing = set(Commune.objects.values_list("code", flat=True))
    Commune.objects.bulk_create(
        Commune(
            code=row["code_insee"],
            name=row["nom"],
            postcodes=row["codes_postaux"],
            population=int(row["population"]) if row["population"] else None,
            arrondissement=row["arrondissement"],
            epci_code=row["code_epci"],
            epci_name=row["nom_epci"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
        )
        for row in rows
        if row["code_insee"] not in existing
    )


def remove_communes(apps, schema_editor):
    apps.get_model("directory", "Commune").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_structures_and_communes")]

    operations = [migrations.RunPython(load_communes, remove_communes)]
