import datetime

import factory
import wagtail_factories

from directory.models import Closure, DirectoryPage, OpeningHours, Stop, Structure


class StructureFactory(factory.django.DjangoModelFactory):
    """A fixed France services in Melun, open nowhere until hours are added."""

    name = factory.Sequence(lambda n: f"France services d'essai {n}")
    department = "77"
    address = "16 rue Saint Liesne"
    insee_code = "77288"
    postcode = "77000"
    commune_name = "Melun"
    latitude = 48.539751
    longitude = 2.665337
    appointment_required = False
    kind = Structure.Kind.MAIN
    format = Structure.Format.FIXED

    class Meta:
        model = Structure


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    structure = factory.SubFactory(StructureFactory)
    weekday = 0
    opens = datetime.time(9)
    closes = datetime.time(12)

    class Meta:
        model = OpeningHours


class ClosureFactory(factory.django.DjangoModelFactory):
    structure = factory.SubFactory(StructureFactory)
    start_date = factory.LazyFunction(datetime.date.today)
    end_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=7))
    reason = "congés"

    class Meta:
        model = Closure


class StopFactory(factory.django.DjangoModelFactory):
    structure = factory.SubFactory(StructureFactory, format=Structure.Format.ITINERANT)
    place = "Mairie"

    class Meta:
        model = Stop


class DirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Les France services de Seine-et-Marne"
    slug = "france-services"

    class Meta:
        model = DirectoryPage


def weekdays_nine_to_five(structure, days=range(5)):
    """Monday to Friday (by default), 9 h – 12 h and 14 h – 17 h."""
    for weekday in days:
        OpeningHoursFactory(
            structure=structure,
            weekday=weekday,
            opens_again=datetime.time(14),
            closes_again=datetime.time(17),
        )
    return structure
