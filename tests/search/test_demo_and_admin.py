"""Demo synonyms, and editors managing synonyms in the Wagtail admin."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

import pytest

from home.groups import EDITORS
from search import demo
from search.models import Synonym

pytestmark = pytest.mark.django_db


def test_the_demo_loads_realistic_synonyms(home_page):
    demo.load(StringIO())
    meanings = set(Synonym.objects.values_list("meaning", flat=True))
    assert {"France Travail", "Assurance maladie", "aide au logement"} <= meanings


def test_loading_the_demo_twice_changes_nothing(home_page):
    demo.load(StringIO())
    before = list(Synonym.objects.values_list("pk", "expressions", "meaning"))
    out = StringIO()
    demo.load(out)
    assert list(Synonym.objects.values_list("pk", "expressions", "meaning")) == before
    assert "(0 ajoutés, 0 mis à jour)" in out.getvalue()


def test_load_demo_loads_the_synonyms(home_page):
    call_command("load_demo", stdout=StringIO())
    assert Synonym.objects.filter(meaning="France Travail").exists()


def test_editors_may_manage_synonyms():
    codenames = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    assert {"add_synonym", "change_synonym", "delete_synonym", "view_synonym"} <= codenames


def test_an_editor_adds_a_synonym_in_the_admin(client, editor):
    client.force_login(editor)
    url = reverse("wagtailsnippets_search_synonym:add")
    response = client.post(url, {"expressions": "APL, ALS", "meaning": "aide au logement"})
    assert response.status_code == 302
    assert str(Synonym.objects.get()) == "APL, ALS → aide au logement"


def test_the_admin_explains_a_synonym_without_words(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_search_synonym:add"), {"expressions": ",,", "meaning": "x"}
    )
    assert response.status_code == 200
    assert "Écrivez au moins un mot" in response.content.decode()
    assert not Synonym.objects.exists()


def test_cpips_may_not_manage_synonyms(client, cpip):
    """A CPIP has no access to the admin: sent to its sign-in page, and sees no synonym."""
    client.force_login(cpip)
    response = client.get(reverse("wagtailsnippets_search_synonym:list"))
    assert response.status_code == 302
    assert response.url.split("?", 1)[0] == reverse("wagtailadmin_login")


def test_falc_reviewers_may_not_manage_synonyms(client, falc_reviewer):
    """A FALC reviewer uses the admin, but its synonyms are refused."""
    client.force_login(falc_reviewer)
    response = client.get(reverse("wagtailsnippets_search_synonym:list"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_editors_find_the_report_in_the_staff_area(client, editor):
    client.force_login(editor)
    assert reverse("search_report") in client.get(reverse("staff_home")).content.decode()


def test_cpips_do_not_see_the_report_in_the_staff_area(client, cpip):
    client.force_login(cpip)
    assert reverse("search_report") not in client.get(reverse("staff_home")).content.decode()
