from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partenaires")
    add_to_admin_menu = True
    list_display = ["short_name", "name", "phone", "joined_on"]
    search_fields = ["name", "short_name"]


register_snippet(PartnerViewSet)
