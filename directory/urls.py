from django.urls import re_path

from . import views

app_name = "directory"

urlpatterns = [
    # Under the directory page's own address (/france-services/…), whatever its slug: Wagtail's page
    # routes cannot end with ".json".
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+)donnees-ouvertes/data-inclusion/(?P<kind>structures|services)\.(?P<fmt>json|csv)$",
        views.data_inclusion,
        name="data_inclusion",
    ),
]
