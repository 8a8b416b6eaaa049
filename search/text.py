"""How the search reads what people type: folded words, stop words, personal data.

Readers write as they speak, often without accents or capitals: every
comparison (synonyms, spelling, promotions) is made on folded text, where
"Sécu", "sécu" and "SECU" are the same word.
"""

import re
import unicodedata

# Longest query the search keeps, as the search field allows (maxlength).
MAX_QUERY_LENGTH = 200

# Letters and digits only: quotes, *, -, (, operators' symbols and SQL
# punctuation never reach a search backend.
WORD_RE = re.compile(r"[^\W_]+")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")
SPACES_RE = re.compile(r"\s+")

LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})

# French stop words (PostgreSQL's list, folded) and the words of a question
# ("comment", "je veux", "quand"), which say nothing about the subject.
STOP_WORDS_TEXT = """
au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me meme mes moi mon ne
nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre
vous c d j l a m n s t y ete suis es est sommes etes sont serai sera serait etais etait ai as avons
avez ont aurai aura aurait avais avait eu les cet cette chez dont donc car si aussi tres bien alors plus
tout tous toute toutes
comment quoi quand pourquoi combien quel quelle quels quelles ca cela ceci ici
faire fais fait veux voudrais voudrait peux peut puis dois doit faut besoin avoir etre aller vais
bonjour merci svp stp plait assez trop beaucoup vraiment encore deja jamais toujours rien comme
"""
STOP_WORDS = frozenset(STOP_WORDS_TEXT.split())


def fold(text):
    """Lower case, without accents or ligatures: "Pôle Emploi" → "pole emploi"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def clean_query(raw):
    """The query as the search keeps it: printable, single-spaced, at most MAX_QUERY_LENGTH characters.

    Returns ``(query, was_cut)``.
    """
    text = CONTROL_RE.sub(" ", unicodedata.normalize("NFC", raw))
    text = SPACES_RE.sub(" ", text).strip()
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    cut = text[:MAX_QUERY_LENGTH]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # don't keep half a word
    return cut.strip(), True


def words(text):
    """The folded words of ``text``, in order: "L'aide au logement" → ["l", "aide", "au", "logement"]."""
    return WORD_RE.findall(fold(text))


def is_meaningful(word):
    """A word that says something about the subject: not a stop word, not a lone letter."""
    return word not in STOP_WORDS and (len(word) > 1 or word.isdigit())


def meaningful_words(text):
    return [word for word in words(text) if is_meaningful(word)]


# Personal data that people sometimes paste into a search box. The query log
# never keeps such a query (see search/querylog.py). Names cannot be told from
# other words: the log is kept only 30 days, and only as counts per query.
EMAIL_RE = re.compile(r"\S+@\S+")
# Six digits or more in a row: a social security, CAF, tax or prison number.
LONG_NUMBER_RE = re.compile(r"\d{6,}")
# Eight digits or more split by spaces, dots, dashes or slashes: a phone
# number ("06 12 34 56 78", "+33 6 12…") or a date of birth ("12/03/1985").
SPLIT_NUMBER_RE = re.compile(r"\+?\d(?:[\s./-]*\d){7,}")


def looks_personal(text):
    """True when ``text`` holds an e-mail address, a phone number, a date or a long number."""
    return bool(EMAIL_RE.search(text) or LONG_NUMBER_RE.search(text) or SPLIT_NUMBER_RE.search(text))
