"""The "Relecture FALC" workflow: readers of the "Relecteurs FALC" group check each sheet,
then an editor publishes it (reviewers have no right to publish).

The workflow and its task are created by a data migration
(guides/migrations/0004_falc_review_workflow.py); the "Fiches pratiques"
section is assigned to it when it is created (admin hook) or by the demo.
"""

from wagtail.models import Workflow, WorkflowPage

WORKFLOW_NAME = "Relecture FALC"


def falc_workflow():
    return Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()


def assign_falc_workflow(section):
    """Put every sheet under ``section`` through the "Relecture FALC" workflow (idempotent).

    Returns True when the assignment was created or changed.
    """
    workflow = falc_workflow()
    if workflow is None:
        return False
    _, created = WorkflowPage.objects.get_or_create(page=section, defaults={"workflow": workflow})
    if not created and WorkflowPage.objects.filter(page=section).exclude(workflow=workflow).exists():
        WorkflowPage.objects.filter(page=section).update(workflow=workflow)
        return True
    return created
