"""Editors and FALC reviewers read the official sheets (and choose them on a sheet); the import writes them."""

from django.db import migrations

from home.groups import EDITORS, FALC_REVIEWERS, grant


def grant_view(apps, schema_editor):
    for group in (EDITORS, FALC_REVIEWERS):
        grant(apps, group, "servicepublic", ["view_officialsheet"])


class Migration(migrations.Migration):
    dependencies = [
        ("servicepublic", "0001_official_sheet"),
        ("home", "0003_create_groups"),
    ]

    operations = [migrations.RunPython(grant_view, migrations.RunPython.noop)]
