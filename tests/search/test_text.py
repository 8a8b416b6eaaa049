"""How the search reads what people type."""

import pytest

from search.text import MAX_QUERY_LENGTH, clean_query, fold, looks_personal, meaningful_words


def test_folding_ignores_accents_capitals_and_ligatures():
    assert fold("Sécu Pôle EMPLOI cœur") == "secu pole emploi coeur"


def test_a_whole_question_keeps_only_the_words_about_the_subject():
    assert meaningful_words("Comment avoir de l'argent quand je sors de prison ?") == [
        "argent",
        "sors",
        "prison",
    ]


def test_signs_and_operators_are_not_words():
    assert meaningful_words('"carte" * -vitale (NEAR) ; DROP--') == ["carte", "vitale", "near", "drop"]


def test_a_long_query_is_cut_between_two_words():
    query, was_cut = clean_query("allocation " * 1000)
    assert was_cut
    assert len(query) <= MAX_QUERY_LENGTH
    assert query.split() == ["allocation"] * len(query.split())


def test_null_bytes_and_control_characters_are_removed():
    assert clean_query("carte\x00 vitale\x1b\ufffd") == ("carte vitale", False)


@pytest.mark.parametrize(
    "query",
    [
        "jean.dupont@example.org",
        "06 12 34 56 78",
        "+33 6 12 34 56 78",
        "0612345678",
        "1 85 05 78 006 084 36",
        "numéro allocataire 1234567",
        "né le 12/03/1985",
        "FR76 3000 6000 0112 3456 7890 189",
    ],
)
def test_personal_data_is_recognised(query):
    assert looks_personal(query)


@pytest.mark.parametrize(
    "query", ["77000", "caf 77", "32 30", "carte vitale", "France services Meaux 77100", "2025"]
)
def test_everyday_queries_are_not_personal_data(query):
    assert not looks_personal(query)
