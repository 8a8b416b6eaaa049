"""Spelling: the vocabulary of the published content, and corrections from it."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import PageViewRestriction

import pytest

from search import spelling
from search.spelling import Vocabulary, correct, get_vocabulary
from search.text import WORD_RE
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def vocabulary_of(**counts):
    return Vocabulary(counts, {}, [])


def test_the_vocabulary_holds_the_words_of_published_pages(pages):
    vocabulary = get_vocabulary()
    assert {"vitale", "allocations", "familiale", "immatriculation"} <= set(vocabulary.counts)
    assert vocabulary.form("immatriculation") == "immatriculation"


def test_the_vocabulary_remembers_how_a_word_is_written_with_its_accents(home_page):
    StandardPageFactory(parent=home_page, title="Sécurité sociale", intro="La sécurité sociale.")
    assert get_vocabulary().form("securite") == "sécurité"


def test_drafts_are_not_in_the_vocabulary(home_page):
    StandardPageFactory(parent=home_page, title="Brouillon confidentiel", live=False)
    assert "confidentiel" not in get_vocabulary()


def test_private_pages_are_not_in_the_vocabulary(home_page):
    page = StandardPageFactory(parent=home_page, title="Consignes internes")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    assert "consignes" not in get_vocabulary()


def test_publishing_a_page_rebuilds_the_vocabulary(pages, home_page, django_capture_on_commit_callbacks):
    assert "domiciliation" not in get_vocabulary()
    page = StandardPageFactory(parent=home_page, title="Domiciliation", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "domiciliation" in get_vocabulary()


def test_unpublishing_a_page_rebuilds_the_vocabulary(pages, django_capture_on_commit_callbacks):
    assert "immatriculation" in get_vocabulary()
    with django_capture_on_commit_callbacks(execute=True):
        pages["grise"].unpublish()
    assert "immatriculation" not in get_vocabulary()


def test_many_publications_at_once_rebuild_the_vocabulary_once(
    home_page, django_capture_on_commit_callbacks, monkeypatch
):
    get_vocabulary()
    builds = []
    monkeypatch.setattr(spelling, "build_vocabulary", lambda: builds.append(1) or Vocabulary({}, {}, []))
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(3):
            StandardPageFactory(
                parent=home_page, title=f"Page {number}", live=False
            ).save_revision().publish()
    assert len(builds) == 1


def test_readers_keep_the_previous_vocabulary_until_the_new_one_is_built(pages, home_page):
    get_vocabulary()
    page = StandardPageFactory(parent=home_page, title="Domiciliation", live=False)
    page.save_revision().publish()  # the rebuild waits for the commit
    vocabulary = get_vocabulary()
    assert "immatriculation" in vocabulary
    assert "domiciliation" not in vocabulary


def test_the_vocabulary_is_built_once_until_content_changes(
    pages, home_page, monkeypatch, django_capture_on_commit_callbacks
):
    builds = []
    build = spelling.build_vocabulary
    monkeypatch.setattr(spelling, "build_vocabulary", lambda: builds.append(1) or build())
    get_vocabulary()
    get_vocabulary()
    assert len(builds) == 1
    with django_capture_on_commit_callbacks(execute=True):
        StandardPageFactory(parent=home_page, title="Domiciliation", live=False).save_revision().publish()
    assert "domiciliation" in get_vocabulary()
    assert len(builds) == 2


def test_a_second_look_at_the_vocabulary_reads_nothing(pages, django_assert_num_queries):
    get_vocabulary()
    with django_assert_num_queries(0):
        get_vocabulary()


def test_a_word_with_one_typo_is_clearly_corrected():
    corrections = correct(["alocation"], vocabulary_of(allocation=12, location=1))
    assert corrections["alocation"].clear
    assert corrections["alocation"].best.word == "allocation"


def test_two_words_as_close_and_as_frequent_are_not_a_clear_choice():
    corrections = correct(["carde"], vocabulary_of(carte=5, garde=5, cadre=4))
    assert not corrections["carde"].clear
    assert {choice.word for choice in corrections["carde"].choices} >= {"carte", "garde"}


def test_a_far_more_frequent_word_wins_a_tie():
    corrections = correct(["vitle"], vocabulary_of(vitale=40, vite=2))
    assert corrections["vitle"].clear
    assert corrections["vitle"].best.word == "vitale"


def test_known_short_and_kept_words_are_not_corrected():
    vocabulary = vocabulary_of(carte=3, apl=1, allocation=2)
    assert correct(["carte", "apo", "77000", "alocation"], vocabulary, keep={"alocation"}) == {}


def test_a_word_too_far_from_every_known_word_gets_no_correction():
    assert correct(["zzzzzz"], vocabulary_of(allocation=2)) == {}


def test_the_vocabulary_is_shared_through_the_cache(pages, django_assert_num_queries):
    first = get_vocabulary()
    spelling._memo.update(token=None, vocabulary=None)  # as in another process
    with django_assert_num_queries(0):
        assert get_vocabulary().counts == first.counts


def test_the_index_gives_the_same_words_as_the_content(home_page):
    call_command("load_demo", stdout=StringIO())

    def found(texts):
        return {word for text in texts for word in WORD_RE.findall(text.lower())}

    assert found(spelling.texts_from_index()) == found(spelling.texts_from_objects())
