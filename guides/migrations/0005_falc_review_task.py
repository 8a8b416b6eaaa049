"""The readers' step of "Relecture FALC" records the validation on the sheet; skipping it is a right.

- FalcReviewTask: a group approval task whose approval writes "Relue en FALC le … par …"
  on the sheet. The workflow's first step (a plain group approval until now) becomes one,
  with the same name, groups and place in the workflow.
- "publish_without_falc_review": publishing a sheet straight from the editor needs it;
  no group gets it (Éditeurs submit sheets to the review), superusers have it.
"""

import django.db.models.deletion
from django.db import migrations, models

WORKFLOW_NAME = "Relecture FALC"
REVIEW_TASK = "Relecture par les lecteurs (FALC)"


def _swap_review_task(apps, from_model, to_model):
    """Replace the workflow's review step, a ``from_model`` task, by a ``to_model`` task."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    Old = apps.get_model(*from_model.split("."))
    New = apps.get_model(*to_model.split("."))
    app_label, model_name = to_model.lower().split(".")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    for old in Old.objects.filter(name=REVIEW_TASK):
        new = New.objects.create(name=old.name, active=old.active, content_type=content_type)
        new.groups.set(old.groups.all())
        WorkflowTask.objects.filter(task_id=old.pk).update(task_id=new.pk)
        if TaskState.objects.filter(task_id=old.pk).exists():
            Old.objects.filter(pk=old.pk).update(active=False)  # keeps the history of past reviews
        else:
            old.delete()


def use_falc_review_task(apps, schema_editor):
    _swap_review_task(apps, "wagtailcore.GroupApprovalTask", "guides.FalcReviewTask")


def use_group_approval_task(apps, schema_editor):
    _swap_review_task(apps, "guides.FalcReviewTask", "wagtailcore.GroupApprovalTask")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("guides", "0004_falc_review_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="proceduresheetpage",
            options={
                "permissions": [
                    ("record_falc_validation", "Peut enregistrer la relecture FALC d'une fiche"),
                    ("publish_without_falc_review", "Peut publier une fiche sans la relecture FALC"),
                ],
                "verbose_name": "fiche pratique",
                "verbose_name_plural": "fiches pratiques",
            },
        ),
        migrations.CreateModel(
            name="FalcReviewTask",
            fields=[
                (
                    "task_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.task",
                    ),
                ),
                (
                    "readers",
                    models.CharField(
                        blank=True,
                        help_text="Proposé quand on valide une relecture. Par exemple : atelier de relecture de l'ESAT de Meaux.",
                        max_length=150,
                        verbose_name="groupe de lecteurs habituel",
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        help_text="Pages/snippets at this step in a workflow will be moderated or approved by these groups of users",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
            ],
            options={
                "verbose_name": "relecture FALC",
                "verbose_name_plural": "relectures FALC",
            },
            bases=("wagtailcore.task",),
        ),
        migrations.RunPython(use_falc_review_task, use_group_approval_task),
    ]
