"""Every block of a sheet renders what a reader needs, on screen and on paper."""

from django.core.exceptions import ValidationError
from django.test import RequestFactory

from wagtail.rich_text import RichText

import pytest
import wagtail_factories

from guides import blocks
from home.models import SiteSettings
from tests.factories import StandardPageFactory
from tests.guides.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def render(block, value, **context):
    return block.render(block.to_python(value) if isinstance(value, dict) else value, context=context)


def test_step_shows_its_text_link_phone_and_pictogram_with_its_alt_text():
    image = wagtail_factories.ImageFactory()
    block = blocks.StepBlock()
    value = block.to_python(
        {
            "text": "Appelez la caisse.\nGardez votre numéro.",
            "image": image.pk,
            "image_alt": "Un téléphone",
            "link_url": "https://www.caf.fr",
            "link_text": "le site de la CAF",
            "phone": "32 30",
        }
    )
    html = block.render(value)
    assert '<li class="step">' in html
    assert "Appelez la caisse.<br>Gardez votre numéro." in html
    assert 'alt="Un téléphone"' in html
    assert '<a href="https://www.caf.fr">le site de la CAF</a>' in html
    assert '<a class="phone" href="tel:3230">32 30</a>' in html


def test_step_link_without_text_shows_the_address():
    block = blocks.StepBlock()
    html = block.render(block.to_python({"text": "Allez sur le site.", "link_url": "https://www.ameli.fr"}))
    assert '<a href="https://www.ameli.fr">https://www.ameli.fr</a>' in html


def test_a_pictogram_without_alt_text_is_refused():
    image = wagtail_factories.ImageFactory()
    block = blocks.StepBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Allez à la mairie.", "image": image.pk, "image_alt": " "}))


def test_a_phone_number_with_letters_is_refused():
    block = blocks.StepBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Appelez.", "phone": "appelez-nous"}))


def test_steps_are_a_numbered_list_under_their_heading():
    block = blocks.StepsBlock()
    html = block.render(
        block.to_python(
            {"heading": "Les étapes", "steps": [{"text": "Première chose."}, {"text": "Deuxième."}]}
        )
    )
    assert "<h2>Les étapes</h2>" in html
    assert '<ol class="steps">' in html
    assert html.count('<li class="step">') == 2
    assert html.index("Première chose.") < html.index("Deuxième.")


def test_checklist_prints_one_box_per_paper():
    block = blocks.DocumentChecklistBlock()
    html = block.render(block.to_python({"heading": "Les papiers", "items": ["Votre RIB", "Une photo"]}))
    assert '<ul class="checklist">' in html
    assert "<li>Votre RIB</li><li>Une photo</li>" in html


def test_attention_box_says_attention():
    block = blocks.AttentionBlock()
    html = block.render(block.to_python({"text": "<p>Faites-le <b>vite</b>.</p>"}))
    assert 'class="box box-warning callout"' in html
    assert "Attention" in html
    assert "<p>Faites-le <b>vite</b>.</p>" in html


def test_good_to_know_box_says_bon_a_savoir():
    block = blocks.GoodToKnowBlock()
    html = block.render(block.to_python({"text": "<p>Un conseiller vous aide.</p>"}))
    assert "Bon à savoir" in html
    assert "<p>Un conseiller vous aide.</p>" in html


def test_paragraph_renders_its_rich_text():
    block = blocks.ParagraphBlock()
    assert block.render(RichText("<p>Texte <b>important</b>.</p>")) == (
        '<div class="paragraph"><p>Texte <b>important</b>.</p></div>\n'
    )


def test_paragraphs_and_boxes_allow_bold_and_links_only():
    assert blocks.ParagraphBlock().features == ["bold", "link"]
    assert blocks.AttentionBlock().child_blocks["text"].features == ["bold", "link"]


def test_contact_block_shows_the_partner_phone_as_a_tel_link_and_its_hours():
    partner = PartnerFactory(name="Caisse de test", phone="32 30", phone_hours="Du lundi au vendredi.")
    block = blocks.ContactBlock()
    html = block.render(
        block.to_python({"partner": partner.pk, "text": "Appelez la CAF.", "show_directory_link": True})
    )
    assert "Appelez la CAF." in html
    assert '<a class="phone" href="tel:3230">32 30</a>' in html
    assert "Du lundi au vendredi." in html
    assert '<a href="https://www.caf.fr" class="url-shown">www.caf.fr</a>' in html  # printed once, not twice
    assert "Trouver une France services" not in html  # no directory page set


def test_contact_block_prints_the_whole_address_of_a_partners_inner_page():
    partner = PartnerFactory(website="https://www.ameli.fr/seine-et-marne/assure")
    block = blocks.ContactBlock()
    html = block.render(block.to_python({"partner": partner.pk, "text": "", "show_directory_link": False}))
    # Its text says only the domain: on paper the print style adds the whole address after it.
    assert '<a href="https://www.ameli.fr/seine-et-marne/assure">www.ameli.fr</a>' in html


def test_contact_block_links_to_the_france_services_directory_when_set(site, home_page):
    directory = StandardPageFactory(parent=home_page, title="Les France services", slug="annuaire")
    settings = SiteSettings.for_site(site)
    settings.directory_page = directory
    settings.save()
    partner = PartnerFactory()
    request = RequestFactory().get("/")
    request.site = site
    from wagtail.contrib.settings.context_processors import settings as settings_processor

    block = blocks.ContactBlock()
    value = block.to_python({"partner": partner.pk, "text": "", "show_directory_link": True})
    html = block.render(value, context={"request": request, **settings_processor(request)})
    assert '<a href="/annuaire/">Trouver une France services près de chez vous</a>' in html


def test_documents_to_bring_come_from_every_checklist_in_order():
    stream_block = blocks.ProcedureSheetStreamBlock()
    value = stream_block.to_python(
        [
            {"type": "checklist", "value": {"heading": "A", "items": ["Votre RIB"]}},
            {"type": "steps", "value": {"heading": "Les étapes", "steps": [{"text": "Venez."}]}},
            {"type": "checklist", "value": {"heading": "B", "items": ["Une photo", "Votre avis d'impôt"]}},
        ]
    )
    assert stream_block.checklist_items(value) == ["Votre RIB", "Une photo", "Votre avis d'impôt"]
