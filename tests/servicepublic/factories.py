"""Factories for official sheets: a sheet as an import leaves it, or a placeholder (a number only)."""

import datetime

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from servicepublic.models import OfficialSheet


class OfficialSheetFactory(DjangoModelFactory):
    identifier = factory.Sequence(lambda n: f"F{90000 + n}")
    kind = "Publication"
    publication_type = "Fiche d'information"
    title = factory.Sequence(lambda n: f"Démarche officielle {n}")
    audience = "Particuliers"
    theme = "Social - Santé"
    theme_code = "N19811"
    changed_on = datetime.date(2020, 4, 1)
    modified_on = datetime.date(2020, 10, 29)
    source_url = factory.LazyAttribute(
        lambda sheet: f"https://www.service-public.fr/particuliers/vosdroits/{sheet.identifier}"
    )
    imported_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = OfficialSheet
        django_get_or_create = ("identifier",)


class PlaceholderSheetFactory(OfficialSheetFactory):
    """A number linked before any import: no title but its number, no date."""

    title = factory.SelfAttribute("identifier")
    kind = publication_type = audience = theme = theme_code = source_url = ""
    changed_on = modified_on = imported_at = None
