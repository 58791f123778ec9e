"""Demo content of the knowledge bank, loaded by `load_demo()` after the core demo, so that a newcomer
sees every state an item can be in.

The shared collection (curated by the platform admin), each text in all five languages and linked as
translations of one another: six articles, each with an easy-read version (what user participation is,
preparing a user council meeting, how a user-led audit works, writing easy-read, the value of lived
experience and the role of a user representative); a practical tip; two templates (an invitation to a
user council meeting and an interview guide for user auditors); and a link. Then an audio story (a few
seconds of generated silent audio, with its full transcript and captions) in all five languages, linked
as translations: "Annas berättelse" in Swedish and English, "Annes historie" in Danish and Norwegian
Bokmål, "Anne si forteljing" in Nynorsk.

Items of organisations, in Swedish: Föreningen Brukarröst has published a practical tip on how its
members prepare for the user council, with a checklist as a PDF attachment; Exempelkommun has a draft
handbook on user participation in social services, whose outline lists what is missing before it can be
published. Only the municipality's staff and admins see the draft (the facilitator does, a visitor
does not).

Everything is written through the services, so their rules apply. The learning demo builds its paths on
the shared items (see `shared_item`). Each part loads once (running it again adds nothing, and an older
demo gets only the parts it lacks), and loading takes a second or two."""

import io
import re
import struct
import wave
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from weasyprint import HTML

from medvind.accounts.models import User
from medvind.core.models import Organisation

from . import services
from .demo_content import (
    DA,
    EN,
    HANDBOOK,
    INTERVIEW,
    LINK,
    LINK_URL,
    NB,
    NN,
    ORG_TIP,
    ORG_TIP_CHECKLIST,
    STORY,
    SV,
    TEMPLATE,
    TIP,
)
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


STORY_LANGUAGES = ["sv", "en", "da", "nb", "nn"]  # Swedish first: the original the others translate


def load_story() -> bool:
    """Anna's audio story in all five languages (Anne in Danish and Norwegian), linked as translations of
    the Swedish one. Loads the languages that are missing, so an older demo gets the new ones too; True
    when anything was loaded now."""
    admin = User.objects.get(email="admin@demo.example")
    audio = silent_wav()
    stories: dict[str, Item] = {}
    added = False
    for language in STORY_LANGUAGES:
        title, summary, transcript, cues = STORY[language]
        found = Item.objects.filter(organisation=None, kind=Kind.STORY, language=language, title=title)
        story = found.order_by("pk").first()
        if story is None:
            name = "anna.wav" if language in ("sv", "en") else "anne.wav"
            story = _add(
                admin,
                kind=Kind.STORY,
                title=title,
                language=language,
                summary=summary,
                transcript=transcript,
                captions=_captions(cues),
                media=SimpleUploadedFile(name, audio, content_type="audio/wav"),
                audiences=["representatives", "everyone"],
                tags=["digital-story", "user-council"],
            )
            added = True
        stories[language] = story
    original = stories["sv"]
    for language, story in stories.items():
        if language != "sv" and (
            original.translation_group is None or story.translation_group != original.translation_group
        ):
            services.item_link_translation(actor=admin, item=story, original=original)
            original.refresh_from_db(fields=["translation_group"])
    return added


def _checklist_pdf() -> bytes:
    """The checklist of Föreningen Brukarröst's tip as a small tagged PDF, made here; nothing is fetched."""
    title, sections = ORG_TIP_CHECKLIST
    parts = [f"<h1>{escape(title)}</h1>", "<p>Föreningen Brukarröst</p>"]
    for heading, points in sections:
        parts.append(f"<h2>{escape(heading)}</h2><ul>")
        parts.extend(f"<li>{escape(point)}</li>" for point in points)
        parts.append("</ul>")
    html = (
        '<!doctype html><html lang="sv"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        "<style>body { font-family: sans-serif; font-size: 12pt; } li { margin-bottom: 4pt; }</style>"
        f"</head><body>{''.join(parts)}</body></html>"
    )
    return HTML(string=html, url_fetcher=_refuse).write_pdf(pdf_variant="pdf/ua-1")


def _refuse(url: str, *args: Any, **kwargs: Any) -> Any:
    raise ValueError(f"the demo checklist fetches nothing ({url})")


def load_organisation_items() -> bool:
    """Items that organisations write, in Swedish: Föreningen Brukarröst's published tip (written by its
    admin Robin Sand, with the checklist as a PDF attachment), and Exempelkommun's handbook, a draft by
    the facilitator Fatima Lund that only the municipality's staff and admins see, with what is missing
    listed in the text. Each loads once; True when anything was loaded now."""
    added = False
    title, summary, body, easy_read = ORG_TIP
    brukarrost = Organisation.objects.get(slug="foreningen-brukarrost")
    if not Item.objects.filter(organisation=brukarrost, title=title).exists():
        robin = User.objects.get(email="representative@demo.example")
        tip = services.item_create(
            actor=robin,
            organisation=brukarrost,
            kind=Kind.TIP,
            title=title,
            language="sv",
            summary=summary,
            body=_headings(body),
            easy_read=easy_read,
            audiences=["representatives", "everyone"],
            tags=["user-council", "meeting", "user-organisation"],
        )
        pdf = SimpleUploadedFile("checklista-fore-brukarradet.pdf", _checklist_pdf(), "application/pdf")
        services.file_add(actor=robin, item=tip, upload=pdf)
        services.item_publish(actor=robin, item=tip)
        added = True
    title, summary, body, easy_read = HANDBOOK
    exempel = Organisation.objects.get(slug="exempelkommun")
    if not Item.objects.filter(organisation=exempel, title=title).exists():
        services.item_create(
            actor=User.objects.get(email="facilitator@demo.example"),
            organisation=exempel,
            kind=Kind.HANDBOOK,
            title=title,
            language="sv",
            summary=summary,
            body=_headings(body),
            easy_read=easy_read,
            audiences=["staff"],
            tags=["handbook", "participation", "user-council"],
        )  # a draft: not published
        added = True
    return added


def load_demo() -> None:
    load_texts()
    load_story()
    load_organisation_items()
