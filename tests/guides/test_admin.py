"""What editors see in the Wagtail admin: the easy-to-read checks, the listing, and publishing."""

import datetime

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from guides.models import ProcedureSheetPage, TopicPage
from tests.guides.admin_forms import sheet_form
from tests.guides.factories import ProcedureSheetPageFactory

pytestmark = pytest.mark.django_db

LONG_SENTENCE = (
    "Si vous ne pouvez pas vous déplacer, un conseiller de la caisse peut vous appeler au téléphone "
    "pour faire la demande avec vous."
)


def test_the_edit_form_shows_the_score_and_quotes_the_sentences_to_rewrite(client, editor, topic, glossary):
    sheet = ProcedureSheetPageFactory(parent=topic, body__0__steps__steps__0__text=LONG_SENTENCE)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[sheet.pk])).content.decode()
    assert "Vérification « facile à lire »" in html
    assert "Score de lisibilité :" in html
    assert "Phrase de plus de 15 mots</strong> (23 mots)" in html
    assert "Phrase à la forme négative</strong> : « ne … pas »" in html
    assert "Dans la phrase : <q>Si vous ne pouvez pas vous déplacer" in html
    assert "Ils n'empêchent pas de publier." in html


def test_an_editor_publishes_a_sheet_even_with_easy_to_read_warnings(client, editor, topic):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["guides", "proceduresheetpage", topic.pk])
    response = client.post(url, sheet_form("Comment faire ?", LONG_SENTENCE, **{"action-publish": "publish"}))
    assert response.status_code == 302
    sheet = ProcedureSheetPage.objects.get(slug="une-fiche")
    assert sheet.live
    assert sheet.falc_finding_count == 2
    assert sheet.review_due_on == datetime.date(2027, 5, 1)


def test_the_sheet_listing_shows_the_easy_to_read_score_and_review_date(client, editor, sheet):
    client.force_login(editor)
    html = client.get(reverse("fiches_pratiques:index")).content.decode()
    assert "Facile à lire (score)" in html
    # RSA, CAF and RIB are not in the glossary: 4 sentences to look at.
    assert "100 / 100 – 4 conseil(s)" in html
    assert "À vérifier avant le" in html


def test_only_falc_reviewers_can_record_the_readers_validation(editor, falc_reviewer, sheet, rf):
    def form_fields(user):
        request = rf.get("/")
        request.user = user
        handler = ProcedureSheetPage.get_edit_handler()
        form_class = handler.get_form_class()
        form = form_class(instance=sheet, for_user=user)
        return set(form.fields)

    assert "falc_validated_on" not in form_fields(editor)
    assert {"falc_validated_on", "falc_validated_by"} <= form_fields(falc_reviewer)


def test_editors_manage_difficult_words(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_guides_glossaryterm:add"),
        {"term": "APL", "definition": "Une aide pour payer le loyer.", "other_forms": ""},
    )
    assert response.status_code == 302
    html = client.get(reverse("wagtailsnippets_guides_glossaryterm:list")).content.decode()
    assert "APL" in html


def test_a_new_guide_section_made_in_the_admin_goes_through_the_falc_review(client, editor, home_page):
    from wagtail.models import WorkflowPage

    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["guides", "guideindexpage", home_page.pk])
    response = client.post(
        url,
        nested_form_data(
            {"title": "Fiches pratiques", "slug": "fiches", "intro": rich_text("<p>Des fiches.</p>")}
        ),
    )
    assert response.status_code == 302
    workflow_page = WorkflowPage.objects.get(page__slug="fiches")
    assert workflow_page.workflow.name == "Relecture FALC"
    assert TopicPage.objects.count() == 0
