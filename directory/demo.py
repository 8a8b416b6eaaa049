"""Demo content of the directory: the 34 structures of the official file, the SPIP's itinerant
France services, and the directory page (/france-services/).

Idempotent: a second run changes nothing (the import compares before writing; the SPIP
structure and its stops are created once and then left to editors).
"""

from pathlib import Path

from django.db import transaction
from django.utils.translation import ngettext

from wagtail.models import Site

from guides.models import Partner
from home.demo import feminine_changes, upsert_page
from home.models import HomePage, SiteSettings

from .importers import import_path
from .models import DEPARTMENT, Commune, DirectoryPage, Stop, Structure

DATA_FILE = Path(__file__).resolve().parent / "data" / "france-services-77.csv"
SPIP_STRUCTURE_SLUG = "itinerante-spip"
# The three SPIP units where the itinerant France services receives: (place, INSEE code).
SPIP_STOPS = [
    ("SPIP de Seine-et-Marne, site de Fontainebleau", "77186"),
    ("SPIP de Seine-et-Marne, site de La Rochette", "77389"),
    ("SPIP de Seine-et-Marne, site de Meaux", "77284"),
]
SPIP_COMMENT = (
    "Ouverte en novembre 2024 par la préfecture de Seine-et-Marne et le service pénitentiaire "
    "d'insertion et de probation (SPIP), avec PIMM'S Médiation. Un conseiller France services reçoit "
    "les personnes suivies par la justice en milieu ouvert, sur invitation de leur conseiller ou "
    "conseillère pénitentiaire d'insertion et de probation (CPIP)."
)
DIRECTORY_INTRO = (
    "<p>Une France services vous aide à faire vos démarches : CAF, santé, retraite, impôts, emploi, papiers.</p>"
    "<p>C'est <b>gratuit</b>. Écrivez le nom de votre commune pour trouver la plus proche.</p>"
)


def add_spip_structure():
    structure, created = Structure.objects.get_or_create(
        slug=SPIP_STRUCTURE_SLUG,
        defaults={
            "name": "France services itinérante du SPIP de Seine-et-Marne",
            "department": DEPARTMENT,
            "kind": Structure.Kind.MAIN,
            "format": Structure.Format.ITINERANT,
            "reception": Structure.Reception.INVITATION,
            "appointment_required": True,
            "comment": SPIP_COMMENT,
        },
    )
    for order, (place, code) in enumerate(SPIP_STOPS):
        Stop.objects.get_or_create(
            structure=structure,
            commune=Commune.objects.get(code=code),
            defaults={"place": place, "sort_order": order},
        )
    return structure, created


def attach_partners(structures):
    """Every labelled France services offers the national partners' procedures."""
    partners = list(Partner.objects.all())
    for structure in structures:
        present = set(structure.partners.values_list("pk", flat=True))
        missing = [partner for partner in partners if partner.pk not in present]
        if missing:
            structure.partners.add(*missing)


@transaction.atomic
def load(stdout):
    home = HomePage.objects.get()
    page = upsert_page(
        home,
        DirectoryPage,
        "france-services",
        title="Les France services de Seine-et-Marne",
        show_in_menus=True,
        intro=DIRECTORY_INTRO,
        search_description="Trouvez la France services la plus proche, ses horaires et les démarches possibles.",
    )
    report = import_path(DATA_FILE, department=DEPARTMENT)
    _spip, spip_created = add_spip_structure()
    attach_partners(Structure.objects.in_department())
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.directory_page_id != page.pk:
        site_settings.directory_page = page
        site_settings.save()
    stdout.write(f"directory: {summary(report, spip_created)}")


def summary(report, spip_created):
    """ "35 France services (35 créées)": what the file and the SPIP's structure did, adding up."""
    created = report.created + spip_created
    unchanged = report.unchanged + (not spip_created)
    total = Structure.objects.in_department().count()
    others = total - created - report.updated - unchanged
    parts = [feminine_changes(created, report.updated, unchanged)]
    if others:
        parts.append(
            ngettext(
                "%(count)d autre, ajoutée par les éditeurs",
                "%(count)d autres, ajoutées par les éditeurs",
                others,
            )
            % {"count": others}
        )
    if report.skipped:
        parts.append(
            ngettext(
                "%(count)d ligne du fichier ignorée", "%(count)d lignes du fichier ignorées", report.skipped
            )
            % {"count": report.skipped}
        )
    return f"{total} France services ({', '.join(part for part in parts if part)})"
