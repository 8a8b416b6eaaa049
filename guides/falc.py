"""Easy-to-read French (FALC) checks for the editors of the procedure sheets.

FALC ("facile à lire et à comprendre") asks for sentences of about 15 words at
most, everyday words, numbers written in digits, no unexplained acronym and
positive sentences. This module reads a text (plain or HTML) and reports what
an editor may want to rewrite, each finding quoting its sentence. It only
warns: nothing here ever stops a sheet from being published.

The readability score is Kandel and Moles' French adaptation of Flesch's
formula: 207 − 1.015 × words per sentence − 73.6 × syllables per word.
Syllables come from pyphen's French hyphenation dictionary; hyphenation never
cuts a lone first or last vowel ("école"), so a count of vowel groups (a mute
final "e" left out) is used when it finds more.
"""

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

import pyphen

MAX_WORDS_PER_SENTENCE = 15
MAX_SYLLABLES_PER_WORD = 4
QUOTE_LENGTH = 160

LONG_SENTENCE = "long_sentence"
LONG_WORD = "long_word"
ACRONYM = "acronym"
NUMBER_IN_WORDS = "number_in_words"
NEGATION = "negation"

KINDS = {
    LONG_SENTENCE: _("Phrase de plus de 15 mots"),
    LONG_WORD: _("Mot de plus de 4 syllabes"),
    ACRONYM: _("Sigle pas expliqué dans « Les mots difficiles »"),
    NUMBER_IN_WORDS: _("Nombre écrit en lettres"),
    NEGATION: _("Phrase à la forme négative"),
}
ADVICE = {
    LONG_SENTENCE: _("Coupez la phrase en deux : une idée par phrase."),
    LONG_WORD: _("Cherchez un mot plus court, ou expliquez-le."),
    ACRONYM: _("Écrivez le nom en entier, ou ajoutez le sigle aux mots difficiles."),
    NUMBER_IN_WORDS: _("Écrivez le nombre en chiffres : 3 et pas trois."),
    NEGATION: _("Dites-le à la forme positive si vous pouvez."),
}

_BLOCK_TAGS = re.compile(
    r"</?(?:p|div|li|ul|ol|br|h[1-6]|dt|dd|dl|tr|td|th|section|blockquote)\b[^>]*>", re.I
)
_DROPPED_ELEMENTS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_COMMENTS = re.compile(r"<!--.*?-->", re.S)
_TAGS = re.compile(r"<[^>]*>")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\s»”)]+|\n+")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_VOWEL_GROUPS = re.compile(r"[aeiouyàâäéèêëîïôöùûüÿœæ]+")
_LETTERS_ONLY = re.compile(r"[^\W\d_]+")
_ROMAN_NUMERAL = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")

NUMBER_WORDS = frozenset(
    [
        "zéro",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
        "vingt",
        "vingts",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "septante",
        "huitante",
        "octante",
        "nonante",
        "cent",
        "cents",
        "mille",
        "million",
        "millions",
        "milliard",
        "milliards",
        "deuxième",
        "troisième",
        "quatrième",
        "cinquième",
        "sixième",
        "septième",
        "huitième",
        "neuvième",
        "dixième",
        "onzième",
        "douzième",
        "vingtième",
        "centième",
        "millième",
    ]
)
# "neuf" is also an adjective ("un téléphone neuf"): a number only before a plural word.
AMBIGUOUS_NUMBER_WORDS = frozenset({"neuf"})
NEGATION_STARTS = frozenset({"ne"})
NEGATION_ENDS = frozenset(
    {"pas", "plus", "jamais", "rien", "personne", "aucun", "aucune", "guère", "point", "nullement"}
)
NEGATION_REACH = 5  # words between "ne" and "pas" at most ("ne le lui donnez pas")
# Elided words ("l'", "qu'") carry no syllable of their own.
ELISION_MAX_LENGTH = 3

_dictionary = pyphen.Pyphen(lang="fr_FR")


@dataclass(frozen=True)
class Finding:
    """One thing to rewrite, in one sentence."""

    kind: str
    sentence: str
    words: tuple[str, ...] = ()
    word_count: int = 0

    @property
    def label(self):
        return KINDS[self.kind]

    @property
    def advice(self):
        return ADVICE[self.kind]


@dataclass(frozen=True)
class Report:
    """What the analyser found in a text."""

    sentence_count: int = 0
    word_count: int = 0
    syllable_count: int = 0
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def score(self):
        """Kandel–Moles readability (higher is easier), or None when there is no word."""
        if not self.word_count or not self.sentence_count:
            return None
        words_per_sentence = self.word_count / self.sentence_count
        syllables_per_word = self.syllable_count / self.word_count
        score = 207 - 1.015 * words_per_sentence - 73.6 * syllables_per_word
        # The formula leaves the 0–100 scale on texts nobody writes (one endless sentence).
        return round(min(max(score, 0.0), 100.0), 1)

    @property
    def level(self):
        """The score in words, on Flesch's scale."""
        score = self.score
        if score is None:
            return _("pas de texte")
        for threshold, label in (
            (90, _("très facile")),
            (80, _("facile")),
            (70, _("assez facile")),
            (60, _("moyen")),
            (50, _("assez difficile")),
            (30, _("difficile")),
        ):
            if score >= threshold:
                return label
        return _("très difficile")

    @property
    def words_per_sentence(self):
        return round(self.word_count / self.sentence_count, 1) if self.sentence_count else 0

    def of_kind(self, kind):
        return [finding for finding in self.findings if finding.kind == kind]


def plain_text(text):
    """Text of an HTML fragment, one line per paragraph, list item or heading."""
    if "<" in text:
        text = _COMMENTS.sub(" ", text)
        text = _DROPPED_ELEMENTS.sub(" ", text)
        text = _BLOCK_TAGS.sub("\n", text)
        text = _TAGS.sub(" ", text)
    return html.unescape(text).replace("\u00a0", " ")


def split_sentences(text):
    """Sentences of a plain text: ends of sentences and line breaks separate them."""
    return [sentence.strip() for sentence in _SENTENCE_END.split(text) if sentence and sentence.strip()]


def _quote(sentence):
    sentence = " ".join(sentence.split())
    if len(sentence) <= QUOTE_LENGTH:
        return sentence
    return sentence[: QUOTE_LENGTH - 1].rstrip() + "…"


def _vowel_groups(part):
    # The "u" of "qu" and of "gu" before e or i is not heard: "automatique", "guide".
    part = re.sub(r"(?<=q)u|(?<=g)u(?=[eéèêiîy])", "", part)
    groups = len(_VOWEL_GROUPS.findall(part))
    # A final "e" or "es" after a consonant is silent: "carte", "papiers" no, "pages" yes.
    if groups > 1 and re.search(r"[^aeiouyàâäéèêëîïôöùûüÿœæ]es?$", part):
        groups -= 1
    return groups


@lru_cache(maxsize=20_000)
def _part_syllables(part):
    part = part.lower()
    if not _LETTERS_ONLY.fullmatch(part):
        return 1  # a number: count one
    groups = _vowel_groups(part)
    if len(part) > 40:  # not a word anyone would write: skip the dictionary
        return max(groups, 1)
    return max(len(_dictionary.positions(part)) + 1, groups, 1)


def syllables(word):
    """Spoken syllables of a word, elisions ("l'", "qu'") left out, compounds added up."""
    total = 0
    for chunk in word.split("-"):
        pieces = re.split(r"['’]", chunk)
        for index, piece in enumerate(pieces):
            if not piece:
                continue
            is_elision = index < len(pieces) - 1 and len(piece) <= ELISION_MAX_LENGTH
            if not is_elision:
                total += _part_syllables(piece)
    return max(total, 1)


def _without_elision(token):
    """The word without its elided article or pronoun: "l'administration" → "administration"."""
    head, apostrophe, tail = token.replace("’", "'").partition("'")
    return tail if apostrophe and len(head) <= ELISION_MAX_LENGTH and tail else token


def _is_known(token, known):
    """Whether the glossary explains the word, elided ("l'allocation") or plural ("allocations")."""
    word = _without_elision(token).casefold()
    return word in known or token.casefold() in known or (word[-1:] in "sx" and word[:-1] in known)


def _is_acronym(token):
    letters = [char for char in token if char.isalpha()]
    if len(letters) < 2 or len(token) > 6 or any(char.islower() for char in letters):
        return False
    return not _ROMAN_NUMERAL.fullmatch(token)


def _numbers_in_words(tokens):
    found = []
    for index, token in enumerate(tokens):
        for part in token.lower().split("-"):
            if part in NUMBER_WORDS:
                found.append(token)
                break
            if part in AMBIGUOUS_NUMBER_WORDS:
                following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
                if following.endswith(("s", "x")):
                    found.append(token)
                    break
    return found


def _negations(tokens):
    lowered = [token.lower().replace("’", "'") for token in tokens]
    found = []
    for index, token in enumerate(lowered):
        starts_negation = token in NEGATION_STARTS or token.startswith("n'")
        if not starts_negation:
            continue
        for following in lowered[index + 1 : index + 1 + NEGATION_REACH]:
            if following in NEGATION_ENDS:
                found.append(f"{tokens[index]} … {following}")
                break
    return found


def _texts(texts):
    if texts is None:
        return []
    if isinstance(texts, str):
        return [texts]
    return [text for text in texts if text]


def analyse(texts, known_words=()):
    """Analyse one text or several (title, paragraphs…); HTML is read as its text.

    ``known_words`` are the words the sheet explains (its glossary): they are
    neither unexplained acronyms nor difficult long words.
    """
    known = set()
    phrases = []  # several words explained together: "justificatif de domicile"
    for form in known_words:
        words = _WORD.findall(form)
        if len(words) == 1:
            known.add(words[0].casefold())
        elif words:
            phrases.append((" ".join(words).casefold(), {word.casefold() for word in words}))
    sentence_count = word_count = syllable_count = 0
    findings = []
    for text in _texts(texts):
        for sentence in split_sentences(plain_text(str(text))):
            tokens = _WORD.findall(sentence)
            if not tokens:
                continue
            sentence_known = known
            if phrases:
                flat = " ".join(tokens).casefold()
                explained = [words for phrase, words in phrases if phrase in flat]
                if explained:
                    sentence_known = known.union(*explained)
            quote = _quote(sentence)
            sentence_count += 1
            word_count += len(tokens)
            long_words = []
            acronyms = []
            for token in tokens:
                count = syllables(token)
                syllable_count += count
                is_known = _is_known(token, sentence_known)
                if _is_acronym(token):
                    if not is_known and token not in acronyms:
                        acronyms.append(token)
                elif count > MAX_SYLLABLES_PER_WORD and not is_known and _LETTERS_ONLY.search(token):
                    word = _without_elision(token)
                    if word not in long_words:
                        long_words.append(word)
            if len(tokens) > MAX_WORDS_PER_SENTENCE:
                findings.append(Finding(LONG_SENTENCE, quote, word_count=len(tokens)))
            if long_words:
                findings.append(Finding(LONG_WORD, quote, tuple(long_words)))
            if acronyms:
                findings.append(Finding(ACRONYM, quote, tuple(acronyms)))
            if numbers := _numbers_in_words(tokens):
                findings.append(Finding(NUMBER_IN_WORDS, quote, tuple(numbers)))
            if negations := _negations(tokens):
                findings.append(Finding(NEGATION, quote, tuple(negations)))
    return Report(sentence_count, word_count, syllable_count, tuple(findings))
