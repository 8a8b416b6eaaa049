"""The directory's small GET forms (they work without JavaScript), the admin import form and the structure form."""

from urllib.parse import urlencode

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from guides.models import Partner

from .communes import MAX_QUERY_LENGTH, clean_query
from .osm_hours import MAX_LENGTH as MAX_OSM_LENGTH
from .osm_hours import InvalidOpeningHours, read_opening_hours


class NeedsForm(forms.Form):
    """What the person needs: a partner ("je dois voir la CAF"), open now, a step-free entrance.

    A GET form: the choices travel in the address (``query()``), from the search to the choice of
    commune and to the results. A wrong value is an error shown by the field; the others still apply.
    """

    partenaire = forms.ModelChoiceField(
        Partner.objects.all(),
        label=_("Je dois voir"),
        to_field_name="slug",
        required=False,
        empty_label=_("Tous les organismes"),
    )
    ouvert = forms.BooleanField(label=_("Ouvert maintenant"), required=False)
    fauteuil = forms.BooleanField(label=_("Entrée accessible en fauteuil roulant"), required=False)

    def needs(self):
        """{"partner": Partner or None, "open_now": bool, "wheelchair": bool} of the valid choices."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "partner": data.get("partenaire"),
            "open_now": bool(data.get("ouvert")),
            "wheelchair": bool(data.get("fauteuil")),
        }

    def query(self):
        """The valid choices as a query string ("partenaire=caf&ouvert=1"), "" when none."""
        needs = self.needs()
        pairs = {
            "partenaire": needs["partner"].slug if needs["partner"] else "",
            "ouvert": "1" if needs["open_now"] else "",
            "fauteuil": "1" if needs["wheelchair"] else "",
        }
        return urlencode({key: value for key, value in pairs.items() if value})


class CommuneSearchForm(NeedsForm):
    q = forms.CharField(
        label=_("Votre commune ou votre code postal"),
        help_text=_("Par exemple : Meaux, st fargeau, 77230."),
        error_messages={"required": _("Écrivez le nom de votre commune ou son code postal.")},
        widget=forms.TextInput(attrs={"autocomplete": "address-level2", "maxlength": MAX_QUERY_LENGTH}),
    )

    field_order = ["q", "partenaire", "ouvert", "fauteuil"]

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
    """The admin form: one line of opening hours per weekday at most; the whole schedule may also be
    typed in OpenStreetMap's syntax; "checked today" dates the information."""

    osm_hours = forms.CharField(
        label=_("Horaires au format OpenStreetMap"),
        required=False,
        max_length=MAX_OSM_LENGTH,
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
        help_text=_(
            "Pour coller des horaires venus d'un autre annuaire, par exemple : "
            "Mo-Fr 09:00-12:00,14:00-17:00; PH off. Si vous les changez ici, ils remplacent les "
            "horaires, les jours fériés et les fermetures à venir de la fiche."
        ),
    )
    verified_today = forms.BooleanField(
        label=_("J'ai vérifié ces informations aujourd'hui avec la structure"),
        required=False,
        help_text=_("La fiche dira « Informations vérifiées le » avec la date du jour."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read_hours = None
        if self.instance.pk:
            self.fields["osm_hours"].initial = self.instance.osm_hours

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("verified_today"):
            cleaned["verified_on"] = timezone.localdate()
        if "osm_hours" in self.changed_data and cleaned.get("osm_hours", "").strip():
            try:
                self.read_hours = read_opening_hours(cleaned["osm_hours"], timezone.localdate())
            except InvalidOpeningHours as error:
                self.add_error("osm_hours", str(error))
        return cleaned

    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("opening_hours")
        if formset is None or not formset.is_valid():
            return valid
        if self.read_hours is not None and (
            formset.has_changed()
            or self.formsets["closures"].has_changed()
            or "open_on_public_holidays" in self.changed_data
        ):
            self.add_error(
                "osm_hours",
                _(
                    "Vous avez changé les horaires de deux façons : gardez ce texte, ou les lignes des horaires, pas les deux."
                ),
            )
            return False
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

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit and self.read_hours is not None:
            instance.replace_schedule(self.read_hours, timezone.localdate())
        return instance
