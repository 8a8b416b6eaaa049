"""Editors ("Éditeurs") manage the units, the recurrence rules and the sessions in the Wagtail admin.

CPIPs get no admin rights: they book slots in the staff area.
"""

from django.db import migrations

from home.groups import EDITORS, grant, model_codenames

MODELS = ("probationunit", "sessionrule", "session")


def grant_editors(apps, schema_editor):
    grant(apps, EDITORS, "agenda", model_codenames(*MODELS))


def revoke_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="agenda", codename__in=model_codenames(*MODELS)
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0001_units_sessions_rules_bookings"),
        ("home", "0003_create_groups"),
    ]

    operations = [migrations.RunPython(grant_editors, revoke_editors)]
