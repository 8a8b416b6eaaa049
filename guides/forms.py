"""The print pack form: which sheets to print, and an appointment to write on the cover.

What a counsellor types here only draws the PDF. The form is never saved.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from portal.forms import BoundedModelMultipleChoiceField

from .models import ProcedureSheetPage

MAX_SHEETS = 20
MAX_LENGTH = 100
TOO_LONG = _("%(limit_value)d caractères au plus, s'il vous plaît (vous en avez écrit %(show_value)d).")


class SheetChoiceField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, sheet):
        return sheet.title

    def clean(self, value):
        # Refuse a long list before looking the sheets up.
        if value and len(value) > MAX_SHEETS:
            raise forms.ValidationError(
                _("Choisissez %(max)d fiches au plus (vous en avez choisi %(count)d)."),
                params={"max": MAX_SHEETS, "count": len(value)},
            )
        return super().clean(value)


def _text_field(label, help_text=""):
    field = forms.CharField(
        label=label,
        required=False,
        max_length=MAX_LENGTH,
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    field.error_messages["max_length"] = TOO_LONG
    return field


class PrintPackForm(forms.Form):
    sheets = SheetChoiceField(
        label=_("Les fiches à imprimer"),
        queryset=ProcedureSheetPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choisissez au moins une fiche."),
            "invalid_choice": _(
                "Une des fiches choisies n'existe pas, ou elle n'est pas publiée. Choisissez dans la liste."
            ),
            "invalid_pk_value": _("Une des fiches choisies n'existe pas. Choisissez dans la liste."),
        },
    )
    first_name = _text_field(
        _("Prénom de la personne (facultatif)"), _("Écrit seulement sur la première page.")
    )
    date = forms.DateField(
        label=_("Date du rendez-vous (facultatif)"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Cette date n'existe pas. Écrivez-la comme ceci : 25/03/2026.")},
    )
    time = forms.TimeField(
        label=_("Heure (facultatif)"),
        required=False,
        input_formats=["%H:%M", "%Hh%M", "%H h %M", "%Hh", "%H h"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Cette heure n'existe pas. Écrivez-la comme ceci : 14:30.")},
    )
    place = _text_field(_("Lieu (facultatif)"), _("Par exemple : SPIP de Meaux, France services de Melun."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sheets"].queryset = ProcedureSheetPage.objects.published().order_by("path")

    def appointment(self):
        """What the cover page shows; not kept anywhere."""
        data = self.cleaned_data
        return {key: data.get(key) for key in ("first_name", "date", "time", "place")}

    def sheets_by_topic(self):
        """The checkboxes grouped by topic, in the order of the site: [(topic title, [checkbox…])…]."""
        paths = {str(sheet.pk): sheet.path[: -sheet.steplen] for sheet in self.fields["sheets"].queryset}
        groups = {}
        for checkbox in self["sheets"]:
            groups.setdefault(paths.get(str(checkbox.data["value"]), ""), []).append(checkbox)
        titles = dict(Page.objects.filter(path__in=groups).values_list("path", "title"))
        return [(titles.get(path, ""), checkboxes) for path, checkboxes in groups.items()]
