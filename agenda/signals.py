from django.db.models.signals import pre_delete
from django.dispatch import receiver

from .models import SessionRule
from .recurrence import remove_future_sessions


@receiver(pre_delete, sender=SessionRule)
def remove_coming_sessions_of_deleted_rule(sender, instance, **kwargs):
    """Deleting a rule removes its coming dates, except those edited by hand or booked."""
    remove_future_sessions(instance)
