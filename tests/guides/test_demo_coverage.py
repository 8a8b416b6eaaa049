"""The demo covers every partner and what leaving detention brings, in easy-to-read French."""

import io
import re

from django.core.management import call_command

import pytest

from guides import falc
from guides.demo import GLOSSARY, PICTOGRAM_TITLES
from guides.demo_sheets import sheets as more_sheets
from guides.demo_sheets.justice import EXIT_READING_ORDER, EXIT_SLUG
from guides.models import GlossaryTerm, Partner, ProcedureSheetPage

pytestmark = pytest.mark.django_db

# Checker findings an editor accepts, sheet by sheet: (slug, kind, word or None). Empty today.
ACCEPTED_FINDINGS = set()


@pytest.fixture
def demo(home_page):
    call_command("load_demo", stdout=io.StringIO())


def test_the_demo_has_at_least_40_published_sheets(demo):
    assert ProcedureSheetPage.objects.published().count() >= 40


def test_every_national_partner_has_at_least_two_sheets(demo):
    partners = Partner.objects.all()
    assert partners.count() == 13
    for partner in partners:
        assert partner.procedure_sheets.live().count() >= 2, partner.name


def test_every_sheet_is_easy_to_read_with_no_finding_left(demo):
    for sheet in ProcedureSheetPage.objects.live():
        report = sheet.falc_report()
        left = [
            finding
            for finding in report.findings
            if (sheet.slug, finding.kind, finding.words[0] if finding.words else None)
            not in ACCEPTED_FINDINGS
        ]
        assert left == [], (sheet.slug, left)
        assert report.score >= 70, (sheet.slug, report.score)


def test_every_step_has_a_pictogram_and_every_sheet_papers_and_a_contact(demo):
    for sheet in ProcedureSheetPage.objects.live():
        for block in sheet.body:
            if block.block_type == "steps":
                for step in block.value["steps"]:
                    assert step["image"] and step["image_alt"], (sheet.slug, step["text"])
        assert sheet.documents_to_bring(), sheet.slug
        has_contact = any(block.block_type == "contact" for block in sheet.body)
        assert has_contact or "France services" in " ".join(sheet.falc_texts()), sheet.slug


def test_the_leaving_detention_sheet_links_the_first_sheets_in_order(demo, client):
    sheet = ProcedureSheetPage.objects.get(slug=EXIT_SLUG)
    assert sheet.title == "Sortir de détention : par quoi commencer ?"
    html = client.get(sheet.url).content.decode()
    wanted = [ProcedureSheetPage.objects.get(slug=slug).url for slug in EXIT_READING_ORDER]
    linked = [url for url in re.findall(r'href="([^"]+)"', html) if url in wanted]
    assert linked == wanted


def test_a_sheet_without_an_official_sheet_number_says_why_in_its_notes(demo):
    partners = {partner.slug: partner for partner in Partner.objects.all()}
    pictograms = dict.fromkeys(PICTOGRAM_TITLES, None)
    specs = [spec for specs in more_sheets(partners, pictograms).values() for spec in specs]
    for spec in specs:
        if not spec["number"]:
            assert "numéro" in spec["notes"].lower(), spec["slug"]


def test_every_difficult_word_of_the_sheets_is_in_the_glossary(demo):
    terms = set(GlossaryTerm.objects.values_list("term", flat=True))
    assert {term for term, _forms, _definition in GLOSSARY} <= terms
    # Every acronym a sheet uses is explained (the checker finds none left unexplained).
    for sheet in ProcedureSheetPage.objects.live():
        assert sheet.falc_report().of_kind(falc.ACRONYM) == [], sheet.slug


def test_each_glossary_explanation_is_itself_easy_to_read():
    for term, _forms, definition in GLOSSARY:
        report = falc.analyse(definition, known_words=[t for t, _f, _d in GLOSSARY])
        assert not report.of_kind(falc.LONG_SENTENCE), term


def test_sheets_name_todays_online_services(demo):
    text = " ".join(" ".join(sheet.falc_texts()) for sheet in ProcedureSheetPage.objects.live())
    urls = " ".join(
        step["link_url"]
        for sheet in ProcedureSheetPage.objects.live()
        for block in sheet.body
        if block.block_type == "steps"
        for step in block.value["steps"]
    )
    assert "Pôle emploi" not in text and "pole-emploi" not in urls
    for address in (
        "francetravail.fr",
        "ameli.fr",
        "caf.fr",
        "impots.gouv.fr",
        "info-retraite.fr",
        "ants.gouv.fr",
    ):
        assert address in urls, address
    for address in ("chequeenergie.gouv.fr", "france-renov.gouv.fr", "urssaf.fr", "laposte.fr", "justice.fr"):
        assert address in urls, address
