"""The easy-to-read checker on real French sentences, and on texts that must not break it."""

import pytest

from guides import falc


def kinds(text, known_words=()):
    return [finding.kind for finding in falc.analyse(text, known_words=known_words).findings]


@pytest.mark.parametrize(
    "sentence",
    [
        "Faites la demande sur le site de la CAF.",
        "Vous avez 25 ans ou plus.",
        "Tous les 3 mois, déclarez vos ressources.",
        "Une personne de la mairie vous aide.",
        "Vous avez plus de 25 ans et un enfant.",
        "Le téléphone neuf est dans votre sac.",
        "Allez chercher votre carte à la mairie, dans les 3 mois.",
        "Apportez 2 photos d'identité.",
    ],
)
def test_short_positive_sentences_with_digits_are_not_flagged(sentence):
    assert kinds(sentence, known_words=["CAF"]) == []


def test_a_sentence_over_15_words_is_quoted_with_its_length():
    sentence = (
        "Si vous ne pouvez pas vous déplacer, un conseiller de la caisse peut vous appeler "
        "au téléphone pour faire la demande avec vous."
    )
    report = falc.analyse(sentence)
    long_sentences = report.of_kind(falc.LONG_SENTENCE)
    assert len(long_sentences) == 1
    assert long_sentences[0].word_count == 23
    assert long_sentences[0].sentence == sentence


def test_a_sentence_of_exactly_15_words_is_accepted():
    sentence = "Vous pouvez faire la demande sur le site de la caisse avec votre numéro fiscal."
    assert len(sentence.rstrip(".").split()) == 15
    assert falc.LONG_SENTENCE not in kinds(sentence)


def test_words_of_more_than_4_syllables_are_reported():
    report = falc.analyse("Votre demande est examinée automatiquement par l'administration.")
    [finding] = report.of_kind(falc.LONG_WORD)
    assert finding.words == ("automatiquement", "administration")


@pytest.mark.parametrize("word", ["ordinateur", "renseignements", "complémentaire", "identité", "école"])
def test_words_of_4_syllables_or_less_are_not_reported(word):
    assert falc.LONG_WORD not in kinds(f"Voici le mot {word}.")


def test_a_long_word_explained_in_the_glossary_is_not_reported():
    text = "Apportez un justificatif de domicile."
    assert falc.LONG_WORD in kinds(text)
    assert falc.LONG_WORD not in kinds(text, known_words=["justificatif de domicile"])


def test_acronyms_missing_from_the_glossary_are_reported():
    report = falc.analyse("La CPAM vous envoie la carte. La CAF verse le RSA.", known_words=["CAF", "RSA"])
    [finding] = report.of_kind(falc.ACRONYM)
    assert finding.words == ("CPAM",)
    assert finding.sentence == "La CPAM vous envoie la carte."


def test_roman_numerals_and_capitalised_words_are_not_acronyms():
    assert kinds("Relisez le chapitre II. Vous habitez à Meaux.") == []


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Apportez deux photos.", "deux"),
        ("La carte arrive en quinze jours.", "quinze"),
        ("Il faut neuf mois.", "neuf"),
    ],
)
def test_numbers_written_in_words_are_reported(sentence, number):
    [finding] = falc.analyse(sentence).of_kind(falc.NUMBER_IN_WORDS)
    assert finding.words == (number,)


@pytest.mark.parametrize(
    ("sentence", "negation"),
    [
        ("Vous ne pouvez pas venir.", "ne … pas"),
        ("Il n'y a rien à payer.", "n'y … rien"),
        ("Vous n'avez jamais travaillé.", "n'avez … jamais"),
        ("Vous ne recevez plus le RSA.", "ne … plus"),
        ("Ne le lui donnez pas.", "Ne … pas"),
    ],
)
def test_negative_forms_are_reported(sentence, negation):
    [finding] = falc.analyse(sentence, known_words=["RSA"]).of_kind(falc.NEGATION)
    assert finding.words == (negation,)


@pytest.mark.parametrize(
    "sentence",
    [
        "Vous avez plus de 25 ans.",
        "Une personne vous reçoit.",
        "Vous ne payez que 2 euros.",
        "Il pleut, pas de chance.",
    ],
)
def test_sentences_without_ne_are_not_negative(sentence):
    assert falc.NEGATION not in kinds(sentence)


def test_the_score_follows_the_kandel_moles_formula():
    # al-lez à la mai-rie / don-nez vos pa-piers: 2 sentences, 7 words, 11 syllables.
    report = falc.analyse("Allez à la mairie. Donnez vos papiers.")
    assert (report.sentence_count, report.word_count, report.syllable_count) == (2, 7, 11)
    assert report.score == 87.8  # 207 − 1.015 × 7/2 − 73.6 × 11/7
    assert str(report.level) == "facile"


def test_easy_text_scores_higher_than_administrative_text():
    easy = falc.analyse("Allez à la mairie. Donnez vos papiers. Attendez la carte.")
    hard = falc.analyse(
        "L'instruction administrative de votre demande nécessite obligatoirement "
        "la communication préalable des justificatifs réglementaires."
    )
    assert easy.score > 80 > hard.score


def test_syllables_use_the_french_dictionary():
    assert falc.syllables("administration") == 5
    assert falc.syllables("carte") == 1
    assert falc.syllables("école") == 2
    assert falc.syllables("aujourd'hui") == 3
    assert falc.syllables("l'allocation") == 4


def test_html_is_read_as_its_text_one_sentence_per_paragraph():
    report = falc.analyse(
        "<p>Vous <b>recevez</b> un courrier</p><ul><li>Votre carte</li><li>Votre RIB</li></ul>"
    )
    assert report.sentence_count == 3
    assert report.of_kind(falc.ACRONYM)[0].words == ("RIB",)


@pytest.mark.parametrize(
    "text", ["", None, "   ", "😀😀😀 🎉", "<div><br></div><!-- rien -->", "<p></p>" * 500, "&nbsp;"]
)
def test_texts_without_words_give_an_empty_report(text):
    report = falc.analyse(text)
    assert report.findings == ()
    assert report.score is None
    assert str(report.level) == "pas de texte"


def test_a_text_of_100000_characters_is_analysed():
    sentence = "Vous pouvez demander le RSA à la CAF si vous avez peu de ressources administratives. "
    text = (sentence * (100_000 // len(sentence) + 1))[:100_000]
    report = falc.analyse(text, known_words=["RSA", "CAF"])
    assert report.sentence_count > 1000
    assert {finding.kind for finding in report.findings} == {falc.LONG_WORD}


def test_one_endless_sentence_still_gets_a_score_between_0_and_100():
    report = falc.analyse("mot " * 20_000)
    assert report.score == 0
    assert report.of_kind(falc.LONG_SENTENCE)[0].word_count == 20_000
    assert len(report.of_kind(falc.LONG_SENTENCE)[0].sentence) <= falc.QUOTE_LENGTH
