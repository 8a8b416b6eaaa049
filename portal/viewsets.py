"""Snippet viewsets whose admin speaks of their model with the right article (portal/admin_texts.py)."""

from functools import partial

from wagtail.admin.ui.side_panels import StatusSidePanel
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.widgets import AdminSnippetChooser

from .admin_texts import Noun


def _agreed_usage(get_usage_context, noun):
    context = get_usage_context()
    context["usage_url_text"] = noun.text("used_short", count=context["usage_count"])
    return context


class NounMixin:
    """A view that speaks of its model with ``noun``; Wagtail's own words when it has none."""

    noun = None

    def get_side_panels(self):
        """The status panel says "Utilisée 2 fois", not "Utilisé(e) 2 fois"."""
        panels = super().get_side_panels()
        for panel in panels:
            if self.noun is not None and isinstance(panel, StatusSidePanel):
                panel.get_usage_context = partial(_agreed_usage, panel.get_usage_context, self.noun)
        return panels

    def _plain_model(self):
        """Drafts, revisions and workflows have their own messages: Wagtail's are kept for them."""
        return self.noun is not None and not (
            getattr(self, "draftstate_enabled", False)
            or getattr(self, "revision_enabled", False)
            or getattr(self, "workflow_enabled", False)
        )


class FrenchCreateViewMixin(NounMixin):
    def get_page_title(self):
        return self.noun.text("new") if self.noun else super().get_page_title()

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        if self.noun and items:
            items[-1] = {**items[-1], "label": self.noun.text("new")}
        return items

    def get_success_message(self, instance=None):
        if not self._plain_model():
            return super().get_success_message(instance)
        return self.noun.text("created", object=instance or self.object)

    def get_error_message(self):
        if self.noun is None or self.expects_json_response:
            return super().get_error_message()
        return self.noun.text("create_error")


class FrenchEditViewMixin(NounMixin):
    def get_success_message(self, instance=None):
        if not self._plain_model():
            return super().get_success_message(instance)
        return self.noun.text("updated", object=instance or self.object)

    def get_error_message(self):
        if self.noun is None or self.expects_json_response:
            return super().get_error_message()
        return self.noun.text("save_error")


class FrenchDeleteViewMixin(NounMixin):
    template_name = "portal/admin/confirm_delete.html"

    @property
    def confirmation_message(self):
        return self.noun.text("confirm_delete") if self.noun else super().confirmation_message

    def get_success_message(self):
        return self.noun.text("deleted", object=self.object) if self.noun else super().get_success_message()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.noun and "usage_count" in context:
            context["usage_message"] = self.noun.text("used", count=context["usage_count"])
        return context


class FrenchCreateView(FrenchCreateViewMixin, snippet_views.CreateView):
    pass


class FrenchEditView(FrenchEditViewMixin, snippet_views.EditView):
    pass


class FrenchDeleteView(FrenchDeleteViewMixin, snippet_views.DeleteView):
    pass


class FrenchSnippetChooser(AdminSnippetChooser):
    """Wagtail's snippet chooser writes "Choisir partenaire": keep its viewset's texts instead."""

    def __init__(self, model=None, **kwargs):
        super().__init__(model=model, **kwargs)
        for name in ("choose_one_text", "choose_another_text", "link_to_chosen_text"):
            if name in type(self).__dict__:
                setattr(self, name, kwargs.get(name, type(self).__dict__[name]))


class FrenchSnippetViewSet(snippet_views.SnippetViewSet):
    """A snippet viewset whose admin says "un partenaire", "une France services"."""

    feminine = False
    elided = None
    add_view_class = FrenchCreateView
    edit_view_class = FrenchEditView
    delete_view_class = FrenchDeleteView
    delete_template_name = FrenchDeleteView.template_name

    @property
    def noun(self):
        return Noun(self.model._meta.verbose_name, feminine=self.feminine, elided=self.elided)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(add_item_label=self.noun.text("add"), **kwargs)

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(noun=self.noun, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(noun=self.noun, **kwargs)

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(noun=self.noun, **kwargs)

    @property
    def chooser_viewset(self):
        viewset = super().chooser_viewset
        viewset.base_widget_class = FrenchSnippetChooser
        viewset.choose_one_text = self.noun.text("choose")
        viewset.choose_another_text = self.noun.text("choose_another")
        viewset.edit_item_text = self.noun.text("edit_chosen")
        return viewset
