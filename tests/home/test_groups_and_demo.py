import io

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import GroupPagePermission, Page, Revision

import pytest

from home.groups import CPIP, EDITORS, FALC_REVIEWERS
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_the_three_groups_exist_with_their_permissions():
    editors = Group.objects.get(name=EDITORS)
    reviewers = Group.objects.get(name=FALC_REVIEWERS)
    cpip = Group.objects.get(name=CPIP)

    editor_codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"access_admin", "change_sitesettings"} <= editor_codenames
    editor_page_permissions = set(
        GroupPagePermission.objects.filter(group=editors).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page", "publish_page"} <= editor_page_permissions

    assert "access_admin" in reviewers.permissions.values_list("codename", flat=True)
    assert not GroupPagePermission.objects.filter(
        group=reviewers, permission__codename="publish_page"
    ).exists()

    assert not cpip.permissions.filter(codename="access_admin").exists()
    assert not GroupPagePermission.objects.filter(group=cpip).exists()


def test_wagtail_default_english_groups_are_removed():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def _snapshot():
    return (
        sorted(Page.objects.values_list("url_path", "title", "live", "latest_revision_id")),
        Revision.objects.count(),
    )


def test_load_demo_twice_leaves_the_same_pages(client, home_page):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = _snapshot()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _snapshot() == first
    urls = [url for url, *_ in first[0]]
    assert "/home/mentions-legales/" in urls
    assert "/home/accessibilite/" in urls


def test_the_home_demo_says_what_it_did_with_counts_that_add_up(home_page):
    from home import demo

    first, second = io.StringIO(), io.StringIO()
    demo.load(first)
    demo.load(second)
    # The home page exists from the start (a migration creates it): the demo changes it.
    assert first.getvalue() == "home: 3 pages (2 créées, 1 modifiée)"
    assert second.getvalue() == "home: 3 pages (3 inchangées)"


def test_demo_accessibility_statement_is_honest(client, home_page):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    site_settings = SiteSettings.objects.get()
    html = client.get(site_settings.accessibility_page.url).content.decode()
    assert "partiellement conforme" in html
    assert "Défenseur des droits" in html


def test_editors_approve_pages_submitted_outside_the_sheets():
    from wagtail.models import GroupApprovalTask, WorkflowPage

    workflow = WorkflowPage.objects.get(page__depth=1).workflow
    assert workflow.name == "Validation par les éditeurs"
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert list(task.groups.values_list("name", flat=True)) == [EDITORS]


def test_demo_home_page_leads_to_the_sheets_the_directory_and_the_calendar(client, home_page):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    html = client.get("/").content.decode()
    assert 'href="/fiches/"' in html
    assert 'href="/france-services/"' in html
    assert 'href="/agenda/"' in html
    assert 'action="/france-services/recherche/"' in html
