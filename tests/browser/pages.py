"""Every page type of the portal, as the browser tests open it.

Each entry names a fixture (in tests/browser/sites.py) that builds what the
page needs and returns its address. A new page type is one line here, plus its
fixture; every browser check (accessibility, keyboard, no JavaScript, phone,
page weight) then runs on it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    name: str
    url_fixture: str
    # Fixture of the signed-in user who opens the page; None for a visitor.
    user: str | None = None
    # HTTP status the page answers with.
    status: int = 200
    # Printed on A4 by the browser: at most this many pages (None: not a page people print).
    print_pages: int | None = None
    # The printed page carries a QR code of its address (svg.qr-code).
    qr_code: bool = False

    @property
    def public(self):
        return self.user is None

    def __str__(self):
        return self.name


PAGE_TYPES = [
    PageType("accueil", "home_url"),
    PageType("mentions-legales", "legal_notice_url", print_pages=2),
    PageType("declaration-accessibilite", "accessibility_statement_url", print_pages=2),
    PageType("plan-du-site", "site_plan_url"),
    PageType("recherche-sans-mot", "search_url"),
    PageType("recherche-avec-resultats", "search_with_results_url"),
    PageType("recherche-sans-resultat", "search_without_results_url"),
    PageType("connexion", "sign_in_url"),
    PageType("espace-pro", "staff_home_url", user="cpip"),
    PageType("acces-refuse", "staff_home_url", user="other_user", status=403),
    PageType("page-introuvable", "missing_page_url", status=404),
    PageType("erreur-serveur", "server_error_url", status=500),
    # guides
    PageType("fiches", "guide_index_url"),
    PageType("thematique", "topic_url"),
    PageType("fiche", "sheet_url", print_pages=2, qr_code=True),
    PageType("glossaire", "glossary_url"),
    PageType("pack-impression", "print_pack_url", user="cpip"),
    # directory
    PageType("annuaire", "directory_url"),
    PageType("recherche-commune", "commune_search_url"),
    PageType("recherche-commune-besoins", "commune_needs_url"),
    PageType("recherche-commune-spip", "commune_spip_url"),
    PageType("choix-commune", "commune_choice_url"),
    PageType("commune-inconnue", "unknown_commune_url"),
    # A structure prints as one A4 card, with a QR code back to its page.
    PageType("structure", "structure_url", print_pages=1, qr_code=True),
    PageType("structure-sur-invitation", "invitation_structure_url", print_pages=1, qr_code=True),
    # agenda
    PageType("agenda", "agenda_url"),
    PageType("calendrier", "unit_calendar_url"),
    PageType("affiche", "poster_url", print_pages=1),
    PageType("calendrier-pro", "staff_calendar_url", user="cpip"),
    PageType("liste-pro", "staff_list_url", user="cpip"),
    PageType("reservation", "booking_form_url", user="cpip"),
    PageType("rendez-vous", "booking_url", user="cpip"),
]

PUBLIC_PAGE_TYPES = [page_type for page_type in PAGE_TYPES if page_type.public]
PRINTED_PAGE_TYPES = [page_type for page_type in PAGE_TYPES if page_type.print_pages]

# Pages drawn by Wagtail's admin, not by our templates: only the accessibility check applies.
ADMIN_PAGE_TYPES = [
    PageType("admin-connexion", "admin_sign_in_url"),
]
