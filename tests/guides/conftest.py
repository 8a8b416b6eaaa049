"""Fixtures for the guides: the "Fiches pratiques" section, a topic, a sheet, the glossary."""

import pytest

from tests.guides.factories import (
    GlossaryTermFactory,
    GuideIndexPageFactory,
    ProcedureSheetPageFactory,
    TopicPageFactory,
)


@pytest.fixture
def guide_index(home_page):
    return GuideIndexPageFactory(parent=home_page)


@pytest.fixture
def topic(guide_index):
    return TopicPageFactory(parent=guide_index, title="Avoir de l'argent pour vivre", slug="argent")


@pytest.fixture
def glossary(db):
    return [
        GlossaryTermFactory(
            term="RSA",
            other_forms="revenu de solidarité active",
            definition="Une aide pour les personnes qui ont peu d'argent.",
        ),
        GlossaryTermFactory(term="CAF", definition="L'organisme qui verse les aides."),
        GlossaryTermFactory(
            term="justificatif de domicile",
            definition="Un papier qui prouve où vous habitez.",
        ),
    ]


@pytest.fixture
def sheet(topic):
    return ProcedureSheetPageFactory(
        parent=topic,
        title="Comment demander le RSA ?",
        slug="demander-le-rsa",
        summary="Le RSA est une aide pour vivre quand on a peu d'argent.",
        audience="Vous avez 25 ans ou plus.",
        body__0__steps__steps__0__text="Faites la demande sur le site de la CAF.",
        body__0__steps__steps__1__text="Tous les 3 mois, déclarez vos ressources.",
        body__1__checklist__items__0="Votre carte d'identité",
        body__1__checklist__items__1="Votre RIB",
    )
