from django.urls import path

from . import views

app_name = "guides"

urlpatterns = [
    path("espace-pro/fiches/", views.print_pack, name="print_pack"),
]
