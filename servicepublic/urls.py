from django.urls import path

from . import views

urlpatterns = [
    path("ou-aller/<str:sheet_id>/", views.where_to_go_view, name="servicepublic_where_to_go"),
]
