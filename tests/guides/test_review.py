"""Keeping sheets true: review dates, the report and dashboard panel, the "Relecture FALC" workflow."""

import datetime
import importlib
import re

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage

import pytest
from dateutil.relativedelta import relativedelta

from guides.models import FalcReviewTask, ProcedureSheetPage
from guides.review import assign_falc_workflow
from home.groups import EDITORS, FALC_REVIEWERS
from tests.guides.admin_forms import sheet_form
from tests.guides.factories import ProcedureSheetPageFactory
from tests.html import french

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
    assert [type(task) for task in tasks] == [FalcReviewTask, GroupApprovalTask]
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [
        [FALC_REVIEWERS],
        [EDITORS],
    ]


def test_the_workflow_is_assigned_to_the_sheets_section_once(guide_index):
    assert assign_falc_workflow(guide_index) is True
    assert assign_falc_workflow(guide_index) is False
    assert WorkflowPage.objects.get(page=guide_index).workflow.name == "Relecture FALC"


@pytest.fixture
def submitted_sheet(editor, guide_index, topic):
    """A new sheet an editor submitted to the "Relecture FALC" workflow: at the readers' step."""
    assign_falc_workflow(guide_index)
    sheet = ProcedureSheetPageFactory(parent=topic, title="Demander la CSS", slug="css", live=False)
    sheet.save_revision(user=editor)
    state = sheet.get_workflow().start(sheet, editor)
    return sheet, state


def test_only_falc_reviewers_act_on_the_readers_step(submitted_sheet, editor, falc_reviewer):
    sheet, state = submitted_sheet
    review = state.current_task_state.task.specific
    assert review.get_actions(sheet, editor) == []  # the FALC readers review, not the author
    labels = [label for _, label, _ in review.get_actions(sheet, falc_reviewer)]
    assert labels == ["Demander des modifications", "Valider la relecture FALC"]


def test_approving_the_readers_step_records_the_validation_then_the_editor_publishes_it(
    client, submitted_sheet, editor, falc_reviewer
):
    sheet, state = submitted_sheet
    review = state.current_task_state.task.specific
    review.on_action(state.current_task_state, falc_reviewer, "approve", readers="Atelier de Meaux")
    state.refresh_from_db()
    sheet.refresh_from_db()
    assert not sheet.live  # the editors publish
    publication = state.current_task_state.task.specific
    assert publication.get_actions(sheet, falc_reviewer) == []
    publication.on_action(state.current_task_state, editor, "approve")
    sheet.refresh_from_db()
    assert sheet.live
    assert (sheet.falc_validated_on, sheet.falc_validated_by) == (timezone.localdate(), "Atelier de Meaux")
    today = date_format(timezone.localdate(), "j F Y")
    html = client.get(sheet.url).content.decode()
    assert french(f"Des lecteurs l'ont relue le {today}") in html
    assert 'alt="Facile à lire et à comprendre"' in html


def test_the_approval_form_offers_the_task_s_usual_readers(submitted_sheet, falc_reviewer):
    _, state = submitted_sheet
    review = state.current_task_state.task.specific
    review.readers = "Atelier de relecture de l'ESAT de Meaux"
    form = review.get_form_for_action("approve")()
    assert form["readers"].value() == "Atelier de relecture de l'ESAT de Meaux"
    assert form.fields["readers"].label == "Qui a relu la fiche ?"
    assert not review.get_form_for_action("approve")(data={"readers": ""}).is_valid()


def test_approving_in_the_admin_asks_who_read_the_sheet_and_records_it(
    client, submitted_sheet, falc_reviewer
):
    sheet, state = submitted_sheet
    client.force_login(falc_reviewer)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[sheet.pk, "approve", state.current_task_state.pk]
    )
    form = client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).json()["html"]
    assert "Qui a relu la fiche ?" in form
    client.post(url, {"readers": "  Atelier   de Meaux ", "comment": ""})
    sheet.refresh_from_db()
    draft = sheet.get_latest_revision_as_object()
    assert (draft.falc_validated_on, draft.falc_validated_by) == (timezone.localdate(), "Atelier de Meaux")
    state.refresh_from_db()
    assert state.current_task_state.task.name == "Publication par les éditeurs"


def test_the_editors_final_approval_reads_approuver_et_publier(
    client, submitted_sheet, editor, falc_reviewer
):
    sheet, state = submitted_sheet
    state.current_task_state.task.specific.on_action(
        state.current_task_state, falc_reviewer, "approve", readers="Atelier de Meaux"
    )
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[sheet.pk])).content.decode()
    assert "Approuver et publier" in html
    assert "et Publier" not in html


def test_reviewers_may_record_validations_and_editors_manage_words():
    reviewers = Group.objects.get(name=FALC_REVIEWERS)
    assert reviewers.permissions.filter(codename="record_falc_validation").exists()
    editors = Group.objects.get(name=EDITORS)
    codenames = set(
        editors.permissions.filter(content_type__app_label="guides").values_list("codename", flat=True)
    )
    assert {"add_glossaryterm", "change_glossaryterm", "delete_glossaryterm"} <= codenames


@pytest.fixture
def reviewed_section(guide_index, topic):
    assign_falc_workflow(guide_index)
    return topic


def _action_names(client, url):
    html = client.get(url).content.decode()
    return set(re.findall(r'name="(action-[a-z-]+)"', html))


def test_editors_see_no_publish_button_on_a_sheet_only_submit_to_the_review(client, editor, reviewed_section):
    sheet = ProcedureSheetPageFactory(parent=reviewed_section, live=False)
    client.force_login(editor)
    actions = _action_names(client, reverse("wagtailadmin_pages:edit", args=[sheet.pk]))
    assert "action-submit" in actions
    assert "action-publish" not in actions
    html = client.get(reverse("wagtailadmin_pages:edit", args=[sheet.pk])).content.decode()
    assert "Soumettre à Relecture FALC" in html


def test_an_editor_cannot_publish_a_new_sheet_without_the_review(client, editor, reviewed_section):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["guides", "proceduresheetpage", reviewed_section.pk])
    assert "action-publish" not in _action_names(client, url)
    client.post(url, sheet_form("Comment faire ?", "Allez à la mairie.", **{"action-publish": "publish"}))
    sheet = ProcedureSheetPage.objects.get(slug="une-fiche")
    assert not sheet.live  # saved as a draft, waiting for the review


def test_an_editor_cannot_publish_an_edited_sheet_without_the_review(client, editor, reviewed_section):
    sheet = ProcedureSheetPageFactory(parent=reviewed_section, slug="une-fiche", live=False)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[sheet.pk])
    client.post(url, sheet_form("Comment faire ?", "Allez à la mairie.", **{"action-publish": "publish"}))
    sheet.refresh_from_db()
    assert not sheet.live
    assert sheet.get_latest_revision_as_object().title == "Comment faire ?"


def test_an_editor_can_still_unpublish_a_wrong_sheet_at_once(editor, reviewed_section):
    sheet = ProcedureSheetPageFactory(parent=reviewed_section)
    assert sheet.permissions_for_user(editor).can_unpublish()


def test_an_editor_publishes_other_pages_directly(editor, reviewed_section, home_page):
    assert reviewed_section.permissions_for_user(editor).can_publish()
    assert home_page.permissions_for_user(editor).can_publish_subpage()


def test_only_the_skip_review_right_publishes_a_sheet_directly(editor, reviewed_section):
    sheet = ProcedureSheetPageFactory(parent=reviewed_section)
    assert not sheet.permissions_for_user(editor).can_publish()
    editor.user_permissions.add(Permission.objects.get(codename="publish_without_falc_review"))
    editor = type(editor).objects.get(pk=editor.pk)  # permissions are cached on the user
    assert sheet.permissions_for_user(editor).can_publish()
    assert reviewed_section.permissions_for_user(editor).can_publish_subpage()


def test_no_group_may_skip_the_falc_review():
    assert not Group.objects.filter(permissions__codename="publish_without_falc_review").exists()


def test_the_migration_turns_the_readers_step_into_a_falc_review_and_keeps_past_reviews(
    submitted_sheet, falc_reviewer
):
    from django.apps import apps

    migration = importlib.import_module("guides.migrations.0005_falc_review_task")
    workflow = Workflow.objects.get(name="Relecture FALC")
    _, state = submitted_sheet
    migration.use_group_approval_task(apps, None)  # back to the plain group approval of 0004
    old = workflow.tasks.order_by("workflow_tasks__sort_order").first().specific
    assert type(old) is GroupApprovalTask
    old.task_states.create(workflow_state=state, revision=state.current_task_state.revision)

    migration.use_falc_review_task(apps, None)

    first = workflow.tasks.order_by("workflow_tasks__sort_order").first().specific
    assert type(first) is FalcReviewTask
    assert list(first.groups.values_list("name", flat=True)) == [FALC_REVIEWERS]
    old.refresh_from_db()
    assert not old.active  # kept, with its history, out of the workflow
