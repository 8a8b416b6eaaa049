"""Start an easy-to-read sheet from an official one: a draft that follows the official structure.

The draft has the official title and link, one step per situation or chapter title, the
supporting documents as a checklist where the XML lists them, a contact block for each "où
s'adresser" whose PivotLocal type is a partner of France services, and the official
introduction to simplify. It is never published: the editor rewrites it in easy-to-read French,
helped by the readability checks that the edit page shows.
"""

from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from guides.models import OfficialSheetLink, Partner, ProcedureSheetPage

from .outline import outline
from .pivots import PARTNER_SLUGS

# The limits of the sheet's fields and blocks (guides.models, guides.blocks).
TITLE_MAX = 255
SLUG_MAX = 50
SUMMARY_MAX = 200
HEADING_MAX = 80
STEP_MAX = 300
ITEM_MAX = 150
CONTACT_TEXT_MAX = 200


def _cut(text, limit):
    return Truncator(text).chars(limit)


def _step(text):
    return {
        "text": _cut(text, STEP_MAX),
        "image": None,
        "image_alt": "",
        "link_url": "",
        "link_text": "",
        "phone": "",
    }


def _steps_blocks(sheet_outline):
    blocks = [
        (
            "steps",
            {
                "heading": _cut(section.title, HEADING_MAX) or _("Les étapes"),
                "steps": [_step(t) for t in section.chapters],
            },
        )
        for section in sheet_outline.sections
    ]
    if not blocks:  # a sheet must have steps: give the editor a first one to write
        blocks = [
            (
                "steps",
                {"heading": _("Les étapes"), "steps": [_step(_("À écrire : la première chose à faire."))]},
            )
        ]
    return blocks


def _contacts(official):
    """One contact block per partner that an "où s'adresser" names, in the sheet's order."""
    partners = {
        partner.slug: partner for partner in Partner.objects.filter(slug__in=set(PARTNER_SLUGS.values()))
    }
    blocks, seen = [], set()
    for place in official.places:
        partner = partners.get(PARTNER_SLUGS.get(place.get("pivot", ""), ""))
        if partner is None or partner.pk in seen:
            continue
        seen.add(partner.pk)
        text = " – ".join(part for part in (place.get("title", ""), place.get("complement", "")) if part)
        blocks.append(
            (
                "contact",
                {"partner": partner, "text": _cut(text, CONTACT_TEXT_MAX), "show_directory_link": True},
            )
        )
    return blocks


def _slug(topic, title):
    base = slugify(title)[:SLUG_MAX].strip("-") or "fiche"
    taken = set(topic.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base[: SLUG_MAX - len(str(number)) - 1]}-{number}"
        number += 1
    return slug


def draft_body(official):
    """The draft's StreamField content, as (block type, value) pairs."""
    sheet_outline = outline(official.xml)
    body = _steps_blocks(sheet_outline)
    if sheet_outline.documents:
        items = [_cut(item, ITEM_MAX) for item in sheet_outline.documents]
        body.append(("checklist", {"heading": _("Les papiers à apporter"), "items": items}))
    body += _contacts(official)
    if official.introduction:
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in official.introduction.split("\n\n"))
        body.append(("paragraph", paragraphs))
    return body


def create_draft(official, topic, user):
    """A new, unpublished easy-to-read sheet under ``topic``, made from ``official``; returns it."""
    contacts = [value["partner"] for block_type, value in _contacts(official) if block_type == "contact"]
    page = ProcedureSheetPage(
        title=_cut(official.title, TITLE_MAX),
        slug=_slug(topic, official.title),
        summary=_cut(official.description or official.title, SUMMARY_MAX),
        audience=_("À écrire : qui peut faire cette démarche ?"),
        body=draft_body(official),
        last_checked_on=timezone.localdate(),
        partners=contacts,
        official_sheet_links=[OfficialSheetLink(official_sheet=official)],
        live=False,
        owner=user,
    )
    topic.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page
