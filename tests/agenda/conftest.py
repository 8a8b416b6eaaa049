import pytest

from tests.agenda.factories import AgendaPageFactory, ProbationUnitFactory


@pytest.fixture
def agenda_page(home_page):
    return AgendaPageFactory(parent=home_page)


@pytest.fixture
def meaux(db):
    return ProbationUnitFactory(slug="meaux", name="SPIP – Meaux", postcode="77100", commune="Meaux")
