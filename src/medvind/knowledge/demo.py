"""Demo content of the knowledge bank, loaded by `load_demo()` after the core demo.

The shared collection (curated by the platform admin), each text in all five languages and linked as
translations of one another: six articles, each with an easy-read version (what user participation is,
preparing a user council meeting, how a user-led audit works, writing easy-read, the value of lived
experience and the role of a user representative); a practical tip; two templates (an invitation to a
user council meeting and an interview guide for user auditors); and a link. Then an audio story (a few
seconds of generated silent audio, with its transcript and captions) in Swedish and English. The
learning demo builds its paths on these items (see `shared_item`). Each part loads once, and loading
takes well under a second."""

import io
import re
import struct
import wave
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from medvind.accounts.models import User

from . import services
from .demo_content import DA, EN, INTERVIEW, LINK, LINK_URL, NB, NN, STORY, SV, TEMPLATE, TIP
from .models import Item, ItemStatus, Kind

ARTICLES = {"en": EN, "sv": SV, "da": DA, "nb": NB, "nn": NN}
LANGUAGE_ORDER = ["en", "sv", "da", "nb", "nn"]
TAGS = {
    "participation": (["participation", "lived-experience"], ["everyone"]),
    "meeting": (["user-council", "meeting"], ["staff", "representatives"]),
    "audit": (["user-led-audit", "brukarrevision"], ["staff", "representatives", "auditors"]),
    "easyread": (["easy-read", "plain-language"], ["staff", "representatives", "auditors"]),
    "experience": (["lived-experience", "participation"], ["everyone", "staff"]),
    "representative": (["user-representative", "user-council"], ["representatives"]),
}
# key: (kind, texts by language, tags, audiences)
OTHERS = {
    "tip": (Kind.TIP, TIP, ["meeting", "user-council"], ["staff"]),
    "template": (Kind.TEMPLATE, TEMPLATE, ["invitation", "user-council"], ["staff"]),
    "interview": (Kind.TEMPLATE, INTERVIEW, ["user-led-audit", "brukarrevision", "interview"], ["auditors"]),
}
LINK_KEY = "link"


def title_of(key: str, language: str) -> str:
    """The title of a shared demo item: an article key of TAGS, a key of OTHERS, or LINK_KEY."""
    if key in TAGS:
        return ARTICLES[language][key][0]
    if key == LINK_KEY:
        return LINK[language][0]
    return OTHERS[key][1][language][0]


def shared_item(key: str, language: str) -> Item | None:
    """The published item of the shared demo collection with this key in this language, if loaded."""
    items = Item.objects.filter(
        organisation=None, language=language, title=title_of(key, language), status=ItemStatus.PUBLISHED
    )
    return items.order_by("pk").first()


def _headings(text: str) -> str:
    """Our Markdown subset has no headings: a heading line becomes a bold line."""
    return re.sub(r"^#{1,6} (.+)$", r"**\1**", text, flags=re.M)


def silent_wav(seconds: float = 3.0) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(struct.pack("<h", 0) * int(8000 * seconds))
    return buffer.getvalue()


def _captions(cues: list[tuple[str, str, str]]) -> str:
    return "WEBVTT\n\n" + "\n\n".join(f"{start} --> {end}\n{text}" for start, end, text in cues) + "\n"


def _group(admin: User, items: list[Item]) -> None:
    for item in items[1:]:
        services.item_link_translation(actor=admin, item=item, original=items[0])


def _add(admin: User, **values: Any) -> Item:
    item = services.item_create(actor=admin, organisation=None, **values)
    return services.item_publish(actor=admin, item=item)


def load_texts() -> bool:
    """The articles, the tip, the templates and the link in five languages, linked as translations.
    Loads only once; True when loaded now. The learning demo calls this too, so that its steps always
    use these items."""
    if shared_item("participation", "en") is not None:
        return False
    admin = User.objects.get(email="admin@demo.example")
    for key, (tags, audiences) in TAGS.items():
        group = []
        for language in LANGUAGE_ORDER:
            title, summary, body, easy_read = ARTICLES[language][key]
            group.append(
                _add(
                    admin,
                    kind=Kind.ARTICLE,
                    title=title,
                    language=language,
                    summary=summary,
                    body=_headings(body),
                    easy_read=easy_read,
                    audiences=audiences,
                    tags=tags,
                )
            )
        _group(admin, group)
    for kind, texts, tags, audiences in OTHERS.values():
        group = []
        for language in LANGUAGE_ORDER:
            title, summary, body, easy_read = texts[language]
            group.append(
                _add(
                    admin,
                    kind=kind,
                    title=title,
                    language=language,
                    summary=summary,
                    body=_headings(body),
                    easy_read=easy_read,
                    audiences=audiences,
                    tags=tags,
                )
            )
        _group(admin, group)
    group = []
    for language in LANGUAGE_ORDER:
        title, summary = LINK[language]
        group.append(
            _add(
                admin,
                kind=Kind.LINK,
                title=title,
                language=language,
                summary=summary,
                url=LINK_URL,
                audiences=["staff", "representatives"],
                tags=["easy-read"],
            )
        )
    _group(admin, group)
    return True


def load_story() -> bool:
    """Anna's audio story in Swedish and English, once; True when loaded now."""
    if Item.objects.filter(organisation=None, kind=Kind.STORY, title=STORY["sv"][0]).exists():
        return False
    admin = User.objects.get(email="admin@demo.example")
    group = []
    audio = silent_wav()
    for language in ("sv", "en"):
        title, summary, transcript, cues = STORY[language]
        group.append(
            _add(
                admin,
                kind=Kind.STORY,
                title=title,
                language=language,
                summary=summary,
                transcript=transcript,
                captions=_captions(cues),
                media=SimpleUploadedFile("anna.wav", audio, content_type="audio/wav"),
                audiences=["representatives", "everyone"],
                tags=["digital-story", "user-council"],
            )
        )
    _group(admin, group)
    return True


def load_demo() -> None:
    load_texts()
    load_story()
