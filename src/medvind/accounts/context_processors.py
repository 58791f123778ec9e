from typing import Any

from django.http import HttpRequest

from .selectors import display_preferences


def preferences(request: HttpRequest) -> dict[str, Any]:
    prefs = display_preferences(request)
    classes = [
        name
        for name, on in (
            ("mv-easy-read", prefs["easy_read"]),
            ("mv-large-text", prefs["large_text"]),
            ("mv-high-contrast", prefs["high_contrast"]),
        )
        if on
    ]
    return {"prefs": prefs, "body_classes": " ".join(classes)}
