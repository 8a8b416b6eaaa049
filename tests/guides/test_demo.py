"""The demo content: real sheets in easy-to-read French, loaded twice without change."""

import io
import re

from django.core.management import call_command

from wagtail.images.models import Image
from wagtail.models import Page, Revision, WorkflowPage

import pytest

from guides.models import GlossaryTerm, GuideIndexPage, Partner, ProcedureSheetPage, TopicPage
from tests.guides.pdf import page_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home_page):
    call_command("load_demo", stdout=io.StringIO())


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "images": sorted(Image.objects.values_list("title", "file")),
        "terms": sorted(GlossaryTerm.objects.values_list("term", "definition", "updated_at")),
        "partners": sorted(Partner.objects.values_list("slug", "phone_hours")),
        "sheet_partners": sorted(
            ProcedureSheetPage.partners.through.objects.values_list("proceduresheetpage_id", "partner_id")
        ),
    }


def test_loading_the_demo_twice_changes_nothing(demo):
    first = snapshot()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert snapshot() == first
    assert "0 pictogrammes ajoutés" in out.getvalue()
    assert (
        f"{GlossaryTerm.objects.count()} mots difficiles ({GlossaryTerm.objects.count()} inchangés)"
        in out.getvalue()
    )


def test_the_demo_says_it_added_the_words_on_an_empty_database(home_page):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    count = GlossaryTerm.objects.count()
    assert f"{count} mots difficiles ({count} ajoutés)" in out.getvalue()


def test_the_demo_has_topics_and_sheets_citing_service_public_where_sure(demo):
    assert TopicPage.objects.live().count() >= 6
    sheets = ProcedureSheetPage.objects.live()
    assert sheets.count() >= 8
    assert sum(bool(sheet.official_sheet_numbers()) for sheet in sheets) >= 14
    for sheet in sheets:
        # A number only where it was checked; the others say why in their notes for editors.
        assert re.fullmatch(r"(F\d+)?", sheet.official_sheet_numbers())
        assert sheet.title.endswith("?")
        assert sheet.summary and sheet.audience
        assert sheet.documents_to_bring()


def test_demo_sheets_follow_todays_procedures(demo):
    text = " ".join(" ".join(sheet.falc_texts()) for sheet in ProcedureSheetPage.objects.all())
    assert "Pôle emploi" not in text
    assert "France Travail" in text
    rsa = ProcedureSheetPage.objects.get(slug="demander-le-rsa")
    assert "France Travail" in " ".join(rsa.falc_texts())
    assert "1er janvier 2025" in " ".join(rsa.falc_texts())


def test_demo_sheets_pass_the_easy_to_read_checker(demo):
    for sheet in ProcedureSheetPage.objects.all():
        report = sheet.falc_report()
        assert report.findings == (), (sheet.title, report.findings)
        assert report.score >= 70


def test_demo_sheets_use_pictograms_with_alt_text(demo, client):
    sheet = ProcedureSheetPage.objects.get(slug="avoir-sa-carte-vitale")
    html = client.get(sheet.url).content.decode()
    assert 'alt="Un ordinateur" class="step-picto"' in html
    assert Image.objects.filter(title__startswith="Pictogramme").count() == 13


def test_each_demo_sheet_prints_on_at_most_two_a4_pages(demo, client):
    for sheet in ProcedureSheetPage.objects.live():
        response = client.get(sheet.url + "pdf/")
        assert page_count(response.content) <= 2, sheet.title


def test_the_demo_section_goes_through_the_falc_review(demo):
    section = GuideIndexPage.objects.get()
    assert WorkflowPage.objects.get(page=section).workflow.name == "Relecture FALC"
    assert section.url == "/fiches/"
    assert section.glossary_page().url == "/fiches/mots-difficiles/"
