"""Whatever is typed or put in the address, the search page answers kindly, never with an error."""

from urllib.parse import quote

from django.test import Client

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

NASTY_QUERIES = [
    "",
    " ",
    "a" * 10_000,
    "allocation " * 1_000,
    '"',
    '"carte vitale',
    "'",
    "l'",
    "*",
    "carte*",
    "-",
    "-carte",
    "(",
    "(carte OR vitale",
    ")",
    "NEAR",
    "NEAR(carte vitale, 2)",
    "carte NEAR vitale",
    "AND",
    "carte AND",
    "OR NOT AND",
    "^",
    ":",
    "title:carte",
    "{title body}: carte",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "carte\x00vitale",
    "\x00",
    "\\",
    "%",
    "%%",
    "_",
    "<script>alert(1)</script>",
    "😀 carte",
    "\u202e\u200b\ufeff",
    "ＣＡＲＴＥ",
    "& | ! <-> :*",
]


def answers_kindly(response):
    return response.status_code == 200 and response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_strange_queries_get_a_page(client, pages, query):
    assert answers_kindly(client.get("/recherche/", {"q": query}))


def test_a_script_in_the_query_is_shown_as_text(client, pages):
    page = client.get("/recherche/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_very_long_query_is_cut_with_a_message(client, pages):
    page = client.get("/recherche/", {"q": "carte " * 2_000}).content.decode()
    assert "Votre recherche était très longue" in page


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%E9t%E9",
        "q=%ZZcarte",
        "q=%",
        "q=carte%00vitale",
        "q=%C3%28",
        "q=%ED%A0%80",
        "q=carte&q=vitale",
        "q",
        "&&&=",
    ],
)
def test_invalid_percent_encoding_in_the_address_gets_a_page(client, pages, query_string):
    assert answers_kindly(client.get("/recherche/", QUERY_STRING=query_string))


@pytest.mark.parametrize("number", ["abc", "-1", "0", "1.5", "1e3", "999999", "9" * 5_000, " ", "%00", "２"])
def test_a_wrong_page_number_shows_the_first_page_with_a_message(client, pages, number):
    response = client.get("/recherche/", {"q": "carte", "page": number})
    assert answers_kindly(response)
    assert "Cette page de résultats n'existe pas. Voici la première page." in response.content.decode()


@pytest.mark.parametrize("query", ["", "*", "\x00", "a" * 10_000, "carte vit"])
def test_the_suggestions_answer_json_whatever_is_typed(client, pages, query):
    response = client.get("/recherche/", {"q": query, "format": "json"})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(query=st.text(max_size=300), page=st.one_of(st.none(), st.text(max_size=12), st.integers().map(str)))
def test_any_text_gets_a_page(pages, query, page):
    params = {"q": query} if page is None else {"q": query, "page": page}
    assert answers_kindly(Client().get("/recherche/", params))


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(raw=st.binary(max_size=200))
def test_any_bytes_in_the_address_get_a_page(pages, raw):
    assert answers_kindly(Client().get("/recherche/", QUERY_STRING="q=" + quote(raw, safe="%&=+")))
