"""Who may use the staff area ("espace pro"): CPIPs and editors, signed in."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .groups import CPIP, EDITORS


def is_staff_member(user):
    """A CPIP or an editor (superusers count as editors)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=[CPIP, EDITORS]).exists()


def is_editor(user):
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=EDITORS).exists())


def staff_required(view):
    """Send visitors to the sign-in page; answer 403 to signed-in users outside the groups."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_staff_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
