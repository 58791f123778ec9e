"""Fixtures for the proposals tests: files to attach, a private media folder, and emails sent after commit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from medvind.proposals.uploads import MAX_BYTES

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
HTML = b"<!doctype html><script>alert(1)</script>"


def png(name: str = "photo.png", size: int | None = None) -> SimpleUploadedFile:
    content = PNG if size is None else PNG + b"\x00" * (size - len(PNG))
    return SimpleUploadedFile(name, content, content_type="image/png")


def pdf(name: str = "letter.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def disguised_html(name: str = "x.png") -> SimpleUploadedFile:
    """An HTML page that claims, by its name and content type, to be an image."""
    return SimpleUploadedFile(name, HTML, content_type="image/png")


def too_big(name: str = "huge.png") -> SimpleUploadedFile:
    return png(name, size=MAX_BYTES + 1)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run the block, then what the services queued for after the commit (the emails)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _snapshot() -> dict[str, int]:
    from medvind.core.models import AuditLogEntry
    from medvind.proposals import models

    kinds = [
        models.Proposal,
        models.Answer,
        models.Support,
        models.Follow,
        models.Comment,
        models.Attachment,
        models.Report,
        models.Theme,
        models.Notification,
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
