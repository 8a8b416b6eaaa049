from django.contrib.auth import get_user_model

import factory
import wagtail_factories

from home.models import StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"utilisateur{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("mot-de-passe-de-test")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Une page simple."
    body = "<p>Un texte court.</p>"

    class Meta:
        model = StandardPage
