from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet, SnippetViewSetGroup

from .forms import SessionAdminForm, SessionRuleAdminForm
from .models import Booking, ProbationUnit, Session, SessionRule
from .recurrence import sync_sessions


class ProbationUnitViewSet(SnippetViewSet):
    model = ProbationUnit
    icon = "home"
    menu_label = gettext_lazy("Unités du SPIP")
    list_display = ["name", "commune", "postcode", "phone"]
    search_fields = ["name", "commune"]


class SyncOnSaveMixin:
    """Generate the rule's sessions right after the rule is saved, and say what changed."""

    def save_instance(self):
        instance = super().save_instance()
        self.sync_report = sync_sessions(instance)
        return instance

    def report_message(self, message):
        return f"{message} {self.sync_report.as_message()}" if message else message


class SessionRuleCreateView(SyncOnSaveMixin, CreateView):
    def get_success_message(self, instance):
        return self.report_message(super().get_success_message(instance))


class SessionRuleEditView(SyncOnSaveMixin, EditView):
    def get_success_message(self):
        return self.report_message(super().get_success_message())


class SessionRuleViewSet(SnippetViewSet):
    model = SessionRule
    icon = "repeat"
    menu_label = gettext_lazy("Permanences régulières")
    add_view_class = SessionRuleCreateView
    edit_view_class = SessionRuleEditView
    list_display = ["unit", "describe", "starts_on", "ends_on"]
    list_filter = ["unit"]
    edit_handler = ObjectList(SessionRule.panels, base_form_class=SessionRuleAdminForm)


class SessionViewSet(SnippetViewSet):
    model = Session
    icon = "date"
    menu_label = gettext_lazy("Permanences (une par date)")
    list_display = ["date", "unit", "start_time", "end_time", "status", "edited"]
    list_filter = ["unit", "status", "date"]
    ordering = ["date", "start_time"]
    edit_handler = ObjectList(Session.panels, base_form_class=SessionAdminForm)


class AgendaViewSetGroup(SnippetViewSetGroup):
    items = (ProbationUnitViewSet, SessionRuleViewSet, SessionViewSet)
    menu_icon = "date"
    menu_label = gettext_lazy("Agenda des permanences")
    menu_name = "agenda"


register_snippet(AgendaViewSetGroup)


@hooks.register("before_delete_snippet")
def refuse_deleting_booked_sessions(request, instances):
    """A session (or a unit) with active bookings is cancelled, not deleted: CPIPs must see what happened."""
    sessions = [instance for instance in instances if isinstance(instance, Session)]
    units = [instance for instance in instances if isinstance(instance, ProbationUnit)]
    if sessions and Booking.objects.active().filter(session__in=sessions).exists():
        messages.error(
            request,
            _(
                "Cette permanence a des rendez-vous : elle ne peut pas être supprimée. "
                "Annulez-la plutôt, avec une raison : les CPIP le verront."
            ),
        )
        return redirect("wagtailsnippets_agenda_session:list")
    if units and Booking.objects.active().upcoming().filter(session__unit__in=units).exists():
        messages.error(
            request,
            _(
                "Cette unité a des rendez-vous à venir : elle ne peut pas être supprimée. "
                "Annulez d'abord ses permanences, avec une raison."
            ),
        )
        return redirect("wagtailsnippets_agenda_probationunit:list")
    return None
