"""Sign-in throttling with django-axes: per account, and per address whatever the usernames.

- ``AXES_FAILURE_LIMIT`` (5) failures of one username from one address lock that username
  from that address for ``AXES_COOLOFF_TIME`` (one hour);
- ``SIGNIN_ADDRESS_FAILURE_LIMIT`` (20) failures from one address, whatever the usernames,
  lock the whole address for the same time: trying many usernames is stopped too. The limit
  is higher so that colleagues behind one office address do not lock each other out.

A successful sign-in clears the failures of that username only, never the address's.
Behind nginx, the address is the one nginx saw (``client_address``).
"""

import ipaddress

from django.conf import settings
from django.db.models import Sum

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt

USERNAME_MAX_LENGTH = AccessAttempt._meta.get_field("username").max_length


def client_address(request):
    """The visitor's address (AXES_CLIENT_IP_CALLABLE).

    From a trusted proxy (nginx on the same machine), it is the last address of
    X-Forwarded-For, the one nginx appended; the visitor can only forge the ones before it.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if remote in settings.TRUSTED_PROXIES:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass
    return remote


def attempted_username(request, credentials):
    """The username tried (AXES_USERNAME_CALLABLE), as axes can store it: no NUL, not too long."""
    field = settings.AXES_USERNAME_FORM_FIELD
    value = credentials.get(field) if credentials else getattr(request, "data", request.POST).get(field)
    return value.replace("\x00", "")[:USERNAME_MAX_LENGTH] if isinstance(value, str) else value


class AccountAndAddressHandler(AxesDatabaseHandler):
    """Axes' database handler, plus the lock of an address that fails too often."""

    def get_failures(self, request, credentials=None):
        per_account = super().get_failures(request, credentials)
        per_address = (
            AccessAttempt.objects.filter(
                ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
            ).aggregate(total=Sum("failures_since_start"))["total"]
            or 0
        )
        # Axes compares the result with AXES_FAILURE_LIMIT: bring the address's count to that scale.
        limit = get_failure_limit(request, credentials)
        return max(per_account, per_address * limit // settings.SIGNIN_ADDRESS_FAILURE_LIMIT)
