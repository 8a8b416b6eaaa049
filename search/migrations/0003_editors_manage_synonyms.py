"""Editors manage the synonyms in the Wagtail admin."""

from django.db import migrations

from home.groups import EDITORS, grant, model_codenames


def grant_editors(apps, schema_editor):
    grant(apps, EDITORS, "search", model_codenames("synonym"))


def revoke_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="search", codename__in=model_codenames("synonym")
    )
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_postgres_french_search"),
        ("home", "0003_create_groups"),
    ]

    operations = [migrations.RunPython(grant_editors, revoke_editors)]
