"""The print pack form: which sheets to print, and an appointment to write on the cover.

What a counsellor types here only draws the PDF. The form is never saved. ``SheetChoiceField``
is also how a booking (``agenda``) chooses the sheets whose papers to bring.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from .models import ProcedureSheetPage

MAX_SHEETS = 20
MAX_LENGTH = 100
TOO_LONG = _("%(limit_value)d caractères au plus, s'il vous plaît (vous en avez écrit %(show_value)d).")
# A Wagtail page id is a 32-bit integer on every database.
MAX_PAGE_ID = 2**31 - 1


def is_page_id(value):
    """Whether ``value`` (a posted string) can be a page id: plain digits, from 1 to MAX_PAGE_ID."""
    text = str(value).strip()
    return 0 < len(text) <= 10 and text.isascii() and text.isdigit() and 0 < int(text) <= MAX_PAGE_ID


class SheetChoiceField(forms.ModelMultipleChoiceField):
    """Published procedure sheets ticked in a list, by title, ``max_count`` of them at most.

    The list is checked before the sheets are looked up: too many sheets, or an id no page can
    have (letters, a huge number that SQLite cannot even hold), get a French message and no query.
    The form sets the queryset (the published sheets, in its order).
    """

    default_error_messages = {
        "required": _("Choisissez au moins une fiche."),
        "invalid_list": _("Choisissez les fiches dans la liste."),
        "invalid_choice": _(
            "Une des fiches choisies n'existe pas, ou elle n'est pas publiée. Choisissez dans la liste."
        ),
        "invalid_pk_value": _("Une des fiches choisies n'existe pas. Choisissez dans la liste."),
        "too_many": _("Choisissez %(max)d fiches au plus (vous en avez choisi %(count)d)."),
    }

    def __init__(self, *, max_count, **kwargs):
        kwargs.setdefault("queryset", ProcedureSheetPage.objects.none())
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(**kwargs)
        self.max_count = max_count

    def label_from_instance(self, sheet):
        return sheet.title

    def clean(self, value):
        if isinstance(value, list | tuple):
            if len(value) > self.max_count:
                raise forms.ValidationError(
                    self.error_messages["too_many"],
                    code="too_many",
                    params={"max": self.max_count, "count": len(value)},
                )
            for pk in value:
                if not is_page_id(pk):
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
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
    sheets = SheetChoiceField(label=_("Les fiches à imprimer"), max_count=MAX_SHEETS)
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
