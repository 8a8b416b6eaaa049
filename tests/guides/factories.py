"""Factories for the guides: partners, difficult words, blocks and the four page types."""

import datetime

from wagtail.rich_text import RichText

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from guides import blocks
from guides.models import GlossaryPage, GlossaryTerm, GuideIndexPage, Partner, ProcedureSheetPage, TopicPage


class PartnerFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Caisse de test {n}")
    short_name = factory.Sequence(lambda n: f"CT{n}")
    slug = factory.Sequence(lambda n: f"caisse-de-test-{n}")
    phone = "32 30"
    phone_hours = "Du lundi au vendredi, de 9 h à 16 h 30."
    website = "https://www.caf.fr"

    class Meta:
        model = Partner
        django_get_or_create = ("slug",)


class GlossaryTermFactory(DjangoModelFactory):
    term = factory.Sequence(lambda n: f"mot{n}")
    definition = "Une explication simple."

    class Meta:
        model = GlossaryTerm
        django_get_or_create = ("term",)


class StepBlockFactory(wagtail_factories.StructBlockFactory):
    text = "Allez sur le site de la caisse."
    image = None
    image_alt = ""
    link_url = ""
    link_text = ""
    phone = ""

    class Meta:
        model = blocks.StepBlock


class StepsBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Les étapes"
    steps = wagtail_factories.ListBlockFactory(StepBlockFactory)

    class Meta:
        model = blocks.StepsBlock


class DocumentChecklistBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Les papiers à apporter"
    items = wagtail_factories.ListBlockFactory(wagtail_factories.CharBlockFactory)

    class Meta:
        model = blocks.DocumentChecklistBlock


class AttentionBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.LazyFunction(lambda: RichText("<p>Faites la demande tout de suite.</p>"))

    class Meta:
        model = blocks.AttentionBlock


class GoodToKnowBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.LazyFunction(lambda: RichText("<p>Un conseiller peut vous aider.</p>"))

    class Meta:
        model = blocks.GoodToKnowBlock


class ContactBlockFactory(wagtail_factories.StructBlockFactory):
    partner = factory.SubFactory(PartnerFactory)
    text = "Vous avez une question ? Appelez."
    show_directory_link = True

    class Meta:
        model = blocks.ContactBlock


class ProcedureSheetStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    steps = factory.SubFactory(StepsBlockFactory)
    checklist = factory.SubFactory(DocumentChecklistBlockFactory)
    attention = factory.SubFactory(AttentionBlockFactory)
    good_to_know = factory.SubFactory(GoodToKnowBlockFactory)
    contact = factory.SubFactory(ContactBlockFactory)

    class Meta:
        model = blocks.ProcedureSheetStreamBlock


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Fiches pratiques"
    slug = "fiches"

    class Meta:
        model = GuideIndexPage


class GlossaryPageFactory(wagtail_factories.PageFactory):
    title = "Les mots difficiles"
    slug = "mots-difficiles"

    class Meta:
        model = GlossaryPage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Thème {n}")
    intro = "Les démarches de ce thème."

    class Meta:
        model = TopicPage


class ProcedureSheetPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Comment faire la démarche {n} ?")
    summary = "Une démarche expliquée simplement."
    audience = "Vous avez 18 ans ou plus."
    last_checked_on = factory.LazyFunction(datetime.date.today)
    body = wagtail_factories.StreamFieldFactory(ProcedureSheetStreamBlockFactory)
    # A sheet has at least its steps; tests add other blocks with body__1=…, body__2=…
    body__0__steps__steps__0__text = "Allez sur le site de la caisse."

    class Meta:
        model = ProcedureSheetPage
