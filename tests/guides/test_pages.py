"""The public pages: the section, a topic, a sheet, as a reader on a cheap phone sees them."""

import datetime
import re

from wagtail.models import PageViewRestriction

import pytest
import wagtail_factories

from guides.models import GlossaryPage, GuideIndexPage, ProcedureSheetPage, TopicPage
from home.models import HomePage, StandardPage
from tests.guides.factories import PartnerFactory, ProcedureSheetPageFactory, TopicPageFactory
from tests.html import french

pytestmark = pytest.mark.django_db


def test_the_section_lists_its_topics_with_their_sheets(client, guide_index, topic, sheet):
    other = TopicPageFactory(parent=guide_index, title="Se soigner")
    html = client.get(guide_index.url).content.decode()
    assert "Fiches pratiques" in html
    assert f'<a href="{topic.url}">Avoir de l&#x27;argent pour vivre</a>' in html
    assert french(f'<a href="{sheet.url}">Comment demander le RSA ?</a>') in html
    assert f'<a href="{other.url}">Se soigner</a>' in html


def test_a_topic_shows_its_pictogram_and_its_published_sheets_only(client, topic, sheet):
    topic.pictogram = wagtail_factories.ImageFactory()
    topic.save()
    draft = ProcedureSheetPageFactory(parent=topic, title="Une fiche en brouillon", live=False)
    private = ProcedureSheetPageFactory(parent=topic, title="Une fiche privée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(topic.url).content.decode()
    assert 'class="topic-picto"' in html and 'alt=""' in html
    assert french("Comment demander le RSA ?") in html
    assert "Le RSA est une aide pour vivre quand on a peu d&#x27;argent." in html
    assert draft.title not in html
    assert private.title not in html


def test_a_sheet_shows_its_question_summary_audience_and_partners(client, sheet):
    sheet.partners = [PartnerFactory(name="Caisse de test", short_name="CT")]
    sheet.save_revision().publish()
    html = client.get(sheet.url).content.decode()
    assert french("<h1>Comment demander le RSA ?</h1>") in html
    assert "Le RSA est une aide pour vivre quand on a peu d&#x27;argent." in html
    assert french("<strong>Pour qui ?</strong> Vous avez 25 ans ou plus.") in html
    assert "Caisse de test" in html
    assert f'<a href="{sheet.get_parent().url}">Avoir de l&#x27;argent pour vivre</a>' in html


def test_a_sheet_says_when_it_was_checked(client, sheet):
    sheet.last_checked_on = datetime.date(2026, 3, 5)
    sheet.save_revision().publish()
    html = client.get(sheet.url).content.decode()
    assert "Fiche vérifiée le 5 mars 2026." in html


def test_the_easy_to_read_logo_shows_only_once_readers_validated_the_sheet(client, sheet):
    assert "falc-logo.svg" not in client.get(sheet.url).content.decode()
    sheet.falc_validated_on = datetime.date(2026, 6, 2)
    sheet.falc_validated_by = "Atelier de relecture de Meaux"
    sheet.save_revision().publish()
    html = client.get(sheet.url).content.decode()
    assert 'alt="Facile à lire et à comprendre"' in html
    assert french("Des lecteurs l'ont relue le 2 juin 2026 : Atelier de relecture de Meaux.") in html


def test_a_sheet_prints_a_qr_code_of_its_address_and_an_appointment_box(client, sheet):
    html = client.get(sheet.url).content.decode()
    assert '<div class="print-only sheet-print">' in html
    assert re.search(
        r'<svg aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg" viewBox="[^"]+" class="qr-code"><path',
        html,
    )
    assert french("Cette fiche sur internet : http://testserver/fiches/argent/demander-le-rsa/") in html
    assert french("Mon rendez-vous :") in html


def test_a_sheet_links_to_its_pdf(client, sheet):
    html = client.get(sheet.url).content.decode()
    assert f'href="{sheet.url}pdf/"' in html
    assert sheet.get_pdf_url() == "/fiches/argent/demander-le-rsa/pdf/"


def test_the_listen_button_comes_from_a_static_script_only(client, sheet):
    response = client.get(sheet.url)
    html = response.content.decode()
    assert '<script src="/static/guides/ecouter.js" defer></script>' in html
    assert "data-listen-slot" in html and " hidden>" in html  # the button appears only with speech synthesis
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "<style" not in html and " style=" not in html
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


def test_the_listen_script_reads_in_french_and_checks_for_speech_synthesis(client):
    script = b"".join(client.get("/static/guides/ecouter.js").streaming_content).decode()
    assert 'utterance.lang = "fr-FR"' in script
    assert "window.speechSynthesis" in script
    assert len(script.encode()) < 5_000


def test_documents_to_bring_are_plain_strings(sheet):
    assert sheet.documents_to_bring() == ["Votre carte d'identité", "Votre RIB"]
    assert all(type(item) is str for item in sheet.documents_to_bring())


def test_review_date_follows_the_last_check_and_the_interval(sheet):
    sheet.last_checked_on = datetime.date(2026, 1, 31)
    sheet.review_interval_months = 6
    sheet.save()
    assert sheet.review_due_on == datetime.date(2026, 7, 31)


def test_a_validation_needs_both_a_date_and_a_readers_group(sheet):
    from django.core.exceptions import ValidationError

    sheet.falc_validated_on = datetime.date(2026, 6, 2)
    with pytest.raises(ValidationError) as error:
        sheet.full_clean()
    assert "falc_validated_by" in error.value.message_dict


def test_page_types_sit_where_they_belong():
    assert GuideIndexPage.allowed_parent_page_models() == [HomePage]
    assert set(GuideIndexPage.allowed_subpage_models()) == {TopicPage, GlossaryPage}
    assert TopicPage.allowed_subpage_models() == [ProcedureSheetPage]
    assert ProcedureSheetPage.allowed_parent_page_models() == [TopicPage]
    assert ProcedureSheetPage.allowed_subpage_models() == []
    assert GlossaryPage.allowed_subpage_models() == []
    assert GuideIndexPage not in StandardPage.allowed_subpage_models()


@pytest.mark.parametrize(
    "query",
    ["RSA", "peu d'argent", "ressources", "Mutualité", "solidarité active"],
    ids=["title", "summary", "body", "partner", "glossary word"],
)
def test_sheets_are_found_by_title_summary_body_partner_and_glossary_word(sheet, glossary, query):
    sheet.partners = [PartnerFactory(name="Mutualité de test", short_name="MT")]
    sheet.save_revision().publish()
    ProcedureSheetPageFactory(parent=sheet.get_parent(), title="Comment voter ?", summary="Allez voter.")
    results = list(ProcedureSheetPage.objects.live().search(query))
    assert [page.pk for page in results] == [sheet.pk]
