from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse

from wagtail.models import Page, Site

from .staff import is_staff_member, staff_required


def _page_tree(root):
    """Return [(page, children), …] for the live public pages under root, in tree order."""
    pages = Page.objects.descendant_of(root, inclusive=True).live().public().order_by("path")
    nodes = {}
    tree = []
    for page in pages:
        node = (page, [])
        nodes[page.path] = node
        parent = nodes.get(page.path[: -Page.steplen])
        (parent[1] if parent else tree).append(node)
    return tree


def site_plan(request):
    """The plan du site: every public page of this site, as a nested list."""
    site = Site.find_for_request(request)
    tree = _page_tree(site.root_page) if site else []
    return render(request, "home/site_plan.html", {"tree": tree})


@staff_required
def staff_home(request):
    """The staff area's front door: what a CPIP or an editor can do here."""
    return render(request, "home/staff_home.html")


class SignInView(auth_views.LoginView):
    """The staff sign-in: back to the page asked for (when it is on this site), else the staff area.

    CPIPs and editors land on the staff area; a FALC reviewer, who has no staff area,
    lands on the admin, where the sheets to review are.
    """

    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        user = self.request.user
        if is_staff_member(user):
            return reverse("staff_home")
        if user.has_perm("wagtailadmin.access_admin"):
            return reverse("wagtailadmin_home")
        return "/"
