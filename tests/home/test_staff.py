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


def _sign_in(client, user, next_page=None):
    data = {"username": user.username, "password": "mot-de-passe-de-test"}
    if next_page is not None:
        data["next"] = next_page
    return client.post(reverse("login"), data)


@pytest.mark.parametrize("member", ["cpip", "editor"])
def test_signing_in_leads_to_the_staff_area(client, home_page, member, request):
    response = _sign_in(client, request.getfixturevalue(member))
    assert response.status_code == 302
    assert response.url == reverse("staff_home")


def test_signing_in_returns_to_the_page_asked_for(client, home_page, cpip):
    response = _sign_in(client, cpip, next_page=reverse("agenda:index"))
    assert response.url == reverse("agenda:index")


def test_signing_in_never_follows_a_next_page_on_another_site(client, home_page, cpip):
    response = _sign_in(client, cpip, next_page="https://exemple.invalid/piege/")
    assert response.url == reverse("staff_home")


def test_falc_reviewer_lands_on_the_admin_after_sign_in(client, home_page, falc_reviewer):
    response = _sign_in(client, falc_reviewer)
    assert response.url == reverse("wagtailadmin_home")


def test_signed_in_staff_member_sees_the_staff_area_and_sign_out_in_the_header(client, home_page, cpip):
    client.force_login(cpip)
    html = client.get("/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert f'<a href="{reverse("staff_home")}">Espace pro</a>' in header
    form = header[header.index('<form method="post"') :]
    assert f'action="{reverse("logout")}"' in form
    assert "csrfmiddlewaretoken" in form
    assert "Se déconnecter</button>" in form


def test_visitor_header_has_no_staff_links(client, home_page):
    html = client.get("/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert "Espace pro" not in header
    assert "Se déconnecter" not in header


def test_sign_out_button_in_the_header_signs_out(client, home_page, cpip):
    client.force_login(cpip)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("staff_home")).url.startswith(reverse("login"))


def test_footer_links_to_the_staff_sign_in(client, home_page):
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert f'<a href="{reverse("login")}">Espace des professionnels (CPIP, éditeurs)</a>' in footer
