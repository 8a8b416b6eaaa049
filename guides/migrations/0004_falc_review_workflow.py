"""Rights on the guides' snippets, and the "Relecture FALC" workflow.

- Éditeurs: add, change and delete difficult words (GlossaryTerm).
- Relecteurs FALC: record a sheet's easy-to-read validation (date, readers' group),
  and approve sheets in the "Relecture FALC" workflow (a group approval task).

The workflow has two steps: the FALC reviewers' review, then publication by
an editor. Reviewers publish nothing (their group has no publish right), so
the last approval, which publishes the sheet, belongs to the editors.

The workflow is assigned to the "Fiches pratiques" section when that page is
created (guides/wagtail_hooks.py) or by the demo content; if the section
already exists, it is assigned here.
"""

from django.db import migrations

from home.groups import EDITORS, FALC_REVIEWERS, grant, model_codenames

WORKFLOW_NAME = "Relecture FALC"
REVIEW_TASK = "Relecture par les lecteurs (FALC)"
PUBLICATION_TASK = "Publication par les éditeurs"


def create_rights_and_workflow(apps, schema_editor):
    grant(apps, EDITORS, "guides", model_codenames("glossaryterm"))
    grant(apps, FALC_REVIEWERS, "guides", ["record_falc_validation"])

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    GuideIndexPage = apps.get_model("guides", "GuideIndexPage")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for order, (name, group) in enumerate([(REVIEW_TASK, FALC_REVIEWERS), (PUBLICATION_TASK, EDITORS)]):
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name, content_type=task_type, active=True)
        task.groups.set([Group.objects.get(name=group)])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    for section in GuideIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=section.pk, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name__in=[REVIEW_TASK, PUBLICATION_TASK]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0003_sheets_topics_glossary"),
        ("home", "0003_create_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_rights_and_workflow, remove_workflow)]
