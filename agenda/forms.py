"""Forms of the staff area (booking, invitation letter) and of the Wagtail admin (rules, sessions)."""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from guides.forms import SheetChoiceField
from guides.models import ProcedureSheetPage
from portal.calendar import MonthPosition, Weekday
from portal.formats import hour

from .models import Subject

# The sheets whose papers a booking's letter lists.
MAX_SHEETS = 10
# What a French postal address needs, and what the envelope's window shows under the name.
MAX_ADDRESS_LINES = 4


class BookingForm(forms.Form):
    """The slot, the subject and the sheets to bring. On purpose, nothing about the person."""

    slot = forms.ChoiceField(
        label=_("Créneau"),
        error_messages={
            "required": _("Choisissez un créneau."),
            "invalid_choice": _("Choisissez un créneau de la liste."),
        },
    )
    subject = forms.ChoiceField(
        label=_("Sujet du rendez-vous"),
        choices=Subject.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez le sujet."),
            "invalid_choice": _("Choisissez un sujet de la liste."),
        },
    )

    sheets = SheetChoiceField(
        label=_("Fiches : les papiers à apporter (facultatif)"),
        max_count=MAX_SHEETS,
        required=False,
        help_text=_("La convocation dira quels papiers apporter, d'après ces fiches."),
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.fields["slot"].choices = [(f"{time:%H:%M}", hour(time)) for time in session.slot_times()]
        self.fields["sheets"].queryset = ProcedureSheetPage.objects.published().order_by("title")

    def clean_slot(self):
        return datetime.strptime(self.cleaned_data["slot"], "%H:%M").time()


class InvitationLetterForm(forms.Form):
    """The person's name is typed here only to be printed on the letter. It is never stored."""

    name = forms.CharField(
        label=_("Nom et prénom de la personne"),
        max_length=100,
        help_text=_("Il sert seulement à imprimer la lettre. Le site ne le garde pas."),
        error_messages={"required": _("Écrivez le nom de la personne à convoquer.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    address = forms.CharField(
        label=_("Adresse postale de la personne (facultatif)"),
        max_length=200,
        required=False,
        help_text=_(
            "Seulement pour envoyer la lettre par la poste, dans une enveloppe à fenêtre. "
            "Quatre lignes au plus. Le site ne la garde pas."
        ),
        widget=forms.Textarea(attrs={"autocomplete": "off", "spellcheck": "false", "rows": 4, "cols": 40}),
    )

    def clean_address(self):
        lines = [line.strip() for line in self.cleaned_data["address"].splitlines() if line.strip()]
        if len(lines) > MAX_ADDRESS_LINES:
            raise ValidationError(_("Écrivez l'adresse en quatre lignes au plus."))
        return lines


class SessionRuleAdminForm(WagtailAdminModelForm):
    weekdays = forms.TypedMultipleChoiceField(
        label=_("jours de la semaine"),
        choices=Weekday.choices,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Cochez un jour ou plusieurs."),
        error_messages={"required": _("Cochez au moins un jour de la semaine.")},
    )
    positions = forms.TypedMultipleChoiceField(
        label=_("dans le mois"),
        choices=MonthPosition.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Laissez vide pour « chaque semaine ». Cochez 2e et 4e pour « le 2e et le 4e jeudi du mois »."
        ),
    )


class SessionAdminForm(WagtailAdminModelForm):
    """Editing one occurrence by hand detaches it from its rule, and keeps booked slots valid."""

    def clean(self):
        cleaned = super().clean()
        session = self.instance
        if session.pk is None or not self.changed_data:
            return cleaned
        booked = sorted(session.bookings.active().values_list("slot_start", flat=True))
        if not booked:
            return cleaned
        if cleaned.get("status", session.status) != session.Status.SCHEDULED:
            return cleaned  # cancelling keeps the bookings: CPIPs see the cancellation
        trial = type(session)(
            date=cleaned.get("date") or session.date,
            start_time=cleaned.get("start_time") or session.start_time,
            end_time=cleaned.get("end_time") or session.end_time,
            slot_minutes=cleaned.get("slot_minutes") or session.slot_minutes,
        )
        lost = [time for time in booked if time not in trial.slot_times()]
        if lost:
            raise ValidationError(
                _(
                    "Des rendez-vous sont pris à %(hours)s : gardez ces créneaux dans la permanence, "
                    "ou demandez aux CPIP d'annuler ces rendez-vous."
                )
                % {"hours": ", ".join(hour(time) for time in lost)}
            )
        return cleaned

    def save(self, commit=True):
        session = self.instance
        if session.rule_id and self.changed_data and "edited" not in self.changed_data:
            session.edited = True
        return super().save(commit=commit)
