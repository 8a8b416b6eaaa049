"""Tell the editors when official sheets changed under their easy-to-read sheets.

After an import, the easy-to-read sheets linked to an official sheet whose important-change
date is new and later than their "vérifiée le" get one e-mail to the Éditeurs group, through
Wagtail's admin mail (``wagtail.admin.mail.send_mail``: the sender and headers of Wagtail's own
notifications). The sheets also head the "Fiches à vérifier" report until they are checked again.
"""

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.admin.mail import send_mail
from wagtail.admin.utils import get_admin_base_url

from guides.models import ProcedureSheetPage
from home.groups import EDITORS


def sheets_to_recheck(identifiers):
    """The easy-to-read sheets linked to these official sheets, changed since they were checked."""
    return (
        ProcedureSheetPage.objects.official_changed()
        .filter(official_sheet_links__official_sheet__identifier__in=identifiers)
        .distinct()
        .order_by("title")
    )


def editors_emails():
    users = get_user_model().objects.filter(groups__name=EDITORS, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def notify_editors(identifiers):
    """Send one e-mail to the editors about the sheets to check again; returns how many it names."""
    if not identifiers:
        return 0
    sheets = list(sheets_to_recheck(identifiers).prefetch_related("official_sheet_links__official_sheet"))
    recipients = editors_emails()
    if not sheets or not recipients:
        return 0
    base_url = get_admin_base_url()
    context = {
        "sheets": [
            (sheet, base_url + reverse("wagtailadmin_pages:edit", args=[sheet.pk])) for sheet in sheets
        ],
        "report_url": base_url + reverse("guides_review_report"),
    }
    subject = ngettext(
        "Une fiche facile à lire à vérifier : sa fiche officielle a changé",
        "%(count)s fiches faciles à lire à vérifier : leur fiche officielle a changé",
        len(sheets),
    ) % {"count": len(sheets)}
    send_mail(
        subject,
        render_to_string("servicepublic/mail/official_changed.txt", context),
        recipients,
        html_message=render_to_string("servicepublic/mail/official_changed.html", context),
    )
    return len(sheets)


def notification_line(count):
    return (
        ngettext(
            "Courriel envoyé aux éditeurs : %(count)s fiche à vérifier.",
            "Courriel envoyé aux éditeurs : %(count)s fiches à vérifier.",
            count,
        )
        % {"count": count}
        if count
        else _("Aucune fiche facile à lire à revoir.")
    )
