from datetime import time, timedelta

from django.utils import timezone

import factory
import wagtail_factories

from agenda.models import AgendaPage, Booking, ProbationUnit, Session, SessionRule, Subject
from tests.factories import UserFactory


def in_days(days):
    return timezone.localdate() + timedelta(days=days)


class ProbationUnitFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"SPIP – Unité {n}")
    slug = factory.Sequence(lambda n: f"unite-{n}")
    postcode = "77100"
    commune = "Meaux"

    class Meta:
        model = ProbationUnit
        django_get_or_create = ("slug",)


class SessionFactory(factory.django.DjangoModelFactory):
    unit = factory.SubFactory(ProbationUnitFactory)
    date = factory.LazyFunction(lambda: in_days(7))
    start_time = time(9)
    end_time = time(12)
    slot_minutes = 30

    class Meta:
        model = Session


class SessionRuleFactory(factory.django.DjangoModelFactory):
    unit = factory.SubFactory(ProbationUnitFactory)
    weekdays = factory.LazyFunction(lambda: [1])
    positions = factory.LazyFunction(list)
    start_time = time(9)
    end_time = time(12)
    starts_on = factory.LazyFunction(lambda: in_days(0))
    ends_on = factory.LazyFunction(lambda: in_days(90))

    class Meta:
        model = SessionRule


class BookingFactory(factory.django.DjangoModelFactory):
    session = factory.SubFactory(SessionFactory)
    slot_start = time(9)
    cpip = factory.SubFactory(UserFactory)
    subject = Subject.CAF

    class Meta:
        model = Booking


class AgendaPageFactory(wagtail_factories.PageFactory):
    title = "Les permanences France services au SPIP"
    slug = "agenda"
    intro = "<p>France services vient au SPIP.</p>"

    class Meta:
        model = AgendaPage
