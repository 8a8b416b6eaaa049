"""The easy-to-read blocks a procedure sheet is made of.

Each block says one thing in short sentences: steps to follow, papers to
bring, a warning, a tip, who to call. Rich text allows bold and links only.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from portal.admin_texts import FrenchSnippetChooserBlock
from portal.blocks import EASY_RICH_TEXT

GROUP = _("Fiche facile à lire")

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 .]{1,18}[0-9]$",
    _("Écrivez le numéro avec des chiffres et des espaces, par exemple 32 30 ou 01 23 45 67 89."),
)


def rich_text_texts(value):
    return [value.source] if value else []


class StepBlock(blocks.StructBlock):
    """One step: a short sentence, maybe a pictogram, maybe a link or a phone number."""

    text = blocks.TextBlock(
        label=_("Ce qu'il faut faire"),
        max_length=300,
        help_text=_("1 ou 2 phrases courtes. Commencez par le verbe : « Allez sur le site de la CAF. »"),
    )
    image = ImageChooserBlock(label=_("Pictogramme"), required=False)
    image_alt = blocks.CharBlock(
        label=_("Texte de remplacement du pictogramme"),
        required=False,
        max_length=120,
        help_text=_("Obligatoire avec un pictogramme : ce qu'il montre, en quelques mots."),
    )
    link_url = blocks.URLBlock(label=_("Lien (adresse internet)"), required=False)
    link_text = blocks.CharBlock(
        label=_("Texte du lien"),
        required=False,
        max_length=80,
        help_text=_("Par exemple : le site de la CAF. Sans texte, l'adresse est affichée."),
    )
    phone = blocks.CharBlock(
        label=_("Numéro de téléphone"), required=False, max_length=25, validators=[phone_validator]
    )

    class Meta:
        icon = "arrow-right"
        label = _("Étape")
        template = "guides/blocks/step_block.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("image_alt", "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "image_alt": ValidationError(_("Décrivez le pictogramme en quelques mots.")),
                }
            )
        return value

    def falc_texts(self, value):
        return [value["text"]]


class StepsBlock(blocks.StructBlock):
    """The numbered steps of a procedure, printed together on one page when possible."""

    heading = blocks.CharBlock(label=_("Titre"), max_length=80, default=_("Les étapes"))
    steps = blocks.ListBlock(StepBlock(), label=_("Étapes"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Étapes numérotées")
        group = GROUP
        template = "guides/blocks/steps_block.html"

    def falc_texts(self, value):
        texts = [value["heading"]]
        for step in value["steps"]:
            texts.extend(self.child_blocks["steps"].child_block.falc_texts(step))
        return texts


class DocumentChecklistBlock(blocks.StructBlock):
    """The papers to bring, printed as boxes to tick."""

    heading = blocks.CharBlock(label=_("Titre"), max_length=80, default=_("Les papiers à apporter"))
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Papier"), max_length=150),
        label=_("Papiers"),
        min_num=1,
        help_text=_("Un papier par ligne. Par exemple : votre carte d'identité."),
    )

    class Meta:
        icon = "tasks"
        label = _("Liste de papiers à apporter")
        group = GROUP
        template = "guides/blocks/document_checklist_block.html"

    def falc_texts(self, value):
        return [value["heading"], *value["items"]]


class AttentionBlock(blocks.StructBlock):
    """A warning: a date not to miss, a risk to avoid."""

    text = blocks.RichTextBlock(label=_("Texte"), features=EASY_RICH_TEXT)

    class Meta:
        icon = "warning"
        label = _("Encadré « Attention »")
        group = GROUP
        template = "guides/blocks/attention_block.html"

    def falc_texts(self, value):
        return rich_text_texts(value["text"])


class GoodToKnowBlock(blocks.StructBlock):
    """A useful tip that is not a step."""

    text = blocks.RichTextBlock(label=_("Texte"), features=EASY_RICH_TEXT)

    class Meta:
        icon = "help"
        label = _("Encadré « Bon à savoir »")
        group = GROUP
        template = "guides/blocks/good_to_know_block.html"

    def falc_texts(self, value):
        return rich_text_texts(value["text"])


class ContactBlock(blocks.StructBlock):
    """Who to call: the partner's phone and hours, and the nearest France services."""

    partner = FrenchSnippetChooserBlock("guides.Partner", label=_("Partenaire"))
    text = blocks.CharBlock(
        label=_("Phrase d'introduction"),
        required=False,
        max_length=200,
        help_text=_("Par exemple : Vous avez une question ? Appelez la CAF."),
    )
    show_directory_link = blocks.BooleanBlock(
        label=_("Proposer de trouver une France services"), required=False, default=True
    )

    class Meta:
        icon = "mail"
        label = _("Contact")
        group = GROUP
        template = "guides/blocks/contact_block.html"

    def falc_texts(self, value):
        return [value["text"]] if value["text"] else []


class ParagraphBlock(blocks.RichTextBlock):
    """A short paragraph: bold and links only."""

    def __init__(self, **kwargs):
        super().__init__(features=EASY_RICH_TEXT, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraphe")
        group = GROUP
        template = "guides/blocks/paragraph_block.html"

    def falc_texts(self, value):
        return rich_text_texts(value)


class ProcedureSheetStreamBlock(blocks.StreamBlock):
    steps = StepsBlock()
    checklist = DocumentChecklistBlock()
    attention = AttentionBlock()
    good_to_know = GoodToKnowBlock()
    contact = ContactBlock()
    paragraph = ParagraphBlock()

    class Meta:
        block_counts = {"steps": {"min_num": 1}}

    def falc_texts(self, value):
        """Every text an editor wrote in the body, one piece per paragraph, step or item."""
        texts = []
        for child in value:
            texts.extend(child.block.falc_texts(child.value))
        return texts

    def checklist_items(self, value):
        return [item for child in value if child.block_type == "checklist" for item in child.value["items"]]
