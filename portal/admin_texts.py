"""The admin's words for the portal's models, with the right article and agreement.

Wagtail's French cannot know a model's gender, so it writes "Ajouter un(e) partenaire",
"Partenaire « CAF » créé(e).", "Êtes-vous sûr(e) de vouloir supprimer ce(tte) structure ?",
"Choisir unité du SPIP". Here a model's name is a ``Noun`` that knows its gender (and
whether it elides: "l'unité", "cet organisme"), and the snippet viewsets, their views, their
choosers and the inline panels of the portal say:

- "Ajouter un partenaire", "Ajouter une France services";
- "Nouveau partenaire", "Nouvelle France services";
- "Partenaire « CAF » créé.", "France services « Melun » modifiée.";
- "La France services n'a pas pu être enregistrée. Corrigez ce qui est signalé.";
- "Voulez-vous vraiment supprimer cette France services ?";
- "Choisir un partenaire", "Choisir un autre partenaire", "Modifier ce partenaire".

Use ``portal.viewsets.FrenchSnippetViewSet`` (set ``feminine = True`` for a feminine
verbose_name) and its view classes to build on (``FrenchCreateView``, ``FrenchEditView``…);
``FrenchInlinePanel`` in panels and ``FrenchSnippetChooserBlock`` in StreamFields.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import InlinePanel
from wagtail.snippets.blocks import SnippetChooserBlock

VOWELS = "aâàeéèêëiîïoôuùûyh"
MASCULINE, MASCULINE_ELIDED, FEMININE, FEMININE_ELIDED = range(4)

# One sentence per form: masculine, masculine before a vowel, feminine, feminine before a vowel.
TEXTS = {
    "add": (_("Ajouter un %(name)s"),) * 2 + (_("Ajouter une %(name)s"),) * 2,
    "new": (_("Nouveau %(name)s"), _("Nouvel %(name)s")) + (_("Nouvelle %(name)s"),) * 2,
    "created": (_("%(Name)s « %(object)s » créé."),) * 2 + (_("%(Name)s « %(object)s » créée."),) * 2,
    "updated": (_("%(Name)s « %(object)s » modifié."),) * 2 + (_("%(Name)s « %(object)s » modifiée."),) * 2,
    "deleted": (_("%(Name)s « %(object)s » supprimé."),) * 2 + (_("%(Name)s « %(object)s » supprimée."),) * 2,
    "create_error": (
        _("Le %(name)s n'a pas pu être créé. Corrigez ce qui est signalé."),
        _("L'%(name)s n'a pas pu être créé. Corrigez ce qui est signalé."),
        _("La %(name)s n'a pas pu être créée. Corrigez ce qui est signalé."),
        _("L'%(name)s n'a pas pu être créée. Corrigez ce qui est signalé."),
    ),
    "save_error": (
        _("Le %(name)s n'a pas pu être enregistré. Corrigez ce qui est signalé."),
        _("L'%(name)s n'a pas pu être enregistré. Corrigez ce qui est signalé."),
        _("La %(name)s n'a pas pu être enregistrée. Corrigez ce qui est signalé."),
        _("L'%(name)s n'a pas pu être enregistrée. Corrigez ce qui est signalé."),
    ),
    "confirm_delete": (
        _("Voulez-vous vraiment supprimer ce %(name)s ?"),
        _("Voulez-vous vraiment supprimer cet %(name)s ?"),
    )
    + (_("Voulez-vous vraiment supprimer cette %(name)s ?"),) * 2,
    # "fois" does not change in the plural: one sentence for every count.
    "used": (_("Ce %(name)s est utilisé %(count)s fois."), _("Cet %(name)s est utilisé %(count)s fois."))
    + (_("Cette %(name)s est utilisée %(count)s fois."),) * 2,
    "used_short": (_("Utilisé %(count)s fois"),) * 2 + (_("Utilisée %(count)s fois"),) * 2,
    "choose": (_("Choisir un %(name)s"),) * 2 + (_("Choisir une %(name)s"),) * 2,
    "choose_another": (_("Choisir un autre %(name)s"),) * 2 + (_("Choisir une autre %(name)s"),) * 2,
    "edit_chosen": (_("Modifier ce %(name)s"), _("Modifier cet %(name)s"))
    + (_("Modifier cette %(name)s"),) * 2,
}


class Noun:
    """A model's name in French: "partenaire" (masculine), "unité du SPIP" (feminine, elided)."""

    def __init__(self, name, feminine=False, elided=None):
        self.name = name
        self.feminine = feminine
        self._elided = elided

    @property
    def elided(self):
        if self._elided is not None:
            return self._elided
        return str(self.name)[:1].lower() in VOWELS

    def text(self, key, **params):
        form = (FEMININE if self.feminine else MASCULINE) + (1 if self.elided else 0)
        name = str(self.name)
        return TEXTS[key][form] % {"name": name, "Name": capfirst(name), **params}


class FrenchSnippetChooserBlock(SnippetChooserBlock):
    """A snippet chooser in a StreamField, with its viewset's texts ("Choisir un partenaire")."""

    @property
    def widget(self):
        widget = super().widget
        noun = getattr(self.target_model.snippet_viewset, "noun", None)
        if noun is not None:
            widget.choose_one_text = noun.text("choose")
            widget.choose_another_text = noun.text("choose_another")
            widget.link_to_chosen_text = noun.text("edit_chosen")
        return widget


class FrenchInlinePanel(InlinePanel):
    """An inline panel whose button says "Ajouter une fermeture" (Wagtail: "Ajouter un(e) fermeture")."""

    def __init__(self, relation_name, *args, feminine=False, elided=None, **kwargs):
        super().__init__(relation_name, *args, **kwargs)
        self.feminine = feminine
        self.elided = elided

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "feminine": self.feminine, "elided": self.elided}

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "portal/admin/inline_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            noun = Noun(self.label, feminine=self.panel.feminine, elided=self.panel.elided)
            context["add_label"] = noun.text("add")
            return context
