"""Attachments are checked by their content, never by their name."""

from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from medvind.core.errors import DomainError


class UploadError(DomainError):
    """An attachment is too big or not an image or PDF."""


MAX_BYTES = 10 * 1024 * 1024
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def sniff(head: bytes) -> str | None:
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def checked_upload(upload: UploadedFile) -> tuple[UploadedFile, str]:
    if upload.size is None or upload.size > MAX_BYTES:
        raise UploadError(
            _("“%(name)s” is too big. Files can be at most %(max)s.")
            % {"name": upload.name, "max": filesizeformat(MAX_BYTES)}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff(head)
    if content_type is None:
        raise UploadError(
            _(
                "“%(name)s” is not an image or a PDF file. You can attach images (PNG, JPEG, GIF, WebP) and PDF."
            )
            % {"name": upload.name}
        )
    return upload, content_type
