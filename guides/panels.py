"""An admin panel that shows editors the easy-to-read (FALC) checks of the sheet they edit."""

from wagtail.admin.panels import Panel


class FalcReportPanel(Panel):
    """Read-only: the readability score and what to rewrite, for the version last saved.

    It warns and never blocks: publishing works whatever it says.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "guides/admin/falc_report_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["report"] = page.falc_report()
            context["is_new"] = page.pk is None
            context["page"] = page
            return context
