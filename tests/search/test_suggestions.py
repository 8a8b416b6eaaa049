"""Suggestions while typing: a small JSON answer for the search fields' <datalist>."""

from django.contrib.staticfiles import finders

import pytest

from search.suggest import typing_suggestions
from tests.factories import StandardPageFactory

from .factories import SynonymFactory

pytestmark = pytest.mark.django_db


def suggest(client, text):
    response = client.get("/recherche/", {"q": text, "format": "json"})
    assert response.status_code == 200
    return response.json()["suggestions"]


def test_titles_that_start_like_the_typed_words_are_suggested(client, pages):
    assert suggest(client, "carte vi")[0] == "La carte Vitale"


def test_accents_and_capitals_do_not_matter_while_typing(client, pages):
    assert "Les allocations familiales" in suggest(client, "ALLOC FAMI")


def test_synonyms_expressions_are_suggested(client, pages):
    SynonymFactory(expressions="chômage, pôle emploi", meaning="France Travail")
    assert "chomage" in suggest(client, "chom")


def test_words_of_the_content_complete_the_last_word(client, pages):
    assert "carte immatriculation" in suggest(client, "carte immat")


def test_one_letter_suggests_nothing(client, pages):
    assert suggest(client, "c") == []


def test_at_most_eight_suggestions_are_given(home_page, pages):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Carte numéro {number}")
    assert len(typing_suggestions("carte")) == 8


def test_the_script_is_small_and_reads_the_form_address():
    path = finders.find("search/js/suggest.js")
    with open(path, "rb") as script:
        source = script.read()
    assert len(source) <= 3 * 1024
    assert b'getAttribute("action")' in source
