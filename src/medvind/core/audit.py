"""The audit log: services call `record` inside their transaction."""

from typing import Any

from django.db import models

from .models import AuditLogEntry, Organisation, Space


def diff(instance: models.Model, new_values: dict[str, Any]) -> dict[str, list[Any]]:
    """The fields whose value changes, as {field: [old, new]} with JSON-safe values."""
    changes = {}
    for field, new in new_values.items():
        old = getattr(instance, field)
        if old != new:
            changes[field] = [_plain(old), _plain(new)]
    return changes


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple | set):
        return [_plain(item) for item in value]
    return str(value)


def record(
    *,
    actor: Any,
    action: str,
    obj: models.Model,
    changes: dict[str, Any] | None = None,
    organisation: Organisation | None = None,
    space: Space | None = None,
) -> AuditLogEntry:
    return AuditLogEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        changes=changes or {},
        organisation=organisation,
        space=space,
    )
