from django.core.exceptions import PermissionDenied


class DomainError(Exception):
    """A rule of the domain was broken; the message is shown to the person as it is."""


class NotAllowed(PermissionDenied):
    """The actor may not do this. Views turn it into a translated 403 page."""
