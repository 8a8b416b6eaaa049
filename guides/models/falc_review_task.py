"""The readers' step of the "Relecture FALC" workflow.

People the sheet is written for read it with a FALC reviewer; approving the step
writes "Relue en FALC le … par …" on the sheet, so that its easy-to-read mention shows
once an editor publishes it.
"""

from functools import partial

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask

APPROVE = "approve"
REJECT = "reject"


class FalcApprovalForm(forms.Form):
    """Asked when a FALC reviewer validates a sheet: who read it (written on the sheet)."""

    readers = forms.CharField(
        label=_("Qui a relu la fiche ?"),
        max_length=150,
        help_text=_("Le groupe de lecteurs. La fiche dira : « Relue en FALC le (date) par (ce groupe) »."),
    )
    comment = forms.CharField(label=_("Commentaire (facultatif)"), required=False, widget=forms.Textarea)


class FalcReviewTask(AbstractGroupApprovalTask):
    """A group approval whose approval records the readers' validation on the sheet."""

    readers = models.CharField(
        _("groupe de lecteurs habituel"),
        max_length=150,
        blank=True,
        help_text=_(
            "Proposé quand on valide une relecture. Par exemple : atelier de relecture de l'ESAT de Meaux."
        ),
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["readers"]

    class Meta:
        verbose_name = _("relecture FALC")
        verbose_name_plural = _("relectures FALC")

    @classmethod
    def get_description(cls):
        return _(
            "Les membres des groupes choisis relisent la fiche avec des lecteurs. "
            "Valider la relecture écrit « Relue en FALC le … par … » sur la fiche."
        )

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                (REJECT, _("Demander des modifications"), True),
                (APPROVE, _("Valider la relecture FALC"), True),
            ]
        return []

    def get_form_for_action(self, action):
        if action != APPROVE:
            return super().get_form_for_action(action)
        return partial(FalcApprovalForm, initial={"readers": self.readers})

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == APPROVE:
            self.record_validation(task_state, user, kwargs.get("readers", ""))
            kwargs = {"comment": kwargs.get("comment", "")}
        return super().on_action(task_state, user, action_name, **kwargs)

    def record_validation(self, task_state, user, readers):
        """Save a revision of the sheet saying who validated it today (the one the editors will publish)."""
        page = task_state.workflow_state.content_object.specific
        if not hasattr(page, "falc_validated_on"):
            return  # a topic or another page of the section: nothing to record
        readers = " ".join(str(readers or "").split())[:150] or self.readers or user.get_full_name()
        draft = page.get_latest_revision_as_object()
        draft.falc_validated_on = timezone.localdate()
        draft.falc_validated_by = readers or user.get_username()
        draft.save_revision(user=user, log_action=True)
