"""Who may publish a sheet: it goes through the "Relecture FALC" workflow first.

Éditeurs have the right to publish every page (on the root of the tree), but a sheet
whose workflow has a readers' step (``FalcReviewTask``) cannot be published straight from the editor: it is
submitted to the FALC reviewers, then an editor approves and publishes it. Only
users with the "publish_without_falc_review" permission (superusers, or a group an
administrator gives it to) may skip the review. Unpublishing a wrong sheet stays
open to editors: it must be able to come down at once.
"""

from wagtail.models import PagePermissionTester

SKIP_REVIEW_PERMISSION = "guides.publish_without_falc_review"


def has_falc_review(page):
    """True when the page's workflow has a readers' step (every sheet under "Fiches pratiques")."""
    from .models import FalcReviewTask

    workflow = page.get_workflow()
    return (
        bool(workflow)
        and FalcReviewTask.objects.filter(workflow_tasks__workflow=workflow, active=True).exists()
    )


def may_skip_falc_review(user, page):
    """True when nothing stops this user from publishing this sheet without the review."""
    return user.has_perm(SKIP_REVIEW_PERMISSION) or not has_falc_review(page)


class SheetPermissionTester(PagePermissionTester):
    """A sheet's rights: publishing it directly needs the right to skip the FALC review."""

    def can_publish(self):
        return super().can_publish() and may_skip_falc_review(self.user, self.page)

    def can_unschedule(self):
        return PagePermissionTester.can_publish(self)

    def can_set_view_restrictions(self):
        return PagePermissionTester.can_publish(self)


class TopicPermissionTester(PagePermissionTester):
    """A topic's rights: creating a sheet under it and publishing it at once is skipping the review too."""

    def can_publish_subpage(self):
        return super().can_publish_subpage() and may_skip_falc_review(self.user, self.page)
