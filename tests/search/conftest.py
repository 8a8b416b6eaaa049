"""Fixtures for the search tests: an empty cache, a few published pages, synonyms."""

import pytest
from hypothesis import settings

from tests.factories import StandardPageFactory

from .factories import SynonymFactory

# Hypothesis keeps no example database in the repository.
settings.register_profile("portal", database=None, deadline=None)
settings.load_profile("portal")


@pytest.fixture
def pages(home_page):
    """A few published pages about everyday procedures."""
    return {
        "vitale": StandardPageFactory(
            parent=home_page,
            title="La carte Vitale",
            slug="carte-vitale",
            intro="Demander ou remplacer votre carte Vitale auprès de l'Assurance maladie.",
            body="<p>La carte Vitale prouve vos droits à l'Assurance maladie. Gardez-la sur vous.</p>",
        ),
        "grise": StandardPageFactory(
            parent=home_page,
            title="La carte grise",
            slug="carte-grise",
            intro="Faire la carte grise de votre voiture.",
            body="<p>La demande de certificat d'immatriculation se fait en ligne.</p>",
        ),
        "travail": StandardPageFactory(
            parent=home_page,
            title="S'inscrire à France Travail",
            slug="france-travail",
            intro="Vous cherchez un emploi : inscrivez-vous à France Travail.",
            body="<p>France Travail vous aide à chercher un emploi et verse l'allocation d'aide au retour à l'emploi.</p>",
        ),
        "allocations": StandardPageFactory(
            parent=home_page,
            title="Les allocations familiales",
            slug="allocations-familiales",
            intro="La CAF verse une allocation familiale si vous avez au moins deux enfants.",
            body="<p>Les allocations familiales aident les familles. Demandez-les à la CAF.</p>",
        ),
    }


@pytest.fixture
def synonyms(db):
    return [
        SynonymFactory(expressions="chômage, pôle emploi", meaning="France Travail"),
        SynonymFactory(expressions="sécu, ameli", meaning="Assurance maladie"),
    ]


# Hit rates of the relevance set (test_relevance.py), shown at the end of the run.
RELEVANCE_REPORTS = []


def pytest_terminal_summary(terminalreporter):
    for line in RELEVANCE_REPORTS:
        terminalreporter.write_line(line)
