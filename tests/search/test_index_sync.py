"""The search index follows publication: no manual rebuild is needed after an editor's change."""

from django.urls import reverse

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def _found(client, query):
    return client.get(reverse("search"), {"q": query}).content.decode()


def test_a_published_page_is_found_at_once_and_an_unpublished_one_no_longer(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Permanence à Coulommiers", slug="coulommiers")
    assert "Permanence à Coulommiers" in _found(client, "Coulommiers")

    page.title = "Permanence à Provins"
    page.save_revision().publish()
    assert "Permanence à Provins" in _found(client, "Provins")

    page.unpublish()
    assert "Permanence à Provins" not in _found(client, "Provins")
