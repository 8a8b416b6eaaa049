"""Keeping sheets true: review dates, the report and dashboard panel, the "Relecture FALC" workflow."""

import datetime

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage

import pytest
from dateutil.relativedelta import relativedelta

from guides.models import ProcedureSheetPage
from guides.review import assign_falc_workflow
from home.groups import EDITORS, FALC_REVIEWERS
from tests.guides.factories import ProcedureSheetPageFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 27)


def make_sheet(topic, title, checked, months=6):
    return ProcedureSheetPageFactory(
        parent=topic, title=title, last_checked_on=checked, review_interval_months=months
    )


@pytest.fixture
def sheets(topic):
    """Sheets checked every 6 months, due on fixed days around 27 November 2026."""
    return {
        "late": make_sheet(topic, "En retard", datetime.date(2026, 3, 1)),  # due 1 Sept 2026
        "soon": make_sheet(topic, "Bientôt", datetime.date(2026, 6, 20)),  # due 20 Dec 2026
        "very_late": make_sheet(topic, "Très en retard", datetime.date(2025, 1, 10)),  # due 10 July 2025
        "today": make_sheet(topic, "Ce jour", datetime.date(2026, 5, 27)),  # due 27 Nov 2026
        "fine": make_sheet(topic, "À jour", datetime.date(2026, 11, 1)),  # due 1 May 2027
        "yearly": make_sheet(
            topic, "Une fois par an", datetime.date(2026, 2, 1), months=12
        ),  # due 1 Feb 2027
    }


@pytest.fixture
def sheets_around_today(topic):
    """The same, relative to the real date: the report and dashboard use it."""
    today = timezone.localdate()
    return [
        make_sheet(topic, title, today - relativedelta(months=6) + datetime.timedelta(days=offset))
        for title, offset in [("En retard", -90), ("Bientôt", 20), ("Très en retard", -400), ("À jour", 120)]
    ]


def test_sheets_to_review_are_those_due_or_due_within_30_days_oldest_first(sheets):
    due = ProcedureSheetPage.objects.due_for_review(today=TODAY)
    assert [sheet.title for sheet in due] == ["Très en retard", "En retard", "Ce jour", "Bientôt"]


def test_the_30_day_window_ends_exactly_30_days_ahead(topic):
    make_sheet(topic, "Dans 30 jours", datetime.date(2026, 6, 27))  # due 27 Dec 2026
    make_sheet(topic, "Dans 31 jours", datetime.date(2026, 6, 28))
    assert [s.title for s in ProcedureSheetPage.objects.due_for_review(today=TODAY)] == ["Dans 30 jours"]


def test_the_report_lists_sheets_to_review_oldest_first(client, editor, sheets_around_today):
    client.force_login(editor)
    html = " ".join(client.get(reverse("guides_review_report")).content.decode().split())
    positions = [html.index(f'/edit/"> {title} </a>') for title in ("Très en retard", "En retard", "Bientôt")]
    assert positions == sorted(positions)
    assert "À jour" not in html


def test_the_report_is_for_people_who_edit_pages(client, falc_reviewer, other_user, sheets_around_today):
    client.force_login(other_user)
    assert client.get(reverse("guides_review_report")).status_code == 302  # sent to the admin sign-in
    client.force_login(falc_reviewer)
    assert client.get(reverse("guides_review_report")).status_code == 200


def test_the_dashboard_shows_editors_the_sheets_to_review(client, editor, sheets_around_today):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Fiches à vérifier" in html
    assert "3 fiches à vérifier : leur fiche officielle a changé, ou leur date de vérification" in html
    assert html.index(">Très en retard<") < html.index(">En retard<") < html.index(">Bientôt<")
    assert ">À jour<" not in html


def test_the_dashboard_panel_is_not_shown_to_falc_reviewers(client, falc_reviewer, sheets_around_today):
    client.force_login(falc_reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "guides-sheets-to-review" not in html


def test_the_falc_review_workflow_is_a_review_by_falc_reviewers_then_publication_by_editors():
    workflow = Workflow.objects.get(name="Relecture FALC")
    tasks = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert all(isinstance(task, GroupApprovalTask) for task in tasks)
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [
        [FALC_REVIEWERS],
        [EDITORS],
    ]


def test_the_workflow_is_assigned_to_the_sheets_section_once(guide_index):
    assert assign_falc_workflow(guide_index) is True
    assert assign_falc_workflow(guide_index) is False
    assert WorkflowPage.objects.get(page=guide_index).workflow.name == "Relecture FALC"


def test_a_sheet_is_reviewed_by_falc_readers_then_published_by_an_editor(
    editor, falc_reviewer, guide_index, topic
):
    assign_falc_workflow(guide_index)
    sheet = ProcedureSheetPageFactory(parent=topic, live=False)
    sheet.save_revision(user=editor)
    workflow = sheet.get_workflow()
    assert workflow.name == "Relecture FALC"
    state = workflow.start(sheet, editor)
    review = state.current_task_state.task.specific
    assert review.get_actions(sheet, editor) == []  # the FALC readers review, not the author
    # The reviewer records the readers' validation while reviewing, then approves.
    draft = sheet.get_latest_revision_as_object()
    draft.falc_validated_on = datetime.date(2026, 11, 20)
    draft.falc_validated_by = "Atelier de relecture de Meaux"
    draft.save_revision(user=falc_reviewer)
    review.on_action(state.current_task_state, falc_reviewer, "approve")
    state.refresh_from_db()
    sheet.refresh_from_db()
    assert not sheet.live
    publication = state.current_task_state.task.specific
    assert publication.get_actions(sheet, falc_reviewer) == []
    publication.on_action(state.current_task_state, editor, "approve")
    sheet.refresh_from_db()
    assert sheet.live
    assert sheet.has_falc_validation
    assert sheet.falc_validated_by == "Atelier de relecture de Meaux"


def test_reviewers_may_record_validations_and_editors_manage_words():
    reviewers = Group.objects.get(name=FALC_REVIEWERS)
    assert reviewers.permissions.filter(codename="record_falc_validation").exists()
    editors = Group.objects.get(name=EDITORS)
    codenames = set(
        editors.permissions.filter(content_type__app_label="guides").values_list("codename", flat=True)
    )
    assert {"add_glossaryterm", "change_glossaryterm", "delete_glossaryterm"} <= codenames
