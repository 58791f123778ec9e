"""Fixtures for the forums tests."""

import pytest


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run the block, then what the services queued for after the commit (the emails)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _snapshot() -> dict[str, int]:
    from medvind.core.models import AuditLogEntry
    from medvind.forums import models
    from medvind.proposals.models import Answer

    kinds = [
        models.Meeting,
        models.Registration,
        models.AgendaItem,
        models.AgendaVote,
        models.Decision,
        models.ActionItem,
        models.MemberListing,
        Answer,
        AuditLogEntry,
    ]
    return {model.__name__: model.objects.count() for model in kinds}


@pytest.fixture
def unchanged(db):
    """Use as `with unchanged(): ...` around an action that must fail and write nothing."""

    class Unchanged:
        def __enter__(self):
            self.before = _snapshot()

        def __exit__(self, *exc):
            assert _snapshot() == self.before, "a failed action left rows behind"

    return Unchanged
