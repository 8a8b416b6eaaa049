from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def test_visitor_is_sent_to_the_sign_in_page(client, home_page):
    response = client.get(reverse("staff_home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_signed_in_user_outside_the_groups_is_refused(client, home_page, other_user):
    client.force_login(other_user)
    response = client.get(reverse("staff_home"))
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()


@pytest.mark.parametrize("member", ["cpip", "editor"])
def test_cpip_and_editor_open_the_staff_area(client, home_page, member, request):
    client.force_login(request.getfixturevalue(member))
    response = client.get(reverse("staff_home"))
    assert response.status_code == 200
    assert "Espace des professionnels" in response.content.decode()
