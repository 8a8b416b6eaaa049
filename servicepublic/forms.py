"""The admin's forms for official sheets: the listing's filters, the chooser's search, the draft's topic."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm

import django_filters

from guides.models import TopicPage

from .models import OfficialSheet

MAX_QUERY_LENGTH = 100


def search(sheets, query):
    """Sheets whose number is ``query`` or whose title contains it (the admin's list and chooser)."""
    query = query.replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    if not query:
        return sheets
    return sheets.filter(
        Q(identifier__iexact=query) | Q(title__icontains=query) | Q(dossier__icontains=query)
    )


def theme_choices():
    return [(theme, theme) for theme in OfficialSheet.objects.themes()]


class OfficialSheetFilterSet(WagtailFilterSet):
    theme = django_filters.ChoiceFilter(
        label=_("Thème"), choices=theme_choices, empty_label=_("Tous les thèmes")
    )
    changed_on = django_filters.DateFromToRangeFilter(
        label=_("Changement important entre"), widget=DateRangePickerWidget
    )
    modified_on = django_filters.DateFromToRangeFilter(
        label=_("Mise à jour entre"), widget=DateRangePickerWidget
    )

    class Meta:
        model = OfficialSheet
        fields = ["theme", "changed_on", "modified_on"]


class ChooserSearchForm(BaseFilterForm):
    """The chooser's search box: by number (F19778) or by words of the title."""

    q = forms.CharField(
        label=_("Numéro ou mots du titre"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"placeholder": _("Par exemple : F19778, RSA")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "")
        if query:
            self.is_searching = True
            self.search_query = query
            objects = search(objects, query)
        return objects


class DraftForm(forms.Form):
    topic = forms.ModelChoiceField(
        TopicPage.objects.none(),
        label=_("Dans quel thème ?"),
        empty_label=None,
        help_text=_("La nouvelle fiche sera un brouillon dans ce thème."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = [
            topic.pk
            for topic in TopicPage.objects.order_by("path")
            if topic.permissions_for_user(user).can_add_subpage()
        ]
        self.fields["topic"].queryset = TopicPage.objects.filter(pk__in=allowed).order_by("path")
