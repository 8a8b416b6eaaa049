"""The calendar of the France services sessions held in the probation units (SPIP) of Seine-et-Marne.

A probation unit hosts sessions ("permanences"); editors enter one-off sessions
or recurrence rules that generate them. CPIPs book appointment slots in the
sessions for the people they follow. A booking never says who the person is.

One module per model family: ``choices`` (bounds, subjects), ``unit``, ``hours`` (what a rule and
a session share), ``rule``, ``session``, ``booking`` (with the CPIP's calendar address),
``statistics`` (the monthly counts left of the deleted bookings),
``agenda_page``.
"""

from .agenda_page import AgendaPage
from .booking import Booking, CalendarFeedToken
from .choices import FIRST_DAY, LAST_DAY, Outcome, Subject, is_calendar_month
from .rule import SessionRule
from .session import Session, Slot
from .statistics import MonthlyBookingCount
from .unit import ProbationUnit

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "MonthlyBookingCount",
    "Outcome",
    "AgendaPage",
    "Booking",
    "CalendarFeedToken",
    "ProbationUnit",
    "Session",
    "SessionRule",
    "Slot",
    "Subject",
    "is_calendar_month",
]
