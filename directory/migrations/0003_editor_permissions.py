"""Editors ("Éditeurs") manage the France services structures and import the official list."""

from django.db import migrations

from home.groups import EDITORS, grant, model_codenames


def grant_editors(apps, schema_editor):
    grant(
        apps,
        EDITORS,
        "directory",
        model_codenames("structure", "openinghours", "closure", "stop") + ["import_structures"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_load_communes"),
        ("home", "0003_create_groups"),
    ]

    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
