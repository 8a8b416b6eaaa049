"""Whatever people type, the directory answers with a page, never a server error."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.communes import find_communes, suggest_communes
from tests.directory.factories import StructureFactory

pytestmark = pytest.mark.django_db

NASTY = [
    "'",
    '"',
    "l'isle",
    "%",
    "_",
    "%_%",
    "'; DROP TABLE directory_structure; --",
    "1 OR 1=1",
    "x" * 10_000,
    "\x00",
    "mea\x00ux",
    "😀",
    "Meaux 😀",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\u202e",
    "   ",
]

any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)


@pytest.fixture
def structure(directory_page):
    return StructureFactory(name="France services Pimms Médiation Melun")


@pytest.mark.parametrize("text", NASTY)
def test_commune_search_answers_any_text_with_a_page(client, structure, text):
    response = client.get("/france-services/recherche/?" + urlencode({"q": text}))
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize("text", NASTY)
def test_directory_filters_answer_any_text_with_a_page(client, structure, text):
    response = client.get("/france-services/?" + urlencode({"partenaire": text, "tri": text}))
    assert response.status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=any_text)
def test_commune_search_never_fails(client, structure, text):
    response = client.get("/france-services/recherche/?" + urlencode({"q": text}))
    assert response.status_code == 200


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_commune_lookup_functions_accept_any_text(db, text):
    assert isinstance(find_communes(text), list)
    assert isinstance(suggest_communes(text), list)
