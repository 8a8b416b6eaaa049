"""Form fields shared by several apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses a number no database row can have.

    Django puts the chosen values into one ``IN (…)`` query; a number beyond the database's
    integers (``99999999999999999999``, ``-99999999999999999999``) makes SQLite raise
    OverflowError there. Such a value gets the field's ``invalid_pk_value`` message instead.
    """

    def _key_range(self):
        """(lowest, highest) value of the key column if it holds integers, else None."""
        model = self.queryset.model
        key = (
            model._meta.pk
            if self.to_field_name in (None, "pk")
            else model._meta.get_field(self.to_field_name)
        )
        internal_type = (key.target_field if key.is_relation else key).get_internal_type()
        operations = connections[self.queryset.db].ops
        if internal_type not in operations.integer_field_ranges:
            return None
        return operations.integer_field_range(internal_type)

    def _check_values(self, value):
        bounds = self._key_range()
        for pk in value if bounds and isinstance(value, (list, tuple)) else ():
            try:
                number = int(str(pk).strip())
            except ValueError:
                continue  # Django's own check answers with invalid_pk_value
            if not bounds[0] <= number <= bounds[1]:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)
