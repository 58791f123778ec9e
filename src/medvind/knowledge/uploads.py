"""Media files and attachments are checked by their bytes, never by their name. Captions by their form."""

import re
import zipfile

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from medvind.core.errors import DomainError


class UploadError(DomainError):
    """A file is too big or not of a kind we take."""


FILE_MAX_BYTES = 25 * 1024 * 1024

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"


def media_max_bytes() -> int:
    return int(getattr(settings, "KNOWLEDGE_MEDIA_MAX_MB", 200)) * 1024 * 1024


def sniff_media(head: bytes) -> str | None:
    """video/… or audio/… from the first bytes of the file."""
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "audio/mp4" if brand in (b"M4A ", b"M4B ") else "video/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    return None


def _zip_kind(upload: UploadedFile) -> str | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return ODT
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return DOCX
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    finally:
        upload.seek(0)
    return None


def sniff_file(upload: UploadedFile, head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(upload)
    return None


def _head(upload: UploadedFile) -> bytes:
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return head


def checked_media(upload: UploadedFile) -> str:
    limit = media_max_bytes()
    if upload.size is None or upload.size > limit:
        raise UploadError(
            _("“%(name)s” is too big. Video and audio files can be at most %(max)s.")
            % {"name": upload.name, "max": filesizeformat(limit)}
        )
    content_type = sniff_media(_head(upload))
    if content_type is None:
        raise UploadError(
            _("“%(name)s” is not a video or audio file. You can upload MP4, WebM, Ogg, MP3 and WAV.")
            % {"name": upload.name}
        )
    return content_type


def checked_file(upload: UploadedFile) -> str:
    if upload.size is None or upload.size > FILE_MAX_BYTES:
        raise UploadError(
            _("“%(name)s” is too big. Files can be at most %(max)s.")
            % {"name": upload.name, "max": filesizeformat(FILE_MAX_BYTES)}
        )
    content_type = sniff_file(upload, _head(upload))
    if content_type is None:
        raise UploadError(
            _(
                "“%(name)s” is not a file we can take. You can attach PDF, Word (DOCX), OpenDocument text (ODT), PNG and JPEG."
            )
            % {"name": upload.name}
        )
    return content_type


TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
CUE = re.compile(rf"^{TIME}[ \t]+-->[ \t]+{TIME}(?:[ \t].*)?$")


def _seconds(h: str | None, m: str, s: str, ms: str) -> float:
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def caption_problem(text: str) -> str | None:
    """Why these captions are not valid WebVTT, or None."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0].rstrip("\r")
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        return _("Captions must be WebVTT: the first line must be “WEBVTT”.")
    cues = 0
    for line in text.splitlines():
        match = CUE.match(line.strip())
        if match:
            g = match.groups()
            if _seconds(*g[4:8]) <= _seconds(*g[0:4]):
                return _("A caption ends before it starts: %(line)s") % {"line": line.strip()[:60]}
            cues += 1
    if cues == 0:
        return _(
            "The captions have no cue. Write at least one, for example “00:00:01.000 --> 00:00:04.000” and the text on the next line."
        )
    return None
