from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class OfficialSheetLink(Orderable):
    """An official Service-Public.fr sheet that an easy-to-read sheet simplifies (chosen, never typed)."""

    page = ParentalKey(
        "guides.ProcedureSheetPage", on_delete=models.CASCADE, related_name="official_sheet_links"
    )
    official_sheet = models.ForeignKey(
        "servicepublic.OfficialSheet",
        verbose_name=_("fiche officielle"),
        on_delete=models.PROTECT,
        related_name="falc_sheet_links",
    )

    panels = [FieldPanel("official_sheet")]

    class Meta(Orderable.Meta):
        verbose_name = _("fiche officielle")
        verbose_name_plural = _("fiches officielles")

    def __str__(self):
        return str(self.official_sheet)
