"""Fixtures every app's tests share: the site, its home page, users in each group."""

from django.contrib.auth.models import Group
from django.core.cache import cache

from wagtail.models import Site

import pytest

from home.groups import CPIP, EDITORS, FALC_REVIEWERS
from home.models import HomePage
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: sheet PDFs, the search vocabulary and synonyms
    live there, keyed by ids that a new test database may reuse."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return HomePage.objects.get()


def _user_in(group_name, username):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _user_in(EDITORS, "editeur")


@pytest.fixture
def falc_reviewer(db):
    return _user_in(FALC_REVIEWERS, "relecteur")


@pytest.fixture
def cpip(db):
    return _user_in(CPIP, "cpip")


@pytest.fixture
def other_user(db):
    """Signed in, but in none of the portal's groups."""
    return UserFactory(username="visiteur")
