"""No value anyone sends makes a server error, at any address or in any form of the site.

On the demo site, anonymous and signed in as a CPIP, Hypothesis puts hostile values
(``tests/portal/hostile.py``) in the parameters of every URL pattern and routable page
route, in their query strings, and in every field of every form these pages show, next to
the real values the pages offer. Each example visits every pattern and every form once.
The only assertion: no answer is a 5xx (and every pattern was visited).

The number of requests sent and of server errors are recorded as properties of the test
suite (``--junitxml`` writes them).
"""

import io
import re

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page

import pytest
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from agenda.booking import book
from agenda.models import CalendarFeedToken, Session, Subject
from home.groups import CPIP
from tests.factories import UserFactory
from tests.portal.hostile import FormFinder, Raw, query_string, targets, value

pytestmark = pytest.mark.django_db

EXAMPLES = 4
QUERY_NAMES = ["q", "page", "next", "tri", "partenaire", "commune", "date"]


@pytest.fixture(scope="module")
def demo_cpip(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content and a CPIP with a booking and a private feed, for the whole module."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        user = UserFactory(username="cpip-hostile")
        user.groups.add(Group.objects.get(name=CPIP))
        session = Session.objects.upcoming(timezone.localdate()).scheduled().order_by("date").last()
        book(
            session_id=session.pk,
            slot_start=session.free_slot_times()[-1],
            cpip=user,
            subject=Subject.CAF,
        )
        CalendarFeedToken.renew(user)
        yield user
        transaction.set_rollback(True)


class Visitor:
    """Sends the requests, counts them, and fails on the first 5xx."""

    def __init__(self, client, user):
        self.client, self.user = client, user
        # A server error comes back as a 500 answer (its traceback is in the log), named below.
        self.client.raise_request_exception = False
        self.sent = self.server_errors = 0
        self.visited = set()
        self.sign_in()

    def sign_in(self):
        if self.user:
            self.client.force_login(self.user)

    def send(self, method, url, body=""):
        self.sent += 1
        if method == "post":
            response = self.client.post(url, body, content_type="application/x-www-form-urlencoded")
        else:
            response = self.client.get(url)
        if response.status_code >= 500:
            self.server_errors += 1
        assert response.status_code < 500, (
            f"{method.upper()} {url[:300]} {body[:300]} → {response.status_code}"
        )
        user = getattr(response.wsgi_request, "user", None)  # none when refused before sign-in is read
        if self.user and user is not None and not user.is_authenticated:
            self.sign_in()  # the sign-out form was sent
        return response

    def read(self, url):
        """Forms and links of a page (nothing for what is not HTML)."""
        response = self.send("get", url)
        finder = FormFinder(url)
        if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
            finder.feed(response.content.decode("utf-8", "replace"))
        return finder


class SiteMap:
    """The patterns, the real values their parameters take on the site, and the forms."""

    def __init__(self, visitor):
        self.targets = targets()
        self.real = {label: {} for label in self.targets}
        self.forms, self.links, self.read_urls = {}, set(), set()
        pages = [page.url for page in Page.objects.live().specific() if page.url]
        for url in ["/", "/espace-pro/", *pages]:
            self._read(visitor, url)
        for _round in range(2):  # real values found in links, then the pages they lead to
            for label, target in self.targets.items():
                self._learn(label, target)
                url = self._real_url(label, target)
                if url:
                    self._read(visitor, url)
        for label, target in self.targets.items():
            self._learn(label, target)

    def _read(self, visitor, url):
        if url in self.read_urls:
            return
        self.read_urls.add(url)
        finder = visitor.read(url)
        self.links |= finder.links
        for form in finder.forms:
            if not form.action.startswith(("/admin/", "/django-admin/")):
                key = (form.action, form.method, tuple(sorted(form.fields)))
                self.forms.setdefault(key, form)

    def _learn(self, label, target):
        for link in self.links:
            match = target.regex.fullmatch(link)
            if match:
                for name, found in match.groupdict().items():
                    self.real[label].setdefault(name, set()).add(found)

    def _real_url(self, label, target):
        real = self.real[label]
        if any(not real.get(name) for name, _regex in target.parameters):
            return None
        return target.url({name: Raw(sorted(real[name])[0]) for name, _regex in target.parameters})

    def parameter(self, label, name, regex):
        choices = [value(), value(), st.from_regex(re.compile(regex), fullmatch=True)]
        if self.real[label].get(name):
            choices.append(st.sampled_from(sorted(self.real[label][name])).map(Raw))
        return st.one_of(*choices)


def field_values(offered):
    one = st.one_of(st.sampled_from(offered), value()) if offered else value()
    return st.lists(one, max_size=2)


def attack(visitor, site, data):
    """One example: every pattern once, then every form once."""
    for label, target in site.targets.items():
        values = {name: data.draw(site.parameter(label, name, regex)) for name, regex in target.parameters}
        query = data.draw(st.lists(st.tuples(st.sampled_from(QUERY_NAMES), value()), max_size=4))
        url = target.url(values) + (f"?{query_string(query)}" if query else "")
        visitor.send("get", url)
        visitor.visited.add(label)
    for form in site.forms.values():
        pairs = [
            (name, text)
            for name, offered in sorted(form.fields.items())
            if name != "csrfmiddlewaretoken"
            for text in data.draw(field_values(offered))
        ]
        if form.method == "post":
            visitor.send("post", form.action, query_string(pairs))
        else:
            visitor.send("get", f"{form.action}?{query_string(pairs)}")


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonyme", "cpip"])
def test_no_value_at_any_address_or_in_any_form_makes_a_server_error(
    client, demo_cpip, signed_in, settings, record_testsuite_property
):
    settings.PAGE_CACHE_ENABLED = True
    visitor = Visitor(client, demo_cpip if signed_in else None)
    site = SiteMap(visitor)

    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        # Each example sends some 60 requests: shrinking one would take minutes. The failure
        # message gives the request, the captured log its traceback.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def examples(data):
        attack(visitor, site, data)

    examples()
    role = "cpip" if signed_in else "anonyme"
    record_testsuite_property(f"requests_{role}", visitor.sent)
    record_testsuite_property(f"server_errors_{role}", visitor.server_errors)
    assert visitor.visited == set(site.targets)
    assert len(site.forms) >= (8 if signed_in else 3)
