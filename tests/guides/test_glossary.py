"""Difficult words: linked to their explanation in the sheet, without breaking the HTML."""

import pytest

from guides.glossary import Entry, Glossary
from guides.models import GlossaryTerm
from tests.guides.factories import GlossaryPageFactory, GlossaryTermFactory, ProcedureSheetPageFactory

RSA = Entry("rsa", "RSA", "Une aide.", ("RSA", "revenu de solidarité active"))
CAF = Entry("caf", "CAF", "La caisse.", ("CAF",))
ALLOCATION = Entry("allocation", "allocation", "De l'argent versé.", ("allocation",))
CARD = Entry(
    "carte-d-identite", "carte d'identité", "Le papier qui dit qui vous êtes.", ("carte d'identité",)
)
GLOSSARY = Glossary([RSA, CAF, ALLOCATION, CARD])


def test_the_first_appearance_of_a_word_links_to_its_explanation():
    html = GLOSSARY.link("<p>Le RSA est une aide. Demandez le RSA.</p>")
    assert html == '<p>Le <a class="glossary-link" href="#mot-rsa">RSA</a> est une aide. Demandez le RSA.</p>'


def test_words_inside_existing_links_headings_and_attributes_stay_as_they_are():
    html = (
        '<h2>Le RSA</h2><p><a href="https://www.caf.fr" title="CAF">site de la CAF</a></p>'
        '<p><img src="rsa.svg" alt="RSA"> <b>RSA</b></p>'
    )
    assert GLOSSARY.link(html) == (
        '<h2>Le RSA</h2><p><a href="https://www.caf.fr" title="CAF">site de la CAF</a></p>'
        '<p><img src="rsa.svg" alt="RSA"> <b><a class="glossary-link" href="#mot-rsa">RSA</a></b></p>'
    )


def test_elements_marked_no_glossary_are_skipped_with_their_children():
    html = '<div class="box no-glossary"><p>Le RSA</p></div><p>La CAF et le RSA</p>'
    linked = GLOSSARY.link(html)
    assert linked.startswith('<div class="box no-glossary"><p>Le RSA</p></div>')
    assert '<a class="glossary-link" href="#mot-rsa">RSA</a>' in linked
    assert '<a class="glossary-link" href="#mot-caf">CAF</a>' in linked


def test_acronyms_match_as_written_and_words_in_any_case_and_plural():
    linked = GLOSSARY.link("<p>La caf et les Allocations.</p>")
    assert "#mot-caf" not in linked
    assert '<a class="glossary-link" href="#mot-allocation">Allocations</a>' in linked


def test_words_are_found_across_escaped_apostrophes_and_line_breaks():
    linked = GLOSSARY.link("<p>Votre carte d&#x27;identité et le revenu de\nsolidarité active.</p>")
    assert '<a class="glossary-link" href="#mot-carte-d-identite">carte d&#x27;identité</a>' in linked
    assert '<a class="glossary-link" href="#mot-rsa">revenu de\nsolidarité active</a>' in linked


def test_a_word_inside_another_word_is_not_linked():
    assert GLOSSARY.link("<p>Les CAFés et la RSAF.</p>") == "<p>Les CAFés et la RSAF.</p>"


def test_words_already_linked_in_an_earlier_fragment_are_not_linked_again():
    seen = []
    GLOSSARY.link("<p>Le RSA</p>", seen=seen)
    assert GLOSSARY.link("<p>Le RSA et la CAF</p>", seen=seen) == (
        '<p>Le RSA et la <a class="glossary-link" href="#mot-caf">CAF</a></p>'
    )
    assert seen == [RSA, CAF]


def test_broken_html_is_left_usable():
    html = "<p>Le RSA <a href='/x'>CAF</p><p>la CAF"
    assert (
        GLOSSARY.link(html)
        == '<p>Le <a class="glossary-link" href="#mot-rsa">RSA</a> <a href=\'/x\'>CAF</p><p>la CAF'
    )


def test_an_empty_glossary_changes_nothing():
    assert Glossary([]).link("<p>Le RSA</p>") == "<p>Le RSA</p>"
    assert Glossary([]).find("Le RSA") == []


@pytest.mark.django_db
def test_the_sheet_explains_its_difficult_words_at_the_end(client, sheet, glossary):
    html = client.get(sheet.url).content.decode()
    assert '<a class="glossary-link" href="#mot-caf">CAF</a>' in html
    assert '<h2 id="mot-liste">Les mots difficiles</h2>' in html
    assert '<dt id="mot-rsa">RSA</dt><dd>Une aide pour les personnes qui ont peu d&#x27;argent.</dd>' in html
    assert '<dt id="mot-caf">CAF</dt>' in html
    assert "justificatif de domicile" not in html


@pytest.mark.django_db
def test_a_sheet_without_difficult_words_has_no_glossary_section(client, topic, glossary):
    sheet = ProcedureSheetPageFactory(
        parent=topic, title="Comment voter ?", summary="Allez voter.", audience="Tous."
    )
    assert "Les mots difficiles" not in client.get(sheet.url).content.decode()


@pytest.mark.django_db
def test_a_new_word_in_the_glossary_shows_on_the_sheet_at_once(client, sheet, glossary):
    assert "mot-ressources" not in client.get(sheet.url).content.decode()
    GlossaryTermFactory(term="ressources", definition="Tout l'argent que vous recevez.")
    assert (
        '<a class="glossary-link" href="#mot-ressources">ressources</a>'
        in client.get(sheet.url).content.decode()
    )


@pytest.mark.django_db
def test_the_glossary_page_lists_every_word_in_dictionary_order(client, guide_index, glossary):
    GlossaryTermFactory(term="école", definition="Le lieu où l'on apprend.")
    page = GlossaryPageFactory(parent=guide_index)
    html = client.get(page.url).content.decode()
    positions = [html.index(f">{term}</dt>") for term in ("CAF", "école", "justificatif de domicile", "RSA")]
    assert positions == sorted(positions)
    assert 'id="justificatif-de-domicile"' in html


@pytest.mark.django_db
def test_glossary_terms_get_a_unique_anchor():
    first = GlossaryTerm.objects.create(term="Bail", definition="Le contrat de location.")
    second = GlossaryTerm.objects.create(term="bail !", definition="Autre.")
    assert (first.slug, second.slug) == ("bail", "bail-2")
