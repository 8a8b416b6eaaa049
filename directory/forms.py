"""The directory's small GET forms (they work without JavaScript), the admin import form and the structure form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from guides.models import Partner

from .communes import MAX_QUERY_LENGTH, clean_query


class CommuneSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Votre commune ou votre code postal"),
        help_text=_("Par exemple : Meaux, st fargeau, 77230."),
        error_messages={"required": _("Écrivez le nom de votre commune ou son code postal.")},
        widget=forms.TextInput(attrs={"autocomplete": "address-level2", "maxlength": MAX_QUERY_LENGTH}),
    )

    def clean_q(self):
        query = clean_query(self.cleaned_data["q"])
        if not query:
            raise forms.ValidationError(_("Écrivez le nom de votre commune ou son code postal."))
        return query


class DirectoryFilterForm(forms.Form):
    BY_ARRONDISSEMENT = "arrondissement"
    BY_COMMUNE = "commune"

    partenaire = forms.ModelChoiceField(
        Partner.objects.all(),
        label=_("Pour quel organisme ?"),
        to_field_name="slug",
        required=False,
        empty_label=_("Tous les organismes"),
    )
    tri = forms.ChoiceField(
        label=_("Classer"),
        choices=[(BY_ARRONDISSEMENT, _("par arrondissement")), (BY_COMMUNE, _("par commune, de A à Z"))],
        required=False,
        widget=forms.RadioSelect,
    )


class ImportForm(forms.Form):
    MAX_SIZE = 20 * 1024 * 1024

    file = forms.FileField(
        label=_("Fichier CSV de la liste officielle"),
        help_text=_("Le fichier « liste des structures France services » de data.gouv.fr (ANCT), en UTF-8."),
    )
    departement = forms.RegexField(
        regex=r"^(\d{2,3}|2[AB])$",
        label=_("Département"),
        required=False,
        help_text=_("Seules les lignes de ce département sont importées. Vide : tout le fichier."),
        error_messages={"invalid": _("Écrivez un numéro de département, par exemple 77.")},
    )
    dry_run = forms.BooleanField(
        label=_("Essai à blanc"),
        required=False,
        help_text=_("Lit le fichier et montre ce qui changerait, sans rien enregistrer."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_SIZE:
            raise forms.ValidationError(_("Le fichier est trop gros (20 Mo au plus)."))
        return upload


class StructureForm(WagtailAdminModelForm):
    """The admin form: one line of opening hours per weekday at most."""

    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("opening_hours")
        if formset is None or not formset.is_valid():
            return valid
        seen = set()
        for form in formset.forms:
            if form in formset.deleted_forms or not form.cleaned_data:
                continue
            weekday = form.cleaned_data["weekday"]
            if weekday in seen:
                form.add_error("weekday", _("Ce jour a déjà ses horaires : une seule ligne par jour."))
                valid = False
            seen.add(weekday)
        return valid
