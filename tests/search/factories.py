import factory

from search.models import Synonym


class SynonymFactory(factory.django.DjangoModelFactory):
    expressions = "chômage, pôle emploi"
    meaning = "France Travail"

    class Meta:
        model = Synonym
