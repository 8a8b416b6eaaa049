"""Wagtail's default workflow asks the "Moderators" group to approve, a group 0003 removed.

Give that approval to the "Éditeurs" group and name it in French, so that a page
submitted for moderation outside the sheets (which have their own "Relecture FALC"
workflow) can be approved by an editor, not only by a superuser.
"""

from django.db import migrations

from home.groups import EDITORS

NAME = "Validation par les éditeurs"


def editors_approve(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.get(name=EDITORS)
    for task in GroupApprovalTask.objects.filter(name="Moderators approval"):
        task.name = NAME
        task.save(update_fields=["name"])
        task.groups.set([editors])
    Workflow.objects.filter(name="Moderators approval").update(name=NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_key_pages"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(editors_approve, migrations.RunPython.noop)]
