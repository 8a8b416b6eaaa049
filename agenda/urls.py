"""The staff area of the calendar (/espace-pro/agenda/) and the units' public .ics files.

The public pages themselves are served by AgendaPage (its routes).
"""

from django.urls import path

from . import outcomes, views

app_name = "agenda"

urlpatterns = [
    # Public: a unit's sessions as an .ics that calendar programs subscribe to.
    path("calendriers/<slug:unit_slug>.ics", views.unit_ics, name="unit_ics"),
    path("espace-pro/agenda/", views.index, name="index"),
    path("espace-pro/agenda/mois/", views.current_month, name="current_month"),
    path("espace-pro/agenda/mois/<int:year>/<int:month>/", views.month, name="month"),
    path("espace-pro/agenda/liste/", views.session_list, name="list"),
    path("espace-pro/agenda/unite/<slug:unit_slug>/", views.session_list, name="unit_list"),
    path("espace-pro/agenda/unite/<slug:unit_slug>/mois/", views.current_month, name="unit_current_month"),
    path(
        "espace-pro/agenda/unite/<slug:unit_slug>/mois/<int:year>/<int:month>/",
        views.month,
        name="unit_month",
    ),
    path("espace-pro/agenda/permanence/<int:pk>/", views.session_detail, name="session"),
    path(
        "espace-pro/agenda/permanence/<int:pk>/presence/", outcomes.session_outcomes, name="session_outcomes"
    ),
    path("espace-pro/agenda/rendez-vous/<int:pk>/deplacer/", outcomes.booking_move, name="booking_move"),
    path("espace-pro/agenda/statistiques/", outcomes.statistics_page, name="statistics"),
    path("espace-pro/agenda/statistiques.csv", outcomes.statistics_csv, name="statistics_csv"),
    path("espace-pro/agenda/permanence/<int:pk>/feuille/", views.day_sheet_view, name="day_sheet"),
    path("espace-pro/agenda/permanence/<int:pk>/feuille.pdf", views.day_sheet_pdf, name="day_sheet_pdf"),
    path("espace-pro/agenda/rendez-vous/", views.booking_list, name="bookings"),
    path("espace-pro/agenda/rendez-vous/<int:pk>/", views.booking_detail, name="booking"),
    path("espace-pro/agenda/rendez-vous/<int:pk>/annuler/", views.booking_cancel, name="booking_cancel"),
    path("espace-pro/agenda/rendez-vous/<int:pk>/convocation/", views.invitation_letter, name="letter"),
    path("espace-pro/agenda/rendez-vous/<int:pk>/carte.pdf", views.appointment_card, name="card"),
    path("espace-pro/agenda/calendrier-prive/", views.feed_settings, name="feed_settings"),
    # No sign-in here: calendar programs fetch it with the secret token in the address.
    path("espace-pro/agenda/calendrier-prive/<str:token>.ics", views.private_feed, name="private_feed"),
]
