"""Editors' synonyms: what readers write, what the content says."""

from django.core.exceptions import ValidationError

import pytest

from search.models import Synonym
from search.synonyms import compile_rule, find_matches
from search.text import meaningful_words

from .factories import SynonymFactory

pytestmark = pytest.mark.django_db


def rules_for(*pairs):
    return [compile_rule(Synonym(expressions=expressions, meaning=meaning)) for expressions, meaning in pairs]


def meanings(query, rules):
    return [match.rule.meaning for match in find_matches(meaningful_words(query), rules)]


def test_an_expression_in_the_query_brings_its_meaning():
    rules = rules_for(("chômage, pôle emploi", "France Travail"))
    assert meanings("je suis au chomage", rules) == ["France Travail"]


def test_expressions_match_whatever_the_accents_and_capitals():
    rules = rules_for(("sécu, ameli", "Assurance maladie"))
    assert meanings("SECU", rules) == ["Assurance maladie"]


def test_a_typo_in_a_long_expression_is_forgiven():
    rules = rules_for(("chômage, pôle emploi", "France Travail"))
    assert meanings("pole emploie", rules) == ["France Travail"]


def test_short_expressions_must_be_written_exactly():
    rules = rules_for(("APL", "aide au logement"))
    assert meanings("api", rules) == []
    assert meanings("apl", rules) == ["aide au logement"]


def test_a_multi_word_expression_needs_its_words_together():
    rules = rules_for(("carte grise", "certificat d'immatriculation"))
    assert meanings("grise carte", rules) == []
    assert meanings("refaire ma carte grise", rules) == ["certificat d'immatriculation"]


def test_the_expressions_are_cleaned_when_an_editor_saves():
    synonym = Synonym(expressions=" sécu ;ameli,,  Sécu \n CPAM ", meaning="  Assurance   maladie ")
    synonym.full_clean()
    assert synonym.expressions == "sécu, ameli, CPAM"
    assert synonym.meaning == "Assurance maladie"


def test_a_synonym_needs_a_word_on_each_side():
    synonym = Synonym(expressions=" , ; ", meaning="?")
    with pytest.raises(ValidationError) as error:
        synonym.full_clean()
    assert set(error.value.message_dict) == {"expressions", "meaning"}


def test_a_synonym_reads_as_its_expressions_and_meaning():
    assert (
        str(SynonymFactory(expressions="APL, ALS", meaning="aide au logement"))
        == "APL, ALS → aide au logement"
    )


def test_a_new_synonym_applies_to_the_next_search(client, pages):
    assert "S&#x27;inscrire à France Travail" not in client.get("/recherche/", {"q": "taf"}).content.decode()
    SynonymFactory(expressions="taf, boulot", meaning="France Travail")
    assert "S&#x27;inscrire à France Travail" in client.get("/recherche/", {"q": "taf"}).content.decode()
